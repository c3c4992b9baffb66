"""Codes and names checked against ISO 3166 as shipped in pycountry, not against a typed list."""

import pycountry
import pytest

from karabakh_figures import load

TERRITORIES = load("territories")
RECOGNITIONS = load("recognitions")


@pytest.mark.parametrize("row", list(TERRITORIES.dropna(subset=["iso_3166_2"]).itertuples()), ids=lambda row: row.name)
def test_district_code_exists_and_matches_the_azerbaijani_name(row):
    subdivision = pycountry.subdivisions.get(code=row.iso_3166_2)
    assert subdivision is not None
    assert subdivision.name == row.name_az
    assert row.name_az in row.name_variants.split(";")


def test_only_nagorno_karabakh_has_no_code():
    assert TERRITORIES[TERRITORIES["iso_3166_2"].isna()]["territory_id"].tolist() == ["nagorno-karabakh"]


def test_recognition_countries_and_states_are_iso_codes():
    for country in RECOGNITIONS["country"].dropna():
        assert pycountry.countries.get(alpha_2=country) is not None, country
    for state in RECOGNITIONS["subdivision"].dropna():
        assert pycountry.subdivisions.get(code=state) is not None, state


def test_a_state_lies_in_its_country():
    with_state = RECOGNITIONS.dropna(subset=["subdivision"])
    assert (with_state["subdivision"].str[:2] == with_state["country"]).all()


def test_international_bodies_have_no_country():
    international = RECOGNITIONS["body_level"].str.contains("organisation")
    assert RECOGNITIONS.loc[international, "country"].isna().all()
    assert RECOGNITIONS.loc[~international, "country"].notna().all()
