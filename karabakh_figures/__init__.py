"""Karabakh in Figures: curated, source-checked data and the helpers the notebooks use."""

from .loading import checked_data, load
from .problems import DataError, Problem

__all__ = ["DataError", "Problem", "checked_data", "load"]
