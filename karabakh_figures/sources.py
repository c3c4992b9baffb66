"""Where the figures come from: every source with its addresses, status and who runs the page read, and
which tables and notebooks rest on it."""

import html

import pandas as pd

from .loading import load, loaded_tables, table_paths
from .reading import read_table
from .site import SOURCES_MIMETYPE

SOURCE_COLUMNS = ("source_id", "context_source_id")


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


class SourceList:
    """The sources a notebook's tables rest on, shown at the end of the notebook: each with its original and
    where it was read, linked; on the site, each also links to its entry on the Sources page."""

    def __init__(self, tables: list[str]):
        used = tables_by_source()
        self.tables = [table for table in tables if table != "sources"]
        sources = load("sources")
        self.sources = sources[sources["source_id"].map(
            lambda source_id: any(table in self.tables for table in used.get(source_id, [])))]

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self._html(), "text/plain": self._text(),
                SOURCES_MIMETYPE: {"tables": self.tables, "sources": list(self.sources["source_id"])}}

    def _text(self) -> str:
        return "\n".join(f"- {row.title} ({row.issuer}): {_status_words(row)}" for row in self.sources.itertuples())

    def _html(self) -> str:
        items = []
        for row in self.sources.itertuples():
            links = "".join(f' · <a href="{html.escape(address)}">{label}</a>'
                            for label, address in (("original", row.url), ("read at", row.read_at_url))
                            if pd.notna(address))
            items.append(f'<li><a href="../sources.html#{html.escape(row.source_id)}">{html.escape(row.title)}</a>'
                         f" ({html.escape(row.issuer)}): {html.escape(_status_words(row))}{links}</li>")
        return ('<div class="sources-used"><p>Sources of the tables used here ('
                + html.escape(", ".join(self.tables)) + '); each is described on the '
                '<a href="../sources.html">Sources</a> page.</p>\n<ul>\n' + "\n".join(items) + "\n</ul></div>\n")


_PARTY_WORDS = {"run by a party to the conflict": "read on a page run by a party to the conflict",
                "media based in a party's country": "read in media based in a party's country"}


def _status_words(row) -> str:
    party = f"; {_PARTY_WORDS[row.party_link]}" if row.party_link in _PARTY_WORDS else ""
    if row.status == "compilation":
        return "a section of the compilation, kept verbatim in data/raw"
    return f"{row.status}{party}"


def used_here() -> SourceList:
    """The sources of every table loaded so far in this notebook (call it in the last cell)."""
    return SourceList(loaded_tables())
