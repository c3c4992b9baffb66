"""Charts of one measure as each source states it: a bar per statement of a figure, and a row per published
estimate with its range or lower bound."""

import textwrap

import pandas as pd

from .style import MUTED, PALETTE, TEXT_GREY


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
