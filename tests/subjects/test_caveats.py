"""What the caveats' helpers load and show does not rest on chance: the tables a notebook used are listed in one
order whatever Python's hash seed (`pytest --nbval` run without make, which sets PYTHONHASHSEED=0)."""

import os
import subprocess
import sys

from conftest import ROOT

PROGRAM = ("from karabakh_figures import every_caveat, implied_values, provenance_counts, party_counts\n"
           "from karabakh_figures.data.loading import loaded_tables\n"
           "every_caveat(); implied_values(); provenance_counts(); party_counts()\n"
           "print(loaded_tables())")


def test_the_tables_loaded_come_in_one_order_whatever_the_hash_seed():
    orders = {subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(orders) == 1, orders
