"""subjects.control: the years from the compilation's date to each change of control, and the state of control the
data gives at a date, by the rule the maps state. The walk over every panel and territory reads control_changes.csv
itself, row by row, so that it does not share the code it checks."""

import json

import pandas as pd
import pytest

from conftest import DATA, ROOT, read_rows
from karabakh_figures import credit, load, with_both_names
from karabakh_figures.subjects.control import (
    CHANGED,
    LISTED,
    PANEL_CHANGES,
    PART,
    control_periods,
    control_state,
    disputed_changes,
    not_drawn_whole,
    panel_dates,
    passed_to,
)

HEADER, *CHANGES = read_rows(DATA / "control_changes.csv")
ROWS = [dict(zip(HEADER, row)) for row in CHANGES]
TERRITORIES = read_rows(DATA / "territories.csv")
WITHIN = {row[0]: row[TERRITORIES[0].index("within")] for row in TERRITORIES[1:]}
PANELS = panel_dates()


def rows_given(territory_id: str, date: pd.Timestamp) -> list[dict]:
    """The rows that give a territory's state by `date`: its own, and its region's, dated at or before it."""
    return [row for row in ROWS if pd.Timestamp(row["date_end"]) <= date and (
        row["territory_id"] == territory_id
        or (row["territory_id"] == WITHIN[territory_id] and row["scope"] == "region"))]


def test_every_territory_has_a_later_change_of_control_after_its_occupation():
    periods = control_periods()
    assert set(periods["territory_id"]) == set(load("territories")["territory_id"])
    assert (periods["date_start"].fillna(periods["date_end"]) > periods["date_end_compilation"]).all()
    # each territory's first row is its earliest known change, a row dated only "by" a day at that day
    for _, rows in periods.groupby("territory_id", sort=False):
        assert rows["date_start"].fillna(rows["date_end"]).is_monotonic_increasing, list(rows["change_id"])


@pytest.mark.parametrize("panel", list(PANELS))
def test_no_panel_draws_a_state_that_no_row_gives_at_its_date(panel):
    state = control_state(PANELS[panel]).set_index("territory_id")
    for territory_id, drawn in state.iterrows():
        given = rows_given(territory_id, PANELS[panel])
        disputed = set(disputed_changes())
        scopes = {"part" if row["change_id"] in disputed else row["scope"] for row in given}
        assert drawn["changes"] == [row["change_id"] for row in given], (panel, territory_id)
        if drawn["state"] == LISTED:
            assert not given, f"{panel}: {territory_id} drawn as listed in 1993 after {given[0]['change_id']}"
        elif drawn["state"] == CHANGED:
            assert scopes & {"whole", "rest", "region"}, f"{panel}: {territory_id} drawn whole, no row says so"
        else:
            assert drawn["state"] == PART and scopes and not scopes & {"whole", "rest", "region"}, (panel, territory_id)


def test_every_panel_is_dated_by_a_row_and_every_row_falls_in_a_panel():
    # read from the files themselves: the compilation's last date, then days that rows of control_changes.csv carry
    compiled = max(row[TERRITORIES[0].index("date_end")] for row in TERRITORIES[1:])
    days = [f"{date:%Y-%m-%d}" for date in PANELS.values()]
    assert days[0] == compiled
    assert set(days[1:]) <= {row["date_end"] for row in ROWS}, days
    assert days[-1] == max(row["date_end"] for row in ROWS)
    assert days == sorted(days) and len(set(days)) == len(days)
    assert all(f"{date.day} {date:%B %Y}" in title for title, date in PANELS.items())


def test_a_later_row_gets_a_panel_and_a_panel_without_its_row_is_a_clear_error():
    changes = load("control_changes")
    later = changes.iloc[[-1]].assign(change_id="planted", date_start=pd.Timestamp("2024-12-01"),
                                      date_end=pd.Timestamp("2024-12-01"))
    assert list(panel_dates(pd.concat([changes, later])).values())[-1] == pd.Timestamp("2024-12-01")
    with pytest.raises(ValueError, match=f"no row {PANEL_CHANGES[0]}"):
        panel_dates(changes[changes["change_id"].ne(PANEL_CHANGES[0])])


def test_what_is_drawn_in_part_at_the_end_is_said_with_its_reason():
    last = control_state(list(PANELS.values())[-1])
    reasons = not_drawn_whole(last)
    assert set(reasons) == set(last.loc[last["state"].eq(PART), "territory_id"])
    disputed = set(disputed_changes())
    for territory, reason in reasons.items():
        whole_disputed = {row["change_id"] for row in ROWS if row["territory_id"] == territory
                          and row["scope"] in ("whole", "rest", "region")} & disputed
        assert ("disagree" in reason) == bool(whole_disputed), (territory, reason)
    # a row that records the change of the rest takes a territory off the list
    undated = [territory for territory, reason in reasons.items() if "disagree" not in reason]
    changes = load("control_changes")
    for territory in undated:
        rest = changes.iloc[[0]].assign(change_id="planted", territory_id=territory, scope="rest")
        state = control_state(list(PANELS.values())[-1], pd.concat([changes, rest]))
        assert territory not in not_drawn_whole(state, pd.concat([changes, rest]))


def test_a_withdrawal_begun_is_named_as_begun_not_as_done():
    """A territory drawn in part after a withdrawal that began says so: the map does not leave the reader to think
    the rest stayed where it was."""
    last_day = list(PANELS.values())[-1]
    changes = load("control_changes")
    for territory, reason in not_drawn_whole(control_state(last_day)).items():
        begun = [row for row in rows_given(territory, last_day) if row["how"].endswith("began")]
        assert ("began" in reason) == bool(begun and "disagree" not in reason), (territory, reason)
    undated = [territory for territory, reason in not_drawn_whole(control_state(last_day)).items()
               if reason == "no row records a change of the rest"]
    for territory in undated:
        begun = changes.iloc[[0]].assign(change_id="planted", territory_id=territory, scope="part",
                                         how="withdrawal of Armenian units began", date_end=last_day)
        state = control_state(last_day, pd.concat([changes, begun]))
        reason = not_drawn_whole(state, pd.concat([changes, begun]))[territory]
        assert "began" in reason and "no row says" in reason, (territory, reason)


def test_to_whom_control_passed_is_each_quote_s_own_wording():
    named, unnamed = passed_to(load("control_changes"))
    given = [row["control_to_as_stated"] for row in ROWS if row["control_to_as_stated"]]
    assert {words.lower() for words in named} == {words.lower() for words in given}
    assert len(named) == len({words.lower() for words in named}) and unnamed == len(ROWS) - len(given)
    assert all(words in row["source_quote"] for row in ROWS for words in [row["control_to_as_stated"]])


def test_a_disputed_scope_is_drawn_in_part_and_an_undisputed_one_whole():
    december = pd.Timestamp("2020-12-17")
    assert control_state(december).set_index("territory_id").loc["kalbajar", "state"] == PART
    undisputed = load("caveats").query("topic != 'scope disputed'")
    state = control_state(december).set_index("territory_id")
    assert disputed_changes(undisputed) == [] and state.loc["aghdam", "state"] == CHANGED


def test_a_row_of_the_whole_district_changes_what_the_map_draws():
    planted = load("control_changes")
    zangilan = planted[planted["change_id"].eq("zangilan-town-2020")].assign(change_id="planted", scope="whole")
    state = control_state(pd.Timestamp("2020-11-10"), pd.concat([planted, zangilan])).set_index("territory_id")
    assert state.loc["zangilan", "state"] == CHANGED


def test_the_map_draws_what_the_rule_gives_and_credits_every_source_it_adds():
    record = json.loads((ROOT / "figures" / "05-control-map.json").read_text(encoding="utf-8"))
    names = load("territories").set_index("territory_id")["name"]
    drawn = pd.read_csv(ROOT / "figures" / "05-control-map.csv")
    assert list(dict.fromkeys(drawn["panel"])) == list(PANELS), "the map's panels are not panel_dates()'s"
    for panel, date in PANELS.items():
        state = control_state(date)
        described = "; ".join(f"{names[row.territory_id]} {row.state}" for row in state.itertuples())
        # A territory's first mention in the alt text gives both parties' names (the README's naming policy).
        assert all(any(f"{name} {row.state}" in record["alt"] for name in (names[row.territory_id],
                                                                          with_both_names(names[row.territory_id])))
                   for row in state.itertuples()), (panel, described)
    last = control_state(list(PANELS.values())[-1])
    named, unnamed = passed_to(load("control_changes"))
    assert all(f'"{words}"' in record["alt"] for words in named) and f"{unnamed} of the" in record["alt"]
    assert all(f"{names[territory]}, drawn in part to the end: {reason}." in record["alt"]
               for territory, reason in not_drawn_whole(last).items())
    for source in {source for sources in last["sources"] for source in sources}:
        assert load("sources").set_index("source_id").loc[source, "short_title"] in record["alt"], source


def test_the_durations_chart_credits_exactly_the_sources_of_the_rows_it_draws():
    record = json.loads((ROOT / "figures" / "01-control-durations.json").read_text(encoding="utf-8"))
    named = record["source"].split("for the changes of control: ")[1].removesuffix(".").split("; ")
    assert sorted(named) == sorted(credit(load("control_changes")["source_id"]).split("; "))
