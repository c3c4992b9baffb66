"""The people displaced by the conflict, on both sides: every published figure beside the others, by group; the
register of what each group's figures run from and to, and why they differ where a source says; the departure of
2023 in the counts that the sources date; and each side's words for it. Nothing here picks one figure: rows
follow one rule (ORDER: by date, then the undated by issuer), whatever their side."""

import pandas as pd

from ..data.loading import load
from ..data.names import check_name, checked_frames
from ..data.words import date_label, formatted
from .sources import title_and_reading

#: The groups, in the schema's order, as a reader names them.
GROUPS = {
    "idps-in-azerbaijan": "People displaced inside Azerbaijan",
    "azerbaijanis-from-armenia": "Azerbaijanis who left Armenia",
    "meskhetian-turks": "Meskhetian Turks who came to Azerbaijan (not displaced by this conflict)",
    "all-in-azerbaijan": "All refugees and displaced persons in Azerbaijan",
    "azerbaijanis-all": "All Azerbaijanis displaced",
    "armenians-from-azerbaijan": "Armenians who left Azerbaijan",
    "armenians-from-azerbaijan-in-nk": "Armenians who left Azerbaijan for Nagorno-Karabakh",
    "displaced-in-armenia": "People displaced inside Armenia's border areas",
    "displaced-in-nagorno-karabakh": "Armenians displaced inside Nagorno-Karabakh",
    "all-in-armenia": "All refugees and displaced persons in Armenia",
    "armenians-all": "All Armenians displaced",
    "both-countries": "Both countries together, or no country named",
    "displaced-2020-armenians": "Armenians displaced from Nagorno-Karabakh in 2020",
    "displaced-2020-azerbaijanis": "Azerbaijanis displaced in 2020",
    "population-before-2023": "Nagorno-Karabakh's population before September 2023",
    "left-2023": "Armenians who left Nagorno-Karabakh, September–October 2023",
    "remained-2023": "Armenians who remained in Nagorno-Karabakh, October 2023",
    "returned-after-2020": "People who returned to the districts after 2020",
}
#: The sides, in the schema's order; "outside the parties" first, then each party and the media close to it.
SIDES = ("outside the parties", "Azerbaijan's government", "Armenia's government",
         "de facto Nagorno-Karabakh authorities", "media close to Azerbaijan", "media close to Armenia")
OUTSIDE = SIDES[0]
ORDER = ("Within each group, figures are ordered by the date they count at or up to, earliest first; figures with "
         "no date follow, in the alphabetical order of the issuer. The rule is the same for every side.")
#: The counts of the 2023 departure that the sources date, up to the end of October 2023.
DEPARTURE = "left-2023"
DEPARTURE_WINDOW = (pd.Timestamp("2023-09-19"), pd.Timestamp("2023-10-31"))
#: Precisions that date a count to its day (a day, a few days, or up to a day); a month is left to the tables.
TO_THE_DAY = ("day", "days", "by")


def _in_order(rows: pd.DataFrame) -> pd.DataFrame:
    """ORDER: by the date counted at or up to, then the undated by issuer."""
    when = rows["date_end"]
    return rows.assign(_when=when, _undated=when.isna()).sort_values(
        ["_undated", "_when", "issuer", "figure_id"], kind="stable").drop(columns=["_when", "_undated"])


def as_stated(rows: pd.DataFrame) -> list[str]:
    """Each figure in the source's words, with the number as the collection writes it: '“an estimated 650,000”
    (650,000, about)'."""
    return [f"“{wording}” ({formatted(low) if pd.isna(high) else f'{formatted(low)} to {formatted(high)}'}"
            + ("" if qualifier == "exact" else f", {qualifier}") + ")"
            for wording, low, high, qualifier in zip(rows["wording"], rows["low"], rows["high"], rows["qualifier"])]


def whose_count(rows: pd.DataFrame) -> list[str]:
    """The issuer's side, and whose count it is where an outside body relays a party's: 'outside the parties,
    relaying Armenia's government's count'."""
    return [side if pd.isna(relayed) else f"{side}, relaying {relayed}'s count"
            for side, relayed in zip(rows["side"], rows["count_by"])]


def when_counted(rows: pd.DataFrame) -> list[str]:
    """'stock, December 2014', 'flow, 1988–1990', 'flow, by 29 September 2023', or the reason there is none."""
    return [f"{measure}, " + (date_label(start, end, precision) if precision != "unknown" else f"no date: {note}")
            for measure, start, end, precision, note in zip(rows["measure"], rows["date_start"], rows["date_end"],
                                                            rows["date_precision"], rows["date_note"])]


@checked_frames
def figures_of(group: str, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every figure of `group` (one of GROUPS), by ORDER: the figure as stated, what it counts, stock or flow and
    when, the basis where the source gives one, the issuer, its side and whose count it is, the source's own term,
    and where it was read and how."""
    check_name(group, GROUPS, "group", "GROUPS")
    figures = load("displacement_figures") if figures is None else figures
    rows = _in_order(figures[figures["group"].eq(group)])
    return pd.DataFrame({
        "What it counts": rows["counts"].tolist(),
        "Stock or flow, when": when_counted(rows),
        "Registered, estimated or arrivals": rows["count_basis"].fillna("not said").tolist(),
        "Issuer": rows["issuer"].tolist(),
        "Side": whose_count(rows),
        "Their term": ["" if pd.isna(term) else f"“{term}”" for term in rows["term_used"]],
        "Source": title_and_reading(rows["source_id"]).tolist(),
    }, index=pd.Index(as_stated(rows), name="Figure as stated"))


@checked_frames
def register(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each group and measure (a stock and a flow are never set in one range), how many figures there are,
    the lowest and the highest with who gives each, the highest as a multiple of the lowest (derived, with the
    division shown), and how many gaps of the register concern the group."""
    figures = load("displacement_figures") if figures is None else figures
    gaps = load("displacement_gaps")["group"].value_counts()
    rows = []
    for group in GROUPS:
        for measure in ("stock", "flow"):
            found = figures[figures["group"].eq(group) & figures["measure"].eq(measure)]
            if found.empty:
                continue
            tops = found["high"].fillna(found["low"])
            lowest, highest = found.loc[found["low"].idxmin()], found.loc[tops.idxmax()]
            low, top = lowest["low"], tops.max()
            rows.append({
                "Group": GROUPS[group], "Measure": measure, "Figures": len(found),
                "Lowest": _end(lowest, low), "Highest": _end(highest, top),
                "Highest ÷ lowest (derived)": (f"{formatted(top)} ÷ {formatted(low)} = {top / low:.1f}"
                                               if len(found) > 1 else "one figure"),
                "Gaps in the register": int(gaps.get(group, 0)),
            })
    return pd.DataFrame(rows).set_index(["Group", "Measure"])


def _end(row: pd.Series, value: float) -> str:
    when = date_label(row["date_start"], row["date_end"], row["date_precision"])
    return f"{formatted(value)} ({row['issuer']}, {when})"


@checked_frames
def gaps_table(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """The register's gaps: for each, its group, the figures it concerns as stated with their issuers, what the
    gap is, the reason in our words and the source's words for it."""
    figures = (load("displacement_figures") if figures is None else figures).set_index("figure_id")
    gaps = load("displacement_gaps")
    named = [[figure_id for figure_id in ids.split(";")] for ids in gaps["figure_ids"]]
    return pd.DataFrame({
        "Figures": ["; ".join(f"{formatted(figures.at[figure_id, 'low'])} ({figures.at[figure_id, 'issuer']})"
                              for figure_id in ids) for ids in named],
        "What the gap is": gaps["finding"].tolist(),
        "Reason": gaps["reason"].tolist(),
        "The source's words": ("“" + gaps["source_quote"] + "”").tolist(),
        "Source": title_and_reading(gaps["source_id"]).tolist(),
    }, index=pd.Index(gaps["group"].map(GROUPS), name="Group"))


@checked_frames
def departure_counts(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """The counts of the people who left Nagorno-Karabakh in 2023 that the sources date to the day (TO_THE_DAY),
    up to the end of October 2023, by the day they count up to: the rows that notebook 08 draws day by day, each
    with its label (the figure, whose count it is, and the source)."""
    figures = load("displacement_figures") if figures is None else figures
    dated = _in_order(figures[figures["group"].eq(DEPARTURE) & figures["date_end"].between(*DEPARTURE_WINDOW)
                              & figures["date_precision"].isin(TO_THE_DAY)])
    return dated.assign(label=_labels(dated))


def _labels(rows: pd.DataFrame) -> list[str]:
    """'about 93,000: Armenia's government (Interfax-Ukraine (Sep 2023)), by 29 September 2023'."""
    titles = load("sources").set_index("source_id")["short_title"]
    return [f"{_figure_words(qualifier, low, high)}: {side if pd.isna(relayed) else relayed + ', relayed'} "
            f"({titles[source_id]}), {date_label(start, end, precision)}"
            for qualifier, low, high, side, relayed, source_id, start, end, precision in zip(
                rows["qualifier"], rows["low"], rows["high"], rows["side"], rows["count_by"], rows["source_id"],
                rows["date_start"], rows["date_end"], rows["date_precision"])]


def _figure_words(qualifier: str, low: float, high: float) -> str:
    """'about 93,000', '100,632', 'between 50 and 1,000'."""
    if not pd.isna(high):
        return f"between {formatted(low)} and {formatted(high)}"
    return formatted(low) if qualifier == "exact" else f"{qualifier} {formatted(low)}"


@checked_frames
def population_before(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """The population that the sources give for Nagorno-Karabakh before the departure, each with its label."""
    figures = load("displacement_figures") if figures is None else figures
    return _in_order(figures[figures["group"].eq("population-before-2023")]).pipe(
        lambda rows: rows.assign(label=_labels(rows)))


@checked_frames
def departure_terms(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """The words each issuer of a count of 2023 uses for the people who left, by ORDER, each with its user and
    side; the parties' statements on why they left are in positions_on and outside_records."""
    figures = load("displacement_figures") if figures is None else figures
    rows = _in_order(figures[figures["group"].eq(DEPARTURE) & figures["term_used"].notna()])
    return pd.DataFrame({"Term": "“" + rows["term_used"] + "”", "Used by": rows["issuer"],
                         "Side": whose_count(rows), "In the words": "“" + rows["wording"] + "”",
                         "Source": title_and_reading(rows["source_id"])}).set_index("Term")


@checked_frames
def in_numbers(figures: pd.DataFrame | None = None) -> dict[str, int]:
    """How many figures the table holds, in how many groups, and how many of them each side gives."""
    figures = load("displacement_figures") if figures is None else figures
    return {"figures": len(figures), "groups": figures["group"].nunique(),
            **{side: int(figures["side"].eq(side).sum()) for side in SIDES}}
