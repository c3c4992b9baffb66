"""The narrow render of a chart, for a phone: the same figure laid out again, its panels in one column, long
labels wrapped and fewer ticks, so that a 390-px screen can read it."""

import textwrap

import matplotlib as mpl
from matplotlib.text import Annotation
from matplotlib.ticker import FixedLocator, FuncFormatter, ScalarFormatter

from .style import place_header

#: The narrow render, for a phone: NARROW_INCHES wide, drawn at savefig.dpi (150), so that a 390-px screen shows it
#: about 1.7 times smaller than drawn and its 8-point labels at 10 px; its panels in one column.
NARROW_INCHES, NARROW_SUFFIX = 4.0, "-narrow"


def lay_out_narrow(figure) -> None:
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
    place_header(figure)
    figure.set_size_inches(NARROW_INCHES, sum(heights) * 1.15 + 0.5 + figure.header_inches)
    place_header(figure)


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
