"""Charts of published displacement figures: every figure of a group at its date, coloured by whose count it is
and shaped by its measure, and the counts of a departure day by day."""

import textwrap

import pandas as pd
from matplotlib.dates import DateFormatter, DayLocator

from ..data.dates import LATEST_ONLY
from ..data.figure_words import figure_text
from ..subjects.displacement import apart, like_set_in_words, like_sets
from .overlaps import offset_transform, set_apart
from .style import OKABE_ITO, TEXT_GREY

#: One colour per side of a displacement figure's count (whose count it is): the same in every chart.
SIDE_COLOURS = {"outside the parties": OKABE_ITO["blue"], "Azerbaijan's government": OKABE_ITO["vermillion"],
                "Armenia's government": OKABE_ITO["bluish green"],
                "de facto Nagorno-Karabakh authorities": OKABE_ITO["reddish purple"],
                "media close to Azerbaijan": OKABE_ITO["orange"], "media close to Armenia": OKABE_ITO["sky blue"]}
#: Where a figure with no date stands on a time axis: past the last year, under the tick "no date".
_UNDATED_YEAR = 2028.5
#: A lowest mark left of this year is labelled to its right, clear of the tick labels.
_LEFT_LABEL_FROM = 2003
#: A panel's height, as a multiple of its highest figure: room above that mark for its label, the figure whole on
#: up to two lines, under the panel's title.
_HEADROOM = 1.65
_MEASURE_MARKERS = {"stock": "o", "flow": "^", LATEST_ONLY: "<"}


def _year(day) -> float:
    return day.year + (day.day_of_year - 0.5) / 366


def _x_of(row) -> float:
    """Where a figure stands on figure_panels' time axis: the end of its date, or under "no date"."""
    return _year(row.date_end) if row.date_precision != "unknown" else _UNDATED_YEAR


def _count_mark(axes, row, x, y, *, size: float = 7, slot: int = 0) -> None:
    """One figure: a circle for a stock, a triangle for a flow (a '<' for a flow counted up to a date), coloured
    by whose count it is, hollow where an outside body relays a party's count; a stated range is a vertical
    line from its low to its high. `slot`: marks at one place are set that many widths apart (set_apart)."""
    # A mark set beside another at the panel's edge (a figure with no date) is drawn whole, not cut by the frame.
    placed = {"transform": offset_transform(axes, slot, size * 1.2), "clip_on": slot == 0}
    relayed = not pd.isna(row.count_by)
    color = SIDE_COLOURS[row.count_by if relayed else row.side]
    marker = _MEASURE_MARKERS[LATEST_ONLY if row.date_precision == LATEST_ONLY else row.measure]
    if not pd.isna(row.high):
        axes.plot([x, x], [row.low, row.high], color=color, linewidth=2.5, solid_capstyle="butt", **placed)
    axes.plot([x], [row.low if pd.isna(row.high) else row.high], marker=marker, markersize=size, linestyle="none",
              color=color, markerfacecolor="white" if relayed else color, markeredgewidth=1.6, **placed)


def figure_panels(panels, figures: pd.DataFrame, groups: dict[str, str]) -> list[str]:
    """One panel per group (`groups`: id -> name, in order), every figure of it at its date: a stock at the date
    it counts at, a flow at the end of its period, with a line over the month, year or period a row gives
    (never a point for a span), a figure with no date at the right, under "no date"; a mark that would hide
    another stands beside it. The lowest and the highest mark of each panel are labelled with the figure
    whole (figure_text). Returns each group as the alt text names it, set by set of like figures (like_sets,
    like_set_in_words)."""
    flat = list(panels.flat)
    described_groups, pairs = [], apart()
    for axes, (group, name) in zip(flat, groups.items()):
        rows = figures[figures["group"].eq(group)]
        tops = rows["high"].fillna(rows["low"])
        high = tops.max()
        places = {index: _x_of(row) for index, row in zip(rows.index, rows.itertuples())}
        # A mark that would hide another is set beside it, a mark's width at a time (set_apart).
        slots = set_apart([(places[index], top) for index, top in tops.items()], (46, high * _HEADROOM))
        for index, row, slot in zip(rows.index, rows.itertuples(), slots):
            if row.date_precision not in ("day", LATEST_ONLY, "unknown"):
                axes.plot([_year(row.date_start), _x_of(row)], [row.low] * 2,
                          color=SIDE_COLOURS[row.count_by if not pd.isna(row.count_by) else row.side],
                          linewidth=1.2, alpha=0.7)
            _count_mark(axes, row, places[index], row.low, slot=slot)
        marked = {rows["low"].idxmin(): False, tops.idxmax(): True}
        for index, above in marked.items():
            row = rows.loc[index]
            value = tops[index] if above else row["low"]
            # The highest above its mark; the lowest beside it, to its left, or to its right near the axis (where
            # the left would run over the tick labels), so that two close ends do not overprint.
            right = not above and places[index] < _LEFT_LABEL_FROM
            axes.annotate(textwrap.fill(figure_text(row.drop("count_by")), 16), (places[index], value),
                          xytext=(0, 7) if above else (7 if right else -7, 0), textcoords="offset points",
                          ha="center" if above else "left" if right else "right", va="bottom" if above else "center",
                          fontsize=8, color=TEXT_GREY)
        axes.set_title(textwrap.fill(name, 38), fontsize=9.5, loc="left")
        axes.set_ylim(0, high * _HEADROOM)
        axes.set_xlim(1986, 2032)
        axes.set_xticks([1990, 2000, 2010, 2020, _UNDATED_YEAR], ["1990", "2000", "2010", "2020", "no\ndate"])
        axes.tick_params(labelsize=8.5)
        # Each range of the alt text is one set of like figures, as in the register: never a stock beside a flow,
        # one basis beside another, dates far apart or a pair a gap of the register keeps apart.
        described_groups.append(f"{name}: " + "; ".join(like_set_in_words(members, pairs)
                                                         for members in like_sets(rows, pairs)))
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
        # The number above its mark, or below it where another mark stands just above (two counts of one day).
        crowded = ((counts["date_end"] - row.date_end).abs().le(pd.Timedelta(days=2))
                   & counts["low"].gt(row.low) & counts["low"].le(row.low + 0.06 * (top - bottom))).any()
        axes.annotate(str(number), (row.date_end, row.low), xytext=(0, -7 if crowded else 7),
                      textcoords="offset points", ha="center", va="top" if crowded else "bottom", fontsize=8.5,
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
