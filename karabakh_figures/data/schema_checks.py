"""The data contract in data/datapackage.json, checked by Frictionless and turned into one-line problems."""

import calendar
import json
import re
from difflib import SequenceMatcher
from functools import lru_cache

from frictionless import Package, errors

from .descriptor import tables_in
from .problems import Problem
from .reading import Table

# Properties of the file on disk; the table is handed to Frictionless as already-decoded rows.
_FILE_PROPERTIES = ("path", "format", "mediatype", "encoding", "bytes", "hash")
_TYPE_HINTS = {
    "date": "not a date (write YYYY-MM-DD)",
    "number": "not a number (digits, a dot for decimals, no thousands separator)",
    "integer": "not a whole number",
}
#: A date as the schema's fields hold it, YYYY-MM-DD; one-digit months and days are caught to be padded.
_DATE_SHAPE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def check_schemas(descriptor: dict, tables: dict[str, Table]) -> tuple[list[Problem], set[str]]:
    """Headers, types, constraints, primary and foreign keys of every table that could be read.

    Returns the problems, and the names of the tables whose header does not match the schema: each mistake in a
    header is one problem, and such a table's rows are not checked (its columns cannot be trusted, and every
    column after a missing one would be reported again).
    """
    problems, bad_headers = [], set()
    for resource in descriptor["resources"]:
        if resource["name"] in tables:
            header_problems = _header_problems(tables[resource["name"]], resource["schema"]["fields"])
            problems.extend(header_problems)
            if header_problems:
                bad_headers.add(resource["name"])
    readable = {name: table for name, table in tables.items() if name not in bad_headers}
    # The schemas as written: a problem quotes the pattern its author wrote, not the anchored one Frictionless gets.
    schemas = {name: resource["schema"] for name, resource in tables_in(descriptor).items()}
    resources = {}
    for resource in descriptor["resources"]:
        if resource["name"] not in readable:
            continue
        table = readable[resource["name"]]
        inline = {key: value for key, value in resource.items() if key not in _FILE_PROPERTIES}
        inline["data"] = [table.header, *table.rows]
        schema = _without_keys_into(resource["schema"], unread=set(_names(descriptor)) - set(readable))
        inline["schema"] = {**schema, "fields": [_anchored(field) for field in schema["fields"]]}
        resources[resource["name"]] = inline
    for name, resource in resources.items():
        table = readable[name]
        schema = resource["schema"]
        fields = {field["name"]: field for field in schemas[name]["fields"]}
        task_errors = _errors(json.dumps([resource, *_referenced(resource, resources)]))
        misshapen = _misshapen_rows(task_errors, table)
        problems.extend(misshapen.values())
        problems.extend(_date_problems(table, fields))
        for error in task_errors:
            if (getattr(error, "row_number", None) in misshapen or _repeats_primary_key(error, schema)
                    or _is_date_type_error(error, fields)):
                continue
            problems.append(_problem(error, table, fields, schema))
    return problems, bad_headers


def _anchored(field: dict) -> dict:
    """The field with its pattern held at both ends: Frictionless writes ^pattern$, and ^A|B$ would let trailing
    text after A pass."""
    constraints = field.get("constraints", {})
    if "pattern" not in constraints:
        return field
    return {**field, "constraints": {**constraints, "pattern": f"(?:{constraints['pattern']})"}}


def _header_problems(table: Table, fields: list[dict]) -> list[Problem]:
    """One problem per mistake in the header: a space around a name, a name given twice, a column missing, extra,
    renamed or moved. Nothing is said of the columns after a mistake, which are right."""
    file, names = str(table.path), [field["name"] for field in fields]
    header = [cell.strip() for cell in table.header]
    problems = [Problem(file, 1, cell.strip(), cell, f"a space before or after the column's name; write {cell.strip()}")
                for cell in table.header if cell != cell.strip()]
    problems += [Problem(file, 1, name, name, f"the header names column {name} {header.count(name)} times; once only")
                 for name in dict.fromkeys(header) if header.count(name) > 1]
    if problems or header == names:
        return problems
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, header, names, autojunk=False).get_opcodes():
        found, expected = header[i1:i2], names[j1:j2]
        if tag == "equal":
            continue
        renamed = not (set(found) & set(names) or set(expected) & set(header))
        if tag == "replace" and len(found) == len(expected) and renamed:
            problems += [Problem(file, 1, name, cell, f"the data package names this column {name} (renamed?)")
                         for cell, name in zip(found, expected)]
            continue
        problems += [Problem(file, 1, cell, cell, f"column {cell} stands at position {header.index(cell) + 1}, where "
                             f"the data package puts it at {names.index(cell) + 1}") if cell in names else
                     Problem(file, 1, cell or None, cell, "a column the data package does not define")
                     for cell in found]
        problems += [Problem(file, 1, name, "", f"column {name} is missing from the header")
                     for name in expected if name not in header]
    return problems


def _date_problems(table: Table, fields: dict[str, dict]) -> list[Problem]:
    """Every date written as YYYY-MM-DD with two-digit month and day, and naming a day of the calendar."""
    columns = [name for name, field in fields.items() if field.get("type") == "date"]
    problems = []
    for row, record in table.records():
        for column in columns:
            fault = date_fault(record[column])
            if fault:
                problems.append(Problem(str(table.path), row, column, record[column], fault))
    return problems


def date_fault(value: str) -> str | None:
    """What is wrong with a date as written (None if nothing): not YYYY-MM-DD, or a day that does not exist."""
    if not value:
        return None
    match = _DATE_SHAPE.fullmatch(value)
    if match is None:
        return _TYPE_HINTS["date"]
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return f"an impossible date: there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"an impossible date: {calendar.month_name[month]} {year} has {days} days"
    if len(value) != len("YYYY-MM-DD"):
        return f"write the month and day with two digits: {year:04d}-{month:02d}-{day:02d}"
    return None


def _is_date_type_error(error, fields: dict[str, dict]) -> bool:
    # Dates are read by date_fault, which also refuses what Frictionless lets through (1975-1-1).
    return error.type == "type-error" and fields.get(error.field_name, {}).get("type") == "date"


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
