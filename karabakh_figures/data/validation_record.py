"""Remember which versions of the data passed validation, so that each version is validated once.

A version is the content of every file in the data folder together with the code that validates it and
the pinned requirements: a changed byte in any of them is a new version. What passed is recorded as an
empty file named by that hash, in a cache folder outside the repository ($KARABAKH_CACHE_DIR, else
$XDG_CACHE_HOME/karabakh-figures, else ~/.cache/karabakh-figures). The tables are always read from the data
itself. A version that failed is recorded with its problems, for that folder only (the problems name its
files; one record per folder, dropped once the folder is gone), so that load() reports them again without
checking; `python -m karabakh_figures validate` always checks.

A process that starts validating a version holds a lock on it there, so that another process that needs the
same version (the build's notebooks start while the build validates) waits for that result instead of
validating it a second time.
"""

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .files import locked, write_whole
from .fingerprint import data_version
from .problems import Problem

__all__ = ["cache_dir", "data_version", "failed", "passed", "record_failure", "record_pass", "validating"]

CACHE_DIR_VARIABLE = "KARABAKH_CACHE_DIR"


def cache_dir() -> Path:
    explicit = os.environ.get(CACHE_DIR_VARIABLE)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "karabakh-figures"


def _marker(version: str) -> Path:
    return cache_dir() / "valid" / version


def passed(version: str) -> bool:
    return _marker(version).is_file()


def record_pass(version: str) -> None:
    """Remember that this version validated; a cache that cannot be written only means validating again."""
    _write(_marker(version), "")


def _failure_record(data_dir: Path) -> Path:
    return _failures() / hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()


def _failures() -> Path:
    return cache_dir() / "failed"


def record_failure(version: str, data_dir: Path, problems: list[Problem]) -> None:
    """Remember the problems of this version of the data in `data_dir`: one record per folder, the latest. The
    records of folders that no longer exist (a test's copies) are removed here, so that they do not pile up."""
    for record in _failures().glob("[!.]*") if _failures().is_dir() else []:  # not another writer's partial file
        try:
            gone = not Path(json.loads(record.read_text(encoding="utf-8"))["data_dir"]).is_dir()
        except (OSError, ValueError, KeyError, TypeError):
            gone = True
        if gone:
            record.unlink(missing_ok=True)
    _write(_failure_record(data_dir), json.dumps({
        "data_dir": str(Path(data_dir).resolve()), "version": version,
        "problems": [dataclasses.asdict(problem) for problem in problems]}))


def failed(version: str, data_dir: Path) -> list[Problem] | None:
    """The problems this version of the data in `data_dir` was found to have, if it was checked and failed."""
    try:
        record = json.loads(_failure_record(data_dir).read_text(encoding="utf-8"))
        if record["version"] != version:
            return None
        return [Problem(**problem) for problem in record["problems"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(path: Path, text: str) -> None:
    """Write whole or not at all (a reader never sees half a record); a cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, text)
    except OSError:
        pass


@contextmanager
def validating(version: str) -> Iterator[None]:
    """Hold this version's lock while validating it; waits while another process holds it (not on Windows: two
    processes may then validate the same version side by side). A cache that cannot be written means no lock."""
    path = cache_dir() / "validating" / version
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    with locked(path):
        yield
