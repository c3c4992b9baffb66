"""Every outside source can be followed to its page, second-hand and party sources say so, and each of the nine
corrections in the project's citations is applied to the data and logged in data/CHANGELOG.md."""

import csv
import json
import re

import pandas as pd
import pytest

from conftest import DATA, row_number, set_cell
from karabakh_figures import load

SOURCES = load("sources").set_index("source_id")
OUTSIDE = SOURCES[SOURCES["kind"] != "compilation section"]
CHANGELOG = (DATA / "CHANGELOG.md").read_text(encoding="utf-8")


def test_no_outside_source_is_a_bare_site_name():
    for source_id, source in OUTSIDE.iterrows():
        addresses = [address for address in (source["url"], source["read_at_url"]) if pd.notna(address)]
        assert addresses or source["status"] == "address not recorded", source_id
        for address in addresses:
            assert re.fullmatch(r"https?://[^/\s]+/\S*", address), f"{source_id}: {address}"


def test_every_address_is_one_the_references_give():
    """Never an address constructed: each stands, as read, in the reference files the source's quotes are checked in."""
    for source_id, source in OUTSIDE.iterrows():
        references = "".join((DATA / raw).read_text(encoding="utf-8") for raw in source["raw_file"].split(";"))
        for address in (source["url"], source["read_at_url"]):
            if pd.notna(address):
                assert address in references, f"{source_id}: {address} is not in {source['raw_file']}"


def test_second_hand_and_party_sources_say_so_in_the_data():
    assert set(OUTSIDE["status"]) == {"original", "second-hand", "original not found", "address not recorded"}
    party = OUTSIDE[OUTSIDE["party_link"].isin(["run by a party to the conflict",
                                                "a site of one side, not its government"])].index
    for source_id in ("ctx-memorial", "ctx-virtualkarabakh", "ctx-pakistan-committee", "ctx-trilateral-statement"):
        assert source_id in party, source_id
    # Re-judged by the supplement's own words: karabakh.vn's operator "not established"; azhumanrights.az is
    # "Azerbaijan's Ombudsperson" (context-supplement.md, CS-40), an office of a party's state.
    assert set(OUTSIDE.loc[["ctx-hrw-1993", "ctx-hrw-1994-footnote"], "party_link"]) == {"not known"}
    assert OUTSIDE.loc["ctx-ombudsperson", "party_link"] == "run by a party to the conflict"
    assert SOURCES.loc["ctx-hrw-1993", "status"] == "second-hand"
    assert "probable" in SOURCES.loc["ctx-hrw-1993", "note"]


def estimates():
    return load("death_toll_estimates").set_index("estimate_id")


def caveats_on(row_id):
    caveats = load("caveats")
    return caveats[caveats["row_id"].eq(row_id)].set_index("caveat_id")


def correction_1():
    hawaii = load("later_recognitions").set_index("later_id").loc["us-hi-hr-13-2014"]
    assert (hawaii["outcome"], bool(hawaii["admitted"])) == ("deferred in committee", False)


def correction_2():
    texas = load("later_recognitions").set_index("later_id").loc["us-tx-hr-764-2015"]
    assert (texas["outcome"], bool(texas["admitted"])) == ("adoption not confirmed", False)


def correction_3():
    table = estimates()
    assert table.loc["aldara-83-children", "source_id"] == table.loc["aldara-476-disabled", "source_id"] == "ctx-aldara"
    assert table.loc["ionglobaltrends-79-elderly", "source_id"] == "ctx-ionglobaltrends-2011"
    ombudsperson = table[table["source_id"].eq("ctx-ombudsperson")]
    assert list(ombudsperson["low"]) == [613]


def correction_4():
    mexico = caveats_on("mx-senate-2011")
    assert set(mexico["source_id"]) == {"ctx-mexico-garabagh", "ctx-mexico-reportaz"}
    assert mexico["caveat"].str.contains("Chamber of Deputies").any() and mexico["caveat"].str.contains("Senate").all()


def correction_5():
    assert set(caveats_on("us-ma-house-2010")["source_id"]) == {"ctx-massachusetts-turkishnews",
                                                               "ctx-massachusetts-panarmenian"}


def correction_6():
    assert "14-PE/13-CNCL" in caveats_on("puoic-council-13-abu-dhabi")["caveat"].item()
    assert "15-PE/7-CONF" in caveats_on("puoic-conf-7-palembang")["caveat"].item()


def correction_7():
    caveat = caveats_on("co-senate-second-committee-2012")["caveat"].item()
    assert "April 2012" in caveat and "March 28, 2012" in caveat


def correction_8():
    changes = load("control_changes").set_index("change_id")
    for change_id in ("lachin-district-2020", "lachin-town-2022"):
        caveat = changes.loc[change_id, "caveat"]
        assert "old road" in caveat and "rerouted corridor" in caveat


def correction_9():
    changes = load("control_changes").set_index("change_id")
    assert changes.loc["gubadli-town-2020", "date_start"] == pd.Timestamp("2020-10-25")
    assert "26 Oct" in caveats_on("gubadli-town-2020")["caveat"].item()


@pytest.mark.parametrize("number", range(1, 10))
def test_each_correction_is_applied_and_logged(number):
    globals()[f"correction_{number}"]()
    assert re.search(rf"^- Correction {number}, .*https?://", CHANGELOG, re.MULTILINE), f"correction {number}"


def test_every_host_s_judgement_quotes_its_reference_file_or_says_it_is_ours():
    """One rule for every label: a host is judged from its reference file's own words, quoted in `basis`, or the
    basis says that it is our reading because no reference file labels the host."""
    hosts = load("hosts")
    for host, basis in zip(hosts["host"], hosts["basis"]):
        if basis.startswith("our reading (no reference file labels this host)"):
            continue
        # Several reference files may be quoted, each as "file.md: ..." after a "; ".
        for judgement in re.split(r"; (?=[a-z0-9-]+\.md)", basis):
            reference, _, quoted = judgement.partition(": ")
            reference = reference.split(",")[0]  # "positions-supplement.md, read alone, gives ..."
            text = " ".join((DATA / "raw" / reference).read_text(encoding="utf-8").replace("**", "").split())
            words = re.findall(r'"([^"]+)"', judgement)
            assert words, (host, judgement)
            for passage in " … ".join(words).split(" … "):
                assert passage.strip(" .…") in text, (host, reference, passage)


def test_the_same_kind_of_site_gets_the_same_label_on_both_sides():
    """Counted per side: each kind of site carries one label, on the Azerbaijani and the Armenian side alike, and
    the README names every reference file that a basis quotes."""
    hosts = load("hosts")
    counts = hosts.groupby(["kind", "side", "party_link"]).size()
    labels = counts.reset_index().groupby("kind")["party_link"].nunique()
    assert (labels == 1).all(), counts
    sides = hosts[hosts["side"].isin(["Azerbaijan", "Armenia"])].groupby(["kind", "side"])["party_link"].first()
    for kind in sides.index.get_level_values("kind").unique():
        assert sides.loc[kind].nunique() == 1, (kind, sides.loc[kind])
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for reference in hosts["basis"].str.findall(r"(?:^|; )([a-z0-9-]+\.md)\b").explode().dropna().unique():
        assert f"raw/{reference}" in readme.split("**The rule for `hosts.csv`.**")[1].split("\n\n")[0], reference


def passages_read_two_ways(data) -> dict[str, set[str]]:
    """Each sentence (of 60 characters or more) that rows of two sources quote, with the sources' statuses, where
    they differ: one passage read on the original in one table and second-hand in another."""
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    with (data / "sources.csv").open(encoding="utf-8", newline="") as file:
        # The compilation's own sections may repeat an outside page's words: only outside pages are compared.
        status = {row["source_id"]: row["status"] for row in csv.DictReader(file)
                  if row["kind"] != "compilation section"}
    seen = {}
    for resource in descriptor["resources"]:
        if resource["name"] == "sources" or "source_quote" not in {field["name"] for field in
                                                                   resource.get("schema", {}).get("fields", [])}:
            continue
        with (data / resource["path"]).open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                for sentence in re.split(r"(?<=[.!?])\s+| … ", row["source_quote"]):
                    if len(sentence) >= 60 and row["source_id"] in status:
                        seen.setdefault(sentence, set()).add(status[row["source_id"]])
    return {passage: statuses for passage, statuses in seen.items() if len(statuses) > 1}


def test_one_passage_is_read_one_way_in_every_table(data_copy):
    assert passages_read_two_ways(DATA) == {}
    set_cell(data_copy / "sources.csv", row_number(data_copy / "sources.csv", "ctx-hrw-1994"), "status", "original")
    assert "More than 200 civilians were killed in the attack, the largest massacre to date in the conflict." in (
        passages_read_two_ways(data_copy))
