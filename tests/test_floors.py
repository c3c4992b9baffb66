"""The package's floors, as pyproject.toml's import-linter contracts state them: a lower floor never imports a
higher one, no modules import each other in a circle, and `load()` leaves every floor above the data unimported.
Each contract is also broken on purpose in a scratch copy, to show that it can fail."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
FLOORS = "Floors: publishing, presentation, subjects, data; a lower floor never imports a"
NO_CIRCLE = "No circle of imports"


def lint_imports(tree: Path) -> subprocess.CompletedProcess:
    """lint-imports over the package in `tree`, with that tree's pyproject.toml."""
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo"], cwd=tree, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(tree)})


def scratch_copy(tmp_path: Path, module: str, added_import: str) -> Path:
    """The package and its pyproject.toml in `tmp_path`, with `added_import` added inside a function of `module`
    (a path below karabakh_figures/): an import inside a function counts like any other."""
    shutil.copytree(ROOT / "karabakh_figures", tmp_path / "karabakh_figures",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    path = tmp_path / "karabakh_figures" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n\ndef _planted():\n    {added_import}  # noqa: F401\n",
                    encoding="utf-8")
    return tmp_path


def test_the_tree_keeps_both_contracts():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_an_upward_import_breaks_the_floors(tmp_path):
    tree = scratch_copy(tmp_path, "data/loading.py", "from ..presentation import charts")
    result = lint_imports(tree)
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[1]
    assert FLOORS in broken
    assert "karabakh_figures.data.loading -> karabakh_figures.presentation.charts" in broken


def test_a_circle_within_a_floor_breaks_the_no_circle_contract(tmp_path):
    # overview imports territories; territories importing overview closes a circle without crossing a floor.
    tree = scratch_copy(tmp_path, "subjects/territories.py", "from . import overview")
    result = lint_imports(tree)
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[1]
    assert NO_CIRCLE in broken and FLOORS not in broken
    assert ".territories -> .overview" in broken or ".overview -> .territories" in broken


@pytest.mark.parametrize("cache", ["validated before", "empty"])
def test_load_imports_nothing_above_the_data_floor(cache, tmp_path):
    """A fresh process's load(), whether it reads a version that passed or validates it first."""
    environment = dict(os.environ)
    if cache == "empty":
        environment["KARABAKH_CACHE_DIR"] = str(tmp_path)
    code = "import sys\nfrom karabakh_figures import load\nload('territories')\nprint('\\n'.join(sys.modules))"
    modules = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env=environment).stdout.split()
    assert "karabakh_figures.data.loading" in modules
    above = [module for module in modules
             if module.split(".")[0] in ("nbconvert", "nbclient", "jinja2", "nbformat", "matplotlib")
             or module.startswith(("karabakh_figures.publishing", "karabakh_figures.presentation",
                                   "karabakh_figures.subjects"))]
    assert above == []


def test_the_runner_site_and_command_line_import_no_pandas():
    """A build with nothing to do imports these and no more: pandas would cost it more than the build itself."""
    code = ("import sys\nimport karabakh_figures.publishing.build, karabakh_figures.publishing.cli, "
            "karabakh_figures.publishing.site\nprint('pandas' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
