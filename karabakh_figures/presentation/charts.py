"""Every chart's house style, its export and the chart types the notebooks draw, reached by one name
(`charts.titled_figure`, `charts.export`, `charts.figure_panels`…). Each part lives in a module of its own:

- `style`: the colours, the title, subtitle and "Source:" line, bar labels and alt text;
- `export`: the SVG, PNG, rows and record of a chart, and the index of every figure;
- `narrow`: the render for a phone;
- `timeline_charts`, `count_charts`, `displacement_charts`: the chart types of the subjects.
"""

from .count_charts import estimate_ranges, statement_bars
from .displacement_charts import SIDE_COLOURS, departure_days, figure_panels, side_legend
from .export import ExportedFigure, export, index_lock, write_index
from .narrow import NARROW_INCHES, NARROW_SUFFIX
from .style import (
    MUTED,
    OKABE_ITO,
    PALETTE,
    TEXT_GREY,
    Description,
    described,
    label_bars,
    titled_figure,
    use_house_style,
)
from .timeline_charts import act_lines, control_bars, dated_marks, group_headings, marks_on_rows, note_at_end

__all__ = [
    "MUTED", "NARROW_INCHES", "NARROW_SUFFIX", "OKABE_ITO", "PALETTE", "SIDE_COLOURS", "TEXT_GREY", "Description",
    "ExportedFigure", "act_lines", "control_bars", "dated_marks", "departure_days", "described", "estimate_ranges",
    "export", "figure_panels", "group_headings", "index_lock", "label_bars", "marks_on_rows", "note_at_end",
    "side_legend",
    "statement_bars", "titled_figure", "use_house_style", "write_index",
]
