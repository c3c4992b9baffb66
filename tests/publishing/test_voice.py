"""The collection's own voice uses neither side's words: a word of one side stands only in quotation marks or after
a phrase that says whose word it is, in every text the collection writes."""

import csv
import json
import shutil
import subprocess
import sys

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from conftest import ROOT
from karabakh_figures.data.place_names import named_alone as gazetteer_named_alone
from karabakh_figures.data.place_names import place_name
from karabakh_figures.presentation import maps
from karabakh_figures.presentation.tables import report
from karabakh_figures.publishing.voice import check, named_alone, slips_in


def test_the_collection_s_own_texts_use_neither_side_s_words():
    assert [str(slip) for slip in check()] == []


@pytest.mark.parametrize("text", [
    "The anniversary of Zangilan's liberation.",
    "After the return of the town, the road opened.",
    "The occupied parts of Aghdam and Fuzuli.",
    "Officials of Artsakh said so.",
    "The districts formed a buffer zone.",
    "The massacre of February 1992.",
    "[A page on the martyrs of Zangilan district]",
    "The extent of what was not regained is not quantified.",
    "Armenian separatist forces agreed.",
    "The so-called republic.",
    "The self-proclaimed authorities.",
    "The exodus of September 2023.",
    "Those expelled in 1988.",
    "The people deported in 1991.",
    "The ethnic cleansing of 1988.",
    "The forcibly displaced persons of 2023.",
    "Their departure was a voluntary decision.",
    "It was their personal and individual decision.",
    "The expulsion of 1988.",
    "The Great Return to the districts.",
    "Lachin was returned in 2022.",
    # An attribution counts only where it names who speaks.
    "The territories listed as occupied.",
    "The parts of Aghdam and Fuzuli given as occupied, beside the areas.",
    "The so-called corridor.",
    "The districts occupied by Armenian forces.",
    "Liberation: the day the flag was raised.",
])
def test_a_word_of_one_side_in_our_own_voice_is_caught(text):
    assert len(slips_in(text)) == 1, text


@pytest.mark.parametrize("text", [
    "The anniversary of what the page calls “Zangilan's liberation”.",
    "The territories the compilation lists as occupied.",
    "Nagorno-Karabakh listed as occupied (compilation), Lachin changed hands.",
    "The part given as occupied by other sources.",
    "news.az gives about 1,254 km² as the occupied part of the district.",
    "The compilation calls the events \"genocide\".",
    "Other sources give only part of it as occupied.",
    "Other sources give 846.7 km² as the occupied part of the district.",
    "According to the compilation, the districts were occupied in 1993.",
    "The heading 'Khojaly genocide' opens the section.",
    "Read at garabagh.net and https://example.org/liberation-day.",
    "The column `occupied_start` and the file raw/the-occupation-in-figures.txt.",
    "People who returned to the districts after 2020, and people who left or arrived.",
    "Armenia's government calls them \"forcibly displaced persons\"; UNHCR says 'refugees'.",
])
def test_quoted_or_attributed_words_pass(text):
    assert slips_in(text) == [], text


def copy_of_the_tree(tmp_path):
    """The texts the check reads, copied, so that a test can plant a slip in them."""
    for folder in ("notebooks", "figures", "data", "benchmarks"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    for name in ("README.md", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def test_a_planted_liberation_fails_the_check_with_its_file_place_and_phrase(tmp_path):
    overview = copy_of_the_tree(tmp_path) / "notebooks" / "00-overview.ipynb"
    notebook = json.loads(overview.read_text(encoding="utf-8"))
    notebook["cells"][0]["source"].append("\nThe collection marks the liberation of the districts.")
    overview.write_text(json.dumps(notebook), encoding="utf-8")
    slips = [str(slip) for slip in check(tmp_path)]
    last_line = len("".join(notebook["cells"][0]["source"]).splitlines())
    assert slips == [f"notebooks/00-overview.ipynb, cell 1, line {last_line}: “The collection marks the liberation "
                     "of the districts.”"], slips


def test_a_planted_slip_in_a_table_s_caption_or_header_is_caught(tmp_path):
    contested = copy_of_the_tree(tmp_path) / "notebooks" / "07-contested-claims.ipynb"
    notebook = json.loads(contested.read_text(encoding="utf-8"))
    html = next(output["data"]["text/html"] for cell in notebook["cells"] for output in cell.get("outputs", [])
                if "text/html" in output.get("data", {}))
    html.insert(0, "<table><caption>The regained districts</caption></table>\n")
    contested.write_text(json.dumps(notebook), encoding="utf-8")
    slips = [str(slip) for slip in check(tmp_path)]
    assert len(slips) == 1 and slips[0].startswith("notebooks/07-contested-claims.ipynb, cell ") and \
        "table caption" in slips[0] and "regained" in slips[0], slips


def test_the_command_passes_on_the_collection():
    result = subprocess.run([sys.executable, "-m", "karabakh_figures", "voice"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert (result.returncode, result.stdout) == (0, "voice: no word of one side outside quotation marks or an "
                                                     "attribution\n"), result.stderr


def planted_output(tmp_path, output):
    """A copy of the tree whose overview notebook ends with a cell showing `output`."""
    overview = copy_of_the_tree(tmp_path) / "notebooks" / "00-overview.ipynb"
    notebook = json.loads(overview.read_text(encoding="utf-8"))
    notebook["cells"].append({"cell_type": "code", "metadata": {}, "source": [], "execution_count": None,
                              "outputs": [output]})
    overview.write_text(json.dumps(notebook), encoding="utf-8")
    return tmp_path, len(notebook["cells"])


def test_a_planted_slip_in_a_table_cell_or_a_text_output_is_caught_but_not_in_a_column_of_a_source_s_words(
        tmp_path):
    table = ("<table><thead><tr><th>point</th><th>their own words</th></tr></thead><tbody><tr><td>the liberated "
             "districts</td><td>the liberated districts</td></tr></tbody></table>")
    root, cell = planted_output(tmp_path, {"output_type": "display_data", "metadata": {},
                                           "data": {"text/html": [table], "text/plain": ["a table"]}})
    assert [str(slip) for slip in check(root)] == [
        f"notebooks/00-overview.ipynb, cell {cell} output, table td (point), line 1: “the liberated districts”"]
    root, cell = planted_output(tmp_path / "stream", {"output_type": "stream", "name": "stdout",
                                                      "text": ["The occupied districts\n"]})
    assert [str(slip) for slip in check(root)] == [
        f"notebooks/00-overview.ipynb, cell {cell} output, line 1: “The occupied districts”"]


def test_a_planted_slip_in_the_text_an_svg_draws_is_caught(tmp_path):
    svg = next((copy_of_the_tree(tmp_path) / "figures").glob("*.svg"))
    svg.write_text(svg.read_text(encoding="utf-8").replace("</svg>", "<text>the regained districts</text></svg>"),
                   encoding="utf-8")
    assert [str(slip) for slip in check(tmp_path)] == [
        f"figures/{svg.name}, text drawn, line {svg.read_text(encoding='utf-8').count('<text')}: “the regained "
        "districts”"]


def add_column(path, column, value):
    """`column` added to a table, `value` in its first row."""
    with path.open(encoding="utf-8", newline="") as file:
        header, first, *rest = csv.reader(file)
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows([[*header, column], [*first, value],
                                                         *([*row, ""] for row in rest)])


def test_every_column_in_our_words_is_read_and_one_of_a_source_s_words_is_not(tmp_path):
    events = copy_of_the_tree(tmp_path) / "data" / "campaign_events.csv"
    add_column(events, "summary", "The liberation of the districts.")
    assert [str(slip) for slip in check(tmp_path)] == [
        "data/campaign_events.csv, row 2, column summary, line 1: “The liberation of the districts.”"]
    add_column(events, "source_quote", "The liberation of the districts.")  # the source's words: not ours
    assert len(check(tmp_path)) == 1


def test_a_side_s_word_in_an_id_a_column_name_or_a_file_name_we_choose_is_caught(tmp_path):
    data = copy_of_the_tree(tmp_path) / "data"
    with (data / "caveats.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    rows[1][0] = "kalbajar-liberation-part"
    with (data / "caveats.csv").open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(rows)
    add_column(data / "hosts.csv", "occupied_since", "")
    (tmp_path / "figures" / "09-occupied-towns.csv").write_text("", encoding="utf-8")
    assert [str(slip) for slip in check(tmp_path)] == [
        "data/caveats.csv, row 2, column caveat_id, line 1: “kalbajar-liberation-part”",
        "data/hosts.csv, column names, line 1: “party link, side, kind, runs it, basis, occupied since”",
        "figures/09-occupied-towns.csv, file name, line 1: “09 occupied towns csv”"]


def test_a_source_s_id_may_carry_its_own_title_but_not_our_word(tmp_path):
    sources = copy_of_the_tree(tmp_path) / "data" / "sources.csv"
    with sources.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    header = rows[0]
    # The compilation's list is "The Occupation in Figures": its id may say so.
    titled = next(row for row in rows[1:] if slips_in(row[0]) and slips_in(row[header.index("title")]))
    assert not [slip for slip in check(tmp_path) if slip.phrase == titled[0]]
    titled[header.index("title")] = "[A list of territories]"
    with sources.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(rows)
    assert titled[0] in [slip.phrase for slip in check(tmp_path)]


def test_a_place_named_by_one_side_s_name_alone_is_caught_on_a_page_and_in_an_alt_text(tmp_path):
    place = next(place for place in ("lachin", "shusha", "kalbajar") if "/" in place_name(place))
    alone = place_name(place).split("/")[0]
    copy_of_the_tree(tmp_path)
    readme = tmp_path / "README.md"
    readme.write_text(f"# Notes\n\nThe road through {alone}.\n\n" + readme.read_text(encoding="utf-8"),
                      encoding="utf-8")
    record = next((tmp_path / "figures").glob("*.json"))
    figure = json.loads(record.read_text(encoding="utf-8"))
    record.write_text(json.dumps({**figure, "alt": f"A map of {alone}."}), encoding="utf-8")
    expected = f"{alone} without the other side's name ({place_name(place)})"
    assert sorted(str(slip) for slip in named_alone(tmp_path)) == sorted([
        f"README.md, first mention on the page: “{expected}”", f"figures/{record.name}, alt: “{expected}”"])


def test_a_map_key_gives_both_names(tmp_path):
    figure = plt.figure()
    axes = figure.add_subplot()
    alone = place_name("shusha").split("/")[0]
    maps.caveat_text(axes, extra=(f"{alone} is drawn with its district.",))
    drawn = "\n".join(text.get_text() for text in axes.texts)
    plt.close(figure)
    assert place_name("shusha") in " ".join(drawn.split()) and not gazetteer_named_alone(drawn)


def test_a_place_named_alone_in_a_table_is_caught_but_not_in_a_column_headed_as_a_source_s_names(tmp_path):
    place = next(place for place in ("lachin", "shusha", "kalbajar") if "/" in place_name(place))
    alone = place_name(place).split("/")[0]
    copy_of_the_tree(tmp_path)

    def table_page(header: str) -> list[str]:
        table = f"<table><thead><tr><th>{header}</th></tr></thead><tbody><tr><td>{alone}</td></tr></tbody></table>"
        output = {"output_type": "display_data", "metadata": {}, "data": {"text/html": [table]}}
        page = {"cells": [{"cell_type": "code", "metadata": {}, "source": [], "outputs": [output]}]}
        (tmp_path / "notebooks" / "99-planted.ipynb").write_text(json.dumps(page), encoding="utf-8")
        return [str(slip) for slip in named_alone(tmp_path) if "99-planted" in str(slip)]

    assert table_page("Key figure") == [f"notebooks/99-planted.ipynb, first mention on the page: “{alone} without "
                                        f"the other side's name ({place_name(place)})”"]
    assert table_page("Territory (the compilation's name)") == []


def test_a_report_table_gives_both_names_at_a_place_s_first_mention_but_not_in_a_source_s_names():
    place = next(place for place in ("lachin", "shusha", "kalbajar") if "/" in place_name(place))
    alone = place_name(place).split("/")[0]
    table = report(pd.DataFrame({"Wording": [alone, alone], "Key figure": [f"{alone} once", f"{alone} again"],
                                 "Territory (as in the source)": [alone, alone]}))
    assert table.cells.values.tolist() == [[alone, f"{place_name(place)} once", alone],
                                           [alone, f"{alone} again", alone]]
