"""How fast the build is, measured on this machine: a script, not a timed test.

Each case runs at least --runs times (default 5); the table gives the median seconds and the ratios the
targets are stated in. Run it from the project root with the project's Python:

    .venv/bin/python benchmarks/build_speed.py [--runs 5] [--skip-make-test]

Cases:
1. full build: `python -m karabakh_figures build --force` (into a scratch folder)
2. no-op build: the same without --force, nothing changed
3. after touching one data file (its modification time only; the build hashes contents)
4. after editing one data file (a note in campaign_events.csv; every notebook reads the validated package)
5. `make test`
6. naive baseline: `jupyter nbconvert --execute --to notebook`, then `--to html`, for each notebook in turn
"""

import argparse
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


def timed(command: list[str], **options) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **options)
    return time.perf_counter() - started


def median_of(runs: int, case) -> float:
    return statistics.median(case() for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-make-test", action="store_true")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="karabakh-benchmark-"))
    data, out = scratch / "data", scratch / "out"
    shutil.copytree(ROOT / "data", data)
    build = [PYTHON, "-m", "karabakh_figures", "build", "--data-dir", str(data), "--out", str(out)]
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    results = {}

    results["full build (--force)"] = median_of(args.runs, lambda: timed([*build, "--force"], env=environment))
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

    if not args.skip_make_test:
        results["make test"] = median_of(args.runs, lambda: timed(["make", "test"], cwd=ROOT))

    def naive() -> float:
        target = scratch / "naive"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        env = {**environment, "KARABAKH_FIGURES_DIR": str(target / "figures"), "KARABAKH_DATA_DIR": str(data)}
        jupyter = str(Path(PYTHON).parent / "jupyter")
        started = time.perf_counter()
        for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
            subprocess.run([jupyter, "nbconvert", "--execute", "--to", "notebook", "--output-dir", str(target),
                            str(notebook)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            subprocess.run([jupyter, "nbconvert", "--to", "html", str(target / notebook.name)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        return time.perf_counter() - started

    results["naive baseline (nbconvert, one by one)"] = median_of(args.runs, naive)
    shutil.rmtree(scratch, ignore_errors=True)

    full, naive_time = results["full build (--force)"], results["naive baseline (nbconvert, one by one)"]
    print(f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}; "
          f"median of {args.runs} runs each.\n")
    print("| case | seconds | ratio |")
    print("|---|---:|---|")
    for case, seconds in results.items():
        ratio = ""
        if case.startswith(("no-op", "build after")):
            ratio = f"{seconds / full:.0%} of the full build"
        elif case.startswith("full"):
            ratio = f"{full / naive_time:.2f}× the naive baseline"
        print(f"| {case} | {seconds:.1f} | {ratio} |")


if __name__ == "__main__":
    main()
