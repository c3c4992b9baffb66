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
    """The data did not validate; `problems` holds one Problem per thing that is wrong, after a first line that
    says what to do where there is more to say than the problems."""

    def __init__(self, problems: list[Problem], advice: str = ""):
        self.problems = problems
        lines = "\n".join(str(problem) for problem in problems)
        super().__init__(f"{advice + chr(10) if advice else ''}{len(problems)} data problem(s):\n{lines}")


class DataWarning(UserWarning):
    """A table was loaded for exploration from a data package that does not validate."""
