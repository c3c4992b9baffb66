"""CONTRIBUTING.md's walk-through works as written: in a scratch copy of the repository, each of its steps is done
as the guide gives it (a file written, rows appended, commands run), and the copy ends with a validated package
and a notebook built from it. A step the guide gets wrong fails here."""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import pytest
from matplotlib import dates

from conftest import ROOT, read_rows, write_rows
from karabakh_figures import load
from karabakh_figures.data.paths import DATA_DIR_VARIABLE, FIGURES_DIR_VARIABLE
from karabakh_figures.data.raw_files import record_raw

GUIDE = ROOT / "CONTRIBUTING.md"
#: A fenced block of the walk-through: its kind (markdown: a file to write; csv: rows to append; sh: commands to
#: run), the file it is for, and its text.
_BLOCK = re.compile(r"^```(markdown|csv|sh)(?: (\S+))?\n(.*?)^```$", re.M | re.S)


def walk_through_steps() -> list[tuple[str, str | None, str]]:
    text = GUIDE.read_text(encoding="utf-8")
    return _BLOCK.findall(text[text.index("## A walk-through"):])


def test_the_guide_is_linked_from_the_readme_and_its_walk_through_has_every_kind_of_step():
    assert "(CONTRIBUTING.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    kinds = [kind for kind, _, _ in walk_through_steps()]
    assert kinds.count("markdown") == 2 and kinds.count("csv") == 4 and kinds.count("sh") == 2
    new, added = [path for kind, path, _ in walk_through_steps() if kind == "markdown"]
    assert not (ROOT / new).exists() and (ROOT / added).is_file(), "one new reference file and one shipped one"


@pytest.fixture
def scratch_copy(tmp_path) -> Path:
    """The repository's committed files, as a fresh checkout has them."""
    copy = tmp_path / "repository"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        if (ROOT / name).is_file():  # a file deleted in the work tree is not copied
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    return copy


def test_the_walk_through_ends_in_a_validated_package_and_a_build(scratch_copy):
    # The copy's own package, data and notebooks, as a contributor's checkout would have them.
    environment = {name: value for name, value in os.environ.items()
                   if name not in (FIGURES_DIR_VARIABLE, DATA_DIR_VARIABLE)}
    environment["PYTHONPATH"] = str(scratch_copy)
    outputs = []
    for kind, path, text in walk_through_steps():
        if kind == "markdown":  # a new file, or an entry added at the end of a shipped one
            with (scratch_copy / path).open("a", encoding="utf-8", newline="") as file:
                file.write(text)
        elif kind == "csv":
            with (scratch_copy / path).open("a", encoding="utf-8", newline="") as file:
                file.write(text)
        else:
            for line in filter(None, text.splitlines()):
                words = shlex.split(line)
                assert words[0] == "python", line
                run = subprocess.run([sys.executable, *words[1:]], cwd=scratch_copy, env=environment,
                                     capture_output=True, text=True)
                assert run.returncode == 0, f"{line}\n{run.stdout}{run.stderr}"
                outputs.append(run.stdout)
    added, recorded, validated, built = outputs
    assert added.startswith("raw/example-report.md: added in datapackage.json")
    assert recorded.startswith("raw/displacement.md: recorded in datapackage.json")
    assert validated.startswith(f"{scratch_copy / 'data'}: valid (")
    assert "executed 1" in built
    descriptor = json.loads((scratch_copy / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert "raw/example-report.md" in {resource["path"] for resource in descriptor["resources"]}
    # The act reported on the made-up page is on the rebuilt timeline, and the committed notebook is untouched.
    timeline = (scratch_copy / "notebooks" / "03-recognition-timeline.ipynb").read_text(encoding="utf-8")
    assert "Example Assembly" in timeline
    assert "Example Assembly" not in (ROOT / "notebooks" / "03-recognition-timeline.ipynb").read_text(encoding="utf-8")
    # No test of the data or the subjects pins today's rows or files: the contributor's valid rows pass them all.
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/data",
                            "tests/subjects"], cwd=scratch_copy, env=environment, capture_output=True, text=True)
    assert tests.returncode == 0, tests.stdout[-3000:]


def add_a_later_act(data_dir: Path, day: date) -> str:
    """A made-up act reported adopted on `day`, with its page, source and host, recorded as the guide says;
    returns its label."""
    words = f"{day.day} {day:%B %Y}"
    page = data_dir / "raw" / "example-later-act.md"
    page.write_text(f"# A made-up page\n\n> On {words} the Example Council adopted a declaration on the events in "
                    "Khojaly.\n", encoding="utf-8")
    rows = {
        "sources.csv": ["example-later-act", "A made-up page", "A made-up page", "web page", "Example Council",
                        day.isoformat(), "https://example.org/later-act", "", "original", "none",
                        "raw/example-later-act.md", "", "", "A made-up page for a test."],
        "hosts.csv": ["example.org", "none", "neither", "outside the parties", "a made-up site",
                      "our reading (no reference file labels this host): a made-up site"],
        "later_recognitions.csv": ["example-council", "Example Council", "Example Council", "IS", "",
                                   day.isoformat(), day.isoformat(), "day", words, "declaration",
                                   "reported as adopted", "the made-up page", "true", "", "A made-up act for a test.",
                                   "example-later-act", f"On {words} the Example Council adopted a declaration on "
                                   "the events in Khojaly."],
    }
    for name, cells in rows.items():
        write_rows(data_dir / name, [*read_rows(data_dir / name), cells])
    record_raw(page, title="A made-up page, for a test")
    return "Example Council"


def test_a_later_act_past_every_date_drawn_is_drawn_inside_the_timeline(data_copy, monkeypatch):
    """Notebook 03's axis follows the rows: an act three years after the latest mark is inside it."""
    notebook = nbformat.read(ROOT / "notebooks" / "03-recognition-timeline.ipynb", as_version=4)
    cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    chart = next(index for index, source in enumerate(cells) if '"03-recognition-timeline"' in source)
    drawn = [load(name) for name in ("recognitions", "campaign_events", "later_recognitions")]
    latest = max(table["date_end"].max() for table in drawn).date()
    day = latest + timedelta(days=3 * 365)  # past any margin the axis leaves after its latest mark
    label = add_a_later_act(data_copy, day)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    namespace = {}
    for source in cells[: chart + 1]:
        exec(compile(source, "03-recognition-timeline.ipynb", "exec"), namespace)  # noqa: S102 - the notebook's own code
    middle = namespace["middle"]
    assert label in [tick.get_text() for tick in middle.get_yticklabels()]
    low, high = middle.get_xlim()
    marks = [x for line in middle.get_lines() for x, _ in line.get_xydata()]
    assert dates.date2num(pd.Timestamp(day)) in marks
    outside = [x for axes in namespace["figure"].axes for line in axes.get_lines() for x, _ in line.get_xydata()
               if not low <= x <= high]
    assert not outside, f"marks at {[f'{dates.num2date(x):%Y-%m-%d}' for x in outside]} lie outside the axis"
    plt.close(namespace["figure"])
