"""The committed data is valid, and its raw source is the shared compilation byte for byte."""

import hashlib
import json

import pytest

from conftest import DATA, ROOT, read_rows
from karabakh_figures.data.validation import check

SHARED = ROOT.parent / "shared"
RAW_COPIES = {"the-occupation-in-figures.txt": SHARED / "sources" / "the-occupation-in-figures.txt",
              "context-facts.md": SHARED / "reference" / "context-facts.md",
              "citations.md": SHARED / "reference" / "citations.md",
              "international-record.md": SHARED / "reference" / "international-record.md",
              "positions.md": SHARED / "reference" / "positions.md",
              "positions-supplement.md": SHARED / "reference" / "positions-supplement.md",
              "control-2020-2023.md": SHARED / "reference" / "control-2020-2023.md",
              "place-names.md": SHARED / "reference" / "place-names.md",
              "displacement.md": SHARED / "reference" / "displacement.md"}


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
    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    raw_texts = [resource for resource in descriptor["resources"] if "schema" not in resource
                 and resource.get("format") != "geojson"]  # the map files: tests/test_maps.py
    assert sorted(resource["path"] for resource in raw_texts) == sorted(f"raw/{name}" for name in RAW_COPIES)
    for resource in raw_texts:
        content = (DATA / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
        assert resource["bytes"] == len(content)


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared/ is not beside this clone")
@pytest.mark.parametrize("name", RAW_COPIES)
def test_raw_texts_are_byte_identical_copies_of_shared(name):
    assert (DATA / "raw" / name).read_bytes() == RAW_COPIES[name].read_bytes()
