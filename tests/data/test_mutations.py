"""The seeded mutation test, in the suite: one broken copy of the data package of every kind in mutants.MUTATIONS
(a header, a date, a pattern, a row, a raw file, the descriptor) and copies that must pass (a byte-order mark,
CRLF, reordered rows, quoted cells), each judged by mutants.verdict; benchmarks/mutations.py runs several
hundred. A finding is one line: the copy and what the validator got wrong."""

from mutants import MUTATIONS, run

from conftest import DATA

SEED = 34


def test_every_kind_of_broken_copy_is_refused_in_one_clear_line_and_every_valid_variant_passes(tmp_path, monkeypatch):
    monkeypatch.setenv("KARABAKH_CACHE_DIR", str(tmp_path / "cache"))
    made, findings = run(DATA, tmp_path, count=len(MUTATIONS), seed=SEED, loads_every=4, in_turn=True)
    assert sum(made.values()) >= len(MUTATIONS) - 2, made  # a kind with nothing to mutate in the data is skipped
    assert findings == []
