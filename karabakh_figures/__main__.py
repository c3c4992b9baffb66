"""`python -m karabakh_figures`: the command line (karabakh_figures.publishing.cli)."""

import sys

from .publishing.cli import main

if __name__ == "__main__":
    sys.exit(main())
