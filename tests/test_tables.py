"""Tables read as tables: classification sums, row totals and table-vs-text, on DOCX/XLSX/HTML
documents generated here, and on the real Shanghai PDF (figures read by hand from its pages)."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from budgetdoc import check

TEXT = ["某某局2020年度部门决算", "第二部分 2020年度部门决算情况说明",
        "一、一般公共预算财政拨款支出决算情况说明",
        "2020年一般公共预算财政拨款支出332.77万元，占本年支出合计的100%。"]
# 一般公共预算财政拨款支出决算表 (万元): 合计 = Σ类, 类 = Σ款, 款 = Σ项; 合计 = 基本 + 项目
TABLE = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
         ["", "合计", "332.77", "221.27", "111.50"],
         ["201", "一般公共服务支出", "281.99", "170.49", "111.50"],
         ["20103", "政府办公厅（室）及相关机构事务", "281.99", "170.49", "111.50"],
         ["2010301", "行政运行", "77.74", "77.74", ""],
         ["2010302", "一般行政管理事务", "111.50", "", "111.50"],
         ["2010350", "事业运行", "92.75", "92.75", ""],
         ["221", "住房保障支出", "50.78", "50.78", ""],
         ["22102", "住房改革支出", "50.78", "50.78", ""],
         ["2210201", "住房公积金", "50.78", "50.78", ""]]


def _docx(path: Path, table: list[list[str]], text: list[str] = TEXT) -> Path:
    d = docx.Document()
    for line in text:
        d.add_paragraph(line)
    d.add_paragraph("一般公共预算财政拨款支出决算表")
    d.add_paragraph("单位：万元")
    t = d.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    d.save(path)
    return path


def test_correct_table_has_no_finding(tmp_path: Path) -> None:
    r = check(_docx(tmp_path / "ok.docx", TABLE))
    assert r.findings == []
    keys = {f.key: f.value_yuan for f in r.facts if f.loc.table}
    assert str(keys["gpb.func.2010301"]) == "777400.00"
    assert str(keys["gpb.func.一般公共服务/政府办公厅(室)及相关机构事务/行政运行"]) == "777400.00"


def test_planted_table_defects_found_with_cell(tmp_path: Path) -> None:
    bad = [row[:] for row in TABLE]
    bad[4][2] = "87.74"  # 行政运行: the 款 20103 (281.99) no longer equals 87.74 + 111.50 + 92.75 = 291.99
    bad[8][3] = "40.78"  # 住房改革支出: 合计 50.78 ≠ 基本 40.78 + 项目 0
    r = check(_docx(tmp_path / "bad.docx", bad))
    found = {(f.rule, f.evidence[0].loc.row, f.evidence[0].loc.col, f.stated, f.expected) for f in r.findings}
    # The wrong cells are named, one finding each: 行政运行's 合计 (its 基本支出 77.74 and 20103's
    # 281.99 − 111.50 − 92.75 both say 77.74), and 住房改革支出's 基本支出 (its 合计 50.78, 221 above
    # and 2210201 below all say 50.78) — not 20103's 合计 or 22102's 合计, which agree with the rest.
    assert found == {("table-hierarchy", 5, 3, "87.74", "77.74"), ("table-hierarchy", 9, 4, "40.78", "50.78")}


def test_text_disagreeing_with_table(tmp_path: Path) -> None:
    text = [*TEXT[:3], "2020年一般公共预算财政拨款支出332.77万元。",
            "1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：支出决算为79.74万元。"]
    r = check(_docx(tmp_path / "t.docx", TABLE, text))
    f = next(f for f in r.findings if f.rule == "table-text")
    assert (f.stated, f.expected) == ("79.74万元", "77.74万元")
    assert f.evidence[0].loc.paragraph == 5 and f.evidence[1].loc.table == 1


def test_xlsx_table_cells(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "支出表"
    ws.append(["一般公共预算财政拨款支出决算表"])
    ws.append(["单位：万元"])
    bad = [row[:] for row in TABLE]
    bad[2][2] = "280.99"  # 201 ≠ its 款 20103 (281.99)
    for row in bad:
        ws.append(row)
    p = tmp_path / "t.xlsx"
    wb.save(p)
    r = check(p)
    f = next(f for f in r.findings if f.rule == "table-hierarchy")
    assert f.evidence[0].loc.sheet == "支出表" and f.evidence[0].loc.cell == "C5"


REAL = Path(__file__).resolve().parents[2] / "shared" / "real" / "shanghai-putuo-caizhengju-2025-budget.pdf"


def test_real_shanghai_tables() -> None:
    if not REAL.exists():
        pytest.skip("real PDFs not available")
    r = check(REAL)
    facts: dict = {}
    for f in r.facts:
        if f.loc.table:
            facts.setdefault(f.key, f)
    # page 10, 部门收入预算总表: 2010601 行政运行 16,231,840.80 元
    assert str(facts["func.2010601"].value_yuan) == "16231840.80" and facts["func.2010601"].loc.page == 10
    # the text (page 7) says 行政单位医疗 78.21万元; the table says 782,164.00元 = 78.2164万元 -> 78.22
    f = next(f for f in r.findings if f.rule == "table-text" and f.stated == "78.21万元")
    assert f.severity == "warning"
    # The one error: the text's 职业年金缴费 887.36万元 (pages 7, 8) against 873,617.00元 in three tables (87.36万元).
    assert [(f.rule, f.stated) for f in r.findings if f.severity == "error"] == [("table-text", "887.36万元")]


def test_summary_table_identity(tmp_path: Path) -> None:
    """A two-column 收支总表: income items on the left, expenditure on the right, in one table."""
    summary = [["收入", "", "支出", ""], ["项目", "决算数", "项目", "决算数"],
               ["一般公共预算财政拨款收入", "376.83", "基本支出", "221.33"],
               ["其他收入", "0", "项目支出", "155.50"],
               ["本年收入合计", "376.83", "本年支出合计", "376.83"],
               ["年初结转和结余", "7.66", "年末结转和结余", "7.66"],
               ["收入总计", "384.49", "支出总计", "384.49"]]
    d = docx.Document()
    d.add_paragraph("某某局2020年度部门决算")
    d.add_paragraph("收入支出决算总表")
    d.add_paragraph("单位：万元")
    t = d.add_table(rows=len(summary), cols=4)
    for r, row in enumerate(summary):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    ok = tmp_path / "ok.docx"
    d.save(ok)
    assert [f.rule for f in check(ok).findings] == []
    t.cell(6, 3).text = "384.94"  # 支出总计 ≠ 收入总计 (and ≠ 本年支出合计 + 年末结转)
    bad = tmp_path / "bad.docx"
    d.save(bad)
    hits = [f for f in check(bad).findings if f.rule == "table-identity"]
    assert hits and all(f.evidence[0].loc.table == 1 for f in hits)
    assert any(f.stated == "384.94万元" for f in hits)
