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


# ---- (d) 支出总计 = 本年支出合计 + 结转下年 in a budget that prints no 结余分配 row ----

def _docx_table(path: Path, title: str, rows: list[list[str]]) -> Path:
    d = docx.Document()
    for line in ("某某局2026年部门预算", title, "单位：万元"):
        d.add_paragraph(line)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(str(path))
    return path


def _budget_summary(expense_total: str) -> list[list[str]]:
    return [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"],
            ["一般公共预算拨款收入", "100.00", "基本支出", "60.00"],
            ["其他收入", "0.00", "项目支出", "40.00"],
            ["本年收入合计", "100.00", "本年支出合计", "100.00"],
            ["上年结转", "10.00", "结转下年", "10.00"],
            ["收入总计", "110.00", "支出总计", expense_total]]


def test_expense_total_is_current_year_plus_carry_forward(tmp_path: Path) -> None:
    r = check(_docx_table(tmp_path / "ok.docx", "收支预算总表", _budget_summary("110.00")))
    assert not [f for f in r.findings if f.severity == "error"]
    assert any(c.status == "verified" and c.rule == "table-identity" and "支出总计" in c.evidence.quote
               for c in r.claims)
    found = _errors(_docx_table(tmp_path / "bad.docx", "收支预算总表", _budget_summary("120.00")), "table-identity")
    assert any("支出总计构成" in f.message and f.stated == "120.00万元" for f in found)


# ---- (e) the 合计 of a table of units and projects: Σ rows at one level ----

PROJECT_TITLE = "项目支出预算表"
PROJECT_HEAD = [["单位名称", "项目名称", "合计", "一般公共预算", "单位资金"]]


def test_unit_and_project_rows_are_one_hierarchy(tmp_path: Path) -> None:
    """Units over their projects: the 合计 is the units' sum (or the projects'), not the sum of both."""
    rows = PROJECT_HEAD + [["合计", "", "300.00", "250.00", "50.00"],
                           ["某某局", "", "200.00", "200.00", ""],
                           ["某某局", "信息化运维", "120.00", "120.00", ""],
                           ["某某局", "宣传经费", "80.00", "80.00", ""],
                           ["某某中心", "", "100.00", "50.00", "50.00"],
                           ["某某中心", "设备购置", "100.00", "50.00", "50.00"]]
    r = check(_docx_table(tmp_path / "t.docx", PROJECT_TITLE, rows))
    assert not [f for f in r.findings if f.severity == "error"]
    assert any(c.status == "verified" and c.rule == "table-hierarchy" and c.evidence.quote.startswith("合计")
               for c in r.claims)


def test_flat_unit_rows_that_miss_their_total(tmp_path: Path) -> None:
    rows = PROJECT_HEAD + [["合计", "", "300.00", "250.00", "50.00"],
                           ["某某局", "信息化运维", "120.00", "120.00", "0.00"],
                           ["某某中心", "宣传经费", "100.00", "70.00", "30.00"],
                           ["某某所", "设备购置", "70.00", "50.00", "20.00"]]
    found = _errors(_docx_table(tmp_path / "t.docx", PROJECT_TITLE, rows), "table-hierarchy")
    assert [(f.stated, f.expected) for f in found] == [("300.00", "290.00")]


def test_procurement_department_unit_item_levels(tmp_path: Path) -> None:
    """部门 › 单位 › 品目: read as one list they add up to three times the total; no error."""
    rows = [["单位名称", "采购品目", "金额"],
            ["合计", "", "90.00"],
            ["某某局（部门）", "", "90.00"],
            ["某某局本级", "", "60.00"],
            ["某某局本级", "台式计算机", "40.00"],
            ["某某局本级", "物业管理服务", "20.00"],
            ["某某中心", "", "30.00"],
            ["某某中心", "复印纸", "30.00"]]
    r = check(_docx_table(tmp_path / "t.docx", "政府采购预算表", rows))
    assert not [f for f in r.findings if f.rule == "table-hierarchy" and f.severity == "error"]


def test_blank_subtotal_is_not_zero(tmp_path: Path) -> None:
    """A unit row left blank over its projects: not 0, and not a reason to call the 合计 wrong."""
    rows = [["单位名称", "项目名称", "金额"],
            ["合计", "", "300.00"],
            ["某某局", "", ""],
            ["某某局", "信息化运维", "150.00"],
            ["某某局", "宣传经费", "100.00"],
            ["某某中心", "", "40.00"],
            ["某某中心", "设备购置", "40.00"]]
    assert not _errors(_docx_table(tmp_path / "t.docx", PROJECT_TITLE, rows), "table-hierarchy")


@pytest.mark.parametrize(("city", "name", "page", "quote"), [
    ("021_泉州", "2026年泉州市人民政府办公室部门预算.pdf", 14, "15184.81"),
    ("079_湖州", "2026年湖州市卫生健康委员会部门预算.pdf", 45, "51856.41"),
    ("077_珠海", "2026年珠海市商务局部门预算.pdf", 22, "58,788.54"),
])
def test_real_unit_and_project_totals_verified(city: str, name: str, page: int, quote: str) -> None:
    path = SHARED / "corpus" / city / name
    if not path.exists():
        pytest.skip("corpus not present")
    r = check(path)
    assert any(c.status == "verified" and c.evidence.loc.page == page and quote in c.evidence.quote
               for c in r.claims)
    assert not [f for f in r.findings if f.rule == "table-hierarchy" and f.evidence[0].loc.page == page]


# ---- (a) a 款 and a 项 printed with the same code are one item, not two to add ----

def test_same_code_twice_is_not_added_twice(tmp_path: Path) -> None:
    rows = [["科目编码", "科目名称", "金额"],
            ["", "合计", "100.00"],
            ["201", "一般公共服务支出", "100.00"],
            ["20103", "政府办公厅（室）及相关机构事务", "100.00"],
            ["20103", "行政运行", "100.00"]]
    assert not _errors(_docx_table(tmp_path / "t.docx", "一般公共预算支出表", rows), "table-hierarchy")


# ---- (f) 人员经费合计 / 公用经费合计 rows of a 基本支出 table against their 类 ----

def _basic(personnel_total: str) -> list[list[str]]:
    return [["人员经费", "", "", "公用经费", "", ""],
            ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
            ["301", "工资福利支出", "190.40", "302", "商品和服务支出", "30.93"],
            ["30101", "基本工资", "190.40", "30201", "办公费", "30.93"],
            ["303", "对个人和家庭的补助", "9.60", "310", "资本性支出", "0.00"],
            ["30302", "退休费", "9.60", "", "", ""],
            ["", "人员经费合计", personnel_total, "", "公用经费合计", "30.93"]]


def test_personnel_total_row_is_its_classes(tmp_path: Path) -> None:
    r = check(_docx_table(tmp_path / "ok.docx", "一般公共预算财政拨款基本支出决算表", _basic("200.00")))
    assert not [f for f in r.findings if f.rule == "table-hierarchy"]
    assert {c.evidence.quote.split(" | ")[0] for c in r.claims if c.status == "verified"} >= {"人员经费合计", "公用经费合计"}
    found = _errors(_docx_table(tmp_path / "bad.docx", "一般公共预算财政拨款基本支出决算表", _basic("210.00")),
                    "table-hierarchy")
    assert [(f.stated, f.expected) for f in found] == [("210.00", "200.00")]


def test_real_personnel_total_verified() -> None:
    path = SHARED / "real" / "putuo-guihuaziyuan-2024-final.pdf"
    if not path.exists():
        pytest.skip("real documents not present")
    r = check(path)
    verified = {c.evidence.quote for c in r.claims if c.status == "verified" and c.evidence.loc.page in (13, 16)}
    assert any("4884.09" in q for q in verified) and any("本年支出合计" in q for q in verified)


def test_blank_subtotal_column_is_not_zero(tmp_path: Path) -> None:
    """合计 = 基本支出(小计) + 项目支出 with the 小计 cell left blank beside 人员经费/公用经费: no error."""
    from test_table_layouts import BODY, _docx

    body = [row[:] for row in BODY]
    body[1][3] = ""  # 201 基本支出 小计 blank; 人员经费 150.00 + 公用经费 26.66 printed beside it
    r = check(_docx(tmp_path / "t.docx", body))
    assert not [f for f in r.findings if f.rule == "table-row-total" and f.severity == "error"]


def test_public_total_beside_a_side_without_its_main_class(tmp_path: Path) -> None:
    """公用经费合计 on a side whose only 类 read is 399 (302 printed without its code): no error."""
    rows = _basic("200.00")
    rows[2][3], rows[4][3], rows[4][4], rows[4][5] = "", "399", "其他支出", "0.00"
    assert not _errors(_docx_table(tmp_path / "t.docx", "一般公共预算财政拨款基本支出决算表", rows), "table-hierarchy")


def _three_groups(public_total: str, personnel_total: str = "436.39") -> list[list[str]]:
    # 公用经费 over two column groups, its 合计 under the first: 24.78 + 13.31 = 38.09 (302); 38.09 + 28.09 = 66.18.
    return [["人员经费", "", "", "公用经费", "", "", "", "", ""],
            ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
            ["301", "工资福利支出", "436.39", "302", "商品和服务支出", "38.09", "30215", "会议费", "13.31"],
            ["30101", "基本工资", "436.39", "30201", "办公费", "24.78", "310", "资本性支出", "28.09"],
            ["", "", "", "", "", "", "31002", "办公设备购置", "28.09"],
            ["", "人员经费合计", personnel_total, "", "公用经费合计", public_total, "", "", ""]]


def test_public_total_over_two_column_groups(tmp_path: Path) -> None:
    title = "一般公共预算财政拨款基本支出决算表"
    r = check(_docx_table(tmp_path / "ok.docx", title, _three_groups("66.18")))
    assert not [f for f in r.findings if f.rule == "table-hierarchy"]
    assert any(c.status == "verified" and c.evidence.quote.startswith("公用经费合计") for c in r.claims)
    found = _errors(_docx_table(tmp_path / "bad.docx", title, _three_groups("76.18")), "table-hierarchy")
    assert [(f.stated, f.expected) for f in found] == [("76.18", "66.18")]
    # The 人员经费 side ends where the 公用经费 side begins: 446.39 against 301 436.39 is still an error.
    found = _errors(_docx_table(tmp_path / "bad2.docx", title, _three_groups("66.18", "446.39")), "table-hierarchy")
    assert [(f.stated, f.expected) for f in found] == [("446.39", "436.39")]


# ---- a page that opens with a row label of the table before (十六、金融支出 with no figures) ----

def _final_fiscal(current: str) -> list[list[list[str]]]:
    head = [["收入", "", "支出", ""], ["项目", "决算数", "项目", "决算数"]]
    first = [["一、一般公共预算财政拨款", "240.50", "一、一般公共服务支出", "120.00"],
             ["二、政府性基金预算财政拨款", "", "二、外交支出", ""],
             ["", "", "八、社会保障和就业支出", "80.50"]]
    second = [["", "", "十六、金融支出", ""],
              ["", "", "十九、住房保障支出", "40.00"],
              ["本年收入合计", "240.50", "本年支出合计", current],
              ["总计", "240.50", "总计", current]]
    return [head + first, second]


def test_page_opening_with_a_row_label_continues_the_table(tmp_path: Path) -> None:
    r = check(_pdf_pages(tmp_path / "ok.pdf", "财政拨款收入支出决算总表", _final_fiscal("240.50")))
    assert not [f for f in r.findings if f.severity == "error"]
    assert any(c.status == "verified" and c.rule == "table-hierarchy" and "本年支出合计" in c.evidence.quote
               for c in r.claims)
    found = _errors(_pdf_pages(tmp_path / "bad.pdf", "财政拨款收入支出决算总表", _final_fiscal("250.50")),
                    "table-hierarchy")
    assert [(f.stated, f.expected) for f in found] == [("250.50", "240.50")]


def test_summary_class_row_verified_by_the_function_table(tmp_path: Path) -> None:
    """A 类 row of the 收支总表 is the total of its 款 printed in the 支出总表: the same figure there verifies it."""
    d = docx.Document()
    for line in ("某某局2026年部门预算", "收支预算总表", "单位：万元"):
        d.add_paragraph(line)
    summary = [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"],
               ["一般公共预算拨款收入", "120.00", "一、一般公共服务支出", "120.00"],
               ["收入总计", "120.00", "支出总计", "120.00"]]
    expense = [["科目编码", "科目名称", "合计"], ["", "合计", "120.00"], ["201", "一般公共服务支出", "120.00"],
               ["20103", "政府办公厅（室）及相关机构事务", "120.00"]]
    for title, rows in (("收支预算总表", summary), ("支出预算总表", expense)):
        if title != "收支预算总表":
            d.add_paragraph(title)
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    path = tmp_path / "t.docx"
    d.save(str(path))
    r = check(path)
    assert any(c.status == "verified" and c.evidence.quote.startswith("一、一般公共服务支出") for c in r.claims)


def test_continued_mark_joins_the_table(tmp_path: Path) -> None:
    """A page whose table is headed 续表 (its header repeated) continues the table before."""
    pages = _fiscal("140.50")
    story: list = [Paragraph("某某局2026年部门预算", STYLE), Paragraph(FISCAL_TITLE, STYLE), Paragraph("单位：万元", STYLE),
                   Table(pages[0], colWidths=WIDTHS, style=GRID), PageBreak(), Paragraph("续表", STYLE),
                   Table(pages[0][:2] + pages[1], colWidths=WIDTHS, style=GRID)]
    path = tmp_path / "t.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    found = _errors(path, "table-hierarchy")
    assert [(f.stated, f.expected, f.evidence[0].loc.page) for f in found] == [("140.50", "240.50", 2)]


def test_a_column_counting_up_by_one_is_no_money_in_whole_yuan(tmp_path: Path) -> None:
    """A 收支总表 in whole 元 whose 行次 column has no header of its own: 1, 2, 3 … are row numbers, not amounts
    (else 收入总计 "3元" against 支出总计 "6元"). 1,002,925 + 19,032 = 1,021,957 (by hand)."""
    rows = [["项目", "", "决算数", "项目", "", "决算数"],
            ["一般公共预算财政拨款收入", "1", "1002925", "一般公共服务支出", "4", "1021957"],
            ["其他收入", "2", "19032", "", "5", ""],
            ["收入总计", "3", "1021957", "支出总计", "6", "1021957"]]
    r = check(_docx_table(tmp_path / "t.docx", "收入支出决算总表", rows))
    assert not [f for f in r.findings if f.severity == "error"]
    assert any(c.status == "verified" and "1021957" in c.evidence.quote for c in r.claims)
