"""Structure: which blocks are headings, which section each block is in, and the metadata."""

from .metadata import extract_metadata
from .sections import Line, Section, mark_units, structure

__all__ = ["Line", "Section", "extract_metadata", "mark_units", "structure"]
