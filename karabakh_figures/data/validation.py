"""Validate the whole data package: every file readable, the raw files as described, the schema, and the content
checks (quotes, dates, addresses, consistency), every problem collected in file order."""

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import consistency, dates, displacement, gazetteer, quotes, whole_words
from .addresses import check_source_addresses
from .codes import check_codes
from .descriptor import read_descriptor, tables_in
from .descriptor_checks import check_descriptor
from .paths import DESCRIPTOR
from .problems import Problem
from .reading import Table, read_table


@dataclass
class CheckedData:
    descriptor: dict
    tables: dict[str, Table] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: The text each source's quotes are checked in, white space folded; None where it could not be read.
    sections: dict[str, str | None] = field(default_factory=dict)


def check(data_dir: Path, today: date | None = None) -> CheckedData:
    """Read every file of the data package in `data_dir` and collect every problem, in file order."""
    # Imported here, not with the module: reading a version that passed needs CheckedData, never Frictionless.
    from .schema_checks import check_schemas

    data_dir = Path(data_dir)
    try:
        descriptor = read_descriptor(data_dir)
    except (OSError, ValueError) as error:
        unreadable = Problem(str(data_dir / DESCRIPTOR), getattr(error, "lineno", None), None, "",
                             f"cannot be read: {error}")
        return CheckedData({}, problems=[unreadable])
    # The descriptor says what to read and how: a mistake in it is reported alone, before any table is read.
    descriptor_problems = check_descriptor(data_dir, descriptor)
    if descriptor_problems:
        return CheckedData(descriptor if isinstance(descriptor, dict) else {}, problems=descriptor_problems)
    checked = CheckedData(descriptor)
    raw_texts = {}
    for resource in descriptor["resources"]:
        path = data_dir / resource["path"]
        if "schema" not in resource:
            # A file that is missing or changed stays in raw_texts as None: its quotes (or, for a map, the
            # names joined to it) cannot be checked.
            raw_problems = _raw_file_problems(path, resource)
            checked.problems.extend(raw_problems)
            raw_texts[resource["path"]] = None if raw_problems else path.read_text(encoding="utf-8")
        elif not path.is_file():
            checked.problems.append(_missing(path))
        else:
            table, problems = read_table(path)
            checked.problems.extend(problems)
            if table is not None:
                checked.tables[resource["name"]] = table
    schema_problems, bad_headers = check_schemas(descriptor, checked.tables)
    checked.problems.extend(schema_problems)
    usable = {name: table for name, table in checked.tables.items() if name not in bad_headers}
    if "sources" in usable:
        checked.sections, section_problems = quotes.source_sections(raw_texts, usable["sources"])
        checked.problems.extend(section_problems)
        address_problems = check_source_addresses(usable["sources"])
        checked.problems.extend(address_problems)
    keys = {name: resource["schema"]["primaryKey"][0] for name, resource in tables_in(descriptor).items()}
    # A cell that breaks the schema is reported once, as that: the content checks would only repeat it.
    broken = {(problem.file, problem.row, problem.column) for problem in schema_problems if problem.column}
    corrections = quotes.reference_corrections(raw_texts, usable["sources"]) if "sources" in usable else {}
    content = _content_problems(usable, checked.sections, keys, today or date.today(), corrections)
    if "sources" in usable and "recognitions" in usable:
        content.extend(consistency.check_reported_in_compilation(usable["recognitions"], usable["sources"]))
    if "hosts" in usable:
        content.extend(consistency.check_host_labels(usable["hosts"]))
    if "sources" in usable and "hosts" in usable:
        content.extend(consistency.check_party_links(usable["sources"], usable["hosts"],
                                                     {problem.row for problem in address_problems}))
        if "displacement_figures" in usable:
            content.extend(displacement.check_sides(usable["displacement_figures"], usable["sources"], usable["hosts"]))
    if "sources" in usable:
        content.extend(whole_words.check_read_with(usable, usable["sources"], raw_texts))
    checked.problems.extend(problem for problem in content if (problem.file, problem.row, problem.column) not in broken)
    checked.problems.extend(consistency.district_join_problems(usable, raw_texts))
    if "sources" in usable:
        checked.problems.extend(problem for name in consistency.PAGE_QUOTED_TABLES if name in usable
                                for problem in consistency.check_quotes_outside_summaries(
                                    usable[name], usable["sources"], raw_texts, checked.sections))
    checked.problems.extend(gazetteer.place_name_problems(usable, raw_texts))
    files = [str(data_dir / resource["path"]) for resource in descriptor["resources"]]
    checked.problems.sort(key=lambda problem: (files.index(problem.file) if problem.file in files else -1,
                                               problem.row or 0))
    return checked


def _missing(path: Path) -> Problem:
    return Problem(str(path), None, None, "", "the file is missing")


def _raw_file_problems(path: Path, resource: dict) -> list[Problem]:
    if not path.is_file():
        return [_missing(path)]
    digest = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != resource.get("hash"):
        kind = "map file" if resource.get("format") == "geojson" else "raw source"
        return [Problem(str(path), None, None, digest,
                        f"the {kind} differs from the copy described in {DESCRIPTOR} ({resource.get('hash')}); if "
                        f"the change is meant, record it: python -m karabakh_figures record {path}")]
    return []


def _content_problems(tables: dict[str, Table], sections: dict[str, str | None], keys: dict[str, str],
                      today: date, corrections: dict[str, dict[str, str]]) -> list[Problem]:
    problems = []
    page_dates = ({record["source_id"]: record.get("date", "") for _, record in tables["sources"].records()}
                  if "sources" in tables else {})
    headings = ({record["source_id"]: record.get("section_heading", "") for _, record in tables["sources"].records()}
                if "sources" in tables else {})
    for name, table in tables.items():
        if name == "sources":
            continue
        problems.extend(quotes.check_quotes(table, sections))
        stated = quotes.STATED_IN_QUOTE.get(name, [])
        if "sources" not in tables:  # a date_text may name its page's date, unknown until sources.csv can be read
            stated = [column for column in stated if column != "date_text"]
        problems.extend(quotes.check_stated_in_quote(
            table, stated, quotes.NUMBERS_STATED_IN_QUOTE.get(name, []), page_dates, corrections))
        if name in dates.DATE_RANGES:
            problems.extend(dates.check_dates(table, *dates.DATE_RANGES[name], today, dates.COVERED_YEARS.get(name)))
        problems.extend(consistency.check_inferred_fields(table))
        problems.extend(check_codes(table))
    if "death_toll_estimates" in tables:
        problems.extend(consistency.check_ranges(tables["death_toll_estimates"], "low", "high"))
    if "later_recognitions" in tables:
        problems.extend(consistency.check_admission(tables["later_recognitions"]))
        problems.extend(quotes.check_report_dates(tables["later_recognitions"]))
    if "caveats" in tables:
        problems.extend(consistency.check_row_references(tables["caveats"], tables, keys))
    if "khojaly_figures" in tables:
        problems.extend(consistency.check_parts_within_totals(tables["khojaly_figures"]))
    if "international_acts" in tables:
        problems.extend(consistency.check_symbol_years(tables["international_acts"]))
        if "act_statements" in tables:
            problems.extend(consistency.check_votes(tables["act_statements"], tables["international_acts"]))
    if "act_statements" in tables:
        problems.extend(consistency.check_unjoined_names(tables["act_statements"]))
    if "positions" in tables:
        problems.extend(consistency.check_undated_reasons(tables["positions"]))
        problems.extend(whole_words.check_own_words(tables["positions"]))
        problems.extend(whole_words.check_whole_passages(tables["positions"], "statement", sections, headings))
    if "act_statements" in tables:
        problems.extend(whole_words.check_whole_passages(tables["act_statements"], "source_quote", sections, headings))
    if "control_changes" in tables:
        problems.extend(consistency.check_completed_changes(tables["control_changes"]))
        problems.extend(consistency.check_latest_dates(tables["control_changes"]))
    if "displacement_figures" in tables:
        figures = tables["displacement_figures"]
        problems.extend(consistency.check_ranges(figures, "low", "high"))
        problems.extend(displacement.check_measure_dates(figures))
        problems.extend(displacement.check_places(figures))
        problems.extend(displacement.check_qualifiers(figures))
        if "sources" in tables:
            problems.extend(displacement.check_host_dates(figures, tables["sources"]))
        if "displacement_gaps" in tables:
            problems.extend(displacement.check_gap_figures(tables["displacement_gaps"], figures))

    return problems
