"""How a number or a date of the data is written, in every table, chart, arithmetic line and page: '14,393',
'1,254 to 1,256', '8 May 1992', '19–20 September 2023'. Plain text, so that no output shows a numpy repr."""

import pandas as pd

from .names import checked_frames


def formatted(number: float, decimals: int = 0) -> str:
    """1234.5 -> '1,234' (or '1,234.5' with decimals=1)."""
    return f"{number:,.{decimals}f}"


def span(low: float, high: float) -> str:
    """'1,254' or '1,254 to 1,256', with a decimal only where the figures have one."""
    decimals = 0 if float(low).is_integer() and float(high).is_integer() else 1
    return formatted(low, decimals) if low == high else f"{formatted(low, decimals)} to {formatted(high, decimals)}"


def written_date(day) -> str:
    """A day written out: '8 May 1992'."""
    return f"{day.day} {day:%B %Y}"


def date_label(start, end, precision: str) -> str:
    """A date as precisely as the source gives it: '8 May 1992', '19–20 September 2023', 'May 2009', '2011',
    '1988–1992', 'by 19 October 2020' (a latest date only)."""
    if precision == "by":
        return f"by {written_date(end)}"
    if precision == "unknown" or pd.isna(start):
        return "no date given"
    if precision == "day" and start == end:
        return written_date(start)
    if precision in ("day", "days"):  # a span of days, however its precision was given
        first = f"{start.day}" if (start.year, start.month) == (end.year, end.month) else f"{start.day} {start:%B}"
        return f"{first}–{written_date(end)}"
    if precision == "month":
        return f"{start:%B %Y}"
    if precision == "season":
        return f"{start:%b}–{end:%b %Y}"
    if precision == "year":
        return f"{start.year}"
    return f"{start.year}–{end.year}"


@checked_frames
def date_labels(table: pd.DataFrame, start: str = "date_start", end: str = "date_end") -> list[str]:
    """date_label for every row of a table that dates its rows (date_precision and the two date columns)."""
    return [date_label(s, e, p) for s, e, p in zip(table[start], table[end], table["date_precision"])]
