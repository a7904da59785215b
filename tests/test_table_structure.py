"""Table structure before sums: a table continued on the next page is one table, a blank cell is no
zero, 类/款/项 and 合计/单位/项目 levels are one hierarchy, not items to add. Each class with a generated
document (reportlab PDF, python-docx) that must fire and one that must not, and the real examples."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from budgetdoc import check

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
STYLE = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=10, leading=14)
GRID = TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 8),
                   ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
WIDTHS = [150, 70, 200, 70]
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _errors(path: Path, rule: str) -> list:
    return [f for f in check(path).findings if f.rule == rule and f.severity == "error"]


def _pdf_pages(path: Path, title: str, pages: list[list[list[str]]]) -> Path:
    """One table printed over several pages: the title and header on the first, the rest with no title."""
    story: list = [Paragraph("某某局2026年部门预算", STYLE), Paragraph(title, STYLE), Paragraph("单位：万元", STYLE)]
    for n, rows in enumerate(pages):
        if n:
            story.append(PageBreak())
        story.append(Table(rows, colWidths=WIDTHS, style=GRID))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


# ---- (b) a 财政拨款收支总表 over two pages: its expense rows by name only (类 › 款 › 项) ----

FISCAL_TITLE = "财政拨款收支预算总表"


def _fiscal(total: str) -> list[list[list[str]]]:
    head = [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]]
    first = [["一、财政拨款", total, "一般公共服务支出", "120.00"],
             ["一般公共预算", total, "政府办公厅(室)及相关机构事务", "120.00"],
             ["政府性基金预算", "", "行政运行", "100.00"],
             ["", "", "一般行政管理事务", "20.00"],
             ["", "", "社会保障和就业支出", "80.50"],
             ["", "", "行政事业单位养老支出", "80.50"]]
    second = [["", "", "机关事业单位基本养老保险缴费支出", "50.50"],
              ["", "", "机关事业单位职业年金缴费支出", "30.00"],
              ["", "", "住房保障支出", "40.00"],
              ["", "", "住房改革支出", "40.00"],
              ["", "", "住房公积金", "40.00"],
              ["本年收入合计", total, "", ""],
              ["收入总计", total, "支出总计", total]]
    return [head + first, second]


def test_fiscal_summary_over_two_pages_totals_its_classes(tmp_path: Path) -> None:
    ok = _pdf_pages(tmp_path / "ok.pdf", FISCAL_TITLE, _fiscal("240.50"))
    r = check(ok)
    assert not [f for f in r.findings if f.severity == "error"]
    assert any(c.status == "verified" and "支出总计" in c.evidence.quote for c in r.claims)
    found = _errors(_pdf_pages(tmp_path / "bad.pdf", FISCAL_TITLE, _fiscal("140.50")), "table-hierarchy")
    assert [(f.stated, f.expected) for f in found] == [("140.50", "240.50")]
    assert found[0].evidence[0].loc.page == 2 and "支出总计" in found[0].evidence[0].quote


def test_class_rows_not_certain_are_not_summed(tmp_path: Path) -> None:
    """A 类 whose rows under it do not add up to it: which rows are 类 is not certain, so no error."""
    pages = _fiscal("140.50")
    pages[0][-1][3] = "70.50"  # 行政事业单位养老支出 70.50 ≠ 类 80.50, its 项 50.50 + 30.00 = 80.50
    assert not _errors(_pdf_pages(tmp_path / "t.pdf", FISCAL_TITLE, pages), "table-hierarchy")


@pytest.mark.parametrize(("name", "page", "printed", "rows"), [
    ("2026年湖州市交通运输局部门预算.pdf", 29, "42,673.03", "192,207.76"),
    ("2026年湖州市卫生健康委员会部门预算.pdf", 35, "38,191.21", "64,618.76"),
])
def test_real_fiscal_summary_over_pages(name: str, page: int, printed: str, rows: str) -> None:
    path = SHARED / "corpus" / "079_湖州" / name
    if not path.exists():
        pytest.skip("corpus not present")
    found = _errors(path, "table-hierarchy")
    hit = [f for f in found if f.stated == printed]
    assert hit and hit[0].expected == rows and hit[0].evidence[0].loc.page == page


# ---- (c) a grand total left blank where its rows and the other side are filled ----

def _summary_docx(path: Path, income_total: str) -> Path:
    rows = [["本年收入", "", "本年支出", ""], ["项目", "预算数", "项目", "预算数"],
            ["一、财政拨款收入", "1,957.74", "一、一般公共服务支出", "1,343.40"],
            ["1、一般公共预算", "1,957.74", "二、社会保障和就业支出", "239.92"],
            ["二、事业收入", "", "三、卫生健康支出", "61.42"],
            ["三、其他收入", "", "四、住房保障支出", "313.00"],
            ["收入总计", income_total, "支出总计", "1,957.74"]]
    d = docx.Document()
    for line in ("某某局2026年部门预算", "财务收支预算总表", "单位：万元"):
        d.add_paragraph(line)
    t = d.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(str(path))
    return path


def test_blank_grand_total_is_reported(tmp_path: Path) -> None:
    assert not _errors(_summary_docx(tmp_path / "ok.docx", "1,957.74"), "table-identity")
    found = _errors(_summary_docx(tmp_path / "bad.docx", ""), "table-identity")
    assert [(f.stated, f.expected) for f in found] == [("（空白）", "1,957.74")]
    assert "收入总计" in found[0].message


def test_real_blank_income_total() -> None:
    path = SHARED / "corpus" / "001_上海" / "2026年上海市审计局_部门预算.pdf"
    if not path.exists():
        pytest.skip("corpus not present")
    found = _errors(path, "table-identity")
    assert [(f.expected, f.evidence[0].loc.page) for f in found] == [("195,774,300", 7)]
