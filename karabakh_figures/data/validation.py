"""Validate the whole data package: every file readable, the raw files as described, the schema, and the content
checks (quotes, dates, addresses, consistency), every problem collected in file order."""

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import consistency, dates, displacement, quotes
from .addresses import check_source_addresses
from .codes import check_codes
from .descriptor import read_descriptor, tables_in
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
        unreadable = Problem(str(data_dir / DESCRIPTOR), None, None, "", f"cannot be read: {error}")
        return CheckedData({}, problems=[unreadable])
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
    content = _content_problems(usable, checked.sections, keys, today or date.today())
    if "sources" in usable and "recognitions" in usable:
        content.extend(consistency.check_reported_in_compilation(usable["recognitions"], usable["sources"]))
    if "sources" in usable and "hosts" in usable:
        content.extend(consistency.check_party_links(usable["sources"], usable["hosts"],
                                                     {problem.row for problem in address_problems}))
        if "displacement_figures" in usable:
            content.extend(displacement.check_sides(usable["displacement_figures"], usable["sources"], usable["hosts"]))
    citations, summaries = raw_texts.get(quotes.CITATIONS_FILE), raw_texts.get(quotes.SUMMARIES_FILE)
    if citations and summaries:
        words = quotes.page_words(citations)
        content.extend(problem for name, table in usable.items() if name != "sources"
                       for problem in quotes.check_page_words(table, words, summaries))
    checked.problems.extend(problem for problem in content if (problem.file, problem.row, problem.column) not in broken)
    checked.problems.extend(consistency.district_join_problems(usable, raw_texts))
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
                      today: date) -> list[Problem]:
    problems = []
    page_dates = ({record["source_id"]: record.get("date", "") for _, record in tables["sources"].records()}
                  if "sources" in tables else {})
    for name, table in tables.items():
        if name == "sources":
            continue
        problems.extend(quotes.check_quotes(table, sections))
        problems.extend(quotes.check_stated_in_quote(
            table, quotes.STATED_IN_QUOTE.get(name, []), quotes.NUMBERS_STATED_IN_QUOTE.get(name, []), page_dates))
        if name in dates.DATE_RANGES:
            problems.extend(dates.check_dates(table, *dates.DATE_RANGES[name], today, dates.COVERED_YEARS.get(name)))
        problems.extend(consistency.check_inferred_fields(table))
        problems.extend(check_codes(table))
    if "death_toll_estimates" in tables:
        problems.extend(consistency.check_ranges(tables["death_toll_estimates"], "low", "high"))
    if "later_recognitions" in tables:
        problems.extend(consistency.check_admission(tables["later_recognitions"]))
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
    if "control_changes" in tables:
        problems.extend(consistency.check_completed_changes(tables["control_changes"]))
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
