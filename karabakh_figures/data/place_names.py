"""A place's names as the collection writes them, from the gazetteer (place_names.csv): the one function that names
a place wherever the collection does, so that no text gives one side's name alone.

The rule: a place whose name in Azerbaijani usage differs from its name in Armenian usage is named by both, joined
by "/"; which side's name comes first alternates from place to place in the gazetteer's order (the first such place
leads with the Azerbaijani name, the next with the Armenian, and so on), so that neither side leads more often: by
construction, the counts differ by at most one, where the number of such places is odd. Where no name of one side
was found, the other stands alone, and the gazetteer says so. A place for which the gazetteer gives an outside
body's primary name (Nagorno-Karabakh, the UN's name) is written by that name, each side's own name standing only
in quotation marks, attributed.
"""

import re
from functools import lru_cache

from .gazetteer import OUTSIDE, PRIMARY, SIDES
from .loading import read

#: What is not prose, where a place's name is not rewritten: quotations, code and addresses.
_NOT_PROSE = re.compile(r"```.*?```|“[^”]*”|\"[^\"\n]*\"|‘[^’]*’|«[^»]*»|(?<!\w)'[^'\n]*'(?!\w)|`[^`\n]*`|https?://\S+",
                        re.S)
#: The columns of the data that hold a source's words, not ours: their names stay as the source gives them, and
#: the voice check (publishing.voice) does not read them as ours.
SOURCES_WORDS = frozenset({
    "source_quote", "statement", "wording", "term_used", "terms", "date_text", "place_as_written", "scope_as_stated",
    "change_as_stated", "name", "name_az", "name_variants", "title", "section_heading", "instrument", "named",
    "meeting", "un_resolutions_cited", "url", "read_at_url", "raw_file", "shape_name", "host", "symbol", "basis",
    "instrument_ref", "issuer", "report_words", "control_to_as_stated",
})
#: A table's column heading that says its cells give a source's words or the names a source gives ("Territory (as
#: in the source)", "the compilation's name", "Feature name"): their names stay.
NAMES_AS_GIVEN = re.compile(
    r"\b(?:words|terms?|quote|passage|title|headline|as stated|as written|as in the \w+|as the \w+ \w+ it|"
    r"(?:compilation|source|resolution|file)'s (?:names?|spellings?)|feature name|features)\b",
    re.IGNORECASE)


def place_name(place_id: str) -> str:
    """The place's names as the collection writes them: both sides' names, in the alternating order of
    leading_sides(), joined by "/", or the one name where the other side's was not found or is the same."""
    places = _places()
    if place_id not in places:
        raise ValueError(f"unknown place {place_id!r}; the places are: " + "; ".join(places))
    return places[place_id][0]


def with_both_names(texts: str | list[str]) -> str | list[str]:
    """`texts` (a text, or the parts of one text in order) with the first mention of each place written with both
    names: a name of one side alone becomes place_name() there; later mentions stay as written."""
    if isinstance(texts, str):
        return with_both_names([texts])[0]
    named, written = set(), []
    for text in texts:
        def rewrite(match: re.Match) -> str:
            place = place_of(match[0])
            if place is None or place in named:
                return match[0]
            named.add(place)
            return _places()[place][0]

        written.append(_outside_quotations(text, lambda prose: _MENTION().sub(rewrite, prose)))
    return written


def table_with_both_names(cells):
    """A table's cells (a DataFrame of texts) with the first mention of each place, read row by row, written with
    both names; the columns headed as a source's words or names (NAMES_AS_GIVEN) stay as written."""
    ours = [column for column in cells.columns if not NAMES_AS_GIVEN.search(str(column))
            and str(column).lower().replace(" ", "_") not in SOURCES_WORDS]
    if not ours or cells.empty:
        return cells
    texts = with_both_names([text for row in cells[ours].itertuples(index=False) for text in row])
    written = cells.copy()
    written[ours] = [texts[start:start + len(ours)] for start in range(0, len(texts), len(ours))]
    return written


def named_alone(text: str) -> list[str]:
    """The places whose first mention in `text` (outside quotations, code and addresses) gives one side's name
    alone, as the names written there."""
    named, alone = set(), []
    prose = _NOT_PROSE.sub(lambda match: " " * len(match[0]), text)
    for match in _MENTION().finditer(prose):
        place = place_of(match[0])
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


def leading_sides(place_ids: list[str]) -> dict[str, str]:
    """Which side's name leads, for each place named by both sides, in the order given: the sides alternate, the
    first place leading with the Azerbaijani name."""
    return {place: SIDES[number % 2] for number, place in enumerate(place_ids)}


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, list[str]]]:
    """place_id -> (its names as written, every English name of it that a text may give alone) for every place of
    the gazetteer; a territory's name in the compilation counts among the latter."""
    gazetteer, territories = read("place_names"), read("territories")
    primary = gazetteer[(gazetteer["form"] == PRIMARY) & gazetteer["name"].notna()]
    names = {place: dict(zip(rows["usage"], rows["name"])) for place, rows in primary.groupby("place_id", sort=False)}
    # A place with an outside body's primary name (Nagorno-Karabakh) is written by it, neither side's name leading.
    two_names = [place for place in gazetteer["place_id"].unique() if OUTSIDE not in names.get(place, {})
                 and len({names[place].get(side) for side in SIDES} - {None}) == 2]
    leads = leading_sides(two_names)
    places = {}
    for place_id in gazetteer["place_id"].unique():
        by_side = names.get(place_id, {})
        order = SIDES if leads.get(place_id, SIDES[0]) == SIDES[0] else SIDES[::-1]
        written = [by_side[OUTSIDE]] if OUTSIDE in by_side else list(
            dict.fromkeys(by_side[side] for side in order if side in by_side))
        alone = [*written, *territories.loc[territories["territory_id"] == place_id, "name"]]
        places[place_id] = ("/".join(written), sorted(set(alone), key=len, reverse=True))
    return places


def place_of(name: str) -> str | None:
    """The place_id of a place's name as the gazetteer or the compilation writes it, or None."""
    return next((place for place, (both, alone) in _places().items() if name == both or name in alone), None)


@lru_cache(maxsize=1)
def _MENTION() -> re.Pattern:  # noqa: N802 (a pattern built once, from the data)
    """A place's both names, or one of its names alone, as a whole word; places named the same by both sides are
    left out (there is nothing to add)."""
    forms = [form for both, alone in _places().values() if "/" in both for form in (both, *alone)]
    return re.compile(r"(?<![\w/-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w/-])")
