"""Quotes verbatim in the raw text of their source, and the values a row states standing in its quote, so
that no figure is typed that the source does not state."""

import re

from .problems import Problem
from .reading import Table

QUOTE_SEPARATOR = " … "
RAW_FILE_SEPARATOR = ";"
#: Columns whose value (each item, for a semicolon-separated list) must stand in the row's quote,
#: so that no figure is typed that the source does not state.
STATED_IN_QUOTE = {
    "territories": ["name", "date_text", "area_km2"],
    "khojaly_figures": ["value"],
    "area_figures": ["value", "wording"],
    "recognitions": ["date_text", "terms", "un_resolutions_cited"],
    "campaign_events": ["date_text"],
    "control_changes": ["date_text", "scope_as_stated"],
    "death_toll_estimates": ["low", "high", "wording"],
    "later_recognitions": ["date_text", "instrument"],
    "international_acts": ["date_text"],
    "act_statements": ["wording", "meeting", "votes_for", "votes_against", "votes_abstaining", "votes_absent", "named"],
    "reported_captures": ["place_as_written", "date_text"],
    "positions": ["statement", "date_text", "term_used"],
}
#: Free-text columns whose every number must stand in the row's quote.
NUMBERS_STATED_IN_QUOTE = {"caveats": ["caveat"], "control_changes": ["caveat"]}
_NUMBER = r"\d+(?:[.,]\d+)*"
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


def _number_forms(cell: str) -> set[str]:
    forms = {cell}
    if re.fullmatch(r"\d+", cell):
        number = int(cell)
        forms.add(f"{number:,}")
        if number < len(_NUMBER_WORDS):
            forms.add(_NUMBER_WORDS[number])
        if number == 0:
            forms.add("none")  # "None voted against"
        if number >= 1000 and number % 1000 == 0:
            forms.add(f"{number // 1000} thousand")
    return forms


#: The reference file that traces each outside fact to its page, the one that summarises them, and the mark of a
#: row of a summary table.
CITATIONS_FILE, SUMMARIES_FILE = "raw/citations.md", "raw/context-facts.md"
_TABLE_CELL = " | "


def page_words(citations: str) -> dict[str, list[str]]:
    """source_id -> the page's own words that citations.md's table of addresses gives for it (its quoted phrases,
    without a closing '…')."""
    words = {}
    for line in citations.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| ctx-") and len(cells) >= 4:
            words[cells[0]] = [phrase.rstrip(" …") for phrase in re.findall(r'"([^"]+)"', cells[-1])]
    return {source_id: phrases for source_id, phrases in words.items() if phrases}


def check_page_words(table: Table, words: dict[str, list[str]], summaries: str) -> list[Problem]:
    """Where citations.md gives a page's own words, a row of that source quotes the page: not a line of a reference
    file's summary table, and not the reference's summary (`summaries`: context-facts.md) instead of any of the
    page's words. A source split into several keeps its trace's id as a prefix."""
    summaries = normalise_space(summaries)
    problems = []
    for row, record in table.records():
        source_id, quote = record.get("source_id", ""), record.get("source_quote", "")
        traced = next((phrases for traced_id, phrases in words.items()
                       if source_id == traced_id or source_id.startswith(f"{traced_id}-")), None)
        if not traced or not quote:
            continue
        first = quote.split(QUOTE_SEPARATOR)[0]
        summary_line = _TABLE_CELL in quote
        quoted = normalise_space(quote)
        summary_only = (normalise_space(first) in summaries
                        and all(_first_passage_not_found(phrase, quoted) is not None for phrase in traced))
        if summary_line or summary_only:
            problems.append(Problem(str(table.path), row, "source_quote", first.split(_TABLE_CELL)[0],
                                    f"quotes the reference's summary; citations.md gives the page's own words: "
                                    f"\"{traced[0]}\""))
    return problems
