"""Where the project's files live; environment variables point a build at another copy."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DATA_DIR_VARIABLE = "KARABAKH_DATA_DIR"
FIGURES_DIR_VARIABLE = "KARABAKH_FIGURES_DIR"
#: The data package's descriptor, in its folder.
DESCRIPTOR = "datapackage.json"
#: The map file whose features territory_districts.csv names (a path in the data package).
DISTRICTS_FILE = "geo/azerbaijan-districts.geojson"


def data_dir(chosen: str | os.PathLike | None = None) -> Path:
    """The data package to read: `chosen` where given, else $KARABAKH_DATA_DIR, or the project's data/."""
    return Path(chosen if chosen is not None else os.environ.get(DATA_DIR_VARIABLE) or ROOT / "data")


def figures_dir(chosen: str | os.PathLike | None = None) -> Path:
    """Where charts are exported: `chosen` where given, else $KARABAKH_FIGURES_DIR (the build and the tests set
    it), else the project's figures/ for a notebook run in the project's notebooks/ folder (where JupyterLab
    runs it), else figures/ under the current folder: a chart drawn anywhere else never rewrites the collection's
    figures or their index."""
    if chosen is not None:
        return Path(chosen)
    if os.environ.get(FIGURES_DIR_VARIABLE):
        return Path(os.environ[FIGURES_DIR_VARIABLE])
    if Path.cwd().resolve() == (ROOT / "notebooks").resolve():
        return ROOT / "figures"
    return Path.cwd() / "figures"
