"""The committed data is valid, its raw texts are the ones the descriptor records, and each shipped raw text keeps
every line of the shared reference it was copied from (a contributor may add to it, never change it)."""

import hashlib
import json
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from conftest import DATA, ROOT, read_rows
from karabakh_figures.data.validation import check

SHARED = ROOT.parent / "shared"
#: Where the project's shared references keep the originals of the raw texts shipped with the data.
SHARED_FOLDERS = (SHARED / "sources", SHARED / "reference")


def raw_texts() -> list[dict]:
    """The raw texts the descriptor lists (the map files are tests/presentation/test_maps.py's)."""
    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    return [resource for resource in descriptor["resources"] if "schema" not in resource
            and resource.get("format") != "geojson"]


def shared_copy(path: str) -> Path | None:
    """The shared reference a shipped raw text was copied from; None for a file a contributor added."""
    return next((folder / Path(path).name for folder in SHARED_FOLDERS if (folder / Path(path).name).is_file()), None)


def test_committed_data_has_no_problems():
    assert [str(problem) for problem in check(DATA).problems] == []


def test_validate_command_exits_zero_on_committed_data(validate):
    code, out, err = validate(DATA)
    assert (code, err) == (0, [])
    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    tables = [resource["path"] for resource in descriptor["resources"] if "schema" in resource]
    rows = sum(len(read_rows(DATA / table)) - 1 for table in tables)
    assert out == [f"{DATA}: valid ({len(tables)} tables, {rows} rows, every quote found in its raw text)"]


def test_raw_texts_checksums_are_the_ones_in_the_descriptor():
    for resource in raw_texts():
        content = (DATA / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest(), (
            f"{resource['path']}: record it: python -m karabakh_figures record data/{resource['path']}")
        assert resource["bytes"] == len(content), resource["path"]


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared/ is not beside this clone")
@pytest.mark.parametrize("path", [resource["path"] for resource in raw_texts()])
def test_a_shipped_raw_text_keeps_every_line_of_its_shared_reading(path):
    """A shipped reference file may be added to (CONTRIBUTING.md), never changed: every line of the shared copy
    stands in it, in order."""
    original = shared_copy(path)
    if original is None:
        pytest.skip(f"{path} is not a copy of a shared reference")
    shipped = (DATA / path).read_text(encoding="utf-8").splitlines()
    shared = original.read_text(encoding="utf-8").splitlines()
    steps = SequenceMatcher(None, shared, shipped, autojunk=False).get_opcodes()
    changed = next((shared[first] for tag, first, *_ in steps if tag in ("delete", "replace")), None)
    assert changed is None, (f"data/{path} no longer holds this line of {original}: {changed!r}; a shipped reference "
                             "file may be added to, not changed")
