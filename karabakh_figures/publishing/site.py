"""The static site for readers, rendered from the executed notebooks without running them again.

Everything it needs is written into the site folder (styles, script, figures, data), so that it works
opened from file:// and served by any static server, with no request to another host.
"""

import hashlib
import html
import json
import re
from functools import lru_cache
from pathlib import Path

from ..data.paths import ROOT
from ..presentation.output_types import SOURCES_MIMETYPE
from . import search

TEMPLATES = Path(__file__).resolve().parent / "site_templates"
#: Short names for the navigation, by notebook number.
_SHORT_NAMES = {"00": "Overview", "01": "Territories", "02": "Khojaly", "03": "Recognitions", "04": "Data notes",
                "05": "Maps", "06": "International record", "07": "Contested claims",
                "08": "Displacement"}


def render_site(notebooks: list[Path], figures_dir: Path, data_dir: Path, out_dir: Path,
                bodies: dict[str, str] | None = None) -> list[Path]:
    """Write the site for the executed `notebooks` into `out_dir`; returns the pages written. `bodies` holds
    notebook pages' bodies already rendered (by notebook_body, where each notebook was executed), by name.

    A page whose inputs (its notebook, the data, the templates) are unchanged since it was written is left
    as it is; the hashes are kept in OUT/.build-state.json.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _sync_tree(TEMPLATES / "assets", out_dir / "assets", extra={"style.css": _stylesheet()})
    # The READMEs become pages of their own (README.html beside each), which the copies leave in place.
    _sync_tree(figures_dir, out_dir / "figures", skip=("README.md",), keep=("README.html",))
    _sync_tree(data_dir, out_dir / "data", skip=("README.md", "CHANGELOG.md"), keep=("README.html",))
    readmes = _readmes(figures_dir, data_dir)
    state_path = out_dir / ".build-state.json"
    state = json.loads(state_path.read_text(encoding="utf-8")) if state_path.is_file() else {}
    # Every page's footer cites the collection from CITATION.cff: a new version renders every page again.
    templates = _hash(_digest(sorted(TEMPLATES.rglob("*.j2"))), (ROOT / "CITATION.cff").read_bytes())
    data_files = _digest(sorted(path for path in data_dir.rglob("*") if path.is_file()))
    entries = [_entry(path, figures_dir) for path in notebooks]
    pages = ([{"href": "index.html", "short": "Home"}]
             + [{"href": entry["href"], "short": entry["short"]} for entry in entries]
             + [{"href": "data.html", "short": "Data"}, {"href": "sources.html", "short": "Sources"}])
    navigation = json.dumps(pages)
    wanted = {
        "index.html": _hash(templates, data_files, navigation, json.dumps(entries, sort_keys=True)),
        **{entry["href"]: _hash(templates, navigation, path.read_bytes()) for entry, path in zip(entries, notebooks)},
        "data.html": _hash(templates, data_files, navigation, (ROOT / "CITATION.cff").read_bytes()),
        "sources.html": _hash(templates, data_files, navigation, json.dumps(entries, sort_keys=True)),
        **{page: _hash(templates, navigation, readme.read_bytes()) for page, readme in readmes.items()},
    }
    stale = {page for page, digest in wanted.items() if state.get(page) != digest or not (out_dir / page).is_file()}
    if not stale:
        return []
    # Rendering needs Jinja, nbconvert and the data; a site with nothing stale needs none of them.
    import jinja2
    import markupsafe
    import nbformat

    from ..data import codebook
    from ..data.descriptor import read_descriptor
    from ..presentation.tables import linked_addresses
    from ..subjects.overview import key_figures

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                     keep_trailing_newline=True)
    environment.filters["linked"] = lambda text: markupsafe.Markup(linked_addresses(str(markupsafe.escape(text))))
    environment.globals["cite"] = citation()
    written = []

    def write(page: str, template: str, **context) -> None:
        root = "../" * page.count("/")
        html = environment.get_template(template).render(pages=pages, current=page, root=root, **context)
        (out_dir / page).parent.mkdir(parents=True, exist_ok=True)
        (out_dir / page).write_text(html, encoding="utf-8")
        written.append(out_dir / page)

    if "index.html" in stale:
        for entry in entries:
            if entry["thumbnail"]:
                entry["thumbnail"].update(_thumbnail(figures_dir / f"{entry['thumbnail']['name']}.png", out_dir))
        figures = key_figures()["key figure"].to_dict()
        maps = [entry["thumbnail"] for entry in entries if entry["name"].startswith("05-") and entry["thumbnail"]]
        write("index.html", "index.html.j2", title="Home", locator=maps[0] if maps else None,
              notebooks=[{**entry, "key_figure": figures.get(entry["name"], "")} for entry in entries])
    for path, entry in zip(notebooks, entries):
        if entry["href"] in stale:
            body = (bodies or {}).get(path.name) or notebook_body(nbformat.read(path, as_version=4))
            write(entry["href"], "notebook.html.j2", title=entry["title"], name=path.name, code_toggle=True,
                  **_with_contents(body))
    if "data.html" in stale:
        descriptor = read_descriptor(data_dir)
        tables = codebook.tables(data_dir)
        write("data.html", "data.html.j2", title="Data", description=descriptor["description"], tables=tables,
              contents=[*({"anchor": table["name"], "title": table["title"]} for table in tables),
                        {"anchor": "cite", "title": "How to cite"}],
              raw_files=[resource["path"] for resource in descriptor["resources"]
                         if "schema" not in resource and resource.get("format") != "geojson"],
              map_files=[resource for resource in descriptor["resources"] if resource.get("format") == "geojson"],
              citation=(ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    if "sources.html" in stale:
        from ..data.loading import load

        groups = _source_groups(entries)
        described = [source for group in groups for source in group["sources"]]
        write("sources.html", "sources.html.j2", title="Sources", groups=groups,
              statuses=sorted({source["status"] for source in described}),
              party_links=sorted({source["party_link"] for source in described}),
              hosts=load("hosts").to_dict("records"))
    for page, readme in readmes.items():
        if page in stale:
            text = readme.read_text(encoding="utf-8")
            title = text.splitlines()[0].removeprefix("# ").strip()
            write(page, "readme.html.j2", title=title, name=page.removesuffix(".html") + ".md",
                  **_with_contents(_scrolling_regions(_link_pages(_readme_markdown()(text)))))
    for page in set(state) - set(wanted):
        (out_dir / page).unlink(missing_ok=True)
    if written or not (out_dir / search.INDEX_FILE).is_file():
        search.write_index(out_dir)
    if wanted != state:
        state_path.write_text(json.dumps(wanted, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return written


def _stylesheet() -> bytes:
    from pygments.formatters import HtmlFormatter

    highlighting = HtmlFormatter(style="default").get_style_defs(".highlight")
    return ((TEMPLATES / "assets" / "style.css").read_text(encoding="utf-8")
            + "\n/* Code highlighting (Pygments) */\n" + highlighting + "\n").encode("utf-8")


#: The most bytes a page of the site, a chart's SVG and a thumbnail may weigh (benchmarks/weights.py reports them;
#: a test holds them, since the sizes are the same on every run): a page on a phone's connection stays light.
WEIGHT_BUDGETS = {"page": 300_000, "svg": 600_000, "thumbnail": 60_000}


def weights(site: Path, figures_dir: Path) -> dict[str, dict[str, int]]:
    """The bytes of every page of a rendered site, every chart's SVG and every thumbnail, by kind and file."""
    return {"page": {str(path.relative_to(site)): path.stat().st_size for path in sorted(site.rglob("*.html"))},
            "svg": {path.name: path.stat().st_size for path in sorted(figures_dir.glob("*.svg"))},
            "thumbnail": {path.name: path.stat().st_size for path in sorted((site / "thumbnails").glob("*.png"))}}


#: A thumbnail's width on the index, in CSS pixels (style.css: .thumbnail), and the pixels drawn for each: two, for
#: a sharp image on a phone's screen.
THUMBNAIL_CSS_PX, THUMBNAIL_DENSITY = 224, 2


def _thumbnail(png: Path, out_dir: Path) -> dict:
    """A chart's PNG drawn again at the size the index shows it (site/thumbnails/, beside the copy of figures/
    that each build makes exact), so that the index does not load full-size charts for small pictures: its
    address and size."""
    from PIL import Image

    target = out_dir / "thumbnails" / png.name
    with Image.open(png) as image:
        width = THUMBNAIL_CSS_PX * THUMBNAIL_DENSITY
        height = round(image.height * width / image.width)
        target.parent.mkdir(parents=True, exist_ok=True)
        drawn = image.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
        # A palette of 256 colours: a chart has few, and the file is a third of the size.
        drawn.quantize(256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
    return {"src": f"thumbnails/{png.name}", "width": THUMBNAIL_CSS_PX,
            "height": round(height / THUMBNAIL_DENSITY)}


def _sync_tree(source: Path, target: Path, skip: tuple[str, ...] = (), extra: dict[str, bytes] | None = None,
               keep: tuple[str, ...] = ()) -> None:
    """Make `target` hold exactly the files of `source` (less `skip`, with `extra` contents overriding, and
    leaving files named in `keep`, which other steps write), writing only the files that differ."""
    wanted = {path.relative_to(source): path.read_bytes() for path in source.rglob("*")
              if path.is_file() and path.name not in skip}
    wanted.update({Path(name): content for name, content in (extra or {}).items()})
    for relative, content in wanted.items():
        path = target / relative
        if not path.is_file() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    if target.is_dir():
        for path in [p for p in target.rglob("*") if p.is_file() and p.relative_to(target) not in wanted
                     and p.name not in keep]:
            path.unlink()


def _digest(paths: list[Path]) -> str:
    return _hash(*(path.read_bytes() for path in paths))


def _hash(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def _source_groups(entries: list[dict]) -> list[dict]:
    """The sources, compilation first, each with the tables that rest on it and the notebooks that used it."""
    from ..data.loading import load
    from ..data.words import written_date
    from ..subjects.sources import tables_by_source

    tables = tables_by_source()
    sources = load("sources").astype(object).where(lambda frame: frame.notna(), None)
    described = []
    for record in sources.to_dict("records"):
        notebooks = [{"href": entry["href"], "title": entry["title"]} for entry in entries
                     if record["source_id"] in entry["sources"]]
        date = record["date"]
        described.append({**record, "date": written_date(date) if date is not None else None,
                          "tables": tables.get(record["source_id"], []), "notebooks": notebooks})
    compilation = [source for source in described if source["kind"] == "compilation section"]
    outside = [source for source in described if source["kind"] != "compilation section"]
    return [{"id": "compilation", "title": "The compilation, section by section", "sources": compilation},
            {"id": "outside", "title": "Outside sources", "sources": outside}]


def citation(path: Path = ROOT / "CITATION.cff") -> dict[str, str]:
    """The collection's version, its release date and a ready citation, as CITATION.cff gives them (its top-level
    keys, read as the file writes them: one quoted value a line)."""
    text = path.read_text(encoding="utf-8")

    def value(key: str) -> str:
        found = re.search(rf'^{key}: "([^"]*)"', text, re.M)
        if found is None:
            raise ValueError(f"{path}: no {key} line")
        return found[1]

    authors = " & ".join(re.findall(r'^  - name: "([^"]*)"', text.split("\nreferences:")[0], re.M))
    version, released = value("version"), value("date-released")
    return {"version": version, "date": released,
            "text": f"{authors} ({released[:4]}). {value('title')} (version {version}) [Data set]."}


def _sources_used(notebook: dict) -> list[str]:
    """The sources a notebook recorded as used (its sources.used_here() output), if any."""
    return [source for cell in notebook["cells"] for output in cell.get("outputs", [])
            for source in output.get("data", {}).get(SOURCES_MIMETYPE, {}).get("sources", [])]


def _entry(path: Path, figures_dir: Path) -> dict:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    about = notebook["metadata"].get("karabakh", {})
    first = notebook["cells"][0]["source"]
    title = ("".join(first) if isinstance(first, list) else first).splitlines()[0].removeprefix("# ").strip()
    thumbnail = None
    if about.get("key_chart"):
        record = json.loads((figures_dir / f"{about['key_chart']}.json").read_text(encoding="utf-8"))
        thumbnail = {"name": about["key_chart"], "src": f"figures/{about['key_chart']}.png", "alt": record["alt"]}
    return {"name": path.name, "href": f"notebooks/{path.stem}.html", "title": title,
            "short": _SHORT_NAMES.get(path.name[:2], title), "summary": about.get("summary", ""),
            "thumbnail": thumbnail, "sources": _sources_used(notebook)}


def notebook_body(notebook) -> str:
    """The HTML of an executed notebook's cells, as its page on the site shows them."""
    body, _ = _exporter().from_notebook_node(notebook)
    return _link_pages(body)


@lru_cache(maxsize=1)
def _exporter():
    import mistune
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="notebook", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input_prompt=True, exclude_output_prompt=True)
    # Markdown that a notebook's code builds from data is shown as written: markup in the data stays text.
    exporter.register_filter("markdown_as_text_safe", mistune.create_markdown(escape=True))
    return exporter


def _link_pages(body: str) -> str:
    """Links to a notebook or a README point at its page on the site."""
    return re.sub(r'href="((?!https?:)[^"#]*?(?:\d\d-[^"#/]*|README))\.(?:ipynb|md)', r'href="\1.html', body)


def _readmes(figures_dir: Path, data_dir: Path) -> dict[str, Path]:
    """The READMEs of the figures and the data, by the page each becomes."""
    found = {"figures/README.html": figures_dir / "README.md"} if (figures_dir / "README.md").is_file() else {}
    found.update({f"data/{readme.relative_to(data_dir).with_suffix('.html')}": readme
                  for readme in sorted(data_dir.rglob("README.md"))})
    return found


@lru_cache(maxsize=1)
def _readme_markdown():
    import mistune

    return mistune.create_markdown(escape=False, plugins=["table"])


def _scrolling_regions(body: str) -> str:
    """A README's tables and code blocks scroll inside their own region, which a keyboard can reach, rather than
    widening the page; on a phone each row of a table is a block, every cell under its column's name (as the
    report tables do), so that no column is clipped."""
    numbers = iter(range(1, body.count("<table>") + 1))

    def region(table: re.Match) -> str:
        headers = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<th[^>]*>(.*?)</th>", table[1], re.S)]
        label = f"Table {next(numbers)}: {', '.join(headers[:3])}"

        def labelled_row(row: re.Match) -> str:
            cells = iter(headers)
            return re.sub(r"<td\b", lambda _: f'<td data-label="{html.escape(next(cells, ""))}"', row[0])

        rows = re.sub(r"<tr>.*?</tr>", labelled_row, table[1], flags=re.S)
        return (f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">'
                f'<table class="readme-table">{rows}</table></div>')

    body = re.sub(r"<table>(.*?)</table>", region, body, flags=re.S)
    return body.replace("<pre>", '<pre tabindex="0">')


_HEADING = re.compile(r'<h2(?: id="([^"]*)")?>(.*?)</h2>', re.S)
_TITLE = re.compile(r"<h1\b[^>]*>.*?</h1>", re.S)


def _with_contents(body: str) -> dict:
    """The page's title (its first heading, taken out of the body so that it comes before anything else on the
    page), its body with an id on each section heading, and its list of contents (where it has three sections or
    more: a shorter page needs none)."""
    contents = []
    title = _TITLE.search(body)
    heading = title[0] if title else ""
    body = body.replace(heading, "", 1)

    def named(heading: re.Match) -> str:
        words = re.sub(r"<[^>]+>", "", heading[2]).replace("¶", "").strip()
        anchor = heading[1] or re.sub(r"[^\w]+", "-", words.lower()).strip("-")
        contents.append({"anchor": anchor, "title": words})
        return f'<h2 id="{anchor}">{heading[2]}</h2>'

    body = _HEADING.sub(named, body)
    return {"heading": heading, "body": body, "contents": contents if len(contents) >= 3 else []}
