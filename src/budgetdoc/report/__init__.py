"""Reports: JSON (the machine contract), a readable text review, CSV/XLSX rows and an HTML page."""

from .html_report import render_html
from .json_report import render_json
from .table_report import render_csv, write_xlsx
from .text_report import render_text

__all__ = ["render_csv", "render_html", "render_json", "render_text", "write_xlsx"]
