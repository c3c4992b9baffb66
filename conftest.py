"""Settings for every pytest run, the notebooks under nbval included."""

import os
import tempfile

from karabakh_figures.paths import FIGURES_DIR_VARIABLE


def pytest_configure(config):
    # Notebooks export their charts when they run; under test they must not overwrite the committed figures.
    os.environ.setdefault(FIGURES_DIR_VARIABLE, tempfile.mkdtemp(prefix="karabakh-test-figures-"))
