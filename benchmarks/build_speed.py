"""How fast the build and the tests are, as ratios measured in one run: a script, not a timed test.

Absolute seconds differ threefold between machines of the same kind, so every case is reported against
a floor measured in the same run:

- the floor: as many notebooks as the collection has, each a single cell that imports pandas,
  matplotlib, seaborn and karabakh_figures, executed by the build's own executor on as many workers;
  it is what a notebook costs before it does any work;
- `import pandas` in a fresh process, the floor for loading a table.

Each case runs --runs times (default 3) and the median is reported; a case and the one it is compared
with take turns (floor, full build, test command; import pandas, load), so that a machine whose speed
drifts during the run weighs on both alike. Run it from the project root with the project's Python, on
an otherwise idle machine:

    .venv/bin/python benchmarks/build_speed.py [--runs 3] [--skip-make-test]

Cases: full build (`build --force --out`), no-op build, one data file touched (mtime only), one data
file edited (a note), a fresh process's `load("territories")` on data already validated, and the
README's test command (`make test`).
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FLOOR_CELL = "import pandas\nimport matplotlib.pyplot\nimport seaborn\nimport karabakh_figures"
#: The full build's allowance: this many times the floor, plus PER_CHART times the floor for each chart it draws.
BUILD_BASE, PER_CHART = 1.3, 0.045


def targets(charts: int) -> list[tuple[str, str, float]]:
    """(case, what it is compared with, target ratio), in the order reported, for a build drawing `charts`."""
    return [
        ("full build", "floor", round(BUILD_BASE + PER_CHART * charts, 3)),
        ("load('territories')", "import pandas", 1.5),
        ("make test", "full build", 5.0),
        ("no-op build", "full build", 0.10),
    ]


def timed(command: list[str], **options) -> float:
    started = time.perf_counter()
    finished = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **options)
    if finished.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({finished.returncode}):\n{finished.stderr.strip()}")
    return time.perf_counter() - started


def median_of(runs: int, case) -> float:
    return statistics.median(case() for _ in range(runs))


def medians_taking_turns(runs: int, cases: dict) -> dict[str, float]:
    """The median of each case timed `runs` times, the cases taking turns: a machine that speeds up or slows
    down during the run then weighs on a case and the one it is compared with alike."""
    seconds = {name: [] for name in cases}
    for _ in range(runs):
        for name, case in cases.items():
            seconds[name].append(case())
    return {name: statistics.median(times) for name, times in seconds.items()}


def execute_floor(folder: Path) -> None:
    """Execute the floor notebooks in `folder` as the build executes the collection's."""
    from karabakh_figures.publishing.build import execute_all, notebooks

    execute_all([(path, path, "floor") for path in notebooks(folder)], report=lambda line: None)


def write_floor_notebooks(folder: Path) -> None:
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_CELL)])
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(notebook, folder / path.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-make-test", action="store_true")
    parser.add_argument("--execute-floor", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.execute_floor:
        execute_floor(args.execute_floor)
        return
    scratch = Path(tempfile.mkdtemp(prefix="karabakh-benchmark-"))
    data, out, floor = scratch / "data", scratch / "out", scratch / "floor"
    shutil.copytree(ROOT / "data", data)
    write_floor_notebooks(floor)
    # A cache of its own, so that the first validation of this copy is paid inside the full build.
    environment = {**os.environ, "PYTHONHASHSEED": "0", "KARABAKH_CACHE_DIR": str(scratch / "cache")}
    build = [PYTHON, "-m", "karabakh_figures", "build", "--data-dir", str(data), "--out", str(out)]

    def full_build() -> float:
        shutil.rmtree(scratch / "cache", ignore_errors=True)
        return timed([*build, "--force"], env=environment)

    compared = {"floor": lambda: timed([PYTHON, __file__, "--execute-floor", str(floor)], env=environment, cwd=ROOT),
                "full build": full_build}
    if not args.skip_make_test:
        compared["make test"] = lambda: timed(["make", "test"], cwd=ROOT)
    results = medians_taking_turns(args.runs, compared)
    results["no-op build"] = median_of(args.runs, lambda: timed(build, env=environment))
    touched = data / "campaign_events.csv"

    def after_touch() -> float:
        touched.touch()
        return timed(build, env=environment)

    results["build after touching one data file"] = median_of(args.runs, after_touch)
    original = touched.read_text(encoding="utf-8")

    def after_edit() -> float:
        edited = original.replace("The compilation gives no date.", "The compilation gives no date. ", 1)
        touched.write_text(edited if touched.read_text(encoding="utf-8") == original else original, encoding="utf-8")
        return timed(build, env=environment)

    results["build after editing one data file"] = median_of(args.runs, after_edit)
    touched.write_text(original, encoding="utf-8")
    timed([*build, "--force"], env=environment)  # leaves this version of the data validated
    load = f"from karabakh_figures import load; load('territories', {str(data)!r})"
    results.update(medians_taking_turns(args.runs, {
        "import pandas": lambda: timed([PYTHON, "-c", "import pandas"], env=environment),
        "load('territories')": lambda: timed([PYTHON, "-c", load], env=environment)}))
    charts = len(list((out / "figures").glob("*.json")))
    shutil.rmtree(scratch, ignore_errors=True)
    report(results, args.runs, charts)


def report(results: dict[str, float], runs: int, charts: int) -> None:
    print(f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}; "
          f"median of {runs} runs each; the build draws {charts} charts.\n")
    print("| case | seconds | against | ratio | target |")
    print("|---|---:|---|---:|---|")
    targets_by_case = {case: (base, target) for case, base, target in targets(charts)}
    for case, seconds in results.items():
        base, target = targets_by_case.get(case, ("full build" if case.startswith("build after") else None, None))
        ratio = f"{seconds / results[base]:.2f}×" if base in results and case != base else ""
        verdict = ""
        if target is not None and base in results:
            verdict = f"≤ {target}× " + ("met" if seconds / results[base] <= target else "**not met**")
        print(f"| {case} | {seconds:.2f} | {base or ''} | {ratio} | {verdict} |")
    print("\n" + json.dumps({case: round(seconds, 3) for case, seconds in results.items()}))


if __name__ == "__main__":
    main()
