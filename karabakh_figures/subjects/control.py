"""Changes of control that other sources report: for each territory, the years from the compilation's date to
each change, and what the data says of control at a given date (the state a map draws).

The rule of the maps, in one place (RULE, control_state): a state is drawn only where a row gives it at or before
the panel's date. Before any change, a territory is as the compilation lists it. After a change of part of it (a
town, villages, "most of"), the rest is "not dated by the sources here", never the compilation's state of 1993. A
change of a region covers the territories within it (territories.within).
"""

import pandas as pd

from ..data.consistency import WHOLE_SCOPES
from ..data.dates import DATE_RANGES
from ..data.loading import load
from ..data.names import checked_frames
from ..data.words import date_labels, written_date

#: A change of part of a territory: the rest is not dated by that row.
PART_SCOPES = ("town", "town and villages", "part", "most")
#: Caveats of this topic say that the reference files disagree on what a change covered: the map draws only what
#: both support, the change in part.
DISPUTED = "scope disputed"
#: The end of a `how` that records a withdrawal begun, not done.
WITHDRAWAL_BEGUN = "began"
#: A change of the town, marked on the map where it is all a row says of its district.
TOWN_SCOPES = ("town", "town and villages")
LISTED, CHANGED, PART = ('listed as "occupied" by the compilation', "control changed (the whole territory)",
                         "control changed in part; the rest not dated by the sources here")
#: The states a map draws, in the order its legend lists them.
STATES = (LISTED, PART, CHANGED)
RULE = ("A state is drawn only where a row of the data gives it by the panel's day: a row dated only by a latest "
        "day ('by' a day, or the day of the page that reports it) from that day on. A change of a whole territory is "
        "drawn only where its quote states the change as done (not one begun, nor an army that 'entered'). After a "
        "change of part of a territory (a town, villages, 'most of'), the rest is not dated by the sources here; a "
        "change of a region covers the territories within it; where the reference files disagree on what a change "
        "covered (Kalbajar, 2020), it is drawn in part.")
#: The suffix of the compilation's date_end and date_text in control_periods(), beside the change's own.
COMPILATION_SUFFIX = "_compilation"
#: The changes whose days the control map's panels take, between the compilation's last date and the latest change
#: (panel_dates): the ceasefire, the pulling back near Kapan, Lachin town and September 2023.
PANEL_CHANGES = ("zangilan-most-2020", "zangilan-rest-2020", "lachin-town-2022", "nagorno-karabakh-2023")


@checked_frames
def panel_dates(changes: pd.DataFrame | None = None,
                territories: pd.DataFrame | None = None) -> dict[str, pd.Timestamp]:
    """The control map's panels, each titled by and drawn at a day that a row carries: the compilation's last date
    (the latest of territories.csv), the latest day of each change in PANEL_CHANGES, and the latest day of any
    change, so that every row falls in a panel."""
    changes = load("control_changes") if changes is None else changes
    territories = load("territories") if territories is None else territories
    latest = changes.set_index("change_id")["date_end"]
    missing = [change for change in PANEL_CHANGES if change not in latest.index]
    if missing:
        raise ValueError(f"control_changes.csv has no row {', '.join(missing)}, which the control map's panels "
                         "(subjects.control.PANEL_CHANGES) are dated by")
    compiled = territories[DATE_RANGES["territories"][1]].max()
    days = sorted({*latest[list(PANEL_CHANGES)], latest.max()})
    return {f"By {written_date(compiled)} (the compilation)": compiled,
            **{f"By {written_date(day)}": day for day in days}}


@checked_frames
def control_periods(territories: pd.DataFrame | None = None, changes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per territory, the compilation's date of occupation and each later change of control with its scope,
    and the years between them (derived; from the latest date the compilation's wording allows to the
    earliest date the change's wording allows, or to its latest where it gives only that: 'by October 19')."""
    territories = load("territories") if territories is None else territories
    changes = load("control_changes") if changes is None else changes
    # The compilation's latest date and its wording, beside the change's own date_end and date_text.
    merged = changes.merge(territories[["territory_id", "name", "date_end", "date_text"]], on="territory_id",
                           suffixes=("", COMPILATION_SUFFIX))
    # A change dated only "by" a day has no earliest date: its years run to that day, and are at most that many.
    known = merged["date_start"].fillna(merged["date_end"])
    merged["years"] = (known - merged["date_end" + COMPILATION_SUFFIX]).dt.days / 365.25
    merged["date"] = date_labels(merged)
    order = territories.sort_values(["date_end", "date_start"], kind="stable")["territory_id"].tolist()
    # Each territory's changes in the order of the dates they are known by, a "by" row at its latest date.
    merged["order"], merged["known"] = merged["territory_id"].map(order.index), known
    return (merged.sort_values(["order", "known"], kind="stable").drop(columns=["order", "known"])
            .reset_index(drop=True))


def changes_applying(territory_id: str, changes: pd.DataFrame, within: str | None) -> pd.DataFrame:
    """The rows that speak of a territory: its own, and the changes of the region it lies `within`, if any."""
    region = changes["territory_id"].eq(within) & changes["scope"].eq("region") if pd.notna(within) else False
    return changes[changes["territory_id"].eq(territory_id) | region]


@checked_frames
def control_state(date: pd.Timestamp, changes: pd.DataFrame | None = None,
                  territories: pd.DataFrame | None = None) -> pd.DataFrame:
    """What the data says of each territory by `date`, by RULE: the state its district is drawn in, whether a
    change of its town is recorded, and the rows (and their sources) that give the state."""
    changes = load("control_changes") if changes is None else changes
    territories = load("territories") if territories is None else territories
    disputed = set(disputed_changes())
    rows = []
    for territory_id, within in zip(territories["territory_id"], territories["within"]):
        done = changes_applying(territory_id, changes, within)
        done = done[done["date_end"].le(date)]
        scopes = set(done["scope"].where(~done["change_id"].isin(disputed), "part"))
        state = CHANGED if scopes & set(WHOLE_SCOPES) else PART if scopes & set(PART_SCOPES) else LISTED
        own = done[done["territory_id"].eq(territory_id)]
        rows.append({"territory_id": territory_id, "state": state,
                     "town_changed": bool(own["scope"].isin(TOWN_SCOPES).any()),
                     "changes": list(done["change_id"]), "sources": list(dict.fromkeys(done["source_id"]))})
    return pd.DataFrame(rows)


def disputed_changes(caveats: pd.DataFrame | None = None) -> list[str]:
    """The changes of control whose scope the reference files disagree on (caveats of topic DISPUTED)."""
    caveats = load("caveats") if caveats is None else caveats
    return list(caveats.loc[caveats["table"].eq("control_changes") & caveats["topic"].eq(DISPUTED), "row_id"])


@checked_frames
def passed_to(changes: pd.DataFrame) -> tuple[list[str], int]:
    """To whom control passed, as the rows' quotes name it (control_to_as_stated, each wording once whatever its
    capitals), and how many of the rows name no one."""
    named = changes["control_to_as_stated"].dropna()
    wordings: dict[str, str] = {}
    for words in named[named.ne("")]:
        wordings.setdefault(words.lower(), words)
    return list(wordings.values()), len(changes) - int(named.ne("").sum())


@checked_frames
def not_drawn_whole(state: pd.DataFrame, changes: pd.DataFrame | None = None) -> dict[str, str]:
    """Why each territory drawn in part in `state` (a control_state) is not drawn whole: the reference files
    disagree on what a change of the whole covered, or no row records a change of the rest (and where a row records
    a withdrawal that began, that no row says by district that it ended)."""
    changes = load("control_changes") if changes is None else changes
    changes = changes.assign(date=date_labels(changes)).set_index("change_id")
    disputed = set(disputed_changes())
    reasons = {}
    for row in state[state["state"].eq(PART)].itertuples():
        whole = [changes.loc[change, "date"] for change in row.changes
                 if change in disputed and changes.loc[change, "scope"] in WHOLE_SCOPES]
        begun = [changes.loc[change, "date"] for change in row.changes
                 if changes.loc[change, "how"].endswith(WITHDRAWAL_BEGUN)]
        reasons[row.territory_id] = (
            f"the reference files disagree on what the change of {' and '.join(whole)} covered (caveats)" if whole
            else f"a withdrawal that began {' and '.join(begun)} is recorded, but no row says, district by district, "
                 "that it ended" if begun else "no row records a change of the rest")
    return reasons
