"""Tables as a report prints them, the same in every notebook, in JupyterLab and on the site.

One header row (an index becomes the first column, never a second header row), words for yes and no, a
dash for nothing, thousands separators, dates written out ("8 May 1992"), text aligned left and numbers
right with their headers above them. A place's first mention in the table gives both parties' names
(place_names.table_with_both_names). A cell's text is always shown as text: markup in the data never runs; an
address in it is a link. Each cell carries its column's name, so that on a phone a row can be read as a block.
"""

import hashlib
import numbers
import re
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from ..data.descriptor import read_descriptor
from ..data.names import checked_frames
from ..data.paths import data_dir
from ..data.place_names import table_with_both_names
from ..data.words import written_date

NOTHING = "—"
#: A cell that reads as a number: 1,840  14,393.5  −2  16.6%  (a percentage or a signed number too).
_NUMBER = re.compile(r"[−-]?\d{1,3}(,\d{3})*(\.\d+)?%?|[−-]?\d+(\.\d+)?%?")
#: A web address in a cell's escaped text, without the punctuation that may close the sentence around it.
_ADDRESS = re.compile(r"https?://[^\s<>\"]+?(?=[.,;:)]*(?:\s|<|$))")
_DATA_CELL = re.compile(r'<td class="data row\d+ col(\d+)" >')


@checked_frames
def report(frame: pd.DataFrame, caption: str | None = None) -> "ReportTable":
    """`frame` as a report table; its index, if it names its rows, becomes the first column."""
    return ReportTable(frame, caption)


class ReportTable:
    """What a notebook cell shows: HTML for JupyterLab and the site, plain text for everything else."""

    def __init__(self, frame: pd.DataFrame, caption: str | None = None):
        self.cells = table_with_both_names(_cells(frame))
        self.caption = caption
        self.numeric = [_is_numeric(self.cells[column]) for column in self.cells.columns]

    def _repr_html_(self) -> str:
        # The id is derived from the content, so that a rebuild writes the same bytes.
        uuid = hashlib.sha256(self.cells.to_csv().encode()).hexdigest()[:10]
        alignment = {column: [{"selector": "th.col_heading, td", "props": "text-align: right"}]
                     for column, numeric in zip(self.cells.columns, self.numeric) if numeric}
        styler = (Styler(self.cells, uuid=uuid, cell_ids=False).hide(axis="index").format(escape="html")
                  .set_table_attributes('class="report-table"').set_table_styles(alignment, overwrite=False))
        if self.caption:
            styler = styler.set_caption(_escaped(self.caption))
        label = _escaped(self.caption or "Table: " + ", ".join(map(str, self.cells.columns[:3])))
        # A wide table scrolls inside its own region; tabindex lets a keyboard reach it and scroll it.
        return (f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">\n'
                f"{self._labelled_and_linked(styler.to_html())}</div>\n")

    def _labelled_and_linked(self, html: str) -> str:
        names = [_escaped(column) for column in self.cells.columns]
        html = _DATA_CELL.sub(lambda cell: f'<td class="data col{cell[1]}" data-label="{names[int(cell[1])]}">', html)
        return linked_addresses(html)

    def __repr__(self) -> str:
        return self.cells.to_string(index=False)

    def __len__(self) -> int:
        return len(self.cells)


def _cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the text a reader sees, under one row of column names."""
    named_index = any(name is not None for name in frame.index.names)
    frame = frame.reset_index() if named_index else frame.reset_index(drop=True)
    if isinstance(frame.columns, pd.MultiIndex):
        frame.columns = [" ".join(str(part) for part in parts if str(part)) for parts in frame.columns]
    frame.columns = [_header(str(column)) for column in frame.columns]
    frame.columns.name = None
    return frame.apply(lambda column: column.map(_cell_text)).astype(str)


@lru_cache(maxsize=1)
def _schema_titles() -> dict[str, str]:
    """Each column name of the data package -> its title in the schema (the first table's, where two share it)."""
    titles = {}
    for resource in read_descriptor(data_dir())["resources"]:
        for field in resource.get("schema", {}).get("fields", []):
            titles.setdefault(field["name"], field.get("title", field["name"]))
    return titles


def _header(column: str) -> str:
    """A column's header as a reader sees it: the schema's title for a column of the data ("source_quote" ->
    "Source quote"), and any other name written as words, capitalised ("as_stated" -> "As stated")."""
    if column in _schema_titles():
        return _schema_titles()[column]
    if re.fullmatch(r"[a-z][a-z0-9]*([_ ][a-z0-9()]+)*", column):
        words = column.replace("_", " ")
        return words[0].upper() + words[1:]
    return column


def _cell_text(value) -> str:
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return NOTHING
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (pd.Timestamp, date)):
        return written_date(value)
    if isinstance(value, numbers.Integral):
        return f"{value:,}"
    if isinstance(value, numbers.Real):
        value = float(value)
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}".rstrip("0")
    return str(value)


def _is_numeric(column: pd.Series) -> bool:
    values = [value for value in column if value not in ("", NOTHING)]
    return bool(values) and all(_NUMBER.fullmatch(value) for value in values)


def linked_addresses(html: str) -> str:
    """Every web address in escaped text made a link that shows the address in full."""
    return _ADDRESS.sub(lambda address: f'<a href="{address[0]}">{address[0]}</a>', html)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
