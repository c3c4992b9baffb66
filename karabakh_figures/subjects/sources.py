"""Where the figures come from: every source's address, short title, how it was read and who runs the page
read, which tables rest on it, and rows of the data counted by both."""

import pandas as pd

from ..data.descriptor import table_paths
from ..data.loading import load
from ..data.reading import read_table

SOURCE_COLUMNS = ("source_id", "context_source_id")


def source_addresses(sources: pd.DataFrame) -> pd.Series:
    """source_id -> where to read the source: its original's address, else the page it was read on (marked
    so), else "address not recorded" (`sources` indexed by source_id)."""
    read_at = "read at " + sources["read_at_url"]
    return sources["url"].fillna(read_at).fillna("address not recorded")


_PARTY_WORDS = {"run by a party to the conflict": "read on a page run by a party to the conflict",
                "a site of one side, not its government": "read on a site of one side, not its government",
                "media based in a party's country": "read in media based in a party's country"}


def read_as(status: str, party_link: str) -> str:
    """How a source was read, in words: 'second-hand; read on a page run by a party to the conflict'."""
    if status == "compilation":
        return "a section of the compilation, kept verbatim in data/raw"
    party = f"; {_PARTY_WORDS[party_link]}" if party_link in _PARTY_WORDS else ""
    return f"{status}{party}"


def how_read(source_ids: pd.Series) -> pd.Series:
    """For each source_id, how its source was read (read_as)."""
    sources = load("sources").set_index("source_id")
    words = {source_id: read_as(row.status, row.party_link) for source_id, row in sources.iterrows()}
    return source_ids.map(words)


def title_and_reading(source_ids: pd.Series) -> pd.Series:
    """Each source's short title and how it was read: 'NEWS.am (Balasanyan), second-hand; read in media …'."""
    return source_ids.map(load("sources").set_index("source_id")["short_title"]) + ", " + how_read(source_ids)


def credit(source_ids) -> str:
    """A chart's credit for the rows it draws: the short title of each of their sources, once each, in the order
    the rows first name them."""
    titles = load("sources").set_index("source_id")["short_title"]
    return "; ".join(titles[source_id] for source_id in dict.fromkeys(source_ids))


def source_labels() -> dict[str, str]:
    """source_id -> short title, for tables and charts."""
    sources = load("sources")
    return dict(zip(sources["source_id"], sources["short_title"]))


def tables_by_source() -> dict[str, list[str]]:
    """source_id -> the tables with a row that rests on it (as its source or as context for a value)."""
    load("sources")  # validates the package; the source columns are then read as plain text
    used: dict[str, list[str]] = {}
    for name, path in table_paths().items():
        if name == "sources":
            continue
        table, _ = read_table(path)
        for _, record in table.records():
            for source_id in filter(None, (record.get(column) for column in SOURCE_COLUMNS)):
                used.setdefault(source_id, [])
                if name not in used[source_id]:
                    used[source_id].append(name)
    return used


def provenance() -> pd.DataFrame:
    """Every row of the data that rests on a source, with that source's status and party link."""
    sources = load("sources").set_index("source_id")
    parts = []
    for name in [name for name in table_paths() if name != "sources"]:
        table = load(name)
        if "source_id" in table:  # a join table such as territory_districts states no figure of its own
            parts.append(pd.DataFrame({"table": name, "source_id": table["source_id"]}))
    rows = pd.concat(parts, ignore_index=True)
    rows["status"] = rows["source_id"].map(sources["status"])
    rows["party_link"] = rows["source_id"].map(sources["party_link"])
    return rows


def provenance_counts() -> pd.DataFrame:
    """Rows of the data by how their source was read (columns) and table (rows), with totals."""
    rows = provenance()
    order = ["compilation", "original", "second-hand", "original not found", "address not recorded"]
    counts = pd.crosstab(rows["table"], rows["status"]).reindex(columns=order, fill_value=0)
    counts.loc["all tables"] = counts.sum()
    counts.columns.name = None
    return counts.rename_axis("table")


def party_counts() -> pd.DataFrame:
    """Rows of the data by who runs the page their source was read on."""
    rows = provenance()
    counts = rows.groupby(["party_link", "status"], sort=False).size().rename("rows").reset_index()
    return counts.sort_values(["party_link", "rows"], ascending=[True, False], kind="stable").rename(
        columns={"party_link": "page run by", "status": "read as"})
