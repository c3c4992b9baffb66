"""Remember which versions of the data passed validation, so that each version is validated once.

A version is the content of every file in the data folder together with the code that validates it and
the pinned requirements: a changed byte in any of them is a new version. What passed is recorded as an
empty file named by that hash, in a cache folder outside the repository ($KARABAKH_CACHE_DIR, else
$XDG_CACHE_HOME/karabakh-figures, else ~/.cache/karabakh-figures). Nothing else is kept there: the tables
are always read from the data itself, and a version that failed is never recorded.
"""

import os
from pathlib import Path

# The build's hash of what every notebook depends on is exactly a version of the data and its validator.
from .build import shared_inputs_hash as data_version

__all__ = ["cache_dir", "data_version", "passed", "record_pass"]

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
    marker = _marker(version)
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass
