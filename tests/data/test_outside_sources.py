"""What other sources add: every outside figure names its source and address, the compilation's own values
stay as they are, and the notebooks show the new material."""

import json

import pandas as pd
import pytest

from conftest import DATA, outputs_text, row_number, set_cell
from karabakh_figures import load
from karabakh_figures.data.words import span
from karabakh_figures.subjects.caveats import row_names
from karabakh_figures.subjects.territories import area_totals

SOURCES = load("sources").set_index("source_id")
OUTSIDE_TABLES = ["control_changes", "death_toll_estimates", "area_figures", "caveats"]
#: The reference files in which the quotes of outside sources are checked: the Markdown raw texts of the package.
REFERENCE_FILES = {resource["path"] for resource in json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))[
    "resources"] if resource["path"].startswith("raw/") and resource["path"].endswith(".md")}


@pytest.mark.parametrize("table", OUTSIDE_TABLES)
def test_every_outside_figure_names_a_source_that_can_be_followed(table):
    rows = load(table)
    outside = rows[rows["source_id"].map(SOURCES["kind"]) != "compilation section"]
    assert len(outside) > 0
    for source_id in outside["source_id"]:
        source = SOURCES.loc[source_id]
        addresses = [address for address in (source["url"], source["read_at_url"]) if pd.notna(address)]
        assert addresses or source["status"] == "address not recorded", f"{table}: {source_id} has no address"
        assert all(address.startswith(("http://", "https://")) for address in addresses), source_id
        assert source["raw_file"] and set(source["raw_file"].split(";")) <= REFERENCE_FILES, source_id


def test_the_compilation_keeps_its_own_areas_beside_the_partial_figures():
    listed = load("territories").set_index("territory_id")["area_km2"]
    parts = load("area_figures").query("measure == 'part of district other sources give as occupied'")
    assert listed["aghdam"] == 1150 and listed["fizuli"] == 1390
    assert set(parts["territory_id"]) == {"aghdam", "fizuli"}
    assert (parts["value"] < parts["territory_id"].map(listed).where(parts["unit"].eq("km2"),
                                                                     parts["territory_id"].map(listed) * 100)).all()


def test_only_later_acts_naming_body_date_and_instrument_and_reported_adopted_are_admitted():
    later = load("later_recognitions").set_index("later_id")
    named = later[["body", "date_text", "instrument"]].notna().all(axis="columns")
    assert (later["admitted"] == (named & later["outcome"].eq("reported as adopted"))).all()
    assert later["admitted"].any() and not later["admitted"].all()
    assert later.loc["us-hi-hr-13-2014", "outcome"] == "deferred in committee"
    assert later.loc["us-tx-hr-764-2015", "outcome"] == "adoption not confirmed"
    traced = later["source_id"].ne("ctx-later-recognitions")
    assert later.loc[~traced, "reported_by"].str.contains("outlet not named").all()
    assert not later.loc[traced, "reported_by"].str.contains("outlet not named").any()


def test_estimates_keep_their_wording_and_second_hand_quotations_say_so():
    estimates = load("death_toll_estimates").set_index("estimate_id")
    assert estimates.loc["hrw-1993-at-least-161", "qualifier"] == "at least"
    assert pd.isna(estimates.loc["hrw-1993-at-least-161", "high"])
    assert estimates.loc["hrw-1994-as-many-as-500-1000", ["low", "high"]].tolist() == [500, 1000]
    second_hand = estimates["source_id"].map(SOURCES["status"]).eq("second-hand")
    assert second_hand.sum() >= 8
    assert estimates.loc[second_hand, "caveat"].str.contains("second-hand", case=False).all()


@pytest.mark.parametrize(("file", "key", "column", "value", "expected"), [
    ("death_toll_estimates.csv", "hrw-1994-as-many-as-500-1000", "high", "400",
     ['column high, value "400": not stated in source_quote', 'column high, value "400": less than low 500']),
    ("later_recognitions.csv", "jo-senate-2013", "admitted", "false",
     ['column admitted, value "false": must be true exactly when body, date_text and instrument are all given '
      "and the outcome is 'reported as adopted'"]),
    ("control_changes.csv", "nagorno-karabakh-2023", "date_end", "2023-11-20",
     ['column date_start, value "2023-09-19": the range 2023-09-19 to 2023-11-20 does not fit date_precision days']),
    ("control_changes.csv", "lachin-town-2022", "territory_id", "lacin",
     ['column territory_id, value "lacin": not found in column territory_id of territories']),
    ("later_recognitions.csv", "co-senate-2017", "date_text", "Apr 2017",
     ['column date_text, value "Apr 2017": not stated in source_quote, nor the page\'s date in sources.csv '
      '(2017-03-18)']),
])
def test_checks_on_the_new_tables(file, key, column, value, expected, data_copy, validate):
    path = data_copy / file
    row = row_number(path, key)
    set_cell(path, row, column, value)
    assert validate(data_copy)[2][:-1] == [f"{path}, row {row}, {line}" for line in expected]


def test_sources_and_new_tables_are_in_the_codebook():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for table in ("control_changes.csv", "death_toll_estimates.csv", "later_recognitions.csv"):
        assert f"### `{table}`" in readme


def test_notebooks_show_the_material_from_other_sources():
    later = load("later_recognitions")
    with_parts = area_totals().iloc[2]
    shown = f"**{span(with_parts['km2'], with_parts['km2_high'])} km²** (derived)"
    assert shown in outputs_text("01-territories.ipynb")
    assert "as many as 500–1,000 (Human Rights Watch, 1994, footnote 28)" in outputs_text("02-khojaly-casualties.ipynb")
    assert (f"lists {len(later)} acts reported later, of which {int(later['admitted'].sum())} name body, date "
            "and instrument") in outputs_text("03-recognition-timeline.ipynb")
    shown = outputs_text("04-data-notes.ipynb")
    changes = load("control_changes")
    # Each change by its name (territory and date), not by its id.
    named = row_names(pd.Series("control_changes", index=changes.index), changes["change_id"], with_table=False)
    assert all(name in shown for name in named)
