"""Classes of false errors seen on unseen documents (issue 18), each on a document built here: the
misread must not fire, and the true defect of the same shape still must."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from test_table_layouts import HEAD, MERGES, _pdf

from budgetdoc import check


def _errors(path: Path, rule: str) -> list[tuple[str, str]]:
    return [(f.stated, f.message) for f in check(path).findings if f.rule == rule and f.severity == "error"]


def _text(tmp_path: Path, body: str, title: str = "某某局2026年部门预算") -> Path:
    p = tmp_path / "t.txt"
    p.write_text(title + "\n" + body, encoding="utf-8")
    return p


# ---- a share's total is never a sibling item of the same list ----

# 60.00 ÷ 201.00 = 29.85%, 11.00 ÷ 201.00 = 5.47%, 130.00 ÷ 201.00 = 64.68%.
TOTAL = "2026年支出预算201.00万元，比上年增加10.00万元"
USES = "包括人员支出60.00万元，占29.9%；日常公用支出11.00万元，占{b}%；项目支出130.00万元，占64.7%。"


def test_share_of_a_list_is_not_divided_by_the_item_before(tmp_path: Path) -> None:
    # The list after the total's paragraph names no total: 11.00 ÷ 60.00 (the item before, with a
    # share of its own) is not what 占5.5% claims.
    assert _errors(_text(tmp_path, f"{TOTAL}。\n2.按支出用途分类，{USES.format(b='5.5')}"), "share") == []
    # Opened by the total itself (…，其中：), the list's shares are of it: 5.47%, not 15.5%.
    other = tmp_path / "o"
    other.mkdir()
    found = _errors(_text(other, f"{TOTAL}，其中：{USES.format(b='15.5')}"), "share")
    assert [s for s, _ in found] == ["15.5%"] and "201.00" in found[0][1]


def test_share_of_a_guessed_total_is_a_warning(tmp_path: Path) -> None:
    # 319.06 is 61.7% of 本年支出合计 517.23, which the text does not state here; the 收入总计 600.00
    # before it is only a guess at the total (319.06 ÷ 600.00 = 53.2%): worth a look, not an error.
    r = check(_text(tmp_path, "收入总计600.00万元。基本支出319.06万元，占61.7%。", "某某局2024年部门决算"))
    assert [(f.severity, f.stated) for f in r.findings if f.rule == "share"] == [("warning", "61.7%")]


# ---- 年初预算 and 全年预算 are two quantities ----

FINAL = "某某局2024年部门决算"


def test_initial_and_final_budget_are_not_one_figure(tmp_path: Path) -> None:
    ok = "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元。"
    assert _errors(_text(tmp_path, ok, FINAL), "fact-conflict") == []
    other = tmp_path / "o"
    other.mkdir()
    bad = "一般公共预算财政拨款支出年初预算为300.00万元。\n第三部分\n一般公共预算财政拨款支出年初预算为310.00万元。"
    assert [s for s, _ in _errors(_text(other, bad, FINAL), "fact-conflict")] == ["310.00万元"]


def test_completion_is_of_the_budget_it_names(tmp_path: Path) -> None:
    base = "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，"

    def rules(name: str, text: str) -> set[tuple[str, str, str]]:
        d = tmp_path / name
        d.mkdir()
        r = check(_text(d, base + text, FINAL))
        return {(f.rule, f.severity, f.stated) for f in r.findings if f.rule in ("completion-rate", "zero-base")}

    # 307.82 ÷ 321.02 = 95.89% is of the 全年预算; of the 年初预算 (0) no rate can be stated.
    assert rules("a", "完成年初预算的95.89%。") == {("zero-base", "warning", "95.89%")}
    assert rules("b", "完成全年预算的95.89%。") == set()
    assert rules("c", "完成全年预算的90.89%。") == {("completion-rate", "error", "90.89%")}
    # A rate of 预算 naming no kind is of the budget just stated, whichever it is (307.82 ÷ 321.02).
    assert rules("d", "完成预算的90.89%。") == {("completion-rate", "error", "90.89%")}


# ---- performance tables: 全年预算数 › 总额 | 财政拨款 | 其他资金 ----

PERF = [["项目名称", "", "全年预算数", "", "", "全年执行数", "", "", "执行率"],
        ["", "", "总额", "财政拨款", "其他资金", "总额", "财政拨款", "其他资金", ""],
        ["年度资金总额", "", "200.00", "150.00", "50.00", "180.00", "140.00", "40.00", "{rate}"],
        ["其中：当年财政拨款", "", "150.00", "150.00", "0.00", "140.00", "140.00", "0.00", "93.33%"]]
PERF_STYLE = [("SPAN", (0, 0), (1, 1)), ("SPAN", (2, 0), (4, 0)), ("SPAN", (5, 0), (7, 0)), ("SPAN", (8, 0), (8, 1))]


def _perf(path: Path, rate: str) -> Path:
    rows = [[c.format(rate=rate) for c in row] for row in PERF]
    return _pdf(path, [("项目支出绩效自评表", rows, PERF_STYLE)])


def test_two_level_fund_header(tmp_path: Path) -> None:
    # 执行率 = 执行总额 180 ÷ 预算总额 200 = 90%; 140 ÷ 150 = 93.33% on the 财政拨款 row.
    assert _errors(_perf(tmp_path / "ok.pdf", "90.00%"), "performance-rate") == []
    found = _errors(_perf(tmp_path / "bad.pdf", "9.00%"), "performance-rate")
    assert [s for s, _ in found] == ["9.00%"] and "180.00" in found[0][1] and "200.00" in found[0][1]


# ---- a "其中：X" column is a part of the column before it ----

# 合计 | 财政拨款收入 (一般公共预算 | 政府性基金 | 其中：上年结转) | 事业收入
INCOME_HEAD = [["科目编码", "科目名称", "合计", "财政拨款收入", "", "", "事业收入"],
               ["", "", "", "一般公共预算", "政府性基金", "其中：上年结转", ""]]
INCOME_STYLE = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (2, 1)),
                ("SPAN", (3, 0), (5, 0)), ("SPAN", (6, 0), (6, 1))]


def _income(path: Path, total: str) -> Path:
    body = [["", "合计", total, "60.00", "30.00", "10.00", "10.00"],
            ["201", "一般公共服务支出", total, "60.00", "30.00", "10.00", "10.00"]]
    return _pdf(path, [("收入预算表", INCOME_HEAD + body, INCOME_STYLE)])


def test_subpart_column_is_not_summed(tmp_path: Path) -> None:
    # 60 + 30 + 10 = 100: the 上年结转 10.00 is inside 政府性基金's 30.00, not one more part.
    assert _errors(_income(tmp_path / "ok.pdf", "100.00"), "table-row-total") == []
    found = _errors(_income(tmp_path / "bad.pdf", "110.00"), "table-row-total")
    assert found and {s for s, _ in found} == {"110.00"}


# ---- a header whose merged span was lost: 基本支出 over 小计 only, 人员经费 | 公用经费 beside it ----

def _xlsx(path: Path, merged: bool, basic_total: str = "221.334567") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一般公共预算财政拨款支出决算表"])
    ws.append(["单位：万元"])
    for r in HEAD:
        ws.append(r)
    # Amounts in 万元 to six decimals (元 and 分), as a tables-only export gives them.
    ws.append(["", "合计", "376.834567", basic_total, "190.404567", "30.930000", "155.500000"])
    ws.append(["201", "一般公共服务支出", "376.834567", basic_total, "190.404567", "30.930000", "155.500000"])
    if merged:
        for r, c, rs, cs in MERGES:
            ws.merge_cells(start_row=r + 3, start_column=c + 1, end_row=r + 2 + rs, end_column=c + cs)
    wb.save(path)
    return path


def test_lost_header_span_is_not_summed(tmp_path: Path) -> None:
    # Without the merge, 小计 221.33 + 人员经费 190.40 + 公用经费 30.93 + 项目 155.50 is not the 合计.
    assert _errors(_xlsx(tmp_path / "flat.xlsx", merged=False), "table-row-total") == []
    assert _errors(_xlsx(tmp_path / "ok.xlsx", merged=True), "table-row-total") == []
    # With the header whole, a 小计 that is not 人员经费 + 公用经费 (190.404567 + 30.93 = 221.334567) is found,
    # once per row, at the 小计: it breaks 合计 = 小计 + 项目 too, and 221.334567 mends both sums.
    found = _errors(_xlsx(tmp_path / "bad.xlsx", merged=True, basic_total="231.334567"), "table-row-total")
    assert [s for s, _ in found] == ["231.334567", "231.334567"]
    assert all("221.334567" in message for _, message in found)


# ---- text of no named scope against a table of another scope ----

def _scoped_tables(path: Path, value: str) -> Path:
    d = docx.Document()
    for line in ["某某局2020年度部门决算", "第二部分 2020年度部门决算情况说明", "三、支出决算情况说明",
                 f"1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：支出决算为{value}万元。"]:
        d.add_paragraph(line)
    # All funds: 行政运行 90.00; of which 一般公共预算财政拨款: 77.74.
    for title, amount in (("支出决算表", "90.00"), ("一般公共预算财政拨款支出决算表", "77.74")):
        d.add_paragraph(title)
        d.add_paragraph("单位：万元")
        rows = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
                ["201", "一般公共服务支出", amount, amount, ""],
                ["20103", "政府办公厅（室）及相关机构事务", amount, amount, ""],
                ["2010301", "行政运行", amount, amount, ""]]
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                t.cell(r, c).text = v
    d.save(path)
    return path


def test_text_of_another_scope_is_not_a_mismatch(tmp_path: Path) -> None:
    # 77.74 is the 一般公共预算 table's figure: the text (no scope named) is not wrong against the 90.00.
    assert _errors(_scoped_tables(tmp_path / "ok.docx", "77.74"), "table-text") == []
    # 79.74 is neither table's figure.
    assert [s for s, _ in _errors(_scoped_tables(tmp_path / "bad.docx", "79.74"), "table-text")] == ["79.74万元"]
