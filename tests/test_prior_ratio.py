"""This year's level as a ratio of last year's ("为上年的104.41%", "是上年的2.5倍", "增长1.5倍"), held against the
figures the sentence or the table row gives (rules.ratios). Every figure is worked by hand in the comments.
"""

from __future__ import annotations

from pathlib import Path

from test_last_year_column import _FINAL
from test_unseen_shapes import _check, _errors, _status


def _found(r, rule: str = "prior-ratio") -> list[tuple[str | None, str | None]]:
    return [(f.stated, f.expected) for f in r.findings if f.rule == rule and f.severity == "error"]


def test_a_ratio_against_the_two_levels_of_its_sentence(tmp_path: Path) -> None:
    # 1.73 ÷ 1.43 = 1.20979…: 为上年的120.98%.
    r = _check(tmp_path, "ok.txt", "本年“三公”经费支出1.73万元，上年1.43万元，为上年的120.98%。\n")
    assert not _errors(r) and _status(r, "120.98%") == {"verified"}
    r = _check(tmp_path, "bad.txt", "本年“三公”经费支出1.73万元，上年1.43万元，为上年的125.98%。\n")
    assert _found(r) == [("125.98%", "本年为上年的120.98%")]


def test_a_ratio_after_the_change_of_its_sentence(tmp_path: Path) -> None:
    # 384.49 − 17.05 = 367.44 last year; 384.49 ÷ 367.44 = 1.04640: 为上年的104.64%. 104.43% is 17.05 ÷ 384.49 + 100,
    # this year's figure taken as the base.
    r = _check(tmp_path, "ok.txt", "收支总计384.49万元，比上年增加17.05万元，为上年的104.64%。\n")
    assert not _errors(r) and _status(r, "104.64%") == {"verified"}
    r = _check(tmp_path, "bad.txt", "收支总计384.49万元，比上年增加17.05万元，为上年的104.43%。\n")
    assert _found(r) == [("104.43%", "本年为上年的104.64%")]


def test_a_multiple_read_both_ways(tmp_path: Path) -> None:
    # 2,020.47 ÷ 808.19 = 2.49999: this year is 2.5 times last year's, a growth of 150% (1.5倍).
    levels = "政府采购支出2,020.47万元，上年808.19万元，"
    for said in ("增长1.5倍", "增长2.5倍", "是上年的2.5倍"):  # 增长2.5倍: as often written, for 2.5 times
        r = _check(tmp_path, "ok.txt", f"{levels}{said}。\n")
        assert not _errors(r), said
        assert _status(r, said[-4:] if said.startswith("增长") else "2.5倍") == {"verified"}, said
    # 2.7倍 is neither a growth of 150% nor 2.5 times.
    r = _check(tmp_path, "bad.txt", f"{levels}增长2.7倍。\n")
    assert _found(r) == [("2.7倍", "应增长1.5倍（本年为上年的2.5倍）")]
    r = _check(tmp_path, "times.txt", f"{levels}是上年的3.5倍。\n")
    assert _found(r) == [("3.5倍", "本年为上年的2.5倍")]


def test_a_ratio_against_the_rows_last_year_column(tmp_path: Path) -> None:
    # 7.19 ÷ 5.36 = 1.34142 (over the roundings 7.185–7.195 and 5.355–5.365: 133.9%–134.4%).
    r = _check(tmp_path, "ok.txt", _FINAL.format(clause="为上年决算的134.1%"))
    assert not _errors(r) and _status(r, "134.1%") == {"verified"}
    r = _check(tmp_path, "bad.txt", _FINAL.format(clause="为上年决算的125.4%"))
    found = [f for f in r.findings if f.rule == "prior-ratio"]
    assert [(f.stated, f.expected) for f in found] == [("125.4%", "本年为上年的134.1%")]
    assert any(e.quote == "5.36" for e in found[0].evidence)  # the table's cell beside the sentence


_SANGONG_ROWS = """某某县司法局2023年部门预算
七、“三公”经费预算情况
一般公共预算财政拨款“三公”经费预算63.00万元，{clause}。
附件
“三公”经费预算表
单位：万元
项目 | 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 | 公务接待费
2023年预算数 | 63.00 | 17.31 | 33.33 | 12.36
2022年预算数 | 60.34 | 12.27 | 28.24 | 19.83
"""


def test_last_years_figure_in_the_row_of_last_year(tmp_path: Path) -> None:
    # A 三公 table whose rows are the years: 2022's 合计 60.34 is last year's. 63.00 ÷ 60.34 = 1.04408: 104.41%.
    r = _check(tmp_path, "ok.txt", _SANGONG_ROWS.format(clause="是上年的104.41%"))
    assert not _errors(r) and _status(r, "104.41%") == {"verified"}
    r = _check(tmp_path, "bad.txt", _SANGONG_ROWS.format(clause="是上年的110.41%"))
    assert _found(r) == [("110.41%", "本年为上年的104.41%")]
    # The growth rate reads the same row: 2.66 ÷ 60.34 = 4.41%.
    r = _check(tmp_path, "growth.txt", _SANGONG_ROWS.format(clause="比上年增长4.41%"))
    assert not _errors(r) and _status(r, "4.41%") == {"verified"}


def test_no_last_years_figure_is_no_finding(tmp_path: Path) -> None:
    # Neither the sentence nor a table states last year's 机关运行经费: left unverified.
    r = _check(tmp_path, "a.txt", "某某局2023年部门预算\n本部门机关运行经费预算761.30万元，为上年的153.02%。\n")
    assert not r.findings and _status(r, "153.02%") == {"unverified"}


def test_a_ratio_to_last_years_budget_is_not_a_completion_rate(tmp_path: Path) -> None:
    # "为上年预算的92.0%" names last year's budget: not this year's completion (5.70 ÷ 6.00 = 95.0%), and last
    # year's budget is not stated, so it is left unverified.
    text = ("某某县司法局2022年度部门决算\n"
            "公务接待费年初预算6.00万元，支出决算5.70万元，为上年预算的92.0%。\n")
    r = _check(tmp_path, "a.txt", text)
    assert not _errors(r) and _status(r, "92.0%") == {"unverified"}


def test_jiangfu_is_a_fall(tmp_path: Path) -> None:
    # 降幅为18.0% against the 三公 table's row of last year: 338.75 ÷ 413.20 − 1 = −18.02% (by hand). 降幅 says a fall:
    # no contradiction of direction.
    text = ("某某局2025年部门预算\n一般公共预算财政拨款“三公”经费预算338.75万元，同口径比上年降幅为{r}%。\n“三公”经费预算表\n"
            "单位：万元\n项目 | 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 | 公务接待费\n"
            "2025年预算数 | 338.75 | 100.00 | 200.00 | 38.75\n2024年预算数 | 413.20 | 120.00 | 250.00 | 43.20\n")
    r = _check(tmp_path, "ok.txt", text.format(r="18.0"))
    assert not r.findings and _status(r, "18.0%") == {"verified"}
    bad = _check(tmp_path, "bad.txt", text.format(r="15.0"))
    assert [(f.stated, f.expected) for f in bad.findings if f.rule == "growth-rate"] == [("15.0%", "18.0%")]
