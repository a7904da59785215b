"""Shapes a sixteenth generator written blind (bench/blind16: 2026 budgets and 2025 finals of 河北, 山东, 湖北 …
departments with 政府性基金, per-unit tables and 国有资产) showed read wrong or not read. Figures are made up and
checked by hand in the comments; the layouts are the generator's.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_unseen_shapes import _check, _errors, _status

from budgetdoc import check

_FISCAL = """某某市市场监督管理局2026年部门预算
表4 财政拨款收支总表
单位：万元
收入\t\t支出\t\t\t\t
项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算
一般公共预算拨款\t3,031.72\t一般公共服务支出\t{c201}\t{c201}\t0.00\t0.00
政府性基金预算拨款\t0.00\t社会保障和就业支出\t{c208}\t{c208}\t0.00\t0.00
国有资本经营预算拨款\t0.00\t卫生健康支出\t98.60\t98.60\t0.00\t0.00
\t\t住房保障支出\t40.35\t40.35\t0.00\t0.00
本年收入合计\t3,031.72\t本年支出合计\t3,031.72\t3,031.72\t0.00\t0.00
收入总计\t3,031.72\t支出总计\t3,031.72\t\t\t

表5 一般公共预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t3,031.72\t2,183.41\t848.31
201\t一般公共服务支出\t2,598.62\t1,750.31\t848.31
20138\t市场监督管理事务\t2,598.62\t1,750.31\t848.31
2013801\t行政运行\t1,564.72\t1,564.72\t0.00
2013802\t一般行政管理事务\t848.31\t0.00\t848.31
2013850\t事业运行\t185.59\t185.59\t0.00
208\t社会保障和就业支出\t294.15\t294.15\t0.00
20805\t行政事业单位养老支出\t294.15\t294.15\t0.00
2080505\t机关事业单位基本养老保险缴费支出\t294.15\t294.15\t0.00
210\t卫生健康支出\t98.60\t98.60\t0.00
21011\t行政事业单位医疗\t98.60\t98.60\t0.00
2101101\t行政单位医疗\t98.60\t98.60\t0.00
221\t住房保障支出\t40.35\t40.35\t0.00
22102\t住房改革支出\t40.35\t40.35\t0.00
2210201\t住房公积金\t40.35\t40.35\t0.00
"""


def test_a_class_of_the_fiscal_summary_against_the_general_budget_table(tmp_path: Path) -> None:
    # 2,598.62 + 294.15 + 98.60 + 40.35 = 3,031.72 in both tables (by hand).
    ok = _check(tmp_path, "ok.txt", _FISCAL.format(c201="2,598.62", c208="294.15"))
    assert not _errors(ok)
    # 100.00 moved from 208 to 201 in the 财政拨款收支总表's 一般公共预算 column (and 合计), its total kept: the
    # 一般公共预算支出表's 类 are the sums of their 款 and both totals agree, so the 收支总表's cells are the wrong ones.
    bad = _check(tmp_path, "bad.txt", _FISCAL.format(c201="2,698.62", c208="194.15"))
    found = [(f.stated, f.expected) for f in bad.findings if f.rule == "table-figures" and f.severity == "error"]
    assert found == [("2,698.62", "2,598.62"), ("194.15", "294.15")]
    assert all("财政拨款收支总表此格有误" in f.message for f in bad.findings if f.rule == "table-figures")


def test_the_fiscal_pair_read_from_a_workbook(tmp_path: Path) -> None:
    # The same tables as an XLSX of one sheet each, numbers as numbers.
    wb = openpyxl.Workbook()
    sheets = _FISCAL.format(c201="2698.62", c208="194.15").split("\n\n")
    wb.remove(wb.active)
    for i, block in enumerate(sheets):
        ws = wb.create_sheet(f"表{i + 4}")
        for line in block.strip().split("\n"):
            ws.append([_cell(x) for x in line.split("\t")])
    path = tmp_path / "fiscal.xlsx"
    wb.save(path)
    found = [(f.stated, f.expected) for f in check(path).findings if f.rule == "table-figures" and f.severity == "error"]
    assert found == [("2698.62", "2598.62"), ("194.15", "294.15")]


def _cell(x: str) -> str | float:
    try:
        return float(x.replace(",", ""))
    except ValueError:
        return x


def test_a_point_change_from_last_years_share_in_the_phrase(tmp_path: Path) -> None:
    # This year's share 58.22% (stated before), last year's 60.08% in the phrase: 58.22 − 60.08 = −1.86.
    text = ("某某局2025年度部门决算\n2025年本年支出合计4121.56万元，其中：基本支出1722.18万元，占41.78%；项目支出2399.38万元，"
            "占58.22%。项目支出占比较上年的60.08%下降{n}个百分点，主要原因是项目资金安排减少。\n")
    assert not _errors(_check(tmp_path, "ok.txt", text.format(n="1.86")))
    bad = _check(tmp_path, "bad.txt", text.format(n="5.07"))
    assert [(f.stated, f.expected) for f in bad.findings if f.rule == "point-change"] == [("5.07", "1.86")]


def test_equipment_in_sets_and_floor_area_broken_down(tmp_path: Path) -> None:
    # 2 + 1 = 3 台（套）; 2937 + 3879 + 1595 = 8411 平方米 (by hand).
    text = ("某某局2025年度部门决算\n十、国有资产占有使用情况\n截至2025年12月31日，本部门单价50万元以上设备{n}台（套），"
            "其中通用设备2台（套）、专用设备1台（套）；房屋面积{area}平方米，其中：办公用房2937平方米、业务用房3879平方米、"
            "其他用房1595平方米。\n")
    ok = _check(tmp_path, "ok.txt", text.format(n="3", area="8411"))
    assert not _errors(ok) and _status(ok, "8411平方米") == {"verified"}
    # 2 + 1 > 2 sets; 2937 + 3879 + 1595 = 8411 > 7411.
    bad = _check(tmp_path, "bad.txt", text.format(n="2", area="7411"))
    assert sorted(f.stated for f in bad.findings if f.rule == "count-breakdown") == ["2台(套)", "7411平方米"]


def test_a_ratio_with_last_years_level_in_its_sentence_and_this_years_before(tmp_path: Path) -> None:
    # 64240.48 ÷ 44521.22 = 1.44292: 为上年的144.29% (by hand).
    text = ("某某局2025年度部门决算\n2025年度收入总计64240.48万元，支出总计64240.48万元。收入总计上年为44521.22万元，"
            "为上年的{r}%。\n")
    ok = _check(tmp_path, "ok.txt", text.format(r="144.29"))
    assert not _errors(ok) and _status(ok, "144.29%") == {"verified"}
    bad = _check(tmp_path, "bad.txt", text.format(r="159.80"))
    assert [(f.stated, f.expected) for f in bad.findings if f.rule == "prior-ratio"] == [("159.80%", "本年为上年的144.29%")]


_UNITS = """某某县农业农村局2026年部门预算
部门收入总表
单位：元
单位编码\t单位名称\t合计\t一般公共预算拨款收入\t事业收入
\t部门合计\t4,559,344.67\t4,427,076.75\t132,267.92
305001\t某某县农业农村局（本级）\t{own}\t{own}\t0.00
305002\t某某县农业技术推广中心\t1,633,053.60\t1,500,785.68\t132,267.92
305003\t某某县动物疫病预防控制中心\t1,463,158.44\t1,463,158.44\t0.00

部门支出总表
单位：元
单位编码\t单位名称\t合计\t基本支出\t项目支出
\t部门合计\t4,559,344.67\t3,817,756.66\t741,588.01
305001\t某某县农业农村局（本级）\t1,463,132.63\t1,215,429.83\t247,702.80
305002\t某某县农业技术推广中心\t1,633,053.60\t1,139,168.39\t493,885.21
305003\t某某县动物疫病预防控制中心\t1,463,158.44\t1,463,158.44\t0.00
"""


def test_the_unit_row_that_breaks_its_tables_total(tmp_path: Path) -> None:
    # A blind9 shape: 1,463,132.63 + 1,633,053.60 + 1,463,158.44 = 4,559,344.67 in both tables (by hand).
    ok = _check(tmp_path, "ok.txt", _UNITS.format(own="1,463,132.63"))
    assert not _errors(ok)
    # 本级 raised to 1,753,832.63 in the 收入总表 (its row still balanced): the rows add up to 4,850,044.67; with the
    # 支出总表's 1,463,132.63 for it they add up to the 合计 again, so that cell is the one named.
    bad = _check(tmp_path, "bad.txt", _UNITS.format(own="1,753,832.63"))
    found = [(f.stated, f.expected) for f in bad.findings if f.severity == "error" and f.rule == "table-hierarchy"]
    assert found == [("1,753,832.63", "1,463,132.63")]


_CLASSES = """某某区司法局2023年部门预算
五、一般公共预算支出预算情况
一般公共预算支出6169.81万元。按支出功能分类，公共安全支出、社会保障和就业支出、卫生健康支出和住房保障支出分别为{a}万元、{b}万元、189.14万元、{c}万元。
一般公共预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t6169.81\t4017.75\t2152.06
204\t公共安全支出\t5208.35\t3056.29\t2152.06
20406\t司法\t5208.35\t3056.29\t2152.06
208\t社会保障和就业支出\t488.61\t488.61\t0.00
20805\t行政事业单位养老支出\t488.61\t488.61\t0.00
210\t卫生健康支出\t189.14\t189.14\t0.00
21011\t行政事业单位医疗\t189.14\t189.14\t0.00
221\t住房保障支出\t283.71\t283.71\t0.00
22102\t住房改革支出\t283.71\t283.71\t0.00
"""


def test_two_classes_amounts_swapped_in_a_fenbie_list(tmp_path: Path) -> None:
    # A blind12 shape. 5208.35 + 488.61 + 189.14 + 283.71 = 6169.81 (by hand), so a swap keeps the sum.
    ok = _check(tmp_path, "ok.txt", _CLASSES.format(a="5208.35", b="488.61", c="283.71"))
    assert not _errors(ok)
    bad = _check(tmp_path, "bad.txt", _CLASSES.format(a="5208.35", b="283.71", c="488.61"))
    found = [(f.stated, f.expected) for f in bad.findings if f.rule == "class-swap"]
    assert found == [("283.71万元", "488.61万元"), ("488.61万元", "283.71万元")]
    # An amount that is no class's (a wrong figure, not a swap) is not this rule's.
    other = _check(tmp_path, "other.txt", _CLASSES.format(a="5208.35", b="400.00", c="283.71"))
    assert not [f for f in other.findings if f.rule == "class-swap"]
