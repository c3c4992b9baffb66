"""What the collection says holds against its rows, on every notebook: a figure printed whole (its qualifier, and
whose count it is where an outside body relays a party's), no figure typed into prose, ranges and ratios only of
like with like, an explanation that cites the rows that say so, dates as precise as the rows, and key figures
that say what they count. Each rule is tested on the committed notebooks and on a planted breach."""

import html
import json
import re

import pandas as pd
import pytest

from conftest import DATA
from karabakh_figures import key_figures, load
from karabakh_figures.data.figure_words import (
    QUALIFIER_WORDS,
    UnlikeFigures,
    check_like,
    figure_text,
    range_text,
    ratio_text,
    unlike,
)
from karabakh_figures.subjects.displacement import (
    DEPARTURE,
    DIFFERENT_MEASURES,
    OTHER_GROUPS,
    REASON_STATED,
    apart,
    departure_counts,
    explained,
    in_numbers,
    like_sets,
)

ROOT = DATA.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: How sources word a qualifier ("over", "some", "nearly"): a figure in a source's own words keeps its word.
SOURCE_QUALIFIERS = r"(?:over|some|around|approximately|an estimated|estimated|nearly|roughly|up to)"


def _identifiers() -> set[str]:
    """The numbers that name a document of the data (resolution 884, House Resolution 1594): not figures."""
    acts, recognitions = load("international_acts"), load("recognitions")
    texts = [*acts["symbol"].dropna(), *recognitions["label"].dropna(), *recognitions["instrument_ref"].dropna()]
    return {number for text in texts for number in re.findall(r"\d{3,}", text)}


def typed_figures(markdown: str, identifiers: set[str]) -> list[str]:
    """The figures typed into a markdown text: every number but a year, a day of a month, a number in code or in
    an address, a notebook's number in a link, and a number that names a document (`identifiers`, or one after a
    document's name: "ISO 3166", "Texas HR 764", "CC BY-SA 3.0", "notebook 01")."""
    text = re.sub(r"`[^`]*`|\]\([^)]*\)", " ", markdown)
    found = []
    for match in re.finditer(r"(?<![\w/.-])(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+\b|\d+)(\.\d+)?(%?)(?![\w/])", text):
        number, percent = match.group(1), match.group(3)
        before, after = text[max(0, match.start() - 20):match.start()], text[match.end():match.end() + 12]
        if not percent and (
                re.fullmatch(r"(?:19|20)\d\d", number)  # a year
                or re.match(rf"[–-]?\d*\s*(?:{MONTHS})", after) or re.search(rf"(?:{MONTHS})\s*$", before)  # a day
                or re.match(r"[–-](?:19|20)?\d\d\b", after) and re.fullmatch(r"(?:19|20)?\d\d", number)  # years
                or before.endswith("[") or number in identifiers
                or re.search(r"(?:ISO|HR|[Rr]esolutions?|BY-SA|[Nn]otebooks?|Doc\.|No\.)\s*$", before)):
            continue
        found.append(match.group(0))
    return found


def _sources(cell) -> str:
    return "".join(cell["source"])


@pytest.fixture(scope="module")
def identifiers():
    return _identifiers()


def test_a_figure_typed_into_markdown_is_found(identifiers):
    assert typed_figures("outside bodies run from about 570,000 to 650,000; the table gives 789 000", identifiers) \
        == ["570,000", "650,000", "789 000"]
    assert typed_figures("on 8 May 1992, 25–26 February 1992, 1988–1993, resolution 884, House Resolution 1594, "
                         "[01 Territories](01-territories.ipynb), `raw/a-2.md`", identifiers) == []
    assert typed_figures("the occupation of 20% of the territory; 39 in favour", identifiers) == ["20%", "39"]
    assert typed_figures("ISO 3166-2 codes; Texas HR 764 (2015); CC BY-SA 3.0", identifiers) == []


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_no_figure_is_typed_into_a_markdown_cell(notebook, identifiers):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    typed = {index: typed_figures(_sources(cell), identifiers) for index, cell in enumerate(cells)
             if cell["cell_type"] == "markdown"}
    assert not {index: found for index, found in typed.items() if found}, (
        "compute a sentence that states figures in a code cell, Markdown(...), from the rows")


def bare_figures(text: str, rows: pd.DataFrame) -> list[str]:
    """The figures of `rows` that carry a qualifier ("about", "more than") printed in `text` without it: the
    number with no qualifier before it, neither ours nor the source's own word. A number that an exact row also
    has is not judged (it may be that row's)."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())
    # A source's own words in quotation marks are quoted as they stand.
    text = re.sub(r"“[^”]*”|\"[^\"]*\"", "“…”", text)
    exact = set(rows.loc[rows["qualifier"].eq("exact"), "low"])
    # Below 100 a number is as often a count of rows ("of the 74, 50 are…") as a figure: not judged.
    qualified = rows[rows["qualifier"].ne("exact") & ~rows["low"].isin(exact) & rows["low"].ge(100)]
    bare = []
    for low, same in qualified.groupby("low"):
        words = "|".join(re.escape(QUALIFIER_WORDS.get(qualifier, qualifier)) for qualifier in set(same["qualifier"]))
        number = f"{low:,.0f}"
        for match in re.finditer(rf"(?<![\d,.]){re.escape(number)}(?![\d]|,\d| per cent|%)", text):
            before = text[max(0, match.start() - 30):match.start()]
            if not re.search(rf"(?i)(?:{words}|{SOURCE_QUALIFIERS}|between)\s*$", before):
                bare.append(f"{before[-20:]}{number}")
    return bare


def _printed(notebook: str) -> str:
    """Everything a notebook's cells print (HTML where a cell has it, else Markdown, else text)."""
    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    printed = []
    for cell in cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            for kind in ("text/html", "text/markdown", "text/plain"):
                if kind in data:
                    printed.append("".join(data[kind]))
                    break
    return "\n".join(printed)


def _alt_texts(prefix: str) -> str:
    return "\n".join(json.loads(path.read_text(encoding="utf-8")).get("alt", "")
                     for path in sorted((ROOT / "figures").glob(f"{prefix}*.json")))


def test_a_qualified_figure_printed_bare_is_found():
    rows = pd.DataFrame({"low": [89000.0, 100417.0, 650000.0], "high": [None] * 3,
                         "qualifier": ["almost", "exact", "about"]})
    found = bare_figures("The counts rose: from 89,000 on 29 September to 100,417.", rows)
    assert len(found) == 1 and found[0].endswith("rose: from 89,000")
    assert bare_figures("almost 89,000; “an estimated 650,000” (about 650,000); 650,000 per cent", rows) == []


@pytest.mark.parametrize("notebook, table, charts", [
    ("08-displacement.ipynb", "displacement_figures", "08-"),
    ("00-overview.ipynb", "displacement_figures", "08-"),
    ("02-khojaly-casualties.ipynb", "death_toll_estimates", "02-"),
    ("00-overview.ipynb", "death_toll_estimates", "02-"),
])
def test_every_printed_figure_carries_its_qualifier(notebook, table, charts):
    rows = load(table)
    assert bare_figures(_printed(notebook) + "\n" + _alt_texts(charts), rows) == []


def test_a_figure_is_printed_whole_with_whose_count_it_is():
    assert figure_text({"low": 800000, "qualifier": "more than"}) == "more than 800,000"
    assert figure_text({"low": 89000, "qualifier": "almost"}) == "almost 89,000"
    assert figure_text({"low": 50, "high": 1000, "qualifier": "between"}) == "between 50 and 1,000"
    assert figure_text({"value": 500, "high": 1000, "qualifier": "as many as"}) == "as many as 500–1,000"
    assert figure_text({"low": 40000, "qualifier": "exact", "count_by": "Azerbaijan's government",
                        "issuer": "ACAPS"}) == "40,000, Azerbaijan's government's count, relayed by ACAPS"
    with pytest.raises(ValueError, match="unknown qualifier 'roughly'"):
        figure_text({"low": 1, "qualifier": "roughly"})


def _row(figure_id, low, *, measure="flow", basis=None, group=DEPARTURE, end="2023-09-29", precision="by",
         qualifier="exact"):
    return {"figure_id": figure_id, "low": low, "high": None, "qualifier": qualifier, "measure": measure,
            "count_basis": basis, "group": group, "date_end": pd.Timestamp(end) if end else None,
            "date_precision": precision if end else "unknown"}


@pytest.mark.parametrize("other, reason", [
    (_row("b", 2, measure="stock"), "measure"),
    (_row("b", 2, basis="registered"), "basis"),
    (_row("b", 2, group="left-2023-elsewhere"), "group"),
    (_row("b", 2, end="2000-12-31"), "years apart"),
    (_row("b", 2, end=None), "no date"),
    (_row("b", 2, end="2023-09-27", precision="day"), "one day"),
    (_row("gap", 2), "different things"),
])
def test_a_range_or_ratio_refuses_unlike_figures(other, reason):
    first = _row("a", 1, basis="arrivals") if reason == "basis" else _row("a", 1)
    pairs = frozenset({frozenset({"a", "gap"})})
    assert reason in unlike(first, other, pairs)
    with pytest.raises(UnlikeFigures, match=reason):
        range_text(pd.DataFrame([first, other]), pairs)
    with pytest.raises(UnlikeFigures):
        ratio_text(other, first, pairs)


def test_a_ratio_is_labelled_derived_with_its_qualifiers():
    high, low = _row("a", 800000, qualifier="more than"), _row("b", 360000)
    assert ratio_text(high, low) == "more than 2.2 (derived: more than 800,000 ÷ 360,000)"
    assert ratio_text(_row("a", 644000, qualifier="about"), low).startswith("about 1.8 (derived: about 644,000")
    assert range_text(pd.DataFrame([low, high])) == "from 360,000 to more than 800,000"


def test_no_set_of_the_register_and_no_key_figure_range_holds_unlike_figures():
    figures, pairs = load("displacement_figures"), apart()
    for group in figures["group"].unique():
        for members in like_sets(figures[figures["group"].eq(group)], pairs):
            check_like(members, pairs)
    # The reference's correction of D2: the factsheet's count is not the response plan's measure.
    factsheet = figures.set_index("figure_id").loc[["unhcr-factsheet-2024", "rrp-2023-arrivals"]].reset_index()
    with pytest.raises(UnlikeFigures):
        check_like(factsheet, pairs)


def test_an_explanation_cites_the_gap_rows_that_say_so():
    gaps = load("displacement_gaps")
    sentences = explained()
    for gap_id in gaps.loc[gaps["finding"].isin([REASON_STATED, DIFFERENT_MEASURES]), "gap_id"]:
        assert f"(gap `{gap_id}`)" in sentences
    printed = _printed("08-displacement.ipynb")
    assert all(f"gap <code>{gap_id}</code>" in printed or f"gap `{gap_id}`" in printed
               for gap_id in gaps.loc[gaps["finding"].eq(REASON_STATED), "gap_id"])
    # Nothing without a row explains: the sentence the issue found ("most of the gap comes from") is gone.
    assert "comes from what each one counts" not in printed
    planted = gaps.assign(finding=REASON_STATED, reason="A planted reason.")
    assert explained(gaps=planted).count("A planted reason (gap `") == len(planted)


def test_a_latest_date_is_never_read_as_a_day_and_a_month_never_drawn_as_a_point():
    counts = departure_counts()
    assert counts["label"].str.contains(r", (?:by \d|\d+ \w+–\d)").all()
    assert set(counts["date_precision"]) <= {"by", "days"} and counts["count_basis"].ne("registered").all()
    import matplotlib.pyplot as plt

    from karabakh_figures import charts
    figures = load("displacement_figures")
    month = figures[figures["date_precision"].eq("month")].head(1).assign(measure="stock")
    figure, panels = charts.titled_figure("Title", "Subtitle", "Source", nrows=1, ncols=2, size=(6, 3))
    charts.figure_panels(panels, month, {month["group"].iloc[0]: "A group"})
    spans = [line for line in panels.flat[0].lines if len(set(line.get_xdata())) == 2]
    plt.close(figure)
    assert len(spans) == 1, "a stock dated to a month is drawn over the month, not at a point"


def test_the_overview_s_key_figure_says_what_it_counts_and_follows_the_rows():
    figures = load("displacement_figures")
    counted = in_numbers(figures)
    assert counted["figures"] == (~figures["group"].isin(OTHER_GROUPS)).sum()
    assert counted["relayed"] == (figures["side"].eq("outside the parties") & figures["count_by"].notna()
                                  & ~figures["group"].isin(OTHER_GROUPS)).sum()
    planted = pd.concat([figures, figures[figures["group"].eq("meskhetian-turks")].head(1)])
    assert in_numbers(planted)["figures"] == counted["figures"]
    assert in_numbers(planted)["other rows"] == counted["other rows"] + 1
    sentence = key_figures().loc["08-displacement.ipynb", "key figure"]
    assert f"{counted['figures']} published figures of people displaced" in sentence
    assert f"{counted['relayed']} of which relay a party's count" in sentence
    assert counted["totals with others"] >= 1 and counted["one day"] >= 1
    assert (f"totals that also count other people: {counted['totals with others']}, counts of a single day: "
            f"{counted['one day']}") in sentence
    # A total set against a row of the other groups by a gap counts those people too: planted, it is found.
    assert in_numbers(figures[~figures["figure_id"].eq("az-table-2015-total")])["totals with others"] == \
        counted["totals with others"] - 1


def test_the_readme_s_analysis_of_the_departure_runs_on_typed_data(tmp_path, monkeypatch):
    block = next(block for block in re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(
        encoding="utf-8"), re.DOTALL) if "departure_counts()" in block)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    exec(compile(block, "README.md", "exec"), {})
    assert (tmp_path / "my-departure-2023.png").stat().st_size > 0
    counts = departure_counts()
    assert pd.api.types.is_numeric_dtype(counts["low"]) and pd.api.types.is_datetime64_any_dtype(counts["date_end"])
    from karabakh_figures import figures_in
    typed = figures_in(DEPARTURE)
    assert pd.api.types.is_numeric_dtype(typed["low"]) and pd.api.types.is_datetime64_any_dtype(typed["date_start"])


def test_a_month_of_the_compilation_is_read_at_its_latest_day_never_as_that_day():
    from karabakh_figures import dates_against_resolutions

    territories = load("territories")
    kalbajar = territories["territory_id"].eq("kalbajar")
    month = territories.assign(date_precision=territories["date_precision"].mask(kalbajar, "month"))
    month.loc[kalbajar, month.columns[month.columns.str.endswith("_start")][0]] = pd.Timestamp("1993-03-01")
    month.loc[kalbajar, month.columns[month.columns.str.endswith("_end")][0]] = pd.Timestamp("1993-03-31")
    record = dates_against_resolutions(month).set_index("territory")
    arithmetic = record.loc["Kalbajar", "days from the compilation's date to the resolution (derived)"]
    assert arithmetic == "30 April 1993 − March 1993 (its latest day, 31 March 1993) = at least 30 days"


def test_of_equal_numbers_the_qualifier_orders_the_ends():
    rows = pd.DataFrame([{"figure_id": figure_id, "low": 90000, "qualifier": qualifier}
                         for figure_id, qualifier in (("a", "more than"), ("b", "exact"), ("c", "up to"))])
    assert range_text(rows) == "from up to 90,000 to more than 90,000"


def test_an_estimate_the_source_words_as_one_is_printed_as_one():
    assert figure_text({"low": 650000, "qualifier": "exact", "count_basis": "estimated"}) == "an estimated 650,000"
    assert figure_text({"low": 568900, "qualifier": "about", "count_basis": "estimated"}) == "about 568,900"


def _panel_descriptions(figures: pd.DataFrame) -> list[str]:
    import matplotlib.pyplot as plt

    from karabakh_figures.presentation.charts import figure_panels
    from karabakh_figures.subjects.displacement import GROUPS
    figure, panels = plt.subplots(7, 3)
    try:
        return figure_panels(panels, figures, GROUPS)
    finally:
        plt.close(figure)


def test_every_range_of_the_chart_s_alt_text_is_a_set_of_like_figures():
    figures, pairs = load("displacement_figures"), apart()
    # A planted stock of 2010 in a group of stocks of 1999–2001 and 2023 is set in no range of theirs: it stands apart.
    group = figures[figures["group"].eq("armenians-from-azerbaijan") & figures["measure"].eq("stock")]
    stocks = [members for members in like_sets(group, pairs) if len(members) > 1][0]
    planted = stocks.iloc[[0]].assign(figure_id="planted", low=999999, qualifier="exact", date_precision="year",
                                      date_start=pd.Timestamp("2010-01-01"), date_end=pd.Timestamp("2010-12-31"))
    text = next(text for text in _panel_descriptions(pd.concat([figures, planted], ignore_index=True))
                if text.startswith("Armenians who left Azerbaijan:"))
    assert "1 stock, basis not said, 2010: 999,999" in text
    assert not re.search(r"from [^;]*to 999,999", text)
    with pytest.raises(UnlikeFigures):
        range_text(pd.concat([stocks, planted]), pairs)
