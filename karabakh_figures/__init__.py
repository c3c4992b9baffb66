"""Karabakh in Figures: curated, source-checked data and the helpers the notebooks use.

    from karabakh_figures import load, report, charts, area_totals

The entry points, by what they are for (each is importable from here by name; help(name) describes it):

- The data: load (a table, validated, with typed columns), checked_data, table_paths; DataError, the one error
  for data that does not validate, and Problem, one line of it; DataWarning, for a table loaded with
  `exploring=True` while other tables do not validate.
- How numbers and dates are written: formatted, span, written_date, date_label, date_labels; a figure printed
  whole, and a range or ratio of like figures only: figure_text, range_text, ratio_text. How places are named:
  place_name (both parties' names for a place, from the gazetteer), with_both_names (a text whose first mention
  of each place gives both).
- The territories: area_totals, cumulative_area, territory_table. Khojaly: killed_by_group, estimates_table,
  statements, compare_figures, discrepancies (and the module crosschecks). Recognitions: by_date,
  recognition_table, recognition_counts.
- Control 2020-2024: control_periods, control_state. The international record: acts_table, act_passages,
  dates_against_resolutions, dates_against_report, record_checks, act_votes.
- Data for analysis: each table shown to readers with its numbers and dates in words has a typed counterpart,
  numbers as numbers and dates as dates, that the shown table is worded from: territory_data, estimate_data,
  recognition_data, act_data, report_date_data.
- The contested points: positions_on, outside_records, compilation_accounts, in_brief, district_names, not_read,
  turns (which side opens and closes each point; the points are karabakh_figures.subjects.positions.POINTS).
- The people displaced: figures_in (typed), figures_of, register, gaps_table, departure_counts,
  population_before, departure_terms, in_numbers (the groups are karabakh_figures.subjects.displacement.GROUPS).
- Sources and caveats: source_labels, how_read, credit, provenance, provenance_counts, party_counts,
  implied_values, caveat_table, every_caveat; the overview: key_figures.
- Presentation: report (a table in the house style), used_here (the sources a notebook used), and the modules
  charts and maps (charts.titled_figure, charts.export, maps.districts...).

The package is laid out in floors, each importing only from those below it (README: "How the code is laid
out"): data, subjects, presentation, publishing. Each entry point is imported when first used, so that
`import karabakh_figures` stays cheap.
"""

from importlib import import_module

#: Entry point -> the module (below this package) that defines it.
_ENTRY_POINTS = {
    # data: the tables, validated, the error for data that does not validate, and the words every output writes
    # numbers and dates in
    "DataError": "data.problems", "DataWarning": "data.problems", "Problem": "data.problems",
    "load": "data.loading", "checked_data": "data.loading", "table_paths": "data.descriptor",
    "formatted": "data.words", "span": "data.words", "written_date": "data.words", "date_label": "data.words",
    "date_labels": "data.words", "place_name": "data.place_names", "with_both_names": "data.place_names",
    "figure_text": "data.figure_words", "range_text": "data.figure_words", "ratio_text": "data.figure_words",
    # subjects: each subject's tables and the arithmetic behind them
    "area_totals": "subjects.territories", "cumulative_area": "subjects.territories",
    "territory_table": "subjects.territories", "territory_data": "subjects.territories",
    "killed_by_group": "subjects.khojaly", "estimates_table": "subjects.khojaly", "estimate_data": "subjects.khojaly",
    "statements": "subjects.crosschecks", "compare_figures": "subjects.crosschecks",
    "discrepancies": "subjects.crosschecks",
    "by_date": "subjects.recognitions", "recognition_table": "subjects.recognitions",
    "recognition_data": "subjects.recognitions",
    "recognition_counts": "subjects.recognitions",
    "control_periods": "subjects.control", "control_state": "subjects.control",
    "source_labels": "subjects.sources", "how_read": "subjects.sources", "credit": "subjects.sources",
    "provenance": "subjects.sources",
    "provenance_counts": "subjects.sources", "party_counts": "subjects.sources",
    "implied_values": "subjects.caveats", "caveat_table": "subjects.caveats", "every_caveat": "subjects.caveats",
    "key_figures": "subjects.overview",
    "acts_table": "subjects.international", "act_data": "subjects.international",
    "act_passages": "subjects.international",
    "dates_against_resolutions": "subjects.international",
    "dates_against_report": "subjects.international", "report_date_data": "subjects.international",
    "record_checks": "subjects.international",
    "act_votes": "subjects.international",
    "positions_on": "subjects.positions", "outside_records": "subjects.positions", "in_brief": "subjects.positions",
    "district_names": "subjects.positions", "not_read": "subjects.positions",
    "compilation_accounts": "subjects.positions", "turns": "subjects.positions",
    "figures_in": "subjects.displacement", "figures_of": "subjects.displacement",
    "register": "subjects.displacement", "gaps_table": "subjects.displacement",
    "departure_counts": "subjects.displacement", "population_before": "subjects.displacement",
    "departure_terms": "subjects.displacement", "in_numbers": "subjects.displacement",
    # presentation: the house style
    "report": "presentation.tables", "used_here": "presentation.source_list",
}
#: Modules reached by name: `charts.titled_figure(...)`, `maps.districts()`, `crosschecks.compare_figures(...)`.
_MODULES = {"charts": "presentation.charts", "maps": "presentation.maps", "crosschecks": "subjects.crosschecks"}

__all__ = [*_ENTRY_POINTS, *_MODULES]


def __getattr__(name: str):
    if name in _MODULES:
        return import_module(f".{_MODULES[name]}", __name__)
    if name in _ENTRY_POINTS:
        return getattr(import_module(f".{_ENTRY_POINTS[name]}", __name__), name)
    raise AttributeError(f"module 'karabakh_figures' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
