"""Words shown whole and as whose they are: a speaker's own words hold no reporter's tag, an act's passage is not
cut inside a sentence its reference gives whole, and a passage the references say must be read with another
words keeps those words beside it."""

import re

from .problems import Problem
from .quotes import _BETWEEN_QUOTATIONS, QUOTE_SEPARATOR, RAW_FILE_SEPARATOR, normalise_space, quoted_text
from .reading import Table

#: A reporter's narrative is the report's own words, tag and all: it has no speaker's words to keep a tag out of.
NARRATIVE = "reporter's narrative"
#: A reporter's tag or a lead-in: words about the speaker, which never stand inside the speaker's own words
#: ('…,” he said', '" said Pashinyan', 'told reporters', 'The Ministry statement reads:').
_REPORTING_TAG = re.compile(
    r"[,”\"’]\s*(?:he|she|they|the minister|the ministry|[A-Z][a-z]+)?\s*"
    r"(?:said|says|noted|added|explained|stressed|emphasized|told)\b"
    r"|\b(?:he|she|the minister|the spokesman|the spokesperson) (?:said|noted|added|explained|stressed)\b"
    r"|\bsaid (?:[A-Z][a-z]+|the minister)\b|\btold reporters\b|\b(?:statement|letter|text|report) (?:reads|says):")
#: A sentence's end (with the quotation marks that close it), and the punctuation and marks that may follow a
#: passage without taking words from it.
_SENTENCE_BREAK = re.compile(r"[.;!?](?:[”\"’»)]+|\s|$)")
_CLOSING = ".,;:!?”\"’»)–- "
#: A resolution's preambular paragraphs form one sentence; each opens with a participle ('Having considered',
#: 'Reaffirming'), and a passage may start there.
_PREAMBULAR_CLAUSE = re.compile(r"[A-Z][a-z]+ing\b")
#: Words with which a statement points back to the sentence before it ('This was due to …').
_POINTS_BACK = re.compile(r"(?:This|These|Those)\b")
#: Quotation marks and brackets that open a sentence, and the mark with which a page itself shows a cut.
_OPENING = "“\"‘«( "
_PAGE_CUT = ("…", "...", "[…]")
#: How a reference marks where the excerpt it read stops ("[… excerpt ends]", "régi[ons …]").
_EXCERPT_ENDS = "["
#: A reference entry's heading ('**O-5.**', '**A-d5 (on GA resolution 62/243).**').
_ENTRY = re.compile(r"^\*\*([A-Z]-?[a-z]?\d+[a-z]?)\b[^*]*\*\*", re.MULTILINE)
#: What a reference says must be shown with an entry's words: 'O-5 must be read with … : "<words>" —', and an
#: entry's own 'The next sentence is cut on the page: "<words>[…'.
_READ_WITH = re.compile(r'\b([A-Z]-?[a-z]?\d+[a-z]?) must be read with [^:]*: "(.+?)" —')
_NEXT_SENTENCE = re.compile(r'next sentence is cut on the page: "(.+?)\[…')
#: A passage this long that two quotations share is the same passage.
_SHARED_CHARS = 60


def check_own_words(positions: Table) -> list[Problem]:
    """A statement holds none of the report's words about the speaker, whatever the kind of words (direct or
    indirect speech, on every side alike): those go in report_words, where they are shown as the report's."""
    return [Problem(str(positions.path), row, "statement", match.group(0),
                    "a reporter's tag or lead-in inside the statement: put the report's words in report_words")
            for row, record in positions.records() if record.get("speech") != NARRATIVE
            for match in [_REPORTING_TAG.search(record.get("statement", ""))] if match]


def check_whole_passages(table: Table, column: str, sections: dict[str, str | None],
                         headings: dict[str, str] | None = None) -> list[Problem]:
    """Each passage of `column` (an act's quote, a party's statement) runs to the end of its sentence in the text it
    is quoted from, or to the end of the quotation that holds it: the words it leaves before the sentence ends may
    only be punctuation or the row's report_words (the reporter's tag, shown beside it). A cut inside a sentence
    drops the rest of the speaker's words: resolution 874's region passage once ended before 'and of the tensions
    between the Republic of Armenia and the Azerbaijani Republic'. Likewise each passage starts where its sentence
    does (after the heading that opens a compilation section, `headings`: source_id -> heading), unless the words
    before it are the reporter's lead-in in report_words or the page marks a cut ('…')."""
    problems = []
    for row, record in table.records():
        section = sections.get(record.get("source_id", ""))
        if not section:
            continue
        heading = normalise_space((headings or {}).get(record.get("source_id", ""), ""))
        opened = len(heading) if heading and section.startswith(heading) else 0
        around = [normalise_space(words) for words in record.get("report_words", "").split(QUOTE_SEPARATOR) if words]
        position = 0
        for index, passage in enumerate(record.get(column, "").split(QUOTE_SEPARATOR)):
            passage = normalise_space(passage)
            found = section.find(passage, position)
            if found < 0:
                continue  # a passage not in its quote is reported on its own
            position = found + len(passage)
            dropped = "" if _SENTENCE_BREAK.search(passage[-3:]) else _rest_of_sentence(section[position:])
            if dropped and not any(words.startswith(dropped) or dropped.startswith(words) for words in around):
                problems.append(Problem(str(table.path), row, column, passage[-40:],
                                        f"cut inside a sentence: its source goes on “{dropped[:50]}”; quote the "
                                        "sentence whole (or, for a reporter's tag, put it in report_words)"))
            opening = _start_of_sentence(passage, section[opened:found])
            if opening and not any(words.endswith(opening) or opening.endswith(words) for words in around):
                problems.append(Problem(str(table.path), row, column, passage[:40],
                                        f"cut inside a sentence: its source opens it “{opening[-50:]}”; quote the "
                                        "sentence whole (or, for a reporter's lead-in, put it in report_words)"))
            pointed = "" if index or opening else _sentence_pointed_back_to(passage, section[opened:found])
            if pointed:
                problems.append(Problem(str(table.path), row, column, passage[:40],
                                        f"opens with a word that points back to the sentence before it, "
                                        f"“{pointed[-50:]}”: show that sentence too"))
    return problems


def _sentence_pointed_back_to(passage: str, preceding: str) -> str:
    """The sentence of the same quotation before `passage`, where the passage opens with a word pointing back to it
    ('This was due to …'); empty otherwise."""
    if not _POINTS_BACK.match(passage):
        return ""
    line = preceding.rsplit(_BETWEEN_QUOTATIONS, 1)[-1].rstrip()
    starts = [0] + [match.end() for match in _SENTENCE_BREAK.finditer(line[:-1])]
    return line[starts[-1]:].strip().strip(_OPENING).strip()


def _start_of_sentence(passage: str, preceding: str) -> str:
    """The words before `passage` back to its sentence's start or its quotation's, without the quotation marks
    that open it; empty where the passage opens its sentence, a preambular paragraph, or a cut the page marks."""
    if passage.startswith(_PAGE_CUT) or (_PREAMBULAR_CLAUSE.match(passage) and preceding.rstrip().endswith(",")):
        return ""
    line = preceding.rsplit(_BETWEEN_QUOTATIONS, 1)[-1]
    breaks = list(_SENTENCE_BREAK.finditer(line))
    rest = line[breaks[-1].end():] if breaks else line
    rest = rest.strip().strip(_OPENING).strip()
    return "" if rest.endswith(_PAGE_CUT) or not rest.strip(_CLOSING + _OPENING) else rest


def _rest_of_sentence(following: str) -> str:
    """The words after a passage up to its sentence's end or its quotation's, without the punctuation and
    quotation marks that close it; empty where nothing is left or the reference marks the excerpt's end."""
    line = following.split("\n", 1)[0]
    end = _SENTENCE_BREAK.search(line)
    rest = line[: end.end()] if end else line
    rest = rest.strip().lstrip(_CLOSING).strip()
    return "" if rest.startswith(_EXCERPT_ENDS) or not rest.strip(_CLOSING + " ") else rest


def read_with(reference: str) -> list[tuple[list[str], str]]:
    """What `reference` (a Markdown reference file's text) says must be shown with an entry's words: for each such
    note, the entry's quotations and the words to show with them."""
    starts = [(match.start(), match.group(1)) for match in _ENTRY.finditer(reference)]
    entries = {name: reference[start:end] for (start, name), (end, _) in
               zip(starts, [*starts[1:], (len(reference), "")])}
    notes = [(name, words) for name, words in _READ_WITH.findall(normalise_space(reference)) if name in entries]
    notes += [(name, words) for name, text in entries.items()
              for words in _NEXT_SENTENCE.findall(normalise_space(text))]
    return [(quoted_text(entries[name]).split("\n"), normalise_space(words)) for name, words in notes]


def check_read_with(tables: dict[str, Table], sources: Table, raw_texts: dict[str, str | None]) -> list[Problem]:
    """A row that quotes an entry a reference says must be read with other words shows those words, in its quote,
    statement or note."""
    raw_files = {record["source_id"]: record.get("raw_file", "").split(RAW_FILE_SEPARATOR)
                 for _, record in sources.records()}
    notes = {name: read_with(text) for name, text in raw_texts.items() if text and name.endswith(".md")}
    problems = []
    for table in tables.values():
        if "source_quote" not in table.header:
            continue
        for row, record in table.records():
            shown = normalise_space(" ".join(record.get(column, "") for column in
                                             ("source_quote", "statement", "report_words", "note")))
            for name in raw_files.get(record.get("source_id", ""), []):
                for quotations, words in notes.get(name, []):
                    if _shares_passage(record["source_quote"], quotations) and words not in shown:
                        problems.append(Problem(str(table.path), row, "note", record.get("note", ""),
                                                f"{name.removeprefix('raw/')} says this passage must be read with "
                                                f"“{words}”: show those words with it"))
    return problems


def _shares_passage(quote: str, quotations: list[str]) -> bool:
    passages = [normalise_space(passage) for passage in quote.split(QUOTE_SEPARATOR)]
    return any(len(passage) >= _SHARED_CHARS and (passage[:_SHARED_CHARS] in quotation or quotation[:_SHARED_CHARS]
                                                  in passage)
               for passage in passages for quotation in quotations if len(quotation) >= _SHARED_CHARS)
