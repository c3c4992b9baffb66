"""What qualifies a figure: the caveats other sources give, each beside the row it qualifies with its source
and address, and the values recorded by implication with the note that explains them."""

import pandas as pd

from ..data.loading import load
from ..data.names import check_name
from ..data.words import date_labels
from .sources import source_addresses, source_labels


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
    implied = pd.DataFrame(rows)
    return implied.assign(row=row_names(implied["table"], implied["row"], with_table=False))


#: How a row of each table is named for a reader, from its own columns: a name, not an id.
_ROW_NAMES = {
    "territories": lambda table: table["name"],
    "recognitions": lambda table: table["label"],
    "later_recognitions": lambda table: table["label"],
    "death_toll_estimates": lambda table: table["label"],
    "campaign_events": lambda table: table["label"],
    "sources": lambda table: table["short_title"],
    "khojaly_figures": lambda table: table["measure"] + " (" + table["group"] + ")",
    "area_figures": lambda table: table["measure"],
    "control_changes": lambda table: (table["territory_id"].map(load("territories").set_index("territory_id")["name"])
                                      + ", " + pd.Series(date_labels(table), index=table.index)),
}


def row_names(tables: pd.Series, row_ids: pd.Series, with_table: bool = True) -> pd.Series:
    """Each row a caveat qualifies, as a reader names it: its table in words and the row's name ('Territories:
    Kalbajar', 'Control changes: Kalbajar, 25 November 2020'; without the table, with_table=False), not its id."""
    names = {}
    for table in dict.fromkeys(tables):  # in the order named: a set's order would follow the hash seed
        loaded = load(table)
        key = loaded.columns[0]
        names[table] = dict(zip(loaded[key], _ROW_NAMES[table](loaded) if table in _ROW_NAMES else loaded[key]))
    return pd.Series([(f"{table.replace('_', ' ').capitalize()}: " if with_table else "")
                      + str(names[table].get(row_id, row_id)) for table, row_id in zip(tables, row_ids)],
                     index=tables.index)


def caveat_table(topic: str | None = None) -> pd.DataFrame:
    """Caveats from other sources, each beside the row it qualifies, with its source and address."""
    caveats = load("caveats")
    sources = load("sources").set_index("source_id")
    if topic is not None:
        check_name(topic, sorted(set(caveats["topic"])), "topic", "the topics of caveats.csv")
        caveats = caveats[caveats["topic"].eq(topic)]
    return pd.DataFrame({
        "row": row_names(caveats["table"], caveats["row_id"]),
        "caveat": caveats["caveat"],
        "source": caveats["source_id"].map(sources["short_title"]),
        "address": caveats["source_id"].map(source_addresses(sources)),
    }).set_index("row")


def every_caveat() -> pd.DataFrame:
    """Every caveat in the data, beside the row it qualifies, with its source and address: the caveats table,
    the changes of control, the published estimates and the later recognitions."""
    sources = load("sources").set_index("source_id")
    caveats = load("caveats")
    parts = [pd.DataFrame({"row": row_names(caveats["table"], caveats["row_id"]), "caveat": caveats["caveat"],
                           "source_id": caveats["source_id"]})]
    for name, key, text in (("control_changes", "change_id", "caveat"), ("later_recognitions", "later_id", "note"),
                            ("death_toll_estimates", "estimate_id", "caveat")):
        table = load(name)
        parts.append(pd.DataFrame({"row": row_names(pd.Series(name, index=table.index), table[key]),
                                   "caveat": table[text], "source_id": table["source_id"]}))
    table = pd.concat(parts, ignore_index=True)
    table["source"] = table["source_id"].map(sources["short_title"])
    table["address"] = table["source_id"].map(source_addresses(sources))
    return table.drop(columns="source_id").set_index("row")
