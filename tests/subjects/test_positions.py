"""The contested points, side by side: each has both parties' documented words, the compilation's own among them,
and the records from outside the parties that the data holds; nothing is weighed."""

from conftest import outputs_text
from karabakh_figures import load
from karabakh_figures.subjects.positions import POINTS, district_names, in_brief, outside_records, positions_on

AZERBAIJANI_SIDE = {"Azerbaijan"}
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
    assert set(quoted["point"]) == set(POINTS)


def test_a_report_of_what_someone_said_is_marked_second_hand():
    positions, sources = load("positions"), load("sources").set_index("source_id")
    reported = positions[positions["source_id"].map(sources["read_at_url"]).notna()]
    assert len(reported) >= 10 and set(reported["source_id"].map(sources["status"])) == {"second-hand"}


def test_records_from_outside_the_parties_stand_beside_three_points_and_the_fourth_says_there_are_none():
    assert [len(outside_records(point)) > 0 for point in POINTS] == [True, False, True, True]
    assert {"Human Rights Watch, 1994", "Memorial: bodies examined"} <= set(outside_records(POINTS[0]).index)
    assert all(record.startswith("UN Security Council") for record in outside_records(POINTS[3]).index)
    assert "No record from outside the parties in the data speaks to this point." in in_brief(POINTS[1])


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
                  "This demand passes through all the 4 resolutions", "More than 200 civilians were killed"):
        assert words in text, words
