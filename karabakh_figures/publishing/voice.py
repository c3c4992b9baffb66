"""The collection's own voice stays neutral: a word that belongs to one side of the conflict ("liberated",
"occupied", "genocide", "Artsakh", "buffer zone", "the return of the town"…) may stand in a text the collection
writes only inside quotation marks or after a phrase that says whose word it is ("listed as occupied", "the
compilation calls", "which the resolution calls").

The texts checked are every text the collection writes: notebook Markdown and the Markdown that notebooks
generate, their text outputs, and every cell of the tables they print except those of a column that holds a
source's words; chart titles, subtitles, source lines and alt texts, and every text drawn in a chart's SVG; every
column of every table except those that hold a source's words (SOURCES_WORDS); the READMEs and the changelog; the
site's templates; and the names we choose: every table's column names, every id, every file's name.
Quotations of the sources (source_quote, the raw texts, titles that are a page's own) are the sources' words and
are not checked. An attribution counts only where it names who speaks: "the compilation lists as occupied",
"according to Azerbaijan's government", not "listed as occupied" or "so-called".
"""

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from pathlib import Path

from ..data.paths import ROOT
from ..data.place_names import NAMES_AS_GIVEN, SOURCES_WORDS, place_name, place_of
from ..data.place_names import named_alone as gazetteer_named_alone

#: Words of one side, as patterns (case is ignored). One list: add a word here and every text is checked for it.
ONE_SIDES_WORDS = (
    r"liberat\w*", r"de-?occupi\w*", r"occupation", r"occupied", r"occupying", r"occupier\w*", r"invasion",
    r"invader\w*", r"invaded", r"aggression", r"aggressor\w*", r"genocide", r"massacres?", r"ethnic cleansing",
    r"Artsakh\w*", r"Garabagh", r"security (?:zone|belt)", r"buffer zone", r"terrorist\w*",
    r"regain\w*", r"martyr\w*", r"separatist\w*", r"so-called", r"self-proclaimed", r"self-styled", r"exodus",
    r"expelled", r"expulsions?", r"deport\w*", r"forc\w+ displaced", r"chauvinist\w*", r"barbar\w*",
    # The words each side uses for why people left in 2023: a "voluntary" or "personal and individual decision",
    # and the government programme of returns.
    r"voluntary(?: and individual)? (?:decision|departure|choice)", r"personal and individual decision",
    r"great return",
    # "the return of the town", "Lachin was returned": a place handed over, in one side's telling.
    r"return of (?:the )?(?:town|city|district|region|territor\w+|lands?|[A-Z]\w+)",
    # A capitalised name ("Lachin was returned"), case and all: people "who returned" are not a place handed over.
    r"(?:town|city|district|territor\w+|(?-i:[A-Z]\w+)) (?:was |were )?returned",
)
_TERM = re.compile(r"\b(?:" + "|".join(ONE_SIDES_WORDS) + r")\b", re.IGNORECASE)
#: Phrases that name who speaks, within the same sentence shortly before a word of one side: "the compilation
#: lists as occupied", "which the resolution calls", "according to Azerbaijan's government", "other sources give
#: part of it as occupied", "listed by the compilation as". A phrase that names no one ("listed as occupied",
#: "given as occupied") attributes nothing.
_SAME_SENTENCE = r"(?:[^.;:!?]|\.(?=\d))"  # a decimal point does not end a sentence
_ATTRIBUTION = re.compile(
    r"(?:compilation|\b\w+\s+(?:calls?|terms?)\b|in (?:its|their|the) (?:own )?words|according to \w|'s words|"
    r"entitled|titled|(?:called|termed|listed|stated|given|reported|described|named) by \w|"
    r"\b\w+\s+(?:lists?|states?|gives?|gave|reports?|describes?|names?)"
    rf"\b{_SAME_SENTENCE}{{0,80}}\bas){_SAME_SENTENCE}{{0,60}}$", re.IGNORECASE)
#: Who speaks, named right after the word of a passive attribution: "listed as occupied (compilation)", "given as
#: occupied by other sources", "given as partly occupied: news.az". ("Occupied by" alone names who acted, not who
#: speaks.)
_PASSIVE_BEFORE = re.compile(r"\b(?:listed|given|stated|described|named|reported|called|termed)\s+as[\s,]+(?:\w+\s+)?$",
                             re.IGNORECASE)
_AGENT_AFTER = re.compile(r"\s*(?:\((?:the |other )?(?:compilation|sources?)\b|by (?:the |other )?\w|:\s*_{3})",
                          re.IGNORECASE)
#: Quoted passages: “…”, "…" (over one line break at most) and '…' (an apostrophe inside a word is not a quotation
#: mark).
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*(?:\n[^\"\n]*)?\"|(?<![\w])'[^'\n]*'(?![\w])|‘[^’]*’(?![\w])")
#: What is not prose: code, addresses, site and file names, and Jinja markup.
_NOT_PROSE = re.compile(r"```.*?```|`[^`\n]*`|https?://\S+|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"
                        r"|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b", re.S)


#: The columns of a table that hold a source's words, not ours, are SOURCES_WORDS (data.place_names), by their
#: name in the data or the header a notebook prints them under. A notebook table's header that says its column
#: holds a source's words: "their own words", "Term used", "what changed hands, in the source's words", "Quote",
#: "Title", "as stated".
_SOURCES_WORDS_HEADER = re.compile(r"\b(?:words|terms?|quote|passage|title|headline|as stated|as written)\b",
                                   re.IGNORECASE)
#: A table's rows and cells, and its caption, in a notebook's HTML output.
_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(td|th)\b[^>]*>(.*?)</\1>", re.S)
_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S)
#: The text an SVG draws.
_SVG_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)


@dataclass(frozen=True)
class Slip:
    file: str
    place: str
    phrase: str

    def __str__(self) -> str:
        return f"{self.file}, {self.place}: “{self.phrase}”"


def slips_in(text: str) -> list[tuple[int, str]]:
    """Where in `text` a word of one side stands outside quotation marks and without an attribution: its line
    (from 1) and the phrase around it."""
    prose = _QUOTED.sub(_blank, _NOT_PROSE.sub(_blank, text))
    found = []
    for term in _TERM.finditer(prose):
        named_after = _PASSIVE_BEFORE.search(prose[:term.start()]) and _AGENT_AFTER.match(prose, term.end())
        if not _ATTRIBUTION.search(prose[:term.start()]) and not named_after:
            line_start = text.rfind("\n", 0, term.start()) + 1
            line_end = len(text) if text.find("\n", term.end()) < 0 else text.find("\n", term.end())
            phrase = text[max(line_start, term.start() - 40):min(line_end, term.end() + 30)]
            found.append((text.count("\n", 0, term.start()) + 1, " ".join(phrase.split())))
    return found


def _blank(match: re.Match) -> str:
    """The matched text as spaces, keeping its line breaks, so that offsets and lines stay as they were; a site's or
    a file's name as a word of the same length, so that it can still name who speaks ("news.az gives … as")."""
    if re.fullmatch(r"[\w.-]+", match[0]):
        return "_" * len(match[0])
    return re.sub(r"[^\n]", " ", match[0])


def own_texts(root: Path = ROOT):
    """(file, place, text) for every text the collection writes in its own voice."""
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for number, cell in enumerate(notebook["cells"], start=1):
            if cell["cell_type"] == "markdown":
                yield path, f"cell {number}", "".join(cell["source"])
            for output in cell.get("outputs", []):
                yield from ((path, f"cell {number} output{where}", text) for where, text in _output_texts(output))
    for path in sorted((root / "figures").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        for field in ("title", "subtitle", "source", "alt"):
            yield path, field, record.get(field, "")
    for path in sorted((root / "figures").glob("*.svg")):
        drawn = _SVG_TEXT.findall(path.read_text(encoding="utf-8"))
        yield path, "text drawn", "\n".join(unescape(re.sub(r"<[^>]+>", "", text)) for text in drawn)
    for path in sorted((root / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as file:
            reader = csv.DictReader(file)
            for number, row in enumerate(reader, start=2):
                for column in _own_columns(path.stem, row, reader.fieldnames[0], root):
                    yield path, f"row {number}, column {column}", row[column]
    yield from _chosen_names(root)
    # The raw texts under data/raw are the sources' and the reference files', kept byte for byte; their README is ours.
    documents = [root / "README.md", root / "CONTRIBUTING.md", root / "figures" / "README.md",
                 root / "benchmarks" / "README.md",
                 *sorted((root / "data").glob("*.md")), *sorted((root / "data").glob("*/README.md")),
                 *sorted((Path(__file__).parent / "site_templates").rglob("*.j2"))]
    for path in documents:
        yield path, "", path.read_text(encoding="utf-8")


def _output_texts(output: dict):
    """(where, text) for each text of a notebook cell's output in our voice: its Markdown, its text (a stream, or
    plain text where nothing richer is shown), and its tables' captions, headers and cells, except the cells of a
    column that holds a source's words."""
    data = output.get("data", {})
    if output.get("text"):
        yield "", "".join(output["text"])
    if data.get("text/markdown"):
        yield "", "".join(data["text/markdown"])
    elif data.get("text/plain") and not data.get("text/html") and "image/png" not in data:
        yield "", "".join(data["text/plain"])
    for table in _TABLE.findall("".join(data.get("text/html", ""))):
        yield from _table_texts(table)


def _table_texts(table: str):
    """A table's caption, its header cells, and its other cells but those of a column of a source's words."""
    rows = [[(tag, unescape(re.sub(r"<[^>]+>", "", cell)).strip()) for tag, cell in _CELL.findall(row)]
            for row in _ROW.findall(table)]
    yield from ((", table caption", unescape(re.sub(r"<[^>]+>", "", caption))) for caption in _CAPTION.findall(table))
    header = [text for _, text in rows[0]] if rows else []
    yield from ((f", table {tag}", text) for tag, text in (rows[0] if rows else []))
    for row in rows[1:]:
        for position, (tag, text) in enumerate(row):
            column = header[position] if position < len(header) else ""
            if column.lower() not in SOURCES_WORDS and not _SOURCES_WORDS_HEADER.search(column):
                yield f", table {tag} ({column})", text


def _own_columns(table: str, row: dict, key: str, root: Path) -> list[str]:
    """A table's columns in the collection's words: every column but those that hold a source's words
    (SOURCES_WORDS; a source's title is ours where it is a description in square brackets) and those that repeat
    another table's id (checked in the table that gives it). A source's id may carry its own words: a one-side
    word in it that stands in the source's title, issuer or address is the source's (`occupation-in-figures`)."""
    columns = [column for column in row if (column not in SOURCES_WORDS and not _repeats_an_id(column, key))
               or (table == "sources" and column == "title" and row[column].startswith("["))]
    if table == "sources" and _named_after_the_source(row, root):
        columns.remove(key)
    return columns


def _repeats_an_id(column: str, key: str) -> bool:
    return column != key and (column.endswith(("_id", "_ids")) or column == "within")


def _named_after_the_source(source: dict, root: Path) -> bool:
    """Whether each one-side word in a source's id is the source's own: it stands in its title, issuer or address,
    or the id is the one its reference file's table gives it (citations.md's `| ctx-… |`)."""
    own = " ".join(source.get(column, "") for column in ("title", "issuer", "url", "read_at_url")).lower()
    if all(term[0].lower() in own for term in _TERM.finditer(source["source_id"])):
        return True
    # A source split into several keeps its trace's id as a prefix (ctx-fuzuli-…-newsaz).
    traced = (source["source_id"], source["source_id"].rsplit("-", 1)[0])
    return any(f"| {source_id} |" in _raw_text(root / "data" / raw_file)
               for raw_file in source["raw_file"].split(";") for source_id in traced)


@lru_cache(maxsize=16)
def _raw_text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _chosen_names(root: Path):
    """The names we choose, as words: each table's column names and each file's name in the data, the figures and
    the notebooks. A raw text's file is named after its source's title (the-occupation-in-figures.txt)."""
    titles = {}
    with (root / "data" / "sources.csv").open(encoding="utf-8", newline="") as file:
        for source in csv.DictReader(file):
            for raw_file in source["raw_file"].split(";"):
                titles[raw_file] = titles.get(raw_file, "") + " " + source["title"].lower()
    for path in sorted((root / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as file:
            header = next(csv.reader(file), [])
        chosen = list(header)
        yield path, "column names", ", ".join(column.replace("_", " ") for column in chosen)
    for folder in ("data", "data/raw", "data/geo", "figures", "notebooks"):
        for path in sorted((root / folder).iterdir()):
            name = re.sub(r"[-_.]", " ", path.name)
            raw_title = titles.get(f"raw/{path.name}", "") if folder == "data/raw" else ""
            if path.is_file() and not all(term[0].lower() in raw_title for term in _TERM.finditer(name)):
                yield path, "file name", name


def check(root: Path = ROOT) -> list[Slip]:
    """Every slip of the collection's voice in the tree at `root`: a word of one side in our own voice, and a place
    named by one side's name alone where both are due (named_alone)."""
    slips = []
    for path, place, text in own_texts(root):
        for line, phrase in slips_in(text):
            where = ", ".join(filter(None, (place, f"line {line}")))
            slips.append(Slip(_relative(path, root), where, phrase))
    return slips + named_alone(root)


def named_alone(root: Path = ROOT) -> list[Slip]:
    """Each place whose first mention on a page (a notebook's prose, the Markdown and tables it writes, a README) or
    in an alt text gives one side's name alone (the README's naming policy; data.place_names). A table's column
    headed as a source's names gives that source's names; a changelog keeps each entry's words of its day."""
    pages = {}
    for path, place, text in own_texts(root):
        if path.suffix == ".json" and place == "alt" or (
                path.suffix in (".ipynb", ".md") and not (", table" in place and NAMES_AS_GIVEN.search(place))
                and path.name != "CHANGELOG.md"):
            pages.setdefault((path, "alt" if place == "alt" else "first mention on the page"), []).append(text)
    return [Slip(_relative(path, root), place, f"{name} without the other side's name ({place_name(place_of(name))})")
            for (path, place), texts in pages.items() for name in gazetteer_named_alone("\n".join(texts))]


def _relative(path: Path, root: Path) -> str:
    return str(path.relative_to(root) if path.is_relative_to(root) else path)
