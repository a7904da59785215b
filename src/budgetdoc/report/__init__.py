"""Reports: JSON (the machine contract) and a readable text review."""

from .json_report import render_json
from .text_report import render_text

__all__ = ["render_json", "render_text"]
