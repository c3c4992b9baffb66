"""The arithmetic the notebooks show, in one place so that tests can check it against the data.

Every derived number comes with the arithmetic that produced it, as text, so a reader can redo it.
"""

import pandas as pd

from .loading import load


def formatted(number: float, decimals: int = 0) -> str:
    """1234.5 -> '1,234' (or '1,234.5' with decimals=1): plain text, so that outputs never show numpy reprs."""
    return f"{number:,.{decimals}f}"


def written_date(day) -> str:
    """A day written out, as every table, chart and page gives it: '8 May 1992'."""
    return f"{day.day} {day:%B %Y}"


def date_label(start, end, precision: str) -> str:
    """A date as precisely as the source gives it: '8 May 1992', '19–20 September 2023', 'May 2009', '2011',
    '1988–1992'."""
    if precision == "unknown" or pd.isna(start):
        return "no date given"
    if precision == "day":
        return written_date(start)
    if precision == "days":
        first = f"{start.day}" if (start.year, start.month) == (end.year, end.month) else f"{start.day} {start:%B}"
        return f"{first}–{written_date(end)}"
    if precision == "month":
        return f"{start:%B %Y}"
    if precision == "season":
        return f"{start:%b}–{end:%b %Y}"
    if precision == "year":
        return f"{start.year}"
    return f"{start.year}–{end.year}"


def date_labels(table: pd.DataFrame, start: str = "date_start", end: str = "date_end") -> list[str]:
    """date_label for every row of a table that dates its rows (date_precision and the two date columns)."""
    return [date_label(s, e, p) for s, e, p in zip(table[start], table[end], table["date_precision"])]


def area_totals(territories: pd.DataFrame | None = None, area_figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """The plain sum of the listed areas; the sum that counts an area lying within another only once; that sum
    with the occupied parts of districts that other sources give (a range where they differ); and the share
    stated in the compilation; each with its arithmetic and as a share of Azerbaijan's area."""
    territories = load("territories") if territories is None else territories
    area_figures = load("area_figures") if area_figures is None else area_figures
    azerbaijan = _area_figure(area_figures, "area of Azerbaijan")
    stated_share = _area_figure(area_figures, "share of Azerbaijan occupied")
    names = dict(zip(territories["territory_id"], territories["name"]))
    listed = dict(zip(territories["territory_id"], territories["area_km2"]))
    plain = territories["area_km2"].sum()
    contained = territories[territories["within"].notna()]
    without_overlap = plain - contained["area_km2"].sum()
    parts = area_figures[area_figures["measure"].eq("occupied part of district")].groupby("territory_id")["value"]
    low = without_overlap + sum(parts.min() - pd.Series(listed)[parts.min().index])
    high = without_overlap + sum(parts.max() - pd.Series(listed)[parts.max().index])
    terms = " + ".join(formatted(area) for area in territories["area_km2"])
    replaced = " ".join(
        f"− {formatted(listed[territory])} + {span(values.min(), values.max())} ({names[territory]}, occupied part)"
        for territory, values in parts)
    rows = [
        ("Sum of the nine listed areas", "derived", plain, plain, f"{terms} = {formatted(plain)}"),
        ("Sum counting areas within another row once", "derived", without_overlap, without_overlap,
         f"{formatted(plain)} − " + " − ".join(
             f"{formatted(area)} ({name}, within {names[within]})"
             for area, name, within in zip(contained["area_km2"], contained["name"], contained["within"]))
         + f" = {formatted(without_overlap)}"),
        ("The same with the occupied parts other sources give", "derived from other sources", low, high,
         f"{formatted(without_overlap)} {replaced} = {span(low, high)}"),
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


def span(low: float, high: float) -> str:
    """'1,254' or '1,254 to 1,256', with a decimal only where the figures have one."""
    decimals = 0 if float(low).is_integer() and float(high).is_integer() else 1
    return formatted(low, decimals) if low == high else f"{formatted(low, decimals)} to {formatted(high, decimals)}"


def _area_figure(area_figures: pd.DataFrame, measure: str) -> pd.Series:
    return area_figures[area_figures["measure"].eq(measure)].iloc[0]


def cumulative_area(territories: pd.DataFrame | None = None) -> pd.DataFrame:
    """Area listed as occupied over time, in date order, counting an area that lies within another row once.

    A territory dated by a period is counted at the period's last day, the latest date its wording allows;
    from a containing area, the parts already counted are subtracted.
    """
    territories = load("territories") if territories is None else territories
    ordered = territories.sort_values(["occupied_end", "occupied_start"], kind="stable")
    rows, counted = [], {}
    for row in ordered.itertuples():
        parts = territories[territories["within"].eq(row.territory_id)]
        already = sum(counted.get(part, 0) for part in parts["territory_id"])
        added = row.area_km2 - already
        counted[row.territory_id] = row.area_km2
        note = (f"{formatted(row.area_km2)} − {formatted(already)} already counted "
                f"({', '.join(parts['name'])})" if already else "")
        rows.append({"date": row.occupied_end, "territory": row.name, "date_text": row.date_text,
                     "area_added_km2": added, "note": note})
    table = pd.DataFrame(rows)
    table["cumulative_km2"] = table["area_added_km2"].cumsum()
    return table


def killed_by_group(figures: pd.DataFrame | None = None, source_id: str = "khojaly-narrative") -> pd.DataFrame:
    """Those killed by group as one source states them, with the remainder derived from its total."""
    figures = load("khojaly_figures") if figures is None else figures
    killed = figures[figures["measure"].eq("killed") & figures["source_id"].eq(source_id)
                     & figures["qualifier"].eq("exact")]
    total = killed.loc[killed["group"].eq("all"), "value"].item()
    groups = killed[~killed["group"].eq("all")]
    remainder = total - groups["value"].sum()
    arithmetic = f"{formatted(total)} − " + " − ".join(formatted(value) for value in groups["value"]) + \
        f" = {formatted(remainder)}"
    table = pd.DataFrame({"group": list(groups["group"]) + ["not in these groups (derived)"],
                          "killed": list(groups["value"]) + [remainder],
                          "kind": ["stated"] * len(groups) + ["derived"],
                          "arithmetic": [""] * len(groups) + [arithmetic]})
    table["share_pct"] = table["killed"] / total * 100
    return table


def source_addresses(sources: pd.DataFrame) -> pd.Series:
    """source_id -> where to read the source: its original's address, else the page it was read on (marked
    so), else "address not recorded" (`sources` indexed by source_id)."""
    read_at = "read at " + sources["read_at_url"]
    return sources["url"].fillna(read_at).fillna("address not recorded")


def source_labels() -> dict[str, str]:
    """source_id -> short title, for tables and charts."""
    sources = load("sources")
    return dict(zip(sources["source_id"], sources["short_title"]))


def territory_table(territories: pd.DataFrame | None = None) -> pd.DataFrame:
    """The territories in date order, as a reader would want to see them."""
    territories = load("territories") if territories is None else territories
    ordered = territories.sort_values(["occupied_end", "occupied_start"], kind="stable")
    names = dict(zip(territories["territory_id"], territories["name"]))
    return pd.DataFrame({
        "Territory (as in the source)": ordered["name"],
        "Azerbaijani name": ordered["name_az"],
        "ISO 3166-2": ordered["iso_3166_2"].fillna("none"),
        "Date as written": ordered["date_text"],
        "Date": date_labels(ordered, "occupied_start", "occupied_end"),
        "Area (km²)": [formatted(area) for area in ordered["area_km2"]],
        "Lies within": [names.get(within, "") if pd.notna(within) else "" for within in ordered["within"]],
    }).set_index("Territory (as in the source)")


def by_date(table: pd.DataFrame) -> pd.DataFrame:
    """Rows in date order; rows without a date last, in file order."""
    return table.sort_values(["date_start", "date_end"], kind="stable", na_position="last").reset_index(drop=True)


def recognition_table(recognitions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every act, sorted by date, with the words it uses for the events and whose words they are."""
    recognitions = by_date(load("recognitions") if recognitions is None else recognitions)
    where = recognitions["subdivision"].fillna(recognitions["country"]).fillna("international")
    terms = [f"{t.replace(';', ', ')} ({basis})" if pd.notna(t) else "none given"
             for t, basis in zip(recognitions["terms"], recognitions["terms_basis"])]
    return pd.DataFrame({
        "Date": date_labels(recognitions),
        "Act": recognitions["label"],
        "Body (as named in the compilation)": recognitions["body"],
        "Level of body": recognitions["body_level"],
        "Country or state": where,
        "Instrument": recognitions["instrument"] + recognitions["instrument_ref"].map(
            lambda ref: f" ({ref})" if pd.notna(ref) else "", na_action=None),
        "Terms used": terms,
        "Subject": recognitions["subject"].str.replace(";", ", "),
        "Other sources say": recognitions["recognition_id"].map(_other_sources_say()).fillna(""),
    })


def _other_sources_say() -> pd.Series:
    caveats = load("caveats")
    sources = load("sources").set_index("source_id")["short_title"]
    said = caveats[caveats["table"].eq("recognitions")]
    return (said["caveat"] + " (" + said["source_id"].map(sources) + ")").groupby(said["row_id"]).agg(" / ".join)


def year_of(row_start, precision: str) -> str:
    """The calendar year an item falls in, where the source's wording fixes one."""
    return str(row_start.year) if precision in ("day", "month", "season", "year") else "no date given"


def recognition_counts(recognitions: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Acts counted by year, by level of body and by the terms they use (an act using two terms counts under
    both, so that table sums to more than the number of acts)."""
    recognitions = load("recognitions") if recognitions is None else recognitions
    years = pd.Series([year_of(s, p) for s, p in zip(recognitions["date_start"], recognitions["date_precision"])])
    terms = recognitions["terms"].fillna("none given").str.split(";").explode()
    by_year = _count(years, "Year")
    return {
        "year": by_year.loc[sorted(by_year.index, key=lambda year: (not year.isdigit(), year))],
        "level": _count(recognitions["body_level"], "Level of body"),
        "terms": _count(terms, "Term used"),
    }


def _count(values: pd.Series, name: str) -> pd.DataFrame:
    counts = values.value_counts().rename_axis(name).reset_index(name="Acts")
    return counts.sort_values(["Acts", name], ascending=[False, True], kind="stable").set_index(name)


def implied_values() -> pd.DataFrame:
    """Every value recorded by implication rather than stated outright, with the note that explains it."""
    sources = source_labels()
    rows = []
    for name in ("khojaly_figures", "recognitions", "campaign_events"):
        table = load(name)
        key = table.columns[0]
        implied = table[table["inferred_fields"].notna()]
        context = implied["context_source_id"] if "context_source_id" in implied else pd.Series(pd.NA, implied.index)
        for row, source in zip(implied.itertuples(), context):
            rows.append({"table": name, "row": getattr(row, key), "columns": row.inferred_fields.replace(";", ", "),
                         "note": row.note, "outside source": sources.get(source, "") if pd.notna(source) else ""})
    return pd.DataFrame(rows)


def caveat_table(topic: str | None = None) -> pd.DataFrame:
    """Caveats from other sources, each beside the row it qualifies, with its source and address."""
    caveats = load("caveats")
    sources = load("sources").set_index("source_id")
    if topic is not None:
        caveats = caveats[caveats["topic"].eq(topic)]
    return pd.DataFrame({
        "row": caveats["table"] + ": " + caveats["row_id"],
        "caveat": caveats["caveat"],
        "source": caveats["source_id"].map(sources["short_title"]),
        "address": caveats["source_id"].map(source_addresses(sources)),
    }).set_index("row")


def key_figures() -> pd.DataFrame:
    """One key figure per notebook, as a sentence with its attribution, for the overview."""
    from .crosschecks import discrepancies

    territories, figures, recognitions = load("territories"), load("khojaly_figures"), load("recognitions")
    totals = area_totals(territories)
    killed = figures[figures["measure"].eq("killed") & figures["group"].eq("all") & figures["qualifier"].eq("exact")]
    narrative_total = killed.loc[killed["source_id"].eq("khojaly-narrative"), "value"].item()
    dated = recognitions["date_start"].dropna()
    differing = discrepancies(figures)["measure"]
    districts = load("territory_districts")
    first, last = load("control_changes").sort_values("date_start").iloc[[0, -1]].itertuples()
    rows = [
        ("01-territories.ipynb",
         f"{len(territories)} territories listed; their areas sum to {formatted(totals['km2'][0])} km², or "
         f"{formatted(totals['km2'][1])} km² counting Shusha once (derived)."),
        ("02-khojaly-casualties.ipynb",
         f"{formatted(narrative_total)} persons killed, according to the compilation's narrative; the figure "
         f"is stated in {len(killed)} sections."),
        ("03-recognition-timeline.ipynb",
         f"{len(recognitions)} acts reported, {len(dated)} of them dated, {dated.min().year}–{dated.max().year}."),
        ("04-data-notes.ipynb",
         f"{len(differing)} measures on which sections differ ({', '.join(differing)}); "
         f"{len(load('caveats'))} caveats from other sources."),
        ("05-maps.ipynb",
         f"{len(territories)} territories drawn from {districts['shape_name'].nunique()} district features "
         f"({', '.join(sorted(set(districts['match'])))}); control changed from "
         f"{date_label(first.date_start, first.date_end, first.date_precision)} to "
         f"{date_label(last.date_start, last.date_end, last.date_precision)}, according to other sources."),
    ]
    return pd.DataFrame(rows, columns=["notebook", "key figure"]).set_index("notebook")


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


def estimates_table(estimates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Published figures for those killed in Khojaly (and bodies counted), each as worded, with its source."""
    estimates = load("death_toll_estimates") if estimates is None else estimates
    sources = load("sources").set_index("source_id")
    return pd.DataFrame({
        "Who, when": estimates["label"],
        "Measure": estimates["measure"] + estimates["group"].map(lambda group: "" if group == "all" else f" ({group})"),
        "As stated": [_range_words(q, low, high) for q, low, high in
                      zip(estimates["qualifier"], estimates["low"], estimates["high"])],
        "Wording": estimates["wording"],
        "Source": estimates["source_id"].map(sources["short_title"]),
        "Address": estimates["source_id"].map(source_addresses(sources)),
        "Caveat": estimates["caveat"],
    }).set_index("Who, when")


def _range_words(qualifier: str, low: float, high: float) -> str:
    if qualifier == "as many as":
        return f"as many as {formatted(low)}–{formatted(high)}"
    if qualifier in ("at least", "more than"):
        return f"{qualifier} {formatted(low)}"
    return formatted(low) if qualifier == "exact" else f"{qualifier} {formatted(low)}"


def every_caveat() -> pd.DataFrame:
    """Every caveat in the data, beside the row it qualifies, with its source and address: the caveats table,
    the changes of control, the published estimates and the later recognitions."""
    sources = load("sources").set_index("source_id")
    caveats = load("caveats")
    parts = [pd.DataFrame({"row": caveats["table"] + ": " + caveats["row_id"], "caveat": caveats["caveat"],
                           "source_id": caveats["source_id"]})]
    for name, key, text in (("control_changes", "change_id", "caveat"), ("later_recognitions", "later_id", "note"),
                            ("death_toll_estimates", "estimate_id", "caveat")):
        table = load(name)
        parts.append(pd.DataFrame({"row": f"{name}: " + table[key], "caveat": table[text],
                                   "source_id": table["source_id"]}))
    table = pd.concat(parts, ignore_index=True)
    table["source"] = table["source_id"].map(sources["short_title"])
    table["address"] = table["source_id"].map(source_addresses(sources))
    return table.drop(columns="source_id").set_index("row")
