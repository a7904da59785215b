"""CSV and XLSX: one row per finding, for reviewers who collect findings from many files in Excel.
The XLSX workbook adds the claim ledger: every numeric statement with what checking found (sheet
数字表述), and each document's ledger counts (sheet 核对汇总). The CSV stays one row per finding."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..model import CheckResult, Claim, Finding, ledger_counts
from .claims import KIND_NAMES, STATUS_NAMES, reading_words
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


# The claims sheet: one row per numeric statement.
CLAIM_KEYS = ["source", "kind", "status", "stated", "location", "quote", "reading", "reason", "rule"]
CLAIM_COLUMNS = ["来源文件", "类型", "核对结果", "文中", "位置", "引文", "核对方式", "无法核对的原因", "规则"]
# The summary sheet: one row per document, its ledger counts.
LEDGER_COLUMNS = ["来源文件", "部门", "年度", "文种", "数字表述", "核对一致", "不一致", "无法核对"]


def claim_row(result: CheckResult, c: Claim) -> list[str]:
    return [result.source, KIND_NAMES.get(c.kind, c.kind), STATUS_NAMES[c.status], c.stated,
            c.evidence.loc.describe(), c.evidence.quote, reading_words(c.reading), c.reason or "", c.rule or ""]


def ledger_row(result: CheckResult) -> list[str | int]:
    m, n = result.metadata, ledger_counts(result.claims)
    return [result.source, m.department or "", str(m.year or ""), _KIND.get(m.kind or "", ""),
            n["claims"], n["verified"], n["contradicted"], n["unverified"]]


def render_csv(results: list[CheckResult]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    w.writerows(rows(results))
    return buf.getvalue()


def write_xlsx(results: list[CheckResult], path: str | Path) -> None:
    """A workbook: the sheet of findings (the first, active one), then every numeric statement
    (数字表述) and each document's ledger counts (核对汇总). Headers frozen, filters on, quotes wrapped."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "问题"
    widths = {"source": 28, "department": 24, "message": 60, "suggestion": 40, "location": 22, "quote": 60}
    _fill(ws, COLUMNS, rows(results), [widths.get(k, 12) for k in KEYS])
    claim_widths = {"source": 28, "location": 22, "quote": 60, "reading": 50, "reason": 30}
    _fill(wb.create_sheet("数字表述"), CLAIM_COLUMNS, [claim_row(r, c) for r in results for c in r.claims],
          [claim_widths.get(k, 10) for k in CLAIM_KEYS])
    _fill(wb.create_sheet("核对汇总"), LEDGER_COLUMNS, [ledger_row(r) for r in results],
          [28, 24] + [10] * (len(LEDGER_COLUMNS) - 2))
    wb.save(path)


def _fill(ws, header: list[str], data: list[list], widths: list[int]) -> None:
    from openpyxl.styles import Alignment, Font

    ws.append(header)
    for row in data:
        ws.append(row)
    for c in ws[1]:
        c.font = Font(bold=True)
    for i, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_cells in ws.iter_rows(min_row=2):
        for c in row_cells:
            c.alignment = wrap
            if isinstance(c.value, str) and c.value.startswith("="):
                c.data_type = "s"  # document text, never a formula
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions

