"""One hash of everything a notebook's figures depend on: the data files, the package's code and the pinned
requirements. A changed byte in any of them is a new version of the data: validation is recorded per version
(validation_record), and the build executes a notebook again when it changes. Python's version is not in it:
Python 3.11 to 3.13 build the same bytes (CI checks it), so a build under another of them re-executes nothing."""

import hashlib
from pathlib import Path

from .paths import ROOT

PACKAGE = Path(__file__).resolve().parent.parent


def data_version(data_dir: Path) -> str:
    """The hash of the data files in `data_dir`, the package's code and the pinned requirements."""
    digest = hashlib.sha256()
    for label, folder, pattern in (("data", Path(data_dir), "**/*"), ("code", PACKAGE, "**/*.py")):
        for path in sorted(p for p in folder.glob(pattern) if p.is_file() and "__pycache__" not in p.parts):
            digest.update(f"{label}/{path.relative_to(folder).as_posix()}\n".encode())
            digest.update(path.read_bytes())
    requirements = ROOT / "requirements.txt"
    # load() keys its validation cache by this hash too, and must work where the package runs without its checkout.
    digest.update(requirements.read_bytes() if requirements.is_file() else b"")
    return digest.hexdigest()
