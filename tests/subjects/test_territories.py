"""subjects.territories: the sums of the listed areas, with their arithmetic."""

from karabakh_figures import load
from karabakh_figures.subjects.territories import area_totals


def test_total_recomputed_with_the_partial_figures_is_a_range():
    """The parts replace the listed areas, each district's lowest and highest part; a part given in hectares is
    converted in the open, and the figure names who gives the parts."""
    totals = area_totals()
    once, row = totals.iloc[1], totals.iloc[2]
    parts = load("area_figures").query("measure == 'part of district other sources give as occupied'")
    km2 = parts["value"].where(parts["unit"].eq("km2"), parts["value"] / 100).groupby(parts["territory_id"])
    listed = load("territories").set_index("territory_id")["area_km2"]
    expected = [once["km2"] + sum(bound - listed[bound.index]) for bound in (km2.min(), km2.max())]
    assert [round(row["km2"], 2), round(row["km2_high"], 2)] == [round(value, 2) for value in expected]
    if parts["unit"].eq("ha").any():
        assert "ha ÷ 100" in row["arithmetic"] and "our conversion" in row["arithmetic"]
    sources = load("sources").set_index("source_id")["issuer"]
    assert all(issuer in row["figure"] for issuer in sources[parts["source_id"]])
