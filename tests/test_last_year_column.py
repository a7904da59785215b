"""A growth rate or change stated with this year's figure only, last year's being in the table row of it: the row's
cell under the table's one 上年 column (上年决算数, or 2025年预算数 › the item in a 2026 budget whose items are columns).
Figures checked by hand in the comments.
"""

from __future__ import annotations

from pathlib import Path

from test_unseen_shapes import _check, _errors, _status

_FINAL = """某某县自然资源局2021年度部门决算
第四部分 部门决算表
五、一般公共预算财政拨款支出决算表
单位：万元
科目编码 | 科目名称 | 年初预算数 | 决算数 | 上年决算数
 | 合计 | 13.00 | 13.26 | 11.85
220 | 自然资源海洋气象等支出 | 13.00 | 13.26 | 11.85
22001 | 自然资源事务 | 13.00 | 13.26 | 11.85
2200101 | 行政运行 | 6.00 | 6.07 | 6.49
2200150 | 事业运行 | 7.00 | 7.19 | 5.36

第二部分 部门决算情况说明
（一）一般公共预算财政拨款支出决算具体情况
1.自然资源海洋气象等支出（类）自然资源事务（款）事业运行（项）：支出决算为7.19万元，{clause}。
"""


def test_a_rate_against_the_rows_last_year_column(tmp_path: Path) -> None:
    # 7.19 ÷ 5.36 − 1 = 34.14%: 同比增长34.1% holds.
    r = _check(tmp_path, "ok.txt", _FINAL.format(clause="同比增长34.1%"))
    assert not _errors(r) and _status(r, "34.1%") == {"verified"}
    # 下降 where the row went from 5.36 to 7.19: the direction is wrong.
    r = _check(tmp_path, "down.txt", _FINAL.format(clause="同比下降34.1%"))
    found = [f for f in r.findings if f.rule == "change-direction"]
    assert [(f.stated, f.expected) for f in found] == [("下降", "增长")]
    assert any(e.quote == "5.36" for e in found[0].evidence)  # the table's cell is shown beside the sentence
    # 增长25.4%: 1.83 ÷ 7.19, this year's figure as the base.
    r = _check(tmp_path, "rate.txt", _FINAL.format(clause="同比增长25.4%"))
    found = [f for f in r.findings if f.rule == "growth-rate" and f.severity == "error"]
    assert [(f.stated, f.expected) for f in found] == [("25.4%", "34.1%")]


def test_a_change_against_the_rows_last_year_column(tmp_path: Path) -> None:
    # 7.19 − 5.36 = 1.83
    r = _check(tmp_path, "ok.txt", _FINAL.format(clause="比上年增加1.83万元"))
    assert not _errors(r) and _status(r, "1.83万元") == {"verified"}
    r = _check(tmp_path, "size.txt", _FINAL.format(clause="比上年增加2.83万元"))
    found = [f for f in r.findings if f.rule == "change-levels"]
    assert [(f.stated, f.expected) for f in found] == [("2.83万元", "1.83万元")]
    r = _check(tmp_path, "way.txt", _FINAL.format(clause="比上年减少1.83万元"))
    found = [f for f in r.findings if f.rule == "change-levels"]
    assert [(f.stated, f.expected) for f in found] == [("减少", "增加")]


def test_only_a_comparison_with_last_year_and_of_the_columns_period(tmp_path: Path) -> None:
    # 比年初预算 is against the budget (7.00), not the 上年 column: not read from it.
    r = _check(tmp_path, "budget.txt", _FINAL.format(clause="比年初预算增加0.19万元，增长2.7%"))
    assert not _errors(r)
    # 比上年预算 against a column of last year's 决算: another period, left unchecked.
    r = _check(tmp_path, "stage.txt", _FINAL.format(clause="比上年预算下降10.0%"))
    assert not _errors(r) and _status(r, "10.0%") == {"unverified"}
    # Two items before the rate: which one it is of is not certain.
    r = _check(tmp_path, "two.txt", _FINAL.format(clause="项目支出1.00万元，同比下降34.1%"))
    assert not _errors(r, "change-direction")


def test_a_budget_figure_in_the_sentence_is_not_the_level(tmp_path: Path) -> None:
    # "年初预算为7.00万元，支出决算为7.19万元，…，同比下降34.1%": the 决算 is this year's level (7.19 against 5.36).
    text = _FINAL.format(clause="同比下降34.1%").replace("支出决算为7.19万元", "年初预算为7.00万元，支出决算为7.19万元")
    found = [f for f in _check(tmp_path, "a.txt", text).findings if f.rule == "change-direction"]
    assert [(f.stated, f.expected) for f in found] == [("下降", "增长")]


_SANGONG = """重庆市某某局2026年部门预算
表八
2026年财政拨款“三公”经费支出情况表
单位：万元
2025年预算数 | | | | | | 2026年预算数 | | | | |
合计 | 因公出国（境）费 | 公务用车购置及运行费 | | | 公务接待费 | 合计 | 因公出国（境）费 | 公务用车购置及运行费 | | | 公务接待费
 | | 小计 | 公务用车购置费 | 公务用车运行费 | | | | 小计 | 公务用车购置费 | 公务用车运行费 |
2,552.50 | 343.41 | 1,726.00 | 458.00 | 1,268.00 | 483.09 | 2,171.85 | 321.91 | 1,570.75 | 342.25 | 1,228.50 | 279.19

二、“三公”经费情况说明
2026年“三公”经费预算2,171.85万元，其中：因公出国（境）费用321.91万元，比2025年减少21.5万元；公务接待费279.19万元，比2025年减少{reception}万元。
"""


def test_items_as_columns_under_each_year(tmp_path: Path) -> None:
    # The real 重庆 layout: last year's figure of 因公出国（境）费 is the column of that name under 2025年预算数
    # (343.41; 321.91 − 343.41 = −21.50), not the table's 合计 2,552.50. 279.19 − 483.09 = −203.90.
    r = _check(tmp_path, "ok.txt", _SANGONG.format(reception="203.9"))
    assert not _errors(r), _errors(r)
    r = _check(tmp_path, "bad.txt", _SANGONG.format(reception="213.9"))
    found = [f for f in r.findings if f.rule == "change-levels"]
    assert [(f.stated, f.expected) for f in found] == [("213.9万元", "203.9万元")]
