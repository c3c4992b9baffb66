"""The territories listed as occupied and their areas: the table as a reader wants it, what the listed areas
sum to (counting an area within another once, and with the parts other sources give as occupied) beside the share the
compilation states, and the area listed over time. Every derived number comes with its arithmetic as text."""

import pandas as pd

from ..data.loading import load
from ..data.names import checked_frames
from ..data.words import date_labels, formatted, span

HECTARES_PER_KM2 = 100


@checked_frames
def territory_data(territories: pd.DataFrame | None = None) -> pd.DataFrame:
    """The territories in date order, typed for analysis: dates as dates (date_start, date_end, with the
    date_precision and the date as written), area_km2 as a number, and the name of the row each lies within."""
    territories = load("territories") if territories is None else territories
    ordered = territories.sort_values(["date_end", "date_start"], kind="stable")
    names = dict(zip(territories["territory_id"], territories["name"]))
    return ordered.assign(within_name=ordered["within"].map(names))[
        ["territory_id", "name", "name_az", "iso_3166_2", "date_text", "date_start", "date_end", "date_precision",
         "area_km2", "within_name"]].reset_index(drop=True)


@checked_frames
def territory_table(territories: pd.DataFrame | None = None) -> pd.DataFrame:
    """The territories in date order, as a reader would want to see them (territory_data, worded)."""
    data = territory_data(territories)
    return pd.DataFrame({
        "Territory (as in the source)": data["name"],
        "Azerbaijani name": data["name_az"],
        "ISO 3166-2": data["iso_3166_2"].fillna("none"),
        "Date as written": data["date_text"],
        "Date": date_labels(data, "date_start", "date_end"),
        "Area (km²)": [formatted(area) for area in data["area_km2"]],
        "Lies within": data["within_name"].fillna(""),
    }).set_index("Territory (as in the source)")


@checked_frames
def area_totals(territories: pd.DataFrame | None = None, area_figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """The plain sum of the listed areas; the sum that counts an area lying within another only once; that sum
    with the parts of districts that other sources give as occupied (a range where they differ); and the share
    stated in the compilation; each with its arithmetic and as a share of Azerbaijan's area."""
    territories = load("territories") if territories is None else territories
    area_figures = load("area_figures") if area_figures is None else area_figures
    azerbaijan = _area_figure(area_figures, "area of Azerbaijan")
    stated_share = _area_figure(area_figures, "share of Azerbaijan the compilation states as occupied")
    names = dict(zip(territories["territory_id"], territories["name"]))
    listed = dict(zip(territories["territory_id"], territories["area_km2"]))
    plain = territories["area_km2"].sum()
    contained = territories[territories["within"].notna()]
    without_overlap = plain - contained["area_km2"].sum()
    given = area_figures[area_figures["measure"].eq("part of district other sources give as occupied")]
    in_hectares = given["unit"].eq("ha")
    # A part a page gives in hectares is converted here, in the open: the km² are ours, not the page's.
    given = given.assign(value=given["value"].where(~in_hectares, given["value"] / HECTARES_PER_KM2))
    converted = "".join(f" ({formatted(hectares)} ha ÷ {HECTARES_PER_KM2} = {formatted(km2, 2)} km², our conversion)"
                        for hectares, km2 in zip(area_figures.loc[given.index[in_hectares], "value"],
                                                 given.loc[in_hectares, "value"]))
    parts = given.groupby("territory_id")["value"]
    low = without_overlap + sum(parts.min() - pd.Series(listed)[parts.min().index])
    high = without_overlap + sum(parts.max() - pd.Series(listed)[parts.max().index])
    terms = " + ".join(formatted(area) for area in territories["area_km2"])
    replaced = " ".join(
        f"− {formatted(listed[territory])} + {span(values.min(), values.max())} "
        f"({names[territory]}, part other sources give as occupied)"
        for territory, values in parts)
    rows = [
        ("Sum of the nine listed areas", "derived", plain, plain, f"{terms} = {formatted(plain)}"),
        ("Sum counting areas within another row once", "derived", without_overlap, without_overlap,
         f"{formatted(plain)} − " + " − ".join(
             f"{formatted(area)} ({name}, within {names[within]})"
             for area, name, within in zip(contained["area_km2"], contained["name"], contained["within"]))
         + f" = {formatted(without_overlap)}"),
        (f"The same with the parts that {part_issuers(given)} give as occupied", "derived from other sources",
         low, high,
         f"{formatted(without_overlap)} {replaced} = {span(low, high)}{converted}"),
        (f"{stated_share['value']:g}% of Azerbaijan, as stated", "stated; km² derived",
         azerbaijan["value"] * stated_share["value"] / 100, azerbaijan["value"] * stated_share["value"] / 100,
         f"{stated_share['value']:g}% × {formatted(azerbaijan['value'])} = "
         f"{formatted(azerbaijan['value'] * stated_share['value'] / 100)}"),
    ]
    table = pd.DataFrame(rows, columns=["figure", "kind", "km2", "km2_high", "arithmetic"])
    table["share_of_azerbaijan_pct"] = table["km2"] / azerbaijan["value"] * 100
    table["share_high_pct"] = table["km2_high"] / azerbaijan["value"] * 100
    stated = table["kind"].str.startswith("stated")
    table.loc[stated, ["share_of_azerbaijan_pct", "share_high_pct"]] = stated_share["value"]
    return table


def part_issuers(figures: pd.DataFrame) -> str:
    """Who gives the parts of districts (area_figures rows), named as sources.csv names them: 'news.az, Trend news
    agency and AZERTAC'."""
    issuers = list(dict.fromkeys(load("sources").set_index("source_id").loc[figures["source_id"], "issuer"]))
    return ", ".join(issuers[:-1]) + f" and {issuers[-1]}" if len(issuers) > 1 else "".join(issuers)


def _area_figure(area_figures: pd.DataFrame, measure: str) -> pd.Series:
    return area_figures[area_figures["measure"].eq(measure)].iloc[0]


@checked_frames
def cumulative_area(territories: pd.DataFrame | None = None) -> pd.DataFrame:
    """Area listed as occupied over time, in date order, counting an area that lies within another row once.

    A territory dated by a period is counted at the period's last day, the latest date its wording allows;
    from a containing area, the parts already counted are subtracted.
    """
    territories = load("territories") if territories is None else territories
    ordered = territories.sort_values(["date_end", "date_start"], kind="stable")
    rows, counted = [], {}
    for row in ordered.itertuples():
        parts = territories[territories["within"].eq(row.territory_id)]
        already = sum(counted.get(part, 0) for part in parts["territory_id"])
        added = row.area_km2 - already
        counted[row.territory_id] = row.area_km2
        note = (f"{formatted(row.area_km2)} − {formatted(already)} already counted "
                f"({', '.join(parts['name'])})" if already else "")
        rows.append({"date": row.date_end, "territory": row.name, "date_text": row.date_text,
                     "area_added_km2": added, "note": note})
    table = pd.DataFrame(rows)
    table["cumulative_km2"] = table["area_added_km2"].cumsum()
    return table
