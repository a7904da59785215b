"""PDF tables drawn with reportlab: a planted defect found at its page and cell, and a 200-page PDF
checked with bounded memory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle
from test_tables import TABLE

from budgetdoc import check

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
STYLE = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=10, leading=14)
GRID = TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 8),
                   ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])


def _pdf(path: Path, table: list[list[str]], pages: int = 1) -> Path:
    story = []
    for n in range(pages):
        story += [Paragraph("一般公共预算财政拨款支出决算表", STYLE), Paragraph("单位：万元", STYLE),
                  Table(table, style=GRID)]
        if n < pages - 1:
            story.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def test_pdf_table_defect_found_at_page_and_cell(tmp_path: Path) -> None:
    bad = [row[:] for row in TABLE]
    bad[4][2] = "87.74"  # 行政运行: its 款 20103 (281.99) ≠ 87.74 + 111.50 + 92.75 = 291.99
    r = check(_pdf(tmp_path / "t.pdf", [["", "2020年度部门决算", "", "", ""], *bad]))
    f = next(f for f in r.findings if f.rule == "table-hierarchy")
    loc = f.evidence[0].loc
    # 行政运行's own 基本支出 77.74 and 281.99 − 111.50 − 92.75 both say 77.74: its 合计 is the wrong cell.
    assert (f.stated, f.expected) == ("87.74", "77.74")
    assert loc.page == 1 and loc.table == 1 and loc.col == 3
    assert "2010301" in f.evidence[0].quote


def test_200_page_pdf_bounded_memory(tmp_path: Path) -> None:
    big = _pdf(tmp_path / "big.pdf", TABLE, pages=200)
    # The child reports its own peak resident memory (VmHWM belongs to its own address space; ru_maxrss
    # would carry over the forking pytest process's size).
    code = ("import re, sys; from budgetdoc.cli import main; rc = main(sys.argv[1:]); "
            "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1); "
            "print(hwm, file=sys.stderr); sys.exit(rc)")
    p = subprocess.run([sys.executable, "-c", code, "check", "--format", "json", str(big)],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode in (0, 1) and "Traceback" not in p.stderr
    peak_mb = int(p.stderr.strip().splitlines()[-1]) / 1024
    assert peak_mb < 600, f"peak {peak_mb:.0f} MB"
