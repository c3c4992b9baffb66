"""The house style every chart shares: Okabe & Ito's colours, a title, a subtitle and a "Source:" line placed
above and below the panels, values written at the ends of bars, and alt text in one shape."""

import textwrap

import matplotlib as mpl
import matplotlib.pyplot as plt
import seaborn as sns

from ..data.place_names import with_both_names

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
    place_header(figure)
    return figure, axes


def place_header(figure) -> None:
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


def with_places_named(alt: str) -> str:
    """Alt text in which each place's first mention gives both parties' names (place_names.with_both_names), its parts
    kept where it is a Description."""
    if isinstance(alt, Description):
        opening, *items, closing = with_both_names([alt.opening, *alt.items, alt.closing])
        return Description(opening, items, closing)
    return with_both_names([alt])[0]


def described(opening: str, items, closing: str = ".") -> Description:
    """Alt text in the one shape every chart's takes: what it is, then each item it shows, then what to know."""
    return Description(opening, items, closing)
