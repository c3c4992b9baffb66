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
#: A line of a row's name or note (8.5–9 pt), with the room between lines, in inches.
_LINE_INCHES = 0.17
#: The room a panel's title, tick labels and axis label take, in inches.
_PANEL_INCHES = 0.65
#: The width of a character of a 9-point label, on average, in inches.
_CHARACTER_INCHES = 0.075


def lay_out_narrow(figure) -> None:
    """Lay the figure out again for a phone: NARROW_INCHES wide, its panels stacked in one column in reading
    order, a panel holding only a key first (a map keeps its shape, a chart its height, or the height its rows'
    wrapped names need), each with its own axis, empty panels left out, the header wrapped again."""
    panels = [axes for axes in figure.axes if axes.get_subplotspec() is not None]
    shown = [axes for axes in panels if axes.has_data() or axes.get_legend() or axes.texts or axes.collections
             or axes.child_axes] or panels
    for axes in set(panels) - set(shown):
        axes.set_visible(False)
    # A key in a panel of its own (a legend and nothing drawn) comes before the panels it explains.
    shown.sort(key=lambda axes: not (axes.get_legend() and not axes.has_data()))
    for axes in shown:
        if len(axes.get_shared_x_axes().get_siblings(axes)) > 1:  # stacked panels each keep their time axis
            axes.tick_params(axis="x", labelbottom=True)
        _number_labels(axes)
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
        # A map (equal aspect) keeps its shape at the new width; a chart keeps its height, for its rows' sake, or
        # grows to give each row the lines of its wrapped name and notes.
        heights.append(height * (NARROW_INCHES - 0.6) / width if axes.get_aspect() == 1.0
                       else max(height, _rows_height(axes)))
    grid = figure.add_gridspec(len(shown), 1, height_ratios=heights)
    for position, axes in enumerate(shown):
        axes.set_subplotspec(grid[position])
    with mpl.rc_context({"figure.constrained_layout.use": True}):
        figure.set_layout_engine("constrained")
    # Each panel's height, with room for its title, ticks and axis label (_PANEL_INCHES) and the header's.
    height = sum(heights) + _PANEL_INCHES * len(shown) + 0.3
    figure.set_size_inches(NARROW_INCHES, height)
    for axes in shown:
        _fewer_ticks(axes)
    place_header(figure)
    figure.set_size_inches(NARROW_INCHES, height + figure.header_inches)
    place_header(figure)


def numbered_on_a_phone(axes, labels: list[Annotation]) -> None:
    """Have the narrow render write `labels` (of marks or places in `axes`, too close to be named on a phone) as
    their numbers, 1, 2…, with a key under the panel naming each number."""
    axes.numbered_labels = labels


def _number_labels(axes) -> None:
    labels = getattr(axes, "numbered_labels", [])
    key = [f"{number}. {' '.join(label.get_text().split())}" for number, label in enumerate(labels, start=1)]
    for number, label in enumerate(labels, start=1):
        label.set_text(str(number))
        label.set_fontweight("bold")
    if key:
        axes.text(0, -0.02, "\n".join(textwrap.fill(line, 44, subsequent_indent="    ") for line in key),
                  transform=axes.transAxes, va="top", ha="left", fontsize=8, linespacing=1.3)


def _rows_height(axes) -> float:
    """The height, in inches, that a panel's rows need on a phone: as many rows as ticks on its vertical axis, each
    as tall as its longest wrapped name or note beside a mark."""
    rows = len(axes.get_yticks())
    names = [label.get_text() for label in axes.get_yticklabels()]
    notes = [text.get_text() for text in axes.texts if isinstance(text, Annotation)]
    lines = max((words.count("\n") + 1 for words in names + notes), default=1)
    return rows * lines * _LINE_INCHES + 0.2


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
    """Every other tick (or every third…) of a horizontal axis that has more than `most`, or more labels than fit
    beside each other in the width the row names leave, so that labels made for a wide chart do not run into each
    other on a narrow one."""
    low, high = axes.get_xlim()
    # The labels as the wide render drew them: a date axis's formatter would not survive fixed ticks.
    shown = [(tick, label.get_text()) for tick, label in zip(axes.get_xticks(), axes.get_xticklabels())
             if low <= tick <= high]
    if not shown or not axes.xaxis.get_visible():
        return
    names = max((len(line) for label in axes.get_yticklabels() for line in label.get_text().split("\n")), default=0)
    room = (NARROW_INCHES - 0.5 - names * _CHARACTER_INCHES) / _CHARACTER_INCHES
    widest = max(len(label) for _, label in shown) + 2
    step = next(step for step in range(1, len(shown) + 1)
                if len(shown[::step]) <= most and len(shown[::step]) * widest <= room or step == len(shown))
    if step > 1:
        kept = shown[::step]
        if type(axes.xaxis.get_major_formatter()) in (FuncFormatter, ScalarFormatter):
            axes.xaxis.set_major_locator(FixedLocator([tick for tick, _ in kept]))  # numbers keep their formatter
        else:
            axes.set_xticks([tick for tick, _ in kept], [label for _, label in kept])


def _wrap_row_names(axes, characters: int = 22) -> None:
    """Long names of rows on the vertical axis, wrapped, so that they leave the panel its width on a phone."""
    labels = [label.get_text() for label in axes.get_yticklabels()]
    if any(len(label) > characters for label in labels):
        axes.set_yticks(axes.get_yticks(), [textwrap.fill(label, characters) for label in labels])
