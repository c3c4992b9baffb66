"""Karabakh in Figures: curated, source-checked data and the helpers the notebooks use."""

from .loading import DATA_DIR, checked_data, load
from .problems import DataError, Problem

__all__ = ["DATA_DIR", "DataError", "Problem", "checked_data", "load"]
