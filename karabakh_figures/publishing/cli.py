"""Command line: validate the data, record a raw file, regenerate the codebook, build the notebooks and figures,
check the voice."""

import argparse
import sys
from pathlib import Path

from ..data.paths import data_dir as default_data_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m karabakh_figures", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check the data package; one line per problem")
    validate.add_argument("data_dir", nargs="?", type=Path, default=default_data_dir())
    document = commands.add_parser("codebook", help="regenerate the per-file tables in data/README.md")
    document.add_argument("--data-dir", type=Path, default=default_data_dir())
    make = commands.add_parser("build", help="execute the notebooks; write their outputs and the figures")
    make.add_argument("--data-dir", type=Path, default=None, help="build from this copy of the data")
    make.add_argument("--out", type=Path, default=None,
                      help="write notebooks, figures and site here instead of over the committed ones")
    make.add_argument("--force", action="store_true", help="execute every notebook, changed or not")
    make.add_argument("--only", action="append", metavar="NOTEBOOK",
                      help="execute only this notebook (a file name under notebooks/; repeat for more)")
    record = commands.add_parser("record", help="record a raw file's bytes and hash in datapackage.json, after "
                                                "changing it or to add it")
    record.add_argument("path", type=Path, help="the raw file, e.g. data/raw/citations.md")
    record.add_argument("--title", help="for a new raw file: what it is, for datapackage.json")
    commands.add_parser("voice", help="find words of one side outside quotation marks in the collection's own texts")
    args = parser.parse_args(argv)
    try:
        if args.command == "voice":
            return _voice()
        if args.command == "validate":
            return _validate(args.data_dir, again=True)
        if args.command == "build":
            return _build(args.data_dir, args.out, args.force, args.only)
        if args.command == "record":
            return _record(args.path, args.title)
        from ..data import codebook

        changed = codebook.update(args.data_dir / "README.md", args.data_dir)
        print(f"{args.data_dir / 'README.md'}: {'updated' if changed else 'already current'}")
        return 0
    except Exception as error:  # noqa: BLE001 - the contract is one line, never a traceback
        print(f"karabakh_figures {args.command}: {type(error).__name__}: {error}", file=sys.stderr)
        return 2


class _InvalidData(Exception):
    """The data did not validate; its problems are printed already."""


def _build(data_dir: Path | None, out: Path | None, force: bool, only: list[str] | None) -> int:
    from .build import build, notebooks, plan

    unknown = [name for name in only or [] if name not in {path.name for path in notebooks()}]
    if unknown:
        print(f"karabakh_figures build: no notebook {unknown[0]!r}; the notebooks are: "
              + ", ".join(path.name for path in notebooks()), file=sys.stderr)
        return 2
    if not plan(data_dir, out, only, force=force):
        # Each notebook records the hash of the data it was made from: the data is what passed last time.
        print("data unchanged since the notebooks were built from it; not validated again")
        build(data_dir, out, only, force=force)
        return 0

    def validate() -> None:
        if _validate(default_data_dir(data_dir), again=False) != 0:
            raise _InvalidData

    # Validated while the notebooks' kernels start: their first load() waits for this result (validation_record).
    try:
        build(data_dir, out, only, force=force, alongside=validate)
    except _InvalidData:
        return 1
    return 0


def _record(path: Path, title: str | None) -> int:
    from ..data.raw_files import RecordError, record_raw

    try:
        print(record_raw(path, title))
    except RecordError as error:
        print(f"karabakh_figures record: {error}", file=sys.stderr)
        return 1
    return 0


def _voice() -> int:
    from .voice import check

    slips = check()
    for slip in slips:
        print(slip, file=sys.stderr)
    if slips:
        print(f"{len(slips)} word(s) of one side outside quotation marks or an attribution, or place(s) named by "
              "one side's name alone", file=sys.stderr)
        return 1
    print("voice: no word of one side outside quotation marks or an attribution")
    return 0


def _validate(data_dir: Path, again: bool) -> int:
    from ..data.loading import checked_data

    checked = checked_data(data_dir, again=again)
    for problem in checked.problems:
        print(problem, file=sys.stderr)
    if checked.problems:
        print(f"{data_dir}: {len(checked.problems)} problem(s)", file=sys.stderr)
        return 1
    rows = sum(len(table.rows) for table in checked.tables.values())
    print(f"{data_dir}: valid ({len(checked.tables)} tables, {rows} rows, every quote found in its raw text)")
    return 0
