"""subjects.territories: the sums of the listed areas, with their arithmetic."""

from karabakh_figures.subjects.territories import area_totals


def test_total_recomputed_with_the_partial_figures_is_a_range():
    totals = area_totals().set_index("figure")
    row = totals.loc["The same with the parts other sources give as occupied"]
    assert (round(row["km2"], 1), round(row["km2_high"], 1)) == (14393 - 1150 + 846.7 - 1390 + 1254,
                                                                 14393 - 1150 + 846.7 - 1390 + 1256)
    assert row["arithmetic"].endswith("= 13,953.7 to 13,955.7")
