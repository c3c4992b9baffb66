"""Settings for every pytest run, the notebooks under nbval included."""

import os
import tempfile

from karabakh_figures.data.paths import FIGURES_DIR_VARIABLE


def pytest_configure(config):
    # Notebooks export their charts when they run; under test they must not overwrite the committed figures.
    os.environ.setdefault(FIGURES_DIR_VARIABLE, tempfile.mkdtemp(prefix="karabakh-test-figures-"))


#: The files that take longest: started first, so that on two workers neither is left running alone at the end.
SLOWEST_FIRST = ("test_site.py", "test_build.py")


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.path.name not in SLOWEST_FIRST)
