"""The gazetteer (place_names.csv): each place has both sides' names or says that one was not found, each name rests
on a quotation that a second reading found again, and place_name() writes both names, the side that leads
alternating from place to place."""

from collections import Counter

import pytest

from conftest import DATA, break_cells, read_rows, write_rows
from karabakh_figures.data.gazetteer import SIDES
from karabakh_figures.data.place_names import leading_sides, named_alone, place_name, with_both_names

GAZETTEER = "place_names.csv"


def rows_of(path=DATA / GAZETTEER) -> list[dict]:
    header, *rows = read_rows(path)
    return [dict(zip(header, row)) for row in rows]


def primary_names(place_id: str) -> dict[str, str]:
    """The place's primary name on each side, by side."""
    return {row["usage"]: row["name"] for row in rows_of() if row["place_id"] == place_id
            and row["form"] == "primary" and row["usage"] != "outside usage"}


def side_leading(place_id: str) -> str | None:
    """The side whose name place_name() writes first, or None where it writes one name."""
    first = place_name(place_id).split("/")[0]
    names = primary_names(place_id)
    return next(side for side in SIDES if names[side] == first) if "/" in place_name(place_id) else None


def imbalance(leads) -> int:
    """How many more places lead with one side's name than with the other's."""
    counts = Counter(lead for lead in leads if lead)
    return abs(counts[SIDES[0]] - counts[SIDES[1]])


def territory_rows() -> list[dict]:
    return rows_of(DATA / "territories.csv")


def a_row(**wanted) -> dict:
    return next(row for row in rows_of() if all(row[key] == value for key, value in wanted.items()))


def test_each_place_is_written_with_both_sides_names_and_neither_side_leads_more_often():
    places = list(dict.fromkeys(row["place_id"] for row in rows_of()))
    outside = {row["place_id"]: row["name"] for row in rows_of() if row["form"] == "primary"
               and row["usage"] == "outside usage"}
    for place_id in places:
        written = {outside[place_id]} if place_id in outside else set(primary_names(place_id).values())
        assert set(place_name(place_id).split("/")) == written, place_id
    leads = [side_leading(place_id) for place_id in places if place_id not in outside]
    assert imbalance(leads) <= 1, Counter(leads)
    two_names = [place for place, lead in zip([p for p in places if p not in outside], leads) if lead]
    assert [lead for lead in leads if lead] == list(leading_sides(two_names).values())


def test_the_count_of_leading_sides_fails_on_a_planted_imbalance():
    assert imbalance([SIDES[0]] * 9 + [SIDES[1]] * 2) == 7  # the alphabetical order this rule replaced
    assert imbalance(leading_sides([f"place-{number}" for number in range(11)]).values()) == 1
    assert imbalance(leading_sides([f"place-{number}" for number in range(12)]).values()) == 0


def test_where_one_side_s_name_was_not_found_the_other_stands_alone_and_the_data_says_so():
    missing = a_row(form="none found")
    assert not missing["name"] and missing["note"]
    assert "/" not in place_name(missing["place_id"])


def test_the_first_mention_of_a_place_gets_both_names_and_later_ones_stay():
    place = next(row["place_id"] for row in rows_of() if "/" in place_name(row["place_id"]))
    one, other = primary_names(place).values()
    text = f"The road from {other} to the river; {other} again, and \"{one}\" in a quotation."
    assert with_both_names([text]) == [f"The road from {place_name(place)} to the river; {other} again, and "
                                       f"\"{one}\" in a quotation."]
    assert named_alone(text) == [other]
    assert named_alone(with_both_names([text])[0]) == []


def test_an_unknown_place_is_answered_with_the_places_there_are():
    with pytest.raises(ValueError, match="unknown place 'atlantis'; the places are: "):
        place_name("atlantis")


def test_a_second_primary_name_for_one_side_is_reported(data_copy, validate):
    variant = a_row(form="variant", usage="Azerbaijani usage")
    where = break_cells(data_copy, GAZETTEER, variant["name_id"], dict(form="primary"))
    assert any(line.startswith(f"{where}, column form, value \"primary\": {variant['place_id']} already has its "
                               "Azerbaijani usage name") for line in validate(data_copy)[2])


def test_a_place_without_one_side_s_row_is_reported(data_copy, validate):
    armenian = a_row(form="primary", usage="Armenian usage")
    path = data_copy / GAZETTEER
    write_rows(path, [row for row in read_rows(path) if row[0] != armenian["name_id"]])
    assert (f"{path}, row -, column usage, value \"Armenian usage\": {armenian['place_id']} has no Armenian usage row "
            "(primary or 'none found')") in validate(data_copy)[2]


def test_a_name_filled_in_where_none_was_found_is_reported(data_copy, validate):
    missing = a_row(form="none found")
    where = break_cells(data_copy, GAZETTEER, missing["name_id"], dict(name="Kashunik"))
    assert f"{where}, column name, value \"Kashunik\": a 'none found' row names nothing; its note says what was found" \
        in validate(data_copy)[2]


def test_a_quotation_not_found_again_on_a_second_reading_is_refused(data_copy, validate):
    # KHA-1's quotation stands in the reference file, but its page did not come back on the second reading.
    quote = ("Minister of Culture Adil Karimli and the President's Special Representative for the city of Khankendi "
             "as well as Aghdara and Khojaly districts, Elchin Yusubov, provided detailed information about the "
             "project to the President and First Lady.")
    khankendi = a_row(place_id="khankendi-stepanakert", form="primary", usage="Azerbaijani usage")
    where = break_cells(data_copy, GAZETTEER, khankendi["name_id"], dict(source_quote=quote, reference_entry="KHA-1"))
    assert any(line.startswith(f"{where}, column reference_entry, value \"KHA-1\": its second reading did not find "
                               "the quotation again (NOT FOR DATA") for line in validate(data_copy)[2])


def test_a_quote_from_another_entry_is_reported(data_copy, validate):
    row = a_row(form="primary", usage="Armenian usage")
    other = next(entry for entry in ("KHA-2", "SHU-2") if entry != row["reference_entry"])
    where = break_cells(data_copy, GAZETTEER, row["name_id"], dict(reference_entry=other))
    assert f"{where}, column source_quote, value \"{row['source_quote'][:60]}\": not a quotation of entry {other}" \
        in validate(data_copy)[2]


def test_a_place_with_an_outside_body_s_primary_name_is_written_by_it_and_each_side_s_name_stays_in_the_data():
    place = next(row["place_id"] for row in rows_of() if row["form"] == "primary" and row["usage"] == "outside usage")
    assert place_name(place) == a_row(place_id=place, form="primary", usage="outside usage")["name"]
    assert set(primary_names(place)) == {"Azerbaijani usage", "Armenian usage"}


def test_an_id_of_two_names_gives_them_in_the_order_the_collection_writes_them():
    for place_id in {row["place_id"] for row in rows_of()}:
        names = place_name(place_id).split("/")
        slugs = ["-".join(name.lower().split()) for name in names]
        if len(names) == 2 and place_id not in {row["territory_id"] for row in territory_rows()}:
            assert place_id == "-".join(slugs), place_id
