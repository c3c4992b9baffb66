"""No text over text, and no mark hidden under another: every text of a chart measured as it is drawn (titles,
labels, annotations, tick labels, legends), and marks at one place found before they are drawn over each other.

export() lays every chart out with `drawn_texts`, so that each render, wide and narrow, is measured on the draw
that lays it out, at no extra draw, and refuses one where two texts overlap or a mark hides another. Marks at one
place are set side by side beforehand with `set_apart` and `offset_transform`."""

from itertools import combinations

import numpy as np
from matplotlib.text import Text
from matplotlib.transforms import Affine2D, Bbox, offset_copy

#: The least room between two texts, in pixels at the figure's dpi (100), each line's box measured from its
#: glyphs' descent to their ascent: texts closer than this both ways run into each other.
GAP_PIXELS = 1.0


#: Two marks whose centres are closer than this share of the smaller one's size hide one under the other.
HIDDEN_SHARE = 0.5


class TextOverTextError(ValueError):
    """A render of a chart where two texts are drawn over each other."""


class HiddenMarkError(ValueError):
    """A render of a chart where a mark is drawn over another at the same place."""


def drawn_texts(figure) -> list[tuple[str, list[Bbox]]]:
    """Lay the figure out with one draw that paints nothing (as Figure.draw_without_rendering does) and return
    every text that draw would have painted, as its words and the box of each of its lines, in pixels: hidden
    texts, empty ones, tick labels out of view and annotations clipped away are not drawn, so not returned."""
    renderer = figure.canvas.get_renderer()
    texts = []

    def open_group(name, gid=None):
        if name == "text":  # every Text opens one group, then draws its lines one by one
            texts.append(([], []))

    def draw_text(gc, x, y, line, font, angle, ismath=False, mtext=None):
        width, height, descent = renderer.get_text_width_height_descent(line, font, ismath)
        baseline = renderer.get_canvas_width_height()[1] - y if renderer.flipy() else y
        corners = Affine2D().rotate_deg(angle).translate(x, baseline).transform(
            [(0, -descent), (width, -descent), (width, height - descent), (0, height - descent)])
        texts[-1][0].append(line)
        texts[-1][1].append(Bbox.from_extents(*corners.min(axis=0), *corners.max(axis=0)))

    # A text with path effects (a halo) is drawn as paths, not through draw_text: measured without them.
    haloed = {text: text.get_path_effects() for text in figure.findobj(Text) if text.get_path_effects()}
    try:
        for text in haloed:
            text.set_path_effects([])
        with renderer._draw_disabled():
            renderer.open_group, renderer.draw_text = open_group, draw_text
            figure.draw(renderer)
    finally:
        for text, effects in haloed.items():
            text.set_path_effects(effects)
    return [("\n".join(lines), boxes) for lines, boxes in texts if lines]


def overlapping_texts(texts: list[tuple[str, list[Bbox]]]) -> list[tuple[str, str]]:
    """Each pair of texts with lines closer than GAP_PIXELS both ways (overlapping or touching), as their words.
    Every line against every other at once (a chart of small panels draws hundreds of tick labels)."""
    owners = np.array([number for number, (_, boxes) in enumerate(texts) for _ in boxes], dtype=int)
    if len(owners) < 2:
        return []
    x0, y0, x1, y1 = np.array([box.extents for _, boxes in texts for box in boxes]).T
    close = ((np.minimum.outer(x1, x1) - np.maximum.outer(x0, x0) > -GAP_PIXELS)
             & (np.minimum.outer(y1, y1) - np.maximum.outer(y0, y0) > -GAP_PIXELS))
    pairs = {(owners[one], owners[other]) for one, other in zip(*np.nonzero(np.triu(close, k=1)))
             if owners[one] != owners[other]}
    return [(texts[first][0], texts[second][0]) for first, second in sorted(pairs)]


def refuse_text_over_text(texts, name: str, render: str) -> None:
    """Raise TextOverTextError naming the chart, the render and each pair of texts drawn over each other."""
    pairs = overlapping_texts(texts)
    if pairs:
        listed = "; ".join(f"{_short(first)!r} over {_short(second)!r}" for first, second in pairs)
        raise TextOverTextError(f"{name} ({render} render): text over text: {listed}")


def hidden_marks(figure) -> list[tuple[str, tuple[float, float]]]:
    """Each mark (a marker of a plotted line, in a panel) drawn over another at the same place, after the figure
    is laid out: its panel's title and its data position. Legend keys are not in panels, so are not marks here."""
    found = []
    for axes in figure.axes:
        if not axes.get_visible():
            continue
        marks = []
        for line in axes.get_lines():
            if not line.get_visible() or line.get_marker() in (None, "None", "none", "", " "):
                continue
            size = line.get_markersize() * figure.dpi / 72
            data = line.get_xydata()
            marks += [(place, point, size) for place, point in zip(data, line.get_transform().transform(data))]
        for (place, point, size), (_, other, other_size) in combinations(marks, 2):
            if abs(point - other).max() < HIDDEN_SHARE * min(size, other_size):
                found.append((axes.get_title(loc="left") or axes.get_title(), tuple(float(value) for value in place)))
    return found


def set_apart(places, spans, size: float = 0.05) -> list[int]:
    """For marks at `places` ((x, y) in data) on axes spanning `spans` ((x range, y range)), marks `size` of each
    span wide and high: each mark's slot, the first of 0, 1, −1, 2, −2… where, moved that many mark widths to the
    side (offset_transform), it is clear of every mark placed before it, so that none is hidden under another."""
    placed = []
    for x, y in places:
        for turn in range(2 * len(places) + 1):
            slot = (turn + 1) // 2 * (1 if turn % 2 else -1)
            if all(abs((x - other_x) / spans[0] + (slot - other_slot) * size) >= size
                   or abs(y - other_y) >= size * spans[1] for (other_x, other_y), other_slot in placed):
                break
        placed.append(((x, y), slot))
    return [slot for _, slot in placed]


def offset_transform(axes, slot: int, points: float, *, upwards: bool = False):
    """The axes' data transform moved `slot` × `points` to the right (or upwards), in points: the same on any
    render, wide or narrow. Slot 0 is the data transform itself, so that a mark not moved counts in the axes'
    limits as any other."""
    if slot == 0:
        return axes.transData
    return offset_copy(axes.transData, fig=axes.figure, x=0 if upwards else slot * points,
                       y=slot * points if upwards else 0, units="points")


def refuse_hidden_marks(figure, name: str, render: str) -> None:
    """Raise HiddenMarkError naming the chart, the render and each mark drawn over another."""
    found = hidden_marks(figure)
    if found:
        listed = "; ".join(f"{panel or 'a panel'!r} at {place}" for panel, place in found)
        raise HiddenMarkError(f"{name} ({render} render): a mark hidden under another: {listed}")


def _short(words: str, length: int = 50) -> str:
    words = " ".join(words.split())
    return words if len(words) <= length else words[:length - 1] + "…"
