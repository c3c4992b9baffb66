"""The site's search, built when the site is: every page's text, section by section, written beside the pages as
a script (search-index.js), which the search box loads and indexes with MiniSearch (assets/vendor) in the browser.
A script, not a JSON file fetched: a page opened from disk (file://) may load a script but not fetch a file."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

INDEX_FILE = "search-index.js"
#: Elements whose text is not the page's: code (hidden until asked for), the site's header and footer, scripts.
_SKIPPED_TAGS = {"head", "script", "style", "header", "footer", "nav", "button"}
_SKIPPED_CLASSES = ("source-code", "input_area", "contents")


class _Sections(HTMLParser):
    """A page's title and its text, split at each section heading (h2), whose address is its id or, without one, that
    of the <section> it heads."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.sections, self._skipping, self._open = "", [["", "", []]], [], []
        self._section_id = ""
        self._in_title = self._in_heading = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skipped = tag in _SKIPPED_TAGS or any(name in (attributes.get("class") or "").split()
                                              for name in _SKIPPED_CLASSES)
        if tag not in ("br", "img", "input", "meta", "link", "source", "hr", "wbr"):
            self._open.append(skipped)
        if skipped or any(self._open):
            return
        if tag == "h1" and not self.title:
            self._in_title = True
        elif tag == "section":
            self._section_id = attributes.get("id") or ""
        elif tag == "h2":
            self.sections.append([attributes.get("id") or self._section_id, "", []])
            self._in_heading = True

    def handle_endtag(self, tag):
        if tag in ("br", "img", "input", "meta", "link", "source", "hr", "wbr"):
            return
        if self._open:
            self._open.pop()
        if tag == "h1":
            self._in_title = False
        elif tag == "h2":
            self._in_heading = False

    def handle_data(self, data):
        if any(self._open):
            return
        if self._in_title:
            self.title += data
        elif self._in_heading:
            self.sections[-1][1] += data
        else:
            self.sections[-1][2].append(data)


def page_sections(page: str, html: str) -> list[dict]:
    """The searchable sections of one page (its address relative to the site): address, page title, section
    title and text, white space folded, the heading's '¶' left out."""
    parser = _Sections()
    parser.feed(html)
    title = " ".join(parser.title.replace("¶", "").split())
    found = []
    for anchor, heading, words in parser.sections:
        text = " ".join(" ".join(words).split())
        if text:
            found.append({"url": f"{page}#{anchor}" if anchor else page, "page": title,
                          "section": " ".join(heading.replace("¶", "").split()), "text": text})
    return found


def site_sections(site: Path) -> list[dict]:
    """The searchable sections of every page of the rendered `site`, in page order."""
    return [section for path in sorted(site.rglob("*.html"))
            for section in page_sections(path.relative_to(site).as_posix(), path.read_text(encoding="utf-8"))]


def write_index(site: Path) -> Path:
    """search-index.js for every page of the rendered `site`, in page order; the same bytes for the same pages."""
    sections = site_sections(site)
    # MiniSearch needs a unique id; a section's place in the list is one.
    documents = [{"id": number, **section} for number, section in enumerate(sections)]
    target = site / INDEX_FILE
    content = "window.KARABAKH_SEARCH = " + json.dumps(documents, ensure_ascii=False, separators=(",", ":")) + ";\n"
    if not target.is_file() or target.read_text(encoding="utf-8") != content:
        target.write_text(content, encoding="utf-8")
    return target


def words_found(site: Path, term: str) -> list[str]:
    """The pages whose text holds `term` (case ignored), as the index has them: what a search should find."""
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return sorted({section["url"].split("#")[0] for section in site_sections(site)
                   if pattern.search(section["text"]) or pattern.search(section["page"])})
