"""The list of sources a notebook ends with: each source its tables rest on, with its original and where it was
read, linked; on the site, each also links to its entry on the Sources page (the page finds the list under
SOURCES_MIMETYPE)."""

import html

import pandas as pd

from ..data.loading import load, loaded_tables
from ..subjects.sources import read_as, tables_by_source
from .output_types import SOURCES_MIMETYPE


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
        return "\n".join(f"- {row.title} ({row.issuer}): {read_as(row.status, row.party_link)}"
                         for row in self.sources.itertuples())

    def _html(self) -> str:
        items = []
        for row in self.sources.itertuples():
            # The full address is the link's text, so that a reader sees where it leads and can copy it.
            links = "".join(f' · {label}: <a href="{html.escape(address)}">{html.escape(address)}</a>'
                            for label, address in (("original", row.url), ("read at", row.read_at_url))
                            if pd.notna(address))
            read = html.escape(read_as(row.status, row.party_link))
            items.append(f'<li><a href="../sources.html#{html.escape(row.source_id)}">{html.escape(row.title)}</a>'
                         f" ({html.escape(row.issuer)}): {read}{links}</li>")
        return ('<div class="sources-used"><p>Sources of the tables used here ('
                + html.escape(", ".join(self.tables)) + '); each is described on the '
                '<a href="../sources.html">Sources</a> page.</p>\n<ul>\n' + "\n".join(items) + "\n</ul></div>\n")


def used_here() -> SourceList:
    """The sources of every table loaded so far in this notebook (call it in the last cell)."""
    return SourceList(loaded_tables())
