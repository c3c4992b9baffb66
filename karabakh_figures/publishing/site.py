"""The static site for readers, rendered from the executed notebooks without running them again.

Everything it needs is written into the site folder (styles, script, figures, data), so that it works
opened from file:// and served by any static server, with no request to another host.
"""

import hashlib
import io
import json
from functools import lru_cache
from pathlib import Path

from ..data.paths import ROOT
from ..presentation.output_types import SOURCES_MIMETYPE
from . import search
from .citing import citation, compilation_citation
from .page_html import page_parts

TEMPLATES = Path(__file__).resolve().parent / "site_templates"
#: Short names for the navigation, by notebook number.
_SHORT_NAMES = {"00": "Overview", "01": "Territories", "02": "Khojaly", "03": "Recognitions", "04": "Data notes",
                "05": "Maps", "06": "International record", "07": "Contested claims",
                "08": "Displacement"}


def render_site(notebooks: list[Path], figures_dir: Path, data_dir: Path, out_dir: Path,
                bodies: dict[str, dict] | None = None) -> list[Path]:
    """Write the site for the executed `notebooks` into `out_dir`; returns the pages written. `bodies` holds
    notebook pages' bodies already rendered (by notebook_body, where each notebook was executed), by name.

    A page whose inputs (its notebook, the data, the templates) are unchanged since it was written is left
    as it is; the hashes are kept in OUT/.build-state.json.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _sync_tree(TEMPLATES / "assets", out_dir / "assets", extra={"style.css": _stylesheet()})
    state_path = out_dir / ".build-state.json"
    state = json.loads(state_path.read_text(encoding="utf-8")) if state_path.is_file() else {}
    # The READMEs become pages of their own (README.html beside each), which the copies leave in place.
    phone_renders = _phone_renders(figures_dir, out_dir / "figures", state)
    _sync_tree(figures_dir, out_dir / "figures", skip=("README.md",), keep=("README.html",),
               extra={name: render for name, (_, render) in phone_renders.items()})
    readmes, texts = _readmes(figures_dir, data_dir), _reference_texts(data_dir)
    _sync_tree(data_dir, out_dir / "data", skip=("README.md", "CHANGELOG.md"),
               keep=("README.html", *(Path(page).name for page in texts)))
    _copy_notebooks(notebooks, out_dir / "notebooks")
    # Every page's footer cites the collection from CITATION.cff: a new version renders every page again, as does a
    # change to the code that renders them.
    templates = _hash(_digest(sorted([*TEMPLATES.rglob("*.j2"), *Path(__file__).parent.glob("*.py")])),
                      (ROOT / "CITATION.cff").read_bytes())
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
        # The compilation's page heads its sections as sources.csv does; each page is titled as the descriptor does.
        **{page: _hash(templates, navigation, text.read_bytes(), (data_dir / "sources.csv").read_bytes(),
                       (data_dir / "datapackage.json").read_bytes()) for page, text in texts.items()},
    }
    stale = {page for page, digest in wanted.items() if state.get(page) != digest or not (out_dir / page).is_file()}
    wanted.update({f"figures/{name}": source for name, (source, _) in phone_renders.items()})
    if not stale:
        if wanted != state:
            state_path.write_text(json.dumps(wanted, indent=1, sort_keys=True) + "\n", encoding="utf-8")
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
            write(entry["href"], "notebook.html.j2", title=entry["title"], name=path.name, code_toggle=True, **body)
    from ..data.loading import load

    descriptor = read_descriptor(data_dir)
    if "data.html" in stale:
        tables = codebook.tables(data_dir)
        write("data.html", "data.html.j2", title="Data", description=descriptor["description"], tables=tables,
              contents=[*({"anchor": table["name"], "title": table["title"]} for table in tables),
                        {"anchor": "cite", "title": "How to cite"}],
              raw_files=[resource["path"] for resource in descriptor["resources"]
                         if "schema" not in resource and resource.get("format") != "geojson"],
              map_files=[resource for resource in descriptor["resources"] if resource.get("format") == "geojson"],
              compilation=compilation_citation(load("sources"), citation()))
    if "sources.html" in stale:
        groups = _source_groups(entries)
        described = [source for group in groups for source in group["sources"]]
        write("sources.html", "sources.html.j2", title="Sources", groups=groups,
              contents=[{"anchor": group["id"], "title": group["title"]} for group in groups],
              statuses=sorted({source["status"] for source in described}),
              party_links=sorted({source["party_link"] for source in described}),
              hosts=load("hosts").to_dict("records"))
    for page, readme in readmes.items():
        if page in stale:
            text = readme.read_text(encoding="utf-8")
            title = text.splitlines()[0].removeprefix("# ").strip()
            write(page, "readme.html.j2", title=title, name=page.removesuffix(".html") + ".md",
                  **page_parts(_readme_markdown()(text), readme=True))
    titles = {resource["path"]: resource["title"] for resource in descriptor["resources"]}
    for page, text in texts.items():
        if page in stale:
            name = text.relative_to(data_dir).as_posix()
            write(page, "reference.html.j2", title=titles.get(name, text.name), name=f"data/{name}",
                  **(_compilation_page(text, titles.get(name, text.name)) if text.suffix == ".txt" else
                     page_parts(_reference_markdown()(text.read_text(encoding="utf-8")), readme=True)))
    for page in {page for page in set(state) - set(wanted) if page.endswith(".html")}:
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


def _phone_renders(figures_dir: Path, target: Path, state: dict) -> dict[str, tuple[str, bytes]]:
    """Each chart's narrow render as a phone loads it from the site: in a palette of 256 colours (a chart has few),
    under half the bytes, at the size drawn; by file name, with the digest of the render it was made from. A render
    whose digest `state` recorded is read back rather than made again."""
    from PIL import Image

    renders = {}
    for path in sorted(figures_dir.glob("*-narrow.png")):
        source, made = hashlib.sha256(path.read_bytes()).hexdigest(), target / path.name
        if state.get(f"figures/{path.name}") == source and made.is_file():
            renders[path.name] = (source, made.read_bytes())
            continue
        with Image.open(path) as image, io.BytesIO() as written:
            # Fast octree: a tenth of median cut's time, and smaller files here.
            image.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE).save(written, format="PNG")
            renders[path.name] = (source, written.getvalue())
    return renders


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
                          "tables": tables.get(record["source_id"], []), "notebooks": notebooks,
                          "texts": _texts_read(record)})
    compilation = [source for source in described if source["kind"] == "compilation section"]
    outside = [source for source in described if source["kind"] != "compilation section"]
    return [{"id": "compilation", "title": "The compilation, section by section", "sources": compilation},
            {"id": "outside", "title": "Outside sources", "sources": outside}]


def _texts_read(source: dict) -> list[dict]:
    """The pages of the texts a source's rows were read from (its raw files), at its section for the compilation."""
    section = f"#{source['source_id']}" if source["section_line"] is not None else ""
    return [{"href": f"data/{Path(raw).with_suffix('.html').as_posix()}{section}", "name": Path(raw).name}
            for raw in (source["raw_file"] or "").split(";") if raw]


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


def notebook_body(notebook) -> dict:
    """An executed notebook's page as the site shows it (page_html.page_parts): its title, the HTML of its cells and
    its list of contents."""
    body, _ = _exporter().from_notebook_node(notebook)
    return page_parts(body)


@lru_cache(maxsize=1)
def _exporter():
    import mistune
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="notebook", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input_prompt=True, exclude_output_prompt=True)
    # Markdown that a notebook's code builds from data is shown as written: markup in the data stays text.
    exporter.register_filter("markdown_as_text_safe", mistune.create_markdown(escape=True))
    return exporter


def _readmes(figures_dir: Path, data_dir: Path) -> dict[str, Path]:
    """The READMEs of the figures and the data, by the page each becomes."""
    found = {"figures/README.html": figures_dir / "README.md"} if (figures_dir / "README.md").is_file() else {}
    found.update({f"data/{readme.relative_to(data_dir).with_suffix('.html')}": readme
                  for readme in sorted(data_dir.rglob("README.md"))})
    return found


def _reference_texts(data_dir: Path) -> dict[str, Path]:
    """The texts the data is read from (data/raw: the compilation and the project's reference files), by the page
    each becomes, so that a reader can read the source a figure comes from, and search it."""
    return {f"data/raw/{path.stem}.html": path for path in sorted((data_dir / "raw").glob("*"))
            if path.suffix in (".md", ".txt") and path.name != "README.md"}


def _compilation_page(text: Path, title: str) -> dict:
    """The compilation as it is kept, line by line (each line a paragraph, with its number as an anchor), each of its
    sections headed where sources.csv says it begins, with the section's source_id as its anchor."""
    from ..data.loading import load

    sources = load("sources")
    sections = sources[sources["raw_file"] == f"raw/{text.name}"]
    headings = dict(zip(sections["section_line"].astype(int), sections["source_id"]))
    lines = [{"number": number, "text": line, "section": headings.get(number)}
             for number, line in enumerate(text.read_text(encoding="utf-8").splitlines(), start=1) if line.strip()]
    contents = [{"anchor": line["section"], "title": line["text"]} for line in lines if line["section"]]
    return {"heading": "", "title_line": title, "lines": lines, "contents": contents}


def _copy_notebooks(notebooks: list[Path], target: Path) -> None:
    """Each notebook beside its page, for the page's download link; a notebook no longer built is taken away."""
    target.mkdir(parents=True, exist_ok=True)
    for path in notebooks:
        if not (target / path.name).is_file() or (target / path.name).read_bytes() != path.read_bytes():
            (target / path.name).write_bytes(path.read_bytes())
    for stale in set(target.glob("*.ipynb")) - {target / path.name for path in notebooks}:
        stale.unlink()


@lru_cache(maxsize=1)
def _reference_markdown():
    """The reference files' Markdown, any markup in them shown as text."""
    import mistune

    return mistune.create_markdown(escape=True, plugins=["table"])


@lru_cache(maxsize=1)
def _readme_markdown():
    import mistune

    return mistune.create_markdown(escape=False, plugins=["table"])
