"""The package root: every entry point a notebook uses is importable from it by name, documented, and listed by
dir() and help(); importing the root alone loads no pandas (the command line's no-op build stays cheap)."""

import json
import pydoc
import re
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


def test_help_lists_the_entry_points_before_any_class():
    text = pydoc.render_doc(karabakh_figures, renderer=pydoc.plaintext)
    description = text[:text.index("CLASSES")]
    missing = [name for name in karabakh_figures.__all__ if name not in description]
    assert missing == [] and len(description.splitlines()) < 60


def test_every_entry_point_that_takes_a_table_names_it_when_given_something_else():
    import inspect

    for name in karabakh_figures.__all__:
        entry_point = getattr(karabakh_figures, name)
        if not inspect.isfunction(entry_point):
            continue
        parameters = inspect.signature(entry_point).parameters.values()
        required = {parameter.name: "territories" for parameter in parameters
                    if parameter.default is inspect.Parameter.empty}
        for parameter in parameters:
            if "DataFrame" in str(parameter.annotation):
                with pytest.raises(TypeError, match=rf"{name}\(\): {parameter.name} must be a table"):
                    entry_point(**{**required, parameter.name: "territories"})


@pytest.mark.parametrize(("call", "message"), [
    (lambda: karabakh_figures.figures_of("khojaly"), "unknown group 'khojaly'; the groups are: idps-in-azerbaijan"),
    (lambda: karabakh_figures.killed_by_group(source_id="narrative"),
     "unknown source_id 'narrative'; the source_ids are: khojaly-narrative; house-resolution-1594"),
    (lambda: karabakh_figures.act_votes(act_id="62/243"), "unknown act_id '62/243'; the act_ids are: unsc-822"),
    (lambda: karabakh_figures.caveat_table("dates"), "unknown topic 'dates'; the topics are: area; date"),
])
def test_a_name_that_does_not_exist_is_answered_with_the_names_there_are(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


def test_a_two_day_span_is_written_with_both_days():
    import pandas as pd

    start, end = pd.Timestamp("1992-02-25"), pd.Timestamp("1992-02-26")
    assert karabakh_figures.date_label(start, end, "day") == "25–26 February 1992"
    assert karabakh_figures.date_label(start, start, "day") == "25 February 1992"


def test_the_version_is_one_in_the_citation_the_data_package_the_package_and_the_changelog():
    from karabakh_figures.data.paths import ROOT
    from karabakh_figures.publishing.site import citation

    version = citation()["version"]
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    project = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)[1]
    newest = re.search(r"^## (\S+) \(", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)[1]
    assert descriptor["version"] == project == newest == version
