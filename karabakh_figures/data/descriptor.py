"""The data package's descriptor (datapackage.json): its tables and the files that hold them."""

import json
import os
from pathlib import Path

from .paths import DESCRIPTOR
from .paths import data_dir as default_data_dir


def read_descriptor(data_dir: Path) -> dict:
    return json.loads((Path(data_dir) / DESCRIPTOR).read_text(encoding="utf-8"))


def tables_in(descriptor: dict) -> dict[str, dict]:
    """The package's tables (its resources with a schema), by name."""
    return {resource["name"]: resource for resource in descriptor["resources"] if "schema" in resource}


def table_paths(data_dir: str | os.PathLike | None = None) -> dict[str, Path]:
    """Each table of the data package by name, with its CSV file, as datapackage.json describes them."""
    data_dir = default_data_dir(data_dir)
    return {name: data_dir / resource["path"] for name, resource in tables_in(read_descriptor(data_dir)).items()}
