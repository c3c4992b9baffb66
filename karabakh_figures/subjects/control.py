"""Changes of control that other sources report: for each territory, the years from the compilation's date to
each change, and what the data says of control at a given date (the state a map draws)."""

import pandas as pd

from ..data.loading import load
from ..data.words import date_labels


def control_periods(territories: pd.DataFrame | None = None, changes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per territory, the compilation's date of occupation and each later change of control with its scope,
    and the years between them (derived; from the latest date the compilation's wording allows to the
    earliest date the return's wording allows)."""
    territories = load("territories") if territories is None else territories
    changes = load("control_changes") if changes is None else changes
    merged = changes.merge(territories[["territory_id", "name", "occupied_end", "date_text"]], on="territory_id",
                           suffixes=("", "_occupied"))
    merged["years"] = (merged["date_start"] - merged["occupied_end"]).dt.days / 365.25
    merged["date"] = date_labels(merged)
    order = territories.sort_values(["occupied_end", "occupied_start"], kind="stable")["territory_id"].tolist()
    merged["order"] = merged["territory_id"].map(order.index)
    return merged.sort_values(["order", "date_start"], kind="stable").drop(columns="order").reset_index(drop=True)


def control_state(date: pd.Timestamp, changes: pd.DataFrame | None = None) -> pd.DataFrame:
    """What control_changes.csv says of each territory by `date`: the state its district is shaded in, and
    the towns whose change of control (the town only) falls on or before it, each with the sources it rests on."""
    changes = load("control_changes") if changes is None else changes
    rows = []
    for territory_id in load("territories")["territory_id"]:
        own = changes[changes["territory_id"].eq(territory_id)]
        done = own[own["date_end"].le(date)]
        pending = own[own["date_start"].le(date) & own["date_end"].gt(date) & own["scope"].ne("town")]
        scopes = set(done["scope"])
        if scopes & {"district", "region", "rest of district"}:
            state = "control changed (district or region)"
        elif "part of district" in scopes:
            state = "control changed in part of the district"
        elif len(pending):
            state = "changed within a year, date not given"
        else:
            state = "listed as occupied (compilation)"
        rows.append({"territory_id": territory_id, "state": state, "town_changed": "town" in scopes,
                     "sources": sorted(set(done["source_id"]) | set(pending["source_id"]))})
    return pd.DataFrame(rows)
