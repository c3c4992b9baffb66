"""Recording a raw file of the data package: its bytes and hash in datapackage.json, against which the validator
checks that the file is the one its quotes were read in. One command does it, for a changed file or a new one
(`python -m karabakh_figures record data/raw/FILE`), and it refuses a raw text that no source uses."""

import csv
import hashlib
import json
from pathlib import Path

from .descriptor_checks import shape_problems
from .paths import DESCRIPTOR
from .quotes import RAW_FILE_SEPARATOR

#: The media type of each kind of raw file, by its suffix.
MEDIA_TYPES = {".md": "text/markdown", ".txt": "text/plain", ".geojson": "application/geo+json"}
SOURCES_FILE = "sources.csv"


class RecordError(ValueError):
    """The file cannot be recorded; the message says why and what to do, in one line."""


def record_raw(path: str | Path, title: str | None = None) -> str:
    """Record the file at `path` (inside a data package) in its datapackage.json: its byte count and SHA-256,
    and, for a new file, a resource with `title`. Returns what was done, in one line."""
    path = Path(path).resolve()
    data_dir = next((folder for folder in path.parents if (folder / DESCRIPTOR).is_file()), None)
    if data_dir is None:
        raise RecordError(f"{path}: not inside a data package (no {DESCRIPTOR} in a folder above it)")
    if not path.is_file():
        raise RecordError(f"{path}: no such file")
    relative = path.relative_to(data_dir).as_posix()
    try:
        descriptor = json.loads((data_dir / DESCRIPTOR).read_text(encoding="utf-8"))
    except ValueError as error:
        raise RecordError(f"{data_dir / DESCRIPTOR}: cannot be read: {error}") from None
    malformed = shape_problems(data_dir, descriptor)
    if malformed:
        raise RecordError(f"{malformed[0]} (mend {DESCRIPTOR} first; `validate` lists every problem)")
    resource = next((resource for resource in descriptor["resources"] if resource.get("path") == relative), None)
    if resource is not None and "schema" in resource:
        raise RecordError(f"{path}: a table, not a raw file; its rows are checked by `python -m karabakh_figures "
                          "validate`, and nothing needs recording")
    is_map = path.suffix == ".geojson"
    if not is_map and not _used_by_a_source(data_dir, relative):
        raise RecordError(f"{path}: no source in {SOURCES_FILE} names {relative} in raw_file; add the source that "
                          "quotes it first (CONTRIBUTING.md, 'Adding a source')")
    content = path.read_bytes()
    try:
        content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RecordError(f"{path}: not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    if resource is None:
        if is_map:
            raise RecordError(f"{path}: a new map file needs its licence and source described by hand in "
                              f"{DESCRIPTOR} (see geo/README.md); the command records files already described")
        if not title:
            raise RecordError(f"{path}: a new raw file needs a title: add --title 'What the file is'")
        resource = {"name": path.stem, "path": relative, "title": title,
                    "description": "A raw text kept byte for byte, so that its quotes can be checked: raw/README.md.",
                    "format": path.suffix.lstrip("."), "mediatype": MEDIA_TYPES.get(path.suffix, "text/plain"),
                    "encoding": "utf-8"}
        raw_positions = [position for position, other in enumerate(descriptor["resources"])
                         if "schema" not in other and other.get("format") != "geojson"]
        descriptor["resources"].insert(raw_positions[-1] + 1 if raw_positions else 0, resource)
        done = "added"
    else:
        done = "recorded"
    digest = "sha256:" + hashlib.sha256(content).hexdigest()
    if (resource.get("bytes"), resource.get("hash")) == (len(content), digest):
        return f"{relative}: already recorded ({len(content):,} bytes, {digest})"
    resource["bytes"], resource["hash"] = len(content), digest
    (data_dir / DESCRIPTOR).write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return f"{relative}: {done} in {DESCRIPTOR} ({len(content):,} bytes, {digest})"


def _used_by_a_source(data_dir: Path, relative: str) -> bool:
    sources = data_dir / SOURCES_FILE
    if not sources.is_file():
        return False
    with sources.open(encoding="utf-8", newline="") as file:
        return any(relative in record.get("raw_file", "").split(RAW_FILE_SEPARATOR) for record in csv.DictReader(file))
