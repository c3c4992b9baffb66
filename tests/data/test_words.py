"""data.words: dates written as precisely as the source gives them."""

import pandas as pd
import pytest

from karabakh_figures.data.words import date_label


@pytest.mark.parametrize(("start", "end", "precision", "label"), [
    ("2023-09-19", "2023-09-20", "days", "19–20 September 2023"),
    ("2023-08-30", "2023-09-02", "days", "30 August–2 September 2023"),
    ("2023-01-01", "2023-12-31", "year", "2023"),
    ("1988-01-01", "1992-12-31", "period", "1988–1992"),
])
def test_dates_are_labelled_as_precisely_as_given(start, end, precision, label):
    assert date_label(pd.Timestamp(start), pd.Timestamp(end), precision) == label
