"""Karabakh in Figures: curated, source-checked data and the helpers the notebooks use."""

from .problems import DataError, Problem

__all__ = ["DataError", "Problem", "checked_data", "load", "report"]


def __getattr__(name: str):
    # Loading pulls in pandas and Frictionless; the command line's no-op build should not pay for them.
    if name in ("load", "checked_data"):
        from . import loading

        return getattr(loading, name)
    if name == "report":
        from .tables import report

        return report
    raise AttributeError(f"module 'karabakh_figures' has no attribute {name!r}")
