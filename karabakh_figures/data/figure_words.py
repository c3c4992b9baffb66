"""A figure printed whole, the one way every table, sentence, chart label, alt text and key figure prints it: the
number with its source's qualifier ("more than 800,000", "almost 89,000", "about 650,000", "between 50 and
1,000"), and whose count it is where an outside body relays a party's ("40,000, Azerbaijan's government's count,
relayed by ACAPS"). And the one way two figures are set beside each other: a range or a ratio only of like with
like (the same measure, basis and group, dated close together), a ratio labelled derived with its qualifiers."""

import math
from collections.abc import Mapping

import pandas as pd

from .names import checked_frames
from .words import formatted

#: How a qualifier of the data reads before its number ("exact" reads as the bare number).
QUALIFIER_WORDS = {"exact": "", "about": "about", "more than": "more than", "at least": "at least",
                   "up to": "up to", "almost": "almost", "as many as": "as many as"}
#: Figures whose dates lie further apart than this are not set in one range: a stock of 2000 and one of 2023
#: count different people.
MOST_YEARS_APART = 3
#: The columns that must agree for two figures to be set beside each other, where both rows have them.
LIKE_COLUMNS = {"measure": "measure (stock or flow)", "count_basis": "basis (registered, estimated, arrivals)",
                "group": "group counted"}


def _value(row: Mapping, column: str):
    value = row.get(column) if isinstance(row, Mapping | pd.Series) else getattr(row, column, None)
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def figure_text(row) -> str:
    """A figure of a row printed whole: its number (`low`, or `value`; `high` for a stated range) with the source's
    qualifier, and, where `count_by` names a party whose count an outside `issuer` relays, whose count it is:
    '650,000', 'more than 800,000', 'between 50 and 1,000', 'as many as 500–1,000', '40,000, Azerbaijan's
    government's count, relayed by ACAPS'. `row`: a mapping, a pandas row or a named tuple."""
    low = _value(row, "low")
    low = _value(row, "value") if low is None else low
    high, qualifier = _value(row, "high"), _value(row, "qualifier") or "exact"
    if qualifier not in QUALIFIER_WORDS and qualifier != "between":
        raise ValueError(f"figure_text(): unknown qualifier {qualifier!r}; the qualifiers are: "
                         + "; ".join([*QUALIFIER_WORDS, "between"]))
    if high is not None and high != low:
        number = (f"between {formatted(low)} and {formatted(high)}" if qualifier in ("between", "exact")
                  else f"{QUALIFIER_WORDS[qualifier]} {formatted(low)}–{formatted(high)}")
    elif qualifier == "exact" and _value(row, "count_basis") == "estimated":
        # The source's "an estimated 650,000" is neither exact nor "about": it is printed as the source words it.
        number = f"an estimated {formatted(low)}"
    else:
        number = f"{QUALIFIER_WORDS.get(qualifier, '')} {formatted(low)}".strip()
    count_by = _value(row, "count_by")
    if count_by:
        return f"{number}, {count_by}'s count, relayed by {_value(row, 'issuer') or 'an outside body'}"
    return number


class UnlikeFigures(ValueError):
    """Two figures that count different things were about to be set in one range or ratio."""


def unlike(first, second, apart: frozenset = frozenset()) -> str | None:
    """Why two figure rows may not stand in one range or ratio, or None where they may: a different measure,
    basis or group (where both rows have the column); a date missing or dates more than MOST_YEARS_APART apart; or a
    pair that a row of the data says counts different things (`apart`: frozensets of two row ids)."""
    for column, what in LIKE_COLUMNS.items():
        if column not in _columns(first) or column not in _columns(second):
            continue
        # A basis the source does not state is not taken for any other: "not said" is a basis of its own.
        a, b = (_value(row, column) or "not said" for row in (first, second))
        if a != b:
            return f"a different {what}: {a} against {b}"
    ids = frozenset(filter(None, (_value(first, "figure_id"), _value(second, "figure_id"))))
    if ids in apart:
        return "a row of the data says they count different things"
    one_day = [_value(row, "date_precision") == "day" for row in (first, second)]
    if _value(first, "measure") == "flow" and one_day[0] != one_day[1]:
        return "a flow of one day against a flow over a longer period"
    ends = [_value(row, "date_end") for row in (first, second)]
    if "date_precision" in _columns(first):
        if None in ends:
            return "a figure with no date cannot be set beside another"
        if abs((ends[0] - ends[1]).days) > MOST_YEARS_APART * 366:
            return f"dates more than {MOST_YEARS_APART} years apart"
    return None


def _columns(row) -> set:
    return set(row.keys()) if isinstance(row, Mapping | pd.Series) else set(getattr(row, "_fields", ()))


def _rows(rows: pd.DataFrame) -> list[pd.Series]:
    return [row for _, row in rows.iterrows()]


@checked_frames
def check_like(rows: pd.DataFrame, apart: frozenset = frozenset()) -> None:
    """Raise UnlikeFigures, naming the two rows and why, unless every two figures of `rows` are alike."""
    listed = _rows(rows)
    for index, first in enumerate(listed):
        for second in listed[index + 1:]:
            reason = unlike(first, second, apart)
            if reason:
                raise UnlikeFigures(f"{_name(first)} and {_name(second)} are not set beside each other: {reason}")


def _name(row) -> str:
    return str(_value(row, "figure_id") or _value(row, "estimate_id") or figure_text(row))


def _top(row) -> float:
    high = _value(row, "high")
    return _value(row, "low") if high is None else high


@checked_frames
def ends(rows: pd.DataFrame, apart: frozenset = frozenset()) -> tuple[pd.Series, pd.Series]:
    """The lowest and the highest figure of `rows` (the highest by a stated range's top), after check_like; of equal
    numbers, the qualifier decides ("up to 90,000" is below 90,000, which is below "more than 90,000")."""
    check_like(rows, apart)
    listed = _rows(rows)
    return (min(listed, key=lambda row: (_value(row, "low"), _direction(row))),
            max(listed, key=lambda row: (_top(row), _direction(row))))


@checked_frames
def range_text(rows: pd.DataFrame, apart: frozenset = frozenset(), *, described=figure_text) -> str:
    """The range of like figures, each end printed whole by `described`: 'from almost 89,000 … to 100,632 …';
    one figure alone, or several equal, are given once."""
    lowest, highest = ends(rows, apart)
    if _top(lowest) == _top(highest) and figure_text(lowest) == figure_text(highest):
        return described(lowest)
    return f"from {described(lowest)} to {described(highest)}"


#: The ratio's qualifier, from the numerator's and the denominator's direction: a numerator that is a lower
#: bound over a denominator that is exact or an upper bound makes a lower bound, and so on; anything else is
#: approximate.
_DIRECTION = {"exact": 0, "more than": 1, "at least": 1, "almost": -1, "up to": -1}


def _direction(row) -> int:
    """Which way a figure's qualifier points from its number: 1 above ("more than"), -1 below ("up to"), else 0."""
    return _DIRECTION.get(_value(row, "qualifier") or "exact", 0)


def ratio_text(numerator, denominator, apart: frozenset = frozenset()) -> str:
    """The ratio of two like figures, labelled derived, with its qualifier and its arithmetic: 'more than 2.2
    (derived: more than 800,000 ÷ 360,000)'."""
    check_like(pd.DataFrame([dict(numerator), dict(denominator)]), apart)
    top, bottom = _top(numerator), _value(denominator, "low")
    value = top / bottom
    directions = (_DIRECTION.get(_value(numerator, "qualifier") or "exact"),
                  None if _DIRECTION.get(_value(denominator, "qualifier") or "exact") is None
                  else -_DIRECTION[_value(denominator, "qualifier") or "exact"])
    if None in directions or (directions[0] * directions[1] < 0):
        qualifier = "about "
    else:
        direction = max(directions, key=abs) if 0 in directions else directions[0]
        qualifier = {0: "", 1: "more than ", -1: "less than "}[direction]
    shown = f"{value:.1f}" if not math.isclose(value, round(value)) else f"{value:.0f}"
    return f"{qualifier}{shown} (derived: {figure_text(numerator)} ÷ {figure_text(denominator)})"
