"""`load()`: typed pandas tables from the validated data package, and `checked_data()`: its validation, done
once per version of the data (validation_record keeps which versions passed)."""

import os
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import validation_record as validated
from .descriptor import read_descriptor, tables_in
from .paths import DESCRIPTOR
from .paths import data_dir as default_data_dir
from .problems import DataError, DataWarning, Problem
from .reading import Table, read_table

_DTYPES = {"integer": "Int64", "number": "Float64", "string": "string"}
#: The tables this process has loaded, in order: what a notebook's figures rest on (see source_list.used_here).
_LOADED: dict[str, None] = {}


def load(name: str, data_dir: str | os.PathLike | None = None, *, exploring: bool = False) -> pd.DataFrame:
    """The table `name` (e.g. "territories") as a typed DataFrame, from a data package that validates.

    The whole package is validated once per version of its files (see validation_record). When it does not
    validate, load() raises DataError listing every problem, its first line saying whether the table asked for
    is itself among them. A table whose own file has no problem (the problems are in other tables) can be read
    anyway, for exploration, with `exploring=True`: a warning then names the tables that do not validate, since
    what the table says may rest on them (its keys into them are not checked). A table with problems of its own,
    or a descriptor that cannot be read, is never loaded.
    """
    data_dir = default_data_dir(data_dir).resolve()
    version = validated.data_version(data_dir)
    _check_usable(data_dir, version, name, exploring)
    frame = _typed_table(data_dir, version, name)
    _LOADED[name] = None
    # A copy: what a notebook does to its table must not change the next load().
    return frame.copy()


def _check_usable(data_dir: Path, version: str, name: str, exploring: bool) -> None:
    problems = _problems(data_dir, version)
    if any(Path(problem.file).name == DESCRIPTOR for problem in problems):
        raise DataError(list(problems))
    schemas = tables_in(read_descriptor(data_dir))
    if name not in schemas:
        raise KeyError(f"no table {name!r} in the data package; tables: {', '.join(schemas)}")
    if not problems:
        return
    own = (data_dir / schemas[name]["path"]).resolve()
    invalid = list(dict.fromkeys(Path(problem.file).resolve() for problem in problems))
    others = [path.relative_to(data_dir).as_posix() for path in invalid if path != own]
    if own in invalid:
        raise DataError(list(problems), f"load({name!r}): {own.name} does not validate; mend it (python -m "
                                        "karabakh_figures validate lists every problem)")
    if not exploring:
        raise DataError(list(problems), f"load({name!r}): the data package does not validate ({', '.join(others)}); "
                                        f"{own.name} itself has no problem: load({name!r}, exploring=True) reads it "
                                        "for exploration")
    warnings.warn(f"load({name!r}, exploring=True): {own.name} validates, but {', '.join(others)} "
                  f"{'does' if len(others) == 1 else 'do'} not; what it says may rest on them", DataWarning,
                  stacklevel=3)


@lru_cache(maxsize=8)
def _problems(data_dir: Path, version: str) -> tuple[Problem, ...]:
    """The problems of one version of the data (none where it passed before), found once per process."""
    return () if validated.passed(version) else tuple(checked_data(data_dir).problems)


def read(name: str, data_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """The table `name` as load() gives it, not counted among the tables a notebook's figures rest on: for the
    words every text writes (a place's names), which are no figure of the notebook's."""
    data_dir = default_data_dir(data_dir)
    return _typed_table(data_dir.resolve(), validated.data_version(data_dir), name).copy()


def loaded_tables() -> list[str]:
    """The names of the tables loaded so far in this process, in the order first loaded."""
    return list(_LOADED)


def checked_data(data_dir: str | os.PathLike | None = None, *, again: bool = False):
    """The validation of `data_dir` (default: $KARABAKH_DATA_DIR or the project's data/): every table as
    read and every problem found. A version of the data that passed before is read, not checked again,
    unless `again` is set."""
    from .validation import CheckedData, check

    data_dir = default_data_dir(data_dir)
    version = validated.data_version(data_dir)
    if validated.passed(version) and not again:
        return _as_passed(data_dir)
    with validated.validating(version):
        # Another process may have checked this version while this one waited for it.
        if validated.passed(version) and not again:
            return _as_passed(data_dir)
        problems = None if again else validated.failed(version, data_dir)
        if problems:
            return CheckedData({}, problems=problems)
        checked = check(data_dir)
        if checked.problems:
            validated.record_failure(version, data_dir, checked.problems)
        else:
            validated.record_pass(version)
    return checked


def _as_passed(data_dir: Path):
    from .validation import CheckedData

    descriptor = read_descriptor(data_dir)
    tables = {name: read_table(data_dir / resource["path"])[0] for name, resource in tables_in(descriptor).items()}
    return CheckedData(descriptor, tables)


@lru_cache(maxsize=64)
def _typed_table(data_dir: Path, version: str, name: str) -> pd.DataFrame:
    """A table of one version of the data, read and typed once per process (notebooks load the same tables
    many times: each analysis function loads what it needs)."""
    schema = tables_in(read_descriptor(data_dir))[name]
    table, _ = read_table(data_dir / schema["path"])
    return _frame(table, schema["schema"])


def _frame(table: Table, schema: dict) -> pd.DataFrame:
    frame = pd.DataFrame(table.rows, columns=table.header, dtype="string")
    frame = frame.replace("", pd.NA)
    for field in schema["fields"]:
        frame[field["name"]] = _typed(frame[field["name"]], field["type"])
    return frame


def _typed(column: pd.Series, field_type: str) -> pd.Series:
    if field_type == "date":
        return pd.to_datetime(column, format="%Y-%m-%d")
    if field_type == "boolean":
        # Frictionless's default true and false values; validation has refused any other.
        words = {word: True for word in ("true", "True", "TRUE", "1")} | {
            word: False for word in ("false", "False", "FALSE", "0")}
        return column.map(words).astype("boolean")
    return column.astype(_DTYPES.get(field_type, "string"))
