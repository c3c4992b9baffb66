"""Reading CSV files exactly as written: UTF-8 only (a byte-order mark and CRLF are fine), no row dropped."""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem

_BOM = "\ufeff"


@dataclass
class Table:
    """A CSV file as text cells: the header and the data rows, in file order (the header is row 1)."""

    path: Path
    header: list[str]
    rows: list[list[str]]

    def records(self) -> list[tuple[int, dict[str, str]]]:
        """(row number in the file, {column: cell}) for every data row whose cells line up with the header.

        Rows that do not (blank or ragged) are reported by the schema check; checks of content skip them.
        """
        return [(number, dict(zip(self.header, cells))) for number, cells in enumerate(self.rows, start=2)
                if len(cells) == len(self.header)]


def read_table(path: Path) -> tuple[Table | None, list[Problem]]:
    """Read one CSV file; on failure return no table and the problems that stop it being read."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [_encoding_problem(path, data, error)]
    text = text.removeprefix(_BOM)
    # Strict: a quotation mark inside a quoted cell that is not doubled would otherwise be dropped silently, and the
    # words it opened would stand unquoted.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    parsed, last_line = [], 0
    try:
        for cells in reader:
            parsed.append(cells)
            last_line = reader.line_num
    except csv.Error:
        record = "".join(text.splitlines(keepends=True)[last_line:reader.line_num])
        return None, [_undoubled_quote_problem(path, len(parsed) + 1, parsed[0] if parsed else [], record)]
    if not parsed:
        return None, [Problem(str(path), None, None, "", "the file is empty")]
    header, rows = parsed[0], parsed[1:]
    if not rows:
        return None, [Problem(str(path), 1, None, ",".join(header), "the table has a header but no data rows")]
    return Table(path, header, rows), []


def _undoubled_quote_problem(path: Path, row: int, header: list[str], record: str) -> Problem:
    index, start, position = _undoubled_quote(record)
    column = header[index] if row > 1 and index < len(header) else None
    return Problem(str(path), row, column, record[start:position + 20].strip(),
                   'a quotation mark inside a quoted cell is not doubled: write "" for each " inside a cell')


def _undoubled_quote(record: str) -> tuple[int, int, int]:
    """The index of the cell of one record's text, where that cell starts and where in it a single quotation mark
    of a quoted cell is followed by more than a comma or the end of the line (else the last cell and the end)."""
    index, quoted, starting, position, start = 0, False, True, 0, 0
    while position < len(record):
        char = record[position]
        if quoted and char == '"':
            following = record[position + 1:position + 2]
            if following == '"':
                position += 1
            elif following in (",", "\r", "\n", ""):
                quoted = False
            else:
                return index, start, position
        elif char == '"' and starting:
            quoted = True
        elif char == "," and not quoted:
            index += 1
            starting = True
            position += 1
            start = position
            continue
        starting = False
        position += 1
    return index, start, len(record)


def _encoding_problem(path: Path, data: bytes, error: UnicodeDecodeError) -> Problem:
    line_start = data.rfind(b"\n", 0, error.start) + 1
    row = data.count(b"\n", 0, error.start) + 1
    before = data[line_start : error.start].decode("utf-8", errors="replace")
    header_line = data.split(b"\n", 1)[0].decode("utf-8", errors="replace").removeprefix(_BOM)
    header = next(csv.reader([header_line]), [])
    cells_before = next(csv.reader([before]), [""])
    column_index = len(cells_before) - 1
    column = header[column_index] if 0 <= column_index < len(header) and row > 1 else None
    bad = data[error.start : error.end].hex(" ")
    return Problem(
        str(path), row, column, f"bytes {bad}",
        "the file is not UTF-8 (an Excel 'CSV UTF-8' export is fine); re-save it as UTF-8",
    )
