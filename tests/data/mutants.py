"""Broken copies of the data package, made by a seeded random generator, and the verdict on what the validator
says of each: a copy that must pass passes, and one that must be refused is refused without a traceback, each
problem on one line, naming the file (or datapackage.json), the row and the column where there is one; a
mistake of structure (a header, the descriptor) is one line. tests/data/test_mutations.py runs a sample of them;
benchmarks/mutations.py runs several hundred."""

import csv
import json
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from karabakh_figures.data.problems import DataError
from karabakh_figures.data.validation import check


@dataclass
class Mutant:
    kind: str
    what: str
    #: Whether the validator must refuse the copy (False: it must pass, as a BOM or reordered rows must).
    refused: bool = True
    #: The problem that must be among those reported: its file (relative to the data folder), row and column
    #: (None: any).
    file: str | None = None
    row: int | None = None
    column: str | None = None
    #: A mistake of structure is reported as exactly one problem.
    one_line: bool = False


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def _write(path: Path, rows: list[list[str]], **options) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n", **options).writerows(rows)


def _descriptor(data: Path) -> dict:
    return json.loads((data / "datapackage.json").read_text(encoding="utf-8"))


def _tables(data: Path) -> list[dict]:
    return [resource for resource in _descriptor(data)["resources"] if "schema" in resource]


def _cell_target(rng: random.Random, data: Path, wanted: Callable[[dict], bool]):
    """A table, a field that `wanted` accepts and a data row with a value in it, at random; None if none."""
    choices = []
    for resource in _tables(data):
        rows = _read(data / resource["path"])
        for field in resource["schema"]["fields"]:
            if wanted(field) and field["name"] in rows[0]:
                column = rows[0].index(field["name"])
                filled = [number for number, cells in enumerate(rows[1:], start=2) if cells[column]]
                if filled:
                    choices.append((resource, field, column, filled))
    if not choices:
        return None
    resource, field, column, filled = rng.choice(choices)
    return resource, field, column, rng.choice(filled)


def _set_cell(rng, data, wanted, change, kind, what) -> Mutant | None:
    target = _cell_target(rng, data, wanted)
    if target is None:
        return None
    resource, field, column, row = target
    path = data / resource["path"]
    rows = _read(path)
    value = change(rows[row - 1][column], field)
    if value is None:
        return None
    rows[row - 1][column] = value
    _write(path, rows)
    return Mutant(kind, f"{resource['path']} row {row} {field['name']}: {what} ({value!r})", file=resource["path"],
                  row=row, column=field["name"])


def _to(text: str) -> Callable[[str, dict], str]:
    """A change that sets a cell to `text`, whatever it held."""
    return lambda value, field: text


def _unpadded(value: str, field: dict) -> str | None:
    year, month, day = value.split("-")
    unpadded = f"{year}-{int(month)}-{int(day)}"
    return unpadded if unpadded != value else None


def _table_edit(rng: random.Random, data: Path):
    resource = rng.choice(_tables(data))
    return resource, data / resource["path"], _read(data / resource["path"])


def header_deleted(rng, data):
    resource, path, rows = _table_edit(rng, data)
    index = rng.randrange(len(rows[0]))
    name = rows[0][index]
    _write(path, [cells[:index] + cells[index + 1:] for cells in rows])
    return Mutant("header", f"{resource['path']}: column {name} deleted", file=resource["path"], row=1, column=name,
                  one_line=True)


def header_renamed(rng, data):
    resource, path, rows = _table_edit(rng, data)
    index = rng.randrange(len(rows[0]))
    name = rows[0][index]
    rows[0][index] = name + "_x"
    _write(path, rows)
    return Mutant("header", f"{resource['path']}: column {name} renamed", file=resource["path"], row=1, column=name,
                  one_line=True)


def header_extra(rng, data):
    resource, path, rows = _table_edit(rng, data)
    index = rng.randrange(len(rows[0]) + 1)
    _write(path, [cells[:index] + ["extra" if number == 0 else ""] + cells[index:]
                  for number, cells in enumerate(rows)])
    return Mutant("header", f"{resource['path']}: a column added at {index}", file=resource["path"], row=1,
                  column="extra", one_line=True)


def header_spaced(rng, data):
    resource, path, rows = _table_edit(rng, data)
    index = rng.randrange(len(rows[0]))
    name = rows[0][index]
    rows[0][index] = rng.choice([f" {name}", f"{name} ", f" {name} "])
    _write(path, rows)
    return Mutant("header", f"{resource['path']}: a space around {name}", file=resource["path"], row=1, column=name,
                  one_line=True)


def header_swapped(rng, data):
    resource, path, rows = _table_edit(rng, data)
    first, second = sorted(rng.sample(range(len(rows[0])), 2))
    for cells in rows:
        cells[first], cells[second] = cells[second], cells[first]
    _write(path, rows)
    return Mutant("header", f"{resource['path']}: columns {first} and {second} swapped", file=resource["path"], row=1)


def date_unpadded(rng, data):
    return _set_cell(rng, data, lambda field: field["type"] == "date", _unpadded, "date", "month or day unpadded")


def date_impossible(rng, data):
    return _set_cell(rng, data, lambda field: field["type"] == "date",
                     lambda value, field: value[:4] + rng.choice(["-02-30", "-04-31", "-13-01", "-00-10"]), "date",
                     "a day that does not exist")


def pattern_trailing(rng, data):
    def trailing(value, field):
        # Only text that the pattern, held at both ends, refuses: "https?://[^\\s]+" takes a "|" after an address.
        changed = value + rng.choice([" x", "|", " and more"])
        return None if re.fullmatch(field["constraints"]["pattern"], changed) else changed

    return _set_cell(rng, data, lambda field: "pattern" in field.get("constraints", {}), trailing, "cell",
                     "text after a pattern")


def enum_unknown(rng, data):
    return _set_cell(rng, data, lambda field: "enum" in field.get("constraints", {}), _to("not-a-choice"), "cell",
                     "a value outside the enum")


def required_blank(rng, data):
    return _set_cell(rng, data, lambda field: field.get("constraints", {}).get("required"), _to(""),
                     "cell", "a required value emptied")


def number_worded(rng, data):
    return _set_cell(rng, data, lambda field: field["type"] in ("integer", "number"), _to("lots"), "cell",
                     "a number in words")


def key_repeated(rng, data):
    resource, path, rows = _table_edit(rng, data)
    row = rng.randrange(1, len(rows))
    _write(path, [*rows, rows[row]])
    key = ",".join(resource["schema"]["primaryKey"])
    return Mutant("row", f"{resource['path']}: row {row + 1} repeated", file=resource["path"], row=len(rows) + 1,
                  column=key)


def row_ragged(rng, data):
    resource, path, rows = _table_edit(rng, data)
    row = rng.randrange(1, len(rows))
    rows[row] = rows[row][:-1]
    _write(path, rows)
    return Mutant("row", f"{resource['path']}: row {row + 1} short of a cell", file=resource["path"], row=row + 1)


def row_blank(rng, data):
    resource, path, rows = _table_edit(rng, data)
    row = rng.randrange(1, len(rows) + 1)
    _write(path, [*rows[:row], [], *rows[row:]])
    return Mutant("row", f"{resource['path']}: a blank row at {row + 1}", file=resource["path"], row=row + 1)


def with_bom_and_crlf(rng, data):
    resource, path, _ = _table_edit(rng, data)
    content = path.read_bytes()
    if rng.random() < 0.5:
        content = b"\xef\xbb\xbf" + content
    path.write_bytes(content.replace(b"\n", b"\r\n") if rng.random() < 0.7 else content)
    return Mutant("valid", f"{resource['path']}: a byte-order mark or CRLF", refused=False)


def rows_reordered(rng, data):
    resource, path, rows = _table_edit(rng, data)
    body = rows[1:]
    rng.shuffle(body)
    _write(path, [rows[0], *body])
    return Mutant("valid", f"{resource['path']}: rows reordered", refused=False)


def cells_quoted(rng, data):
    resource, path, rows = _table_edit(rng, data)
    _write(path, rows, quoting=csv.QUOTE_ALL)
    return Mutant("valid", f"{resource['path']}: every cell quoted", refused=False)


def _raw_files(data: Path) -> list[dict]:
    return [resource for resource in _descriptor(data)["resources"] if "schema" not in resource]


def raw_changed(rng, data):
    resource = rng.choice(_raw_files(data))
    path = data / resource["path"]
    content = path.read_bytes()
    position = rng.randrange(len(content))
    path.write_bytes(content[:position] + (b"#" if content[position:position + 1] != b"#" else b"*")
                     + content[position + 1:])
    return Mutant("raw", f"{resource['path']}: byte {position} changed", file=resource["path"])


def raw_deleted(rng, data):
    resource = rng.choice(_raw_files(data))
    (data / resource["path"]).unlink()
    return Mutant("raw", f"{resource['path']}: deleted", file=resource["path"])


def file_unlisted(rng, data):
    resource = rng.choice(_descriptor(data)["resources"])
    folder = Path(resource["path"]).parent.as_posix()
    name = ("" if folder == "." else folder + "/") + "unlisted" + Path(resource["path"]).suffix
    shutil.copy(data / resource["path"], data / name)
    return Mutant("descriptor", f"{name}: on disk, not listed", file=name, one_line=True)


def _descriptor_change(data: Path, change: Callable[[dict], dict | list]) -> None:
    path = data / "datapackage.json"
    path.write_text(json.dumps(change(json.loads(path.read_text(encoding="utf-8"))), indent=2), encoding="utf-8")


def descriptor_broken(rng, data):
    descriptor = _descriptor(data)
    resources = descriptor["resources"]
    index = rng.randrange(len(resources))
    tables = [number for number, resource in enumerate(resources) if "schema" in resource]
    table = rng.choice(tables)
    fields = resources[table]["schema"]["fields"]
    field = rng.randrange(len(fields))
    enums = [number for number, item in enumerate(fields) if "enum" in item.get("constraints", {})]

    def edit(function):
        def change(descriptor):
            function(descriptor)
            return descriptor
        return change

    choices = {
        "no resources": edit(lambda d: d.pop("resources")),
        "no tables": edit(lambda d: d.update(resources=[r for r in d["resources"] if "schema" not in r])),
        "a resource twice": edit(lambda d: d["resources"].append(dict(d["resources"][index]))),
        "a path removed": edit(lambda d: d["resources"][index].pop("path")),
        "a name removed": edit(lambda d: d["resources"][index].pop("name")),
        "a name repeated": edit(lambda d: d["resources"][index].update(
            name=d["resources"][(index + 1) % len(resources)]["name"])),
        "a field type misspelt": edit(lambda d: d["resources"][table]["schema"]["fields"][field].update(
            type=d["resources"][table]["schema"]["fields"][field]["type"] + "s")),
        "not an object": lambda d: d["resources"],
    }
    if enums:
        choices["an enum not a list"] = edit(lambda d: d["resources"][table]["schema"]["fields"][enums[0]][
            "constraints"].update(enum="one value"))
    what = rng.choice(sorted(choices))
    _descriptor_change(data, choices[what])
    return Mutant("descriptor", what, file="datapackage.json", one_line=True)


def table_left_out(rng, data):
    descriptor = _descriptor(data)
    path = rng.choice(_descriptor(data)["resources"])["path"]
    descriptor["resources"] = [resource for resource in descriptor["resources"] if resource["path"] != path]
    (data / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    return Mutant("descriptor", f"{path} left out of datapackage.json", file=path, one_line=True)


def descriptor_cut(rng, data):
    path = data / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: rng.randrange(len(text) - 1)], encoding="utf-8")
    return Mutant("descriptor", "datapackage.json cut short", file="datapackage.json", one_line=True)


#: Every kind of mutation, each a function (random generator, data folder) -> Mutant, or None where the copy
#: offers nothing to mutate that way.
MUTATIONS = (header_deleted, header_renamed, header_extra, header_spaced, header_swapped, date_unpadded,
             date_impossible, pattern_trailing, enum_unknown, required_blank, number_worded, key_repeated,
             row_ragged, row_blank, with_bom_and_crlf, rows_reordered, cells_quoted, raw_changed, raw_deleted,
             file_unlisted, descriptor_broken, table_left_out, descriptor_cut)


def verdict(data: Path, mutant: Mutant) -> str | None:
    """What is wrong with what the validator says of the mutated copy in `data`; None where it is right."""
    try:
        problems = check(data).problems
    except Exception as error:  # noqa: BLE001 - any exception is the finding
        return f"a traceback: {type(error).__name__}: {error}"
    lines = [str(problem).replace(str(data) + "/", "") for problem in problems]
    if not mutant.refused:
        return f"a valid copy refused: {lines[0]}" if lines else None
    if not problems:
        return "a silent pass"
    if any("\n" in line for line in lines):
        return f"a problem on more than one line: {next(line for line in lines if chr(10) in line)!r}"
    if mutant.one_line and len(problems) != 1:
        return f"{len(problems)} lines for one mistake of structure: {lines[:3]}"
    expected = [problem for problem in problems if Path(problem.file) == data / mutant.file
                and (mutant.row is None or problem.row == mutant.row)
                and (mutant.column is None or problem.column == mutant.column)]
    if not expected:
        return f"no line names {mutant.file}, row {mutant.row}, column {mutant.column}: {lines[:3]}"
    return None


def load_verdict(data: Path) -> str | None:
    """load() of the copy raises DataError, never another exception."""
    from karabakh_figures import load

    try:
        load("hosts", data)
    except DataError:
        return None
    except Exception as error:  # noqa: BLE001 - any other exception is the finding
        return f"load() raised {type(error).__name__}: {error}"
    return "load() read a package that does not validate"


def run(pristine: Path, scratch: Path, count: int, seed: int, loads_every: int = 0,
        in_turn: bool = False) -> tuple[dict, list[str]]:
    """Make `count` mutants of the package in `pristine`, one at a time in `scratch`, chosen by `seed` (each kind
    of MUTATIONS in turn where `in_turn`, else a kind at random); load() each `loads_every`-th refused copy too.
    Returns the number made of each kind and the findings (one line each: the mutant and what is wrong)."""
    rng = random.Random(seed)
    made, findings = {}, []
    number = 0
    while sum(made.values()) < count:
        number += 1
        copy = scratch / f"mutant-{number}"
        shutil.copytree(pristine, copy)
        mutation = MUTATIONS[(number - 1) % len(MUTATIONS)] if in_turn else rng.choice(MUTATIONS)
        mutant = mutation(rng, copy)
        if mutant is None:
            shutil.rmtree(copy)
            continue
        made[mutant.kind] = made.get(mutant.kind, 0) + 1
        finding = verdict(copy, mutant)
        if finding is None and mutant.refused and loads_every and number % loads_every == 0:
            finding = load_verdict(copy)
        if finding:
            findings.append(f"{mutant.what}: {finding}")
        shutil.rmtree(copy)
    return made, findings
