"""What the site changes in a page's HTML once it is rendered, edited with BeautifulSoup in one reading of the page:
links to a notebook or a README lead to its page, a chart drawn in a notebook's text serves its narrow render to a
phone and opens its full-size SVG, a README's tables and code scroll in a region of their own, and the title and the
sections are taken out for the page's list of contents."""

import re

#: A link to a notebook or a README of the collection, which the site shows as a page: its address less the suffix.
_PAGE_LINK = re.compile(r"^((?!https?:)[^#]*?(?:\d\d-[^#/]*|README))\.(?:ipynb|md)(?=#|$)")
#: A chart of figures/ drawn as an image (a notebook's Markdown shows them so): its address less ".png".
_CHART_IMAGE = re.compile(r"^((?:\.\./)*figures/(?![^/]*-narrow\.png$)[^/]+)\.png$")
#: The screens a chart's narrow render is for (the width below which style.css lays a page out for a phone).
NARROW_MEDIA = "(max-width: 40rem)"


def page_parts(body: str, readme: bool = False) -> dict:
    """The page's title, its body and its list of contents (page_html.contents), from the rendered `body`; a README
    (`readme`) has its tables and code set in scrolling regions."""
    from bs4 import BeautifulSoup

    document = BeautifulSoup(body, "html.parser")
    _link_pages(document)
    _serve_narrow_charts(document)
    if readme:
        _scrolling_regions(document)
    title = document.find("h1")
    heading = title.extract().decode(formatter="html5") if title else ""
    listed = _contents(document)
    return {"heading": heading, "body": document.decode(formatter="html5"), "contents": listed}


def _link_pages(document) -> None:
    for link in document.find_all("a", href=True):
        link["href"] = _PAGE_LINK.sub(r"\1.html", link["href"])


def _serve_narrow_charts(document) -> None:
    """Each chart image not yet in a <picture> becomes one whose narrow render a phone loads instead, lazily, in a
    link to the chart's full-size SVG."""
    for image in document.find_all("img", src=_CHART_IMAGE):
        if image.find_parent("picture"):
            continue
        chart = _CHART_IMAGE.match(image["src"])[1]
        image["loading"], image["decoding"] = "lazy", "async"
        picture = image.wrap(document.new_tag("picture"))
        image.insert_before(document.new_tag("source", attrs={"media": NARROW_MEDIA, "srcset": f"{chart}-narrow.png"}))
        if not picture.find_parent("a"):
            picture.wrap(document.new_tag("a", href=f"{chart}.svg"))


def _scrolling_regions(document) -> None:
    """Tables and code blocks scroll inside their own region, which a keyboard can reach, rather than widening the
    page; on a phone each row of a table is a block, every cell under its column's name (as the report tables do), so
    that no column is clipped."""
    for number, table in enumerate(document.find_all("table"), start=1):
        headers = [cell.get_text().strip() for cell in table.find_all("th")]
        for row in table.find_all("tr"):
            labels = iter(headers)
            for cell in row.find_all("td"):
                cell["data-label"] = next(labels, "")
        table["class"] = "readme-table"
        table.wrap(document.new_tag("div", attrs={"class": "table-scroll", "role": "region", "tabindex": "0",
                                                  "aria-label": f"Table {number}: {', '.join(headers[:3])}"}))
    for block in document.find_all("pre"):
        block["tabindex"] = "0"


def _contents(document) -> list[dict]:
    """An id on each section heading (h2, and h3 where there are fewer than three h2), and the list of them, where a
    page has three or more (a shorter page needs none)."""
    listed, headings = [], document.find_all("h2")
    for heading in headings if len(headings) >= 3 else document.find_all(["h2", "h3"]):
        words = heading.get_text().replace("¶", "").strip()
        heading["id"] = heading.get("id") or re.sub(r"[^\w]+", "-", words.lower()).strip("-")
        listed.append({"anchor": heading["id"], "title": words})
    return listed if len(listed) >= 3 else []
