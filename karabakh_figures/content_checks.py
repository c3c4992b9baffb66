"""Checks beyond the schema: quotes verbatim in the raw source, dates that fit their wording, parts within totals."""

import calendar
import re
from datetime import date, datetime

from dateutil import parser as date_parser

from .problems import Problem
from .reading import Table

QUOTE_SEPARATOR = " … "
RAW_FILE_SEPARATOR = ";"
EARLIEST_PLAUSIBLE = date(1980, 1, 1)

#: (earliest, latest) date columns of each table that dates its rows.
DATE_RANGES = {
    "territories": ("occupied_start", "occupied_end"),
    "recognitions": ("date_start", "date_end"),
    "campaign_events": ("date_start", "date_end"),
    "control_changes": ("date_start", "date_end"),
    "later_recognitions": ("date_start", "date_end"),
}
#: Columns whose value (each item, for a semicolon-separated list) must stand in the row's quote,
#: so that no figure is typed that the source does not state.
STATED_IN_QUOTE = {
    "territories": ["name", "date_text", "area_km2"],
    "khojaly_figures": ["value"],
    "area_figures": ["value"],
    "recognitions": ["date_text", "terms", "un_resolutions_cited"],
    "campaign_events": ["date_text"],
    "control_changes": ["date_text"],
    "death_toll_estimates": ["low", "high", "wording"],
    "later_recognitions": ["date_text", "instrument"],
}
#: Free-text columns whose every number must stand in the row's quote.
NUMBERS_STATED_IN_QUOTE = {"caveats": ["caveat"], "control_changes": ["caveat"]}
_NUMBER = r"\d+(?:[.,]\d+)*"
#: Groups that are parts of the group "all" of the same measure and source.
PART_GROUPS = ("women", "children", "elderly")
#: Measures that count a part of another measure of the same source.
PART_MEASURES = {"killed with especial cruelty": "killed"}

_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                 "sixteen seventeen eighteen nineteen twenty").split()


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def source_sections(raw_texts: dict[str, str | None], sources: Table) -> tuple[dict[str, str | None], list[Problem]]:
    """The text in which each source's quotes must stand, by source_id.

    `raw_texts` maps each raw file of the data package to its text, or to None where the file could not be
    used (that is reported on its own). A compilation section is cut from its raw file at the heading line
    sources.csv names and runs to the next section's heading; an outside source's quotes may stand anywhere
    in its raw files (the references that quote it, separated by ";": a quote's passages are found in the
    files' order). None: the quotes of that source cannot be checked.
    """
    sections, problems, starts = {}, [], {}
    for row, record in sources.records():
        source_id, raw_file = record["source_id"], record.get("raw_file", "")
        unknown = [name for name in raw_file.split(RAW_FILE_SEPARATOR) if name not in raw_texts]
        if unknown:
            if raw_file:
                problems.append(Problem(str(sources.path), row, "raw_file", unknown[0],
                                        "not a raw text described in datapackage.json"))
            continue
        texts = [raw_texts[name] for name in raw_file.split(RAW_FILE_SEPARATOR)]
        heading, line = record.get("section_heading", ""), record.get("section_line", "")
        if None in texts or not (heading or line):
            sections[source_id] = None if None in texts else normalise_space("\n".join(texts))
            continue
        if len(texts) > 1:
            problems.append(Problem(str(sources.path), row, "raw_file", raw_file,
                                    "a section of the compilation stands in one raw text"))
            continue
        text = texts[0]
        lines = text.splitlines()
        if not line.isdigit() or not 1 <= int(line) <= len(lines):
            problems.append(Problem(str(sources.path), row, "section_line", line,
                                    f"not a line of {raw_file} (it has {len(lines)} lines)"))
        elif lines[int(line) - 1].strip() != heading:
            problems.append(Problem(str(sources.path), row, "section_heading", heading,
                                    f'line {line} of {raw_file} reads "{lines[int(line) - 1].strip()}"'))
        else:
            starts.setdefault(raw_file, []).append((int(line), source_id))
    for raw_file, file_starts in starts.items():
        lines = raw_texts[raw_file].splitlines()
        file_starts.sort()
        for (start, source_id), (end, _) in zip(file_starts, [*file_starts[1:], (len(lines) + 1, None)]):
            sections[source_id] = normalise_space("\n".join(lines[start - 1 : end - 1]))
    return sections, problems


def check_quotes(table: Table, sections: dict[str, str | None]) -> list[Problem]:
    problems = []
    for row, record in table.records():
        source_id, quote = record.get("source_id", ""), record.get("source_quote", "")
        if sections.get(source_id) is None or not quote:
            continue  # an unknown source, an unusable raw file or a missing quote is reported on its own
        missing = _first_passage_not_found(quote, sections[source_id])
        if missing is not None:
            problems.append(Problem(str(table.path), row, "source_quote", missing,
                                    f"not found verbatim in the text of source {source_id}"))
    return problems


def _first_passage_not_found(quote: str, section: str) -> str | None:
    position = 0
    for passage in quote.split(QUOTE_SEPARATOR):
        found = section.find(normalise_space(passage), position)
        if found < 0:
            return passage
        position = found + len(normalise_space(passage))
    return None


def check_stated_in_quote(table: Table, columns: list[str], number_columns: list[str]) -> list[Problem]:
    """Each item of `columns` (semicolon-separated), and each number written in `number_columns`, must stand
    in the row's quote."""
    problems = []
    for row, record in table.records():
        quote = normalise_space(record.get("source_quote", "")).lower()
        items = [(column, item) for column in columns for item in record.get(column, "").split(";")]
        items += [(column, number) for column in number_columns for number in re.findall(_NUMBER, record[column])]
        problems.extend(Problem(str(table.path), row, column, item, "not stated in source_quote")
                        for column, item in items if item and not _stated(item, quote))
    return problems


def _stated(item: str, quote: str) -> bool:
    if re.fullmatch(_NUMBER, item):
        return any(re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", quote) for form in _number_forms(item))
    return normalise_space(item).lower() in quote


def _is_number(cell: str) -> bool:
    """A cell as the schema's number type writes it (a cell that is not one is a schema problem)."""
    return re.fullmatch(r"\d+(\.\d+)?", cell) is not None


def _number_forms(cell: str) -> set[str]:
    forms = {cell}
    if re.fullmatch(r"\d+", cell):
        number = int(cell)
        forms.add(f"{number:,}")
        if number < len(_NUMBER_WORDS):
            forms.add(_NUMBER_WORDS[number])
        if number >= 1000 and number % 1000 == 0:
            forms.add(f"{number // 1000} thousand")
    return forms


def check_dates(table: Table, start_column: str, end_column: str, today: date) -> list[Problem]:
    problems = []
    for row, record in table.records():
        problems.extend(Problem(str(table.path), row, column, value, message)
                        for column, value, message in _date_faults(record, start_column, end_column, today))
    return problems


def _date_faults(record: dict, start_column: str, end_column: str, today: date):
    precision, text = record.get("date_precision", ""), record.get("date_text", "")
    start, end = _iso_date(record.get(start_column, "")), _iso_date(record.get(end_column, ""))
    if precision == "unknown":
        for column in (start_column, end_column, "date_text"):
            if record.get(column):
                yield column, record[column], "must be empty when date_precision is unknown"
        return
    if not precision:
        return
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
    shape = _precision_fault(precision, start, end)
    if shape:
        yield start_column, start.isoformat(), shape
    if text:
        yield from _text_faults(record, text, precision, start, end, start_column)


def _iso_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _precision_fault(precision: str, start: date, end: date) -> str | None:
    last_of_month = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    expected = {
        "day": start == end,
        "days": start < end and (end - start).days <= 31,
        "month": start.day == 1 and end == last_of_month,
        "season": start.year == end.year and (end - start).days <= 122,
        "year": (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year,
        "period": (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year < end.year,
    }
    if expected.get(precision, True):
        return None
    return f"the range {start.isoformat()} to {end.isoformat()} does not fit date_precision {precision}"


def _text_faults(record: dict, text: str, precision: str, start: date, end: date, start_column: str):
    inferred = record.get("inferred_fields", "").split(";")
    if start_column not in inferred:
        for year in sorted({start.year, end.year}):
            if str(year) not in text:
                yield start_column, start.isoformat(), f'the year {year} is not in date_text "{text}"'
    if precision == "day":
        try:
            written = date_parser.parse(text, fuzzy=True, default=datetime(start.year, 1, 1)).date()
        except (ValueError, OverflowError):
            yield "date_text", text, "no date can be read here"
            return
        if written != start:
            yield start_column, start.isoformat(), f'date_text "{text}" reads as {written.isoformat()}'
    month, abbreviation = calendar.month_name[start.month], calendar.month_abbr[start.month]
    if precision == "month" and not re.search(rf"\b({month}|{abbreviation})\b", text, re.IGNORECASE):
        yield start_column, start.isoformat(), f'the month {month} is not in date_text "{text}"'


def check_inferred_fields(table: Table) -> list[Problem]:
    problems = []
    for row, record in table.records():
        for name in filter(None, record.get("inferred_fields", "").split(";")):
            if name not in table.header:
                problems.append(Problem(str(table.path), row, "inferred_fields", name, "not a column of this table"))
        if record.get("inferred_fields") and not record.get("note"):
            problems.append(Problem(str(table.path), row, "note", "",
                                    "a note must explain the values recorded by implication"))
    return problems


def check_parts_within_totals(figures: Table) -> list[Problem]:
    """Within one source, parts of a count (by group, or a sub-measure) may not exceed its exact total."""
    valued = [(row, record, float(record["value"])) for row, record in figures.records()
              if _is_number(record.get("value", ""))]
    problems = []
    for row, total, total_value in valued:
        if total.get("group") != "all" or total.get("qualifier") != "exact":
            continue
        same_count = [(r, rec, v) for r, rec, v in valued if rec.get("source_id") == total.get("source_id")]
        by_group = [(r, rec, v) for r, rec, v in same_count
                    if rec.get("measure") == total.get("measure") and rec.get("group") in PART_GROUPS]
        by_measure = [(r, rec, v) for r, rec, v in same_count
                      if PART_MEASURES.get(rec.get("measure")) == total.get("measure") and rec.get("group") == "all"]
        for parts, label in ((by_group, "group"), (by_measure, "measure")):
            parts_sum = sum(v for _, _, v in parts)
            if parts and parts_sum > total_value:
                arithmetic = " + ".join(f"{rec[label]} {v:g}" for _, rec, v in parts)
                rows = ", ".join(str(r) for r, _, _ in parts)
                problems.append(Problem(str(figures.path), row, "value", total["value"],
                                        f"its parts exceed it: {arithmetic} = {parts_sum:g} (rows {rows})"))
    return problems


def check_row_references(table: Table, tables: dict[str, Table], keys: dict[str, str]) -> list[Problem]:
    """`row_id` names a row of the table in `table` (by its primary key)."""
    problems = []
    for row, record in table.records():
        target = tables.get(record.get("table", ""))
        if target is None:
            continue  # an unknown table is a schema problem; an unreadable one is reported on its own
        ids = {other[keys[record["table"]]] for _, other in target.records()}
        if record.get("row_id") not in ids:
            problems.append(Problem(str(table.path), row, "row_id", record.get("row_id", ""),
                                    f"not a {keys[record['table']]} in {target.path.name}"))
    return problems


def check_ranges(table: Table, low_column: str, high_column: str) -> list[Problem]:
    """A stated range runs upwards."""
    problems = []
    for row, record in table.records():
        low, high = record.get(low_column, ""), record.get(high_column, "")
        if _is_number(low) and _is_number(high) and float(high) < float(low):
            problems.append(Problem(str(table.path), row, high_column, high, f"less than {low_column} {low}"))
    return problems


def check_admission(table: Table) -> list[Problem]:
    """A later act is admitted to the timeline exactly when its body, date and instrument are all named and
    it is reported adopted: an act deferred in committee, or never confirmed adopted, is no recognition."""
    problems = []
    for row, record in table.records():
        named = all(record.get(column) for column in ("body", "date_text", "instrument"))
        adopted = record.get("outcome") == "reported as adopted"
        if record.get("admitted") in ("true", "false") and (record["admitted"] == "true") != (named and adopted):
            problems.append(Problem(str(table.path), row, "admitted", record["admitted"],
                                    "must be true exactly when body, date_text and instrument are all given "
                                    "and the outcome is 'reported as adopted'"))
    return problems


#: How each outside source was read (sources.csv, column status), and the addresses that each requires.
ADDRESS_RULES = {
    "original": "the original's own page, in url",
    "second-hand": "the page it was read on, in read_at_url (and the original's, in url, where one was read)",
    "original not found": "the page it was read on, in read_at_url; url stays empty",
    "address not recorded": "no address at all; the note says why",
}


def check_source_addresses(sources: Table) -> list[Problem]:
    """Every outside source can be followed to a page, or says outright that no address was recorded; a
    section of the compilation is the raw text itself and has no address."""
    problems = []
    for row, record in sources.records():
        problems.extend(Problem(str(sources.path), row, column, record.get(column, ""), message)
                        for column, message in _address_faults(record))
    return problems


def _address_faults(record: dict):
    status, url, read_at = record.get("status", ""), record.get("url", ""), record.get("read_at_url", "")
    given = [column for column, address in (("url", url), ("read_at_url", read_at)) if address]
    if record.get("kind") == "compilation section":
        if status != "compilation":
            yield "status", "a section of the compilation has status compilation"
        yield from ((column, "a section of the compilation is read in its raw text: no address") for column in given)
        return
    if status == "compilation":
        yield "status", "only a section of the compilation has status compilation"
    elif status == "original" and not url:
        yield "url", f"an original needs its full address ({ADDRESS_RULES[status]})"
    elif status == "original" and read_at:
        yield "read_at_url", "an original is read on its own page: a source read elsewhere is second-hand"
    elif status in ("second-hand", "original not found") and not read_at:
        yield "read_at_url", f"a {status} source needs {ADDRESS_RULES[status]}"
    elif status == "original not found" and url:
        yield "url", "the original was not found: the page read goes in read_at_url"
    elif status == "address not recorded":
        yield from ((column, "an address is given, so status must say how the source was read") for column in given)
        if not record.get("note"):
            yield "note", "a source without an address must say why in its note"


#: The map file whose features territory_districts.csv names (a path in the data package).
DISTRICTS_FILE = "geo/azerbaijan-districts.geojson"


def check_district_join(join: Table, territories: Table | None, features: dict[str, str]) -> list[Problem]:
    """Every row names a feature of the districts file, by name and matching id, and every territory is drawn
    by at least one feature."""
    problems = []
    for row, record in join.records():
        name, shape_id = record.get("shape_name", ""), record.get("shape_id", "")
        if name not in features:
            problems.append(Problem(str(join.path), row, "shape_name", name, f"not a shapeName in {DISTRICTS_FILE}"))
        elif shape_id != features[name]:
            problems.append(Problem(str(join.path), row, "shape_id", shape_id,
                                    f"the shapeID of {name} in {DISTRICTS_FILE} is {features[name]}"))
    drawn = {record.get("territory_id") for _, record in join.records()}
    for row, record in (territories.records() if territories is not None else []):
        if record.get("territory_id") not in drawn:
            problems.append(Problem(str(territories.path), row, "territory_id", record.get("territory_id", ""),
                                    f"no feature in {join.path.name} draws this territory"))
    return problems
