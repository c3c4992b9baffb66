"""The second round of corrections, found by reading every row against raw/citations.md (issue 20): each stays
made. The rules behind them (a party link by host, a page's own words, a wording in its quote) are the
validator's and are tested with it; these are the single rows and texts."""

import json
import re

from conftest import DATA, ROOT, outputs_text
from karabakh_figures import load

SOURCES = load("sources").set_index("source_id")


def test_the_ionglobaltrends_page_is_an_original_and_its_figure_says_its_words_were_not_recorded():
    assert (SOURCES.loc["ctx-ionglobaltrends-2011", "status"], SOURCES.loc["ctx-ionglobaltrends-2011", "url"]) == (
        "original", "http://www.ionglobaltrends.com/2011/03/azerbaijan-us-congressmen-condemn.html")
    elderly = load("death_toll_estimates").set_index("estimate_id").loc["ionglobaltrends-79-elderly"]
    assert elderly["source_quote"].count("(") == elderly["source_quote"].count(")")
    assert "79 elderly" in elderly["source_quote"]  # the page's own sentence, since issue 33


def test_the_other_versions_are_not_called_official():
    texts = [outputs_text("02-khojaly-casualties.ipynb"), (DATA / "README.md").read_text(encoding="utf-8"),
             (ROOT / "notebooks" / "02-khojaly-casualties.ipynb").read_text(encoding="utf-8")]
    assert not any("official version" in text for text in texts)


def test_mexico_s_chamber_is_marked_disputed_wherever_the_act_is_listed_or_drawn():
    label = load("recognitions").set_index("recognition_id").loc["mx-senate-2011", "label"]
    assert "disputed" in label and "the compilation" in label
    timeline = json.loads((ROOT / "figures" / "03-recognition-timeline.json").read_text(encoding="utf-8"))
    assert label in timeline["alt"] and label in outputs_text("03-recognition-timeline.ipynb")
    assert "Mexican Senate's" not in (ROOT / "notebooks" / "02-khojaly-casualties.ipynb").read_text(encoding="utf-8")


def test_lachin_s_rows_say_the_correction_on_the_old_road_in_our_words_not_in_their_quotes():
    changes = load("control_changes").set_index("change_id")
    for change_id in ("lachin-district-2020", "lachin-town-2022"):
        quote = " ".join(changes.loc[change_id, "source_quote"].split())
        # citations.md's correction is the reference's prose, never a page's words: it stays out of the quote.
        assert "the rerouted corridor stayed with the Russian peacekeepers" not in quote, change_id
        caveat = changes.loc[change_id, "caveat"]
        assert "old road" in caveat and "rerouted corridor" in caveat


def test_kalbajar_cites_the_handover_and_jabrayil_says_what_its_source_says():
    changes = load("control_changes").set_index("change_id")
    assert SOURCES.loc[changes.loc["kalbajar-2020", "source_id"], "date"].isoformat()[:10] == "2020-11-25"
    assert changes.loc["jabrayil-town-2020-knot", "scope_as_stated"] == "Djebrail"
    assert changes.loc["jabrayil-town-2020-knot", "scope"] == "town"


def test_the_puic_dates_are_the_sessions_and_the_later_acts_are_not_all_called_recognitions():
    for source_id in ("ctx-puic-abu-dhabi", "ctx-puic-palembang"):
        assert "The date is the session's" in SOURCES.loc[source_id, "note"], source_id
    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    later = next(resource for resource in descriptor["resources"] if resource["name"] == "later_recognitions")
    assert "recognition" not in later["title"].lower()
    assert "recognition" not in SOURCES.loc["ctx-later-recognitions", "title"].lower()
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert re.search(r"the three that meet that condition and are\s+reported as adopted", readme)
