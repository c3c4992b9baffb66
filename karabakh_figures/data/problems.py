"""The one shape every data problem takes: a line naming the file, row, column and value."""

from dataclasses import dataclass

_MAX_VALUE_CHARS = 60


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    value: str
    message: str

    def __str__(self) -> str:
        value = self.value if len(self.value) <= _MAX_VALUE_CHARS else self.value[: _MAX_VALUE_CHARS - 1] + "…"
        row = "-" if self.row is None else str(self.row)
        column = self.column or "-"
        return f'{self.file}, row {row}, column {column}, value "{value}": {self.message}'


class DataError(ValueError):
    """The data did not validate; `problems` holds one Problem per thing that is wrong."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(str(problem) for problem in problems)
        super().__init__(f"{len(problems)} data problem(s):\n{lines}")
