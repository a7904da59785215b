"""Shapes a seventh generator written blind (bench/blind7: layouts of 北京, 江西, 广西, 辽宁, 河南, 山东 …) used, each
once misread: a unit's figures after its name (分单位看：A（本级）收入…；B本年收入…) taken for the department's; an
item's 全年实际支出 after its 支出决算 keyed to no item; an item's 上年 in a 三公 sentence keyed to the total after
"完成全年预算X的Y%"; "决算合计" and "政府性基金预算支出预算" left unnamed; 预算数为X in a budget keyed to nothing;
amounts taken for a count's names; a table's unit named only in its column headers (金额（元）); a worksheet
whose tables follow its contents without an empty row. And the defects planted that were missed: a figure
labelled with the wrong year (2027年… in a 2026 budget compared with 2025; 本部门2020年度… 比2020年度 in a
2021 final), an item stated twice in one sentence, 202X年 left from the template. Figures are made up in the
same shapes and checked by hand in the comments; each test keeps a wrong figure of the shape an error."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from test_blind5_shapes import _right_then_wrong
from test_unseen_shapes import _check as _text
from test_unseen_shapes import _errors

from budgetdoc import check


def test_units_named_before_their_figures_are_not_the_department(tmp_path: Path) -> None:
    # 本年收入合计 2417.97 = 本级 263.76 + 图书馆 1035.29 + 文化馆 1118.92. Each unit's 收入 was read as the
    # department's 本年收入合计 and reported as a conflict with 2417.97.
    text = ("奉新县文化广电和旅游局2023年度部门决算\n"
            "本部门下属单位2个（不含本级），全部门本年收入合计2417.97万元、本年支出合计2399.88万元。"
            "分单位看：奉新县文化广电和旅游局（本级）收入263.76万元、支出245.68万元；奉新县图书馆本年收入1035.29万元、"
            "支出1035.28万元；奉新县文化馆本年收入1118.92万元、支出1118.92万元。\n"
            "本部门2023年度本年收入合计2417.97万元，比2022年度减少541.55万元，下降18.30%。\n")
    # 2417.97 + 541.55 = 2959.52; 541.55 ÷ 2959.52 = 18.30%.
    r = _text(tmp_path, "c.txt", text)
    assert not [f for f in r.findings if f.severity in ("error", "warning")]
    # the department's 本年收入合计 is 2417.97 only; no unit's 收入 is taken for it
    assert {f.stated for f in r.facts if f.key == "income.current_year"} == {"2417.97万元"}


def test_an_items_spending_after_its_final_figure_stays_the_items(tmp_path: Path) -> None:
    # 支出决算为55.42 (actual) and 全年实际支出55.42: the item's figure twice. The second was keyed to a bare
    # "func" quantity, and two items' 全年实际支出 (55.42, 25.37) conflicted. 55.42 ÷ 39.84 = 139.11%;
    # 25.37 ÷ 20.57 = 123.33%.
    text = ("奉新县文化广电和旅游局2023年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n"
            "7.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）。年初预算为39.84万元，"
            "支出决算为55.42万元，完成年初预算的139.11%。决算数大于预算数的主要原因是年中追加；全年实际支出55.42万元。\n"
            "8.卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。年初预算为20.57万元，支出决算为25.37万元，"
            "完成年初预算的123.33%。决算数大于预算数的主要原因是人员变动；全年实际支出25.37万元。\n")
    # written 52.37 the item's second statement conflicts with its 支出决算
    assert _right_then_wrong(tmp_path, text, "全年实际支出25.37", "全年实际支出52.37") == [("fact-conflict", "25.37万元")]


def test_an_items_last_year_in_a_sangong_sentence_is_the_items(tmp_path: Path) -> None:
    # The list after "决算为33.77万元，完成全年预算32.85万元的102.8%，上年9.63万元；其中：" is of the 33.77 spent,
    # not of the 32.85 budget: 因公出国 0.00 and its 上年 0.99 are that item's (9.63 = 0.99 + 5.00 + 3.64).
    # 33.77 ÷ 32.85 = 102.80%; 20.00 ÷ 20.00 = 100.0%; 13.77 ÷ 12.85 = 107.16% → 107.2%.
    text = ("柳城县应急管理局2021年度部门决算\n七、财政拨款“三公”经费支出决算情况说明\n"
            "2021年度“三公”经费财政拨款支出决算为33.77万元，完成全年预算32.85万元的102.8%，上年9.63万元；"
            "其中：因公出国（境）费支出决算为0.00万元，上年为0.99万元；公务用车购置及运行维护费支出决算为20.00万元，"
            "完成全年预算20.00万元的100.0%，上年为5.00万元；公务接待费支出决算为13.77万元，完成全年预算12.85万元的"
            "107.2%，上年为3.64万元。\n")
    r = _text(tmp_path, "a.txt", text)
    assert not _errors(r)
    assert {f.key: f.stated for f in r.facts if f.key.startswith("sangong.abroad")} == \
        {"sangong.abroad": "0.00万元", "sangong.abroad.prev": "0.99万元"}


def test_a_total_stated_again_as_its_final_total(tmp_path: Path) -> None:
    # "决算合计": the role word before 合计. 6.81 stated again as 6.18 is one figure two ways.
    text = ("柳城县应急管理局2022年度部门决算\n七、财政拨款“三公”经费支出决算情况说明\n"
            "2022年度“三公”经费财政拨款支出决算为6.81万元，完成全年预算8.00万元的85.13%。\n"
            "综上，“三公”经费财政拨款支出决算合计6.81万元。\n")
    # 6.81 ÷ 8.00 = 85.125% → 85.13%
    assert _right_then_wrong(tmp_path, text, "决算合计6.81", "决算合计6.18") == [("fact-conflict", "6.81万元")]


def test_a_funds_spending_budget_named_without_its_allocation_word(tmp_path: Path) -> None:
    # 政府性基金预算支出预算 (拨款 left out): the fund's spending, which its one item (土地开发支出 153.18) makes up.
    text = ("五常市自然资源局2024年部门预算\n"
            "2024年政府性基金预算支出预算153.18万元，主要用于：土地开发支出（项）153.18万元。\n")
    assert _right_then_wrong(tmp_path, text, "支出预算153.18", "支出预算92.75") == [("breakdown-sum", "153.18万元")]


def test_a_budget_figure_stated_twice_in_one_sentence(tmp_path: Path) -> None:
    # 预算数为X in a budget is the item's own figure; 本年预算安排 restates it. 59.87 + 5.99 = 65.86;
    # 5.99 ÷ 65.86 = 9.09%.
    text = ("某区政务服务局2023年部门预算\n五、一般公共预算支出预算情况说明\n"
            "6.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）：预算数为59.87万元，"
            "较上年预算减少5.99万元，下降9.09%，主要原因是部分项目已完成；本年预算安排59.87万元，主要用于机构正常运转。\n")
    assert _right_then_wrong(tmp_path, text, "本年预算安排59.87", "本年预算安排95.87") == [("fact-conflict", "59.87万元")]


def test_a_figure_labelled_with_a_year_its_comparison_rules_out(tmp_path: Path) -> None:
    # Compared with 2025 (the year before), a 2026 budget's figure is 2026's: 2027 is a slip. The text names
    # its own year in three more lines. 41.16 − 24.81 = 16.35; 16.35 ÷ 24.81 = 65.9%.
    text = ("临泽县应急管理局2026年部门预算\n2026年部门预算收入合计1000.00万元。\n2026年部门预算支出合计1000.00万元。\n"
            "2026年一般公共预算“三公”经费预算数为41.16万元，比2025年预算增加16.35万元，增长65.9%。\n")
    assert _right_then_wrong(tmp_path, text, "2026年一般公共预算“三公”", "2027年一般公共预算“三公”") \
        == [("figure-year", "2026")]
    # A later year compared with 上年 in a budget of an earlier year: 2024 in a 2023 budget.
    budget = text.replace("2026", "2023").replace("比2025年预算", "比上年预算")
    assert _right_then_wrong(tmp_path, budget, "2023年一般公共预算“三公”", "2024年一般公共预算“三公”") \
        == [("figure-year", "2023")]
    # A later year with no comparison (a plan) is not weighed.
    plan = text.replace("2026年一般公共预算“三公”经费预算数为41.16万元，比2025年预算增加16.35万元，增长65.9%。",
                        "2027年计划安排信息化建设资金50.00万元。")
    assert not _errors(_text(tmp_path, "plan.txt", plan))


def test_a_figure_of_the_year_it_is_compared_with(tmp_path: Path) -> None:
    # "本部门2020年度本年支出合计…，比2020年度减少" in a 2021 final: the department's name before the year.
    # 3370.90 + 388.03 = 3758.93; 388.03 ÷ 3758.93 = 10.32%.
    text = ("永靖县政务服务管理局2021年度部门决算\n"
            "本部门2021年度本年支出合计3370.90万元，比2020年度减少388.03万元，降低10.32%。\n")
    assert _right_then_wrong(tmp_path, text, "本部门2021年度", "本部门2020年度") == [("self-comparison", "2021")]


def test_a_template_year_with_its_last_digit_open(tmp_path: Path) -> None:
    r = _text(tmp_path, "a.txt", "临泽县应急管理局2026年部门预算\n第一部分 202X年部门预算表\n")
    assert [(f.rule, f.stated) for f in r.findings if f.rule == "template-residue"] == [("template-residue", "202X年")]


def test_a_tables_unit_named_in_its_column_headers(tmp_path: Path) -> None:
    # 收入总计 24,843,137.86 元 in the table is the 2484.31 万元 of the text: the unit is in the headers only.
    d = docx.Document()
    d.add_paragraph("奉新县文化广电和旅游局2023年度部门决算")
    d.add_paragraph("本部门2023年度收入总计2484.31万元，支出总计2484.31万元。")
    d.add_paragraph("附表1：收入支出决算总表")
    rows = [["项目", "金额（元）", "项目", "金额（元）"],
            ["一般公共预算财政拨款收入", "24,843,137.86", "一般公共服务支出", "24,843,137.86"],
            ["本年收入合计", "24,843,137.86", "本年支出合计", "24,843,137.86"],
            ["收入总计", "24,843,137.86", "支出总计", "24,843,137.86"]]
    t = d.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.save(str(tmp_path / "a.docx"))
    r = check(tmp_path / "a.docx")
    assert not [f for f in r.findings if f.severity == "error"]
    assert {f.key: str(f.value_yuan) for f in r.facts if f.key == "income.total" and f.loc.table is not None} \
        == {"income.total": "24843137.86"}


def test_a_worksheets_tables_after_its_contents(tmp_path: Path) -> None:
    # The contents (one cell a row) run straight into 表1's title: 表1 is its own table, read under its title,
    # and the table the contents list but the sheet lacks (财政拨款收支总表) is the one named.
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in ["临泽县自然资源局2024年部门预算", "目  录", "第一部分 部门预算表", "一、部门收支总表", "二、部门收入总表",
                 "三、部门支出总表", "四、财政拨款收支总表", "第二部分 部门概况", "第三部分 部门预算情况说明",
                 "第一部分 2024年部门预算表", "表1  2024年部门收支总表", "单位: 万元"]:
        ws.append([line])
    ws.append(["收    入", None, "支    出", None])
    ws.append(["项目", "金额", "项目", "金额"])
    ws.append(["一般公共预算拨款收入", 272.19, "社会保障和就业支出", 272.19])
    ws.append(["本年收入合计", 272.19, "本年支出合计", 272.19])
    ws.append(["收入总计", 272.19, "支出总计", 272.19])
    ws.append([])
    ws.append(["表2  2024年部门收入总表"])
    ws.append(["科目编码", "科目名称", "合计", "一般公共预算拨款收入"])
    ws.append([None, "合计", 272.19, 272.19])
    ws.append(["208", "社会保障和就业支出", 272.19, 272.19])
    ws.append([])
    ws.append(["表3  2024年部门支出总表"])
    ws.append(["科目编码", "科目名称", "合计", "基本支出", "项目支出"])
    ws.append([None, "合计", 272.19, 200.00, 72.19])
    ws.append(["208", "社会保障和就业支出", 272.19, 200.00, 72.19])
    wb.save(str(tmp_path / "a.xlsx"))
    r = check(tmp_path / "a.xlsx")
    absent = [f.expected for f in r.findings if f.rule == "table-absent"]
    assert absent == ["财政拨款收支总表"]
