"""The rendered site, opened in a real browser (the system Chromium, driven by Playwright).

Without Chromium the browser tests are skipped with the reason; with KARABAKH_REQUIRE_BROWSER=1 (as CI sets)
a missing browser is a failure instead."""

import functools
import html
import http.server
import os
import re
import threading
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from conftest import DATA, ROOT, read_rows, row_number, set_cell
from karabakh_figures.publishing.build import build, notebooks
from karabakh_figures.publishing.site import WEIGHT_BUDGETS, weights

CHROMIUM = Path(os.environ.get("KARABAKH_CHROMIUM", "/usr/bin/chromium"))
#: The two screens a reader's questions were tried on: a laptop and a phone.
SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
#: The columns that qualify a figure, by page: a reader must see them beside the figure without scrolling.
QUALIFYING_COLUMNS = {"notebooks/02-khojaly-casualties.html": ["Caveat", "How it was read"],
                      "notebooks/03-recognition-timeline.html": ["Other sources say"]}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = (f"no Chromium at {CHROMIUM}: install it (Debian: apt-get install chromium) or point "
                  "KARABAKH_CHROMIUM at one to run the browser tests")
        if os.environ.get("KARABAKH_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def serve(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site(fresh_build):
    """The site as `make` renders it: that of the fresh build the committed-outputs tests compare with the committed
    notebooks and figures (tests/publishing/test_build.py), so the same pages, not rendered a second time."""
    return fresh_build / "site"


@pytest.fixture(scope="session")
def served(site):
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


#: Pages over their budget today, each an open problem of issue 35 (the sources page with every source and the hosts
#: table; on a phone, the maps page and the displacement page with their tall narrow charts). Listed so that no other
#: page passes its budget unnoticed, and held to be over it, so that a page that comes back within it leaves the list.
OVER_BUDGET = {"sources.html"}
OVER_PHONE_BUDGET = {"notebooks/05-maps.html", "notebooks/08-displacement.html"}


def test_every_page_chart_and_thumbnail_is_within_its_weight_budget(site):
    found = weights(site, ROOT / "figures")
    over = {kind: {name for name, size in sizes.items() if size > WEIGHT_BUDGETS[kind]}
            for kind, sizes in found.items()}
    assert over == {kind: OVER_BUDGET if kind == "page" else set() for kind in WEIGHT_BUDGETS}
    assert len(found["thumbnail"]) >= 4 and len(found["page"]) >= 15
    # Charts are files beside the pages, never inlined.
    assert not [name for name in found["page"] if "data:image/png;base64" in (site / name).read_text(encoding="utf-8")]


#: How much smaller than drawn a chart may be shown on a phone: its 8-point labels stay at 9 CSS px or more.
MOST_SHRUNK = 2.3


def test_every_chart_on_a_phone_is_its_narrow_render_and_the_control_map_is_portrait(browser, site, served):
    tab = browser.new_page(viewport=SCREENS["phone"])
    measured = {}
    for name in (page for page in pages(site) if page.startswith("notebooks/")):
        visit(browser, served + name, tab=tab)
        measured.update({src.rsplit("/", 1)[-1]: (natural, height, shown) for src, natural, height, shown in
                         tab.eval_on_selector_all("figure.chart img", "images => images.map(image => "
                                                  "[image.currentSrc, image.naturalWidth, image.naturalHeight, "
                                                  "image.clientWidth])")})
    tab.close()
    drawn = {path.name.replace(".json", "-narrow.png") for path in (ROOT / "figures").glob("*.json")}
    assert set(measured) == drawn
    assert {name: round(natural / shown, 2) for name, (natural, _, shown) in measured.items()
            if natural / shown > MOST_SHRUNK} == {}
    natural, height, _ = measured["05-control-map-narrow.png"]
    assert height > 2 * natural


def test_every_page_opens_with_its_title_and_ends_with_the_version_and_a_citation(site):
    version = re.search(r'^version: "([^"]+)"', (ROOT / "CITATION.cff").read_text(encoding="utf-8"), re.M)[1]
    for name in pages(site):
        text = (site / name).read_text(encoding="utf-8")
        main = text[text.index("<main>") + len("<main>"):].lstrip()
        assert main.startswith("<h1"), f"{name}: something stands before the title: {main[:80]}"
        footer = text[text.index('<footer class="site-footer">'):]
        assert f"Version {version} (" in footer and "Cite as:" in footer and f"(version {version})" in footer, name


def test_under_every_chart_a_link_to_the_rows_it_draws(site):
    charts = 0
    for name in (page for page in pages(site) if page.startswith("notebooks/")):
        text = (site / name).read_text(encoding="utf-8")
        for chart in re.findall(r'<figure class="chart output_subarea">(.*?)</figure>', text, re.S):
            charts += 1
            rows = re.search(r'<p class="chart-data">The rows drawn: <a [^>]*href="\.\./figures/([^"]+\.csv)"', chart)
            assert rows, f"{name}: a chart without the rows it draws"
            assert (site / "figures" / rows[1]).is_file() and (ROOT / "figures" / rows[1]).is_file(), rows[1]
    assert charts == len(list((ROOT / "figures").glob("*.svg")))


def test_no_table_of_a_notebook_page_is_headed_by_a_raw_column_name(site):
    import json

    names = {field["name"] for resource in json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))[
        "resources"] for field in resource.get("schema", {}).get("fields", [])}
    raw = {}
    for name in (page for page in pages(site) if page.startswith("notebooks/")):
        headers = {re.sub(r"<[^>]+>", "", header).strip() for header in re.findall(
            r"<th\b[^>]*>(.*?)</th>", (site / name).read_text(encoding="utf-8"), re.S)}
        found = sorted(header for header in headers if header in names or re.fullmatch(r"[a-z]+(_[a-z0-9]+)*", header))
        if found:
            raw[name] = found
    assert raw == {}


def test_a_readme_s_tables_name_each_cell_s_column_for_a_phone(site):
    readme = (site / "data" / "README.html").read_text(encoding="utf-8")
    tables = re.findall(r'<table class="readme-table">(.*?)</table>', readme, re.S)
    assert len(tables) >= 10
    for table in tables:
        assert '<td>' not in table and re.findall(r'<td data-label="([^"]+)"', table)


def searched(browser, site, query: str) -> dict:
    """What the search box of a page opened from disk, on a phone, lists for `query`: the count it says, and each
    result's page, section address, and snippet with its marked words."""
    tab = browser.new_page(viewport=SCREENS["phone"])
    tab.goto((site / "notebooks" / "02-khojaly-casualties.html").as_uri())
    tab.fill("#site-search-box", query)
    tab.wait_for_selector("#site-search-results li a")
    results = tab.eval_on_selector_all("#site-search-results li", """items => items.map(item => ({
        href: item.querySelector('a').href, snippet: item.querySelector('.snippet').textContent,
        marked: [...item.querySelectorAll('.snippet mark')].map(mark => mark.textContent)}))""")
    count = int(tab.inner_text("#site-search-results p").split()[0])
    tab.close()
    for result in results:
        address = result["href"].removeprefix(site.as_uri() + "/")
        result["page"], result["url"] = address.split("?")[0], address.split("?")[0] + (
            "#" + address.split("#", 1)[1] if "#" in address else "")
    return {"count": count, "results": results}


@pytest.mark.parametrize("term", ["Mijatović", "Bishkek", "Meskhetian", "Hajduković", "Xəbərlənti"])
def test_search_from_disk_finds_a_term_on_the_pages_that_hold_it_with_a_snippet(browser, site, term):
    from karabakh_figures.publishing.search import words_found

    expected = words_found(site, term)
    assert expected, term
    found = searched(browser, site, term)
    pages = {result["page"] for result in found["results"]}
    assert pages <= set(expected)
    if found["count"] <= len(found["results"]):
        assert sorted(pages) == expected
    for result in found["results"]:
        assert any(term.lower() in marked.lower() for marked in result["marked"]), result


def test_a_reference_text_is_a_page_that_search_finds(browser, site):
    """A term that only the reference files hold (the Azerbaijani words of a quote the data keeps) is found there."""
    from karabakh_figures.publishing.search import words_found

    pages = words_found(site, "Xəbərlənti")
    assert pages and any(page.startswith("data/raw/") for page in pages)
    assert {result["page"] for result in searched(browser, site, "Xəbərlənti")["results"]} & {
        page for page in pages if page.startswith("data/raw/")}


def test_a_number_is_found_without_its_separators_and_opens_at_its_section_marked(browser, site):
    from karabakh_figures.publishing.search import words_found

    written = "115,183"
    found = searched(browser, site, written.replace(",", ""))
    assert found["results"] and set(words_found(site, written)) >= {result["page"] for result in found["results"]}
    assert all(written in result["marked"] for result in found["results"])
    first = found["results"][0]
    tab = browser.new_page(viewport=SCREENS["phone"])
    tab.goto(first["href"], wait_until="load")
    marks = tab.eval_on_selector_all("mark.search-mark", """marks => marks.map(mark => {
        const box = mark.getBoundingClientRect();
        return {text: mark.textContent, top: box.top, bottom: box.bottom, height: innerHeight,
                section: [...document.querySelectorAll('h2')].filter(heading =>
                    heading.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING).pop()?.id ?? ''};
    })""")
    tab.close()
    assert marks and {mark["text"] for mark in marks} == {written}
    assert 0 <= marks[0]["top"] and marks[0]["bottom"] <= marks[0]["height"], "the first mark is not in view"
    section = first["url"].split("#", 1)[1] if "#" in first["url"] else ""
    assert {mark["section"] for mark in marks} == {section}, "marks outside the section opened"


def test_search_lists_first_the_sections_and_pages_that_hold_every_term(browser, site):
    from karabakh_figures.publishing.search import site_sections

    terms = ["bishkek", "ceasefire"]
    sections = {section["url"]: " ".join([section["page"], section["section"], section["text"]]).lower()
                for section in site_sections(site)}
    pages = {}
    for url, text in sections.items():
        pages.setdefault(url.split("#")[0], set()).update(term for term in terms if term in text)

    def rank(url: str) -> int:
        return 2 if all(term in sections[url] for term in terms) else 1 if pages[url.split("#")[0]] == set(terms) else 0

    ranks = [rank(result["url"]) for result in searched(browser, site, " ".join(terms))["results"]]
    assert ranks and ranks[0] == 2 and ranks == sorted(ranks, reverse=True), ranks


def test_the_sources_can_be_filtered_by_how_they_were_read_and_who_runs_the_page(browser, served):
    tab = browser.new_page(viewport=SCREENS["desktop"])
    tab.goto(served + "sources.html")
    everyone = tab.locator(".source-list > li:visible").count()
    tab.select_option("#filter-party", "run by a party to the conflict")
    visible = ".source-list > li:not([hidden])"
    shown = tab.eval_on_selector_all(visible, "items => items.map(item => item.dataset.party)")
    assert shown and set(shown) == {"run by a party to the conflict"} and len(shown) < everyone
    assert tab.inner_text("#filter-count") == f"{len(shown)} of {everyone} sources"
    tab.select_option("#filter-status", "second-hand")
    both = tab.eval_on_selector_all(visible, "items => items.map(item => item.dataset.status)")
    assert set(both) <= {"second-hand"} and len(both) <= len(shown)
    hosts = tab.locator("#hosts tbody tr").count()
    tab.close()
    assert hosts == len(read_rows(DATA / "hosts.csv")) - 1


def pages(site: Path) -> list[str]:
    return sorted(str(path.relative_to(site)) for path in site.rglob("*.html"))


def visit(browser, url: str, accessibility: bool = False, tab=None) -> dict:
    """Open `url` and report what a reader's browser saw: errors, failed or outside requests, images, links,
    text and, with `accessibility`, what axe-core finds. `tab`: a page to reuse (a new tab costs a renderer's start).
    """
    page = tab or browser.new_page(viewport=SCREENS["desktop"])
    seen = {"console": [], "errors": [], "failed": [], "outside": []}
    origin = f"{urlparse(url).scheme}://{urlparse(url).netloc}"
    listeners = {
        "console": lambda message: message.type == "error" and seen["console"].append(message.text),
        "pageerror": lambda error: seen["errors"].append(str(error)),
        # A request the browser abandons when the tab moves on (a lazy image of the page before, a narrow render
        # asked for as the screen narrowed) is no broken link; any other failure is.
        "requestfailed": lambda request: "ERR_ABORTED" not in (request.failure or "") and seen["failed"].append(
            request.url),
        "response": lambda response: response.status >= 400 and seen["failed"].append(response.url),
        "request": lambda request: not request.url.startswith((origin, "data:")) and seen["outside"].append(
            request.url),
    }
    for event, listener in listeners.items():
        page.on(event, listener)
    page.goto(url, wait_until="load")
    # Charts load lazily, as a reader scrolls to them: here every image is loaded, to be measured.
    page.evaluate("Promise.all([...document.images].map(image => { image.loading = 'eager'; return image.complete "
                  "? null : new Promise(done => { image.onload = image.onerror = done; }); }))")
    seen["images"] = page.eval_on_selector_all(
        "img", "images => images.map(image => [image.currentSrc.slice(0, 80), image.naturalWidth, image.alt])")
    seen["links"] = page.eval_on_selector_all("a[href]", "links => links.map(link => link.getAttribute('href'))")
    seen["text"] = page.inner_text("body")
    seen["page"] = page
    for event, listener in listeners.items():
        page.remove_listener(event, listener)
    if accessibility:
        from axe_playwright_python.sync_playwright import Axe

        seen["violations"] = {f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} nodes): "
                              f"{violation['help']}": violation["nodes"][0]["html"][:120]
                              for violation in Axe().run(page).response["violations"]}
    return seen


@pytest.fixture(scope="session")
def seen_pages(browser, site, served):
    """Every page, opened once for all the tests that read what a reader's browser saw on it."""
    seen, tab = {}, browser.new_page(viewport=SCREENS["desktop"])
    for name in pages(site):
        tab.set_viewport_size(SCREENS["desktop"])
        seen[name] = visit(browser, served + name, accessibility=True, tab=tab)
        del seen[name]["page"]
        # The same page on each screen: the desktop it was opened at, then the phone, laid out again by its CSS.
        seen[name]["screens"] = {}
        for screen_name, size in SCREENS.items():
            tab.set_viewport_size(size)
            seen[name]["screens"][screen_name] = measured(tab, name)
    tab.close()
    return seen


def test_every_page_loads_cleanly_with_images_alt_text_and_working_links(site, served, seen_pages):
    assert list(seen_pages) == ["data.html", "data/README.html", "data/geo/README.html", "data/raw/README.html",
                                *(f"data/raw/{path.stem}.html" for path in sorted((DATA / "raw").glob("*"))
                                  if path.suffix in (".md", ".txt") and path.name != "README.md"),
                                "figures/README.html", "index.html", "notebooks/00-overview.html",
                                "notebooks/01-territories.html", "notebooks/02-khojaly-casualties.html",
                                "notebooks/03-recognition-timeline.html", "notebooks/04-data-notes.html",
                                "notebooks/05-maps.html", "notebooks/06-international-record.html",
                                "notebooks/07-contested-claims.html", "notebooks/08-displacement.html",
                                "sources.html"]
    for name, seen in seen_pages.items():
        assert (seen["console"], seen["errors"], seen["failed"], seen["outside"]) == ([], [], [], []), name
        for src, width, alt in seen["images"]:
            assert width > 0, f"{name}: image did not load: {src}"
            assert alt.strip(), f"{name}: image without alt text: {src}"
        for href in seen["links"]:
            target = urlparse(urljoin(served + name, href))
            if target.netloc == urlparse(served).netloc:
                assert (site / target.path.lstrip("/")).is_file(), f"{name}: broken link {href}"


def test_pages_show_the_key_numbers(seen_pages):
    acts = len(read_rows(DATA / "recognitions.csv")) - 1
    territories = read_rows(DATA / "territories.csv")
    expected = {
        "index.html": ["613", f"{len(territories) - 1} territories", f"{acts} acts", "CC BY-SA 3.0",
                       # beside 613, the range of the other published figures, and whose they are
                       "from at least 161 (Human Rights Watch, 1993 (attribution probable)) to as many as 500–1,000 "
                       "(Human Rights Watch, 1994, footnote 28)", "for 3 of 3 territories",
                       "documented statements of the parties on 6 contested points",
                       "in the speaker's own words (direct speech)"],
        "notebooks/01-territories.html": ["14,682", "14,393", "20%"],
        "notebooks/02-khojaly-casualties.html": ["613", "613 − 106 − 63 − 70 = 374", "1,000", "487"],
        "notebooks/03-recognition-timeline.html": [f"{acts} acts"],
        "notebooks/04-data-notes.html": ["0 problems"],
        "notebooks/05-maps.html": ["CC BY-SA 3.0", "geoBoundaries (from Wikipedia)", "line of contact (1994–2020)"],
        "notebooks/06-international-record.html": ["S/RES/822 (1993)", "30 April 1993 − 2 April 1993 = 28 days",
                                                   "not named in the texts read", "Vanuatu"],
        "data.html": ["territories.csv", "khojaly_figures.csv", "recognitions.csv", "datapackage.json"],
    }
    for name, numbers in expected.items():
        assert [number for number in numbers if number not in seen_pages[name]["text"]] == [], name


def test_the_sources_page_lists_every_source_with_its_links_and_what_uses_it(site):
    from html.parser import HTMLParser

    class Entries(HTMLParser):
        def __init__(self):
            super().__init__()
            self.ids, self.links, self.current = [], {}, None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "li" and "id" in attrs:
                self.current = attrs["id"]
                self.ids.append(self.current)
                self.links[self.current] = []
            elif tag == "a" and self.current:
                self.links[self.current].append(attrs["href"])

    entries = Entries()
    entries.feed((site / "sources.html").read_text(encoding="utf-8"))
    header, *rows = read_rows(DATA / "sources.csv")
    sources = {row[0]: dict(zip(header, row)) for row in rows}
    assert sorted(entries.ids) == sorted(sources)
    for source_id, source in sources.items():
        for column in ("url", "read_at_url"):
            if source[column]:
                assert source[column] in entries.links[source_id], f"{source_id}: no link to its {column}"
    assert any(link.startswith("notebooks/") for link in entries.links["khojaly-narrative"])
    assert "data.html#khojaly_figures" in entries.links["khojaly-narrative"]


def test_each_notebook_page_ends_with_its_sources_linking_to_the_sources_page(site):
    for page in sorted((site / "notebooks").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        last_section = text[text.rindex('id="Sources"'):]
        assert 'class="sources-used"' in last_section and 'href="../sources.html#' in last_section, page.name


def test_no_page_has_an_accessibility_violation(seen_pages):
    """axe-core (the WCAG rule engine, bundled with axe-playwright-python) on every page: zero violations of
    any impact."""
    assert {f"{name}: {rule}": node for name, seen in seen_pages.items()
            for rule, node in seen["violations"].items()} == {}


def test_code_is_hidden_until_the_reader_asks_for_it(browser, served):
    seen = visit(browser, served + "notebooks/01-territories.html")
    page, code, button = seen["page"], seen["page"].locator(".source-code").first, seen["page"].locator("#toggle-code")
    assert not code.is_visible()
    button.click()
    assert code.is_visible() and button.get_attribute("aria-pressed") == "true" and button.inner_text() == "Hide code"
    button.click()
    assert not code.is_visible() and button.inner_text() == "Show code"
    page.close()


#: What one screen shows of a page: its width, its height, where each qualifying column's first cell sits (and the
#: region it scrolls in), its figures and their links, and its list of contents.
SCREEN_MEASURES = """columns => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    columns: Object.fromEntries(columns.map(column => {
        const cell = document.querySelector(`td[data-label="${column}"]`);
        if (!cell) { return [column, null]; }
        const box = (cell.closest('.table-scroll') || document.body).getBoundingClientRect();
        const own = cell.getBoundingClientRect();
        return [column, {left: own.left, right: own.right, boxLeft: box.left, boxRight: box.right}];
    })),
    figures: [...document.querySelectorAll('figure.chart')].map(figure => ({
        link: figure.querySelector('a > picture > img, a > img')?.closest('a').getAttribute('href') ?? null,
        words: figure.querySelector('.described') ? figure.querySelector('.described').innerText : ''})),
    contents: [...document.querySelectorAll('nav.contents a')].map(link => link.getAttribute('href')),
    anchors: [...document.querySelectorAll('[id]')].map(element => element.id),
})"""


def measured(page, name: str) -> dict:
    return page.evaluate(SCREEN_MEASURES, QUALIFYING_COLUMNS.get(name, []))


@pytest.fixture(scope="session", params=list(SCREENS))
def screen(request, seen_pages):
    """Every page as one screen shows it (SCREEN_MEASURES), as seen_pages measured it."""
    return request.param, SCREENS[request.param], {name: found["screens"][request.param]
                                                   for name, found in seen_pages.items()}


def test_no_page_scrolls_sideways(screen):
    name, size, seen = screen
    assert {page: found["width"] for page, found in seen.items() if found["width"] > size["width"]} == {}, name


def test_the_columns_that_qualify_a_figure_are_in_view_without_scrolling(screen):
    name, size, seen = screen
    for page, columns in QUALIFYING_COLUMNS.items():
        for column in columns:
            cell = seen[page]["columns"][column]
            assert cell, f"{page}: no column {column!r}"
            in_view = (max(cell["boxLeft"], 0) - 1 <= cell["left"]
                       and cell["right"] <= min(cell["boxRight"], size["width"]) + 1)
            assert in_view, f"{name}, {page}: {column!r} is outside the view ({cell})"


def test_every_figure_links_its_svg_and_says_in_words_what_it_shows(screen, site):
    _, _, seen = screen
    figures = [(page, figure) for page, found in seen.items() if page.startswith("notebooks/")
               for figure in found["figures"]]
    assert len(figures) >= len(list((ROOT / "figures").glob("*.svg")))
    for page, figure in figures:
        assert figure["link"] and figure["link"].endswith(".svg"), f"{page}: a figure without its SVG"
        assert (site / "notebooks" / figure["link"]).resolve().is_file(), f"{page}: {figure['link']} is missing"
        assert len(figure["words"]) > 80, f"{page}: {figure['link']} is not described under it"


def test_long_pages_open_with_a_list_of_their_sections(screen):
    name, size, seen = screen
    for page, found in seen.items():
        if name == "desktop" and found["height"] > 5 * size["height"]:
            assert found["contents"], f"{page} is {found['height']} px long and has no list of contents"
        assert {anchor.lstrip("#") for anchor in found["contents"]} <= set(found["anchors"]), page
    assert seen["sources.html"]["contents"] and seen["notebooks/02-khojaly-casualties.html"]["contents"]


def test_a_long_table_can_be_filtered(browser, served):
    page = browser.new_page(viewport=SCREENS["desktop"])
    page.goto(served + "notebooks/04-data-notes.html")
    table = page.locator("table.report-table").filter(has=page.locator("td", has_text="Memorial")).first
    filter_box = table.locator(
        "xpath=ancestor::div[contains(@class, 'table-scroll')]/preceding-sibling::label[1]//input")
    rows = table.locator("tbody tr")
    total = rows.count()
    filter_box.fill("Memorial")
    shown = [row for row in rows.all() if row.is_visible()]
    assert 0 < len(shown) < total and all("memorial" in row.inner_text().lower() for row in shown)
    page.close()


def test_site_works_opened_from_files(browser, site):
    for name in ("index.html", "notebooks/02-khojaly-casualties.html"):
        seen = visit(browser, (site / name).as_uri())
        assert (seen["console"], seen["errors"], seen["failed"]) == ([], [], []), name
        assert all(width > 0 for _, width, _ in seen["images"]), name
        seen["page"].close()


# No digits: every number in a caveat must stand in its quote, and the validator would refuse the row.
MARKUP = {"script": "<script>window.__injected = 'script'</script>",
          "image": '<img src=x onerror="window.__injected = \'image\'">'}


def test_markup_in_the_data_is_shown_as_text_and_never_runs(browser, data_copy, tmp_path):
    # Two rows that 04-data-notes shows (an act with a curator's note, a caveat), so that one notebook is built.
    recognitions = data_copy / "recognitions.csv"
    set_cell(recognitions, row_number(recognitions, "oic-ministerial-kampala"), "label", MARKUP["script"])
    caveats = data_copy / "caveats.csv"
    set_cell(caveats, row_number(caveats, "aghdam-part-given"), "caveat", MARKUP["image"])
    build(data_copy, tmp_path / "out", only=["04-data-notes.ipynb"], report=lambda line: None)
    server = serve(tmp_path / "out" / "site")
    try:
        seen = visit(browser, f"http://127.0.0.1:{server.server_address[1]}/notebooks/04-data-notes.html")
        for markup in MARKUP.values():
            assert markup in seen["text"], f"{markup} is not shown as text"
        assert seen["page"].evaluate("window.__injected") is None, "markup from the data ran"
        assert seen["failed"] == []
        seen["page"].close()
    finally:
        server.shutdown()


def test_every_address_of_a_source_is_shown_in_full_and_is_a_link(site):
    """On the Sources page and in each notebook's list of sources, a reader sees each address, not a label."""
    notebooks = sorted((site / "notebooks").glob("*.html"))
    lists = [(site / "sources.html").read_text(encoding="utf-8")] + [
        page.read_text(encoding="utf-8").split('class="sources-used"')[1] for page in notebooks]
    links = [link for text in lists for link in re.findall(r'<a href="(https?://[^"]+)">([^<]*)</a>', text)]
    assert len(links) > 100
    assert [href for href, shown in links if html.unescape(shown) != html.unescape(href)] == []


#: The most a page may load on a phone, scrolled to its end: its HTML, styles, scripts and every image as loaded.
PHONE_PAGE_BYTES = 400_000
#: The most height the site's header may take on a phone, its menu closed.
PHONE_HEADER_PX = 120
#: What a phone loads of a page scrolled to its end, step by step as a reader scrolls (lazy images load as they come
#: near), and what it then shows: the header's height, every chart image and whether it opens an SVG, the bytes of
#: every resource, the page's height and whether it has a list of contents.
PHONE_MEASURES = """async () => {
    const pause = () => new Promise(done => setTimeout(done, 60));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) { scrollTo(0, y); await pause(); }
    scrollTo(0, document.documentElement.scrollHeight);
    await Promise.all([...document.images].filter(image => image.currentSrc && !image.complete).map(image =>
        new Promise(done => { image.onload = image.onerror = done; setTimeout(done, 10000); })));
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return {
        header: document.querySelector('.site-header').getBoundingClientRect().height,
        charts: [...document.images].filter(image => /(^|\\/)figures\\//.test(image.getAttribute('src')))
            .map(image => ({src: image.currentSrc.split('/').pop(),
                            svg: image.closest('a')?.getAttribute('href') ?? ''})),
        bytes: Object.fromEntries(entries.map(entry => [entry.name.split('/').slice(3).join('/'),
                                                        Math.max(entry.transferSize, entry.encodedBodySize)])),
        height: document.documentElement.scrollHeight,
        contents: !!document.querySelector('nav.contents'),
    };
}"""


@pytest.fixture(scope="session")
def phone_pages(browser, site, served):
    """Every page on a 390-px phone, each in a tab of its own (nothing cached from another page), scrolled to its
    end."""
    seen = {}
    for name in pages(site):
        tab = browser.new_page(viewport=SCREENS["phone"])
        tab.goto(served + name, wait_until="load")
        seen[name] = tab.evaluate(PHONE_MEASURES)
        tab.close()
    return seen


def test_on_a_phone_every_chart_is_its_narrow_render_and_opens_its_svg(phone_pages, site):
    charts = [(page, chart) for page, found in phone_pages.items() for chart in found["charts"]]
    assert {page for page, _ in charts} >= {"index.html", "notebooks/00-overview.html"}
    for page, chart in charts:
        assert chart["src"].endswith("-narrow.png"), f"{page}: {chart['src']} is not a narrow render"
        assert chart["svg"].endswith(chart["src"].removesuffix("-narrow.png") + ".svg"), f"{page}: {chart}"
        assert (site / page).parent.joinpath(chart["svg"]).resolve().is_file(), f"{page}: {chart['svg']} is missing"


def test_a_page_scrolled_to_its_end_on_a_phone_loads_at_most_its_budget(phone_pages):
    loaded = {page: sum(found["bytes"].values()) for page, found in phone_pages.items()}
    assert all(found["bytes"] for found in phone_pages.values())
    assert {page for page, total in loaded.items() if total > PHONE_PAGE_BYTES} == OVER_PHONE_BUDGET, loaded


def test_on_a_phone_the_header_is_short_and_its_menu_opens(phone_pages, browser, served):
    assert {page: found["header"] for page, found in phone_pages.items() if found["header"] > PHONE_HEADER_PX} == {}
    tab = browser.new_page(viewport=SCREENS["phone"])
    tab.goto(served + "notebooks/02-khojaly-casualties.html")
    links = tab.locator("#site-pages a")
    assert links.count() >= 10 and not links.first.is_visible()
    tab.click(".menu-button")
    assert all(link.is_visible() for link in links.all())
    assert tab.get_attribute(".menu-button", "aria-expanded") == "true"
    tab.close()


def test_a_long_page_keeps_a_way_back_to_its_top_and_its_contents(phone_pages, browser, served):
    long_pages = [page for page, found in phone_pages.items() if found["height"] > 4 * SCREENS["phone"]["height"]]
    assert "notebooks/08-displacement.html" in long_pages
    tab = browser.new_page(viewport=SCREENS["phone"])
    for page in long_pages:
        tab.goto(served + page)
        tab.evaluate("scrollTo(0, document.documentElement.scrollHeight / 2)")
        wanted = ["#top", *(["#contents"] if phone_pages[page]["contents"] else [])]
        for href in wanted:
            link = tab.locator(f'.page-return a[href="{href}"]')
            box = link.bounding_box()
            in_view = box and 0 <= box["y"] and box["y"] + box["height"] <= SCREENS["phone"]["height"]
            assert link.is_visible() and in_view, (page, href)
        tab.click('.page-return a[href="#top"]')
        tab.wait_for_function("scrollY === 0")
    tab.close()


def test_a_dark_scheme_for_readers_who_ask_for_one_with_no_accessibility_violation(browser, site, served):
    from axe_playwright_python.sync_playwright import Axe

    tab = browser.new_page(viewport=SCREENS["desktop"], color_scheme="dark")
    found = {}
    for name in pages(site):
        tab.goto(served + name)
        ground = tab.evaluate("getComputedStyle(document.body).backgroundColor")
        assert ground == "rgb(18, 18, 18)", f"{name}: not dark ({ground})"
        found.update({f"{name}: {violation['id']}": violation["nodes"][0]["html"][:120] for violation in
                      Axe().run(tab, options={"runOnly": ["color-contrast", "link-in-text-block"]}).response[
                          "violations"]})
    tab.close()
    assert found == {}


def test_a_printed_page_has_no_navigation_search_or_buttons(browser, served):
    tab = browser.new_page(viewport=SCREENS["desktop"])
    tab.goto(served + "notebooks/02-khojaly-casualties.html")
    screen = {selector: tab.locator(selector).first.is_visible() for selector in
              (".site-header nav", "#site-search-box", "#toggle-code", "main h1")}
    tab.emulate_media(media="print")
    printed = {selector: tab.locator(selector).first.is_visible() for selector in screen}
    tab.close()
    assert screen == dict.fromkeys(screen, True)
    assert printed == {".site-header nav": False, "#site-search-box": False, "#toggle-code": False, "main h1": True}


def test_how_to_cite_gives_a_ready_citation_and_bibtex_for_the_collection_and_the_compilation(site):
    from karabakh_figures.publishing.citing import citation

    cite = citation()
    section = (site / "data.html").read_text(encoding="utf-8").split('<section id="cite">')[1].split("</section>")[0]
    text = html.unescape(re.sub(r"<[^>]+>", "", section))
    assert "cff-version" not in text and "date-released:" not in text, "the raw CITATION.cff is shown"
    assert cite["text"] in text and cite["bibtex"] in text
    assert re.search(r"@misc\{occupation-in-figures,\n  title = \{The Occupation in Figures\}", text)
    assert 'href="data/raw/the-occupation-in-figures.html"' in section


def test_a_citation_file_without_a_version_is_refused_naming_it(tmp_path):
    from karabakh_figures.publishing.citing import citation

    broken = tmp_path / "CITATION.cff"
    broken.write_text((ROOT / "CITATION.cff").read_text(encoding="utf-8").replace("version:", "edition:"),
                      encoding="utf-8")
    with pytest.raises(ValueError, match="CITATION.cff: no title, version"):
        citation(broken)


def test_each_notebook_page_links_its_notebook_for_download(site):
    for notebook in notebooks():
        page = (site / "notebooks" / f"{notebook.stem}.html").read_text(encoding="utf-8")
        assert f'<a href="{notebook.name}" download>' in page, notebook.name
        assert (site / "notebooks" / notebook.name).read_bytes() == notebook.read_bytes()


def test_the_compilation_is_a_page_with_each_section_where_sources_csv_says_it_begins(site):
    header, *rows = read_rows(DATA / "sources.csv")
    sections = {row[0]: dict(zip(header, row)) for row in rows
                if dict(zip(header, row))["raw_file"] == "raw/the-occupation-in-figures.txt"}
    page = (site / "data/raw/the-occupation-in-figures.html").read_text(encoding="utf-8")
    lines = (DATA / "raw/the-occupation-in-figures.txt").read_text(encoding="utf-8").splitlines()
    headings = dict(re.findall(r'<h2 id="([^"]+)">([^<]*)</h2>', page))
    assert {source_id: html.unescape(headings.get(source_id, "")) for source_id in sections} == {
        source_id: lines[int(section["section_line"]) - 1] for source_id, section in sections.items()}
    sources = (site / "sources.html").read_text(encoding="utf-8")
    assert 'href="data/raw/the-occupation-in-figures.html#khojaly-narrative"' in sources
