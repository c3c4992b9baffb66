"""subjects.khojaly: the range of the figures other publications give for those killed, each end printed whole
with whose it is."""

from karabakh_figures import load
from karabakh_figures.subjects.khojaly import published_range


def test_the_range_of_other_published_figures_names_whose_each_end_is():
    assert published_range() == ("from at least 161 (Human Rights Watch, 1993 (attribution probable)) to as many "
                                 "as 500–1,000 (Human Rights Watch, 1994, footnote 28)")


def test_the_range_follows_the_data():
    estimates = load("death_toll_estimates")
    estimates.loc[estimates["estimate_id"].eq("azerbaijani-parliament-485"), ["low", "high"]] = 1200
    assert published_range(estimates).endswith(" to 1,200 (Azerbaijani parliament)")
