"""Every number the compilation gives about the territories, Khojaly, the recognitions and the campaign is in the
data (in some row's quote of its section), or is listed here with the reason it is not a figure."""

import re

from conftest import DATA
from karabakh_figures.data.quotes import normalise_space
from karabakh_figures.data.validation import check

NOT_FIGURES = {
    ("recognition-mexico", "21"): "'21 years since': flagged in the Mexico row's note",
    ("recognition-pakistan", "4"): "item number of the resolution",
    ("house-resolution-1594", "54"): "a sponsor's district number",
    ("house-resolution-1594", "79"): "a sponsor's district number",
    ("house-resolution-1594", "27"): "a sponsor's district number",
    ("house-resolution-1594", "82"): "a sponsor's district number",
    ("recognition-czech", "21"): "'21st anniversary'",
    ("recognition-czech", "26"): "the anniversary date, February 26, 2013",
}


def compilation_sections(checked) -> dict[str, str]:
    return {record["source_id"]: checked.sections[record["source_id"]]
            for _, record in checked.tables["sources"].records() if record["kind"] == "compilation section"}


def test_every_number_of_the_compilation_is_recorded_or_explained():
    checked = check(DATA)
    quoted = {}
    for name, table in checked.tables.items():
        for _, record in table.records():
            if name != "sources" and "source_id" in record:
                quoted[record["source_id"]] = quoted.get(record["source_id"], "") + normalise_space(
                    record["source_quote"]) + "\n"
    unrecorded = {(source_id, number) for source_id, text in compilation_sections(checked).items()
                  for number in re.findall(r"\d+(?:[.,]\d+)*", text)
                  if not re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", quoted.get(source_id, ""))}
    assert unrecorded <= set(NOT_FIGURES), (
        f"numbers of the compilation in no row's quote: {sorted(unrecorded - set(NOT_FIGURES))}; record each in a row, "
        "or list it in NOT_FIGURES with the reason it is not a figure")


def test_nine_territories_and_every_section_used():
    checked = check(DATA)
    assert len(checked.tables["territories"].rows) == 9
    used = {record["source_id"] for name, table in checked.tables.items() if name != "sources"
            for _, record in table.records() if "source_id" in record}
    assert set(compilation_sections(checked)) <= used
