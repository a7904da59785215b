"""Layouts and phrasings a second generator written blind (without reading budgetdoc) used, each once read
as an error it is not: a table's last row alone on the next PDF page, a 财政拨款收支总表 whose 收入 rows
fill only 合计, period columns under a title row, a project's economic classes, a change named by words
that are no standard quantity. Documents made here with reportlab, openpyxl and text; figures checked by
hand in the comments; each test keeps a wrong figure of the shape an error."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle
from test_unseen_shapes import _check as _text
from test_unseen_shapes import _errors

from budgetdoc import check

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
STYLE = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=10, leading=14)
GRID = TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 8),
                   ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])


# 210 卫生健康支出 46.97 = 21011 46.97 = 2101101 23.62 + 2101102 19.90 + 2101103 3.45; the page breaks
# before 2101102, which stands alone on page 2, and the table goes on (with its header) on page 3.
HEAD = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
PAGE1 = [HEAD, ["210", "卫生健康支出", "46.97", "46.97", "0.00"], ["21011", "行政事业单位医疗", "46.97", "46.97", "0.00"],
         ["2101101", "行政单位医疗", "23.62", "23.62", "0.00"]]
PAGE2 = [["2101102", "事业单位医疗", "19.90", "19.90", "0.00"]]
PAGE3 = [HEAD, ["2101103", "公务员医疗补助", "3.45", "3.45", "0.00"], ["合计", "", "46.97", "46.97", "0.00"]]


def _pdf(path: Path, pages: list[list[list[str]]]) -> Path:
    story: list = [Paragraph("某某局2025年部门预算", STYLE), Paragraph("部门支出总表", STYLE), Paragraph("单位：万元", STYLE)]
    for n, rows in enumerate(pages):
        if n:
            story.append(PageBreak())
        story.append(Table(rows, colWidths=[60, 150, 60, 60, 60], style=GRID))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def test_a_tables_last_row_alone_on_a_page(tmp_path: Path) -> None:
    r = check(_pdf(tmp_path / "a.pdf", [PAGE1, PAGE2, PAGE3]))
    assert not _errors(r, "table-hierarchy")
    assert [f.value_yuan for f in r.facts if f.key == "func.2101102"] == [199000]
    wrong = [["2101102", "事业单位医疗", "29.90", "29.90", "0.00"]]
    found = _errors(check(_pdf(tmp_path / "b.pdf", [PAGE1, wrong, PAGE3])), "table-hierarchy")
    assert found and all("21011" in f or "210 " in f or "合计" in f for f in found)


def test_income_rows_that_fill_only_the_total_column(tmp_path: Path) -> None:
    # The 收入 rows of a stacked 财政拨款收支总表 print 合计 only; the 支出 rows fill every column.
    table = ("某某局2020年度部门决算\n财政拨款收入支出决算总表\n单位：万元\n"
             "| 项目 | 合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款 |\n"
             "| 一、一般公共预算财政拨款 | 1194.27 |  |  |\n"
             "| 二、政府性基金预算财政拨款 | 19.98 |  |  |\n"
             "| 本年收入合计 | 1214.25 |  |  |\n"
             "| 一般公共服务支出 | 1214.25 | 1194.27 | 19.98 |\n"
             "| 本年支出合计 | 1214.25 | 1194.27 | 19.98 |\n")
    assert not _errors(_text(tmp_path, "c.txt", table), "table-row-total")
    wrong = table.replace("| 一般公共服务支出 | 1214.25 | 1194.27 |", "| 一般公共服务支出 | 1214.25 | 1184.27 |")
    assert _errors(_text(tmp_path, "c2.txt", wrong), "table-row-total")


def test_period_columns_under_a_title_row(tmp_path: Path) -> None:
    # The title "…支出决算表" spans every column: it says nothing of which column is the 决算.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "公开05表一般公共预算财政拨款支出决算表"
    ws.append([None, None, None, None, "公开05表"])
    ws.append(["一般公共预算财政拨款支出决算表", None, None, None, None])
    ws.merge_cells("A2:E2")
    ws.append(["部门：某某局", None, None, None, "单位：万元"])
    ws.append(["科目编码", "科目名称", "年初预算数", "调整预算数", "决算数"])
    ws.append(["合计", None, "454.53", "510.43", "516.67"])
    ws.append(["2010301", "行政运行", "265.95", "289.58", "297.81"])
    ws.append(["2010302", "一般行政管理事务", "188.58", "220.85", "218.86"])
    text = wb.create_sheet("情况说明", 0)
    text.append(["某某局2022年度部门决算"])
    text.append(["行政运行（2010301）297.81万元，主要用于机关基本运行。"])
    p = tmp_path / "d.xlsx"
    wb.save(p)
    r = check(p)
    assert [f.value_yuan for f in r.facts if f.key == "gpb.func.2010301" and f.loc.sheet == ws.title] == [2978100]
    assert not _errors(r, "table-text")


def test_a_projects_economic_classes_and_what_each_includes(tmp_path: Path) -> None:
    # 736.22 = 339.19 + 397.03; 339.19 = 维修（护）费; the 基本支出 table's 302 (92.45) is another figure.
    text = ("某某局2020年度部门决算\n"
            "2020年度一般公共预算财政拨款项目支出736.22万元，其中：商品和服务支出339.19万元，主要包括：维修（护）费"
            "339.19万元；资本性支出397.03万元，主要包括：办公设备购置397.03万元。\n"
            "一般公共预算财政拨款基本支出决算表\n单位：万元\n"
            "| 科目编码 | 科目名称 | 决算数 |\n| 302 | 商品和服务支出 | 92.45 |\n| 30201 | 办公费 | 92.45 |\n")
    r = _text(tmp_path, "e.txt", text)
    assert not _errors(r)
    # Items not known to be all the project's: their sum may not exceed it (339.19 + 407.03 = 746.22).
    wrong = _text(tmp_path, "e2.txt", text.replace("资本性支出397.03万元，主要包括：办公设备购置397.03",
                                                   "资本性支出407.03万元，主要包括：办公设备购置407.03"))
    assert [f.rule for f in wrong.findings if f.severity == "error"] == ["breakdown-sum"]


def test_a_change_named_by_its_own_words(tmp_path: Path) -> None:
    # 本年支出139.21 fell by 42.08: 42.08 ÷ (139.21 + 42.08) = 23.21%; not of 年初结转和结余0.00.
    text = ("某某局2020年度部门决算\n"
            "2020年度政府性基金预算财政拨款年初结转和结余0.00万元，本年收入170.78万元，本年支出139.21万元，"
            "年末结转和结余31.56万元。本年支出比上年减少42.08万元，下降23.21%。\n")
    r = _text(tmp_path, "f.txt", text)
    assert not _errors(r)
    assert {c.status for c in r.claims if c.stated == "23.21%"} == {"verified"}
    wrong = _text(tmp_path, "f2.txt", text.replace("23.21%", "30.23%"))
    assert [(f.stated, f.expected) for f in wrong.findings if f.rule == "growth-rate"] == [("30.23%", "23.21%")]


def test_a_class_by_name_only_that_is_not_its_rows_sum(tmp_path: Path) -> None:
    # No code column: 类 › 款 › 项 told apart by their sums only. 社会保障和就业支出 50.15 over 53.15 =
    # 4.27 + 34.72 + 14.16, and 合计 1404.58 = 1292.68 + 53.15 + 26.23 + 32.52: the 类 cell is the wrong one.
    rows = [("合计", "1404.58"), ("一般公共服务支出", "1292.68"), ("统计信息事务", "1292.68"), ("行政运行", "278.09"),
            ("一般行政管理事务", "350.32"), ("专项普查活动", "664.27"), ("社会保障和就业支出", "50.15"),
            ("行政事业单位养老支出", "53.15"), ("行政单位离退休", "4.27"), ("机关事业单位基本养老保险缴费支出", "34.72"),
            ("机关事业单位职业年金缴费支出", "14.16"), ("卫生健康支出", "26.23"), ("行政事业单位医疗", "26.23"),
            ("行政单位医疗", "22.56"), ("公务员医疗补助", "3.67"), ("住房保障支出", "32.52"), ("住房改革支出", "32.52"),
            ("住房公积金", "32.52")]
    table = "\n".join(f"| {n} | {v} |" for n, v in rows)
    text = f"某某局2020年度部门决算\n一般公共预算财政拨款支出决算表\n单位：万元\n| 科目名称 | 决算数 |\n{table}\n"
    found = [f for f in _text(tmp_path, "g.txt", text).findings if f.rule == "table-hierarchy"]
    assert [(f.stated, f.expected, f.severity) for f in found] == [("50.15", "53.15", "error")]
    right = _text(tmp_path, "g2.txt", text.replace("| 社会保障和就业支出 | 50.15 |", "| 社会保障和就业支出 | 53.15 |"))
    assert not _errors(right)


def test_a_classified_rows_total_left_blank(tmp_path: Path) -> None:
    # 221 住房保障支出: 合计 blank, 基本支出 335,533.08, and 22102 below gives 335,533.08 too.
    text = ("某某局2023年部门预算\n一般公共预算支出表\n单位：元\n"
            "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n"
            "| 221 | 住房保障支出 |  | 335,533.08 |  |\n"
            "| 22102 | 住房改革支出 | 335,533.08 | 335,533.08 |  |\n"
            "| 2210201 | 住房公积金 | 335,533.08 | 335,533.08 |  |\n")
    found = [f for f in _text(tmp_path, "h.txt", text).findings if f.rule == "table-row-total"]
    assert [(f.stated, f.expected, f.evidence[0].quote) for f in found] == [("（空白）", "335,533.08", "住房保障支出")]
    filled = _text(tmp_path, "h2.txt", text.replace("| 住房保障支出 |  |", "| 住房保障支出 | 335,533.08 |"))
    assert not _errors(filled)


def test_a_column_whose_zeros_are_dashes(tmp_path: Path) -> None:
    # 项目支出 printed "-" where it is zero is still a column of figures: 213 农林水支出 738.58 = 586.66 + 151.92,
    # and 15.92 there is wrong; "上年结转 | - | 58.25" gives 58.25 (收入总计 1439.23 = 1380.98 + 58.25).
    table = ("某某局2020年度部门决算\n一般公共预算财政拨款支出决算表\n单位：万元\n"
             "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n"
             "| 208 | 社会保障和就业支出 | 113.90 | 113.90 | - |\n| 20805 | 行政事业单位养老支出 | 113.90 | 113.90 | - |\n"
             "| 213 | 农林水支出 | 738.58 | 586.66 | 151.92 |\n| 21301 | 农业农村 | 738.58 | 586.66 | 151.92 |\n")
    assert not _errors(_text(tmp_path, "i.txt", table))
    wrong = _text(tmp_path, "i2.txt", table.replace("| 586.66 | 151.92 |\n| 21301", "| 586.66 | 15.92 |\n| 21301"))
    assert any(f.stated == "15.92" for f in wrong.findings if f.severity == "error")
    summary = ("某某局2022年部门预算\n部门收支总表\n单位：万元\n| 项目 | 上年预算数 | 本年预算数 |\n"
               "| 本年收入合计 | 1,534.23 | 1,380.98 |\n| 上年结转 | - | 58.25 |\n| 收入总计 | 1,534.23 | 1,439.23 |\n")
    r = _text(tmp_path, "i3.txt", summary)
    assert [f.value_yuan for f in r.facts if f.key == "income.carryover_begin"] == [582500]
    assert not _errors(r)
