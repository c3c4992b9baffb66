"""Rows that must agree with other rows: parts within their totals, ranges that run upwards, references to rows
and map features that exist, the values recorded by implication explained, the admission of later acts, and a
reason for every missing date."""

import json
import re
from urllib.parse import urlsplit

from .dates import LATEST_ONLY
from .paths import DISTRICTS_FILE
from .problems import Problem
from .quotes import REFERENCE_SUFFIX, normalise_space, quoted_text
from .quotes import _first_passage_not_found as _missing_passage
from .reading import Table

#: Groups that are parts of the group "all" of the same measure and source.
PART_GROUPS = ("women", "children", "elderly")
#: Measures that count a part of another measure of the same source.
PART_MEASURES = {"killed with especial cruelty": "killed"}
#: How many members each body that votes has: no vote can count more. The Security Council has had 15 members
#: since 1966; the General Assembly's 193 is the UN's membership since 2011, its largest.
MEMBERS = {"UN Security Council": 15, "UN General Assembly": 193}
VOTE_COLUMNS = ("votes_for", "votes_against", "votes_abstaining", "votes_absent")


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


#: What sources.csv calls a section of the compilation.
COMPILATION_SECTION = "compilation section"


def check_reported_in_compilation(recognitions: Table, sources: Table) -> list[Problem]:
    """recognitions.csv holds the acts that the compilation reports: each row cites a section of it. An act
    reported only elsewhere belongs in later_recognitions.csv, so that the count of acts "reported in the
    compilation" stays the compilation's."""
    kinds = {record["source_id"]: record.get("kind", "") for _, record in sources.records()}
    return [Problem(str(recognitions.path), row, "source_id", record["source_id"],
                    f"an act in recognitions.csv is one the compilation reports, so its source is a section of the "
                    f"compilation (kind {COMPILATION_SECTION!r}); an act reported elsewhere goes in "
                    "later_recognitions.csv")
            for row, record in recognitions.records()
            if record.get("source_id") in kinds and kinds[record["source_id"]] != COMPILATION_SECTION]


def check_undated_reasons(table: Table) -> list[Problem]:
    """A row whose date is unknown says why (date_note): a date the page does not show is a fact to record, not a
    gap to leave unexplained."""
    return [Problem(str(table.path), row, "date_note", "", "say why there is no date when date_precision is unknown")
            for row, record in table.records()
            if record.get("date_precision") == "unknown" and not record.get("date_note")]


#: A change that completes a territory: the whole of it, the rest of it after a part, or a region it lies in.
WHOLE_SCOPES = ("whole", "rest", "region")
#: Words that state a change not yet complete: a beginning, an entry or an advance (an army that "entered" a region
#: holds some of it, not all), a ceasefire or truce, a disarmament, an agreement, an order, or a change to come.
_INCOMPLETE_CHANGE = re.compile(r"\b(began|begin|begins|beginning|start\w*|initiat\w*|enter\w*|advanc\w*|"
                                r"approach\w*|pulling|ceasefire|cease-fire|truce|disarm\w*|agree\w*|order\w*|will|"
                                r"would|shall|to be)\b", re.IGNORECASE)


def check_completed_changes(table: Table) -> list[Problem]:
    """A change of control of a whole territory, of the rest of one or of a region states a completed change in its
    quote's words (change_as_stated, which stands in the quote): not a beginning, an entry, a ceasefire, a
    disarmament, an agreement or an order."""
    problems = []
    for row, record in table.records():
        if record.get("scope") not in WHOLE_SCOPES:
            continue
        stated = record.get("change_as_stated", "")
        incomplete = _INCOMPLETE_CHANGE.search(stated)
        if not stated:
            problems.append(Problem(str(table.path), row, "change_as_stated", "",
                                    f"a change of scope {record['scope']} needs the quote's words that state it"))
        elif incomplete:
            problems.append(Problem(str(table.path), row, "change_as_stated", stated,
                                    f'"{incomplete.group(0)}" does not state a completed change of control, '
                                    f"which scope {record['scope']} needs"))
    return problems


#: Wording that gives only a latest date for a change: "by October 19", "to date", "until now", "during the war
#: stopped on November 10".
_LATEST_WORDS = r"(by|to date|until|till|stopped on|before|as of)"


def check_latest_dates(table: Table) -> list[Problem]:
    """The "by" rule: a change dated by wording that gives only a latest date ("by October 19", "stopped on
    November 10"), or only by the date of the page that reports it (a date_text the quote does not hold: a page
    reports what happened on or before its day), has date_precision "by", unless the row records its earliest date
    by implication (inferred_fields, explained in note: "last night", "on Thursday")."""
    problems = []
    for row, record in table.records():
        text, precision = record.get("date_text", ""), record.get("date_precision", "")
        if not text or precision in (LATEST_ONLY, "unknown"):
            continue
        quote = normalise_space(record.get("source_quote", "")).lower()
        written = normalise_space(text).lower()
        before = quote[:quote.find(written)] if written in quote else ""
        if re.search(rf"\b{_LATEST_WORDS}\s*$", before) or re.match(rf"{_LATEST_WORDS}\b", written):
            problems.append(Problem(str(table.path), row, "date_precision", precision,
                                    f'the quote gives "{text}" as a latest date: date_precision must be '
                                    f"{LATEST_ONLY}, with date_start empty"))
        elif written not in quote and "date_start" not in record.get("inferred_fields", "").split(";"):
            problems.append(Problem(str(table.path), row, "date_precision", precision,
                                    f'date_text "{text}" is not in the quote but the page\'s date, which gives only a '
                                    f"latest date: date_precision must be {LATEST_ONLY}, unless inferred_fields "
                                    "lists date_start and the note says how the quote gives the earliest"))
    return problems


#: Tables whose rows a map draws: each quote stands inside a quotation of a reference file that quotes pages.
PAGE_QUOTED_TABLES = ("control_changes",)
#: The reference files that summarise facts: the phrases they quote are their own extracts, not a page re-read.
SUMMARY_FILES = ("raw/citations.md", "raw/context-facts.md")


def check_quotes_outside_summaries(table: Table, sources: Table, raw_texts: dict[str, str | None],
                                   sections: dict[str, str | None]) -> list[Problem]:
    """Each quote of `table` stands inside a quotation of its source's raw files other than the summary files
    (citations.md, context-facts.md): their quoted phrases are the reference's own extracts, never a page re-read.
    A raw file that is missing or changed (None), and a quote not found at all in its source's text (`sections`),
    are reported on their own."""
    raw_files = {record["source_id"]: record.get("raw_file", "").split(";") for _, record in sources.records()}
    problems = []
    for row, record in table.records():
        source_id, quote = record.get("source_id", ""), record.get("source_quote", "")
        names = [name for name in raw_files.get(source_id, []) if name and name not in SUMMARY_FILES]
        texts = [raw_texts.get(name) for name in names]
        if not quote or not sections.get(source_id) or _missing_passage(quote, sections[source_id]) or None in texts:
            continue
        quotations = "\n".join(quoted_text(text) if name.endswith(REFERENCE_SUFFIX) else normalise_space(text)
                                for name, text in zip(names, texts))
        missing = _missing_passage(quote, quotations)
        if missing:
            problems.append(Problem(str(table.path), row, "source_quote", missing,
                                    f"not inside a quotation of a page in the raw files of source {source_id} "
                                    f"other than the summary files ({', '.join(SUMMARY_FILES)})"))
    return problems



def page_host(address: str) -> str:
    """The host of a page's address, without 'www.', as hosts.csv names it."""
    return (urlsplit(address).hostname or "").removeprefix("www.")


#: The one label rule for hosts.csv, alike for both sides: a host's party_link follows from its kind alone.
PARTY_RUN = "run by a party to the conflict"
HOST_LABELS = {"government body": PARTY_RUN, "state news agency": PARTY_RUN,
               "site of one side": "a site of one side, not its government",
               "news media": "media based in a party's country", "outside the parties": "none",
               "operator not established": "not known"}


def check_host_labels(hosts: Table) -> list[Problem]:
    """Each host's party_link is the one its kind gives (HOST_LABELS): the same kind of site gets the same label
    whichever side it is of."""
    return [Problem(str(hosts.path), row, "party_link", record["party_link"],
                    f'a host of kind "{record["kind"]}" is "{HOST_LABELS[record["kind"]]}" '
                    "(the rule in data/README.md)")
            for row, record in hosts.records()
            if record.get("kind") in HOST_LABELS and record.get("party_link") != HOST_LABELS[record["kind"]]]


def check_party_links(sources: Table, hosts: Table, unsettled: set[int] = frozenset()) -> list[Problem]:
    """Each source's party_link is the one hosts.csv gives the host of the page read (read_at_url, else url), and
    'not known' where no page was read: one judgement per host, whichever source it serves. Rows in `unsettled`,
    whose addresses are wrong already, are left to that one report."""
    # Judged by the rule (the host's kind), so that a host labelled against it is reported once, on its own row.
    judged = {record["host"]: HOST_LABELS.get(record.get("kind"), record["party_link"])
              for _, record in hosts.records()}
    problems = []
    for row, record in sources.records():
        page = record.get("read_at_url") or record.get("url")
        if row in unsettled or (page and not page_host(page)):
            continue
        expected = judged.get(page_host(page)) if page else "not known"
        if page and expected is None:
            problems.append(Problem(str(sources.path), row, "party_link", record.get("party_link", ""),
                                    f"the host {page_host(page)} of the page read is not in hosts.csv"))
        elif record.get("party_link") != expected:
            why = f"hosts.csv gives {page_host(page)}" if page else "no page was read, so"
            problems.append(Problem(str(sources.path), row, "party_link", record.get("party_link", ""),
                                    f'{why} "{expected}"'))
    return problems


def check_votes(statements: Table, acts: Table) -> list[Problem]:
    """The counts a page gives of one vote add to no more than the voting body's members."""
    bodies = {record.get("act_id"): record.get("body") for _, record in acts.records()}
    problems = []
    for row, record in statements.records():
        counts = [(column, int(record[column])) for column in VOTE_COLUMNS if record.get(column, "").isdigit()]
        members = MEMBERS.get(bodies.get(record.get("act_id")))
        total = sum(count for _, count in counts)
        if members is not None and total > members:
            arithmetic = " + ".join(str(count) for _, count in counts)
            problems.append(Problem(str(statements.path), row, counts[0][0], record[counts[0][0]],
                                    f"the counts add to {arithmetic} = {total}, more than "
                                    f"the {bodies[record['act_id']]}'s {members} members"))
    return problems


def check_symbol_years(acts: Table) -> list[Problem]:
    """A Security Council symbol's year, S/RES/822 (1993), is the year of the act's date."""
    problems = []
    for row, record in acts.records():
        year = re.search(r"\((\d{4})\)$", record.get("symbol", ""))
        if year and record.get("date_start", "")[:4] != year.group(1):
            problems.append(Problem(str(acts.path), row, "symbol", record["symbol"],
                                    f"the symbol's year {year.group(1)} is not the year of date_start "
                                    f"{record.get('date_start', '')}"))
    return problems


def check_unjoined_names(statements: Table) -> list[Problem]:
    """A place a text names that is joined to no territory says why in its note; only a named territory is joined."""
    problems = []
    for row, record in statements.records():
        names = record.get("statement") == "names territory"
        if names and not record.get("territory_id") and not record.get("note"):
            problems.append(Problem(str(statements.path), row, "note", "",
                                    "a place joined to no territory needs a note saying why"))
        elif not names and record.get("territory_id"):
            problems.append(Problem(str(statements.path), row, "territory_id", record["territory_id"],
                                    "only a row whose statement is 'names territory' names a territory"))
    return problems


def _is_number(cell: str) -> bool:
    """A cell as the schema's number type writes it (a cell that is not one is a schema problem)."""
    return re.fullmatch(r"\d+(\.\d+)?", cell) is not None


def district_join_problems(tables: dict[str, Table], raw_texts: dict[str, str | None]) -> list[Problem]:
    """territory_districts.csv names features that the districts file has, and draws every territory."""
    districts = raw_texts.get(DISTRICTS_FILE)
    if "territory_districts" not in tables or districts is None:
        return []  # a missing table or map file is reported on its own
    try:
        features = {feature["properties"]["shapeName"]: feature["properties"]["shapeID"]
                    for feature in json.loads(districts)["features"]}
    except (ValueError, KeyError, TypeError) as error:
        return [Problem(DISTRICTS_FILE, None, None, "",
                        f"not a GeoJSON FeatureCollection whose features have shapeName and shapeID ({error!r})")]
    return check_district_join(tables["territory_districts"], tables.get("territories"), features)


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
