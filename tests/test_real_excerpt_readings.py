"""Readings that published excerpts of other regions (2021–2024 budgets and finals of 广西, 云南, 安徽 …) showed
misread; the sentences are theirs, figures checked by hand:

- a list under a budget figure (其中) ends at its total's sibling, as under any figure: "二、公务用车购置及运行费预算
  150万元，其中公务用车运行费150万元，…公务用车购置费0万元，三、公务接待费预算200万元" — 200 is no part of 150;
- a budget figure compared with last year (同比 / 比上年) is this year's level of the change, not its base;
- a change that names its quantity before the comparison ("“三公”经费支出决算数比上年减少X") is of that quantity's
  figure stated in the sentence before, not of the first figure of that sentence (the 年初预算).
"""

from __future__ import annotations

from pathlib import Path

from test_unseen_shapes import _check, _errors, _status

# In a final account (or a text that does not say which it is) the 预算 figures keep their role: budget figures.
_SANGONG = ("2023年度部门决算\n（三）“三公”经费情况说明\n"
            "2023年一般公共预算“三公”经费预算安排520万元，与2022年预算持平：一、2023年因公出国(境)费预算170万元，"
            "与2022年预算相比增加170万元，大力开展国外招商工作，二、2023年公务用车购置及运行费预算150万元，"
            "其中公务用车运行费{run}万元，与2022年预算相比减少170万元，主要原因是相应核减公务用车运行费预算，"
            "公务用车购置费0万元，主要原因是严控“三公”经费，三、2023年公务接待费预算200万元，与2022年预算相比持平。\n")


def test_a_budget_figures_list_ends_at_the_next_numbered_item(tmp_path: Path) -> None:
    # 170 + 150 + 200 = 520; 150 = 150 + 0 (by hand).
    r = _check(tmp_path, "ok.txt", _SANGONG.format(run="150"))
    assert not [f for f in r.findings if f.rule == "breakdown-sum"]
    # A 运行费 larger than its own 购置及运行费 is still wrong: 160 + 0 > 150.
    bad = _check(tmp_path, "bad.txt", _SANGONG.format(run="160"))
    assert [(f.rule, f.stated) for f in bad.findings if f.rule == "breakdown-sum"] == [("breakdown-sum", "150万元")]


def _final(sentence: str) -> str:
    return f"2021年度部门决算\n（三）“三公”经费支出决算情况说明\n{sentence}\n"


def test_a_budget_figure_compared_with_last_year_is_the_level(tmp_path: Path) -> None:
    # 1.00 ÷ (4.00 − 1.00) = 33.33% (by hand); ÷ 4.00 would be 25.00%.
    r = _check(tmp_path, "ok.txt", _final("公务接待费年初预算4.00万元，同比增加1.00万元，增长33.33%。"))
    assert not _errors(r, "growth-rate")
    assert _status(r, "33.33%") == {"verified"}
    bad = _check(tmp_path, "bad.txt", _final("公务接待费年初预算4.00万元，同比增加1.00万元，增长25.00%。"))
    assert [(f.stated, f.expected) for f in bad.findings if f.rule == "growth-rate"] == [("25.00%", "33.33%")]


def test_a_change_of_the_quantity_it_names_before_its_comparison(tmp_path: Path) -> None:
    # 65000 ÷ 234000 = 27.8%; 313272.50 ÷ (65000 + 313272.50) = 82.82% (by hand); of the 年初预算 234000: 57.24%.
    text = _final("2022年度一般公共预算财政拨款“三公”经费支出年初预算为234000.00元，支出决算为65000.00元，"
                  "完成年初预算的27.8%。\n2022年度一般公共预算财政拨款“三公”经费支出决算数比上年减少313272.50元，"
                  "下降82.82%。").replace("2021年度", "2022年度")
    r = _check(tmp_path, "t.txt", text)
    assert not [f for f in r.findings if f.rule == "growth-rate"]
    assert _status(r, "82.82%") == {"verified"}


def test_a_list_after_a_budget_and_its_final_itemises_the_final(tmp_path: Path) -> None:
    # 0.00 + 59.36 + 1.42 = 60.78 (决算); 59.36 ÷ 60.78 = 97.66…% → 97.67% with the other two; ÷ 71.32 would be 83.23%.
    r = _check(tmp_path, "t.txt", _final(
        "2024年度财政拨款“三公”经费全年预算71.32万元，支出决算60.78万元，完成预算的85.22%。其中：因公出国（境）费"
        "0.00万元，占0.00%；公务用车购置及运行维护费59.36万元，占97.67%；公务接待费1.42万元，占2.33%。"))
    assert not [f for f in r.findings if f.rule in ("share", "breakdown-sum")]
    assert _status(r, "97.67%") == {"verified"}
