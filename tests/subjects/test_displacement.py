"""The people displaced: every figure kept beside the others, both sides and each party among the issuers, a
register that never sets a stock against a flow, and the departure of 2023 in the counts its sources date."""

import json
import re

import pandas as pd
import pytest

from conftest import DATA
from karabakh_figures import load
from karabakh_figures.data.quotes import quoted_text
from karabakh_figures.subjects.displacement import (
    GROUPS,
    ISSUER_NOT_STATED,
    SIDES,
    TO_THE_DAY,
    departure_counts,
    departure_terms,
    figures_of,
    gaps_table,
    population_before,
    register,
)

SCHEMA = {resource["name"]: {field["name"]: field for field in resource["schema"]["fields"]}
          for resource in json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]
          if "schema" in resource}


def test_the_groups_and_sides_are_the_schema_s():
    fields = SCHEMA["displacement_figures"]
    assert list(GROUPS) == fields["group"]["constraints"]["enum"]
    assert list(SIDES) == fields["side"]["constraints"]["enum"]


def test_the_figures_cover_both_directions_both_sides_of_2020_and_the_departure_from_many_issuers():
    figures, sources = load("displacement_figures"), load("sources").set_index("source_id")
    assert len(figures) >= 25
    outside = figures[figures["side"].eq("outside the parties")]
    # Bodies, not rows: several rows of one report count once (the source's issuer, before any comma or bracket).
    bodies = {re.split(r"[,(]", issuer)[0].strip() for issuer in outside["source_id"].map(sources["issuer"])}
    assert len(bodies) >= 5, bodies
    assert {"Azerbaijan's government", "Armenia's government", "de facto Nagorno-Karabakh authorities"} <= set(
        figures["side"])
    for groups in (("idps-in-azerbaijan", "azerbaijanis-from-armenia"), ("armenians-from-azerbaijan",),
                   ("displaced-2020-armenians", "displaced-2020-azerbaijanis"), ("left-2023",)):
        for group in groups:
            assert figures["group"].eq(group).sum() >= 1, group


def test_one_document_s_two_figures_are_both_kept_and_a_two_country_total_stays_apart():
    figures = load("displacement_figures").set_index("figure_id")
    assert figures.loc[["unhcr-1998-refugees-armenia-stock", "unhcr-1998-refugees-armenia-left"], "low"].tolist() == [
        180000, 198000]
    assert figures.loc["pace-1995-both", "group"] == "both-countries"
    # The reference's second reading: the factsheet's 115,183 is not the plan's measure, and is kept beside it.
    assert {"unhcr-factsheet-2024", "rrp-2023-arrivals"} <= set(figures.index)


def test_an_unknown_group_is_named_with_the_groups_there_are():
    with pytest.raises(ValueError, match="unknown group 'khojaly'; the groups are: idps-in-azerbaijan; "):
        figures_of("khojaly")
    with pytest.raises(TypeError, match="group must be one of GROUPS"):
        figures_of(load("displacement_figures"))


def test_a_group_s_figures_are_all_shown_dated_first_then_the_undated():
    figures = load("displacement_figures")
    for group in GROUPS:
        rows = figures[figures["group"].eq(group)]
        expected = rows.assign(undated=rows["date_end"].isna()).sort_values(
            ["undated", "date_end", "issuer", "figure_id"])
        shown = figures_of(group, figures)
        assert len(shown) == len(rows), group
        assert all(stated.startswith(f"“{wording}” (") for stated, wording in zip(shown.index, expected["wording"]))
        assert shown["Issuer"].tolist() == expected["issuer"].tolist(), group


def test_the_register_sets_only_like_figures_in_a_range_and_shows_its_arithmetic():
    figures, table = load("displacement_figures"), register().reset_index()
    assert table.groupby("Group")["Figures"].sum().to_dict() == {
        GROUPS[group]: count for group, count in figures["group"].value_counts().items()}
    for count, ratio in zip(table["Figures"], table["Highest ÷ lowest (derived)"]):
        assert ratio == "one figure" if count == 1 else "(derived: " in ratio and " ÷ " in ratio
    assert set(table["Basis"]) <= {"registered", "estimated", "arrivals", "not said"}


def test_every_gap_names_its_figures_and_quotes_its_source():
    gaps = gaps_table()
    assert len(gaps) == len(load("displacement_gaps"))
    assert gaps["The source's words"].str.startswith("“").all()
    assert "no reason stated" in set(gaps["What the gap is"])


def test_the_departure_is_drawn_from_the_counts_dated_to_the_day_in_date_order():
    counts = departure_counts()
    assert set(counts["date_precision"]) <= set(TO_THE_DAY) and counts["group"].eq("left-2023").all()
    assert counts["date_end"].is_monotonic_increasing
    assert counts["date_end"].between(pd.Timestamp("2023-09-19"), pd.Timestamp("2023-10-31")).all()
    assert len(counts) >= 4
    assert population_before()["low"].tolist() == [120000]


def test_each_issuer_s_word_for_the_people_who_left_stands_in_quotation_marks():
    terms = departure_terms()
    assert {"“refugees”", "“forcibly displaced persons”"} <= set(terms.index)
    assert {"outside the parties", "Armenia's government"} <= {side.split(",")[0] for side in terms["Side"]}


def test_a_fenced_block_of_a_reference_file_is_a_quotation_and_its_gloss_outside_is_not():
    text = "Notes of ours.\n```\nCəmi:      1 200 500\n```\n- *gloss:* Total 1 200 500\n"
    assert quoted_text(text) == "Cəmi: 1 200 500"


def test_a_figure_whose_source_does_not_say_whose_it_is_is_never_printed_as_the_reporter_s():
    figures = load("displacement_figures")
    unstated = figures[figures["issuer"].str.startswith(ISSUER_NOT_STATED)]
    assert not unstated.empty
    for group in unstated["group"].unique():
        sides = figures_of(group, figures)["Side"]
        assert sides.str.startswith("not said whose figure").sum() == unstated["group"].eq(group).sum()
    assert all("not said whose figure" in label for label in population_before(unstated)["label"])
    # The same row with an issuer named prints its side as the issuer's.
    named = unstated.assign(issuer="DW (Deutsche Welle)")
    assert not any("not said whose figure" in label for label in population_before(named)["label"])
