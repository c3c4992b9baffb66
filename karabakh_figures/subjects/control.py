"""Changes of control that other sources report: for each territory, the years from the compilation's date to
each change, and what the data says of control at a given date (the state a map draws).

The rule of the maps, in one place (RULE, control_state): a state is drawn only where a row gives it at or before
the panel's date. Before any change, a territory is as the compilation lists it. After a change of part of it (a
town, villages, "most of"), the rest is "not dated by the sources here", never the compilation's state of 1993. A
change of a region covers the territories within it (territories.within).
"""

import pandas as pd

from ..data.consistency import WHOLE_SCOPES
from ..data.loading import load
from ..data.names import checked_frames
from ..data.words import date_labels

#: A change of part of a territory: the rest is not dated by that row.
PART_SCOPES = ("town", "town and villages", "part", "most")
#: Caveats of this topic say that the reference files disagree on what a change covered: the map draws only what
#: both support, the change in part.
DISPUTED = "scope disputed"
#: A change of the town, marked on the map where it is all a row says of its district.
TOWN_SCOPES = ("town", "town and villages")
LISTED, CHANGED, PART = ("listed as occupied (compilation)", "control changed (the whole territory)",
                         "control changed in part; the rest not dated by the sources here")
#: The states a map draws, in the order its legend lists them.
STATES = (LISTED, PART, CHANGED)
RULE = ("A state is drawn only where a row of the data gives it at or before the panel's date, and a change of a "
        "whole territory only where its quote states the change as done. After a change of part of a territory (a "
        "town, villages, 'most of'), the rest is not dated by the sources here; a change of a region covers the "
        "territories within it; where the reference files disagree on what a change covered (Kalbajar, 2020), it is "
        "drawn in part.")
#: The panels of the control map: the end of the compilation's list, the ceasefire, the residual strip left,
#: Lachin town, September 2023 and the dissolution of the de facto institutions.
#: The suffix of the compilation's date_end and date_text in control_periods(), beside the change's own.
COMPILATION_SUFFIX = "_compilation"
PANELS = {"End of 1993": pd.Timestamp("1993-12-31"), "10 November 2020": pd.Timestamp("2020-11-10"),
          "After 18 December 2020": pd.Timestamp("2020-12-19"), "26 August 2022": pd.Timestamp("2022-08-26"),
          "After 20 September 2023": pd.Timestamp("2023-09-21"), "After 1 January 2024": pd.Timestamp("2024-01-02")}


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
    merged["years"] = (merged["date_start"].fillna(merged["date_end"])
                       - merged["date_end" + COMPILATION_SUFFIX]).dt.days / 365.25
    merged["date"] = date_labels(merged)
    order = territories.sort_values(["date_end", "date_start"], kind="stable")["territory_id"].tolist()
    merged["order"] = merged["territory_id"].map(order.index)
    return merged.sort_values(["order", "date_start"], kind="stable").drop(columns="order").reset_index(drop=True)


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
