"""Normalization: clean the noise of real files while remembering where each character came from."""

from .text import NormText, normalize

__all__ = ["NormText", "normalize"]
