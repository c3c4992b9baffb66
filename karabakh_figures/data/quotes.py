"""Quotes verbatim in the raw text of their source, and the values a row states standing in its quote, so
that no figure is typed that the source does not state."""

import re
from datetime import date, datetime
from functools import lru_cache

from dateutil import parser as date_parser

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
    "control_changes": ["date_text", "scope_as_stated", "change_as_stated", "control_to_as_stated"],
    "death_toll_estimates": ["low", "high", "wording"],
    "later_recognitions": ["date_text", "instrument"],
    "international_acts": ["date_text"],
    "act_statements": ["wording", "meeting", "votes_for", "votes_against", "votes_abstaining", "votes_absent", "named"],
    "reported_captures": ["place_as_written", "date_text"],
    "positions": ["statement", "report_words", "date_text", "term_used"],
    "displacement_figures": ["low", "high", "wording", "date_text", "term_used"],
    "place_names": ["name"],
}
#: Free-text columns whose every number must stand in the row's quote.
NUMBERS_STATED_IN_QUOTE = {"caveats": ["caveat"], "control_changes": ["caveat"], "displacement_gaps": ["reason"]}
_NUMBER = r"\d+(?:[.,]\d+)*"
_THOUSANDS_SEPARATORS = (" ", "'", ".", ", ")
_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                 "sixteen seventeen eighteen nineteen twenty").split()


def normalise_space(text: str) -> str:
    return " ".join(text.split())


#: Where a reference file (Markdown) holds a source's own words: a `>` quotation, a fenced block (a page's text
#: as stored, such as a table), or text in quotation marks.
#: The rest of such a file (its headings, notes, tables' other cells, the dates it gives beside an address) is the
#: project's prose, and a quote may not take words from it. No reference file is exempt, the summaries
#: (context-facts.md, citations.md) included: their pages' own words are in context-supplement.md.
REFERENCE_SUFFIX = ".md"
_BLOCKQUOTE = re.compile(r"^\s*(?:[-*]\s+)?>\s?(.*)$")
_FENCE = "```"
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|«([^»]+)»|„([^“”]+)[“”]')
#: Joins the quoted passages of a reference file: white space is folded inside each, so no quote's passage can
#: run from one quotation into the next.
_BETWEEN_QUOTATIONS = "\n"


@lru_cache(maxsize=32)  # each source of a file asks for its quotations: read them once per text
def quoted_text(markdown: str) -> str:
    """The quotations of a reference file, in file order, each with its white space folded, one a line: every
    `>` block and every fenced block (its lines joined), and every passage in quotation marks in the file's other
    paragraphs."""
    quotations, block, paragraph, fenced = [], [], [], None

    def close(lines: list[str], quoted_only: bool) -> None:
        text = normalise_space(" ".join(lines))
        if text and not quoted_only:
            quotations.append(text)
        elif text:
            quotations.extend(normalise_space(next(group for group in match.groups() if group))
                              for match in _QUOTED.finditer(text))
        lines.clear()

    for line in markdown.splitlines():
        if line.strip().startswith(_FENCE):
            close(block, quoted_only=False)
            close(paragraph, quoted_only=True)
            if fenced is not None:
                close(fenced, quoted_only=False)
            fenced = [] if fenced is None else None
            continue
        if fenced is not None:
            fenced.append(line)
            continue
        quoted = _BLOCKQUOTE.match(line)
        if quoted:
            close(paragraph, quoted_only=True)
            block.append(quoted.group(1))
            continue
        close(block, quoted_only=False)
        if line.strip():
            paragraph.append(line)
        else:
            close(paragraph, quoted_only=True)
    close(block, quoted_only=False)
    close(paragraph, quoted_only=True)
    return _BETWEEN_QUOTATIONS.join(quotations)


def source_sections(raw_texts: dict[str, str | None], sources: Table) -> tuple[dict[str, str | None], list[Problem]]:
    """The text in which each source's quotes must stand, by source_id.

    `raw_texts` maps each raw file of the data package to its text, or to None where the file could not be
    used (that is reported on its own). A compilation section is cut from its raw file at the heading line
    sources.csv names and runs to the next section's heading; an outside source's quotes may stand anywhere
    in its raw files (the references that quote it, separated by ";": a quote's passages are found in the
    files' order), and in a reference file (Markdown) only inside its quotations (quoted_text). None: the quotes
    of that source cannot be checked.
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
        names = raw_file.split(RAW_FILE_SEPARATOR)
        texts = [raw_texts[name] for name in names]
        heading, line = record.get("section_heading", ""), record.get("section_line", "")
        if None in texts or not (heading or line):
            sections[source_id] = None if None in texts else _BETWEEN_QUOTATIONS.join(
                _checkable_text(name, text) for name, text in zip(names, texts))
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


def _checkable_text(name: str, text: str) -> str:
    """The part of a raw file a quote may come from: a reference file's quotations, or all of any other file."""
    return quoted_text(text) if name.endswith(REFERENCE_SUFFIX) else normalise_space(text)


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


def check_stated_in_quote(table: Table, columns: list[str], number_columns: list[str],
                          page_dates: dict[str, str] | None = None,
                          corrections: dict[str, dict[str, str]] | None = None) -> list[Problem]:
    """Each item of `columns` (semicolon-separated), and each number written in `number_columns`, must stand
    in the row's quote. A `date_text` may instead name the date of the page its source was read on, which
    sources.csv records once per source (`page_dates`: source_id -> ISO date): a page's date is the page's, and
    never written into a quote. Or it may be a date a reference file of the source gives in its own words (a
    correction: "R-2's remark was made on 18 September 2017"), where the row's date_note names that file
    (`corrections`: source_id -> reference file -> its text)."""
    page_dates, corrections = page_dates or {}, corrections or {}
    problems = []
    for row, record in table.records():
        quote = normalise_space(record.get("source_quote", "")).lower()
        items = [(column, item) for column in columns for item in record.get(column, "").split(";")]
        items += [(column, number) for column in number_columns for number in re.findall(_NUMBER, record[column])]
        page_date = page_dates.get(record.get("source_id", ""), "")
        problems.extend(Problem(str(table.path), row, column, item, _not_stated(column, page_date))
                        for column, item in items if item and not _stated(item, quote)
                        and not (column == "date_text" and (names_date(item, page_date) or _corrected(
                            item, record.get("date_note", ""), corrections.get(record.get("source_id", ""), {})))))
    return problems


def _corrected(date_text: str, date_note: str, references: dict[str, str]) -> bool:
    """Whether a reference file the date_note names gives `date_text` in its own words."""
    return any(name.removeprefix("raw/") in date_note and _stated(date_text, text.lower())
               for name, text in references.items())


def reference_corrections(raw_texts: dict[str, str | None], sources: Table) -> dict[str, dict[str, str]]:
    """Each source's reference files (Markdown), whole, by source_id: where a reference corrects a page's date."""
    return {record["source_id"]: {name: normalise_space(raw_texts[name] or "")
                                  for name in record.get("raw_file", "").split(RAW_FILE_SEPARATOR)
                                  if name.endswith(REFERENCE_SUFFIX) and name in raw_texts}
            for _, record in sources.records()}
def check_report_dates(later: Table) -> list[Problem]:
    """A later act's date as written stands in its quote. Where it is instead the date of the report (the page's
    date), the report dates only its telling, so the act's dates are inferred from it: inferred_fields must list
    date_start and date_end, and the note say so."""
    problems = []
    for row, record in later.records():
        text = record.get("date_text", "")
        inferred = set(record.get("inferred_fields", "").split(";"))
        if text and not _stated(text, normalise_space(record.get("source_quote", "")).lower()) \
                and not {"date_start", "date_end"} <= inferred:
            problems.append(Problem(str(later.path), row, "inferred_fields", record.get("inferred_fields", ""),
                                    f"date_text \"{text}\" is the report's date, not in the quote: the act's dates "
                                    "are inferred from it, so list date_start;date_end and say so in the note"))
    return problems


def _not_stated(column: str, page_date: str) -> str:
    if column != "date_text":
        return "not stated in source_quote"
    page = f"the page's date in sources.csv ({page_date})" if page_date else "a page's date (sources.csv has none)"
    return f"not stated in source_quote, nor {page}"


def names_date(text: str, iso_date: str) -> bool:
    """Whether `text` ("4 Oct 2020", "December 17, 2020", "2020-10-26") names the day `iso_date`."""
    if not iso_date:
        return False
    try:
        day = date.fromisoformat(iso_date)
        return date_parser.parse(text, default=datetime(day.year, 1, 1)).date() == day
    except (ValueError, OverflowError):
        return False


def _stated(item: str, quote: str) -> bool:
    """Whether `item` stands in `quote`: a number in any of its written forms, and words as they stand, each of
    several passages joined by ' … ' in the quote's order (the words around them may be another's)."""
    if re.fullmatch(_NUMBER, item):
        # "H.R.535" and "No.14-PE" state 535 and 14; "1.535" states no 535.
        return any(re.search(rf"(?<!\d)(?<!\d[.,]){re.escape(form)}(?![\d]|[.,]\d)", quote)
                   for form in _number_forms(item))
    return _first_passage_not_found(item.lower(), quote) is None


def _number_forms(cell: str) -> set[str]:
    forms = {cell}
    if re.fullmatch(r"\d+", cell):
        number = int(cell)
        forms.add(f"{number:,}")
        if number < len(_NUMBER_WORDS):
            forms.add(_NUMBER_WORDS[number])
        if number == 0:
            forms.add("none")  # "None voted against"
        # "100 600", "100'600", "400.000" and "575, 000", as sources write thousands.
        forms.update(f"{number:,}".replace(",", separator) for separator in _THOUSANDS_SEPARATORS)
        if number >= 1000 and number % 1000 == 0:
            forms.add(f"{number // 1000} thousand")
        millions, thousands = divmod(number, 1_000_000)
        if millions and not thousands:
            forms.update({f"{millions} million", f"{_NUMBER_WORDS[millions]} million"} if millions < len(_NUMBER_WORDS)
                         else {f"{millions} million"})
            if millions == 1:
                forms.add("a million")
        elif millions and thousands % 1000 == 0:
            forms.add(f"{millions} million {thousands // 1000} thousand")  # "1 million 200 thousand"
        if number == 500_000:
            forms.add("half a million")
    return forms
