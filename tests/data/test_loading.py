"""`karabakh_figures.load` returns typed, validated tables."""

import warnings

import pandas as pd
import pytest

from conftest import read_rows, row_number, set_cell
from karabakh_figures import DataError, DataWarning, load


def test_territories_are_typed():
    territories = load("territories")
    assert len(territories) == 9
    assert str(territories["date_start"].dtype).startswith("datetime64")
    assert territories["area_km2"].dtype == "Float64"
    assert territories.set_index("territory_id").loc["shusha", "date_start"] == pd.Timestamp("1992-05-08")


def test_empty_cells_are_missing_not_empty_strings():
    territories = load("territories").set_index("territory_id")
    assert pd.isna(territories.loc["nagorno-karabakh", "iso_3166_2"])
    assert territories.loc["shusha", "within"] == "nagorno-karabakh"


def test_every_table_loads_with_every_row(data_copy):
    from karabakh_figures.data.validation import check

    tables = check(data_copy).tables
    for name, table in tables.items():
        assert len(load(name, data_copy)) == len(table.rows)


def test_invalid_data_raises_with_every_problem(data_copy):
    path = data_copy / "territories.csv"
    set_cell(path, row_number(path, "lachin"), "area_km2", "lots")
    with pytest.raises(DataError) as raised:
        load("territories", data_copy)
    assert [problem.column for problem in raised.value.problems] == ["area_km2"]
    assert 'value "lots": not a number' in str(raised.value)


def test_editing_a_file_is_seen_by_the_next_load(data_copy):
    assert len(load("campaign_events", data_copy)) == len(read_rows(data_copy / "campaign_events.csv")) - 1
    path = data_copy / "campaign_events.csv"
    set_cell(path, row_number(path, "oic-renamed"), "date_start", "2011-06-29")
    with pytest.raises(DataError):
        load("campaign_events", data_copy)


def test_unknown_table_names_the_tables():
    with pytest.raises(KeyError, match="tables: sources, hosts, territories"):
        load("casualties")


def test_a_table_changed_by_its_reader_is_loaded_afresh(data_copy):
    first = load("territories", data_copy)
    first.loc[0, "area_km2"] = -1
    del first["name"]
    again = load("territories", data_copy)
    assert "name" in again.columns and (again["area_km2"] > 0).all()



def break_lachin_area(data_copy):
    path = data_copy / "territories.csv"
    set_cell(path, row_number(path, "lachin"), "area_km2", "lots")


def test_a_table_whose_own_file_validates_says_how_to_load_it_for_exploration(data_copy):
    break_lachin_area(data_copy)
    with pytest.raises(DataError) as raised:
        load("hosts", data_copy)
    advice, count, problem = str(raised.value).splitlines()
    assert advice == ("load('hosts'): the data package does not validate (territories.csv); hosts.csv itself has "
                      "no problem: load('hosts', exploring=True) reads it for exploration")
    row = row_number(data_copy / "territories.csv", "lachin")
    assert (count, problem.split(", ")[1:3]) == ("1 data problem(s):", [f"row {row}", "column area_km2"])
    with pytest.warns(DataWarning, match="hosts.csv validates, but territories.csv does not; what it says may rest on"):
        hosts = load("hosts", data_copy, exploring=True)
    assert len(hosts) == len(load("hosts"))


def test_a_table_with_problems_of_its_own_is_never_loaded(data_copy):
    break_lachin_area(data_copy)
    for exploring in (False, True):
        with pytest.raises(DataError, match=r"^load\('territories'\): territories.csv does not validate; mend it"):
            load("territories", data_copy, exploring=exploring)


def test_exploring_a_valid_package_warns_of_nothing(data_copy):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(load("hosts", data_copy, exploring=True)) == len(load("hosts"))
