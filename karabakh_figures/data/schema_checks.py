"""The data contract in data/datapackage.json, checked by Frictionless and turned into one-line problems."""

import json
import re
from functools import lru_cache

from frictionless import Package, errors

from .problems import Problem
from .reading import Table

# Properties of the file on disk; the table is handed to Frictionless as already-decoded rows.
_FILE_PROPERTIES = ("path", "format", "mediatype", "encoding", "bytes", "hash")
_TYPE_HINTS = {
    "date": "not a date (write YYYY-MM-DD)",
    "number": "not a number (digits, a dot for decimals, no thousands separator)",
    "integer": "not a whole number",
}


def check_schemas(descriptor: dict, tables: dict[str, Table]) -> tuple[list[Problem], set[str]]:
    """Types, constraints, headers, primary and foreign keys of every table that could be read.

    Returns the problems, and the names of the tables whose header does not match the schema
    (their columns cannot be trusted for further checks).
    """
    resources = {}
    for resource in descriptor["resources"]:
        if resource["name"] not in tables:
            continue
        table = tables[resource["name"]]
        inline = {key: value for key, value in resource.items() if key not in _FILE_PROPERTIES}
        inline["data"] = [table.header, *table.rows]
        inline["schema"] = _without_keys_into(resource["schema"], unread=set(_names(descriptor)) - set(tables))
        resources[resource["name"]] = inline
    problems, bad_headers = [], set()
    for name, resource in resources.items():
        table = tables[name]
        schema = resource["schema"]
        fields = {field["name"]: field for field in schema["fields"]}
        task_errors = _errors(json.dumps([resource, *_referenced(resource, resources)]))
        misshapen = _misshapen_rows(task_errors, table)
        problems.extend(misshapen.values())
        for error in task_errors:
            if getattr(error, "row_number", None) in misshapen or _repeats_primary_key(error, schema):
                continue
            if isinstance(error, errors.LabelError):
                bad_headers.add(resource["name"])
            problems.append(_problem(error, table, fields, schema))
    return problems, bad_headers


def _referenced(resource: dict, resources: dict[str, dict]) -> list[dict]:
    """The other tables that a table's foreign keys point into (and that could be read), cut down to the
    columns those keys name: a lookup reads nothing else, and a change elsewhere in a referenced table (its
    own checks report it) then does not make this table be checked again."""
    wanted = {}
    for key in resource["schema"].get("foreignKeys", []):
        name = key["reference"]["resource"]
        if name and name != resource["name"] and name in resources:
            fields = key["reference"]["fields"]
            wanted.setdefault(name, set()).update([fields] if isinstance(fields, str) else fields)
    return [_columns(resources[name], names) for name, names in sorted(wanted.items())]


def _columns(resource: dict, names: set[str]) -> dict:
    """An inline resource with only the named fields, taken by position as Frictionless reads them."""
    fields = resource["schema"]["fields"]
    positions = [position for position, field in enumerate(fields) if field["name"] in names]

    def cut(row: list) -> list:
        return [row[position] if position < len(row) else None for position in positions]

    return {"name": resource["name"], "schema": {"fields": [fields[position] for position in positions]},
            "data": [cut(row) for row in resource["data"]]}


@lru_cache(maxsize=256)
def _errors(resources_json: str) -> tuple:
    """Frictionless's errors for the first of these inline resources, the others being the tables its foreign
    keys point into. Kept by content: a table and its references unchanged since they were last checked (in
    this process) are not checked again, which is most of the work when one file of a copy changes."""
    resources = json.loads(resources_json)
    package = Package.from_descriptor({"resources": resources})
    return tuple(package.get_resource(resources[0]["name"]).validate().tasks[0].errors)


def _misshapen_rows(task_errors, table: Table) -> dict[int, Problem]:
    """One problem per blank row or row whose cells do not line up with the header, instead of one per cell."""
    misshapen = {}
    for error in task_errors:
        if not isinstance(error, errors.RowError) or error.row_number in misshapen:
            continue
        if error.type == "blank-row":
            misshapen[error.row_number] = Problem(str(table.path), error.row_number, None, "",
                                                  "the row is blank; delete it")
        elif error.type in ("missing-cell", "extra-cell"):
            misshapen[error.row_number] = Problem(
                str(table.path), error.row_number, None, ",".join(map(str, error.cells)),
                f"the row has {len(error.cells)} cells where the header names {len(table.header)}")
    return misshapen


def _repeats_primary_key(error, schema: dict) -> bool:
    # A duplicate id breaks both its `unique` constraint and the primary key: report it once, as the key.
    return error.type == "unique-error" and schema.get("primaryKey") == [error.field_name]


def _names(descriptor: dict) -> list[str]:
    return [resource["name"] for resource in descriptor["resources"] if "schema" in resource]


def _without_keys_into(schema: dict, unread: set[str]) -> dict:
    # A foreign key into a table that could not be read would flag every row; the unread table is reported instead.
    keys = [key for key in schema.get("foreignKeys", []) if key["reference"]["resource"] not in unread]
    return {**schema, "foreignKeys": keys}


def _problem(error, table: Table, fields: dict, schema: dict) -> Problem:
    file = str(table.path)
    if isinstance(error, errors.LabelError):
        return Problem(file, 1, error.field_name or None, error.label, _label_message(error))
    if isinstance(error, errors.ForeignKeyError):
        reference = error.reference_name or table.path.stem
        column = ",".join(error.field_names)
        target = ",".join(error.reference_field_names)
        return Problem(file, error.row_number, column, ",".join(map(str, error.field_cells)),
                       f"not found in column {target} of {reference}")
    if isinstance(error, errors.PrimaryKeyError):
        column = ",".join(schema["primaryKey"])
        value = ",".join(str(cell) for name, cell in zip(table.header, error.cells) if name in schema["primaryKey"])
        return Problem(file, error.row_number, column, value, f"duplicate key: {_same_row(error.note)}")
    if isinstance(error, errors.CellError):
        cell = "" if error.cell is None else str(error.cell)
        return Problem(file, error.row_number, error.field_name, cell, _cell_message(error, fields))
    if isinstance(error, errors.RowError):
        return Problem(file, error.row_number, None, ",".join(map(str, error.cells)), _row_message(error))
    return Problem(file, None, None, "", error.message)


def _label_message(error) -> str:
    if error.type == "extra-label":
        return "a column the data package does not define"
    if error.type == "missing-label":
        return f"column {error.field_name} is missing from the header"
    if error.type == "incorrect-label":
        return f"the header should name column {error.field_name} here"
    return error.note or error.title


def _row_message(error) -> str:
    return error.note or error.title


def _cell_message(error, fields: dict) -> str:
    field = fields.get(error.field_name, {})
    if error.type == "type-error" and field.get("format") == "uri":
        return "not a full address (http:// or https:// and the whole address, as read)"
    if error.type == "type-error":
        return _TYPE_HINTS.get(field.get("type"), f"not a valid {field.get('type')}")
    if error.type == "unique-error":
        return f"must be unique: {_same_row(error.note)}"
    if error.type == "constraint-error":
        return _constraint_message(error.note, field.get("constraints", {}))
    return error.note or error.title


def _constraint_message(note: str, constraints: dict) -> str:
    match = re.match(r'constraint "(\w+)"', note)
    name = match.group(1) if match else ""
    if name == "required":
        return "a value is required"
    if name == "enum":
        return "not one of: " + ", ".join(constraints["enum"])
    if name == "minimum":
        return f"less than the minimum {constraints['minimum']}"
    if name == "pattern":
        return f"does not match the pattern {constraints['pattern']}"
    return note


def _same_row(note: str) -> str:
    match = re.search(r"position (\d+)", note or "")
    return f"the same as row {match.group(1)}" if match else note
