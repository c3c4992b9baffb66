"""subjects.international: the compilation's dates against the resolutions that name a territory and against
Human Rights Watch's dates, each result computed from the data (and shown to change when the data does)."""

import re

import pandas as pd

from conftest import ROOT, outputs_text
from karabakh_figures import load
from karabakh_figures.data.place_names import with_both_names
from karabakh_figures.subjects.international import (
    NOT_LISTED,
    NOT_NAMED,
    act_passages,
    act_votes,
    acts_table,
    dates_against_report,
    dates_against_resolutions,
    record_checks,
)


def with_date(territory_id: str, day: str) -> pd.DataFrame:
    territories = load("territories")
    chosen = territories["territory_id"].eq(territory_id)
    territories.loc[chosen, ["date_start", "date_end"]] = pd.Timestamp(day)
    return territories


def test_the_three_resolutions_that_name_a_district_come_out_by_their_own_arithmetic():
    named = dates_against_resolutions().dropna(subset=["days"]).set_index("territory")
    assert named["days"].to_dict() == {"Kalbajar": 28, "Aghdam": 6, "Zangilan": 14}
    assert named["resolution"].to_dict() == {"Kalbajar": "S/RES/822 (1993)", "Aghdam": "S/RES/853 (1993)",
                                             "Zangilan": "S/RES/884 (1993)"}
    assert (named["compilation's date before the resolution"] == "yes").all()
    assert named.loc["Kalbajar", "days from the compilation's date to the resolution (derived)"] == \
        "30 April 1993 − 2 April 1993 = 28 days"
    assert named.loc["Zangilan", "named in the text as"] == \
        "“du district de Zanguelan” (French); “Zangelan-distriktet” (Swedish)"


def test_a_compilation_date_after_the_resolution_comes_out_no():
    named = dates_against_resolutions(with_date("kalbajar", "1993-05-10")).set_index("territory")
    assert (named.loc["Kalbajar", "days"], named.loc["Kalbajar", "compilation's date before the resolution"]) == \
        (-10, "no")


def test_a_territory_no_text_names_says_so_and_goradiz_is_matched_to_none():
    compared = dates_against_resolutions().set_index("territory")
    assert set(compared.index[compared["named in the text as"].eq(NOT_NAMED)]) == {
        "Shusha", "Lachin", "Nagorno-Karabakh", "Fizuli", "Jabrayil", "Gubadli"}
    assert compared.loc["de la ville de Goradiz", "compilation's date"] == NOT_LISTED
    assert pd.isna(compared.loc["de la ville de Goradiz", "days"])


def test_the_compilation_s_dates_fall_within_the_report_s():
    compared = dates_against_report().set_index("town (as the report spells it)")
    assert compared["compilation's date within the report's"].to_dict() == {
        "Kelbajar": "yes", "Agdam": "yes", "Fizuli": "yes", "Jebrail": "yes", "Goradiz / Gorodiz": ""}
    # "in April" dates the civilians' flight from Kelbajar, not its capture: the capture is dated by "in 1993"
    assert compared.loc["Kelbajar", "report's date"] == "1993 (year)"
    assert compared.loc["Goradiz / Gorodiz", "report's date"] == "27 September 1993 (day)"
    moved = dates_against_report(with_date("kalbajar", "1994-05-02")).set_index("town (as the report spells it)")
    assert moved.loc["Kelbajar", "compilation's date within the report's"] == "no"


def test_the_checks_are_counted_for_the_data_notes():
    checks = record_checks()
    assert checks[["holds", "of"]].values.tolist() == [[3, 3], [4, 4]]
    assert checks["not compared"].tolist() == [f"6 territories {NOT_NAMED}", f"1 town {NOT_LISTED}"]


def test_copies_that_disagree_are_both_kept_and_884_says_its_languages():
    statements = load("act_statements")
    cited = statements[statements["statement"].eq("cites document")]
    # The copy quoted gives S/26184; the two that give S/25184 were not quoted, so their symbol stands in the note,
    # not as a row whose quote would be the reference file's own words.
    assert sorted(zip(cited["act_id"], cited["wording"])) == [("unsc-853", "S/26184")]
    assert "S/25184" in cited["note"].item() and "Neither is preferred" in cited["note"].item()
    named_884 = statements[statements["act_id"].eq("unsc-884") & statements["statement"].eq("names territory")]
    assert set(named_884["language"]) == {"French", "Swedish"}
    assert acts_table().loc["S/RES/874 (1993)", "Names"] == "no district in the passages read"


def test_the_2008_vote_with_each_count_and_its_source():
    vote = act_votes().set_index("vote")
    assert vote["members"].to_dict() == {"in favour": 39, "against": 7, "abstaining": 100, "absent": 46}
    assert vote.loc["against", "named"] == "Angola, Armenia, France, India, Russian Federation, United States, Vanuatu"
    assert vote.loc["absent", "source"] == "Wikipedia (A/RES/62/243)"
    assert set(vote.drop(index="absent")["source"]) == {"UN press release GA/10693"}


def test_the_notebooks_show_the_record():
    shown = outputs_text("06-international-record.ipynb")
    assert "30 April 1993 − 2 April 1993 = 28 days" in shown
    assert "46 days later (derived)" in shown
    assert "Angola, Armenia, France, India, Russian Federation, United States, Vanuatu" in shown
    assert "6 territories not named in the texts read" in outputs_text("04-data-notes.ipynb")
    assert with_both_names("for 3 of 3 territories (Kalbajar: 28 days; Aghdam: 6 days; Zangilan: 14 days; "
                           "derived)") in outputs_text("00-overview.ipynb")


def test_the_record_s_passages_say_whose_words_they_are():
    passages = act_passages()
    own = passages[passages["Whose words"].str.startswith("the act's own words")]
    assert own["Words"].str.contains("recent invasion of the Kelbadjar district of Azerbaijan by local Armenian "
                                     "forces").any()  # resolution 822 names who took Kalbajar
    assert own["Words"].str.contains("Uppmanar Armeniens regering").any()  # 884's call, read only in Swedish
    voted = passages.loc["UN General Assembly, A/RES/62/243"]
    against = "Angola, Armenia, France, India, Russian Federation, United States, Vanuatu"
    assert voted["Words"].str.contains(against).any()
    assert voted["Words"].str.contains("secure and equal conditions of life").any()
    # Wikipedia's sentence about 884 is a paraphrase, never the Council's words
    paraphrase = passages[passages["Words"].str.contains("The resolution then demanded")]
    assert paraphrase["Whose words"].tolist() == ["not the act's words (a paraphrase by a third party)"]
    text = outputs_text("06-international-record.ipynb")
    assert "by local Armenian forces" in text and "Uppmanar Armeniens regering" in text


def test_a_passage_that_names_two_places_is_printed_once():
    passages = act_passages(kinds=("names territory",)).reset_index()
    assert not passages.duplicated(subset=["Record", "Words"]).any()
    assert passages["Words"].str.contains("Zanguelan et de la ville de Goradiz").sum() == 1


def test_no_notebook_says_the_compilation_s_days_agree_with_the_report_s_years():
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert not re.search(r"Human Rights Watch[^.]{0,120}\bagree", outputs_text(notebook.name)), notebook.name
