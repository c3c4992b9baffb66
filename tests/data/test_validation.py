"""Every check of the validator, shown failing: each test breaks a copy of the data and asserts the exact line."""

import hashlib
import json

import pytest

from conftest import DATA, break_cell, read_rows, row_number, set_cell, write_rows
from karabakh_figures.data.consistency import page_host

TERRITORIES, FIGURES, RECOGNITIONS = "territories.csv", "khojaly_figures.csv", "recognitions.csv"
DISPLACED = "displacement_figures.csv"
GROUPS = next(field for resource in json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]
              if resource["name"] == "displacement_figures" for field in resource["schema"]["fields"]
              if field["name"] == "group")["constraints"]["enum"]


CELL_CASES = {
    "number with a thousands separator": (
        TERRITORIES, "nagorno-karabakh", "area_km2", "4,400",
        # One mistake, one line: that "4,400" is then not stated in the quote either is the same mistake.
        ['column area_km2, value "4,400": not a number (digits, a dot for decimals, no thousands separator)']),
    "date not in ISO 8601": (
        TERRITORIES, "lachin", "date_start", "18/05/1992",
        ['column date_start, value "18/05/1992": not a date (write YYYY-MM-DD)']),
    "required value missing": (
        TERRITORIES, "lachin", "name_az", "",
        ['column name_az, value "": a value is required']),
    "value outside the enum": (
        RECOGNITIONS, "us-ma-house-2010", "body_level", "parliament",
        ['column body_level, value "parliament": not one of: national legislature, legislative committee, '
         'sub-national legislature, sub-national (body not named), member of a legislature, '
         'intergovernmental organisation, inter-parliamentary organisation']),
    "negative area": (
        TERRITORIES, "lachin", "area_km2", "-1840",
        ['column area_km2, value "-1840": less than the minimum 0']),
    "pattern": (
        TERRITORIES, "lachin", "iso_3166_2", "LAC",
        ['column iso_3166_2, value "LAC": does not match the pattern AZ-[A-Z]{2,3}']),
    "unknown source": (
        FIGURES, "narrative-hostages", "source_id", "khojaly-story",
        ['column source_id, value "khojaly-story": not found in column source_id of sources']),
    "within a territory that does not exist": (
        TERRITORIES, "shusha", "within", "karabakh",
        ['column within, value "karabakh": not found in column territory_id of territories']),
    "quote not verbatim": (
        FIGURES, "narrative-hostages", "source_quote", "1,275 inhabitants were taken hostages",
        ['column source_quote, value "1,275 inhabitants were taken hostages": '
         'not found verbatim in the text of source khojaly-narrative']),
    "quote from another section": (
        FIGURES, "czech-killed", "source_id", "khojaly-narrative",
        ['column source_quote, value "brutally killed 613 defenseless civilians": '
         'not found verbatim in the text of source khojaly-narrative']),
    "passages out of order": (
        RECOGNITIONS, "pk-senate-frc-2012", "source_quote",
        "1. Foreign Relations Committee condemns the genocide … On February 1, 2012 the Senate",
        ['column source_quote, value "On February 1, 2012 the Senate": '
         'not found verbatim in the text of source recognition-pakistan']),
    "outside source's quote not in its reference": (
        "area_figures.csv", "azerbaijan-total-area", "source_quote", "Total area of Azerbaijan | 86,000 km²",
        ['column source_quote, value "Total area of Azerbaijan | 86,000 km²": '
         'not found verbatim in the text of source ctx-cia-factbook-area',
         'column value, value "86600": not stated in source_quote',
         'column wording, value "86,600 sq km": not stated in source_quote']),
    "raw text that the package does not describe": (
        "sources.csv", "ctx-cia-factbook-area", "raw_file", "raw/factbook.json",
        ['column raw_file, value "raw/factbook.json": not a raw text described in datapackage.json']),
    "a bare site name as an address": (
        "sources.csv", "ctx-trend-fizuli", "url", "trend.az",
        ['column url, value "trend.az": not a full address (http:// or https:// and the whole address, as read)']),
    "an address with a space in it": (
        "sources.csv", "ctx-trend-fizuli", "url", "https://en.trend.az/azerbaijan/politics 3318694.html",
        ['column url, value "https://en.trend.az/azerbaijan/politics 3318694.html": '
         'does not match the pattern https?://[^\\s]+']),
    "a second-hand source without the page it was read on": (
        "sources.csv", "ctx-memorial", "read_at_url", "",
        ['column read_at_url, value "": a second-hand source needs the page it was read on, in read_at_url '
         "(and the original's, in url, where one was read)"]),
    "an unknown status": (
        "sources.csv", "ctx-memorial", "status", "checked",
        ['column status, value "checked": not one of: original, second-hand, original not found, '
         'address not recorded, compilation']),
    "an outside source with no address that does not say so": (
        "sources.csv", "ctx-later-recognitions", "status", "original",
        ['column url, value "": an original needs its full address (the original\'s own page, in url)']),
    "an original whose address is not given": (
        "sources.csv", "ctx-trend-fizuli", "url", "",
        ['column url, value "": an original needs its full address (the original\'s own page, in url)']),
    "an original read elsewhere": (
        "sources.csv", "ctx-trend-fizuli", "read_at_url", "https://example.org/copy",
        ['column read_at_url, value "https://example.org/copy": '
         'an original is read on its own page: a source read elsewhere is second-hand']),
    "a source that says no address was recorded, and gives one": (
        "sources.csv", "ctx-later-recognitions", "url", "https://example.org/reference",
        ['column url, value "https://example.org/reference": '
         'an address is given, so status must say how the source was read']),
    "an original not found, with the original's address": (
        "sources.csv", "ctx-wikipedia-khojaly", "url", "https://example.org/original",
        ['column url, value "https://example.org/original": the original was not found: the page read goes in '
         'read_at_url']),
    "a section of the compilation with an address": (
        "sources.csv", "khojaly-narrative", "url", "https://example.org/compilation",
        ['column url, value "https://example.org/compilation": '
         'a section of the compilation is read in its raw text: no address']),
    "one of several raw texts not described": (
        "sources.csv", "ctx-memorial", "raw_file", "raw/context-facts.md;raw/memorial.txt",
        ['column raw_file, value "raw/memorial.txt": not a raw text described in datapackage.json']),
    "a deferred act admitted to the timeline": (
        "later_recognitions.csv", "us-hi-hr-13-2014", "admitted", "true",
        ['column admitted, value "true": must be true exactly when body, date_text and instrument are all given '
         "and the outcome is 'reported as adopted'"]),
    "caveat about a row that does not exist": (
        "caveats.csv", "aghdam-part-given", "row_id", "agdam",
        ['column row_id, value "agdam": not a territory_id in territories.csv']),
    "number in a caveat that its quote does not state": (
        "caveats.csv", "texas-date", "caveat", "House Resolution 535 was adopted on 4 March 2011.",
        ['column caveat, value "4": not stated in source_quote']),
    "figure the quote does not state": (
        FIGURES, "narrative-killed", "value", "631",
        ['column value, value "631": not stated in source_quote']),
    "figure inside a longer number is not stated": (
        FIGURES, "narrative-missing", "value", "15",
        ['column value, value "15": not stated in source_quote']),
    "date text that does not match the date": (
        RECOGNITIONS, "us-ma-house-2010", "date_text", "On February 26, 2010",
        ['column date_text, value "On February 26, 2010": not stated in source_quote, nor a page\'s date '
         '(sources.csv has none)',
         'column date_start, value "2010-02-25": date_text "On February 26, 2010" reads as 2010-02-26']),
    "year missing from the date text": (
        RECOGNITIONS, "oic-cfm-36-damascus", "date_text", "May",
        ['column date_start, value "2009-05-01": the year 2009 is not in date_text "May"']),
    "unknown date with a date": (
        RECOGNITIONS, "us-ca", "date_start", "2011-01-01",
        ['column date_start, value "2011-01-01": must be empty when date_precision is unknown']),
    "dated row without a date": (
        RECOGNITIONS, "us-ma-house-2010", "date_end", "",
        ['column date_end, value "": a date is required when date_precision is day']),
    "unknown column named as inferred": (
        RECOGNITIONS, "us-ga-house-hr1594", "inferred_fields", "country;state",
        ['column inferred_fields, value "state": not a column of this table']),
    # The record from outside the compilation: the international record, the parties' positions, who runs the
    # pages read and whose words a quote is.
    "a Security Council symbol without its year": (
        "international_acts.csv", "unsc-822", "symbol", 'S/RES/822',
        ['column symbol, value "S/RES/822": does not match the pattern '
         r'S/RES/[1-9][0-9]{0,3} \((19|20)[0-9]{2}\)|A/RES/[1-9][0-9]{0,2}/[1-9][0-9]{0,3}']),
    "a symbol whose year is not the act's": (
        "international_acts.csv", "unsc-853", "symbol", 'S/RES/853 (1994)',
        ['column symbol, value "S/RES/853 (1994)": the symbol\'s year 1994 is not the year of date_start '
         '1993-07-29']),
    "a negative vote count": (
        "act_statements.csv", "unsc-822-vote", "votes_against", '-1',
        ['column votes_against, value "-1": less than the minimum 0']),
    "a statement naming a territory that does not exist": (
        "act_statements.csv", "unsc-822-kelbadjar", "territory_id", 'kelbadjar',
        ['column territory_id, value "kelbadjar": not found in column territory_id of territories']),
    "a place joined to no territory, without a note": (
        "act_statements.csv", "unsc-884-goradiz-fr", "note", '',
        ['column note, value "": a place joined to no territory needs a note saying why']),
    "an act's wording not in its quote": (
        "act_statements.csv", "unsc-822-kelbadjar", "wording", 'the Kalbajar district',
        ['column wording, value "the Kalbajar district": not stated in source_quote']),
    "an act's quote not verbatim": (
        "act_statements.csv", "unsc-853-demands", "source_quote", '3. Demands the immediate withdrawal',
        ['column source_quote, value "3. Demands the immediate withdrawal": not found verbatim in the text of '
         'source ir-unsc-853-lawglobalhub']),
    "a party's statement not in its quote": (
        "positions.csv", "armenia-sargsyan-districts", "statement", 'Control over the region is a buffer zone.',
        ['column statement, value "Control over the region is a buffer zone.": not stated in source_quote']),
    "a term for the districts not in its quote": (
        "positions.csv", "armenia-sargsyan-districts", "term_used", 'security zone',
        ['column term_used, value "security zone": not stated in source_quote']),
    "a position's quote with passages out of order": (
        "positions.csv", "armenia-kocharyan-districts", "source_quote",
        'It sounds surprising for me, no one is handing over territories to anyone. … It sounds surprising for me',
        ['column source_quote, value "It sounds surprising for me": not found verbatim in the text of source '
         'pos-newsam-kocharyan']),
    "a quote holding the reference file's own heading": (
        "positions.csv", "armenia-sargsyan-districts", "source_quote",
        'President of Armenia Serzh Sargsyan, November 2008 (interview with Frankfurter Allgemeine Zeitung, as '
        'reported). … The core of the conflict is the status of Nagorno Karabakh. Azerbaijan should recognize the '
        'right of Karabakh people to self-determination. Control over the region is a security measure.',
        ['column source_quote, value "President of Armenia Serzh Sargsyan, November 2008 (intervi…": not found '
         'verbatim in the text of source pos-panarmenian-sargsyan',
         'column report_words, value "As to \'withdrawal of Armenian forces from 7 regions around …": not stated in '
         'source_quote']),
    "a quote holding a page's date from the reference's note": (
        "control_changes.csv", "kalbajar-2020", "source_quote",
        'On November 25, the Azerbaijani army entered the Kalbajar region from two directions. According to the terms '
        'of the trilateral truce signed on November 10, the Armenian armed forces have now left the region in the '
        'conflict zone. … (dated 2020-11-25)',
        ['column source_quote, value "(dated 2020-11-25)": not found verbatim in the text of source '
         'ctl-jamnews-kalbajar-2020-11-25']),
    "a statement without its kind of words": (
        "positions.csv", "nk-balasanyan-districts", "speech", '',
        ['column speech, value "": a value is required']),
    "a whole territory's change from a quote that says it began": (
        "control_changes.csv", "kalbajar-2020", "change_as_stated", 'began',
        ['column change_as_stated, value "began": not stated in source_quote',
         'column change_as_stated, value "began": "began" does not state a completed change of control, which '
         'scope whole needs']),
    "a region's change without the words that state it": (
        "control_changes.csv", "nagorno-karabakh-2023", "change_as_stated", '',
        ['column change_as_stated, value "": a change of scope region needs the quote\'s words that state it']),
    "a latest-only date with an earliest date": (
        "control_changes.csv", "jabrayil-town-2020-knot", "date_start", '2020-10-01',
        ['column date_start, value "2020-10-01": must be empty when date_precision is by']),
    "an undated position without a reason": (
        "positions.csv", "nk-balasanyan-districts", "date_note", '',
        ['column date_note, value "": say why there is no date when date_precision is unknown']),
    "a party outside the list": (
        "positions.csv", "nk-balasanyan-districts", "party", 'Artsakh',
        ['column party, value "Artsakh": not one of: Azerbaijan, Armenia, de facto Nagorno-Karabakh authorities, '
         'the compilation, a site of the Azerbaijani side, a site of the Armenian side, a news agency of the '
         'Azerbaijani side, a news agency of the Armenian side, mediator, not a party']),
    "a party link other than its host's": (
        "sources.csv", "ctx-mexico-garabagh", "party_link", 'not known',
        ['column party_link, value "not known": hosts.csv gives garabagh.net "a site of one side, not its '
         'government"']),
    "a site of one side labelled as media, against the rule every host follows": (
        "hosts.csv", "noravank.am", "party_link", "media based in a party's country",
        ['column party_link, value "media based in a party\'s country": a host of kind "site of one side" is "a site '
         'of one side, not its government" (the rule in data/README.md)',
         ]),
    "a page on a host no one has judged": (
        "sources.csv", "ctx-puic-abu-dhabi", "url", 'https://unjudged.example.org/page',
        ['column party_link, value "none": the host unjudged.example.org of the page read is not in hosts.csv']),
    "a party link for a source with no page": (
        "sources.csv", "ctx-later-recognitions", "party_link", 'none',
        ['column party_link, value "none": no page was read, so "not known"']),
    # No reference file is exempt from the page-words rule: a summary file's own prose is no page's words.
    "a caveat quoting the reference's summary instead of the page": (
        "caveats.csv", "list-origin", "source_quote", 'its probable origin',
        ['column source_quote, value "its probable origin": not found verbatim in the text of source '
         'ctx-virtualkarabakh']),
    "a later act quoting a summary file's table": (
        "later_recognitions.csv", "jo-senate-2013", "source_quote", 'Jordan Senate statements (2013)',
        ['column source_quote, value "Jordan Senate statements (2013)": not found verbatim in the text of source '
         'ctx-later-jordan']),
    "an area's wording not in its quote": (
        "area_figures.csv", "aghdam-part-km2", "wording", 'Aghdam district: occupied part',
        ['column wording, value "Aghdam district: occupied part": not stated in source_quote']),
    "what changed hands, not in the quote": (
        "control_changes.csv", "jabrayil-town-2020-knot", "scope_as_stated", 'the town of Jabrayil',
        ['column scope_as_stated, value "the town of Jabrayil": not stated in source_quote']),
    "a country code of the right shape that names no country": (
        RECOGNITIONS, "us-ma-house-2010", "country", "XX",
        ['column country, value "XX": not an ISO 3166-1 alpha-2 country code (pycountry\'s list of ISO 3166)']),
    "a state code that names no state": (
        RECOGNITIONS, "us-ma-house-2010", "subdivision", "US-XX",
        ['column subdivision, value "US-XX": not an ISO 3166-2 subdivision code (pycountry\'s list of ISO 3166)']),
    "a state of another country": (
        RECOGNITIONS, "us-ma-house-2010", "subdivision", "MX-CMX",
        ['column subdivision, value "MX-CMX": a subdivision of MX, not of the row\'s country US']),
    # The people displaced: each mistake of issue 26's list, one line each.
    "a displacement figure not in its quote": (
        DISPLACED, "dw-2023", "low", '100471',
        ['column low, value "100471": not stated in source_quote']),
    "an undated flow without the reason": (
        DISPLACED, "az-committee-idps", "date_note", '',
        ['column date_precision, value "unknown": a flow counts people who moved over a period: give it, or say in '
         'date_note why the source gives none']),
    "a group outside the list": (
        DISPLACED, "unhcr-2004-arrivals", "group", 'refugees',
        ['column group, value "refugees": not one of: ' + ", ".join(GROUPS)]),
    "a side outside the list": (
        DISPLACED, "unhcr-2004-arrivals", "side", 'neutral',
        ['column side, value "neutral": not one of: outside the parties, Azerbaijan\'s government, Armenia\'s '
         'government, de facto Nagorno-Karabakh authorities, media close to Azerbaijan, media close to Armenia']),
    "a measure outside the list": (
        DISPLACED, "unhcr-2004-arrivals", "measure", 'total',
        ['column measure, value "total": not one of: stock, flow']),
    "a government's figure marked outside": (
        DISPLACED, "tnh-2020-azerbaijan", "side", 'outside the parties',
        ['column side, value "outside the parties": the issuer "Azerbaijan\'s government, as The New Humanitarian '
         'reports" is a party\'s body: give that party as the side']),
    "a gap naming a figure that does not exist": (
        "displacement_gaps.csv", "idmc-2010-children", "figure_ids", 'idmc-2009',
        ['column figure_ids, value "idmc-2009": not a figure_id in displacement_figures.csv']),
    "a gap's reason with a number its quote lacks": (
        "displacement_gaps.csv", "idmc-2010-children", "reason", "IDMC's figure includes around 230,000 children.",
        ['column reason, value "230,000": not stated in source_quote']),
}


@pytest.mark.parametrize("case", CELL_CASES, ids=list(CELL_CASES))
def test_broken_cell_is_reported_on_one_line(case, data_copy, validate):
    file, key, column, value, expected = CELL_CASES[case]
    where = break_cell(data_copy, file, key, column, value)
    code, out, err = validate(data_copy)
    assert code == 1 and out == []
    assert err[:-1] == [f"{where}, {line}" for line in expected]
    assert err[-1] == f"{data_copy}: {len(err) - 1} problem(s)"


def test_term_that_the_quote_lacks_is_reported(data_copy, validate):
    where = break_cell(data_copy, RECOGNITIONS, "co-senate-second-committee-2012", "terms", "genocide;massacre")
    assert validate(data_copy)[2][:-1] == [f'{where}, column terms, value "massacre": not stated in source_quote']


def test_dates_in_the_wrong_order(data_copy, validate):
    path = data_copy / RECOGNITIONS
    row = row_number(path, "pk-senate-frc-2012")
    set_cell(path, row, "date_start", "2012-02-02")
    assert validate(data_copy)[2][:-1] == [
        f'{path}, row {row}, column date_end, value "2012-02-01": before date_start 2012-02-02',
        f'{path}, row {row}, column date_start, value "2012-02-02": the range 2012-02-02 to 2012-02-01 '
        "does not fit date_precision day",
        f'{path}, row {row}, column date_start, value "2012-02-02": '
        'date_text "On February 1, 2012" reads as 2012-02-01',
    ]


# The date text stays the source's "1988-1992"; the cases differ in the range alone.
@pytest.mark.parametrize(("start", "end", "precision", "message"), [
    ("1975-01-01", "1992-12-31", "period",
     'column date_start, value "1975-01-01": outside the plausible range 1980-01-01 to today'),
    ("1988-01-01", "2992-12-31", "period",
     'column date_end, value "2992-12-31": outside the plausible range 1980-01-01 to today'),
    ("1988-02-01", "1992-12-31", "period",
     'column date_start, value "1988-02-01": '
     'the range 1988-02-01 to 1992-12-31 does not fit date_precision period'),
    ("1988-01-01", "1992-12-31", "year",
     'column date_start, value "1988-01-01": '
     'the range 1988-01-01 to 1992-12-31 does not fit date_precision year'),
    ("1988-01-01", "1988-01-31", "month",
     'column date_start, value "1988-01-01": the month January is not in date_text "1988-1992"'),
])
def test_implausible_or_misshapen_date_ranges(start, end, precision, message, data_copy, validate):
    path = data_copy / TERRITORIES
    rows = read_rows(path)
    header = rows[0]
    row = row_number(path, "nagorno-karabakh")
    for column, value in (("date_start", start), ("date_end", end), ("date_precision", precision)):
        rows[row - 1][header.index(column)] = value
    write_rows(path, rows)
    problems = validate(data_copy)[2][:-1]
    assert f"{path}, row {row}, {message}" in problems


def test_parts_exceeding_their_total(data_copy, validate):
    path = data_copy / FIGURES
    total_row = row_number(path, "narrative-killed")
    set_cell(path, total_row, "value", "200")
    problems = validate(data_copy)[2][:-1]
    parts = ", ".join(str(row_number(path, key)) for key in
                      ("narrative-killed-women", "narrative-killed-children", "narrative-killed-elderly"))
    assert f'{path}, row {total_row}, column value, value "200": its parts exceed it: ' \
           f"women 106 + children 63 + elderly 70 = 239 (rows {parts})" in problems


def test_part_measure_exceeding_its_total(data_copy, validate):
    path = data_copy / FIGURES
    cruelty = row_number(path, "narrative-killed-with-especial-cruelty")
    set_cell(path, cruelty, "value", "700")
    set_cell(path, cruelty, "source_quote", "Of those who perished, 56 persons … 613 persons were killed")
    total_row = row_number(path, "narrative-killed")
    problems = validate(data_copy)[2][:-1]
    assert f'{path}, row {total_row}, column value, value "613": its parts exceed it: ' \
           f"killed with especial cruelty 700 = 700 (rows {cruelty})" in problems


def test_duplicate_key(data_copy, validate):
    path = data_copy / TERRITORIES
    rows = read_rows(path)
    write_rows(path, [*rows, rows[1]])
    assert validate(data_copy)[2][:-1] == [
        f'{path}, row {len(rows) + 1}, column territory_id, value "nagorno-karabakh": duplicate key: the same as row 2']


def test_a_renamed_key_is_reported_by_every_table_that_cites_it_and_other_changes_recheck_one_table(
        data_copy, validate):
    """Foreign keys are checked against the key columns of the tables they point into: a changed key shows in
    every table citing the old one; a change elsewhere in a referenced table has that table checked again alone."""
    from karabakh_figures.data.schema_checks import _errors

    assert validate(data_copy)[0] == 0
    sources, cited = data_copy / "sources.csv", "justice-for-khojaly"
    row = row_number(sources, cited)
    checked_before = _errors.cache_info().misses
    set_cell(sources, row, "note", "Another note.")
    assert validate(data_copy)[0] == 0
    assert _errors.cache_info().misses == checked_before + 1, "only sources.csv is checked again"
    citing = []
    for path in sorted(data_copy.glob("*.csv")):
        header, *rows = read_rows(path)
        if path != sources and "source_id" in header:
            column = header.index("source_id")
            citing += [f'{path}, row {number}, column source_id, value "{cited}": not found in column source_id of '
                       "sources" for number, cells in enumerate(rows, start=2) if cells[column] == cited]
    set_cell(sources, row, "source_id", "renamed-source")
    errors = validate(data_copy)[2]
    assert {line.split(",")[0] for line in citing} == {str(data_copy / "campaign_events.csv"),
                                                       str(data_copy / "recognitions.csv")}
    assert sorted(line for line in errors if line in citing) == sorted(citing)


def test_ragged_and_blank_rows(data_copy, validate):
    path = data_copy / TERRITORIES
    rows = read_rows(path)
    write_rows(path, [*rows[:3], ["khankendi", "Khankendi"], *rows[3:]])
    with path.open("a", encoding="utf-8") as file:
        file.write("\n")
    assert validate(data_copy)[2][:-1] == [
        f'{path}, row 4, column -, value "khankendi,Khankendi": the row has 2 cells where the header names 14',
        f'{path}, row 12, column -, value "": the row is blank; delete it',
    ]


def test_header_missing_a_column(data_copy, validate):
    path = data_copy / TERRITORIES
    rows = read_rows(path)
    write_rows(path, [cells[:-1] for cells in rows])
    problems = validate(data_copy)[2][:-1]
    assert problems == [f'{path}, row 1, column source_quote, value "": column source_quote is missing from the header']


def test_header_with_a_misspelt_column(data_copy, validate):
    path = data_copy / TERRITORIES
    rows = read_rows(path)
    rows[0][rows[0].index("area_km2")] = "area"
    write_rows(path, rows)
    assert validate(data_copy)[2][:-1] == [
        f'{path}, row 1, column area_km2, value "area": the data package names this column area_km2 (renamed?)']


def test_excel_export_with_bom_and_crlf_loads_the_same(data_copy, validate):
    from karabakh_figures import load

    clean = load("recognitions", data_copy)
    path = data_copy / RECOGNITIONS
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert validate(data_copy)[0] == 0
    from pandas.testing import assert_frame_equal

    assert_frame_equal(load("recognitions", data_copy), clean)


def test_other_encoding_is_an_error_naming_row_and_column(data_copy, validate):
    path = data_copy / TERRITORIES
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("cp1252", errors="replace"))
    assert validate(data_copy)[2][:-1] == [
        # Laçın is the first name whose letters cp1252 can encode: its ç is byte e7.
        f'{path}, row 4, column name_az, value "bytes e7": the file is not UTF-8 '
        "(an Excel 'CSV UTF-8' export is fine); re-save it as UTF-8"]


def test_empty_file_and_header_only_file(data_copy, validate):
    (data_copy / TERRITORIES).write_text("", encoding="utf-8")
    header = read_rows(data_copy / RECOGNITIONS)[0]
    write_rows(data_copy / RECOGNITIONS, [header])
    problems = validate(data_copy)[2][:-1]
    assert f"{data_copy / TERRITORIES}, row -, column -, value \"\": the file is empty" in problems
    assert any(line.startswith(f"{data_copy / RECOGNITIONS}, row 1, column -, value \"recognition_id,")
               and line.endswith(": the table has a header but no data rows") for line in problems)


def test_missing_file(data_copy, validate):
    (data_copy / FIGURES).unlink()
    assert validate(data_copy)[2][:-1] == [f'{data_copy / FIGURES}, row -, column -, value "": the file is missing']


def test_changed_raw_source(data_copy, validate):
    raw = data_copy / "raw" / "the-occupation-in-figures.txt"
    raw.write_bytes(raw.read_bytes().replace(b"613 persons", b"631 persons"))
    digest = "sha256:" + hashlib.sha256(raw.read_bytes()).hexdigest()
    expected = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))["resources"][0]["hash"]
    assert validate(data_copy)[2][:-1] == [
        f'{raw}, row -, column -, value "{digest[:59]}…": the raw source differs from the copy described '
        f"in datapackage.json ({expected}); if the change is meant, record it: python -m karabakh_figures record "
        f"{raw}"]


def test_section_heading_on_the_wrong_line(data_copy, validate):
    path = data_copy / "sources.csv"
    row = row_number(path, "recognition-mexico")
    set_cell(path, row, "section_line", "52")
    problems = validate(data_copy)[2][:-1]
    assert problems[0] == (f'{path}, row {row}, column section_heading, value "Recognition of the Khojaly genocide by '
                           'Mexico": line 52 of raw/the-occupation-in-figures.txt reads ""')


def test_unreadable_descriptor_is_one_line_not_a_traceback(tmp_path, validate):
    code, out, err = validate(tmp_path)
    assert code == 1
    assert err[0].startswith(f"{tmp_path / 'datapackage.json'}, row -, column -, value \"\": cannot be read:")
    assert not any("Traceback" in line for line in err)




def test_an_act_dated_outside_the_years_covered(data_copy, validate):
    for column, value in (("date_start", "1987-04-30"), ("date_end", "1987-04-30"), ("date_text", "30 April 1987"),
                          ("source_quote", "1987")):
        where = break_cell(data_copy, "international_acts.csv", "unsc-822", column, value)
    errors = validate(data_copy)[2]
    assert f'{where}, column date_start, value "1987-04-30": outside the years this table covers, 1988 to 2024' \
        in errors


def test_a_recognition_sourced_outside_the_compilation_is_not_one_it_reports(data_copy, validate):
    where = break_cell(data_copy, RECOGNITIONS, "us-ma-house-2010", "source_id", "ctx-later-recognitions")
    assert (f'{where}, column source_id, value "ctx-later-recognitions": an act in recognitions.csv is one the '
            "compilation reports, so its source is a section of the compilation (kind 'compilation section'); an "
            "act reported elsewhere goes in later_recognitions.csv") in validate(data_copy)[2]


def test_a_figure_on_a_party_s_page_marked_outside(data_copy, validate):
    break_cell(data_copy, DISPLACED, "az-committee-idps", "issuer", "a page's editors")
    where = break_cell(data_copy, DISPLACED, "az-committee-idps", "side", "outside the parties")
    assert validate(data_copy)[2][:-1] == [
        f'{where}, column side, value "outside the parties": the page read, on qmkdk.gov.az, is run by a party '
        "(hosts.csv): give that party as the side, or say whose count it is in count_by"]


def test_a_place_the_quote_does_not_name_is_marked_inferred(data_copy, validate):
    where = break_cell(data_copy, DISPLACED, "idmc-2010", "inferred_fields", "")
    assert validate(data_copy)[2][:-1] == [
        f'{where}, column place_to, value "Azerbaijan": the quote does not name this place in these words: add the '
        "column to inferred_fields and say in note how the place is read"]


def test_a_displacement_range_that_runs_downwards(data_copy, validate):
    break_cell(data_copy, DISPLACED, "un-mission-2023-remaining", "low", "1000")
    where = break_cell(data_copy, DISPLACED, "un-mission-2023-remaining", "high", "50")
    assert validate(data_copy)[2][:-1] == [f'{where}, column high, value "50": less than low 1000']


def test_a_stock_without_its_date(data_copy, validate):
    for column, value in (("date_start", ""), ("date_end", ""), ("date_text", ""), ("date_precision", "unknown")):
        where = break_cell(data_copy, DISPLACED, "idmc-2010", column, value)
    assert validate(data_copy)[2][:-1] == [
        f'{where}, column date_precision, value "unknown": a stock counts people at a date: give it, or say in '
        "date_note why the source gives none"]


def test_a_displacement_figure_dated_outside_the_years_covered(data_copy, validate):
    for column, value in (("date_start", "1987-01-01"), ("date_text", "between 1987 and 1990"),
                          ("source_quote", "who had come from Armenia between 1987 and 1990")):
        where = break_cell(data_copy, DISPLACED, "deng-refugees-armenia", column, value)
    errors = validate(data_copy)[2]
    assert f'{where}, column date_start, value "1987-01-01": outside the years this table covers, 1988 to 2025' \
        in errors


def test_votes_that_add_to_more_than_the_body_has_members(data_copy, validate):
    where = break_cell(data_copy, "act_statements.csv", "unga-62-243-vote", "votes_abstaining", "160")
    assert (f'{where}, column votes_for, value "39": the counts add to 39 + 7 + 160 = 206, more than the UN '
            "General Assembly's 193 members") in validate(data_copy)[2]


def test_every_host_of_a_page_read_is_judged_once_in_the_hosts_table():
    hosts = [row[0] for row in read_rows(DATA / "hosts.csv")[1:]]
    assert len(hosts) == len(set(hosts))
    sources = read_rows(DATA / "sources.csv")
    header = sources[0]
    pages = [row[header.index("read_at_url")] or row[header.index("url")] for row in sources[1:]]
    read = {page_host(page) for page in pages if page}
    assert read == set(hosts), set(hosts) ^ read


def test_a_qualifier_the_quote_lacks_and_one_it_gives_dropped(data_copy, validate):
    added = break_cell(data_copy, DISPLACED, "deng-idps-1994", "qualifier", "about")
    dropped = break_cell(data_copy, DISPLACED, "pace-2021-armenians", "qualifier", "exact")
    errors = validate(data_copy)[2]
    assert (f'{added}, column qualifier, value "about": the quote has no word for this qualifier: code the figure '
            "as the source words it") in errors
    assert any(error.startswith(f'{dropped}, column qualifier, value "exact": the wording') for error in errors)


def test_a_figure_dated_by_the_host_page_of_a_copy(data_copy, validate):
    for column, value in (("date_end", "2024-03-31"), ("date_precision", "by"), ("date_text", "March 31, 2024")):
        where = break_cell(data_copy, DISPLACED, "rrp-2023-registered", column, value)
    assert (f'{where}, column date_text, value "March 31, 2024": the quote does not give this date and the '
            "source's date is its host page's (sources.csv): leave the row undated and give the host's date in "
            "date_note") in validate(data_copy)[2]
def test_a_quotation_mark_inside_a_quoted_cell_that_is_not_doubled(data_copy, validate):
    """The mark is not dropped silently, leaving a source's words unquoted in our voice: the file is refused."""
    path = data_copy / "caveats.csv"
    rows = read_rows(path)
    header = rows[0]
    text = path.read_text(encoding="utf-8")
    written = '"' + rows[2][header.index("caveat")].replace('"', '""') + '"'
    assert written in text
    path.write_text(text.replace(written, '"We say "their words" here."', 1), encoding="utf-8")
    problems = validate(data_copy)[2][:-1]
    assert problems == [f'{path}, row 3, column caveat, value ""We say "their words" here."": a quotation mark '
                        'inside a quoted cell is not doubled: write "" for each " inside a cell']


def test_a_later_act_dated_by_its_report_says_the_dates_are_inferred(data_copy, validate):
    path = data_copy / "later_recognitions.csv"
    rows = read_rows(path)
    header = rows[0]
    dated_by_report = [number for number, cells in enumerate(rows[1:], start=2)
                       if cells[header.index("date_text")]
                       and cells[header.index("date_text")] not in cells[header.index("source_quote")]]
    assert dated_by_report, "no later act is dated by its report: break one"
    row = dated_by_report[0]
    set_cell(path, row, "inferred_fields", "")
    text = rows[row - 1][header.index("date_text")]
    assert (f'{path}, row {row}, column inferred_fields, value "": date_text "{text}" is the report\'s date, not in '
            "the quote: the act's dates are inferred from it, so list date_start;date_end and say so in the note"
            ) in validate(data_copy)[2]
