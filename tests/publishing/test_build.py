"""The committed notebooks and figures are what the notebooks draw from the committed data, byte for byte,
and they show the key numbers that the data gives."""

import hashlib
import json
import re
import tempfile

import nbformat
import pytest

from conftest import DATA, ROOT, outputs_text, read_rows, row_number, write_rows
from karabakh_figures.publishing.build import build, notebooks

NOTEBOOKS = notebooks()
FIGURES = ROOT / "figures"


def test_notebooks_are_numbered_in_reading_order():
    assert [path.name for path in NOTEBOOKS] == [
        "00-overview.ipynb", "01-territories.ipynb", "02-khojaly-casualties.ipynb",
        "03-recognition-timeline.ipynb", "04-data-notes.ipynb", "05-maps.ipynb", "06-international-record.ipynb",
        "07-contested-claims.ipynb", "08-displacement.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_committed_notebook_is_what_a_fresh_build_writes(path, fresh_build):
    assert (fresh_build / "notebooks" / path.name).read_bytes() == path.read_bytes(), (
        f"{path.name} is out of date with its code or data: run `make`")


def test_committed_figures_are_what_a_fresh_build_draws(fresh_build):
    committed = sorted(path.name for path in FIGURES.iterdir())
    assert sorted(path.name for path in (fresh_build / "figures").iterdir()) == committed
    changed = [name for name in committed if (fresh_build / "figures" / name).read_bytes()
               != (FIGURES / name).read_bytes()]
    assert changed == [], "figures differ from what the notebooks draw: run `make`"


def test_every_figure_has_svg_png_title_alt_text_and_a_row_in_the_index():
    records = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(FIGURES.glob("*.json"))]
    index = (FIGURES / "README.md").read_text(encoding="utf-8")
    assert len(records) >= 6
    for record in records:
        name = record["figure"]
        assert (FIGURES / f"{name}.svg").stat().st_size > 0 and (FIGURES / f"{name}.png").stat().st_size > 0
        assert record["title"] and len(record["alt"]) > 40 and record["data"]
        assert (ROOT / "notebooks" / record["notebook"]).is_file()
        assert f"[SVG]({name}.svg)" in index and record["alt"] in index
        svg = (FIGURES / f"{name}.svg").read_text(encoding="utf-8")
        assert "<dc:date>" not in svg and "Matplotlib v" not in svg, "no dates or versions in figure files"
        assert b"Software" not in (FIGURES / f"{name}.png").read_bytes()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_tells_a_story_and_reads_data_only_through_the_package(path):
    notebook = nbformat.read(path, as_version=4)
    assert notebook.cells[0].cell_type == "markdown" and notebook.cells[0].source.startswith("# ")
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        assert not re.search(r"read_csv|open\(|\.\./data|datapackage", cell.source), cell.source
        assert not cell.source.rstrip().endswith(";"), "a trailing ';' breaks under nbval (nbval#194)"
        for output in cell.outputs:
            assert output.output_type != "error"
            assert not (output.output_type == "stream" and output.name == "stderr"), output.text


def test_territories_notebook_shows_the_sums_the_data_gives():
    rows = read_rows(DATA / "territories.csv")
    header, rows = rows[0], rows[1:]
    areas = [float(row[header.index("area_km2")]) for row in rows]
    within = [float(row[header.index("area_km2")]) for row in rows if row[header.index("within")]]
    shown = outputs_text("01-territories.ipynb")
    assert f"sum to **{sum(areas):,.0f} km²** (derived)" in shown
    assert f"sum to **{sum(areas) - sum(within):,.0f} km²** (derived)" in shown
    assert "states 20%" in shown


def test_khojaly_notebook_shows_the_stated_and_derived_figures():
    figures = {row[0]: row for row in read_rows(DATA / "khojaly_figures.csv")}
    value = {key: int(float(figures[key][3])) for key in
             ("narrative-killed", "narrative-killed-women", "narrative-killed-children", "narrative-killed-elderly")}
    remainder = value["narrative-killed"] - sum(v for k, v in value.items() if k != "narrative-killed")
    shown = outputs_text("02-khojaly-casualties.ipynb")
    assert f"{value['narrative-killed']} persons were killed in Khojaly, including " \
           f"{value['narrative-killed-women']} women" in shown
    assert f"= {remainder}" in shown
    assert "487" in shown and "1,000" in shown


def test_recognition_notebook_counts_every_act():
    acts = len(read_rows(DATA / "recognitions.csv")) - 1
    assert f"reports **{acts} acts**" in outputs_text("03-recognition-timeline.ipynb")


def test_data_notes_notebook_reports_a_clean_validation():
    assert "**0 problems**" in outputs_text("04-data-notes.ipynb")


def test_a_changed_figure_in_the_data_changes_what_the_notebook_shows(data_copy, tmp_path):
    # A corrected source: its raw text, checksum, quote and figure all change together, as they must.
    raw = data_copy / "raw" / "the-occupation-in-figures.txt"
    content = raw.read_bytes().replace(b"territory 1840 km2", b"territory 1841 km2")
    raw.write_bytes(content)
    descriptor = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    next(resource for resource in descriptor["resources"] if resource["path"] == "raw/the-occupation-in-figures.txt"
         )["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
    (data_copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    path = data_copy / "territories.csv"
    rows = read_rows(path)
    row, header = row_number(path, "lachin") - 1, rows[0]
    rows[row][header.index("area_km2")] = "1841"
    rows[row][header.index("source_quote")] = "Lachin: may 18, 1992, territory 1841 km2"
    write_rows(path, rows)
    build(data_copy, tmp_path, only=["01-territories.ipynb"], report=lambda line: None)
    shown = (tmp_path / "notebooks" / "01-territories.ipynb").read_text(encoding="utf-8")
    assert "sum to **14,683 km²** (derived)" in shown
    assert (tmp_path / "figures" / "01-territory-areas.png").read_bytes() != \
        (FIGURES / "01-territory-areas.png").read_bytes()


def test_rebuilding_an_unchanged_tree_skips_every_notebook_and_writes_nothing(fresh_build):
    before = {path: path.stat().st_mtime_ns for path in fresh_build.rglob("*") if path.is_file()}
    lines = []
    summary = build(DATA, fresh_build, report=lines.append)
    assert summary.executed == [] and summary.skipped == [path.name for path in NOTEBOOKS]
    assert (summary.figures_written, summary.pages_rendered) == (0, 0)
    assert lines[:-1] == [f"skip  {path.name} (inputs unchanged)" for path in NOTEBOOKS]
    assert lines[-1].startswith(
        f"build: executed 0, skipped {len(NOTEBOOKS)}, figures written 0, pages rendered 0, in ")
    assert {path: path.stat().st_mtime_ns for path in fresh_build.rglob("*") if path.is_file()} == before


def test_a_notebook_is_stale_when_its_code_or_the_data_changes_but_not_its_prose(tmp_path, data_copy):
    from karabakh_figures.data.fingerprint import data_version
    from karabakh_figures.publishing.build import inputs_hash

    source = ROOT / "notebooks" / "01-territories.ipynb"
    shared = data_version(DATA)
    original = inputs_hash(source, shared)
    notebook = nbformat.read(source, as_version=4)
    copy = tmp_path / source.name
    markdown = next(cell for cell in notebook.cells if cell.cell_type == "markdown")
    markdown.source += "\n\nA sentence more."
    nbformat.write(notebook, copy)
    assert inputs_hash(copy, shared) == original
    code = next(cell for cell in notebook.cells if cell.cell_type == "code")
    code.source += "\n# a change of code"
    nbformat.write(notebook, copy)
    assert inputs_hash(copy, shared) != original
    assert data_version(data_copy) == shared
    (data_copy / "CHANGELOG.md").write_text("edited\n", encoding="utf-8")
    assert data_version(data_copy) != shared


def test_kernels_talk_over_sockets_of_their_own_not_tcp_ports(tmp_path):
    # Over TCP two kernels started at the same moment by different workers can pick the same free ports
    # (one then dies or never answers); a Unix socket named after a fresh id cannot be taken by another kernel.
    from karabakh_figures.publishing.build import _kernel_sockets, execute

    source = tmp_path / "which-sockets.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "from ipykernel.connect import get_connection_info\n"
        "info = get_connection_info(unpack=True)\n"
        "print(info['transport'], info['ip'])")]), source)
    transport, path = execute(source, tmp_path / "run.ipynb", "")["cells"][0]["outputs"][0]["text"].split()
    assert transport == "ipc" and path.startswith(tempfile.gettempdir())
    assert _kernel_sockets().KernelManager.ip != _kernel_sockets().KernelManager.ip


#: A notebook's opening paragraph, in plain words: what it shows, before any rule or caveat.
OPENING_WORDS, SENTENCE_WORDS = 80, 30


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_every_notebook_opens_with_a_short_paragraph_of_short_sentences(path):
    title_cell = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
    title, opening = [paragraph for paragraph in title_cell.split("\n\n") if paragraph.strip()][:2]
    assert title.startswith("# ")
    sentences = [sentence for sentence in re.split(r"(?<=[.?!])\s+", opening) if sentence.strip()]
    assert len(opening.split()) <= OPENING_WORDS
    assert max(len(sentence.split()) for sentence in sentences) <= SENTENCE_WORDS, opening
