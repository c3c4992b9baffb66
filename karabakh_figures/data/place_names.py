"""A place's names as the collection writes them, from the gazetteer (place_names.csv): the one function that names
a place wherever the collection does, so that no text gives one side's name alone.

The rule: a place whose name in Azerbaijani usage differs from its name in Armenian usage is named by both, in
alphabetical order (so that neither side's name comes first by our choice), joined by "/": "Khankendi/Stepanakert",
"Berdzor/Lachin". Where no name of one side was found, the other stands alone, and the gazetteer says so.
"""

import re
from functools import lru_cache

from .gazetteer import PRIMARY, SIDES
from .loading import read

#: What is not prose, where a place's name is not rewritten: quotations, code and addresses.
_NOT_PROSE = re.compile(r"```.*?```|“[^”]*”|\"[^\"\n]*\"|‘[^’]*’|«[^»]*»|`[^`\n]*`|https?://\S+", re.S)


def place_name(place_id: str) -> str:
    """The place's names as the collection writes them: both sides' names, alphabetically, joined by "/"
    ("Khankendi/Stepanakert"), or the one name where the other side's was not found or is the same."""
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


def place_of(name: str) -> str | None:
    """The place_id of a place's name as the gazetteer or the compilation writes it, or None."""
    return next((place for place, (both, alone) in _places().items() if name == both or name in alone), None)


@lru_cache(maxsize=1)
def _MENTION() -> re.Pattern:  # noqa: N802 (a pattern built once, from the data)
    """A place's both names, or one of its names alone, as a whole word; places named the same by both sides are
    left out (there is nothing to add)."""
    forms = [form for both, alone in _places().values() if "/" in both for form in (both, *alone)]
    return re.compile(r"(?<![\w/-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w/-])")
