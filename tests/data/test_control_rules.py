"""The rules a change of control must meet to be drawn: a whole territory's change stated as done (an army that
"entered" a region holds some of it, not all), and the "by" rule (a date the wording gives only as a latest one,
or only by the page's date, is a latest date). Each test plants one breach in a copy of the data."""

from conftest import break_cells

CHANGES = "control_changes.csv"


def test_a_region_entered_is_not_a_change_of_the_whole(data_copy, validate):
    where = break_cells(data_copy, CHANGES, "aghdam-2020", {"scope": "whole"})
    code, _, err = validate(data_copy)
    assert code == 1 and err[:-1] == [
        f'{where}, column change_as_stated, value "entered the Aghdam region": "entered" does not state a completed '
        "change of control, which scope whole needs"]


def test_a_date_the_quote_gives_as_a_latest_one_is_not_a_day(data_copy, validate):
    where = break_cells(data_copy, CHANGES, "zangilan-most-2020", {"date_precision": "day", "date_start": "2020-11-10"})
    code, _, err = validate(data_copy)
    assert code == 1 and err[:-1] == [
        f'{where}, column date_precision, value "day": the quote gives "stopped on November 10" as a latest date: '
        "date_precision must be by, with date_start empty"]


def test_a_page_date_is_not_the_day_of_what_the_page_reports(data_copy, validate):
    where = break_cells(data_copy, CHANGES, "zangilan-town-2020", {"date_precision": "day", "date_start": "2020-10-21"})
    code, _, err = validate(data_copy)
    assert code == 1 and err[:-1] == [
        f'{where}, column date_precision, value "day": date_text "21 Oct 2020" is not in the quote but the page\'s '
        "date, which gives only a latest date: date_precision must be by, unless inferred_fields lists date_start "
        "and the note says how the quote gives the earliest"]


def test_a_page_date_with_the_earliest_date_explained_passes(data_copy, validate):
    break_cells(data_copy, CHANGES, "zangilan-town-2020", {"date_precision": "day", "date_start": "2020-10-21",
                                              "inferred_fields": "date_start", "note": "planted: 'today'"})
    assert validate(data_copy)[0] == 0


def test_to_whom_control_passed_stands_in_the_quote(data_copy, validate):
    where = break_cells(data_copy, CHANGES, "lachin-district-2020", {"control_to_as_stated": "Azerbaijani forces"})
    code, _, err = validate(data_copy)
    assert code == 1 and err[:-1] == [
        f'{where}, column control_to_as_stated, value "Azerbaijani forces": not stated in source_quote']


def test_a_weekday_as_written_is_the_day_it_dates(data_copy, validate):
    where = break_cells(data_copy, CHANGES, "zangilan-rest-2020",
                        {"date_start": "2020-12-18", "date_end": "2020-12-18"})
    code, _, err = validate(data_copy)
    assert code == 1 and err[:-1] == [
        f'{where}, column date_start, value "2020-12-18": not a Thursday, as date_text "on Thursday" says']


def test_a_change_is_not_quoted_from_a_summary_file(data_copy, validate):
    """citations.md's table quotes phrases of pages it did not reproduce: a change drawn on the map quotes a page
    that a reference file reproduces, whatever the rule for summary files."""
    quote = "Units of the Azerbaijan Army entered the Aghdam region on November 20"
    where = break_cells(data_copy, CHANGES, "aghdam-2020", {"source_id": "ctx-aghdam-handover", "source_quote": quote})
    code, _, err = validate(data_copy)
    assert code == 1 and err[:-1] == [
        f'{where}, column source_quote, value "{quote[:59]}…": not inside a quotation of a page in the raw files of '
        "source ctx-aghdam-handover other than the summary files (raw/citations.md, raw/context-facts.md)"]
