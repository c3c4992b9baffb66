import csv
import shutil
from pathlib import Path

import nbformat
import pytest

from karabakh_figures.data.files import locked
from karabakh_figures.publishing.build import build
from karabakh_figures.publishing.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may break."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(rows)


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell, `row` counted as in the file (the header is row 1)."""
    rows = read_rows(path)
    rows[row - 1][rows[0].index(column)] = value
    write_rows(path, rows)


def row_number(path: Path, key: str) -> int:
    """The row (header = 1) whose first cell is `key`."""
    return next(number for number, cells in enumerate(read_rows(path), start=1) if cells[0] == key)


@pytest.fixture(scope="session")
def fresh_build(tmp_path_factory, worker_id) -> Path:
    """The collection built afresh from the committed data and notebooks (OUT/notebooks, figures and site), once
    for a whole test run: the committed-outputs tests compare with it and the browser tests read its site. The
    first test worker to ask builds it while the other waits on its lock, then reads the same folder (pytest-xdist's
    way of sharing a session fixture): built once, not once per worker and again for the site."""
    shared = tmp_path_factory.getbasetemp()
    shared = shared if worker_id == "master" else shared.parent
    out, finished = shared / "fresh-build", shared / "fresh-build.finished"
    with locked(shared / "fresh-build.lock"):
        if not finished.is_file():
            shutil.rmtree(out, ignore_errors=True)
            build(DATA, out, report=lambda line: None)
            finished.touch()
    return out


@pytest.fixture
def validate(capsys):
    """Run `python -m karabakh_figures validate DIR`; return its exit code and its output lines."""

    def run(data_dir: Path) -> tuple[int, list[str], list[str]]:
        code = main(["validate", str(data_dir)])
        captured = capsys.readouterr()
        return code, captured.out.splitlines(), captured.err.splitlines()

    return run


def outputs_text(name: str) -> str:
    """Everything the committed notebook shows as text: markdown, plain text, streams."""
    notebook = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.extend(output.get("data", {}).get(kind, "") for kind in ("text/markdown", "text/plain", "text/html"))
    return "\n".join(parts)


def break_cells(data: Path, file: str, key: str, cells: dict[str, str]) -> str:
    """Set `cells` (column -> value) in the row of `key` of a table in a copy of the data; returns the place as the
    validator names it ("PATH, row N")."""
    path = data / file
    row = row_number(path, key)
    for column, value in cells.items():
        set_cell(path, row, column, value)
    return f"{path}, row {row}"


def break_cell(data: Path, file: str, key: str, column: str, value: str) -> str:
    """One cell of break_cells."""
    return break_cells(data, file, key, {column: value})
