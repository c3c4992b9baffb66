"""The people displaced by the conflict, on both sides: every published figure beside the others, by group; the
register of what each group's figures run from and to, and why they differ where a source says; the departure of
2023 in the counts that the sources date; and each side's words for it. Nothing here picks one figure: rows
follow one rule (ORDER: by date, then the undated by issuer), whatever their side."""

import pandas as pd

from ..data.figure_words import ends, figure_text, range_text, ratio_text, unlike
from ..data.loading import load
from ..data.names import check_name, checked_frames
from ..data.words import date_label, date_labels
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
    "displaced-in-armenia": "People displaced inside Armenia",
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
#: The groups whose rows are not figures of people displaced by the conflict: people who came for another reason,
#: a population, the people who remained, and returns.
OTHER_GROUPS = ("meskhetian-turks", "population-before-2023", "remained-2023", "returned-after-2020")
#: The finding of a gap whose source states why its figures differ.
REASON_STATED = "a reason the source states"
#: The finding of a gap whose figures count different things (no range or ratio sets them as one).
DIFFERENT_MEASURES = "different measures"
#: The sides, in the schema's order; "outside the parties" first, then each party and the media close to it.
SIDES = ("outside the parties", "Azerbaijan's government", "Armenia's government",
         "de facto Nagorno-Karabakh authorities", "media close to Azerbaijan", "media close to Armenia")
OUTSIDE = SIDES[0]
ORDER = ("Within each group, figures are ordered by the date they count at or up to, earliest first; figures with "
         "no date follow, in the alphabetical order of the issuer. The rule is the same for every side.")
#: The counts of the 2023 departure that the sources date, up to the end of October 2023.
DEPARTURE = "left-2023"
DEPARTURE_WINDOW = (pd.Timestamp("2023-09-19"), pd.Timestamp("2023-10-31"))
#: Precisions that date a running count to its day (a few days, or up to a day). A flow of one day ("a peak of
#: 40,000 … on 27 September") counts that day's people only, and a month is left to the tables.
TO_THE_DAY = ("days", "by")


def _in_order(rows: pd.DataFrame) -> pd.DataFrame:
    """ORDER: by the date counted at or up to, then the undated by issuer."""
    when = rows["date_end"]
    return rows.assign(_when=when, _undated=when.isna()).sort_values(
        ["_undated", "_when", "issuer", "figure_id"], kind="stable").drop(columns=["_when", "_undated"])


def as_stated(rows: pd.DataFrame) -> list[str]:
    """Each figure in the source's words, then printed whole (figure_text): '“an estimated 650,000” (about
    650,000)', '“40,000” (40,000, Azerbaijan's government's count, relayed by ACAPS)'."""
    return [f"“{row.wording}” ({figure_text(row)})" for row in rows.itertuples()]


#: How an issuer reads where the source does not say whose figure it is (the row's side is then the reporter's).
ISSUER_NOT_STATED = "not stated"


def _side(side: str, issuer: str) -> str:
    """The issuer's side, or, where the source does not say whose figure it is, that and the reporter's side."""
    return f"not said whose figure; the reporter is {side}" if issuer.startswith(ISSUER_NOT_STATED) else side


def whose_count(rows: pd.DataFrame) -> list[str]:
    """The issuer's side, and whose count it is where an outside body relays a party's: 'outside the parties,
    relaying Armenia's government's count'; where the source does not say whose figure it is, it says so."""
    return [_side(side, issuer) if pd.isna(relayed) else f"{side}, relaying {relayed}'s count"
            for side, relayed, issuer in zip(rows["side"], rows["count_by"], rows["issuer"])]


def when_counted(rows: pd.DataFrame) -> list[str]:
    """'stock, December 2014', 'flow, 1988–1990', 'flow, by 29 September 2023', or the reason there is none."""
    return [f"{measure}, " + (date_label(start, end, precision) if precision != "unknown" else f"no date: {note}")
            for measure, start, end, precision, note in zip(rows["measure"], rows["date_start"], rows["date_end"],
                                                            rows["date_precision"], rows["date_note"])]


#: The columns of figures_in: the figure (numbers as numbers), what and when it counts (dates as dates), and
#: whose count it is; everything figure_text, date_label and credit need to print it at the display edge.
TYPED_COLUMNS = ["figure_id", "group", "low", "high", "qualifier", "wording", "counts", "measure", "count_basis",
                 "date_start", "date_end", "date_precision", "date_note", "issuer", "side", "count_by", "term_used",
                 "source_id"]


@checked_frames
def figures_in(group: str, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every figure of `group` (one of GROUPS) as data, by ORDER: numbers as numbers, dates as dates (TYPED_COLUMNS),
    for an analyst's own arithmetic or chart; figure_text(row) prints a row whole, and figures_of is the same
    rows as a reader's table."""
    check_name(group, GROUPS, "group", "GROUPS")
    figures = load("displacement_figures") if figures is None else figures
    return _in_order(figures[figures["group"].eq(group)])[TYPED_COLUMNS].reset_index(drop=True)


@checked_frames
def figures_of(group: str, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every figure of `group` (one of GROUPS), by ORDER, as a reader's table of figures_in's rows: the figure as
    stated and printed whole, what it counts, stock or flow and when, the basis where the source gives one, the
    issuer, its side and whose count it is, the source's own term, and where it was read and how."""
    rows = figures_in(group, figures)
    return pd.DataFrame({
        "What it counts": rows["counts"].tolist(),
        "Stock or flow, when": when_counted(rows),
        "Registered, estimated or arrivals": rows["count_basis"].fillna("not said").tolist(),
        "Issuer": rows["issuer"].tolist(),
        "Side": whose_count(rows),
        "Their term": ["" if pd.isna(term) else f"“{term}”" for term in rows["term_used"]],
        "Source": title_and_reading(rows["source_id"]).tolist(),
    }, index=pd.Index(as_stated(rows), name="Figure as stated"))


def apart() -> frozenset:
    """The pairs of figures that a gap of the register finds to be different measures: its first figure against
    each of the others (figure_ids names the figure that differs first). No range or ratio sets them as one."""
    gaps = load("displacement_gaps")
    pairs = set()
    for ids in gaps.loc[gaps["finding"].eq(DIFFERENT_MEASURES), "figure_ids"]:
        first, *others = ids.split(";")
        pairs.update(frozenset((first, other)) for other in others)
    return frozenset(pairs)


def like_sets(rows: pd.DataFrame, pairs: frozenset | None = None) -> list[pd.DataFrame]:
    """`rows`, by ORDER, in sets of like figures (unlike() holds for no two of a set): each figure joins the
    first set it is like every member of, or starts its own. A figure with no date stands alone."""
    pairs = apart() if pairs is None else pairs
    sets: list[list[pd.Series]] = []
    for _, row in _in_order(rows).iterrows():
        home = next((members for members in sets
                     if all(unlike(member, row, pairs) is None for member in members)), None)
        if home is None:
            sets.append([row])
        else:
            home.append(row)
    return [pd.DataFrame(members) for members in sets]


@checked_frames
def register(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each group, its figures in sets of like figures (like_sets: one measure and basis, dates no more than
    a few years apart, no pair that a gap finds to be different measures): how many, when, the lowest and the
    highest printed whole with who gives each, the highest as a multiple of the lowest (derived, with its
    qualifier and its division), and the gaps of the register that concern the group."""
    figures = load("displacement_figures") if figures is None else figures
    gaps = load("displacement_gaps").groupby("group")["gap_id"].agg("; ".join)
    pairs, rows = apart(), []
    for group in GROUPS:
        for members in like_sets(figures[figures["group"].eq(group)], pairs):
            lowest, highest = ends(members, pairs)
            dated = members["date_precision"].ne("unknown").all()
            rows.append({
                "Group": GROUPS[group], "Measure": members["measure"].iloc[0],
                "Basis": members["count_basis"].fillna("not said").iloc[0],
                "When": _when(members) if dated else "no date given",
                "Figures": len(members), "Lowest": _end(lowest), "Highest": _end(highest),
                "Highest ÷ lowest (derived)": (ratio_text(highest, lowest, pairs)
                                               if lowest["figure_id"] != highest["figure_id"] else "one figure"),
                "Gaps of the register on the group": gaps.get(group, "none"),
            })
    return pd.DataFrame(rows).set_index(["Group", "Measure", "Basis", "When"])


def like_set_in_words(members: pd.DataFrame, pairs: frozenset | None = None) -> str:
    """One set of like figures (like_sets) in words, its range built by range_text: '3 stocks, registered,
    December 2014 to 2016, from 613,129 … to 622,892 …'; a figure alone is given once."""
    pairs = apart() if pairs is None else pairs
    measure, count = members["measure"].iloc[0], len(members)
    basis = members["count_basis"].fillna("not said").iloc[0]
    dated = members["date_precision"].ne("unknown").all()
    return (f"{count} {measure}{'s' if count > 1 else ''}, basis {basis}, "
            f"{_when(members) if dated else 'no date given'}: {range_text(members, pairs)}")


def _when(members: pd.DataFrame) -> str:
    """The dates a set of figures counts at or over, as precisely as its rows: one label, or the first's and the
    last's."""
    labels = list(dict.fromkeys(date_labels(members)))
    return labels[0] if len(labels) == 1 else f"{labels[0]} to {labels[-1]}"


def _end(row: pd.Series) -> str:
    """A figure whole, with its issuer and date: 'about 650,000 (UN Representative…, May 1994)'."""
    when = date_label(row["date_start"], row["date_end"], row["date_precision"])
    return f"{figure_text(row)} ({row['issuer']}, {when})"


@checked_frames
def gaps_table(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """The register's gaps: for each, its group, the figures it concerns printed whole with their issuers, what
    the gap is, the reason in our words and the source's words for it."""
    figures = (load("displacement_figures") if figures is None else figures).set_index("figure_id", drop=False)
    gaps = load("displacement_gaps")
    return pd.DataFrame({
        "Gap": gaps["gap_id"].tolist(),
        "Figures": ["; ".join(f"{figure_text(figures.loc[figure_id])} ({figures.at[figure_id, 'issuer']})"
                              for figure_id in ids.split(";")) for ids in gaps["figure_ids"]],
        "What the gap is": gaps["finding"].tolist(),
        "Reason": gaps["reason"].tolist(),
        "The source's words": ("“" + gaps["source_quote"] + "”").tolist(),
        "Source": title_and_reading(gaps["source_id"]).tolist(),
    }, index=pd.Index(gaps["group"].map(GROUPS), name="Group"))


@checked_frames
def departure_counts(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """The counts of the people who left Nagorno-Karabakh in 2023 or arrived in Armenia that the sources date to
    the day (TO_THE_DAY), up to the end of October 2023, by the day they count up to: the rows that notebook 08
    draws day by day, each with its label (the figure whole, whose count it is, and the source). A registration
    count is not a count of people leaving: it stays in the tables."""
    figures = load("displacement_figures") if figures is None else figures
    dated = _in_order(figures[figures["group"].eq(DEPARTURE) & figures["date_end"].between(*DEPARTURE_WINDOW)
                              & figures["date_precision"].isin(TO_THE_DAY)
                              & ~figures["count_basis"].isin(["registered"])])
    return dated.assign(label=_labels(dated))


def _labels(rows: pd.DataFrame) -> list[str]:
    """'about 93,000, Armenia's government (Interfax-Ukraine (Sep 2023)), by 29 September 2023'."""
    titles = load("sources").set_index("source_id")["short_title"]
    return [f"{figure_text(row)}" + ("" if not pd.isna(row.count_by) else f", {_side(row.side, row.issuer)}")
            + f" ({titles[row.source_id]}), {date_label(row.date_start, row.date_end, row.date_precision)}"
            for row in rows.itertuples()]


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
    """What the table holds, saying what it counts: the figures of people displaced (the groups of DISPLACED),
    the other rows (OTHER_GROUPS: people not displaced by the conflict, the population before, those who
    remained, returns), in how many groups; and, of the figures of people displaced, how many are totals that
    count other people too (a gap sets them against a row of the other groups), how many count a single day, how
    many each side gives and how many of those from outside the parties are a party's count relayed."""
    figures = load("displacement_figures") if figures is None else figures
    displaced = figures[~figures["group"].isin(OTHER_GROUPS)]
    outside = displaced[displaced["side"].eq(OUTSIDE)]
    others = set(figures.loc[figures["group"].isin(OTHER_GROUPS), "figure_id"])
    # A total that a gap of the register sets against a row of the other groups counts those people too.
    totals = {first for first, *parts in load("displacement_gaps")["figure_ids"].str.split(";") if others & set(parts)}
    return {"figures": len(displaced), "other rows": len(figures) - len(displaced),
            "totals with others": int(displaced["figure_id"].isin(totals).sum()),
            "one day": int((displaced["measure"].eq("flow") & displaced["date_precision"].eq("day")).sum()),
            "groups": displaced["group"].nunique(), "relayed": int(outside["count_by"].notna().sum()),
            **{side: int(displaced["side"].eq(side).sum()) for side in SIDES}}


@checked_frames
def explained(group: str | None = None, gaps: pd.DataFrame | None = None) -> str:
    """The sentences that say why figures differ, each resting on a gap of the register and citing it: the reasons
    the sources state, then the figures that count different things (of `group`, or of every group)."""
    gaps = load("displacement_gaps") if gaps is None else gaps
    if group is not None:
        check_name(group, GROUPS, "group", "GROUPS")
        gaps = gaps[gaps["group"].eq(group)]
    parts = []
    for finding, heading in ((REASON_STATED, "Why figures differ, where the source says"),
                             (DIFFERENT_MEASURES, "Figures that count different things, never set in one range or "
                                                  "ratio")):
        chosen = gaps[gaps["finding"].eq(finding)]
        if not chosen.empty:
            parts.append(f"{heading}:\n\n" + "\n".join(f"- {reason.rstrip('.')} (gap `{gap_id}`)."
                                                        for reason, gap_id in zip(chosen["reason"], chosen["gap_id"])))
    return "\n\n".join(parts)


@checked_frames
def departure_in_words(figures: pd.DataFrame | None = None) -> str:
    """The running counts of the departure of 2023 (departure_counts), day by day, each printed whole with whose
    count it is, then why the other counts of the group are not set beside them (explained)."""
    counts = departure_counts(figures)
    by_day = counts.groupby("date_end", sort=True)["label"].agg(" and ".join)
    return ("The running counts of the people who left or arrived, by the day they count up to: "
            + "; ".join(by_day) + ".\n\n" + explained(DEPARTURE))
