"""Execute the notebooks in reading order, writing their outputs and figures, the same bytes on every run."""

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from .paths import DATA_DIR_VARIABLE, FIGURES_DIR_VARIABLE, ROOT
from .site import render_site

NOTEBOOKS = ROOT / "notebooks"
#: Cell metadata that says something about the notebook, not about one run of it.
_KEPT_CELL_METADATA = ("tags",)


class BuildError(RuntimeError):
    """A notebook failed, or wrote warnings or errors into its outputs."""


def notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks, numbered in reading order (NN-topic.ipynb)."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def build(data_dir: Path | None = None, out_dir: Path | None = None, only: list[str] | None = None,
          report=print) -> list[Path]:
    """Execute every notebook (or those named in `only`) against `data_dir` (default: data/), then render the
    site from the executed notebooks.

    Without `out_dir` the notebooks are rewritten in place, figures go to figures/ and the site to site/;
    with it, they go to OUT/notebooks, OUT/figures and OUT/site, and the committed files are left untouched.
    """
    out_notebooks = NOTEBOOKS if out_dir is None else Path(out_dir) / "notebooks"
    figures = ROOT / "figures" if out_dir is None else Path(out_dir) / "figures"
    site = ROOT / "site" if out_dir is None else Path(out_dir) / "site"
    data = Path(data_dir) if data_dir is not None else ROOT / "data"
    out_notebooks.mkdir(parents=True, exist_ok=True)
    environment = {FIGURES_DIR_VARIABLE: str(figures.resolve()), "PYTHONHASHSEED": "0"}
    if data_dir is not None:
        environment[DATA_DIR_VARIABLE] = str(Path(data_dir).resolve())
    written = []
    with _environment(environment):
        for source in notebooks():
            if only is not None and source.name not in only:
                continue
            target = out_notebooks / source.name
            execute(source, target)
            report(f"executed {source.name} -> {target}")
            written.append(target)
        pages = render_site(notebooks(out_notebooks), figures, data, site)
        report(f"rendered {len(pages)} pages -> {site}")
    return written


def execute(source: Path, target: Path) -> None:
    notebook = nbformat.read(source, as_version=4)
    for cell in notebook.cells:
        cell.metadata = {key: value for key, value in cell.metadata.items() if key in _KEPT_CELL_METADATA}
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    client = NotebookClient(notebook, kernel_name="python3", timeout=300, record_timing=False,
                            resources={"metadata": {"path": str(source.parent)}})
    try:
        # The kernel process's own log (a warning that it runs over local TCP) is not the notebook's output;
        # what the notebook's code writes to stderr reaches its outputs, and is refused below.
        client.execute(stderr=subprocess.DEVNULL)
    except CellExecutionError as error:
        raise BuildError(f"{source.name}: a cell failed: {str(error).strip().splitlines()[-1]}") from None
    _refuse_noisy_outputs(source, notebook)
    nbformat.write(notebook, target)


def _refuse_noisy_outputs(source: Path, notebook) -> None:
    for number, cell in enumerate(notebook.cells, start=1):
        for output in cell.get("outputs", []):
            if output.output_type == "stream" and output.name == "stderr":
                first_line = output.text.strip().splitlines()[0] if output.text.strip() else ""
                raise BuildError(f"{source.name}: cell {number} wrote to stderr: {first_line}")
            if output.output_type == "error":
                raise BuildError(f"{source.name}: cell {number} raised {output.ename}")


@contextmanager
def _environment(variables: dict[str, str]):
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
