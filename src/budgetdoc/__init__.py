"""budgetdoc: read Chinese government departments' budget and final-account disclosures and report
what in them is wrong, with the exact sentence as evidence."""

from .check import check
from .errors import InputError

__all__ = ["InputError", "check"]
__version__ = "0.1.0"
