"""datapackage.json is the one codebook; data/README.md shows it and may not drift from it."""

import json

from conftest import DATA
from karabakh_figures.data import codebook

DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
TABLES = [resource for resource in DESCRIPTOR["resources"] if "schema" in resource]


def test_readme_tables_are_generated_from_the_descriptor():
    assert codebook.is_current(DATA / "README.md", DATA), "run `make codebook`"


def test_readme_drift_is_detected(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text((DATA / "README.md").read_text(encoding="utf-8").replace("| `area_km2` | number |", "| `area` |"))
    assert not codebook.is_current(readme, DATA)
    assert codebook.update(readme, DATA)
    assert codebook.is_current(readme, DATA)


def test_every_field_is_described_and_every_number_has_a_unit():
    for resource in TABLES:
        for field in resource["schema"]["fields"]:
            assert field.get("description"), (resource["name"], field["name"])
            if field["type"] in ("number", "integer") and field["name"] != "section_line":
                assert field.get("unit"), (resource["name"], field["name"])


#: Tables that state no figure: the sources themselves, who runs the pages read (a judgement per host, with its
#: basis), and the join of territories to map features, whose names and ids are checked against the map file
#: itself (tests/test_maps.py).
NO_FIGURES = ("sources", "hosts", "territory_districts")


def test_every_table_has_source_and_quote_except_those_stating_no_figure():
    for resource in TABLES:
        names = [field["name"] for field in resource["schema"]["fields"]]
        if resource["name"] in NO_FIGURES:
            assert not {"number", "integer"} & {field["type"] for field in resource["schema"]["fields"]
                                                 if field["name"] != "section_line"}, resource["name"]
        else:
            assert {"source_id", "source_quote"} <= set(names), resource["name"]


def test_the_readme_counts_the_csv_files_there_are():
    words = ("Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen "
             "Seventeen Eighteen Nineteen Twenty").split()
    count = len(list(DATA.glob("*.csv")))
    assert (DATA / "README.md").read_text(encoding="utf-8").split("\n")[2].startswith(f"{words[count]} CSV files")
