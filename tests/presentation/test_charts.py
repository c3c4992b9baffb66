"""Charts exported by notebooks that run side by side (the build runs two at a time) leave whole files and an
index of every figure; a chart exported outside the collection goes where its caller says."""

import json
import os
import subprocess
import sys
import threading
import time

import matplotlib.pyplot as plt
import pytest

from conftest import ROOT
from karabakh_figures.data.files import write_whole
from karabakh_figures.data.paths import FIGURES_DIR_VARIABLE
from karabakh_figures.presentation import charts, narrow, overlaps


def test_a_record_being_rewritten_is_read_whole_or_as_before(tmp_path):
    path = tmp_path / "01-chart.json"
    write_whole(path, json.dumps({"version": 0}))
    done, unreadable = threading.Event(), []

    def read_until_done():
        while not done.is_set():
            try:
                json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                unreadable.append(path.read_bytes())

    reader = threading.Thread(target=read_until_done)
    reader.start()
    for version in range(1, 2000):
        write_whole(path, json.dumps({"version": version, "padding": "x" * 2000}))
    done.set()
    reader.join()
    assert unreadable == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["01-chart.json"], "no partial file is left"


def test_the_index_waits_for_the_notebook_writing_it_and_lists_every_figure(tmp_path, monkeypatch):
    import pandas as pd

    monkeypatch.setenv(FIGURES_DIR_VARIABLE, str(tmp_path))
    figure, axes = charts.titled_figure("A chart", "What it shows", "the data", size=(3, 2))
    axes.bar(["a", "b"], [1, 2])
    (tmp_path / "01-other.json").write_text(json.dumps(
        {"figure": "01-other", "title": "Another chart", "notebook": "", "data": [], "alt": "Bars."}), encoding="utf-8")
    with charts.index_lock(tmp_path):  # another notebook rewriting the index
        exporting = threading.Thread(target=charts.export, args=(figure, "01-chart"),
                                     kwargs={"alt": "Two bars.", "data": ["territories.csv"],
                                             "rows": pd.DataFrame({"bar": ["a", "b"], "value": [1, 2]})})
        exporting.start()
        deadline = time.monotonic() + 30
        while not (tmp_path / "01-chart.json").is_file() and time.monotonic() < deadline:
            time.sleep(0.01)  # drawn and recorded: next comes the index
        exporting.join(timeout=0.5)
        assert exporting.is_alive(), "the index was rewritten while another notebook held it"
        assert not (tmp_path / "README.md").exists()
    exporting.join(timeout=30)
    index = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "**A chart**" in index and "**Another chart**" in index


def test_an_export_outside_the_collection_writes_there_and_leaves_its_figures_alone(tmp_path):
    figures = ROOT / "figures"
    before = {path.name: path.stat().st_mtime_ns for path in figures.iterdir()}
    code = ("import pandas as pd\nfrom karabakh_figures import charts\n"
            "figure, axes = charts.titled_figure('A line', 'A test.', 'nobody')\n"
            "charts.export(figure, 'scratch-line', alt='A line.', data=[], rows=pd.DataFrame({'x': [1]}))\n"
            "figure, axes = charts.titled_figure('Another line', 'A test.', 'nobody')\n"
            "print(repr(charts.export(figure, 'chosen-line', alt='A line.', data=[], rows=pd.DataFrame({'x': [1]}), "
            "folder='chosen')))\n")
    environment = {name: value for name, value in os.environ.items() if name != FIGURES_DIR_VARIABLE}
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=environment, check=True, capture_output=True,
                         text=True)
    # No index: its links lead to the collection's data and notebooks, which a user's folder does not have.
    assert sorted(path.name for path in (tmp_path / "figures").iterdir()) == [
        "scratch-line-narrow.png", "scratch-line.csv", "scratch-line.json", "scratch-line.png", "scratch-line.svg"]
    assert (tmp_path / "chosen" / "chosen-line.svg").is_file()
    assert (run.stdout, run.stderr) == ("wrote chosen-line.svg, chosen-line.png, chosen-line.json, chosen-line.csv, "
                                        "chosen-line-narrow.png\n", "")
    assert {path.name: path.stat().st_mtime_ns for path in figures.iterdir()} == before


def test_numeric_axes_write_thousands_as_labels_do_and_dates_keep_their_own_form(tmp_path):
    import pandas as pd

    figure, (numbers, dates) = charts.titled_figure("Title", "Subtitle", "Source", nrows=2)
    numbers.plot([0, 15000], [0, 1])
    dates.plot(pd.to_datetime(["1992-01-01", "1993-01-01"]), [0, 1])
    charts.export(figure, "axes", alt="Two lines.", data=[], rows=pd.DataFrame({"x": [1]}), folder=tmp_path)
    assert numbers.xaxis.get_major_formatter()(15000) == "15,000"
    assert numbers.xaxis.get_major_formatter()(-2.5) == "\N{MINUS SIGN}2.5"
    assert dates.xaxis.get_major_formatter().__class__.__name__ != "FuncFormatter"


def test_a_figure_read_second_hand_is_drawn_hollow_and_dashed_beside_an_original():
    import pandas as pd

    estimates = pd.DataFrame({"estimate_id": ["original", "copy", "range"], "label": ["a", "b", "c"],
                              "low": [613.0, 485.0, 500.0], "high": [613.0, 485.0, 1000.0]})
    figure, axes = charts.titled_figure("Title", "Subtitle", "Source")
    charts.estimate_ranges(axes, estimates, ["a", "b", "c"], highlight="none", originals=[True, False, False])
    original, copy, stated_range = axes.lines
    plt.close(figure)
    assert original.get_markerfacecolor() != "white" and copy.get_markerfacecolor() == "white"
    assert stated_range.get_linestyle() != "-" and stated_range.get_linewidth() < 7


def test_every_displacement_figure_is_drawn_in_its_group_s_panel_hollow_where_a_party_s_count_is_relayed():
    from karabakh_figures import load
    from karabakh_figures.subjects.displacement import GROUPS

    figures = load("displacement_figures")
    figure, panels = charts.titled_figure("Title", "Subtitle", "Source", nrows=7, ncols=3, size=(10, 17))
    described = charts.figure_panels(panels, figures, GROUPS)
    drawn = [[line for line in axes.lines if line.get_marker() not in ("None", None, "")] for axes in panels.flat]
    plt.close(figure)
    assert len(described) == len(GROUPS)
    for marks, group in zip(drawn, GROUPS):
        rows = figures[figures["group"].eq(group)]
        assert len(marks) == len(rows), group
        assert sum(mark.get_markerfacecolor() == "white" for mark in marks) == rows["count_by"].notna().sum(), group
    assert all(not marks for marks in drawn[len(GROUPS):])


def test_the_departure_s_counts_are_numbered_from_the_highest_and_named_in_the_key():
    from karabakh_figures.subjects.displacement import departure_counts, population_before

    counts = departure_counts()
    figure, (chart, key) = charts.titled_figure("Title", "Subtitle", "Source", ncols=2)
    labels = charts.departure_days(chart, key, counts, population_before())
    numbers = [text.get_text() for text in chart.texts if text.get_text().isdigit()]
    plt.close(figure)
    assert labels[:len(counts)] == counts.sort_values("low", ascending=False, kind="stable")["label"].tolist()
    assert labels[-1].startswith("Population before: ")
    assert numbers == [str(number) for number in range(1, len(counts) + 1)]
    assert " ".join(key.texts[0].get_text().split()).startswith(f"1. {labels[0]}"[:40])


def _exported(tmp_path, draw, size=(4, 3)):
    """Export a chart that `draw(axes)` fills, to tmp_path."""
    import pandas as pd

    figure, axes = charts.titled_figure("A chart", "What it shows", "the data", size=size)
    draw(axes)
    return charts.export(figure, "01-planted", alt="A planted chart.", data=[], rows=pd.DataFrame({"a": [1]}),
                         folder=tmp_path)


def test_a_chart_with_text_over_text_is_refused_naming_both_texts(tmp_path):
    def two_labels_at_one_place(axes):
        axes.plot([0, 1], [0, 1])
        axes.annotate("Kalbajar 2 April 1993", (0.5, 0.5))
        axes.annotate("Lachin 18 May 1992", (0.52, 0.5))

    with pytest.raises(overlaps.TextOverTextError, match="01-planted .wide render.*Kalbajar 2 April 1993.*Lachin"):
        _exported(tmp_path, two_labels_at_one_place)


def test_text_over_text_only_on_a_phone_is_refused_in_the_narrow_render(tmp_path):
    def labels_far_apart_only_when_wide(axes):
        axes.set_xlim(0, 10)
        axes.annotate("a long label on the left", (0, 0.5), annotation_clip=False)
        axes.annotate("and its neighbour", (4, 0.5), annotation_clip=False)

    with pytest.raises(overlaps.TextOverTextError, match="narrow render"):
        _exported(tmp_path, labels_far_apart_only_when_wide, size=(9, 3))


def test_texts_apart_a_halo_and_a_mark_under_a_text_pass(tmp_path):
    import matplotlib.patheffects as path_effects

    def apart(axes):
        axes.plot([0, 1], [0, 1], "o")
        axes.annotate("one", (0, 0), path_effects=[path_effects.withStroke(linewidth=2.5, foreground="white")])
        axes.annotate("two", (1, 1))

    assert _exported(tmp_path, apart).paths[0].is_file()


def test_a_halo_does_not_hide_a_text_from_the_measure():
    import matplotlib.patheffects as path_effects

    figure, axes = plt.subplots(figsize=(4, 3))
    for words in ("Gubadli", "Jabrayil"):
        axes.annotate(words, (0.5, 0.5), path_effects=[path_effects.withStroke(linewidth=2.5, foreground="white")])
    assert overlaps.overlapping_texts(overlaps.drawn_texts(figure)) == [("Gubadli", "Jabrayil")]
    plt.close(figure)


def test_a_mark_hidden_under_another_is_refused(tmp_path):
    def two_marks_at_one_place(axes):
        axes.plot([2000], [700_000], "o", markersize=7)
        axes.plot([2000], [700_000], "o", markersize=7)

    with pytest.raises(overlaps.HiddenMarkError, match="01-planted .wide render"):
        _exported(tmp_path, two_marks_at_one_place)


def test_marks_at_one_place_set_apart_are_all_seen(tmp_path):
    places = [(2000, 700_000), (2000, 700_000), (2000.2, 700_500), (1990, 100_000)]
    slots = overlaps.set_apart(places, (40, 1_000_000))
    assert slots[0] == 0 and len(set(slots[:3])) == 3 and slots[3] == 0

    def set_apart(axes):
        for (x, y), slot in zip(places, slots):
            axes.plot([x], [y], "o", markersize=7, transform=overlaps.offset_transform(axes, slot, 7 * 1.2))
        axes.set(xlim=(1986, 2026), ylim=(0, 1_000_000))

    assert _exported(tmp_path, set_apart).paths[0].is_file()


def test_on_a_phone_numbered_labels_keep_their_names_in_a_key_under_the_panel():
    figure, axes = charts.titled_figure("A map", "What it shows", "the data", size=(4, 3))
    axes.set(xlim=(0, 1), ylim=(0, 1), aspect=1)
    labels = [axes.annotate(name, (0.2 + 0.6 * number, 0.5), ha="center")
              for number, name in enumerate(["Fizuli\n23 August 1993", "Jabrayil\n23 August 1993"])]
    narrow.numbered_on_a_phone(axes, labels)
    narrow.lay_out_narrow(figure)
    assert [label.get_text() for label in labels] == ["1", "2"]
    assert "1. Fizuli 23 August 1993\n2. Jabrayil 23 August 1993" in [text.get_text() for text in axes.texts]
    plt.close(figure)


def test_on_a_phone_a_key_comes_before_its_panels_and_each_stacked_panel_keeps_its_axis():
    from matplotlib.lines import Line2D

    figure, axes = charts.titled_figure("Panels", "What they show", "the data", nrows=3, size=(9, 6), sharex=True)
    for panel in axes[:2]:
        panel.plot([2000, 2010], [1, 2], "o")
    axes[2].legend(handles=[Line2D([], [], marker="o", label="a count")])
    narrow.lay_out_narrow(figure)
    figure.draw_without_rendering()
    tops = {panel: panel.get_position().y1 for panel in axes}
    assert tops[axes[2]] > tops[axes[0]] > tops[axes[1]], "the key first, then the panels in reading order"
    shown = [label.get_text() for label in axes[0].get_xticklabels() if label.get_visible() and label.get_text()]
    assert shown, "the upper panel keeps its own time axis"
    plt.close(figure)
