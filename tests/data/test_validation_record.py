"""Validation runs once per version of the data: a version that passed is remembered outside the repository,
and any changed byte is a new version, validated again and reported exactly as before."""

import os
import shutil
import subprocess
import sys
import threading

import pytest

from conftest import ROOT, row_number, set_cell
from karabakh_figures import DataError, load
from karabakh_figures.data import validation_record as validated
from karabakh_figures.data.loading import checked_data


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(validated.CACHE_DIR_VARIABLE, str(folder))
    return folder


def markers(cache) -> list[str]:
    return sorted(path.name for path in (cache / "valid").glob("*")) if (cache / "valid").is_dir() else []


def in_fresh_process(code: str, cache) -> str:
    environment = {**os.environ, validated.CACHE_DIR_VARIABLE: str(cache)}
    return subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True,
                          check=True, cwd=ROOT).stdout.strip()


def test_a_version_that_passed_is_loaded_without_validating_again(data_copy, cache):
    assert markers(cache) == []
    load("territories", data_copy)
    assert markers(cache) == [validated.data_version(data_copy)]
    code = (f"import sys; from karabakh_figures import load; load('territories', {str(data_copy)!r}); "
            "print('frictionless' in sys.modules)")
    assert in_fresh_process(code, cache) == "False", "a fresh process reads the data without validating it"


def test_a_changed_byte_is_validated_again_and_reported_as_before(data_copy, cache):
    load("territories", data_copy)
    path = data_copy / "territories.csv"
    set_cell(path, row_number(path, "lachin"), "area_km2", "lots")
    with pytest.raises(DataError) as raised:
        load("territories", data_copy)
    assert f'{path}, row {row_number(path, "lachin")}, column area_km2, value "lots": not a number' in str(raised.value)
    assert len(markers(cache)) == 1, "a version that fails is never recorded as passed"


def test_a_change_to_a_raw_text_is_a_new_version(data_copy, cache):
    before = validated.data_version(data_copy)
    raw = data_copy / "raw" / "the-occupation-in-figures.txt"
    raw.write_bytes(raw.read_bytes() + b" ")
    assert validated.data_version(data_copy) != before
    with pytest.raises(DataError, match="the raw source differs"):
        load("territories", data_copy)


def test_checked_data_reads_a_version_that_passed_and_checks_again_when_asked(data_copy, cache, monkeypatch):
    first = checked_data(data_copy)
    assert first.problems == [] and markers(cache)
    monkeypatch.setattr("karabakh_figures.data.validation.check", lambda data_dir: pytest.fail("checked again"))
    remembered = checked_data(data_copy)
    assert {name: table.rows for name, table in remembered.tables.items()} == \
        {name: table.rows for name, table in first.tables.items()}
    with pytest.raises(pytest.fail.Exception, match="checked again"):
        checked_data(data_copy, again=True)


def test_an_unwritable_cache_only_means_validating_every_time(data_copy, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(validated.CACHE_DIR_VARIABLE, str(blocker / "cache"))
    assert len(load("territories", data_copy)) == 9


def test_the_cache_never_lies_inside_the_repository(monkeypatch):
    monkeypatch.delenv(validated.CACHE_DIR_VARIABLE, raising=False)
    assert ROOT not in validated.cache_dir().resolve().parents


def test_a_process_that_needs_a_version_being_validated_waits_for_that_result(data_copy, cache, monkeypatch):
    """The build validates while the notebooks' kernels start: their load() must wait, not validate again."""
    version = validated.data_version(data_copy)
    asked = threading.Event()
    looked_up = validated.passed
    monkeypatch.setattr(validated, "passed", lambda version: asked.set() or looked_up(version))
    monkeypatch.setattr("karabakh_figures.data.validation.check",
                        lambda data_dir: pytest.fail("validated a second time"))
    results = []
    with validated.validating(version):
        waiting = threading.Thread(target=lambda: results.append(checked_data(data_copy)))
        waiting.start()
        asked.wait(timeout=30)
        waiting.join(timeout=0.5)
        assert waiting.is_alive(), "load() went on while another process was validating the same version"
        validated.record_pass(version)
    waiting.join(timeout=30)
    assert results and results[0].problems == []


def test_a_build_from_bad_data_reports_each_problem_and_writes_no_notebook(data_copy, cache, tmp_path, capsys):
    from karabakh_figures.publishing.cli import main

    path = data_copy / "territories.csv"
    set_cell(path, row_number(path, "lachin"), "area_km2", "lots")
    assert main(["build", "--data-dir", str(data_copy), "--out", str(tmp_path / "out"), "--force"]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert f'{path}, row {row_number(path, "lachin")}, column area_km2, value "lots": not a number' in errors[0]
    assert errors[-1] == f"{data_copy}: 1 problem(s)"
    assert list((tmp_path / "out" / "notebooks").glob("*.ipynb")) == []
    assert markers(cache) == []


def test_a_failed_version_is_reported_again_without_checking_and_only_for_its_folder(data_copy, cache, tmp_path,
                                                                                      monkeypatch):
    path = data_copy / "territories.csv"
    set_cell(path, row_number(path, "lachin"), "area_km2", "lots")
    with pytest.raises(DataError) as first:
        load("territories", data_copy)
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(data_copy, elsewhere)
    monkeypatch.setattr("karabakh_figures.data.validation.check", lambda data_dir: pytest.fail("checked again"))
    with pytest.raises(DataError) as again:
        load("territories", data_copy)
    assert again.value.problems == first.value.problems
    with pytest.raises(pytest.fail.Exception, match="checked again"):
        load("territories", elsewhere)  # the same bytes elsewhere: its problems would name its own files
    with pytest.raises(pytest.fail.Exception, match="checked again"):
        checked_data(data_copy, again=True)


def test_failure_records_of_folders_that_are_gone_do_not_pile_up(data_copy, cache, tmp_path):
    path = data_copy / "territories.csv"
    set_cell(path, row_number(path, "lachin"), "area_km2", "lots")
    copies = [tmp_path / f"copy-{number}" for number in range(3)]
    for copy in copies:
        shutil.copytree(data_copy, copy)
        with pytest.raises(DataError):
            load("territories", copy)
    assert len(list((cache / "failed").iterdir())) == 3
    for copy in copies[:2]:
        shutil.rmtree(copy)
    with pytest.raises(DataError):
        load("territories", data_copy)
    assert len(list((cache / "failed").iterdir())) == 2, "one record for each folder that still exists"
