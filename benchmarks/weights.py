"""Page and image weights of the site as `make` renders it, against their budgets (bytes, not ratios: sizes are
the same on every machine). Renders the site from the committed notebooks, figures and data into a scratch
folder; run it from the repository root: .venv/bin/python benchmarks/weights.py"""

import tempfile
from pathlib import Path

from karabakh_figures.data.paths import ROOT
from karabakh_figures.publishing.build import notebooks
from karabakh_figures.publishing.site import WEIGHT_BUDGETS, render_site, weights


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        render_site(notebooks(), ROOT / "figures", ROOT / "data", site)
        found = weights(site, ROOT / "figures")
    print("| kind | files | largest | file | budget | met |\n|---|---:|---:|---|---:|---|")
    for kind, sizes in found.items():
        largest = max(sizes, key=sizes.get)
        print(f"| {kind} | {len(sizes)} | {sizes[largest]:,} | {largest} | {WEIGHT_BUDGETS[kind]:,} | "
              f"{'yes' if sizes[largest] <= WEIGHT_BUDGETS[kind] else '**no**'} |")
    print(f"\nThe index loads {sum(found['thumbnail'].values()):,} bytes of thumbnails.")


if __name__ == "__main__":
    main()
