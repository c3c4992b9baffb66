"""The descriptor (datapackage.json) checked before any table is read: the keys the package reads are there and
of the right kind, every file on disk is listed once, and every name is used once. Each problem is one line
naming datapackage.json and the place in it (`resources[3].schema.fields[2].type`), or the file not listed."""

import re
from collections.abc import Iterator
from pathlib import Path

from .paths import DESCRIPTOR
from .problems import Problem

#: The field types that load() turns into pandas types (any other would be read as text, or not at all).
FIELD_TYPES = ("string", "integer", "number", "date", "boolean")
#: Where the package keeps its files: tables at the top, raw texts and maps in these folders (their READMEs are
#: the project's prose, not files of the package).
TABLE_SUFFIX = ".csv"
RAW_FOLDERS = {"raw": "*", "geo": "*.geojson"}
_READMES = ("README.md",)


def check_descriptor(data_dir: Path, descriptor) -> list[Problem]:
    """Every problem with the descriptor's shape and with the files it lists; empty when the tables can be read
    as it describes them."""
    # In this order, each step only where the one before found nothing: a table left out is said once, as that,
    # not again by every key that points into it.
    return (shape_problems(data_dir, descriptor) or _unlisted_files(Path(data_dir), descriptor["resources"])
            or _as_problems(data_dir, _reference_faults(descriptor["resources"])))


def shape_problems(data_dir: Path, descriptor) -> list[Problem]:
    """The problems with the descriptor's own keys and values, whatever files are on disk."""
    return _as_problems(data_dir, _faults(descriptor))


def _as_problems(data_dir: Path, faults: Iterator[tuple[str, object, str]]) -> list[Problem]:
    file = str(Path(data_dir) / DESCRIPTOR)
    return [Problem(file, None, place, _shown(value), message) for place, value, message in faults]


def _shown(value) -> str:
    return "" if value is None else str(value)


def _faults(descriptor) -> Iterator[tuple[str, object, str]]:
    if not isinstance(descriptor, dict):
        yield "-", type(descriptor).__name__, "the descriptor must be a JSON object with a list of resources"
        return
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        yield "resources", resources, "must be a list of the package's files (each with a name and a path)"
        return
    seen: dict[tuple[str, str], str] = {}
    for index, resource in enumerate(resources):
        place = f"resources[{index}]"
        if not isinstance(resource, dict):
            yield place, type(resource).__name__, "each resource must be a JSON object with a name and a path"
            continue
        repeated = False
        for key in ("path", "name"):  # a file listed twice is one mistake, said of its path
            value = resource.get(key)
            if not isinstance(value, str) or not value.strip():
                yield f"{place}.{key}", value, f"each resource needs a {key} (a non-empty string)"
            elif (key, value) in seen and not repeated:
                repeated = True
                yield (f"{place}.{key}", value,
                       f"already the {key} of {seen[key, value]}; list each file once, by one name")
            else:
                seen.setdefault((key, value), place)
        if "schema" in resource:
            yield from _schema_faults(f"{place}.schema", resource["schema"])
    if not any(isinstance(resource, dict) and "schema" in resource for resource in resources):
        yield "resources", f"{len(resources)} resources", "lists no table (a resource with a schema)"


def _schema_faults(place: str, schema) -> Iterator[tuple[str, object, str]]:
    if not isinstance(schema, dict):
        yield place, type(schema).__name__, "a table's schema must be a JSON object with fields"
        return
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        yield f"{place}.fields", fields, "a table's schema needs a list of fields"
        return
    names = []
    for index, field in enumerate(fields):
        at = f"{place}.fields[{index}]"
        if not isinstance(field, dict) or not isinstance(field.get("name"), str) or not field["name"]:
            yield f"{at}.name", field.get("name") if isinstance(field, dict) else field, "each field needs a name"
            continue
        if field["name"] in names:
            yield f"{at}.name", field["name"], "a second field of this name; each column is named once"
        names.append(field["name"])
        if field.get("type") not in FIELD_TYPES:
            yield (f"{at}.type", field.get("type"),
                   "not a field type the package reads; one of: " + ", ".join(FIELD_TYPES))
        yield from _constraint_faults(f"{at}.constraints", field.get("constraints", {}))
    key = schema.get("primaryKey")
    if not isinstance(key, list) or not key or not set(key) <= set(names):
        yield f"{place}.primaryKey", key, "must list the fields (of this schema) that name each row"
    foreign_keys = schema.get("foreignKeys", [])
    if not isinstance(foreign_keys, list):
        yield f"{place}.foreignKeys", foreign_keys, "must be a list"
        return
    for index, foreign in enumerate(foreign_keys):
        fields_named = foreign.get("fields") if isinstance(foreign, dict) else None
        if not set([fields_named] if isinstance(fields_named, str) else fields_named or [None]) <= set(names):
            yield f"{place}.foreignKeys[{index}].fields", fields_named, "must name fields of this schema"


def _constraint_faults(place: str, constraints) -> Iterator[tuple[str, object, str]]:
    if not isinstance(constraints, dict):
        yield place, constraints, "constraints must be a JSON object"
        return
    enum = constraints.get("enum")
    if enum is not None and (not isinstance(enum, list) or not enum or not all(isinstance(item, str) for item in enum)):
        yield f"{place}.enum", enum, "an enum must be a non-empty list of the values allowed"
    pattern = constraints.get("pattern")
    if pattern is not None:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as error:
            yield f"{place}.pattern", pattern, f"not a regular expression ({error})"
    for flag in ("required", "unique"):
        if flag in constraints and not isinstance(constraints[flag], bool):
            yield f"{place}.{flag}", constraints[flag], "must be true or false"
    if "minimum" in constraints and not isinstance(constraints["minimum"], int | float):
        yield f"{place}.minimum", constraints["minimum"], "must be a number"


def _reference_faults(resources: list[dict]) -> Iterator[tuple[str, object, str]]:
    """Each foreign key points into a table of the package ("" is the table itself)."""
    tables = {resource["name"] for resource in resources if "schema" in resource}
    for index, resource in enumerate(resources):
        for number, key in enumerate(resource.get("schema", {}).get("foreignKeys", [])):
            reference = key.get("reference") if isinstance(key, dict) else None
            target = reference.get("resource") if isinstance(reference, dict) else None
            if target != "" and target not in tables:
                yield (f"resources[{index}].schema.foreignKeys[{number}].reference.resource", target,
                       "not a table of the package")


def _unlisted_files(data_dir: Path, resources: list[dict]) -> list[Problem]:
    listed = {resource["path"] for resource in resources}
    on_disk = sorted(data_dir.glob(f"*{TABLE_SUFFIX}"))
    on_disk += [path for folder, pattern in RAW_FOLDERS.items() for path in sorted((data_dir / folder).glob(pattern))
                if path.is_file() and path.name not in _READMES and not path.name.startswith(".")]
    problems = []
    for path in on_disk:
        relative = path.relative_to(data_dir).as_posix()
        if relative in listed:
            continue
        if path.suffix == TABLE_SUFFIX:
            hint = "describe the table there (its schema) or move the file out of the data package"
        else:
            hint = f"record it: python -m karabakh_figures record {path} --title 'What the file is'"
        problems.append(Problem(str(path), None, None, "", f"a file of the data package not listed in {DESCRIPTOR}; "
                                + hint))
    return problems
