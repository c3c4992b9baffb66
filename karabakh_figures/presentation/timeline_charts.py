"""Charts of rows on a time axis: items at their dates as precisely as the sources give them, other sources'
dates beside them, acts as lines, and how long each territory's control lasted."""

import pandas as pd

from ..data.dates import LATEST_ONLY
from ..subjects.control import TOWN_SCOPES
from .overlaps import offset_transform, set_apart
from .style import PALETTE, TEXT_GREY


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
    span = periods["date_end"].max() - periods["date_end_compilation"].min()  # the time the marks are set apart on
    described_rows = []
    for name, changes in periods.groupby("name", sort=False):
        y, start = positions[name], changes["date_end_compilation"].iloc[0]
        # A change dated only "by" a day has no earliest date: it is placed at that latest day, marked as such.
        when = changes["date_start"].fillna(changes["date_end"])
        first = when.min()
        axes.plot([start, first], [y, y], color=PALETTE[0], linewidth=7, solid_capstyle="butt", alpha=0.55)
        if when.max() > first:
            axes.plot([first, when.max()], [y, y], color=PALETTE[0], linewidth=1.5, linestyle=":")
        # Changes close in time on one row are set one above another (the side set_apart moves them to), so that
        # no mark hides another.
        slots = set_apart([(0, at.value) for at in when], (1, span.value), size=0.06)
        for change, at, slot in zip(changes.itertuples(), when, slots):
            town = change.scope in TOWN_SCOPES
            color = PALETTE[1] if town else PALETTE[0]
            placed = {"transform": offset_transform(axes, slot, 7, upwards=True)}
            if change.date_precision == LATEST_ONLY:
                axes.plot([at], [y], marker="<", markersize=8, linestyle="none", color=color,
                          markerfacecolor="white" if town else color, markeredgewidth=2, **placed)
            elif change.date_precision not in ("day", "days"):  # a month or year: its whole range, not a point
                axes.plot([change.date_start, change.date_end], [y, y], color=color, linewidth=9,
                          solid_capstyle="butt", **placed)
            else:
                axes.plot([at], [y], marker="o", markersize=8, linestyle="none", color=color,
                          markerfacecolor="white" if town else color, markeredgewidth=2, **placed)
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
