"""Shapes a seventeenth generator written blind (bench/blind17: 2025 部门决算 of departments with many units, per-unit
tables, comparison tables with 增减额 and 增减率) showed read wrong or not read. Figures are made up and checked by hand
in the comments; the layouts are the generator's.
"""

from __future__ import annotations

from pathlib import Path

from test_unseen_shapes import _check, _errors, _status

_UNITS = """张掖市人民政府办公室2025年度部门决算
一、收入支出决算总体情况
张掖市人民政府办公室2025年度本年收入合计3129.89万元，年初结转和结余47.75万元；本年支出合计3138.50万元，年末结转和结余39.14万元。
本部门所属7个单位中，支出规模较大的两个单位是：张掖市档案馆本年收入合计618.97万元，本年支出合计{archive}万元，年末结转和结余3.89万元；张掖市人民政府研究室本年收入合计266.51万元，本年支出合计267.84万元，年末结转和结余5.78万元。
表2 支出决算表
单位：万元
单位代码\t单位名称\t本年支出合计\t基本支出\t项目支出
440001\t张掖市人民政府办公室（本级）\t221.51\t109.93\t111.58
440002\t张掖市信息化中心\t600.11\t406.34\t193.77
440003\t张掖市人民政府研究室\t267.84\t126.51\t141.33
440004\t张掖市档案馆\t628.88\t406.48\t222.40
440005\t张掖市机关事务服务中心\t411.33\t205.29\t206.04
440006\t张掖市接待服务中心\t479.35\t326.51\t152.84
440007\t张掖市政务服务中心\t529.48\t305.64\t223.84
\t合计\t3138.50\t1886.70\t1251.80
"""


def test_a_units_figures_named_inline_are_the_units(tmp_path: Path) -> None:
    # 221.51 + 600.11 + 267.84 + 628.88 + 411.33 + 479.35 + 529.48 = 3138.50 (by hand). The units' 本年支出合计 in the
    # text are theirs, not the department's 3138.50 (and 研究室 is no short name of 办公室: both end in 室).
    ok = _check(tmp_path, "ok.txt", _UNITS.format(archive="628.88"))
    assert not _errors(ok)
    assert _status(ok, "628.88万元") == {"verified"}  # against the 档案馆 row of the 支出决算表
    # The 档案馆's figure in the text against its row: 528.88 is not 628.88.
    bad = _check(tmp_path, "bad.txt", _UNITS.format(archive="528.88"))
    assert [(f.rule, f.stated) for f in bad.findings if f.severity == "error"] == [("unit-row-text", "528.88万元")]


def test_the_parts_changes_against_the_wholes_when_the_parts_make_it(tmp_path: Path) -> None:
    # 1561.34 + 1163.47 = 2724.81 (by hand): 基本支出 and 项目支出 are all of 本年支出合计 this year, so their changes
    # make its change: 84.86 − 151.66 = −66.80. With 99.57 they make −52.09.
    text = ("某某局2025年度部门决算\n本年支出合计2724.81万元，比上年减少66.80万元。其中：基本支出1561.34万元，比上年增加{a}万元；"
            "项目支出1163.47万元，比上年减少151.66万元。\n")
    ok = _check(tmp_path, "ok.txt", text.format(a="84.86"))
    assert not ok.findings and _status(ok, "66.80万元") == {"verified"}
    bad = _check(tmp_path, "bad.txt", text.format(a="99.57"))
    found = [f for f in bad.findings if f.rule == "change-sum"]
    assert [(f.severity, f.stated, f.expected) for f in found] == [("warning", "66.80万元", "减少52.09万元")]
    assert "基本支出增加99.57万元" in found[0].message and "99.57万元" in found[0].evidence[0].quote


_RATES = """某某局2025年度部门决算
财政拨款“三公”经费支出决算表
单位：元
项目\t上年决算数\t本年决算数\t增减额\t增减率(%)
合计\t457,600.00\t301,000.00\t-156,600.00\t-34.2
1.因公出国（境）费\t0.00\t21,000.00\t21,000.00\t{abroad}
2.公务用车购置及运行维护费\t356,600.00\t203,200.00\t-153,400.00\t{car}
3.公务接待费\t101,000.00\t76,800.00\t-24,200.00\t-24.0
"""


def test_a_comparison_tables_rate_column(tmp_path: Path) -> None:
    # −156,600 ÷ 457,600 = −34.22%; −153,400 ÷ 356,600 = −43.02%; −24,200 ÷ 101,000 = −23.96% (by hand).
    ok = _check(tmp_path, "ok.txt", _RATES.format(abroad="—", car="-43.0"))
    assert not [f for f in ok.findings if f.rule == "table-change"]
    # −43.0 printed as 75.5 (÷ this year's 203,200): wrong; a rate on last year's 0 has no value.
    bad = _check(tmp_path, "bad.txt", _RATES.format(abroad="100.0", car="75.5"))
    found = sorted((f.severity, f.stated, f.expected) for f in bad.findings if f.rule == "table-change")
    assert found == [("error", "75.5", "-43.0"), ("warning", "100.0", "不适用（上年为0）")]


def test_a_share_of_a_total_named_without_its_scope(tmp_path: Path) -> None:
    # "基本支出中公用经费368.91万元，其中…机关运行经费294.19万元，占公用经费的79.75%": 294.19 ÷ 368.91 = 79.747% (by hand).
    text = ("某某局2025年度部门决算\n七、机关运行经费支出情况说明\n2025年度本部门一般公共预算财政拨款基本支出中公用经费368.91万元，"
            "其中行政单位（含参照公务员法管理的事业单位）机关运行经费294.19万元，占公用经费的{p}%。\n")
    ok = _check(tmp_path, "ok.txt", text.format(p="79.75"))
    assert not _errors(ok) and _status(ok, "79.75%") == {"verified"}
    bad = _check(tmp_path, "bad.txt", text.format(p="98.56"))
    assert [(f.stated, f.expected) for f in bad.findings if f.rule == "share"] == [("98.56%", "79.75%")]
