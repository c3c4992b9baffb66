"""The contested points, side by side: each has both parties' documented words, the compilation's own among them,
and the records from outside the parties that the data holds; nothing is weighed."""

from conftest import outputs_text
from karabakh_figures import load
from karabakh_figures.subjects.positions import POINTS, district_names, in_brief, outside_records, positions_on

AZERBAIJANI_SIDE = {"Azerbaijan"}
ORDER_WORDS = "so that no side has the last word by design"
ARMENIAN_SIDE = {"Armenia", "de facto Nagorno-Karabakh authorities"}


def test_every_point_has_both_sides_words():
    positions = load("positions")
    assert list(positions["point"].drop_duplicates().sort_values()) == sorted(POINTS)
    for point in POINTS:
        parties = set(positions_on(point).index)
        assert parties & AZERBAIJANI_SIDE and parties & ARMENIAN_SIDE, point


def test_the_compilation_s_own_words_stand_on_the_points_it_speaks_to():
    positions = load("positions")
    quoted = positions[positions["in_compilation"]]
    assert set(quoted["source_id"]) <= set(load("sources").query("kind == 'compilation section'")["source_id"])
    assert set(quoted["point"]) == set(POINTS[:4])  # the compilation predates 62/243 and 2023


def test_a_report_of_what_someone_said_is_marked_second_hand():
    positions, sources = load("positions"), load("sources").set_index("source_id")
    reported = positions[positions["source_id"].map(sources["read_at_url"]).notna()]
    assert len(reported) >= 10 and set(reported["source_id"].map(sources["status"])) == {"second-hand"}


def test_records_from_outside_the_parties_are_findings_not_counts():
    responsibility = outside_records(POINTS[0])
    assert {"Human Rights Watch/Helsinki (1993) (a human-rights organisation outside the conflict)",
            "Caucasian Knot (a Russia-based independent outlet, summing up both positions)"} <= set(
                responsibility.index)
    assert not responsibility.index.str.contains("bodies examined").any()
    # Human Rights Watch's sentence keeps the Azerbaijani officials' estimate it reports: the cut drops no side.
    assert responsibility["Words"].str.contains("although Azerbaijani officials estimate that about 800").any()
    resolutions = outside_records(POINTS[3])
    assert resolutions.index.str.startswith("UN Security Council").sum() >= 5
    # A paraphrase of the act is never shown as the act's words.
    paraphrased = resolutions[resolutions["Whose words"].str.contains("paraphrase")]
    assert len(paraphrased) and paraphrased["Whose words"].str.startswith("not the act's words").all()


def test_only_direct_speech_is_shown_as_the_speaker_s_own_words():
    for point in POINTS:
        table = positions_on(point)
        own = table["Whose words"].str.startswith("their own words")
        assert (table.loc[own, "Whose words"] == "their own words (direct speech)").all()
    khojaly = positions_on(POINTS[0]).reset_index()
    headline = khojaly[khojaly["Words"].str.contains("stand behind Khojaly massacres")]
    assert headline["Whose words"].iloc[0].startswith("the report's words, not theirs (headline)")


def test_azerbaijan_s_government_speaks_on_every_point_and_as_often_as_armenia_s():
    positions = load("positions")
    government = positions[~positions["in_compilation"] & positions["party"].eq("Azerbaijan")]
    for point in POINTS:
        assert len(government[government["point"].eq(point)]) >= 1, point
        if point != POINTS[4]:  # on 62/243 the references hold one summary of Azerbaijan's words, none of its own
            assert government[government["point"].eq(point)]["speech"].eq("direct speech").sum() >= 2, point
    assert len(government) >= len(positions[positions["party"].eq("Armenia")])


def test_rows_follow_one_order_whatever_the_side():
    for point in POINTS:
        table = positions_on(point).reset_index()
        rows = load("positions").set_index("position_id")
        dated = [label for label in table["Date"] if not label.startswith("not given")]
        assert table["Date"].tolist()[: len(dated)] == dated  # every dated row before every undated one
    responsibility = load("positions").query("point == @POINTS[0] and party in ['Azerbaijan', 'Armenia']")
    first = positions_on(POINTS[0]).reset_index()["Who, in what role"].iloc[0]
    assert not rows.empty and responsibility.sort_values("date_start").iloc[0]["speaker"] in first


def test_a_party_with_no_statement_read_is_named_as_such():
    assert "No statement of the de facto Nagorno-Karabakh authorities on this point" in in_brief(POINTS[4])
    assert "that is not to say that none was made" in in_brief(POINTS[4])
    assert "No statement of" not in in_brief(POINTS[0])


def test_a_point_is_checked_by_name():
    import pytest

    with pytest.raises(ValueError, match="unknown point 'khojaly'; the points are: who is responsible"):
        positions_on("khojaly")
    with pytest.raises(TypeError, match="point must be one of POINTS"):
        positions_on(3)
    # The arguments the wrong way round: the table is named, not "string indices must be integers".
    with pytest.raises(TypeError, match=r"positions_on\(\): positions must be a table \(a pandas DataFrame, as "
                                        r"load\(\) returns\), not str 'who is responsible"):
        positions_on(load("positions"), POINTS[0])


def test_the_names_of_the_districts_are_each_attributed():
    names = district_names()
    assert {"“occupation”", "“security measure”", "“buffer zone”"} <= set(names.index)
    assert names.loc["“security measure”", "Party"] == "Armenia"


def test_the_notebook_shows_each_point_with_both_sides_and_the_outside_records():
    text = outputs_text("07-contested-claims.ipynb")
    for words in ("the Armenian armed forces with the help of the infantry guards regiment",
                  "all facts prove that Azerbaijani side is guilty for the deaths of Khojalu residents",
                  "a corridor was kept open by the Armenians for people to leave",
                  "Control over the region is a security measure",
                  "This demand passes through all the 4 resolutions", "More than 200 civilians were killed",
                  "the report's words, not theirs (headline)", ORDER_WORDS, "personal and individual decision",
                  "ethnic cleansing", "Uppmanar Armeniens regering", "Angola, Armenia, France, India"):
        assert words in text, words
