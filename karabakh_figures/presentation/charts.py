"""One house style and one export for every chart: title, subtitle, source line, colour-blind-safe colours,
SVG and PNG files that are byte-identical on every run, and alt text kept beside them."""

import hashlib
import json
import os
import tempfile
import textwrap
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from filelock import FileLock
from IPython.display import Image
from matplotlib.dates import DateFormatter, DayLocator
from matplotlib.text import Annotation
from matplotlib.ticker import FixedLocator, FuncFormatter, ScalarFormatter

from ..data.dates import LATEST_ONLY
from ..data.files import write_whole
from ..data.paths import FIGURES_DIR_VARIABLE, ROOT, figures_dir
from ..subjects.control import TOWN_SCOPES

#: Okabe & Ito's palette, distinguishable with the common forms of colour blindness.
OKABE_ITO = {
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7", "black": "#000000",
}
PALETTE = [OKABE_ITO[name] for name in ("blue", "orange", "bluish green", "vermillion", "reddish purple",
                                        "sky blue", "yellow", "black")]
MUTED = "#8C8C8C"
TEXT_GREY = "#4D4D4D"
#: Height of a line of text at a font size (points), in inches: 1.2 × size / 72.
_LINE_INCHES = {8: 0.135, 10: 0.17}


def use_house_style() -> None:
    """Fonts shipped with matplotlib, fixed SVG ids and the palette, so that every run draws the same bytes."""
    sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE, font="DejaVu Sans")
    mpl.rcParams.update({
        "svg.hashsalt": "karabakh-in-figures",
        "svg.fonttype": "none",
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 11,
        "axes.titlelocation": "left",
        "axes.labelsize": 10,
        "xtick.labelsize": 9,
        "ytick.labelsize": 9,
        "legend.frameon": False,
    })


def titled_figure(title: str, subtitle: str, source: str, *, nrows: int = 1, ncols: int = 1,
                  size: tuple[float, float] = (9, 5), **subplot_options):
    """A figure with its title, a subtitle saying what is shown, and a "Source:" line; returns (figure, axes)."""
    use_house_style()
    figure, axes = plt.subplots(nrows, ncols, figsize=size, layout="constrained", **subplot_options)
    figure.text(0, 0, title, va="top", ha="left", fontsize=14, fontweight="bold")
    figure.text(0, 0, subtitle, va="top", ha="left", fontsize=10, color=TEXT_GREY)
    figure.text(0, 0, f"Source: {source}", va="bottom", ha="left", fontsize=8, color=TEXT_GREY)
    # The header's own words, kept to wrap them again for the narrow render.
    figure.header = (title, subtitle, f"Source: {source}")
    _place_header(figure)
    return figure, axes


def _place_header(figure) -> None:
    """Wrap the title, the subtitle and the source line to the figure's width and place them, the title and the
    subtitle above the panels and the source line below, leaving the panels the rest (constrained layout)."""
    width, height = figure.get_size_inches()
    title, subtitle, source = figure.texts[:3]
    wrapped = [textwrap.fill(words, int(width * chars)) for words, chars in zip(figure.header, (7.5, 13, 15))]
    for text, words in zip((title, subtitle, source), wrapped):
        text.set_text(words)
    # Heights in inches: 14 pt title lines, 10 pt subtitle lines, 8 pt source lines, with some air between.
    title_lines = wrapped[0].count("\n")
    title_top, subtitle_top = 0.12, 0.48 + 0.24 * title_lines
    top = subtitle_top + _LINE_INCHES[10] * (wrapped[1].count("\n") + 1) + 0.2
    bottom = 0.1 + _LINE_INCHES[8] * (wrapped[2].count("\n") + 1) + 0.12
    title.set_position((0.01, 1 - title_top / height))
    subtitle.set_position((0.01, 1 - subtitle_top / height))
    source.set_position((0.01, 0.1 / height))
    figure.get_layout_engine().set(rect=(0, bottom / height, 1, 1 - (top + bottom) / height))
    figure.header_inches = top + bottom


def label_bars(axes, values, formatter=lambda value: f"{value:,.0f}", names=None, **text_options) -> list[str]:
    """Write each bar's value at its end, so that readers need no legend or gridline to read it. Returns each bar
    as the alt text names it ("Kalbajar 1,936 km²", with `names`), else the values as written."""
    written = []
    for bar, value in zip(axes.patches, values):
        written.append(formatter(value))
        axes.annotate(written[-1], (bar.get_x() + bar.get_width(), bar.get_y() + bar.get_height() / 2),
                      xytext=(4, 0), textcoords="offset points", va="center", ha="left", fontsize=9,
                      **text_options)
    return written if names is None else [f"{name} {text}" for name, text in zip(names, written)]


class Description(str):
    """Alt text that also keeps its parts, so that the site can write it under a chart as a short list: what the
    chart is (`opening`), one item per bar, panel or territory (`items`), and what to know (`closing`)."""

    def __new__(cls, opening: str, items, closing: str = "."):
        items = list(items)
        text = super().__new__(cls, opening + "; ".join(items) + closing)
        text.opening, text.items, text.closing = opening, items, closing
        return text


def described(opening: str, items, closing: str = ".") -> Description:
    """Alt text in the one shape every chart's takes: what it is, then each item it shows, then what to know."""
    return Description(opening, items, closing)


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
    _thousands_on_axes(figure)
    bounds = _laid_out_bounds(figure)
    paths = [folder / f"{name}.svg", folder / f"{name}.png", folder / f"{name}.json", folder / f"{name}.csv"]
    figure.savefig(paths[0], format="svg", metadata={"Date": None, "Creator": None}, bbox_inches=bounds)
    figure.savefig(paths[1], format="png", metadata={"Software": None}, bbox_inches=bounds)
    rows.to_csv(paths[3], index=False, lineterminator="\n")
    narrow = folder / f"{name}{NARROW_SUFFIX}.png"
    paths.append(narrow)
    # The narrow render fixes some axes' ticks; they are given back, so that the figure is as drawn for the wide one.
    ticks = [(axis, axis.get_major_locator(), axis.get_major_formatter()) for axes in figure.axes
             for axis in (axes.xaxis, axes.yaxis)]
    _lay_out_narrow(figure)
    figure.savefig(narrow, format="png", metadata={"Software": None}, bbox_inches=_laid_out_bounds(figure))
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


#: The narrow render, for a phone: NARROW_INCHES wide, drawn at savefig.dpi (150), so that a 390-px screen shows it
#: about 1.7 times smaller than drawn and its 8-point labels at 10 px; its panels in one column.
NARROW_INCHES, NARROW_SUFFIX = 4.0, "-narrow"


def _lay_out_narrow(figure) -> None:
    """Lay the figure out again for a phone: NARROW_INCHES wide, its panels stacked in one column in reading
    order (a map keeps its shape, a chart its height), empty panels left out, the header wrapped again."""
    panels = [axes for axes in figure.axes if axes.get_subplotspec() is not None]
    shown = [axes for axes in panels if axes.has_data() or axes.get_legend() or axes.texts or axes.collections
             or axes.child_axes] or panels
    for axes in set(panels) - set(shown):
        axes.set_visible(False)
    for axes in shown:
        _wrap_outside_labels(axes)
        _wrap_row_names(axes)
        for location in ("left", "center"):
            title = axes.get_title(loc=location)
            if len(title) > 40:
                axes.set_title(textwrap.fill(" ".join(title.split()), 40), loc=location)
    heights = []
    for axes in shown:
        box = axes.get_position()
        width, height = box.width * figure.get_figwidth(), box.height * figure.get_figheight()
        # A map (equal aspect) keeps its shape at the new width; a chart keeps its height, for its rows' sake.
        heights.append(height * (NARROW_INCHES - 0.6) / width if axes.get_aspect() == 1.0 else height)
    grid = figure.add_gridspec(len(shown), 1, height_ratios=heights)
    for position, axes in enumerate(shown):
        axes.set_subplotspec(grid[position])
    with mpl.rc_context({"figure.constrained_layout.use": True}):
        figure.set_layout_engine("constrained")
    figure.set_size_inches(NARROW_INCHES, sum(heights) * 1.15 + 0.5)
    for axes in shown:
        _fewer_ticks(axes)
    _place_header(figure)
    figure.set_size_inches(NARROW_INCHES, sum(heights) * 1.15 + 0.5 + figure.header_inches)
    _place_header(figure)


def _wrap_outside_labels(axes, characters: int = 28) -> None:
    """Labels beside a mark (to its right, in offset points) or set to the right of the panel (in axes fraction
    beyond 1), wrapped narrower, so that the panel keeps room beside them on a phone."""
    for text in axes.texts:
        if not isinstance(text, Annotation) or len(text.get_text()) <= characters:
            continue
        coordinates = str(text.anncoords)
        beside = "offset points" in coordinates and text.xyann[0] >= 0 and text.get_horizontalalignment() == "left"
        outside = "axes fraction" in coordinates and text.xyann[0] > 1
        if beside or outside:
            text.set_text(textwrap.fill(" ".join(text.get_text().split()), characters))


def _fewer_ticks(axes, most: int = 5) -> None:
    """Every other tick of a horizontal axis that has more than `most`, so that labels made for a wide chart do
    not run into each other on a narrow one."""
    low, high = axes.get_xlim()
    # The labels as the wide render drew them: a date axis's formatter would not survive fixed ticks.
    shown = [(tick, label.get_text()) for tick, label in zip(axes.get_xticks(), axes.get_xticklabels())
             if low <= tick <= high]
    if len(shown) > most and axes.xaxis.get_visible():
        kept = shown[::2]
        if type(axes.xaxis.get_major_formatter()) in (FuncFormatter, ScalarFormatter):
            axes.xaxis.set_major_locator(FixedLocator([tick for tick, _ in kept]))  # numbers keep their formatter
        else:
            axes.set_xticks([tick for tick, _ in kept], [label for _, label in kept])


def _wrap_row_names(axes, characters: int = 22) -> None:
    """Long names of rows on the vertical axis, wrapped, so that they leave the panel its width on a phone."""
    labels = [label.get_text() for label in axes.get_yticklabels()]
    if any(len(label) > characters for label in labels):
        axes.set_yticks(axes.get_yticks(), [textwrap.fill(label, characters) for label in labels])


def _thousands_on_axes(figure) -> None:
    """Numbers on plain numeric axes as labels and tables write them: 15,000, not 15000. Axes of dates or
    categories keep their own formatters."""
    for axis in (axis for axes in figure.axes for axis in (axes.xaxis, axes.yaxis)):
        if type(axis.get_major_formatter()) is ScalarFormatter:
            axis.set_major_formatter(FuncFormatter(_tick_text))


def _tick_text(value: float, _position=None) -> str:
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"
    return text.replace("-", "\N{MINUS SIGN}")


def _laid_out_bounds(figure):
    """Lay the figure out once and return its tight bounds, so that each file written is one render: left
    to savefig, every format would lay it out and measure it again before drawing it."""
    figure.draw_without_rendering()
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


def dated_marks(axes, rows, *, colors, labels=None) -> None:
    """One row per item on a time axis: a dot where the source gives the day, a bar over the whole range
    its wording allows otherwise (never a false point). `rows` has date_start, date_end, date_precision;
    items without a date are skipped (list them in the text instead). The first row is drawn at the top."""
    positions = range(len(rows) - 1, -1, -1)
    for y, row, color in zip(positions, rows.itertuples(), colors):
        if row.date_precision == "day":
            axes.plot([row.date_start], [y], marker="o", markersize=7, color=color, linestyle="none")
        else:
            end = row.date_end + pd.Timedelta(days=1)
            axes.plot([row.date_start, end], [y, y], color=color, linewidth=7, solid_capstyle="butt", alpha=0.6)
    axes.set_yticks(list(positions), labels if labels is not None else [""] * len(rows))
    axes.set_ylim(-0.7, len(rows) - 0.3)
    axes.grid(axis="y", visible=False)


def note_at_end(axes, rows, texts, **text_options) -> None:
    """A short text to the right of each row's mark (its date as written, a value...)."""
    for y, row, text in zip(range(len(rows) - 1, -1, -1), rows.itertuples(), texts):
        axes.annotate(text, (row.date_end + pd.Timedelta(days=1), y), xytext=(6, 0), textcoords="offset points",
                      va="center", ha="left", fontsize=8.5, color=TEXT_GREY, **text_options)


def statement_bars(axes, statements: pd.DataFrame, labels: list[str], unit: str) -> None:
    """One bar per statement of a figure, labelled as the source words it ('over 150', '1,000'); a statement
    with no number ('hundreds') gets no bar, only its words, so that nothing is drawn that was not stated."""
    colors = [MUTED if derived else PALETTE[0] for derived in statements["derived"]]
    values = statements["value"].astype("float").fillna(0)
    bars = axes.barh(range(len(statements)), values, color=colors, height=0.6)
    for bar, derived in zip(bars, statements["derived"]):
        if derived:
            bar.set(hatch="///", facecolor="white", edgecolor=MUTED)
    for y, (value, text) in enumerate(zip(values, statements["as_stated"])):
        words = f"{text} {unit}" if text[0].isdigit() or text.startswith(("over", "about")) else f"“{text}”, no number"
        axes.annotate(words, (value, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    axes.set_yticks(range(len(statements)), labels)
    axes.invert_yaxis()
    axes.set_xlim(0, values.max() * 1.35)
    axes.grid(axis="y", visible=False)


def group_headings(axes, groups: pd.Series, colors: dict) -> None:
    """Name each run of rows that share a group once, in the group's colour, above its first row: a direct
    label instead of a legend. Rows run from the top, as in dated_marks."""
    top = len(groups) - 1
    for position, (group, previous) in enumerate(zip(groups, [None, *groups[:-1]])):
        if group != previous:
            axes.annotate(group, (0, top - position + 0.5), xycoords=("axes fraction", "data"), xytext=(4, 0),
                          textcoords="offset points", va="center", ha="left", fontsize=8.5,
                          fontweight="bold", color=colors[group])


def control_bars(axes, periods: pd.DataFrame, names: list[str]) -> list[str]:
    """One row per territory (in `names` order, from the top): a bar from the compilation's date of occupation
    to the first change of control, and a thin line on to any later one. A change of the town (with or without
    villages) is a hollow orange mark; of part, most or all of a territory, or of the region, a filled blue one;
    a change dated only to a month or year is a short bar over that range; one dated only "by" a day is a
    left-pointing mark at that day, and the years to it are "at most". Labels give the years (derived) and
    the first change as precisely as given (`periods` as from subjects.control.control_periods). Returns each row
    as the alt text names it."""
    positions = dict(zip(names, range(len(names) - 1, -1, -1)))
    described_rows = []
    for name, changes in periods.groupby("name", sort=False):
        y, start = positions[name], changes["occupied_end"].iloc[0]
        # A change dated only "by" a day has no earliest date: it is placed at that latest day, marked as such.
        when = changes["date_start"].fillna(changes["date_end"])
        first = when.min()
        axes.plot([start, first], [y, y], color=PALETTE[0], linewidth=7, solid_capstyle="butt", alpha=0.55)
        if when.max() > first:
            axes.plot([first, when.max()], [y, y], color=PALETTE[0], linewidth=1.5, linestyle=":")
        for change, at in zip(changes.itertuples(), when):
            town = change.scope in TOWN_SCOPES
            color = PALETTE[1] if town else PALETTE[0]
            if change.date_precision == LATEST_ONLY:
                axes.plot([at], [y], marker="<", markersize=8, linestyle="none", color=color,
                          markerfacecolor="white" if town else color, markeredgewidth=2)
            elif change.date_precision not in ("day", "days"):  # a month or year: its whole range, not a point
                axes.plot([change.date_start, change.date_end], [y, y], color=color, linewidth=9,
                          solid_capstyle="butt")
            else:
                axes.plot([at], [y], marker="o", markersize=8, linestyle="none", color=color,
                          markerfacecolor="white" if town else color, markeredgewidth=2)
        earliest = changes.loc[when.idxmin()]
        years = (first - start).days / 365.25
        at_most = "at most " if earliest["date_precision"] == LATEST_ONLY else ""
        later = f"; {len(changes) - 1} more row{'s' if len(changes) > 2 else ''}" if len(changes) > 1 else ""
        axes.annotate(f"{at_most}{years:.1f} years; first: {earliest['scope']}, {earliest['date']}{later}",
                      (changes["date_end"].max(), y), xytext=(8, 0), textcoords="offset points", va="center",
                      fontsize=8.5, color=TEXT_GREY)
        scopes = ", ".join(f"{scope} {date}" for scope, date in zip(changes["scope"], changes["date"]))
        described_rows.append(f"{name}: {at_most}{years:.1f} years to {scopes}")
    axes.set_yticks(list(positions.values()), list(positions))
    axes.set_ylim(-0.7, len(names) - 0.3)
    axes.grid(axis="y", visible=False)
    return described_rows


def estimate_ranges(axes, estimates: pd.DataFrame, notes: list[str], highlight: str, originals) -> None:
    """One row per published figure, from the top: a dot for a single number, a bar for a stated range, an
    arrow for a lower bound ('at least', 'more than'), with its note to the right, wrapped, never cut; the row
    `highlight` (an estimate_id) in orange. Where `originals` is false (the figure was read only second-hand or in
    a copy), the mark is hollow or dashed, so that it does not outweigh a figure read in its original."""
    top = len(estimates) - 1
    for position, (row, note, original) in enumerate(zip(estimates.itertuples(), notes, originals)):
        y, color = top - position, PALETTE[1] if row.estimate_id == highlight else PALETTE[0]
        line = {"color": color, "linestyle": "-" if original else (0, (2, 2))}
        if pd.isna(row.high):
            axes.annotate("", xy=(row.low * 1.6, y), xytext=(row.low, y),
                          arrowprops={"arrowstyle": "->", "linewidth": 2, **line})
            axes.plot([row.low], [y], marker="|", markersize=12, color=color)
        elif row.high > row.low:
            axes.plot([row.low, row.high], [y, y], linewidth=7 if original else 2, solid_capstyle="butt",
                      alpha=0.6 if original else 1, marker="|", markersize=12, **line)
        else:
            axes.plot([row.low], [y], marker="o", markersize=7, color=color,
                      markerfacecolor=color if original else "white", markeredgewidth=1.5)
        end = row.low * 1.6 if pd.isna(row.high) else row.high
        axes.annotate(textwrap.fill(note, 60), (end, y), xytext=(6, 0),
                      textcoords="offset points", va="center", fontsize=8, color=TEXT_GREY)
    axes.set_yticks(range(top, -1, -1), estimates["label"])
    axes.set_ylim(-0.7, len(estimates) - 0.3)
    axes.grid(axis="y", visible=False)


def marks_on_rows(axes, positions, rows, *, color, offset: float, notes=None) -> None:
    """Another source's dates on rows that dated_marks drew (`positions`: each row's y), just above (offset > 0)
    or below them: a dot where the source gives the day, a thin bar over the range its wording allows otherwise.
    `notes`, if given, are written beside the marks, one each (e.g. '+28 days')."""
    for y, row, text in zip(positions, rows.itertuples(), notes or [None] * len(rows)):
        if row.date_precision == "day":
            axes.plot([row.date_start], [y + offset], marker="D", markersize=5, color=color, linestyle="none")
        else:
            axes.plot([row.date_start, row.date_end + pd.Timedelta(days=1)], [y + offset] * 2, color=color,
                      linewidth=3, solid_capstyle="butt")
        if text:
            axes.annotate(text, (row.date_start, y + offset), xytext=(5, 0), textcoords="offset points", va="center",
                          fontsize=8, color=color)


def act_lines(axes, dates, labels, color=TEXT_GREY) -> None:
    """A dashed vertical line at each act's date, labelled above the axes; labels of acts close in time take
    turns at two heights, so that neither covers the other."""
    for position, (day, label) in enumerate(zip(dates, labels)):
        axes.axvline(day, color=color, linestyle="--", linewidth=0.9)
        axes.annotate(label, (day, 1), xycoords=("data", "axes fraction"), xytext=(0, 3 + 11 * (position % 2)),
                      textcoords="offset points", fontsize=8, ha="center", va="bottom", color=color)


#: One colour per side of a displacement figure's count (whose count it is): the same in every chart.
SIDE_COLOURS = {"outside the parties": OKABE_ITO["blue"], "Azerbaijan's government": OKABE_ITO["vermillion"],
                "Armenia's government": OKABE_ITO["bluish green"],
                "de facto Nagorno-Karabakh authorities": OKABE_ITO["reddish purple"],
                "media close to Azerbaijan": OKABE_ITO["orange"], "media close to Armenia": OKABE_ITO["sky blue"]}
#: Where a figure with no date stands on a time axis: past the last year, under the tick "no date".
_UNDATED_YEAR = 2028.5
_MEASURE_MARKERS = {"stock": "o", "flow": "^", LATEST_ONLY: "<"}


def _year(day) -> float:
    return day.year + (day.day_of_year - 0.5) / 366


def _x_of(row) -> float:
    """Where a figure stands on figure_panels' time axis: the end of its date, or under "no date"."""
    return _year(row.date_end) if row.date_precision != "unknown" else _UNDATED_YEAR


def _count_mark(axes, row, x, y, *, size: float = 7) -> None:
    """One figure: a circle for a stock, a triangle for a flow (a '<' for a flow counted up to a date), coloured
    by whose count it is, hollow where an outside body relays a party's count; a stated range is a vertical
    line from its low to its high."""
    relayed = not pd.isna(row.count_by)
    color = SIDE_COLOURS[row.count_by if relayed else row.side]
    marker = _MEASURE_MARKERS[LATEST_ONLY if row.date_precision == LATEST_ONLY else row.measure]
    if not pd.isna(row.high):
        axes.plot([x, x], [row.low, row.high], color=color, linewidth=2.5, solid_capstyle="butt")
    axes.plot([x], [row.low if pd.isna(row.high) else row.high], marker=marker, markersize=size, linestyle="none",
              color=color, markerfacecolor="white" if relayed else color, markeredgewidth=1.6)


def figure_panels(panels, figures: pd.DataFrame, groups: dict[str, str]) -> list[str]:
    """One panel per group (`groups`: id -> name, in order), every figure of it at its date: a stock at the date
    it counts at, a flow at the end of its period with a line over the period, a figure with no date at the
    right, under "no date". The lowest and the highest of each panel are labelled. Returns each group as the alt
    text names it."""
    flat = list(panels.flat)
    described_groups = []
    for axes, (group, name) in zip(flat, groups.items()):
        rows = figures[figures["group"].eq(group)]
        for row in rows.itertuples():
            x = _x_of(row)
            if x != _UNDATED_YEAR and row.date_precision not in ("day", LATEST_ONLY) and row.measure == "flow":
                axes.plot([_year(row.date_start), x], [row.low] * 2, color=SIDE_COLOURS[row.side], linewidth=1.2,
                          alpha=0.7)
            _count_mark(axes, row, x, row.low)
        tops = rows["high"].fillna(rows["low"])
        low, high = rows["low"].min(), tops.max()
        ends = {rows["low"].idxmin(): low, tops.idxmax(): high}
        for (index, value), above in zip(ends.items(), (False, True)):
            x = _x_of(next(rows.loc[[index]].itertuples()))
            # The highest above its mark, the lowest to its left, so that two close ends do not overprint.
            axes.annotate(f"{value:,.0f}", (x, value), xytext=(0, 7) if above else (-7, 0), textcoords="offset points",
                          ha="center" if above else "right", va="bottom" if above else "center", fontsize=8,
                          color=TEXT_GREY)
        axes.set_title(textwrap.fill(name, 38), fontsize=9.5, loc="left")
        axes.set_ylim(0, high * 1.3)
        axes.set_xlim(1986, 2030)
        axes.set_xticks([1990, 2000, 2010, 2020, _UNDATED_YEAR], ["1990", "2000", "2010", "2020", "no\ndate"])
        axes.tick_params(labelsize=8.5)
        described_groups.append(f"{name}: {len(rows)} figure{'s' if len(rows) > 1 else ''}, "
                                + (f"{low:,.0f}" if low == high else f"from {low:,.0f} to {high:,.0f}"))
    for axes in flat[len(groups):]:
        axes.axis("off")
    return described_groups


def side_legend(axes) -> None:
    """The key to figure_panels and departure_days, in an empty panel: a colour per side, a shape per measure."""
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="s", linestyle="none", markersize=8, color=color, label=side)
               for side, color in SIDE_COLOURS.items()]
    handles += [Line2D([], [], marker="o", linestyle="none", color=TEXT_GREY, label="stock, at a date"),
                Line2D([], [], marker="^", linestyle="-", color=TEXT_GREY, label="flow, over a period (line)"),
                Line2D([], [], marker="<", linestyle="none", color=TEXT_GREY, label="flow, up to a date"),
                Line2D([], [], marker="o", linestyle="none", color=TEXT_GREY, markerfacecolor="white",
                       label="hollow: a party's count,\nrelayed by an outside body")]
    axes.axis("off")
    axes.legend(handles=handles, loc="upper left", fontsize=8.5, title="Whose count; measure", title_fontsize=9,
                alignment="left")


def departure_days(axes, key, counts: pd.DataFrame, population: pd.DataFrame) -> list[str]:
    """The counts of a departure that the sources date, each at the day it counts up to (a line over the days the
    source gives, where it gives no single day) and numbered, highest first; in `key`, a panel of its own (beside
    the chart, or under it on a phone), each number's label (a `label` column). The population given for before
    is a labelled dashed line. The axis starts below the lowest count, not at zero: the marks are points, not
    bars. Returns the labels, for the alt text."""
    values = pd.concat([counts["low"], population["low"]])
    bottom, top = values.min() * 0.9, values.max() * 1.04
    by_value = counts.sort_values("low", ascending=False, kind="stable")
    for number, row in enumerate(by_value.itertuples(), start=1):
        if row.date_precision not in ("day", LATEST_ONLY):
            axes.plot([row.date_start, row.date_end], [row.low] * 2, color=SIDE_COLOURS[row.side], linewidth=1.2)
        _count_mark(axes, row, row.date_end, row.low, size=8)
        axes.annotate(str(number), (row.date_end, row.low), xytext=(0, 7 if number % 2 else -7),
                      textcoords="offset points", ha="center", va="bottom" if number % 2 else "top", fontsize=8.5,
                      fontweight="bold", color=TEXT_GREY)
    for row in population.itertuples():
        axes.axhline(row.low, color=SIDE_COLOURS[row.side], linestyle="--", linewidth=1)
        axes.annotate(textwrap.fill(f"Population before: {row.label}", 60), (0.01, row.low),
                      xycoords=("axes fraction", "data"), xytext=(0, -4), textcoords="offset points", va="top",
                      fontsize=8.5, color=TEXT_GREY)
    axes.set_ylim(bottom, top)
    axes.xaxis.set_major_locator(DayLocator(bymonthday=(1, 10, 20)))
    axes.xaxis.set_major_formatter(DateFormatter("%-d %b"))
    axes.grid(axis="x", visible=False)
    key.axis("off")
    key.text(0, 1, "\n".join(textwrap.fill(f"{number}. {label}", 48, subsequent_indent="    ")
                             for number, label in enumerate(by_value["label"], start=1)),
             va="top", ha="left", fontsize=8.5, color=TEXT_GREY, linespacing=1.3, transform=key.transAxes)
    return [*by_value["label"], *("Population before: " + population["label"])]
