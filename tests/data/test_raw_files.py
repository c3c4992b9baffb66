"""Recording a raw file: one command puts a changed or new raw text's bytes and hash in datapackage.json, and
refuses what it should not record."""

import json

import pytest

from karabakh_figures.data.raw_files import RecordError, record_raw


def test_a_changed_raw_file_recorded_validates_again(data_copy, validate):
    raw = data_copy / "raw" / "citations.md"
    raw.write_text(raw.read_text(encoding="utf-8") + "\nA note added at the end.\n", encoding="utf-8")
    assert validate(data_copy)[0] == 1
    assert record_raw(raw).startswith("raw/citations.md: recorded in datapackage.json (")
    assert validate(data_copy)[0] == 0
    assert record_raw(raw).startswith("raw/citations.md: already recorded (")


def test_a_new_raw_file_needs_a_source_that_names_it_and_a_title(data_copy):
    new = data_copy / "raw" / "new-report.md"
    new.write_text("> A page's words.\n", encoding="utf-8")
    with pytest.raises(RecordError, match="no source in sources.csv names raw/new-report.md in raw_file"):
        record_raw(new, title="A report")
    sources = data_copy / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8") + "new-report,A report,A report,web page,Someone,,"
                       "https://example.org/report,,original,none,raw/new-report.md,,,\n", encoding="utf-8")
    with pytest.raises(RecordError, match="a new raw file needs a title: add --title"):
        record_raw(new)
    assert record_raw(new, title="A report").startswith("raw/new-report.md: added in datapackage.json (")
    resource = next(resource for resource in json.loads((data_copy / "datapackage.json").read_text())["resources"]
                    if resource["path"] == "raw/new-report.md")
    assert (resource["title"], resource["bytes"], resource["mediatype"]) == ("A report", 18, "text/markdown")


@pytest.mark.parametrize(("name", "message"), [
    ("sources.csv", "a table, not a raw file"),
    ("raw/missing.md", "no such file"),
])
def test_a_table_or_a_missing_file_is_refused(data_copy, name, message):
    with pytest.raises(RecordError, match=message):
        record_raw(data_copy / name)


def test_a_file_outside_a_data_package_is_refused(tmp_path):
    (tmp_path / "notes.md").write_text("notes\n", encoding="utf-8")
    with pytest.raises(RecordError, match="not inside a data package"):
        record_raw(tmp_path / "notes.md")


def test_a_malformed_descriptor_is_named_before_anything_is_recorded(data_copy):
    descriptor = data_copy / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8").replace('"resources"', '"resource"'), encoding="utf-8")
    with pytest.raises(RecordError, match=r'^\S+/datapackage.json, row -, column resources, value "": must be a list'):
        record_raw(data_copy / "raw" / "citations.md")
    descriptor.write_text("{", encoding="utf-8")
    with pytest.raises(RecordError, match=r"^\S+/datapackage.json: cannot be read: Expecting property name"):
        record_raw(data_copy / "raw" / "citations.md")
