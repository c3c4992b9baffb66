"""A broken package says so in one line: a mistake in a header, a date or the descriptor is refused with one line
naming the file (or datapackage.json), the row and the column, and nothing after it is reported again."""

import json
import re

import pytest

from conftest import read_rows, row_number, set_cell, write_rows

TERRITORIES = "territories.csv"


def problems_after(data_copy, validate, edit) -> list[str]:
    edit(data_copy)
    code, _, lines = validate(data_copy)
    assert code == 1 and lines[-1] == f"{data_copy}: {len(lines) - 1} problem(s)"
    return [line.replace(str(data_copy), "DATA") for line in lines[:-1]]


def header_edit(change):
    def edit(data_copy):
        rows = read_rows(data_copy / TERRITORIES)
        write_rows(data_copy / TERRITORIES, [change(position, list(cells)) for position, cells in enumerate(rows)])
    return edit


def without(index):
    return lambda position, cells: cells[:index] + cells[index + 1:]


def named(index, name):
    return lambda position, cells: cells[:index] + [name] + cells[index + 1:] if position == 0 else cells


def with_extra(index):
    return lambda position, cells: cells[:index] + ["extra" if position == 0 else "x"] + cells[index:]


def swapped(first, second):
    def change(position, cells):
        cells[first], cells[second] = cells[second], cells[first]
        return cells
    return change


@pytest.mark.parametrize(("change", "expected"), [
    (without(2), 'DATA/territories.csv, row 1, column name_az, value "": column name_az is missing from the header'),
    (named(2, "name_azz"),
     'DATA/territories.csv, row 1, column name_az, value "name_azz": the data package names this column name_az '
     "(renamed?)"),
    (with_extra(3), 'DATA/territories.csv, row 1, column extra, value "extra": a column the data package does not '
     "define"),
    (swapped(1, 2), 'DATA/territories.csv, row 1, column name, value "name": column name stands at position 3, where '
     "the data package puts it at 2"),
    (named(1, " name"), 'DATA/territories.csv, row 1, column name, value " name": a space before or after the '
     "column's name; write name"),
    (named(1, "name "), 'DATA/territories.csv, row 1, column name, value "name ": a space before or after the '
     "column's name; write name"),
], ids=["deleted", "renamed", "extra", "moved", "space before", "space after"])
def test_a_header_mistake_in_the_middle_is_one_line_and_nothing_after_it(change, expected, data_copy, validate):
    assert problems_after(data_copy, validate, header_edit(change)) == [expected]


@pytest.mark.parametrize(("value", "message"), [
    ("1992-02-30", "an impossible date: February 1992 has 29 days"),
    ("1993-04-31", "an impossible date: April 1993 has 30 days"),
    ("1992-13-01", "an impossible date: there is no month 13"),
    ("1992-5-8", "write the month and day with two digits: 1992-05-08"),
    ("1975-1-1", "write the month and day with two digits: 1975-01-01"),
    ("8 May 1992", "not a date (write YYYY-MM-DD)"),
])
def test_a_date_that_does_not_exist_or_is_not_padded_is_refused(value, message, data_copy, validate):
    def edit(data_copy):
        path = data_copy / TERRITORIES
        set_cell(path, row_number(path, "shusha"), "date_start", value)

    row = row_number(data_copy / TERRITORIES, "shusha")
    assert problems_after(data_copy, validate, edit) == [
        f'DATA/territories.csv, row {row}, column date_start, value "{value}": {message}']


def test_a_pattern_with_alternatives_is_held_at_both_ends(data_copy, validate):
    path = data_copy / "international_acts.csv"
    rows = read_rows(path)
    column = rows[0].index("symbol")
    number, cells = next((number, cells) for number, cells in enumerate(rows[1:], start=2)
                         if cells[column].startswith("S/RES/"))
    value = cells[column] + " and more"
    assert problems_after(data_copy, validate, lambda _: set_cell(path, number, "symbol", value)) == [
        f'DATA/international_acts.csv, row {number}, column symbol, value "{value}": does not match the pattern '
        r"S/RES/[1-9][0-9]{0,3} \((19|20)[0-9]{2}\)|A/RES/[1-9][0-9]{0,2}/[1-9][0-9]{0,3}"]


def descriptor_edit(change):
    def edit(data_copy):
        path = data_copy / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(change(descriptor)), encoding="utf-8")
    return edit


def _territories(descriptor: dict) -> dict:
    return next(resource for resource in descriptor["resources"] if resource["name"] == "territories")


def _field(descriptor: dict, name: str) -> dict:
    return next(field for field in _territories(descriptor)["schema"]["fields"] if field["name"] == name)


def places(descriptor: dict) -> dict[str, int]:
    """Where things stand in the committed descriptor, so that a file a contributor adds moves no expectation."""
    resources = descriptor["resources"]
    territories = resources.index(_territories(descriptor))
    fields = [field["name"] for field in _territories(descriptor)["schema"]["fields"]]
    return {"territories": territories, "after": territories + 1, "appended": len(resources),
            "raw": sum("schema" not in resource for resource in resources),
            "name": fields.index("name"), "kind": fields.index("kind")}


def changed(function):
    """A change to the descriptor that edits it in place."""
    def change(descriptor):
        function(descriptor)
        return descriptor
    return change


@pytest.mark.parametrize(("change", "place", "value", "message"), [
    (changed(lambda d: d.pop("resources")), "resources", "",
     "must be a list of the package's files (each with a name and a path)"),
    (changed(lambda d: d.update(resources=[r for r in d["resources"] if "schema" not in r])), "resources",
     "{raw} resources", "lists no table (a resource with a schema)"),
    (changed(lambda d: d["resources"].append(dict(_territories(d)))), "resources[{appended}].path", "territories.csv",
     "already the path of resources[{territories}]; list each file once, by one name"),
    (changed(lambda d: _territories(d).pop("path")), "resources[{territories}].path", "",
     "each resource needs a path (a non-empty string)"),
    (changed(lambda d: _territories(d).pop("name")), "resources[{territories}].name", "",
     "each resource needs a name (a non-empty string)"),
    (changed(lambda d: d["resources"][places(d)["after"]].update(name="territories")), "resources[{after}].name",
     "territories", "already the name of resources[{territories}]; list each file once, by one name"),
    (changed(lambda d: _field(d, "name").update(type="strng")), "resources[{territories}].schema.fields[{name}].type",
     "strng", "not a field type the package reads; one of: string, integer, number, date, boolean"),
    (changed(lambda d: _field(d, "kind")["constraints"].update(enum="region")),
     "resources[{territories}].schema.fields[{kind}].constraints.enum", "region",
     "an enum must be a non-empty list of the values allowed"),
    (changed(lambda d: _field(d, "kind")["constraints"].update(pattern="(region")),
     "resources[{territories}].schema.fields[{kind}].constraints.pattern", "(region",
     "not a regular expression (missing ), unterminated subpattern at position 0)"),
    (changed(lambda d: _territories(d)["schema"].pop("primaryKey")), "resources[{territories}].schema.primaryKey", "",
     "must list the fields (of this schema) that name each row"),
    (changed(lambda d: _territories(d)["schema"]["foreignKeys"][0]["reference"].update(resource="territory")),
     "resources[{territories}].schema.foreignKeys[0].reference.resource", "territory", "not a table of the package"),
    (lambda d: d["resources"], "-", "list", "the descriptor must be a JSON object with a list of resources"),
], ids=["no resources", "no tables", "a table twice", "no path", "no name", "two of one name", "type misspelt",
        "enum not a list", "pattern broken", "no primary key", "key into no table", "not an object"])
def test_a_malformed_descriptor_is_one_line_naming_the_place(change, place, value, message, data_copy, validate):
    where = places(json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8")))
    assert problems_after(data_copy, validate, descriptor_edit(change)) == [
        f'DATA/datapackage.json, row -, column {place.format(**where)}, value "{value.format(**where)}": '
        + message.format(**where)]


def test_a_table_or_raw_file_left_out_of_the_descriptor_is_named_once(data_copy, validate):
    def leave_out(descriptor):
        descriptor["resources"] = [resource for resource in descriptor["resources"]
                                   if resource["path"] not in ("territories.csv", "raw/displacement.md")]
        return descriptor

    assert problems_after(data_copy, validate, descriptor_edit(leave_out)) == [
        'DATA/territories.csv, row -, column -, value "": a file of the data package not listed in datapackage.json; '
        "describe the table there (its schema) or move the file out of the data package",
        'DATA/raw/displacement.md, row -, column -, value "": a file of the data package not listed in '
        "datapackage.json; record it: python -m karabakh_figures record DATA/raw/displacement.md "
        "--title 'What the file is'"]


def test_a_descriptor_that_is_not_json_names_its_line(data_copy, validate):
    def truncate(data_copy):
        path = data_copy / "datapackage.json"
        path.write_text(path.read_text(encoding="utf-8")[:200], encoding="utf-8")

    [line] = problems_after(data_copy, validate, truncate)
    assert re.match(r'DATA/datapackage.json, row \d+, column -, value "": cannot be read: ', line), line
