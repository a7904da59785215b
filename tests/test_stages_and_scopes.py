"""One quantity at several stages and scopes (blind13's theme), in 决算 documents built here by hand:

- a 功能分类 table that prints each 类 as a 小计 row after its 款 and 项 (full codes, or 类 | 款 | 项 in columns of
  their own with the 类 only on its 小计 row): the 类 is above the rows before it;
- a rate column whose header names its formula (完成率（决算数/全年预算数）%) divides those two columns, and the
  栏次 row under the header is no row of figures;
- "…（项）：支出决算为X万元，完成年初预算的Y%" with the budget only in the table: the 年初预算数 of the item's row;
- an item the text names by its 款 and 项 with 支出 in them (住房改革支出（款）) is the table's row of those names;
- "年初财政拨款结转和结余X（一般公共预算a、政府性基金预算b）": a and b are the carry-over's parts, not 收入;
- a 三公 table row whose 决算数 is blank states no 决算 (not its 预算数).
Figures checked by hand in the comments.
"""

from __future__ import annotations

from pathlib import Path

import docx
from test_unseen_shapes import _check, _errors, _status

_HEAD = "2024年度部门决算\n第四部分 部门决算表\n五、一般公共预算财政拨款支出决算表\n单位：万元\n"
# 合计 30 = 10 + 20 (年初), 40 = 12 + 28 (全年), 36 = 11 + 25 (决算); 11 ÷ 12 = 91.67%, 25 ÷ 28 = 89.29%, 36 ÷ 40 = 90.00%.
_TABLE = """科目编码 | 科目名称 | 年初预算数 | 全年预算数 | 决算数 | 完成率（决算数/全年预算数）%
栏次 |  | 1 | 2 | 3 | 4
 | 合计 | 30.00 | 40.00 | 36.00 | 90.00
20805 | 行政事业单位养老支出 | 10.00 | 12.00 | 11.00 | 91.67
2080505 | 机关事业单位基本养老保险缴费支出 | 10.00 | 12.00 | 11.00 | 91.67
208 | 社会保障和就业支出小计 | 10.00 | 12.00 | 11.00 | 91.67
22102 | 住房改革支出 | 20.00 | 28.00 | 25.00 | 89.29
2210201 | 住房公积金 | 20.00 | 28.00 | 25.00 | 89.29
221 | 住房保障支出小计 | {class_total} | 28.00 | 25.00 | 89.29
"""
_TEXT = ("\n第二部分 部门决算情况说明\n（一）一般公共预算财政拨款支出决算具体情况\n"
         "1.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为11.00万元，"
         "完成全年预算的91.67%。\n"
         "2.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为{amount}万元，完成年初预算的{rate}。\n")


def _doc(class_total: str = "20.00", amount: str = "25.00", rate: str = "125.00%") -> str:
    # 25 ÷ 20 (年初预算数) = 125.00%; ÷ 28 (全年) would be 89.29%.
    return _HEAD + _TABLE.format(class_total=class_total) + _TEXT.format(amount=amount, rate=rate)


def test_classes_printed_after_their_items(tmp_path: Path) -> None:
    r = _check(tmp_path, "ok.txt", _doc())
    assert not _errors(r, "table-hierarchy")
    bad = _check(tmp_path, "bad.txt", _doc(class_total="21.00"))  # 221 年初 21.00 against its 项 20.00
    found = [f for f in bad.findings if f.rule == "table-hierarchy" and f.severity == "error"]
    assert [(f.stated, f.expected) for f in found] == [("21.00", "20.00")]


def test_a_rate_column_divides_the_columns_its_header_names(tmp_path: Path) -> None:
    r = _check(tmp_path, "ok.txt", _doc())
    assert not [f for f in r.findings if f.rule == "performance-rate"]
    wrong = _doc().replace("| 11.00 | 91.67\n208", "| 11.00 | 85.00\n208")  # the 项 row's rate: 11 ÷ 12 is 91.67
    found = [f for f in _check(tmp_path, "bad.txt", wrong).findings if f.rule == "performance-rate"]
    assert [(f.stated, f.expected) for f in found] == [("85.00", "91.67%")]


def test_a_completion_rate_against_the_items_row(tmp_path: Path) -> None:
    r = _check(tmp_path, "ok.txt", _doc())
    assert _status(r, "91.67%") == {"verified"} and _status(r, "125.00%") == {"verified"}
    bad = _check(tmp_path, "bad.txt", _doc(rate="89.29%"))  # the 全年 rate, said to be of the 年初预算
    assert [(f.stated, f.expected) for f in bad.findings if f.rule == "completion-rate"] == [("89.29%", "125.00%")]


def test_an_item_named_with_zhichu_in_its_kuan_is_the_tables_row(tmp_path: Path) -> None:
    r = _check(tmp_path, "ok.txt", _doc())
    assert _status(r, "25.00万元") == {"verified"}
    bad = _check(tmp_path, "bad.txt", _doc(amount="52.00", rate="260.00%"))  # 52 ÷ 20 = 260%: only the amount is off
    assert [(f.rule, f.stated) for f in bad.findings if f.severity == "error"] == [("table-text", "52.00万元")]


def test_split_code_columns_with_the_class_on_its_subtotal_row(tmp_path: Path) -> None:
    rows = [("类", "款", "项", "科目名称", "决算数"), ("", "05", "", "行政事业单位养老支出", "11.00"),
            ("", "", "05", "机关事业单位基本养老保险缴费支出", "11.00"), ("208", "", "", "社会保障和就业支出小计", "11.00"),
            ("", "02", "", "住房改革支出", "25.00"), ("", "", "01", "住房公积金", "25.00"),
            ("221", "", "", "住房保障支出小计", "25.00"), ("", "", "", "合计", "36.00")]
    d = docx.Document()
    d.add_paragraph("2024年度部门决算")
    d.add_paragraph("三、支出决算表")
    d.add_paragraph("单位：万元")
    table = d.add_table(rows=len(rows), cols=5)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    d.add_paragraph("第二部分 部门决算情况说明")
    d.add_paragraph("本年支出合计36.00万元。")
    p = tmp_path / "split.docx"
    d.save(str(p))
    from budgetdoc.analysis import analyse
    from budgetdoc.load import load

    a = analyse(load(p))
    t = next(t for t in a.tables if "支出决算表" in t.title)
    assert [r.code for r in t.rows if r.code] == ["20805", "2080505", "208", "22102", "2210201", "221"]
    from budgetdoc.check import check

    assert not _errors(check(p), "table-hierarchy")


def test_scope_parts_of_a_carry_over_in_brackets(tmp_path: Path) -> None:
    # 15.42 = 6.24 + 9.18 (+0.01 of rounding); 59.18 = 6.35 + 52.83.
    text = ("2022年度部门决算\n（三）财政拨款收入支出决算总体情况说明\n西区城市管理局2022年度财政拨款收入总计724.68万元，其中："
            "本年财政拨款收入709.26万元，年初财政拨款结转和结余15.42万元（一般公共预算6.24万元、政府性基金预算9.19万元）；"
            "财政拨款支出总计724.68万元，其中：本年财政拨款支出665.50万元，年末财政拨款结转和结余59.18万元（一般公共预算"
            "6.35万元、政府性基金预算52.83万元）。\n")
    r = _check(tmp_path, "t.txt", text)
    assert not [f for f in r.findings if f.rule == "fact-conflict"]
    from budgetdoc.analysis import analyse
    from budgetdoc.load import load

    keys = {m.stated: m.key for _ln, ms in analyse(load(tmp_path / "t.txt")).mentions for m in ms}
    assert keys["9.19万元"] == "gf.income.carryover_begin" and keys["52.83万元"] == "gf.expense.carryover_end"


def test_a_sangong_row_whose_final_is_blank(tmp_path: Path) -> None:
    # 0.22 = 0 + 0.13 + 0.08 (+0.01 of rounding) in 决算数; 因公出国（境）费 was budgeted (0.11) and not spent (blank).
    text = ("2021年度部门决算\n（四）“三公”经费支出决算情况说明\n2021年度“三公”经费支出决算0.22万元，其中：因公出国（境）费"
            "0.00万元，公务用车购置及运行维护费0.13万元，公务接待费0.08万元。\n"
            "第四部分 部门决算表\n九、财政拨款“三公”经费支出决算表\n单位：万元\n"
            "项目 | 上年决算数 | 全年预算数 | 决算数\n合计 | 0.31 | 0.44 | 0.22\n1.因公出国（境）费 |  | 0.11 | \n"
            "2.公务用车购置及运行维护费 | 0.18 | 0.14 | 0.13\n（1）公务用车购置费 |  |  | \n"
            "（2）公务用车运行维护费 | 0.18 | 0.14 | 0.13\n3.公务接待费 | 0.12 | 0.19 | 0.08\n")
    r = _check(tmp_path, "t.txt", text)
    assert not [f for f in r.findings if f.severity == "error"]


def test_a_level_gone_from_in_a_named_year(tmp_path: Path) -> None:
    # (60.05 − 53.27) ÷ 53.27 = 12.7%; ÷ 60.05 (this year) would be 11.3%.
    sentence = "（一）收入支出决算总体情况\n本部门2024年度收入总计60.05万元，由2023年度的53.27万元增加到60.05万元，上升{rate}。\n"
    r = _check(tmp_path, "ok.txt", "2024年度部门决算\n" + sentence.format(rate="12.7%"))
    assert _status(r, "12.7%") == {"verified"}
    bad = _check(tmp_path, "bad.txt", "2024年度部门决算\n" + sentence.format(rate="11.3%"))
    assert [(f.stated, f.expected) for f in bad.findings if f.rule == "growth-rate"] == [("11.3%", "12.7%")]
