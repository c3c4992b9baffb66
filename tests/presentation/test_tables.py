"""Every table reads like a table in a report, in the notebooks and on the site; charts and alt texts give
dates in one readable form and never cut a quotation."""

import json
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from conftest import ROOT
from karabakh_figures import report

RAW_VALUES = {"True", "False", "nan", "NaN", "None", "<NA>", "NaT"}
SOURCE_DATE = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|"
                         r"december) \d{1,2}, \d{4}", re.IGNORECASE)


class TableCells(HTMLParser):
    """The header rows and the cells of every <table> in a page."""

    def __init__(self):
        super().__init__()
        self.header_rows, self.cells, self.headers, self._in, self._text = [], [], [], None, ""
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "thead":
            self._in_head = True
        elif tag == "tr" and self._in_head:
            self.header_rows.append([])
        elif tag in ("td", "th"):
            self._in, self._text = tag, ""

    def handle_endtag(self, tag):
        if tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._in:
            (self.header_rows[-1] if self._in_head else self.cells).append(self._text.strip())
            if tag == "th":
                self.headers.append(self._text.strip())
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._text += data


def test_a_named_index_becomes_the_first_column_under_one_header_row():
    frame = pd.DataFrame({"group": ["women", "children"], "killed": [106, 63]}).set_index("group")
    cells = TableCells()
    cells.feed(report(frame)._repr_html_())
    # Headers are the schema's titles, or names written as words: never raw column names.
    assert cells.header_rows == [["Group", "Killed"]]
    assert cells.cells == ["women", "106", "children", "63"]


def test_cells_read_as_words_dashes_separators_and_dates():
    frame = pd.DataFrame({"admitted": pd.array([True, False, None], dtype="boolean"),
                          "km2": [14682.0, 846.7, None], "count": pd.array([1275, 2, None], dtype="Int64"),
                          "date": pd.to_datetime(["1992-05-08", "1993-04-02", None])})
    assert [line.split() for line in repr(report(frame)).splitlines()[1:]] == [
        ["yes", "14,682", "1,275", "8", "May", "1992"],
        ["no", "846.7", "2", "2", "April", "1993"],
        ["—", "—", "—", "—"]]


def test_numbers_are_aligned_right_with_their_headers_and_text_left():
    html = report(pd.DataFrame({"territory": ["Lachin"], "area": ["1,840"]}))._repr_html_()
    assert re.search(r"th\.col_heading\.col1 \{\s*text-align: right;", html), html
    assert re.search(r"td\.col1 \{\s*text-align: right;", html), html
    assert "col0 {" not in html


def test_markup_in_a_cell_is_shown_as_text():
    html = report(pd.DataFrame({"label": ["<script>alert(1)</script>"]}))._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_same_table_gives_the_same_bytes_and_a_keyboard_reachable_region():
    frame = pd.DataFrame({"a": [1, 2]})
    html = report(frame, caption="Two rows")._repr_html_()
    assert html == report(frame.copy(), caption="Two rows")._repr_html_()
    assert html.startswith('<div class="table-scroll" role="region" tabindex="0" aria-label="Two rows">')


def test_each_cell_carries_its_column_name_and_an_address_in_it_is_a_link():
    html = report(pd.DataFrame({"Caveat": ["read at https://example.org/a?b=1&c=2."], "n": [1]}))._repr_html_()
    assert '<td class="data col0" data-label="Caveat">read at <a href="https://example.org/a?b=1&amp;c=2">' in html
    assert 'https://example.org/a?b=1&amp;c=2</a>.</td>' in html and 'data-label="N">1</td>' in html


def test_an_address_does_not_carry_markup_into_its_link():
    class Elements(HTMLParser):
        def __init__(self):
            super().__init__()
            self.seen = []

        def handle_starttag(self, tag, attrs):
            self.seen.append((tag, [name for name, _ in attrs]))

    elements = Elements()
    elements.feed(report(pd.DataFrame({"a": ['https://example.org/"onmouseover="x <b>']}))._repr_html_())
    assert ("a", ["href"]) in elements.seen and "b" not in [tag for tag, _ in elements.seen]


def committed_outputs():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                yield path.name, output


def test_no_notebook_table_shows_an_index_name_row_or_raw_values():
    tables = 0
    for name, output in committed_outputs():
        html = "".join(output.get("data", {}).get("text/html", ""))
        if "<table" not in html:
            continue
        tables += 1
        cells = TableCells()
        cells.feed(html)
        assert len(cells.header_rows) == 1, f"{name}: {cells.header_rows}"
        assert all(cells.header_rows[0]), f"{name}: an empty header cell"
        assert RAW_VALUES.isdisjoint(cells.cells), f"{name}: {sorted(RAW_VALUES & set(cells.cells))}"
    assert tables >= 20


@pytest.mark.parametrize("record", sorted((ROOT / "figures").glob("*.json")), ids=lambda path: path.stem)
def test_alt_texts_give_dates_in_one_form_and_cut_no_quotation(record):
    alt = json.loads(record.read_text(encoding="utf-8"))["alt"]
    assert not SOURCE_DATE.search(alt), f"a date as the source writes it: {SOURCE_DATE.search(alt).group()}"
    assert not re.search(r"\w…", alt), "a word cut off with '…'"


def test_the_estimates_chart_wraps_a_long_quotation_and_keeps_all_of_it():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from karabakh_figures.presentation import charts

    note = ("at least 161: “At least 161 civilians are known to have been murdered in this incident, although "
            "Azerbaijani officials estimate that about 800 perished.”")
    estimates = pd.DataFrame({"estimate_id": ["hrw"], "label": ["Human Rights Watch"], "low": [161.0],
                              "high": [float("nan")]})
    figure, axes = charts.titled_figure("Title", "Subtitle", "Source")
    charts.estimate_ranges(axes, estimates, [note], highlight="none", originals=[True])
    shown = [text.get_text() for text in axes.texts]
    plt.close(figure)
    assert any(" ".join(text.split()) == note for text in shown), shown
    assert all(len(line) <= 60 for text in shown for line in text.splitlines())
