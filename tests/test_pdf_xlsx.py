"""PDF and XLSX readers, on inputs generated here with reportlab and openpyxl."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import seed
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from budgetdoc import InputError, check
from budgetdoc.load import load

FONT = "STSong-Light"  # a CID font built into reportlab and every PDF reader: no font file needed
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

PAGE = landscape(A4)
SIZE, LEADING, MARGIN = 8, 13, 30
WRAP = 95  # characters per PDF line; a CJK glyph is SIZE points wide and a page holds ~97


def _wrap(line: str) -> list[str]:
    """Wrap like a typesetter: fill each PDF line up to the right margin, wherever that falls."""
    width = PAGE[0] - 2 * MARGIN
    out, current = [], ""
    for ch in line:
        if pdfmetrics.stringWidth(current + ch, FONT, SIZE) > width:
            out.append(current)
            current = ""
        current += ch
    return [*out, current]


def _write_pdf(lines: list[str], path: Path) -> list[tuple[int, int]]:
    """Draw the lines; return where each source line starts: (page, n-th text line on the page)."""
    c = canvas.Canvas(str(path), pagesize=PAGE)
    y, page, drawn = PAGE[1] - MARGIN, 1, 0
    c.setFont(FONT, SIZE)
    where = []
    for source_line in lines:
        for i, part in enumerate(_wrap(source_line.replace("\t", " "))):  # a tab is layout, not text
            if y < MARGIN:
                c.showPage()
                c.setFont(FONT, SIZE)
                y, page, drawn = PAGE[1] - MARGIN, page + 1, 0
            if i == 0:
                where.append((page, drawn + 1))
            if part.strip():
                c.drawString(MARGIN, y, part)
                drawn += 1
            y -= LEADING
    c.save()
    return where


def _small_pdf(path: Path, **kwargs) -> None:
    c = canvas.Canvas(str(path), **kwargs)
    c.setFont(FONT, 10)
    c.drawString(40, 800, "2020年度攀枝花市西区行政审批局部门决算")
    c.drawString(40, 780, "2020年度收、支总计384.49万元。")
    c.showPage()
    c.save()


def _cli(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "budgetdoc.cli", "check", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_pdf_rendering_matches_text(tmp_path: Path) -> None:
    lines = seed("002").read_text(encoding="utf-8").split("\n")
    out = tmp_path / "002.pdf"
    where = _write_pdf(lines, out)
    result = check(out)
    assert result.format == "pdf"
    # Every amount survives the round trip (findings may differ where a wrap cut a sentence).
    assert sorted((f.key, f.value_yuan) for f in result.facts) == \
        sorted((f.key, f.value_yuan) for f in check(seed("002")).facts)
    assert result.metadata.to_dict() == {"department": "攀枝花市西区行政审批局", "year": 2020,
                                         "kind": "final", "unit": "万元"}
    basic = next(f for f in result.facts if f.key == "expense.basic")
    assert str(basic.value_yuan) == "2213300.00"
    assert (basic.loc.page, basic.loc.line) == where[31]
    f = next(f for f in result.findings if f.rule == "growth-rate" and f.stated == "4.43%")
    assert f.expected == "4.64%"
    loc = f.evidence[0].loc
    assert (loc.page, loc.line) == where[25] and loc.page > 1  # source line 26
    assert f.evidence[0].quote == "与2019年相比，收、支总计各增加17.05万元，增长4.43%"
    # Line numbers restart on each page and count only that page's lines.
    doc = load(out)
    pages = {b.loc.page for b in doc.blocks}
    assert len(pages) > 5 and all(b.loc.line and b.loc.line <= 45 for b in doc.blocks)


def test_pdf_ruled_table_is_read_as_table(tmp_path: Path) -> None:
    out = tmp_path / "t.pdf"
    style = ParagraphStyle("zh", fontName=FONT, fontSize=10, leading=14)
    table = Table([["项目", "金额"], ["基本支出", "221.33"], ["项目支出", "155.50"]])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(str(out), pagesize=A4).build(
        [Paragraph("2020年度部门决算", style), table, Paragraph("表后说明：单位为万元。", style)])
    doc = load(out)
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == ("paragraph", "2020年度部门决算")
    assert kinds[-1] == ("paragraph", "表后说明：单位为万元。")
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1 and doc.blocks[1] is tables[0]  # in reading order, between the lines
    rows = tables[0].rows
    assert [[c.text for c in row] for row in rows] == [["项目", "金额"], ["基本支出", "221.33"],
                                                       ["项目支出", "155.50"]]
    cell = rows[1][1]
    assert (cell.loc.page, cell.loc.table, cell.loc.row, cell.loc.col) == (1, 1, 2, 2)
    # The table's words are cells only, not also paragraphs.
    assert not any(b.kind == "paragraph" and "基本支出" in b.text for b in doc.blocks)


def test_pdf_page_without_text_layer_warns(tmp_path: Path) -> None:
    from PIL import Image

    img = tmp_path / "scan.png"
    Image.new("RGB", (200, 100), "white").save(img)
    out = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(out))
    c.setFont(FONT, 10)
    c.drawString(40, 800, "2020年度收、支总计384.49万元。")
    c.showPage()
    c.drawImage(str(img), 40, 600, 200, 100)
    c.showPage()
    c.save()
    doc = load(out)
    assert doc.warnings == ["第2页没有文字层（扫描件？），未能读取"]
    assert [b.loc.page for b in doc.blocks] == [1]


@pytest.mark.parametrize("damage", ["encrypted", "truncated"])
def test_unreadable_pdf_is_one_line_error(tmp_path: Path, damage: str) -> None:
    out = tmp_path / f"{damage}.pdf"
    if damage == "encrypted":
        _small_pdf(out, encrypt="secret")
    else:
        _small_pdf(out)
        data = out.read_bytes()
        out.write_bytes(data[: len(data) // 2])
    proc = _cli(out)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert ("已加密" if damage == "encrypted" else "文件损坏或不完整") in proc.stderr


def test_pdf_name_read_as_what_its_bytes_are(tmp_path: Path) -> None:
    out = tmp_path / "fake.pdf"
    out.write_text("2020年度收、支总计384.49万元。", encoding="utf-8")
    doc = load(out)  # text under a .pdf name is read as the text it is, and the note says so
    assert doc.format == "text" and doc.blocks[0].text == "2020年度收、支总计384.49万元。"
    assert doc.warnings[0] == "扩展名为 .pdf，内容实为 纯文本，已按 纯文本 读取"
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(bytes(range(256)) * 8)  # binary, and no format budgetdoc knows
    with pytest.raises(InputError, match="不是 PDF 文件，内容也不是可识别的格式"):
        load(junk)


def test_xlsx_sentences_located_by_sheet_and_cell(tmp_path: Path) -> None:
    lines = seed("002").read_text(encoding="utf-8").split("\n")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "说明"
    ws["A1"] = "2020年度攀枝花市西区行政审批局部门决算"
    ws["A3"] = lines[25]  # 收、支总计 ... 增长4.43%
    ws["A4"] = lines[31]  # 基本支出221.33万元 ...
    ws["B4"] = 376.83
    data = wb.create_sheet("收支总表")
    data.append(["项目", "金额"])
    data.append(["基本支出", 221.33])
    data.append([3768300, 0.0443])
    data["B3"].number_format = "0.00%"
    out = tmp_path / "002.xlsx"
    wb.save(out)

    doc = load(out)
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert heads == ["说明", "收支总表"]
    table = next(b for b in doc.blocks if b.kind == "table" and b.loc.sheet == "收支总表")
    assert table.rows[1][1].text == "221.33" and table.rows[1][1].loc.cell == "B2"
    assert table.rows[2][1].text == "4.43%"
    # A row of bare numbers is data, not a sentence.
    assert [b.loc.cell for b in doc.blocks if b.kind == "paragraph" and b.loc.sheet == "收支总表"] == ["A1", "A2"]
    row4 = next(b for b in doc.blocks if b.kind == "paragraph" and b.loc.cell == "A4")
    assert row4.text.endswith("\t376.83") and row4.loc.row == 4

    result = check(out)
    assert result.format == "xlsx"
    assert result.metadata.department == "攀枝花市西区行政审批局"
    basic = next(f for f in result.facts if f.key == "expense.basic")
    assert str(basic.value_yuan) == "2213300.00"
    assert (basic.loc.sheet, basic.loc.cell) == ("说明", "A4")
    f = next(f for f in result.findings if f.rule == "growth-rate")
    assert (f.stated, f.expected) == ("4.43%", "4.64%")
    assert (f.evidence[0].loc.sheet, f.evidence[0].loc.cell) == ("说明", "A3")


def test_corrupt_xlsx_is_input_error(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "2020年度部门决算"
    out = tmp_path / "bad.xlsx"
    wb.save(out)
    data = out.read_bytes()
    out.write_bytes(data[: len(data) // 2])  # still starts with the zip magic
    with pytest.raises(InputError, match="不是有效的 XLSX 文件"):
        load(out)
    proc = _cli(out)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_pdf_rendering_of_each_seed_has_same_results(tmp_path: Path, prefix: str) -> None:
    """Issue 3: a PDF rendering of each seed gives the same metadata, facts and defects as the text."""
    lines = seed(prefix).read_text(encoding="utf-8").split("\n")
    out = tmp_path / f"{prefix}.pdf"
    _write_pdf(lines, out)
    pdf, text = check(out), check(seed(prefix))
    assert pdf.metadata.to_dict() == text.metadata.to_dict()
    # Tab-separated rows of the text are tables there; the PDF draws them as plain lines.
    assert sorted((f.key, f.value_yuan) for f in pdf.facts if f.loc.table is None) == \
        sorted((f.key, f.value_yuan) for f in text.facts if f.loc.table is None)
    assert sorted((f.rule, f.severity, f.stated, f.expected) for f in pdf.findings
                  if not f.rule.startswith("performance")) == \
        sorted((f.rule, f.severity, f.stated, f.expected) for f in text.findings
               if not f.rule.startswith("performance"))
    assert all(e.loc.page for f in pdf.findings for e in f.evidence)
