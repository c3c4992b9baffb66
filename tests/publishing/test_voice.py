"""The collection's own voice uses neither side's words: a word of one side stands only in quotation marks or after
a phrase that says whose word it is, in every text the collection writes."""

import json
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from karabakh_figures.publishing.voice import check, slips_in


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
])
def test_a_word_of_one_side_in_our_own_voice_is_caught(text):
    assert len(slips_in(text)) == 1, text


@pytest.mark.parametrize("text", [
    "The anniversary of what the page calls “Zangilan's liberation”.",
    "The territories listed as occupied.",
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
