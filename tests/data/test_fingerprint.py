"""data.fingerprint: what a version of the data is; any changed file makes a new one."""

from karabakh_figures.data.fingerprint import data_version


def test_a_changed_map_file_makes_every_notebook_stale(data_copy):
    before = data_version(data_copy)
    neighbours = data_copy / "geo" / "neighbours.geojson"
    neighbours.write_bytes(neighbours.read_bytes() + b"\n")
    assert data_version(data_copy) != before
