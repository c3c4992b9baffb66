"""The gazetteer (place_names.csv): each place's names on both sides, each with a page that uses it. Its checks:
one name or one row of none found for each side and place, and every name resting on a quotation of its entry in
raw/place-names.md that a second reading found again. place_names.py writes the names."""

import re

from .problems import Problem
from .quotes import normalise_space, quoted_text
from .reading import Table

SIDES = ("Azerbaijani usage", "Armenian usage")
OUTSIDE = "outside usage"
PRIMARY, NONE_FOUND = "primary", "none found"
#: The reference file the gazetteer is built from, and the words by which an entry's second reading says that its
#: quotation was not found again, or not looked for.
REFERENCE_FILE = "raw/place-names.md"
_UNCONFIRMED = ("NOT FOR DATA", "not re-checked")
_ENTRY = re.compile(r"^### ([A-Z]+-\d+) ", re.M)
#: What ends an entry: the next entry, section heading or rule.
_ENTRY_END = re.compile(r"^(?:#|---)", re.M)


def place_name_problems(tables: dict[str, Table], raw_texts: dict[str, str | None]) -> list[Problem]:
    """The gazetteer's checks, where the table and its reference file could be read."""
    reference = raw_texts.get(REFERENCE_FILE)
    if "place_names" not in tables or reference is None:
        return []  # a missing table or reference file is reported on its own
    return check_place_names(tables["place_names"], reference)


def check_place_names(table: Table, reference: str) -> list[Problem]:
    """Each place has, for each side, one primary name or one row saying that none was found; a name has its page
    and quote, a row of none found has neither; and every row rests on an entry of the reference file whose second
    reading found its quotation again, the quote standing in that entry."""
    entries = _entries(reference)
    problems, chosen = [], {}
    for row, record in table.records():
        where = (str(table.path), row)
        if record["form"] in (PRIMARY, NONE_FOUND) and record["usage"] in SIDES:
            key = (record["place_id"], record["usage"])
            if key in chosen:
                problems.append(Problem(*where, "form", record["form"], f"{record['place_id']} already has its "
                                        f"{record['usage']} name (row {chosen[key]}): one primary name or one "
                                        f"'{NONE_FOUND}' row for each side"))
            chosen.setdefault(key, row)
        found = record["form"] != NONE_FOUND
        for column in ("name", "language", "source_id", "source_quote"):
            if bool(record[column]) != found:
                problems.append(Problem(*where, column, record[column], "a name needs its page and quote" if found
                                        else f"a '{NONE_FOUND}' row names nothing; its note says what was found"))
        if not found and not record["note"]:
            problems.append(Problem(*where, "note", "", f"a '{NONE_FOUND}' row says in its note what was found"))
        problems.extend(Problem(*where, column, value, message)
                        for column, value, message in _entry_faults(record, entries))
    places = {record["place_id"] for _, record in table.records()}
    problems.extend(Problem(str(table.path), None, "usage", side, f"{place} has no {side} row ({PRIMARY} or "
                            f"'{NONE_FOUND}')") for place in sorted(places) for side in SIDES
                    if (place, side) not in chosen)
    return problems


def _entry_faults(record: dict, entries: dict[str, str]):
    entry = entries.get(record["reference_entry"])
    if entry is None:
        yield "reference_entry", record["reference_entry"], f"no entry of that id in {REFERENCE_FILE}"
        return
    # The second reading's verdict ends the entry: "- **Second reading:** …", or "- **NOT FOR DATA: …**".
    second_reading = entry.strip().splitlines()[-1].removeprefix("- **").removeprefix("Second reading:**").strip()
    if record["source_quote"] and second_reading.startswith(_UNCONFIRMED):
        yield ("reference_entry", record["reference_entry"],
               f"its second reading did not find the quotation again ({second_reading[:40]}…): not for data")
    if record["source_quote"] and normalise_space(record["source_quote"]) not in quoted_text(entry):
        yield "source_quote", record["source_quote"][:60], f"not a quotation of entry {record['reference_entry']}"


def _entries(reference: str) -> dict[str, str]:
    entries = {}
    for match in _ENTRY.finditer(reference):
        end = _ENTRY_END.search(reference, match.end())
        entries[match[1]] = reference[match.start():end.start() if end else len(reference)]
    return entries
