"""Layouts and phrasings a fourth generator written blind (bench/blind4) used, each once misread: a PDF whose
CJK font pdfium cannot read one character of, a whole disclosure on one worksheet, 云南's final-account tables
(收入支出决算表 without 总, a 收入决算表 whose 合计 takes in the carry-over), a 三公 table of 预算数 | 决算数 column
groups or rows, last year's figure after 比 labelled by its year, an item's 年初预算 before its 决算, a tab table
row that fills one cell, and the defects it planted that were missed: a blank cell in a parent row, the direction
of a change in a list a final itemises, a comparison year with the base amount between, the unit of a
performance table on the line above it. Figures are made up in the same shapes and checked by hand in the
comments; each test keeps a wrong figure of the shape an error."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from test_unseen_shapes import _check as _text
from test_unseen_shapes import _errors, _status

from budgetdoc import check
from budgetdoc.load import load


def _keys(r, key: str) -> list[Decimal]:  # type: ignore[no-untyped-def]
    return [f.value_yuan for f in r.facts if f.key == key]


def _right_then_wrong(tmp_path: Path, text: str, old: str, new: str) -> list[tuple[str, str | None]]:
    """No error on the text as written; the (rule, stated) of each error once `old` is made `new`."""
    assert not _errors(_text(tmp_path, "right.txt", text))
    wrong = _text(tmp_path, "wrong.txt", text.replace(old, new))
    return [(f.rule, f.stated) for f in wrong.findings if f.severity == "error"]


def test_a_pdf_whose_cjk_font_pdfium_reads_no_lone_character_of(tmp_path: Path) -> None:
    # reportlab's STSong-Light (not embedded, UniGB-UCS2-H): pdfium finds no text in a string of one character,
    # so "支出决" + "算" lost its 算 and "2023" + "年" + "12" its 年. Such a page is read by pdfminer.
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "a.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 12)
    x = 50.0
    for part in ("截至2023", "年", "12", "月", "31日，支出决", "算", "2.04万元。"):
        c.drawString(x, 800, part)
        x += c.stringWidth(part, "STSong-Light", 12)
    c.save()
    text = "".join(b.text for b in load(path).blocks)
    assert "截至2023年12月31日，支出决算2.04万元。" in text.replace(" ", "")


def _workbook(path: Path, total: float, title: str = "2025年部门支出总表") -> None:
    """A whole disclosure on one sheet: narrative, then two titled tables under each other."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "公开说明"
    rows: list[list[object]] = [
        ["某某县司法局2025年部门预算"], [], ["一、收支预算总体情况说明"],
        ["2025年收入总计1,040.67万元，支出总计1,040.67万元。"], [],
        ["2025年部门收支总表"], ["单位：万元"], ["项目", "本年预算", "项目", "本年预算"],
        ["一、一般公共预算拨款收入", 1027.50, "公共安全支出", 1040.67], ["二、事业收入", 13.17],
        ["本年收入合计", 1040.67, "本年支出合计", 1040.67], ["收入总计", total, "支出总计", 1040.67], [],
        [title], ["单位：万元"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", 1040.67, 394.63, 646.04], ["204", "公共安全支出", 1040.67, 394.63, 646.04],
    ]
    for row in rows:
        ws.append(row)
    wb.save(path)


def test_a_disclosure_on_one_worksheet(tmp_path: Path) -> None:
    # 1,027.50 + 13.17 = 1,040.67 = 收入总计; printed 1,400.67 it adds up to nothing (the cell is B12).
    good = tmp_path / "a.xlsx"
    _workbook(good, 1040.67)
    r = check(good)
    assert not _errors(r)
    assert _keys(r, "income.total") and set(_keys(r, "income.total")) == {Decimal("10406700.00")}
    bad = tmp_path / "b.xlsx"
    _workbook(bad, 1400.67)
    wrong = [f for f in check(bad).findings if f.severity == "error" and f.rule == "table-identity"]
    assert wrong and any(e.loc.cell == "B12" for f in wrong for e in f.evidence)
    # A budget's table titled as a final's (部门支出决算总表): the title row is the table's, on the worksheet too.
    assert not [f for f in r.findings if f.rule == "period-kind"]
    slip = tmp_path / "c.xlsx"
    _workbook(slip, 1040.67, "2025年部门支出决算总表")
    assert [f.evidence[0].loc.cell for f in check(slip).findings if f.rule == "period-kind"] == ["A14"]


# 云南's final: 表1 收入支出决算表 stacked, 表2 收入决算表 with a 年初结转和结余 column (its 合计 is 收入总计:
# 1,320.03 + 6.80 + 9.86 + 10.94 = 1,347.63... printed 1,347.64 from fen), 表4 财政拨款收入支出决算表 two-sided.
YUNNAN = ("某某县司法局2024年度部门决算\n"
          "2024年度收入总计1347.64万元，支出总计1347.64万元。本年收入合计1336.69万元。\n"
          "财政拨款收支总计1330.98万元。\n\n"
          "表1：收入支出决算表\n单位：万元\n| 项目 | 决算数 |\n| 财政拨款收入 | 1320.03 |\n| 事业收入 | 6.80 |\n"
          "| 其他收入 | 9.86 |\n| 本年收入合计 | 1336.69 |\n| 年初结转和结余 | 10.95 |\n| 收入总计 | 1347.64 |\n"
          "| 公共安全支出 | 1334.18 |\n| 本年支出合计 | 1334.18 |\n| 年末结转和结余 | 13.46 |\n| 支出总计 | 1347.64 |\n\n"
          "表2：收入决算表\n单位：万元\n| 项目 | 合计 | 财政拨款收入 | 事业收入 | 其他收入 | 年初结转和结余 |\n"
          "| 合计 | 1347.64 | 1320.03 | 6.80 | 9.86 | 10.95 |\n\n"
          "表4：财政拨款收入支出决算表\n单位：万元\n| 收入 |  | 支出 |  |\n| 项目 | 决算数 | 项目 | 决算数 |\n"
          "| 一、本年收入 | 1320.03 | 一、本年支出 | 1317.52 |\n| 二、年初财政拨款结转和结余 | 10.95 | 二、年末财政拨款结转和结余 | 13.46 |\n"
          "| 收入总计 | 1330.98 | 支出总计 | 1330.98 |\n")


def test_yunnans_final_account_tables(tmp_path: Path) -> None:
    # 1,320.03 + 10.95 = 1,330.98 (财政拨款); 1,336.69 + 10.95 = 1,347.64 (all funds).
    r = _text(tmp_path, "a.txt", YUNNAN)
    assert not _errors(r)
    assert set(_keys(r, "income.total")) == {Decimal("13476400")}
    assert set(_keys(r, "income.current_year")) == {Decimal("13366900")}
    assert set(_keys(r, "fiscal.income.total")) == {Decimal("13309800")}
    wrong = _text(tmp_path, "b.txt", YUNNAN.replace("2024年度收入总计1347.64万元", "2024年度收入总计1374.64万元"))
    assert [f.stated for f in wrong.findings if f.rule == "table-text" and f.severity == "error"] == ["1374.64万元"]


def test_last_years_figure_after_bi_labelled_by_its_year(tmp_path: Path) -> None:
    # "比2023年决算数1901.05万元减少553.41万元，下降29.11%": 1,901.05 − 1,347.64 = 553.41; 553.41 ÷ 1,901.05 = 29.11%.
    text = "某某县司法局2024年度部门决算\n2024年度支出总计1347.64万元，比2023年决算数1901.05万元减少553.41万元，下降29.11%。\n"
    r = _text(tmp_path, "a.txt", text)
    assert not _errors(r)
    assert set(_keys(r, "expense.total")) == {Decimal("13476400")}
    assert _status(r, "29.11%") == {"verified"}
    wrong = _text(tmp_path, "b.txt", text.replace("下降29.11%", "下降30.11%"))
    assert [f.stated for f in wrong.findings if f.rule == "growth-rate" and f.severity == "error"] == ["30.11%"]


# 行政运行（项）: 年初预算 191.83, 决算 219.92 (the table's); 219.92 ÷ 191.83 = 114.64%.
ITEM = ("某某市市场监督管理局2024年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n按支出功能分类科目，具体情况如下：\n"
        "1.一般公共服务支出（类）市场监督管理事务（款）行政运行（项）年初预算为191.83万元，支出决算为219.92万元，"
        "完成年初预算的114.64%。\n"
        "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t决算数合计\t基本支出\t项目支出\n"
        "\t合计\t219.92\t219.92\t\n201\t一般公共服务支出\t219.92\t219.92\t\n20138\t市场监督管理事务\t219.92\t219.92\t\n"
        "2013801\t行政运行\t219.92\t219.92\t\n")


def test_an_items_budget_before_its_final_figure(tmp_path: Path) -> None:
    r = _text(tmp_path, "a.txt", ITEM)
    assert not _errors(r)
    key = "gpb.func.一般公共服务/市场监督管理事务/行政运行"
    assert set(_keys(r, key)) == {Decimal("2199200")}  # the text's and the table's
    assert set(_keys(r, key + ".budget")) == {Decimal("1918300")}
    wrong = _text(tmp_path, "b.txt", ITEM.replace("支出决算为219.92万元", "支出决算为229.92万元")
                  .replace("114.64%", "119.86%"))  # 229.92 ÷ 191.83 = 119.86%: only the table disagrees
    assert [f.stated for f in wrong.findings if f.rule == "table-text" and f.severity == "error"] == ["229.92万元"]


def test_a_tab_table_row_that_fills_one_cell(tmp_path: Path) -> None:
    # "政府性基金预算拨款收入\t" (its figure blank) is a row of the table, not a paragraph that cuts it in two.
    text = ("某某局2021年部门预算\n2021年收入总计17,569,662.00元。\n附表1-部门收支总体情况表\n单位：元\n"
            "项目\t预算数\n一般公共预算拨款收入\t17,388,257\n政府性基金预算拨款收入\t\n事业收入\t110,005\n"
            "其他收入\t71,400\n本年收入合计\t17,569,662\n上年结转\t\n收入总计\t17,569,662\n")
    r = _text(tmp_path, "a.txt", text)
    assert not _errors(r)
    [table] = [t for t in r.facts if t.key == "income.total" and t.loc.table is not None]
    assert table.value_yuan == Decimal("17569662")
    wrong = _text(tmp_path, "b.txt", text.replace("收入总计17,569,662.00元", "收入总计17,596,662.00元"))
    assert [f.rule for f in wrong.findings if f.severity == "error"] == ["table-text"]


# A final's 三公 table in two column groups; the 决算数 group is the year's: 0 + 42,607.88 + 27,423.62 = 70,031.50.
GROUPS = """<html><body><p>某某档案馆2021年度部门决算</p>
<p>2021年度财政拨款“三公”经费支出7.00万元，其中：因公出国（境）费0.00万元，公务用车购置及运行费4.26万元，公务接待费2.74万元。</p>
<p>财政拨款“三公”经费支出决算表</p><table>
<tr><td colspan="12">单位：元</td></tr>
<tr><th colspan="6">预算数</th><th colspan="6">决算数</th></tr>
<tr><th>合计</th><th>因公出国（境）费</th><th>公务用车购置及运行费</th><th>其中：公务用车购置费</th><th>其中：公务用车运行费</th>
<th>公务接待费</th><th>合计</th><th>因公出国（境）</th><th>公务用车购置及运行费</th><th>其中：公务用车购置费</th>
<th>其中：公务用车运行费</th><th>公务接待费</th></tr>
<tr><td>94,849.24</td><td>17,771.16</td><td>47,744.19</td><td>0.00</td><td>47,744.19</td><td>29,333.89</td>
<td>70,031.50</td><td>0.00</td><td>42,607.88</td><td>0.00</td><td>42,607.88</td><td>27,423.62</td></tr>
</table></body></html>"""


def test_a_sangong_table_of_budget_and_final_column_groups(tmp_path: Path) -> None:
    # The 决算 group's 因公出国（境） lost its 费 (as a PDF header line may): no column of the budget group
    # stands in for it.
    p = tmp_path / "a.html"
    p.write_text(GROUPS, encoding="utf-8")
    r = check(p)
    assert not _errors(r)
    table = [f for f in r.facts if f.loc.table is not None and f.key.startswith("sangong.")]
    assert {(f.key, f.value_yuan) for f in table} == {
        ("sangong.total", Decimal("70031.50")), ("sangong.vehicle", Decimal("42607.88")),
        ("sangong.vehicle_purchase", Decimal("0.00")), ("sangong.vehicle_operation", Decimal("42607.88")),
        ("sangong.reception", Decimal("27423.62"))}


# 云南's 三公 table of period rows beside 机关运行经费: 决算数 0.00 + 6.16 + 2.76 = 8.92; 预算数 0 + 6.32 + 3.02 = 9.34.
ROWS = """<html><body><p>某某县统计局2022年度部门决算</p><p>2022年度财政拨款“三公”经费支出决算为8.92万元。</p>
<p>财政拨款“三公”经费、行政参公单位机关运行经费情况表</p><table>
<tr><td colspan="8">单位：万元</td></tr>
<tr><th rowspan="2">项目</th><th rowspan="2">合计</th><th rowspan="2">因公出国（境）费</th><th colspan="3">公务用车购置及运行费</th>
<th rowspan="2">公务接待费</th><th rowspan="2">机关运行经费</th></tr>
<tr><th>小计</th><th>公务用车购置费</th><th>公务用车运行费</th></tr>
<tr><td>预算数</td><td>9.34</td><td>0.00</td><td>6.32</td><td>0.00</td><td>6.32</td><td>3.02</td><td></td></tr>
<tr><td>决算数</td><td>8.92</td><td>0.00</td><td>6.16</td><td>0.00</td><td>6.16</td><td>2.76</td><td>67.50</td></tr>
</table></body></html>"""


def test_a_sangong_table_of_period_rows(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(ROWS, encoding="utf-8")
    r = check(p)
    assert not _errors(r)
    assert {f.value_yuan for f in r.facts if f.key == "sangong.total" and f.loc.table is not None} == {Decimal("89200")}
    p2 = tmp_path / "b.html"
    p2.write_text(ROWS.replace("<td>决算数</td><td>8.92</td>", "<td>决算数</td><td>8.38</td>"), encoding="utf-8")
    rules = [f.rule for f in check(p2).findings if f.severity == "error"]
    assert "table-row-total" in rules and "table-text" in rules


# An 一般公共预算支出表 with 上年预算数 before 本年支出合计 | 基本支出 | 项目支出 (blank for nothing).
BLANKS = ("某某局2024年部门预算\n五、一般公共预算支出情况表\n单位：万元\n"
          "| 科目编码 | 科目名称 | 上年预算数 | 本年支出合计 | 基本支出 | 项目支出 |\n"
          "|  | 合计 | 141.31 | 142.72 | 142.72 |  |\n"
          "| 210 | 卫生健康支出 | 49.21 | 45.36 | 45.36 |  |\n| 21011 | 行政事业单位医疗 | 49.21 | 45.36 | 45.36 |  |\n"
          "| 2101101 | 行政单位医疗 | 49.21 | 45.36 | 45.36 |  |\n"
          "| 221 | 住房保障支出 | 92.10 | 97.36 | 97.36 |  |\n| 22102 | 住房改革支出 | 92.10 | 97.36 | 97.36 |  |\n"
          "| 2210201 | 住房公积金 | 92.10 | 97.36 | 97.36 |  |\n")


def test_a_blank_part_of_a_parent_row(tmp_path: Path) -> None:
    # 本年支出合计 = 基本支出 + 项目支出 beside 上年预算数: 45.36 = 45.36 + blank. With 21011's 基本支出 left blank,
    # 2101101 gives 45.36 for it and its own 本年支出合计 is 45.36: the cell is missing.
    assert not _errors(_text(tmp_path, "a.txt", BLANKS))
    row = "| 21011 | 行政事业单位医疗 | 49.21 | 45.36 | 45.36 |  |"
    r = _text(tmp_path, "b.txt", BLANKS.replace(row, "| 21011 | 行政事业单位医疗 | 49.21 | 45.36 |  |  |"))
    [f] = [f for f in r.findings if f.severity == "error"]
    assert (f.rule, f.stated, f.expected) == ("table-row-total", "（空白）", "45.36")
    # 22102's 上年预算数 blank: 2210201 gives 92.10, and so does 221 (it has no other 款).
    row = "| 22102 | 住房改革支出 | 92.10 |"
    r = _text(tmp_path, "c.txt", BLANKS.replace(row, "| 22102 | 住房改革支出 |  |"))
    [f] = [f for f in r.findings if f.severity == "error"]
    assert (f.rule, f.stated, f.expected) == ("table-hierarchy", "（空白）", "92.10")


# A final lists the 三公 items of its 决算 (4.00 + 1.85 + 0.74 = 6.59), after the 年初预算 7.36.
SANGONG_LIST = ("某某局2024年度部门决算\n"
                "2024年度财政拨款“三公”经费支出年初预算为7.36万元，支出决算为6.59万元，完成预算的89.54%。其中：\n"
                "1.因公出国（境）费4.00万元，与2023年决算数相比持平。\n"
                "2.公务用车购置及运行费1.85万元。\n"
                "3.公务接待费0.74万元，比2023年决算数1.02万元减少0.28万元，下降27.45%。\n")


def test_the_items_of_a_finals_list_are_its_final_figures(tmp_path: Path) -> None:
    # 1.02 − 0.74 = 0.28; 0.28 ÷ 1.02 = 27.45%. Written 增加…增长 the direction contradicts the figures.
    r = _text(tmp_path, "a.txt", SANGONG_LIST)
    assert not _errors(r)
    assert set(_keys(r, "sangong.reception")) == {Decimal("7400")}
    wrong = _text(tmp_path, "b.txt", SANGONG_LIST.replace("减少0.28万元，下降27.45%", "增加0.28万元，增长27.45%"))
    assert "change-direction" in [f.rule for f in wrong.findings if f.severity == "error"]


def test_a_comparison_year_with_the_base_amount_between(tmp_path: Path) -> None:
    text = "某某局2024年部门预算\n公务接待费24618.35元，比2023年预算数19313.00元增加5305.35元，增长27.47%。\n"
    # 5,305.35 ÷ 19,313.00 = 27.47%
    assert _right_then_wrong(tmp_path, text, "比2023年", "比2022年") == [("comparison-year", "2022")]


# 资金总额 = 1,863.28 + 139.07 = 2,002.35 = 支出总计, the unit on the line above the table; 部门预算总额（万元）: the
# label names the total and carries the unit (640.69 + 677.33 = 1,318.02 ≈ 1,318.01, rounded parts = 支出总计).
# Printed 2,122.49 / 1,397.11 the total is no budget figure of the document.
PERFORMANCE = [
    # 资金来源: 财政性资金 988.96 + 其他资金 30.02 = 1,018.98 = 部门预算总额, printed 98.96 the sources fall short.
    ("某某局2023年部门预算\n2023年收入总计1018.98万元，支出总计1018.98万元。\n"
     "部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t1018.98\t182.19\t836.79\n"
     "部门整体支出绩效目标表（2023年度）\n预算情况\t部门预算总额（万元）\t1018.98\n\t1.资金来源：（1）财政性资金\t988.96\n"
     "\t（2）其他资金\t30.02\n\t2.资金结构：（1）基本支出\t182.19\n\t（2）项目支出\t836.79\n",
     "财政性资金\t988.96", "财政性资金\t98.96"),
    ("某某局2023年部门预算\n2023年收入总计2002.35万元，支出总计2002.35万元。\n"
     "部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t2002.35\t1271.03\t731.32\n"
     "附表10-部门整体支出绩效目标表\n单位：万元\n项目\t内容\n年度资金总额\t2002.35\n其中：财政拨款\t1863.28\n其他资金\t139.07\n",
     "年度资金总额\t2002.35", "年度资金总额\t2122.49"),
    ("某某局2025年部门预算\n2025年收入总计1318.01万元，支出总计1318.01万元。\n"
     "部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t1318.01\t640.69\t677.33\n"
     "部门整体支出绩效目标表（2025年度）\n预算情况\t部门预算总额（万元）\t1318.01\n"
     "\t2.资金结构：（1）基本支出\t640.69\n\t（2）项目支出\t677.33\n",
     "部门预算总额（万元）\t1318.01", "部门预算总额（万元）\t1397.11"),
]


@pytest.mark.parametrize(("text", "old", "new"), PERFORMANCE, ids=["sources", "unit-line-above", "unit-in-label"])
def test_the_funds_of_a_performance_table(tmp_path: Path, text: str, old: str, new: str) -> None:
    found = _right_then_wrong(tmp_path, text, old, new)
    # the sources' finding names the whole (1,018.98, the sum 128.98 beside it); the others the wrong total
    assert found == [("performance-dept-funds", "1018.98" if "财政性资金" in old else new.split("\t")[-1])]


def test_a_header_printed_as_a_line_above_the_tables_rows(tmp_path: Path) -> None:
    # The header "项目 2020年预算数 2021年预算数" at the foot of one page, the rows on the next: the 2021 column is
    # the year's (135,300.00 元 = 13.53万元), not the first column of figures (104,100.00, last year's).
    text = ("某某局2021年部门预算\n2021年“三公”经费预算18.09万元，其中：公务用车购置及运行维护费预算13.53万元，"
            "公务接待费预算4.56万元。\n2021年一般公共预算“三公”经费支出表\n单位：元\n项目 2020年预算数 2021年预算数\n"
            "合计\t142,800.00\t180,900.00\n1.因公出国（境）费\t0.00\t0.00\n"
            "2.公务用车购置及运行维护费\t104,100.00\t135,300.00\n3.公务接待费\t38,700.00\t45,600.00\n")
    r = _text(tmp_path, "a.txt", text)
    assert not _errors(r)
    assert {f.value_yuan for f in r.facts if f.key == "sangong.vehicle" and f.loc.table is not None} == {
        Decimal("135300.00")}


def test_counts_in_the_performance_section_and_a_fleet_listed_in_full(tmp_path: Path) -> None:
    # 绩效目标设置情况 counts its projects and names them in the next sentence: 4 said, 3 named (a closed list).
    # A fleet listed kind by kind down to 其他用车 leaves nothing out: 0 + 1 + 1 + 2 = 4, not the 6 stated.
    text = ("某某局2021年部门预算\n十二、国有资产占用情况\n截至2020年12月31日，本部门共有车辆6辆，其中：一般公务用车0辆、"
            "应急保障用车1辆、执法执勤用车1辆、其他用车2辆。\n十三、绩效目标设置情况\n按照预算绩效管理要求，本部门2021年共4个"
            "项目实行绩效目标管理，涉及一般公共预算项目支出615.69万元。具体包括：烈士纪念设施维护经费、退役军人技能培训补助、"
            "退役军人服务站运行经费。\n")
    r = _text(tmp_path, "a.txt", text)
    assert sorted((f.stated, f.expected) for f in r.findings if f.rule == "count-breakdown") == [
        ("4个", "3个"), ("6辆", "4辆")]
    right = _text(tmp_path, "b.txt", text.replace("共有车辆6辆", "共有车辆4辆").replace("共4个", "共3个"))
    assert not [f for f in right.findings if f.rule == "count-breakdown"]


def test_a_figure_set_whole_on_the_next_pdf_line(tmp_path: Path) -> None:
    # "…770.34万元，占" stops short of the margin because "82.60%" did not fit there: the lines are one sentence,
    # and 770.34 ÷ 893.71 = 86.20%, not 82.60%.
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "a.pdf"
    c = canvas.Canvas(str(path))
    size, left, font = 10.5, 50.0, "STSong-Light"
    first = "一般公共预算支出893.71万元，按支出功能分类，公共安全支出（类）770.34万元，占"
    # The right margin: a line wider than the first by most of the figure ("82.60" of "82.60%").
    c.setFont(font, size)
    c.drawString(left, 800, "某某局2024年部门预算：一般公共预算支出情况说明如下，各项数字均以万元为计量单位。")
    c.drawString(left, 780, first)
    c.drawString(left, 760, "82.60%；社会保障和就业支出（类）123.37万元，占13.80%。")
    c.save()
    text = [b.text for b in load(path).blocks]
    assert any("占82.60%；社会保障" in t for t in text)
    r = check(path)  # a warning: the sentence does not name the base its shares are of
    assert [(f.stated, f.expected) for f in r.findings if f.rule == "share"] == [("82.60%", "86.20%")]


def test_last_years_figure_after_the_quantitys_name(tmp_path: Path) -> None:
    # "财政拨款收支总预算2023年预算数686.20万元" in a 2024 budget: last year's; 754.76 − 686.20 = 68.56 (9.99%).
    text = ("某某局2024年部门预算\n2024年财政拨款收支总预算754.76万元。财政拨款收支总预算2023年预算数686.20万元；"
            "增加68.56万元，上升9.99%。\n")
    r = _text(tmp_path, "a.txt", text)
    assert not _errors(r)
    assert _status(r, "9.99%") == {"verified"}
    assert Decimal("6862000") not in _keys(r, "fiscal.income.total")


def test_the_budget_column_of_a_sangong_table_adds_up_too(tmp_path: Path) -> None:
    # 项目 | 预算数 | 决算数: the 预算数 column too is 0.00 + 1.12 + 3.55 = 4.67; printed 5.68 it is wrong.
    text = ("某某局2023年度部门决算\n2023年财政拨款“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\n"
            "“三公”经费合计\t4.67\t4.03\n1、因公出国（境）费\t0.00\t0.00\n2、公务用车购置及运行费\t1.12\t1.09\n"
            "3、公务接待费\t3.55\t2.94\n")
    assert _right_then_wrong(tmp_path, text, "合计\t4.67", "合计\t5.68") == [("table-identity", "5.68")]


def test_people_by_their_kind_of_post(tmp_path: Path) -> None:
    # "在职人员79人中，行政人员40人，事业人员39人": 40 + 39 = 79; written 41 the kinds exceed the whole.
    text = "某某局2024年部门预算\n本部门实有人员90人。在职人员79人中，行政人员40人，事业人员39人。\n"
    assert not [f for f in _text(tmp_path, "a.txt", text).findings if f.rule == "count-breakdown"]
    wrong = _text(tmp_path, "b.txt", text.replace("行政人员40人", "行政人员41人"))
    assert [(f.stated, f.expected) for f in wrong.findings if f.rule == "count-breakdown"] == [("79人", "≥80人")]
