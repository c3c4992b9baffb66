"""One export for every chart: SVG and PNG files that are byte-identical on every run, the narrow render for a
phone, the rows drawn as CSV, and alt text and provenance kept beside them, with the index of every figure."""

import hashlib
import json
import os
import tempfile
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from filelock import FileLock
from IPython.display import Image
from matplotlib.ticker import FuncFormatter, ScalarFormatter

from ..data.files import write_whole
from ..data.paths import FIGURES_DIR_VARIABLE, ROOT, figures_dir
from .narrow import NARROW_SUFFIX, lay_out_narrow
from .overlaps import drawn_texts, refuse_hidden_marks, refuse_text_over_text
from .style import Description, with_places_named


class ExportedFigure(Image):
    """What export returns: in a notebook, the chart as its PNG (with its alt text and caption, which the site
    reads); elsewhere, the files it wrote (`paths`: the SVG, the PNG, the record, the rows drawn and the narrow
    PNG), printed as their names."""

    def __init__(self, paths: list[Path], metadata: dict):
        super().__init__(data=paths[1].read_bytes(), format="png", metadata=metadata)
        self.paths = paths

    def __repr__(self) -> str:
        # Names only, not the folder: a notebook's outputs are the same bytes on every machine and under test.
        return f"wrote {', '.join(path.name for path in self.paths)}"


def export(figure, name: str, *, alt: str, data: list[str], rows: pd.DataFrame,
           folder: str | Path | None = None) -> ExportedFigure:
    """Write `name`.svg and `name`.png to `folder`, with alt text and provenance in `name`.json, the rows the chart
    draws in `name`.csv (`rows`: exactly those, with derived values in columns that say so), and return them
    (ExportedFigure: the PNG to show in a notebook, with its alt text and, for the site, its title as caption and
    its name, to link the full-size SVG; the paths written, elsewhere). Without `folder`: the collection's figures/
    for its own notebooks, else figures/ under the current folder (data.paths.figures_dir). The index of the
    figures (README.md) is refreshed only in the collection's figures/ and in a build's, whose links it knows."""
    folder = figures_dir(folder)
    folder.mkdir(parents=True, exist_ok=True)
    alt = with_places_named(alt)
    _thousands_on_axes(figure)
    bounds = _laid_out_bounds(figure, name, "wide")
    paths = [folder / f"{name}.svg", folder / f"{name}.png", folder / f"{name}.json", folder / f"{name}.csv"]
    figure.savefig(paths[0], format="svg", metadata={"Date": None, "Creator": None}, bbox_inches=bounds)
    figure.savefig(paths[1], format="png", metadata={"Software": None}, bbox_inches=bounds)
    rows.to_csv(paths[3], index=False, lineterminator="\n")
    narrow = folder / f"{name}{NARROW_SUFFIX}.png"
    paths.append(narrow)
    # The narrow render fixes some axes' ticks; they are given back, so that the figure is as drawn for the wide one.
    ticks = [(axis, axis.get_major_locator(), axis.get_major_formatter()) for axes in figure.axes
             for axis in (axes.xaxis, axes.yaxis)]
    lay_out_narrow(figure)
    figure.savefig(narrow, format="png", metadata={"Software": None},
                   bbox_inches=_laid_out_bounds(figure, name, "narrow"))
    for axis, locator, formatter in ticks:
        axis.set_major_locator(locator)
        axis.set_major_formatter(formatter)
    plt.close(figure)
    # titled_figure wrote the title, the subtitle and the source line, in that order.
    title, subtitle, credit = (" ".join(words.split()) for words in figure.header)
    record = {"figure": name, "title": title, "subtitle": subtitle, "source": credit, "notebook": _notebook_of(name),
              "data": data, "rows": paths[3].name, "narrow": narrow.name, "alt": alt}
    # Notebooks run side by side in the build, each rewriting the index from every record: a record is written
    # whole, and the index by one notebook at a time, so that the last one to write it lists them all.
    write_whole(paths[2], json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    if _indexed(folder):
        with index_lock(folder):
            write_index(folder)
    metadata = {"alt": alt, "caption": title, "figure": name, "narrow": narrow.name, "rows": paths[3].name,
                "tables": data}
    if isinstance(alt, Description):
        metadata["in_words"] = {"opening": alt.opening, "items": alt.items, "closing": alt.closing}
    return ExportedFigure(paths, metadata=metadata)


def index_lock(folder: Path) -> FileLock:
    """The lock that one notebook at a time holds to rewrite `folder`'s index (filelock: on every platform), its
    file in the temporary folder rather than among the figures."""
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return FileLock(Path(tempfile.gettempdir()) / f"karabakh-figures-index-{key}.lock")


def _indexed(folder: Path) -> bool:
    """Whether `folder` is the collection's figures/ or a build's: the index links to ../data and ../notebooks,
    which only those have beside them."""
    built = os.environ.get(FIGURES_DIR_VARIABLE)
    return folder.resolve() in {(ROOT / "figures").resolve(), *([Path(built).resolve()] if built else [])}


def _thousands_on_axes(figure) -> None:
    """Numbers on plain numeric axes as labels and tables write them: 15,000, not 15000. Axes of dates or
    categories keep their own formatters."""
    for axis in (axis for axes in figure.axes for axis in (axes.xaxis, axes.yaxis)):
        if type(axis.get_major_formatter()) is ScalarFormatter:
            axis.set_major_formatter(FuncFormatter(_tick_text))


def _tick_text(value: float, _position=None) -> str:
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"
    return text.replace("-", "\N{MINUS SIGN}")


def _laid_out_bounds(figure, name: str, render: str):
    """Lay the figure out once and return its tight bounds, so that each file written is one render: left
    to savefig, every format would lay it out and measure it again before drawing it. The draw that lays it out
    also measures every text and mark drawn: a render with text over text (TextOverTextError) or a mark hidden
    under another (HiddenMarkError) is refused."""
    refuse_text_over_text(drawn_texts(figure), name, render)
    refuse_hidden_marks(figure, name, render)
    # None, not "none": "none" leaves a placeholder engine, and savefig lays out again before any engine.
    with mpl.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
        figure.set_layout_engine(None)
    return figure.get_tightbbox().padded(mpl.rcParams["savefig.pad_inches"])


def write_index(folder: Path) -> None:
    """figures/README.md: one section per notebook, one row per figure, from the .json beside each."""
    records = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]
    lines = [
        "# Figures",
        "",
        "Every chart the notebooks draw, as SVG and PNG (and a narrow PNG for phones), with a CSV of the rows it",
        "draws, written by `karabakh_figures.charts.export` when a notebook runs (`make`). Do not edit by hand:",
        "this page is generated from the `.json` beside each figure, which holds the same alt text for the site",
        "and the notebooks.",
    ]
    for notebook in dict.fromkeys(record["notebook"] for record in records):
        lines += ["", f"## {notebook.removesuffix('.ipynb') or 'Other figures'}", "",
                  *([f"Drawn by [`{notebook}`](../notebooks/{notebook}).", ""] if notebook else []),
                  "| figure | data | alt text |", "|---|---|---|"]
        for record in (record for record in records if record["notebook"] == notebook):
            name = record["figure"]
            tables = ", ".join(f"[`{table}`](../data/{table})" for table in record["data"])
            rows = f"[`{record['rows']}`]({record['rows']}) (the rows drawn), from " if record.get("rows") else ""
            lines.append(f"| **{_cell(record['title'])}**<br>[SVG]({name}.svg) · [PNG]({name}.png) "
                         f"| {rows}{tables} | {_cell(record['alt'])} |")
    write_whole(folder / "README.md", "\n".join(lines) + "\n")


def _notebook_of(name: str) -> str:
    matches = sorted((ROOT / "notebooks").glob(f"{name[:2]}-*.ipynb"))
    return matches[0].name if matches else ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
