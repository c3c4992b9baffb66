"""The collection's own voice stays neutral: a word that belongs to one side of the conflict ("liberated",
"occupied", "genocide", "Artsakh", "buffer zone", "the return of the town"…) may stand in a text the collection
writes only inside quotation marks or after a phrase that says whose word it is ("listed as occupied", "the
compilation calls", "which the resolution calls").

The texts checked are those written in the collection's voice: notebook Markdown and the Markdown that notebooks
generate, and the captions and headers of the tables they print; chart titles, subtitles, source lines and alt
texts; the descriptions of sources.csv and the columns of every table written in our words (OWN_COLUMNS); the
READMEs and the changelog; and the site's templates.
Quotations of the sources (source_quote, the raw texts, titles that are a page's own) are the sources' words and
are not checked.
"""

import csv
import json
import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from ..data.paths import ROOT

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
#: Phrases that say whose word follows, within the same sentence shortly before it: "listed as occupied", "the
#: compilation calls", "according to the compilation", "other sources give part of it as occupied".
_SAME_SENTENCE = r"(?:[^.;:!?]|\.(?=\d))"  # a decimal point does not end a sentence
_ATTRIBUTION = re.compile(
    r"(?:compilation|calls?|called|calling|in (?:its|their|the) (?:own )?words|according to|'s words|entitled|"
    r"titled|termed|(?:lists?|listed|stated|given|gives?|gave|reported|reports?|describes?|described|names?|named)"
    rf"\b{_SAME_SENTENCE}{{0,80}}\bas){_SAME_SENTENCE}{{0,60}}$", re.IGNORECASE)
#: Quoted passages: “…”, "…" (over one line break at most) and '…' (an apostrophe inside a word is not a quotation
#: mark).
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*(?:\n[^\"\n]*)?\"|(?<![\w])'[^'\n]*'(?![\w])|‘[^’]*’(?![\w])")
#: What is not prose: code, addresses, site and file names, and Jinja markup.
_NOT_PROSE = re.compile(r"```.*?```|`[^`\n]*`|https?://\S+|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"
                        r"|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b", re.S)


#: The words of a notebook's HTML table that are ours: its caption and its column and row headers.
_TABLE_WORDS = re.compile(r"<(caption|th)\b[^>]*>(.*?)</\1>", re.S)


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
        if not _ATTRIBUTION.search(prose[:term.start()]):
            line_start = text.rfind("\n", 0, term.start()) + 1
            line_end = len(text) if text.find("\n", term.end()) < 0 else text.find("\n", term.end())
            phrase = text[max(line_start, term.start() - 40):min(line_end, term.end() + 30)]
            found.append((text.count("\n", 0, term.start()) + 1, " ".join(phrase.split())))
    return found


def _blank(match: re.Match) -> str:
    """The matched text as spaces, keeping its line breaks, so that offsets and lines stay as they were."""
    return re.sub(r"[^\n]", " ", match[0])


def own_texts(root: Path = ROOT):
    """(file, place, text) for every text the collection writes in its own voice."""
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for number, cell in enumerate(notebook["cells"], start=1):
            if cell["cell_type"] == "markdown":
                yield path, f"cell {number}", "".join(cell["source"])
            for output in cell.get("outputs", []):
                markdown = output.get("data", {}).get("text/markdown")
                if markdown:
                    yield path, f"cell {number} output", "".join(markdown)
                html = "".join(output.get("data", {}).get("text/html", ""))
                for tag, words in _TABLE_WORDS.findall(html):
                    yield path, f"cell {number} output, table {tag}", unescape(re.sub(r"<[^>]+>", "", words))
    for path in sorted((root / "figures").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        for field in ("title", "subtitle", "source", "alt"):
            yield path, field, record.get(field, "")
    for path in sorted((root / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as file:
            for number, row in enumerate(csv.DictReader(file), start=2):
                for column in _own_columns(path.stem, row):
                    yield path, f"row {number}, column {column}", row[column]
    # The raw texts under data/raw are the sources' and the reference files', kept byte for byte; their README is ours.
    documents = [root / "README.md", root / "CONTRIBUTING.md", root / "figures" / "README.md",
                 root / "benchmarks" / "README.md",
                 *sorted((root / "data").glob("*.md")), *sorted((root / "data").glob("*/README.md")),
                 *sorted((Path(__file__).parent / "site_templates").rglob("*.j2"))]
    for path in documents:
        yield path, "", path.read_text(encoding="utf-8")


#: Columns written in the collection's words, in whichever table has them.
OWN_COLUMNS = ("note", "date_note", "caveat", "label", "measure", "speaker", "role", "runs_it", "basis", "counts",
               "place_from", "place_to", "reason")


def _own_columns(table: str, row: dict) -> list[str]:
    """A table's columns in the collection's words: notes, caveats, labels, the names of measures, who spoke and
    who runs a page; for a source, its short title, and its title where that is a description of ours (in square
    brackets) rather than the page's own."""
    columns = [column for column in OWN_COLUMNS if column in row]
    if table == "sources":
        columns += ["short_title"] + (["title"] if row["title"].startswith("[") else [])
    return columns


def check(root: Path = ROOT) -> list[Slip]:
    """Every slip of the collection's voice in the tree at `root`."""
    slips = []
    for path, place, text in own_texts(root):
        for line, phrase in slips_in(text):
            where = ", ".join(filter(None, (place, f"line {line}")))
            slips.append(Slip(str(path.relative_to(root) if path.is_relative_to(root) else path), where, phrase))
    return slips
