"""Disagreements between sections of the compilation are reported side by side, not treated as errors."""

import pandas as pd
import pytest

from karabakh_figures import load
from karabakh_figures.subjects.crosschecks import compare_figures, discrepancies, statement_range, statements

FIGURES = load("khojaly_figures")


def status(measure, group="all"):
    compared = compare_figures(FIGURES).set_index(["measure", "group"])
    return compared.loc[(measure, group), "status"]


def test_the_known_disagreements_are_reported():
    assert discrepancies(FIGURES)[["measure", "group"]].values.tolist() == [
        ["population", "all"], ["missing", "all"], ["injured", "all"]]


def test_maimed_and_permanent_health_damage_are_shown_with_both_wordings():
    injured = compare_figures(FIGURES).set_index(["measure", "group"]).loc[("injured", "all")]
    assert injured["as_stated"] == ('487 (khojaly-narrative: "severely maimed"); '
                                    '1,000 (house-resolution-1594: "people received permanent health damage")')
    assert injured["sources"] == "khojaly-narrative; house-resolution-1594"


def test_613_in_three_sections_and_hundreds_in_two_are_consistent():
    killed = statements(FIGURES).query("measure == 'killed' and group == 'all'")
    assert sorted(killed.loc[killed["qualifier"] == "exact", "source_id"]) == [
        "house-resolution-1594", "khojaly-narrative", "recognition-czech"]
    assert status("killed") == "consistent"


@pytest.mark.parametrize(("measure", "group"), [("killed", "women"), ("killed", "children"), ("killed", "elderly"),
                                                ("hostages", "all"), ("families wiped out", "all")])
def test_figures_both_sections_state_alike_agree(measure, group):
    assert status(measure, group) == "agree"


def test_orphaned_children_sum_is_derived_with_its_arithmetic():
    derived = statements(FIGURES).query("derived != ''")
    assert derived[["group", "source_id", "value"]].values.tolist() == [
        ["lost one or both parents", "khojaly-narrative", 155]]
    assert derived["derived"].item() == "derived: 25 + 130 = 155 (lost both parents + lost one parent)"
    assert status("children orphaned", "lost one or both parents") == "consistent"


def test_changed_figure_turns_agreement_into_difference():
    changed = FIGURES.copy()
    changed.loc[changed["figure_id"] == "hr1594-hostages", "value"] = 1257
    assert status_of(changed, "hostages") == "differ"


def status_of(figures, measure, group="all"):
    return compare_figures(figures).set_index(["measure", "group"]).loc[(measure, group), "status"]


@pytest.mark.parametrize(("qualifier", "value", "expected"), [
    ("exact", 613, (613, 613)),
    ("over", 7000, (7000, 8000)),
    ("over", 150, (150, 250)),
    ("about", 2500, (2250, 2750)),
    ("hundreds", None, (200, 999)),
    ("thousands", None, (2000, 9999)),
])
def test_statement_ranges(qualifier, value, expected):
    assert statement_range(qualifier, value) == pytest.approx(expected)


def test_statements_keep_every_row():
    assert len(statements(FIGURES)) == len(FIGURES) + 1
    assert isinstance(statements(FIGURES), pd.DataFrame)
