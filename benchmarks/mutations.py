"""The seeded mutation test at full size: several hundred broken copies of the data package (every table, every
raw file and datapackage.json), each judged as tests/data/mutants.py says, with load() tried on every fifth
refused copy. The suite runs one copy of each kind (tests/data/test_mutations.py); this runs many more, which
takes minutes. Run it from the repository root:

    .venv/bin/python benchmarks/mutations.py [--count 400] [--seed 34]

It prints the copies made of each kind, the time taken and every finding (none is the target)."""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from karabakh_figures.data.paths import ROOT

sys.path.insert(0, str(ROOT / "tests" / "data"))
from mutants import run  # noqa: E402 - the test's own module, beside its test


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=34)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["KARABAKH_CACHE_DIR"] = str(Path(scratch) / "cache")
        started = time.perf_counter()
        made, findings = run(ROOT / "data", Path(scratch), arguments.count, arguments.seed, loads_every=5)
        seconds = time.perf_counter() - started
    print(f"{sum(made.values())} copies (seed {arguments.seed}) in {seconds:.0f} s: "
          + ", ".join(f"{kind} {count}" for kind, count in sorted(made.items())))
    print(f"{len(findings)} findings" + "".join(f"\n- {finding}" for finding in findings))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
