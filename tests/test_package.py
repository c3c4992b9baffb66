"""The package root: every entry point a notebook uses is importable from it by name, documented, and listed by
dir() and help(); importing the root alone loads no pandas (the command line's no-op build stays cheap)."""

import pydoc
import subprocess
import sys

import pytest

import karabakh_figures

NOTEBOOK_ENTRY_POINTS = ("load", "report", "used_here", "charts", "maps", "crosschecks", "formatted", "span",
                         "date_labels", "area_totals", "cumulative_area", "territory_table", "control_periods",
                         "killed_by_group", "estimates_table", "source_labels", "by_date", "recognition_table",
                         "recognition_counts", "key_figures", "caveat_table", "every_caveat", "implied_values",
                         "provenance", "provenance_counts", "party_counts", "checked_data")


@pytest.mark.parametrize("name", karabakh_figures.__all__)
def test_every_entry_point_resolves_and_says_what_it_is(name):
    entry_point = getattr(karabakh_figures, name)
    assert (entry_point.__doc__ or "").strip(), f"{name} has no docstring"


def test_dir_and_help_list_what_the_notebooks_use():
    assert set(NOTEBOOK_ENTRY_POINTS) <= set(karabakh_figures.__all__) <= set(dir(karabakh_figures))
    text = pydoc.render_doc(karabakh_figures, renderer=pydoc.plaintext)
    assert all(f"\n    {name}(" in text for name in ("load", "report", "area_totals"))


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'analysis'"):
        karabakh_figures.analysis  # noqa: B018


def test_importing_the_package_alone_loads_no_pandas():
    code = "import sys, karabakh_figures\nprint('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
