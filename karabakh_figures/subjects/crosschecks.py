"""Where sections of the compilation state the same Khojaly figure, do they agree?

Not errors: the data keeps every statement as its source makes it. These functions put them side by side.

How wording is read as a range (our reading, stated so that it can be disputed):
- exact N: N; about N: within 10% of N;
- over N: more than N but below the next step of its leading digit (over 7 thousand: 7,000 to 8,000;
  over 150: 150 to 250);
- hundreds: 200 to 999; thousands: 2,000 to 9,999.
Statements agree when they are identical, are consistent when their ranges overlap, and differ otherwise.
"""

import math

import pandas as pd

from ..data.names import checked_frames

_MAGNITUDES = {"hundreds": (200.0, 999.0), "thousands": (2000.0, 9999.0)}
#: Figures a section states in parts whose sum another section states whole: (measure, whole group, part groups).
_SUMS = [("children orphaned", "lost one or both parents", ("lost both parents", "lost one parent"))]


def statement_range(qualifier: str, value: float | None) -> tuple[float, float]:
    """The range of counts that a statement's wording allows, as read by this module (see above)."""
    if qualifier in _MAGNITUDES:
        return _MAGNITUDES[qualifier]
    if qualifier == "about":
        return value * 0.9, value * 1.1
    if qualifier == "over":
        step = 10 ** math.floor(math.log10(value))
        return value, value + step
    return value, value


@checked_frames
def statements(figures: pd.DataFrame) -> pd.DataFrame:
    """Every Khojaly statement, plus sums a section implies (labelled derived, arithmetic shown)."""
    stated = figures[["measure", "group", "source_id", "qualifier", "value", "wording", "source_quote"]].copy()
    stated["derived"] = ""
    derived_rows = []
    for measure, whole, parts in _SUMS:
        for source_id, rows in figures[figures["measure"].eq(measure)].groupby("source_id"):
            part_rows = rows[rows["group"].isin(parts) & rows["qualifier"].eq("exact")]
            if len(part_rows) == len(parts) and not rows["group"].eq(whole).any():
                total = part_rows["value"].sum()
                arithmetic = " + ".join(f"{value:g}" for value in part_rows["value"]) + f" = {total:g}"
                derived_rows.append({
                    "measure": measure, "group": whole, "source_id": source_id, "qualifier": "exact",
                    "value": total, "wording": " and ".join(part_rows["wording"]),
                    "source_quote": " … ".join(dict.fromkeys(part_rows["source_quote"])),
                    "derived": f"derived: {arithmetic} ({' + '.join(parts)})",
                })
    if derived_rows:
        stated = pd.concat([stated, pd.DataFrame(derived_rows)], ignore_index=True)
    values = [None if pd.isna(value) else float(value) for value in stated["value"]]
    ranges = [statement_range(qualifier, value) for qualifier, value in zip(stated["qualifier"], values)]
    stated["low"] = [low for low, _ in ranges]
    stated["high"] = [high for _, high in ranges]
    stated["as_stated"] = [_as_stated(q, v) for q, v in zip(stated["qualifier"], stated["value"])]
    return stated.reset_index(drop=True)


@checked_frames
def compare_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per measure and group: each statement as worded with its source, and whether they agree."""
    rows = []
    for (measure, group), found in statements(figures).groupby(["measure", "group"], sort=False):
        rows.append({
            "measure": measure,
            "group": group,
            "statements": len(found),
            "sources": "; ".join(dict.fromkeys(found["source_id"])),
            "as_stated": "; ".join(f"{s} ({src}{', ' + d if d else ''}: \"{w}\")"
                                   for s, src, w, d in zip(found["as_stated"], found["source_id"],
                                                           found["wording"], found["derived"])),
            "status": _status(found),
        })
    return pd.DataFrame(rows)


@checked_frames
def discrepancies(figures: pd.DataFrame) -> pd.DataFrame:
    """The measures on which statements of the compilation differ."""
    compared = compare_figures(figures)
    return compared[compared["status"].eq("differ")].reset_index(drop=True)


def _status(found: pd.DataFrame) -> str:
    if len(found) == 1:
        return "single statement"
    if found["as_stated"].nunique() == 1:
        return "agree"
    if found["low"].max() <= found["high"].min():
        return "consistent"
    return "differ"


def _as_stated(qualifier: str, value) -> str:
    if qualifier in _MAGNITUDES:
        return qualifier
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"
    return number if qualifier == "exact" else f"{qualifier} {number}"
