"""Key figures (收入总计, 支出总计, 基本支出, 项目支出, 三公经费, 机关运行经费, 政府采购): the first fact of
each key is the department's all-funds figure of the report year, read from the standard tables by
their total rows (and recognised by content when their title says nothing) or from the text.

Real files of five templates (values read by hand from the pages named), and documents generated here.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from budgetdoc import check
from budgetdoc.analysis import analyse
from budgetdoc.load import load
from budgetdoc.model import CheckResult

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _doc(rel: str) -> CheckResult:
    p = SHARED / rel
    if not p.exists():
        pytest.skip(f"{p} not available")
    return check(p)


def _first(r: CheckResult) -> dict[str, tuple[Decimal, int | None]]:
    out: dict[str, tuple[Decimal, int | None]] = {}
    for f in r.facts:
        out.setdefault(f.key, (f.value_yuan, f.loc.page))
    return out


def test_shanghai_tables_in_yuan_beside_text_in_wan() -> None:
    # p7 财务收支预算总表 (元): 支出总计 195,774,300; p11 支出预算总表 合计 195,774,300 | 175,071,300 |
    # 20,703,000 — 基本支出 is a column of whole yuan (7-9 digits), not a code column. The text rounds to
    # 万元 (收入预算19,577万元); the document's unit is the tables' 元.
    r = _doc("corpus/001_上海/2026年上海市审计局_部门预算.pdf")
    first = _first(r)
    assert r.metadata.unit == "元"
    assert first["expense.total"] == (Decimal("195774300"), 7)
    assert first["expense.basic"] == (Decimal("175071300"), 11)
    assert first["expense.project"] == (Decimal("20703000"), 11)
    # p14 一般公共预算支出功能分类预算表: the same figures under the gpb scope, not the all-funds key.
    assert first["gpb.expense.basic"] == (Decimal("175071300"), 14)


def test_shanghai_blank_operating_cost_column_is_zero() -> None:
    # p20 三公经费和机关运行经费预算表: 合计 67.59, the 机关运行经费预算数 column blank; p21 "本单位无机关运行经费".
    first = _first(_doc("corpus/001_上海/2026年上海市交通运输局_部门预算.pdf"))
    assert first["sangong.total"] == (Decimal("675900.00"), 20)
    assert first["operating_cost"] == (Decimal("0"), 20)


def test_chongqing_bare_total_rows_and_procurement_table() -> None:
    # p6 部门收支总体情况表: "合 计 14,770.62 合 计 14,770.62" printed above the items (no 收入总计 row);
    # p9 部门支出总体情况表 合计 14,770.62 | 5,838.39 | 8,932.23; p18 政府采购预算明细表 合计 947.00.
    first = _first(_doc("corpus/004_重庆/2026年重庆市气象局部门预算.pdf"))
    assert first["income.total"] == (Decimal("147706200.00"), 6)
    assert first["expense.total"] == (Decimal("147706200.00"), 6)
    assert first["expense.basic"] == (Decimal("58383900.00"), 9)
    assert first["expense.project"] == (Decimal("89322300.00"), 9)
    assert first["procurement.total"] == (Decimal("9470000.00"), 18)


def test_chongqing_items_of_the_gpb_sentence_are_gpb() -> None:
    # p4: "一般公共预算财政拨款支出 37891.58 万元…。其中:基本支出 12899.62 万元…项目支出24991.96 万元":
    # the list itemises the gpb expenditure; the all-funds figures are the p12 支出总体情况表's.
    r = _doc("corpus/004_重庆/2026年重庆市委宣传部部门预算.pdf")
    first = _first(r)
    assert first["expense.basic"] == (Decimal("132361800.00"), 12)
    text = {f.key: f.value_yuan for f in r.facts if f.loc.table is None and f.key.endswith("expense.basic")}
    assert text == {"gpb.expense.basic": Decimal("128996200.00")}


def test_quanzhou_grand_total_named_shouyi_heji_and_wrapped_labels() -> None:
    # p13 收支预算总表: 本年收入合计 15184.81, 上年结转结余 0.00, 收入合计 15184.81 (the grand total);
    # p38: "…政府采购预算总额" / "5514.93 万元" and "…一般公共预算拨款安排" / "的机关运行经费支出 758.24 万元"
    # wrapped over two lines.
    r = _doc("corpus/021_泉州/2026年泉州市人民政府办公室部门预算.pdf")
    first = _first(r)
    assert first["income.total"] == (Decimal("151848100.00"), 13)
    assert first["expense.total"] == (Decimal("151848100.00"), 13)
    assert first["procurement.total"] == (Decimal("55149300.00"), 38)
    assert first["operating_cost"] == (Decimal("7582400.00"), 38)
    # p17 一般公共预算拨款支出预算表 is the gpb table (its 合计 10984.81 is no all-funds figure).
    assert first["expense.current_year"] == (Decimal("151848100.00"), 13)
    # (p24's text states it too: "一般公共预算拨款支出10984.81万元", the same figure.)
    assert {(f.value_yuan, f.loc.page) for f in r.facts if f.key == "gpb.expense.current_year"} == \
        {(Decimal("109848100.00"), 17), (Decimal("109848100.00"), 24)}


def test_suzhou_sangong_operating_and_procurement_tables() -> None:
    # p18 三公经费、会议费、培训费支出表: 三公经费合计 10.00; p21 机关运行经费支出预算表 合计 395.60 (its
    # note mentions 基本支出: still the 运行经费 table); p22 公开13表 = 政府采购支出表 合计 188.50.
    first = _first(_doc("corpus/006_苏州/2026年苏州市审计局部门预算.pdf"))
    assert first["sangong.total"] == (Decimal("100000.00"), 18)
    assert first["operating_cost"] == (Decimal("3956000.00"), 21)
    assert first["procurement.total"] == (Decimal("1885000.00"), 22)


def test_putuo_summary_continued_on_a_page_without_header() -> None:
    # p6-7 收入支出决算总表: the second page opens with "使用非财政拨款结余 | | 结余分配 |" (labels only)
    # and ends "总计 2995.39 | 总计 2995.39"; 年初结转和结余 49.14, 年末结转和结余 55.34.
    first = _first(_doc("real/putuo-caizhengju-2024-final.pdf"))
    assert first["income.total"] == (Decimal("29953900.00"), 7)
    assert first["expense.total"] == (Decimal("29953900.00"), 7)
    assert first["income.carryover_begin"] == (Decimal("491400.00"), 7)
    assert first["expense.carryover_end"] == (Decimal("553400.00"), 7)


# ------------------------------------------------------------------------------------------ generated

SUMMARY_ROWS = [["收入", "", "支出", ""],
                ["项目", "预算数", "项目", "预算数"],
                ["一、一般公共预算拨款收入", "1,200.50", "一、一般公共服务支出", "1,000.00"],
                ["二、其他收入", "100.00", "二、住房保障支出", "300.50"],
                ["本年收入合计", "1,300.50", "本年支出合计", "1,300.50"],
                ["上年结转结余", "20.00", "结转下年", "20.00"],
                ["收入总计", "1,320.50", "支出总计", "1,320.50"]]
EXPENSE_ROWS = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
                ["", "合计", "1,300.50", "800.25", "500.25"],
                ["201", "一般公共服务支出", "1,000.00", "499.75", "500.25"],
                ["221", "住房保障支出", "300.50", "300.50", ""]]


def _html_table(rows: list[list[str]]) -> str:
    return "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"


def test_summary_recognised_by_its_rows_whatever_its_title(tmp_path: Path) -> None:
    """A 收支总表 under a title that names no table (附表1) is still the 收支总表: its rows carry both
    grand totals. Its figures are all-funds; a 支出总表 gives 基本/项目 from its 合计 row."""
    page = ("<html><body><p>某某局2026年部门预算</p><p>附表1</p><p>单位：万元</p>" + _html_table(SUMMARY_ROWS)
            + "<p>附表3 支出预算总表</p><p>单位：万元</p>" + _html_table(EXPENSE_ROWS) + "</body></html>")
    p = tmp_path / "budget.html"
    p.write_text(page, encoding="utf-8")
    first = _first(check(p))
    assert first["income.total"][0] == Decimal("13205000.00")
    assert first["expense.total"][0] == Decimal("13205000.00")
    assert first["income.current_year"][0] == Decimal("13005000.00")
    assert first["expense.basic"][0] == Decimal("8002500.00")
    assert first["expense.project"][0] == Decimal("5002500.00")


def test_fiscal_summary_recognised_by_content_keeps_its_scope(tmp_path: Path) -> None:
    """The same rows under a header naming 财政拨款 are the 财政拨款收支总表: fiscal.* keys, no all-funds figure."""
    rows = [["财政拨款收入", "", "财政拨款支出", ""], *SUMMARY_ROWS[1:]]
    d = docx.Document()
    d.add_paragraph("某某局2026年部门预算")
    d.add_paragraph("表四")
    t = d.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    p = tmp_path / "fiscal.docx"
    d.save(p)
    first = _first(check(p))
    assert first["fiscal.income.total"][0] == Decimal("13205000.00")
    assert "income.total" not in first


def test_two_period_columns_take_the_final_figure(tmp_path: Path) -> None:
    """A final account's 三公 table prints 预算数 | 决算数 per item: the 合计 row's 决算数 is the figure,
    and a blank 决算数 is not replaced by the 预算数 beside it."""
    head = "<tr>" + "".join(f"<td colspan='2'>{h}</td>" for h in ("合计", "因公出国（境）费", "公务接待费")) + "</tr>"
    rows = [["预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
            ["12.00", "10.50", "5.00", "", "7.00", "10.50"]]
    page = ("<html><body><p>某某局2025年度部门决算</p><p>财政拨款“三公”经费支出决算表</p><p>单位：万元</p>"
            + _html_table(rows).replace("<table>", "<table>" + head) + "</body></html>")
    p = tmp_path / "final.html"
    p.write_text(page, encoding="utf-8")
    facts = check(p).facts
    first = _first(check(p))
    assert first["sangong.abroad"][0] == Decimal("0")  # blank in every row: 0, not the 预算数 5.00
    assert first["sangong.total"][0] == Decimal("105000.00")
    assert first["sangong.reception"][0] == Decimal("105000.00")
    assert not [f for f in facts if f.key.startswith("sangong") and f.value_yuan in (Decimal("120000.00"),
                                                                                     Decimal("50000.00"))]


def test_expense_table_recognised_by_its_columns_before_the_fiscal_tables(tmp_path: Path) -> None:
    """An untitled table of 基本支出 | 项目支出 columns over 功能分类 codes is the 支出总表 when it comes
    before the tables of a funding scope; after the 财政拨款收支总表 the same layout is a 财政拨款 table
    (一般公共预算支出表), which gives no all-funds figure."""
    fiscal = [["财政拨款收入", "", "财政拨款支出", ""], *SUMMARY_ROWS[1:]]
    gpb = [EXPENSE_ROWS[0], ["", "合计", "1,200.50", "700.25", "500.25"], *EXPENSE_ROWS[2:]]

    def page(*tables: list[list[str]]) -> Path:
        body = "".join(f"<p>附表{i}</p><p>单位：万元</p>{_html_table(t)}" for i, t in enumerate(tables, 1))
        p = tmp_path / f"b{len(tables)}-{len(tables[0])}.html"
        p.write_text(f"<html><body><p>某某局2026年部门预算</p>{body}</body></html>", encoding="utf-8")
        return p

    first = _first(check(page(SUMMARY_ROWS, EXPENSE_ROWS, fiscal, gpb)))
    assert first["expense.basic"][0] == Decimal("8002500.00")
    assert first["expense.project"][0] == Decimal("5002500.00")
    first = _first(check(page(SUMMARY_ROWS, fiscal, gpb)))
    assert "expense.basic" not in first and "expense.project" not in first


def test_small_whole_yuan_are_money_not_codes() -> None:
    # p8 收入预算总表 (元): "208 社会保障和就业支出 2,616,003 | 2,615,505 | 498" — the 其他收入 498 (3 digits,
    # like a 类 code) is money under its money header; the row adds up (2,615,505 + 498), no finding.
    rel = "corpus/001_上海/2026年上海市生态环境局_部门预算.pdf"
    r = _doc(rel)
    assert not [f for f in r.findings if f.rule == "table-row-total"]
    income = next(t for t in analyse(load(SHARED / rel)).tables if t.type == "income")
    other = next(c for c in income.columns.values() if c.name == "其他收入")
    assert other.role == "amount"
    assert Decimal("498") in {r.values[other.index].value for r in income.rows if other.index in r.values}
