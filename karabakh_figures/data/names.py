"""A name passed to a public function (a point, a group) is checked before anything is read, and a wrong one is
answered with the names there are, not with an empty table or a traceback from deep inside pandas."""

from collections.abc import Iterable


def check_name(value, names: Iterable[str], what: str, constant: str) -> None:
    """Raise TypeError unless `value` is a string, and ValueError, listing `names`, unless it is one of them;
    `what` is the kind of name ("point") and `constant` the importable tuple that holds them ("POINTS")."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be one of {constant} (a string), not {type(value).__name__}")
    if value not in names:
        raise ValueError(f"unknown {what} {value!r}; the {what}s are: " + "; ".join(names))
