"""Sentence shapes from real disclosures of regions the corpus does not cover (Anhui, Yunnan, Zhejiang, Sichuan
and Guangxi 三公 and 收支 paragraphs), each once read as an error it is not. Figures are made up in the same
shapes and checked by hand in the comments; each test also keeps a wrong figure of the shape an error."""

from __future__ import annotations

from pathlib import Path

from budgetdoc import check
from budgetdoc.model import CheckResult


def _check(tmp_path: Path, name: str, text: str) -> CheckResult:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return check(p)


def _errors(r: CheckResult, rule: str | None = None) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in r.findings if f.severity == "error" and rule in (None, f.rule)]


def _status(r: CheckResult, stated: str) -> set[str]:
    return {c.status for c in r.claims if c.stated == stated}


def test_a_budget_figure_compared_with_another_years_budget(tmp_path: Path) -> None:
    # In a final account 支出预算 is the budget figure: "支出预算6万元，比2021年预算减少2万元" is this year's budget
    # 6 against last year's 8 (2 ÷ 8 = 25%), not a change over a base of 6.
    text = ("某某县司法局2022年度部门决算\n"
            "（二）公务接待费支出预算6.00万元，比2021年预算减少2.00万元，下降25.00%。\n"
            "（三）公务用车运行费支出预算9.00万元，比2021年预算减少3.00万元，下降40.00%。\n")
    r = _check(tmp_path, "a.txt", text)
    assert _status(r, "25.00%") == {"verified"}
    # 3.00 ÷ (9.00 + 3.00) = 25.00% and 3.00 ÷ 9.00 = 33.33%: 40.00% holds under no reading.
    assert [f.stated for f in r.findings if f.rule == "growth-rate" and f.severity == "error"] == ["40.00%"]


def test_an_items_completion_rate_is_not_of_the_totals_budget(tmp_path: Path) -> None:
    # The items' budgets are not stated (the table has them): 9.00 ÷ 30.00 is no reading of 60.00%.
    text = ("某某区司法局2017年度部门决算\n"
            "2017年度“三公”经费财政拨款支出年初预算为30.00万元，支出决算为12.00万元，完成预算的40.00%，其中："
            "公务用车购置及运行维护费支出决算为9.00万元，完成预算的60.00%；公务接待费支出决算为3.00万元，"
            "完成预算的25.00%。\n")
    r = _check(tmp_path, "b.txt", text)
    assert not _errors(r, "completion-rate")
    assert _status(r, "40.00%") == {"verified"}  # 12.00 ÷ 30.00
    wrong = _check(tmp_path, "b2.txt", text.replace("完成预算的40.00%", "完成预算的45.00%"))
    assert [f.stated for f in wrong.findings if f.rule == "completion-rate"] == ["45.00%"]


def test_a_level_opened_by_the_comparison_is_last_years(tmp_path: Path) -> None:
    # "比上年累计支出450万元减少20万元": 450 is last year's, no item of the 三公 list (250 + 180 = 430).
    text = ("某某镇2020年度部门决算\n"
            "2020年“三公”经费支出430万元，比上年累计支出450万元减少20万元，下降4.44%。其中，公务用车及运行维护费"
            "支出250万元，比上年累计支出280万元减少30万元，下降10.71%；公务接待支出180万元，比上年累计支出170万元"
            "增加10万元，增长5.88%。\n")
    r = _check(tmp_path, "c.txt", text)
    assert not _errors(r)
    assert [f.value_yuan for f in r.facts if f.key == "sangong.total"] == [4300000]
    assert _status(r, "4.44%") == {"verified"}  # 20 ÷ 450


def test_a_change_written_without_its_verb(tmp_path: Path) -> None:
    # 公务用车 50,000.00 this year; the change list gives its change 20,000.00 without 增加, with its rate:
    # 20,000 ÷ (50,000 − 20,000) = 66.67%. 公务接待费 40,000 − 10,000 = 30,000, 10,000 ÷ 30,000 = 33.33%.
    text = ("某某县农业农村局2022年度部门决算\n"
            "2022年度“三公”经费支出决算为90,000.00元。其中：公务用车购置及运行费支出决算为50,000.00元；"
            "公务接待费支出决算为40,000.00元。\n"
            "2022年度“三公”经费支出决算数比2021年增加30,000.00元，增长50.00%。其中：公务用车购置及运行费支出决算"
            "20,000.00元，增长66.67%；公务接待费支出决算增加10,000.00元，增长33.33%。\n")
    r = _check(tmp_path, "d.txt", text)
    assert not _errors(r)
    assert _status(r, "33.33%") == {"verified"}  # of 公务接待费 40,000.00, not of the 公务用车 figure before it


def test_income_and_expense_lists_of_one_total(tmp_path: Path) -> None:
    # 收支总预算 800: 收入 600 + 200; 支出 500 + 100 + 200. The 支出 list is no list of 政府性基金 200.
    text = ("某某市机关事务管理局2021年部门预算\n"
            "2021年收支总预算800.00万元，收入包括：一般公共预算拨款收入600.00万元、政府性基金预算拨款收入200.00万元；"
            "支出包括：一般公共服务支出500.00万元、社会保障和就业支出100.00万元、城乡社区支出200.00万元。\n")
    r = _check(tmp_path, "e.txt", text)
    assert not _errors(r)
    wrong = _check(tmp_path, "e2.txt", text.replace("政府性基金预算拨款收入200.00万元", "政府性基金预算拨款收入210.00万元"))
    assert [f.rule for f in wrong.findings if f.severity == "error"] == ["breakdown-sum"]


def test_an_items_own_budget_after_it(tmp_path: Path) -> None:
    # "因公出国（境）支出0万元，年初预算为0万元" is that item's 年初预算, not a second 三公 budget beside 2.95.
    text = ("某某单位2018年度部门决算\n"
            "2018年度本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元，年初预算为2.95万元，差值0.9万元；"
            "其中：因公出国（境）支出0万元，年初预算为0万元；公务用车运行维护费支出2.05万元，年初预算为2.95万元。\n")
    r = _check(tmp_path, "f.txt", text)
    assert not _errors(r, "fact-conflict")


def test_a_figure_labelled_only_by_its_side_under_an_item(tmp_path: Path) -> None:
    # "(二)公务接待费。支出预算1.90万元": the item the paragraph opens with, not the department's 支出总计.
    text = ("某某馆2022年部门预算\n"
            "二、2022年三公经费支出预算情况说明\n"
            "（一）因公出国（境）费。支出预算0万元，与2021年相比持平。\n"
            "（二）公务接待费。支出预算1.90万元，与2021年相比持平。\n"
            "（三）公务用车购置及运行费。支出预算2.40万元，比2021年预算减少6.80万元，下降73.91%。\n")
    r = _check(tmp_path, "g.txt", text)
    assert not _errors(r)  # 6.80 ÷ (2.40 + 6.80) = 73.91%


def test_a_label_that_opens_with_upon_comparison(tmp_path: Path) -> None:
    # "经比较2020年度…“三公”经费41万元" names the figure's own quantity: 41 is this year's, 19 ÷ 60 = 31.67%.
    text = ("某某镇2020年度部门决算\n"
            "经比较2020年度镇本级“三公”经费41万元，较上年减少19万元，下降31.67%。\n")
    r = _check(tmp_path, "h.txt", text)
    assert _status(r, "31.67%") == {"verified"}
    wrong = _check(tmp_path, "h2.txt", text.replace("31.67%", "43.78%"))
    found = [f for f in wrong.findings if f.rule == "growth-rate"]
    assert [(f.stated, f.expected) for f in found] == [("43.78%", "31.67%")]


def test_a_total_and_items_of_two_years(tmp_path: Path) -> None:
    # "2022年“三公”经费…3.46万元" and "2023年…因公出国（境）费0万元，公务用车…1.40万元，公务接待费0.28万元":
    # the sentences name two years, so 3.46 ≠ 1.68 is no identity that fails; one year's items against
    # their own total (1.68) still is.
    text = ("某某单位2023年度部门决算\n"
            "2022年“三公”经费财政拨款支出决算为3.46万元。\n"
            "2023年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，公务用车购置及运行维护费支出决算"
            "1.40万元，公务接待费支出决算0.28万元。\n")
    r = _check(tmp_path, "i.txt", text)
    assert not _errors(r, "identity")
    same_year = _check(tmp_path, "i2.txt", text.replace("2022年“三公”", "2023年“三公”"))
    assert [f.stated for f in same_year.findings if f.rule == "identity"] == ["3.46万元"]
