"""Data for analysts, display for readers: each subject table that notebooks show with numbers and dates in words
has a typed counterpart (numbers as numbers, dates as dates), and the shown table is worded from it, row for
row."""

import pandas as pd
import pytest
from pandas.api import types

from karabakh_figures import (
    act_data,
    acts_table,
    dates_against_report,
    estimate_data,
    estimates_table,
    load,
    recognition_data,
    recognition_table,
    report_date_data,
    territory_data,
    territory_table,
)

#: Each typed helper, the table readers see, the column that names a row in each, and its typed columns by kind.
PAIRS = {
    "territories": (territory_data, territory_table, "name", None,
                    {"date": ["date_start", "date_end"], "number": ["area_km2"]}),
    "estimates": (estimate_data, estimates_table, "label", None, {"number": ["low", "high"]}),
    "recognitions": (recognition_data, recognition_table, "label", "Act", {"date": ["date_start", "date_end"]}),
    "report dates": (report_date_data, dates_against_report, "place", "town (as the report spells it)",
                     {"date": ["date_start", "date_end", "compilation_date_start", "compilation_date_end"]}),
    "acts": (act_data, acts_table, "act", None,
             {"date": ["date_start", "date_end"], "number": ["meeting", "votes_for", "votes_against",
                                                             "votes_abstaining", "votes_absent"]}),
}


@pytest.mark.parametrize("subject", PAIRS)
def test_the_typed_counterpart_holds_numbers_and_dates_and_the_shown_table_is_worded_from_it(subject):
    typed, shown, name, shown_name, kinds = PAIRS[subject]
    data, table = typed(), shown()
    for column in kinds.get("date", []):
        assert types.is_datetime64_any_dtype(data[column]), (subject, column)
    for column in kinds.get("number", []):
        assert types.is_numeric_dtype(data[column]), (subject, column)
    names = table[shown_name] if shown_name else table.index
    assert list(names) == list(data[name])


def test_an_analyst_can_sum_and_plot_from_the_typed_data():
    areas = territory_data()
    assert areas["area_km2"].sum() == load("territories")["area_km2"].sum()
    acts = act_data().dropna(subset=["votes_for"])
    assert (acts["votes_for"] > 0).all() and pd.api.types.is_integer_dtype(acts["votes_for"])
    terms = recognition_data()["terms"].explode().dropna()
    assert set(terms) <= {"genocide", "massacre", "crime against humanity", "tragedy", "grave crimes"}
