"""Charts exported by notebooks that run side by side (the build runs two at a time) leave whole files and an
index of every figure; a chart exported outside the collection goes where its caller says."""

import json
import os
import subprocess
import sys
import threading
import time

from conftest import ROOT
from karabakh_figures.data.files import locked, write_whole
from karabakh_figures.data.paths import FIGURES_DIR_VARIABLE
from karabakh_figures.presentation import charts


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
    monkeypatch.setenv(FIGURES_DIR_VARIABLE, str(tmp_path))
    figure, axes = charts.titled_figure("A chart", "What it shows", "the data", size=(3, 2))
    axes.bar(["a", "b"], [1, 2])
    (tmp_path / "01-other.json").write_text(json.dumps(
        {"figure": "01-other", "title": "Another chart", "notebook": "", "data": [], "alt": "Bars."}), encoding="utf-8")
    with locked(tmp_path):  # another notebook rewriting the index
        exporting = threading.Thread(target=charts.export, args=(figure, "01-chart"),
                                     kwargs={"alt": "Two bars.", "data": ["territories.csv"]})
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
    code = ("from karabakh_figures import charts\n"
            "figure, axes = charts.titled_figure('A line', 'A test.', 'nobody')\n"
            "charts.export(figure, 'scratch-line', alt='A line.', data=[])\n"
            "figure, axes = charts.titled_figure('Another line', 'A test.', 'nobody')\n"
            "charts.export(figure, 'chosen-line', alt='A line.', data=[], folder='chosen')\n")
    environment = {name: value for name, value in os.environ.items() if name != FIGURES_DIR_VARIABLE}
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=environment, check=True)
    assert sorted(path.name for path in (tmp_path / "figures").iterdir()) == [
        "README.md", "scratch-line.json", "scratch-line.png", "scratch-line.svg"]
    assert (tmp_path / "chosen" / "chosen-line.svg").is_file()
    assert {path.name: path.stat().st_mtime_ns for path in figures.iterdir()} == before
