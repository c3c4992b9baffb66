"""Typed pandas tables from the validated data package."""

import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .paths import data_dir as default_data_dir
from .problems import DataError
from .validation import CheckedData, check

_DTYPES = {"integer": "Int64", "number": "Float64", "string": "string"}


def load(name: str, data_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """The table `name` (e.g. "territories") as a typed DataFrame, after validating the whole package.

    Raises DataError, listing every problem, when the data does not validate.
    """
    checked = checked_data(data_dir)
    if checked.problems:
        raise DataError(checked.problems)
    schemas = {resource["name"]: resource["schema"] for resource in checked.descriptor["resources"]
               if "schema" in resource}
    if name not in schemas:
        raise KeyError(f"no table {name!r} in the data package; tables: {', '.join(schemas)}")
    table = checked.tables[name]
    frame = pd.DataFrame(table.rows, columns=table.header, dtype="string")
    frame = frame.replace("", pd.NA)
    for field in schemas[name]["fields"]:
        frame[field["name"]] = _typed(frame[field["name"]], field["type"])
    return frame


def checked_data(data_dir: str | os.PathLike | None = None) -> CheckedData:
    """The validation of `data_dir` (default: $KARABAKH_DATA_DIR or the project's data/), re-run only when a file
    there changes."""
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    return _checked(data_dir.resolve(), _fingerprint(data_dir))


def _fingerprint(data_dir: Path) -> tuple:
    files = sorted(path for path in data_dir.rglob("*") if path.is_file())
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)


@lru_cache(maxsize=8)
def _checked(data_dir: Path, fingerprint: tuple) -> CheckedData:
    return check(data_dir)


def _typed(column: pd.Series, field_type: str) -> pd.Series:
    if field_type == "date":
        return pd.to_datetime(column, format="%Y-%m-%d")
    if field_type == "boolean":
        # Frictionless's default true and false values; validation has refused any other.
        words = {word: True for word in ("true", "True", "TRUE", "1")} | {
            word: False for word in ("false", "False", "FALSE", "0")}
        return column.map(words).astype("boolean")
    return column.astype(_DTYPES.get(field_type, "string"))
