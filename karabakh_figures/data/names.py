"""A name passed to a public function (a point, a group) is checked before anything is read, and a wrong one is
answered with the names there are, not with an empty table or a traceback from deep inside pandas."""

import functools
import inspect
from collections.abc import Iterable

import pandas as pd


def check_name(value, names: Iterable[str], what: str, constant: str) -> None:
    """Raise TypeError unless `value` is a string, and ValueError, listing `names`, unless it is one of them;
    `what` is the kind of name ("point") and `constant` the importable tuple that holds them ("POINTS")."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be one of {constant} (a string), not {type(value).__name__}")
    if value not in names:
        raise ValueError(f"unknown {what} {value!r}; the {what}s are: " + "; ".join(names))


def checked_frames(function):
    """`function`, checking first that each argument annotated as a table (a pandas DataFrame) is one: a name or a
    point passed in its place ("positions_on(frame, point)") is answered with what was expected, not with an
    error from deep inside pandas."""
    signature = inspect.signature(function)
    frames = [name for name, parameter in signature.parameters.items() if "DataFrame" in str(parameter.annotation)]

    @functools.wraps(function)
    def checked(*args, **kwargs):
        arguments = signature.bind(*args, **kwargs).arguments
        for name in frames:
            value = arguments.get(name)
            if value is not None and not isinstance(value, pd.DataFrame):
                raise TypeError(f"{function.__name__}(): {name} must be a table (a pandas DataFrame, as load() "
                                f"returns), not {type(value).__name__} {value!r:.60}")
        return function(*args, **kwargs)

    return checked
