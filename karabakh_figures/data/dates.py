"""Dates that fit their wording: a precision whose range has the right shape, the date as written naming the
same day, month or year, and no date before 1980 or after today."""

import calendar
import re
from datetime import date, datetime

from dateutil import parser as date_parser

from .problems import Problem
from .reading import Table

EARLIEST_PLAUSIBLE = date(1980, 1, 1)
#: The precision of a date the wording gives only as a latest day ("by October 19").
LATEST_ONLY = "by"
#: (earliest, latest) date columns of each table that dates its rows.
DATE_RANGES = {
    "territories": ("date_start", "date_end"),
    "recognitions": ("date_start", "date_end"),
    "campaign_events": ("date_start", "date_end"),
    "control_changes": ("date_start", "date_end"),
    "later_recognitions": ("date_start", "date_end"),
    "international_acts": ("date_start", "date_end"),
    "reported_captures": ("date_start", "date_end"),
    "positions": ("date_start", "date_end"),
    "displacement_figures": ("date_start", "date_end"),
}
#: Tables whose rows must fall within narrower years than the plausible range: (first day, last day).
COVERED_YEARS = {"international_acts": (date(1988, 1, 1), date(2024, 12, 31)),
                 "displacement_figures": (date(1988, 1, 1), date(2025, 12, 31))}


def check_dates(table: Table, start_column: str, end_column: str, today: date,
                covered: tuple[date, date] | None = None) -> list[Problem]:
    """Each row's dates fit their precision and wording, and fall between 1980 and today, or within `covered`."""
    problems = []
    for row, record in table.records():
        problems.extend(Problem(str(table.path), row, column, value, message)
                        for column, value, message in _date_faults(record, start_column, end_column, today, covered))
    return problems


def _date_faults(record: dict, start_column: str, end_column: str, today: date, covered: tuple[date, date] | None):
    precision, text = record.get("date_precision", ""), record.get("date_text", "")
    start, end = _iso_date(record.get(start_column, "")), _iso_date(record.get(end_column, ""))
    if precision == "unknown":
        for column in (start_column, end_column, "date_text"):
            if record.get(column):
                yield column, record[column], "must be empty when date_precision is unknown"
        return
    if not precision:
        return
    if precision == LATEST_ONLY:
        # "by October 19": the wording gives a latest date and no earliest; the range is open at its start.
        if record.get(start_column):
            yield start_column, record[start_column], f"must be empty when date_precision is {LATEST_ONLY}"
        start = end
    for column, value in ((start_column, start), (end_column, end)):
        if value is None and not record.get(column):
            yield column, "", f"a date is required when date_precision is {precision}"
    if not text:
        yield "date_text", "", f"the date as written is required when date_precision is {precision}"
    if start is None or end is None:
        return
    if start > end:
        yield end_column, end.isoformat(), f"before {start_column} {start.isoformat()}"
    for column, value in ((start_column, start), (end_column, end)):
        if not EARLIEST_PLAUSIBLE <= value <= today:
            yield column, value.isoformat(), f"outside the plausible range {EARLIEST_PLAUSIBLE.isoformat()} to today"
        elif covered and not covered[0] <= value <= covered[1]:
            first, last = covered
            yield column, value.isoformat(), f"outside the years this table covers, {first.year} to {last.year}"
    shape = _precision_fault(precision, start, end)
    if shape:
        yield start_column, start.isoformat(), shape
    if text:
        yield from _text_faults(record, text, precision, start, end, start_column, end_column)


def _iso_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _precision_fault(precision: str, start: date, end: date) -> str | None:
    last_of_month = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    expected = {
        "day": start == end,
        LATEST_ONLY: start == end,
        "days": start < end and (end - start).days <= 31,
        "month": start.day == 1 and end == last_of_month,
        "season": start.year == end.year and (end - start).days <= 122,
        "year": (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year,
        "period": (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year < end.year,
    }
    if expected.get(precision, True):
        return None
    return f"the range {start.isoformat()} to {end.isoformat()} does not fit date_precision {precision}"


def _weekday_only(text: str) -> int | None:
    """The weekday a date_text names when it names no day of a month ("on Thursday", "Sunday"), else None."""
    if re.search(r"\d", text) or any(re.search(rf"\b{month}\b", text, re.IGNORECASE)
                                     for month in calendar.month_name[1:]):
        return None
    named = [day for day, name in enumerate(calendar.day_name) if re.search(rf"\b{name}\b", text, re.IGNORECASE)]
    return named[0] if len(named) == 1 else None


def _text_faults(record: dict, text: str, precision: str, start: date, end: date, start_column: str,
                 end_column: str):
    inferred = record.get("inferred_fields", "").split(";")
    if not {start_column, end_column} & set(inferred):
        for year in sorted({start.year, end.year}):
            if str(year) not in text:
                yield start_column, start.isoformat(), f'the year {year} is not in date_text "{text}"'
    weekday = _weekday_only(text)
    if precision in ("day", LATEST_ONLY) and weekday is not None:
        # "on Thursday", "Sunday": the weekday is all the words give; the day is the page's (note), on that weekday.
        if start.weekday() != weekday:
            yield start_column, start.isoformat(), f'not a {calendar.day_name[weekday]}, as date_text "{text}" says'
    elif precision in ("day", LATEST_ONLY):
        try:
            written = date_parser.parse(text, fuzzy=True, default=datetime(start.year, 1, 1)).date()
        except (ValueError, OverflowError):
            yield "date_text", text, "no date can be read here"
            return
        if written != start:
            yield start_column, start.isoformat(), f'date_text "{text}" reads as {written.isoformat()}'
    month, abbreviation = calendar.month_name[start.month], calendar.month_abbr[start.month]
    # A month the row infers (from a report's title, say) is not in the quote's words, as an inferred year is not.
    if (precision == "month" and not {start_column, end_column} & set(inferred)
            and not re.search(rf"\b({month}|{abbreviation})\b", text, re.IGNORECASE)):
        yield start_column, start.isoformat(), f'the month {month} is not in date_text "{text}"'
