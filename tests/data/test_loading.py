"""`karabakh_figures.load` returns typed, validated tables."""

import pandas as pd
import pytest

from conftest import row_number, set_cell
from karabakh_figures import DataError, load


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
    assert len(load("campaign_events", data_copy)) == 12
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

