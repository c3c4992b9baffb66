"""The notebook runner: execute the notebooks in reading order, writing their outputs and figures, the same
bytes on every run, then render their site pages.

A notebook is executed again only when its inputs change: its code cells and the data's version (the data
files, the karabakh_figures code, the pinned requirements: data.fingerprint). Their hash is kept in the
notebook's metadata, so the committed notebooks record what they were made from and a rebuild of an unchanged
tree writes nothing.
"""

import hashlib
import json
import os
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..data.fingerprint import data_version
from ..data.paths import DATA_DIR_VARIABLE, FIGURES_DIR_VARIABLE, ROOT

NOTEBOOKS = ROOT / "notebooks"
#: Cell metadata that says something about the notebook, not about one run of it.
_KEPT_CELL_METADATA = ("tags",)
_HASH_KEY = "inputs_sha256"


class BuildError(RuntimeError):
    """A notebook failed, or wrote warnings or errors into its outputs."""


@dataclass
class BuildSummary:
    executed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    figures_written: int = 0
    pages_rendered: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        return (f"executed {len(self.executed)}, skipped {len(self.skipped)}, figures written "
                f"{self.figures_written}, pages rendered {self.pages_rendered}, in {self.seconds:.1f} s")


def notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks, numbered in reading order (NN-topic.ipynb)."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def build(data_dir: Path | None = None, out_dir: Path | None = None, only: list[str] | None = None,
          force: bool = False, workers: int | None = None, report: Callable[[str], None] = print,
          alongside: Callable[[], None] | None = None) -> BuildSummary:
    """Execute the notebooks (or those named in `only`) whose inputs changed, against `data_dir` (default:
    data/), in parallel, then render the site pages whose notebook changed.

    Without `out_dir` the notebooks are rewritten in place, figures go to figures/ and the site to site/;
    with it, they go to OUT/notebooks, OUT/figures and OUT/site, and the committed files are left untouched.
    `force` executes every notebook whatever its inputs. `alongside` runs while the notebooks start (see
    execute_all); the command line validates the data there.
    """
    from .site import render_site  # after the plan: a build with nothing to do need not import it

    started = time.perf_counter()
    out_notebooks, figures, site, data = _places(data_dir, out_dir)
    out_notebooks.mkdir(parents=True, exist_ok=True)
    figures.mkdir(parents=True, exist_ok=True)
    environment = {FIGURES_DIR_VARIABLE: str(figures.resolve()), DATA_DIR_VARIABLE: str(data.resolve()),
                   "PYTHONHASHSEED": "0"}
    summary = BuildSummary()
    jobs = plan(data_dir, out_dir, only, force)
    planned = {source for source, _, _ in jobs}
    for source in notebooks():
        if (only is None or source.name in only) and source not in planned:
            summary.skipped.append(source.name)
            report(f"skip  {source.name} (inputs unchanged)")
    figures_before = _stamps(figures)
    with _environment(environment):
        bodies = execute_all(jobs, workers, report, render_pages=True, alongside=alongside)
        summary.executed = sorted(bodies)
        summary.pages_rendered = len(render_site(notebooks(out_notebooks), figures, data, site, bodies))
    summary.figures_written = sum(1 for path, stamp in _stamps(figures).items()
                                  if path.suffix in (".svg", ".png") and figures_before.get(path) != stamp)
    summary.seconds = time.perf_counter() - started
    report(f"build: {summary} -> {out_notebooks.parent if out_dir else 'notebooks/, figures/, site/'}")
    return summary


def plan(data_dir: Path | None = None, out_dir: Path | None = None, only: list[str] | None = None,
         force: bool = False) -> list[tuple[Path, Path, str]]:
    """The notebooks to execute, as (source, target, inputs hash): those whose inputs changed, or all with
    `force`. An empty plan means every executed notebook was made from exactly these data files."""
    out_notebooks, _, _, data = _places(data_dir, out_dir)
    shared = data_version(data)
    jobs = []
    for source in notebooks():
        if only is not None and source.name not in only:
            continue
        target = out_notebooks / source.name
        digest = inputs_hash(source, shared)
        if force or not target.is_file() or _stored_hash(target) != digest:
            jobs.append((source, target, digest))
    return jobs


def _places(data_dir: Path | None, out_dir: Path | None) -> tuple[Path, Path, Path, Path]:
    """Where a build writes notebooks, figures and site, and which data it reads."""
    data = Path(data_dir) if data_dir is not None else ROOT / "data"
    if out_dir is None:
        return NOTEBOOKS, ROOT / "figures", ROOT / "site", data
    out = Path(out_dir)
    return out / "notebooks", out / "figures", out / "site", data


def inputs_hash(notebook_path: Path, shared: str) -> str:
    """The hash of a notebook's inputs: its code cells (not its prose, which execution does not change) and
    `shared`, the data's version (data.fingerprint)."""
    # Read as plain JSON: nbformat's import alone costs more than a build with nothing to do.
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    digest = hashlib.sha256(shared.encode())
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            source = cell["source"]
            digest.update(b"\0" + ("".join(source) if isinstance(source, list) else source).encode())
    return digest.hexdigest()


def _stored_hash(path: Path) -> str | None:
    return json.loads(path.read_text(encoding="utf-8"))["metadata"].get("karabakh", {}).get(_HASH_KEY)


def _stamps(folder: Path) -> dict[Path, tuple[int, int]]:
    return {path: (path.stat().st_mtime_ns, path.stat().st_size) for path in folder.iterdir() if path.is_file()}


def execute_all(jobs: list[tuple[Path, Path, str]], workers: int | None = None,
                report: Callable[[str], None] = print, render_pages: bool = False,
                alongside: Callable[[], None] | None = None) -> dict[str, str | None]:
    """Execute the planned notebooks on a pool of worker processes. Returns, by notebook name, its site page's
    body where `render_pages`, else None. Pages are rendered here, each as soon as its notebook is done, while
    the workers run the others: one process pays for nbconvert's start (about half a second), not each worker.

    `alongside` runs here while the first notebooks start; if it raises, no further notebook starts, the running
    ones are waited for (their results dropped) and its exception is raised."""
    if not jobs:
        return {}
    # Imported once here, before the workers fork, rather than once in each of them (nbformat's schema
    # validator alone takes about a second to import).
    import nbclient  # noqa: F401
    import nbformat  # noqa: F401

    # Longest first, so that no long notebook starts last and runs alone: a notebook's size (its charts are
    # most of it) stands in for its cost.
    waiting = sorted(jobs, key=lambda job: job[0].stat().st_size, reverse=True)
    done = {}
    workers = min(len(jobs), workers or os.cpu_count() or 1)
    # Pages are rendered on a thread of their own, so that a finished notebook's worker gets its next notebook at once.
    with ProcessPoolExecutor(max_workers=workers) as pool, ThreadPoolExecutor(max_workers=1) as renderer:
        running = {}

        def start_next() -> None:
            # One notebook per worker at a time, none queued: if `alongside` fails, only these are waited for.
            job = waiting.pop(0)
            running[pool.submit(_execute_timed, job)] = job[0]
            report(f"start {job[0].name}")

        for _ in range(workers):
            start_next()
        if alongside is not None:
            alongside()
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                source = running.pop(future)
                seconds, notebook = future.result()
                if waiting:
                    start_next()
                done[source.name] = renderer.submit(_page_body, notebook) if render_pages else None
                report(f"done  {source.name} in {seconds:.1f} s")
    return {name: page and page.result() for name, page in sorted(done.items())}


def _page_body(notebook) -> str:
    from .site import notebook_body

    return notebook_body(notebook)


def _execute_timed(job: tuple[Path, Path, str]):
    started = time.perf_counter()
    notebook = execute(*job)
    return time.perf_counter() - started, notebook


def execute(source: Path, target: Path, digest: str):
    """Execute `source` into `target`, refusing any output on stderr; returns the notebook as written."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(source, as_version=4)
    for cell in notebook.cells:
        cell.metadata = {key: value for key, value in cell.metadata.items() if key in _KEPT_CELL_METADATA}
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    client = NotebookClient(notebook, kernel_name="python3", timeout=300, record_timing=False,
                            resources={"metadata": {"path": str(source.parent)}}, config=_kernel_sockets())
    try:
        # The kernel process's own log is not the notebook's output; what the notebook's code writes to stderr
        # reaches its outputs, and is refused below.
        client.execute(stderr=subprocess.DEVNULL)
    except CellExecutionError as error:
        raise BuildError(f"{source.name}: a cell failed: {str(error).strip().splitlines()[-1]}") from None
    _refuse_noisy_outputs(source, notebook)
    # The kernel records the interpreter's version; a notebook built under Python 3.12 must be the same bytes as
    # one built under 3.11, so the version is not kept.
    notebook.metadata.get("language_info", {}).pop("version", None)
    notebook.metadata.setdefault("karabakh", {})[_HASH_KEY] = digest
    nbformat.write(notebook, target)
    return notebook


def _kernel_sockets():
    """Kernel settings under which kernels started at the same moment cannot take each other's sockets.

    Over TCP, jupyter_client picks free ports by binding and releasing them, and the kernel binds them about a
    second later: a kernel started meanwhile by another worker can pick the same ports, and one of the two dies
    ("address already in use") or never answers (papermill issue 511). Unix sockets named after a fresh id
    have no such window. Windows has none of them, and keeps TCP."""
    from traitlets.config import Config

    config = Config()
    if os.name == "posix":
        config.KernelManager.transport = "ipc"
        # Short: a socket's path must stay under about 100 characters, and macOS's temporary folder is long.
        config.KernelManager.ip = os.path.join(tempfile.gettempdir(), f"kernel-{uuid.uuid4().hex[:16]}")
    return config


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
