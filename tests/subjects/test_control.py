"""subjects.control: the years from the compilation's date to each change of control, and the state of control
the data gives at a date."""

import pandas as pd

from karabakh_figures import load
from karabakh_figures.subjects.control import control_periods, control_state


def test_every_territory_has_a_later_change_of_control_after_its_occupation():
    periods = control_periods()
    assert set(periods["territory_id"]) == set(load("territories")["territory_id"])
    assert (periods["date_start"] > periods["occupied_end"]).all()
    towns = periods[periods["scope"].eq("town")]["territory_id"]
    assert sorted(set(towns)) == ["fizuli", "gubadli", "jabrayil", "lachin", "shusha", "zangilan"]


def test_control_state_follows_the_data_and_marks_towns_only_as_towns():
    state = control_state(pd.Timestamp("2020-12-01")).set_index("territory_id")
    assert state.loc["aghdam", "state"] == "control changed (district or region)"
    assert state.loc["kalbajar", "state"] == "control changed in part of the district"
    assert state.loc["jabrayil", "state"] == "listed as occupied (compilation)"
    assert state.loc["jabrayil", "town_changed"]
    assert state.loc["nagorno-karabakh", "state"] == "listed as occupied (compilation)"
    during_2023 = control_state(pd.Timestamp("2023-09-30")).set_index("territory_id")
    assert during_2023.loc["shusha", "state"] == "changed within a year, date not given"
    assert during_2023.loc["nagorno-karabakh", "state"] == "control changed (district or region)"
