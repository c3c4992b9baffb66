"""The contested points, side by side: each has both parties' documented words, the compilation's own among them,
and the records from outside the parties that the data holds; nothing is weighed."""

import pandas as pd

from conftest import outputs_text
from karabakh_figures import load
from karabakh_figures.subjects.international import act_passages
from karabakh_figures.subjects.positions import (
    ACT_KINDS,
    ACT_YEARS,
    DIRECT,
    GOVERNMENTS,
    ORDER,
    OUTSIDE,
    PARTIES,
    POINTS,
    SIDES,
    balanced,
    compilation_accounts,
    district_names,
    in_brief,
    outside_records,
    positions_on,
    side_of,
    turns,
)

ORDER_WORDS = "so across the points neither side opens, or closes, more points than the other"


def test_every_point_has_both_sides_words():
    positions = load("positions")
    assert list(positions["point"].drop_duplicates().sort_values()) == sorted(POINTS)
    for point in POINTS:
        sides = set(positions_on(point).index.map(side_of))
        assert sides == set(SIDES), point


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
    positions = load("positions")
    for point in POINTS:
        table = positions_on(point)
        shown = positions[positions["point"].eq(point) & positions["party"].isin(PARTIES)]
        own = table["Whose words"].str.startswith("their own words")
        assert own.sum() == shown["speech"].eq(DIRECT).sum(), point
    khojaly = positions_on(POINTS[0]).reset_index()
    headline = khojaly[khojaly["Words"].str.contains("stand behind Khojaly massacres")].iloc[0]
    assert headline["Whose words"].startswith("the report's words, not theirs (headline)")
    assert headline["Who, in what role"].startswith("Armenpress")  # the agency's headline, not under the minister


def _shown(point):
    return pd.concat([positions_on(point), outside_records(point), compilation_accounts(point)])


def test_every_note_and_the_report_s_words_stand_beside_their_statement():
    positions = load("positions")
    for point in POINTS:
        shown = _shown(point)
        rows = positions[positions["point"].eq(point)]
        for note in rows["note"].dropna():
            assert shown["Note"].eq(note).any(), note
        for around in rows["report_words"].dropna():
            assert shown["Whose words"].str.contains(around, regex=False).any(), around
    # The words around a minister's are the report's, said as such: 'said Pashinyan, according to …'.
    departure = positions_on(POINTS[5])
    pashinyan = departure[departure["Who, in what role"].str.startswith("Nikol Pashinyan")].iloc[0]
    assert "around them, the report's words: “said Pashinyan, according to" in pashinyan["Whose words"]
    assert "said Pashinyan" not in pashinyan["Words"]
    # Words that open with the page's own quotation mark are shown as the page has them, not quoted twice.
    assert pashinyan["Words"].startswith("“The exodus")


def test_a_translation_by_someone_else_is_not_shown_as_the_speaker_s_own_english():
    corridor = outside_records(POINTS[1])
    memorial = corridor[corridor.index.str.startswith("Memorial Human Rights Center (")].iloc[0]
    assert memorial["Whose words"].startswith("their words in someone else's translation")
    assert "garabagh.net" in memorial["Note"]


def test_an_act_s_words_quoted_by_a_third_party_are_said_to_be_so():
    resolutions = outside_records(POINTS[3])
    quoted = resolutions[resolutions["Words"].str.contains("Adjusted timetable")].iloc[0]
    assert quoted["Whose words"].startswith("the act's own words inside the quotation marks")
    # Resolution 874's passage on the region keeps the tensions between the two states.
    assert outside_records(POINTS[2])["Words"].str.contains("and of the tensions between the Republic of Armenia").any()


def test_azerbaijan_s_government_speaks_on_every_point_and_as_often_as_armenia_s():
    positions = load("positions")
    government = positions[~positions["in_compilation"] & positions["party"].eq("Azerbaijan")]
    for point in POINTS:
        assert len(government[government["point"].eq(point)]) >= 1, point
        if point != POINTS[4]:  # on 62/243 the references hold one summary of Azerbaijan's words, none of its own
            assert government[government["point"].eq(point)]["speech"].eq("direct speech").sum() >= 2, point
    assert len(government) >= len(positions[positions["party"].eq("Armenia")])


def test_neither_side_opens_or_closes_more_points_than_the_other():
    table = turns()
    assert balanced(table)
    points = table.loc[list(POINTS)]
    for side in SIDES:
        assert points["opens"].eq(side).sum() == points["closes"].eq(side).sum() == len(POINTS) / len(SIDES)
    # Within a side, the dated rows come first, earliest first.
    for point in POINTS:
        table = positions_on(point)
        for side in SIDES:
            dates = [label for label, party in zip(table["Date"], table.index) if side_of(party) == side]
            dated = [label for label in dates if not label.startswith("not given")]
            assert dates[: len(dated)] == dated


def test_a_side_missing_from_a_point_shows_as_an_unbalanced_order():
    positions = load("positions")
    one_sided = positions[~(positions["point"].eq(POINTS[0]) & positions["party"].map(side_of).eq(
        list(SIDES)[1]))]
    table = turns(one_sided)
    assert not balanced(table)
    assert table.loc[POINTS[0], "opens"] == table.loc[POINTS[0], "closes"] == list(SIDES)[0]


def test_the_compilation_and_party_side_sites_are_their_own_party_counted_apart():
    positions = load("positions")
    assert not (positions["in_compilation"] & positions["party"].isin(GOVERNMENTS)).any()
    assert set(positions.loc[positions["in_compilation"], "party"]) <= {"the compilation", *OUTSIDE}
    sources = load("sources").set_index("source_id")
    sites = positions[positions["source_id"].map(sources["url"].fillna("") + sources["read_at_url"].fillna(""))
                      .str.contains("xocali.org|noravank.am")]
    assert len(sites) and sites["party"].str.startswith("a site of the").all()
    for point in POINTS:
        rows = positions[positions["point"].eq(point) & positions["party"].isin(PARTIES)]
        brief = in_brief(point)
        for party, count in rows["party"].value_counts().items():
            assert f"{party} {count}" in brief, (point, party)


def test_texts_known_only_through_the_compilation_are_its_account_with_what_was_read_beside_them():
    accounts = compilation_accounts(POINTS[3])
    assert len(accounts) and accounts["Whose words"].str.startswith("the compilation's account").all()
    assert accounts["Read beside it"].str.contains("no relevance to the policy of the Ministry").any()
    assert not outside_records(POINTS[3]).index.str.contains("as the compilation gives its text").any()


def test_the_supplement_s_usable_statements_stand():
    positions = load("positions").set_index("position_id")
    words = " ".join(positions["statement"])
    for passage in ("seven surrounding districts (Lachyn, Kalbajar", "it led to the occupation of 20% of Azerbaijani",
                    "unequivocally admit culpability", "The fact that those resolutions remain on paper",
                    "The fugitives fell into ambushes", "a lot was exaggerated",
                    "struck by the sudden manner in which the local population left"):
        assert passage in words, passage


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
                  "ethnic cleansing", "Uppmanar Armeniens regering", "Angola, Armenia, France, India",
                  "points the Azerbaijani side opens or closes", "no relevance to the policy of the Ministry"):
        assert words in text, words


def test_the_printed_order_of_outside_records_is_the_order_of_the_tables():
    """ORDER says statements from outside follow the date rule and the acts' passages stand after them: true of
    every point's table, whatever rows the data holds."""
    assert "the acts' own passages" in ORDER and "after those statements" in ORDER
    positions = load("positions")
    for point in POINTS:
        shown = outside_records(point)["Words"].tolist()
        acts = act_passages(ACT_KINDS[point], ACT_YEARS[point])["Words"].tolist() if point in ACT_KINDS else []
        assert shown[len(shown) - len(acts):] == acts
        statements = positions[positions["point"].eq(point) & positions["party"].isin(OUTSIDE)
                               & ~positions["in_compilation"]]
        dated = statements.assign(_undated=statements["date_start"].isna()).sort_values(
            ["_undated", "date_start", "speaker", "position_id"], kind="stable")
        assert len(shown) - len(acts) == len(dated)
        assert [words.strip("“”\"") for words in shown[: len(dated)]] == [
            statement.strip("“”\"") for statement in dated["statement"]] or not len(dated)


def test_a_news_agency_s_headline_is_its_own_party_counted_apart_from_its_government():
    """A side's agency speaking in its own words (a headline) is its side's, never its government's."""
    positions = load("positions")
    headlines = positions[positions["speech"].eq("headline")]
    assert len(headlines) and not headlines["party"].isin(GOVERNMENTS).any()
    assert headlines["party"].map(side_of).notna().all()
