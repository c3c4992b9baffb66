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
from pathlib import Path

import pytest

from conftest import ROOT
from karabakh_figures.data.paths import DATA_DIR_VARIABLE, FIGURES_DIR_VARIABLE

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
    assert kinds.count("markdown") == 1 and kinds.count("csv") == 3 and kinds.count("sh") == 2


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
        if kind == "markdown":
            (scratch_copy / path).write_text(text, encoding="utf-8")
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
    recorded, validated, built = outputs
    assert recorded.startswith("raw/example-report.md: added in datapackage.json")
    assert validated.startswith(f"{scratch_copy / 'data'}: valid (")
    assert "executed 1" in built
    descriptor = json.loads((scratch_copy / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert "raw/example-report.md" in {resource["path"] for resource in descriptor["resources"]}
    # The act reported on the made-up page is on the rebuilt timeline, and the committed notebook is untouched.
    timeline = (scratch_copy / "notebooks" / "03-recognition-timeline.ipynb").read_text(encoding="utf-8")
    assert "Example Assembly" in timeline
    assert "Example Assembly" not in (ROOT / "notebooks" / "03-recognition-timeline.ipynb").read_text(encoding="utf-8")
