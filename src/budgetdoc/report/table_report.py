"""CSV and XLSX: one row per finding, for reviewers who collect findings from many files in Excel."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..model import CheckResult, Finding
from .marks import stated_as_written

# What each column holds, and its header in the file (in Chinese, as everything a reviewer reads).
KEYS = ["source", "department", "year", "kind", "rule", "severity", "message", "stated", "expected",
        "suggestion", "location", "quote"]
COLUMNS = ["来源文件", "部门", "年度", "文种", "规则", "严重程度", "问题", "文中", "应为", "建议", "位置", "引文"]
_KIND = {"final": "决算", "budget": "预算"}
_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


def finding_row(result: CheckResult, f: Finding) -> list[str]:
    """The row of one finding; a finding quoting several places lists them one per line in a cell."""
    m = result.metadata
    return [result.source, m.department or "", str(m.year or ""), _KIND.get(m.kind or "", ""), f.rule,
            _SEVERITY[f.severity], f.message, stated_as_written(f) or "", f.expected or "", f.suggestion or "",
            "\n".join(e.loc.describe() for e in f.evidence), "\n".join(e.quote for e in f.evidence)]


def rows(results: list[CheckResult]) -> list[list[str]]:
    return [finding_row(r, f) for r in results for f in r.findings]


def render_csv(results: list[CheckResult]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    w.writerows(rows(results))
    return buf.getvalue()


def write_xlsx(results: list[CheckResult], path: str | Path) -> None:
    """A workbook with one sheet of findings: header frozen, filters on, quotes wrapped."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "问题"
    ws.append(COLUMNS)
    for row in rows(results):
        ws.append(row)
    for c in ws[1]:
        c.font = Font(bold=True)
    widths = {"source": 28, "department": 24, "message": 60, "suggestion": 40, "location": 22, "quote": 60}
    for i, name in enumerate(KEYS):
        ws.column_dimensions[chr(ord("A") + i)].width = widths.get(name, 12)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_cells in ws.iter_rows(min_row=2):
        for c in row_cells:
            c.alignment = wrap
            if isinstance(c.value, str) and c.value.startswith("="):
                c.data_type = "s"  # document text, never a formula
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.save(path)

