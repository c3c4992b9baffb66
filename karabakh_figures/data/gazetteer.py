"""Both parties' names for a place (place_names.csv, the gazetteer): the checks of the table, and the one function
that writes a place's names wherever the collection names it, so that no text gives one side's name alone.

The rule the collection writes by: a place whose name in Azerbaijani usage differs from its name in Armenian usage
is named by both, in alphabetical order (so that neither side's name comes first by our choice), joined by "/":
"Khankendi/Stepanakert", "Berdzor/Lachin". Where no name of one side was found, the other stands alone and the
gazetteer says so.
"""

import re
from functools import lru_cache

from .loading import read
from .problems import Problem
from .quotes import normalise_space, quoted_text
from .reading import Table

SIDES = ("Azerbaijani usage", "Armenian usage")
PRIMARY, NONE_FOUND = "primary", "none found"
#: The reference file the gazetteer is built from, and the words by which an entry's second reading says that its
#: quotation was not found again, or not looked for.
REFERENCE_FILE = "raw/place-names.md"
_UNCONFIRMED = ("NOT FOR DATA", "not re-checked")
_ENTRY = re.compile(r"^### ([A-Z]+-\d+) ", re.M)
#: What ends an entry: the next entry, section heading or rule.
_ENTRY_END = re.compile(r"^(?:#|---)", re.M)
#: What is not prose, where a place's name is not rewritten: quotations, code and addresses.
_NOT_PROSE = re.compile(r"“[^”]*”|\"[^\"\n]*\"|‘[^’]*’|«[^»]*»|`[^`\n]*`|https?://\S+")


def place_name(place_id: str) -> str:
    """The place's names as the collection writes them: both sides' names, alphabetically, joined by "/"
    ("Khankendi/Stepanakert"), or the one name where the other side's was not found or is the same."""
    places = _places()
    if place_id not in places:
        raise ValueError(f"unknown place {place_id!r}; the places are: " + "; ".join(places))
    return places[place_id][0]


def with_both_names(texts: list[str]) -> list[str]:
    """`texts` (the parts of one text, in order) with the first mention of each place written with both names:
    a name of one side alone becomes place_name() there; later mentions stay as written."""
    named, written = set(), []
    for text in texts:
        def rewrite(match: re.Match) -> str:
            place = _place_of(match[0])
            if place is None or place in named:
                return match[0]
            named.add(place)
            return _places()[place][0]

        written.append(_outside_quotations(text, lambda prose: _MENTION().sub(rewrite, prose)))
    return written


def named_alone(text: str) -> list[str]:
    """The places whose first mention in `text` (outside quotations, code and addresses) gives one side's name
    alone, as the names written there."""
    named, alone = set(), []
    prose = _NOT_PROSE.sub(lambda match: " " * len(match[0]), text)
    for match in _MENTION().finditer(prose):
        place = _place_of(match[0])
        if place is None or place in named:
            continue
        named.add(place)
        if match[0] != _places()[place][0]:
            alone.append(match[0])
    return alone


def _outside_quotations(text: str, change) -> str:
    pieces, start = [], 0
    for quoted in _NOT_PROSE.finditer(text):
        pieces += [change(text[start:quoted.start()]), quoted[0]]
        start = quoted.end()
    return "".join([*pieces, change(text[start:])])


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, list[str]]]:
    """place_id -> (its names as written, every English name of it that a text may give alone) for every place of
    the gazetteer; a territory's name in the compilation counts among the latter."""
    gazetteer, territories = read("place_names"), read("territories")
    places = {}
    for place_id, rows in gazetteer.groupby("place_id", sort=False):
        primary = rows[(rows["form"] == PRIMARY) & rows["usage"].isin(SIDES)]
        names = sorted(set(primary["name"].dropna()))
        alone = [*names, *territories.loc[territories["territory_id"] == place_id, "name"]]
        places[place_id] = ("/".join(names), sorted(set(alone), key=len, reverse=True))
    return places


def _place_of(name: str) -> str | None:
    return next((place for place, (both, alone) in _places().items() if name == both or name in alone), None)


@lru_cache(maxsize=1)
def _MENTION() -> re.Pattern:  # noqa: N802 (a pattern built once, from the data)
    """A place's both names, or one of its names alone, as a whole word; places named the same by both sides are
    left out (there is nothing to add)."""
    forms = [form for both, alone in _places().values() if "/" in both for form in (both, *alone)]
    return re.compile(r"(?<![\w/-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w/-])")


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
