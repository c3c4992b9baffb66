"""The static site for readers, rendered from the executed notebooks without running them again.

Everything it needs is written into the site folder (styles, script, figures, data), so that it works
opened from file:// and served by any static server, with no request to another host.
"""

import json
import re
import shutil
from pathlib import Path

import jinja2
import mistune
import nbformat
from nbconvert import HTMLExporter
from pygments.formatters import HtmlFormatter

from . import codebook
from .analysis import key_figures
from .paths import ROOT

TEMPLATES = Path(__file__).resolve().parent / "site_templates"
#: Short names for the navigation, by notebook number.
_SHORT_NAMES = {"00": "Overview", "01": "Territories", "02": "Khojaly", "03": "Recognitions", "04": "Data notes"}
_MANAGED = ("assets", "data", "figures", "notebooks", "index.html", "data.html")
# Markdown that a notebook's code builds from data is shown as written: markup in the data stays text.
_markdown_as_text = mistune.create_markdown(escape=True)


def render_site(notebooks: list[Path], figures_dir: Path, data_dir: Path, out_dir: Path) -> list[Path]:
    """Write the site for the executed `notebooks` into `out_dir`; returns the pages written."""
    out_dir = Path(out_dir)
    _clear(out_dir)
    _copy_files(figures_dir, data_dir, out_dir)
    entries = [_entry(path, figures_dir) for path in notebooks]
    pages = ([{"href": "index.html", "short": "Home"}]
             + [{"href": entry["href"], "short": entry["short"]} for entry in entries]
             + [{"href": "data.html", "short": "Data"}])
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                     keep_trailing_newline=True)
    written = []

    def write(page: str, template: str, **context) -> None:
        root = "../" * page.count("/")
        html = environment.get_template(template).render(pages=pages, current=page, root=root, **context)
        (out_dir / page).parent.mkdir(parents=True, exist_ok=True)
        (out_dir / page).write_text(html, encoding="utf-8")
        written.append(out_dir / page)

    figures = key_figures()["key figure"].to_dict()
    for entry in entries:
        entry["key_figure"] = figures.get(entry["name"], "")
    write("index.html", "index.html.j2", title="Home", notebooks=entries)
    exporter = _exporter()
    for path, entry in zip(notebooks, entries):
        body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
        write(entry["href"], "notebook.html.j2", title=entry["title"], name=path.name, code_toggle=True,
              body=_link_pages(body))
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    write("data.html", "data.html.j2", title="Data", description=descriptor["description"],
          tables=codebook.tables(data_dir),
          raw_files=[resource["path"] for resource in descriptor["resources"] if "schema" not in resource],
          citation=(ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    return written


def _clear(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in _MANAGED:
        target = out_dir / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def _copy_files(figures_dir: Path, data_dir: Path, out_dir: Path) -> None:
    shutil.copytree(TEMPLATES / "assets", out_dir / "assets")
    with (out_dir / "assets" / "style.css").open("a", encoding="utf-8") as style:
        highlighting = HtmlFormatter(style="default").get_style_defs(".highlight")
        style.write("\n/* Code highlighting (Pygments) */\n" + highlighting)
    shutil.copytree(figures_dir, out_dir / "figures", ignore=shutil.ignore_patterns("README.md"))
    shutil.copytree(data_dir, out_dir / "data", ignore=shutil.ignore_patterns("README.md", "CHANGELOG.md"))


def _entry(path: Path, figures_dir: Path) -> dict:
    notebook = nbformat.read(path, as_version=4)
    about = notebook.metadata.get("karabakh", {})
    title = notebook.cells[0].source.splitlines()[0].removeprefix("# ").strip()
    thumbnail = None
    if about.get("key_chart"):
        record = json.loads((figures_dir / f"{about['key_chart']}.json").read_text(encoding="utf-8"))
        thumbnail = {"src": f"figures/{about['key_chart']}.png", "alt": record["alt"]}
    return {"name": path.name, "href": f"notebooks/{path.stem}.html", "title": title,
            "short": _SHORT_NAMES.get(path.name[:2], title), "summary": about.get("summary", ""),
            "thumbnail": thumbnail}


def _exporter() -> HTMLExporter:
    exporter = HTMLExporter(template_name="notebook", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.register_filter("markdown_as_text_safe", _markdown_as_text)
    return exporter


def _link_pages(body: str) -> str:
    """Links between notebooks point at their pages on the site."""
    return re.sub(r'href="((?!https?:)[^"#]*?)\.ipynb', r'href="\1.html', body)
