"""Defects reviewers found in real documents (gold.json should/must items, issue 25) that are warnings:
the department's name written another way, a year left in front of a listed item, a list by 功能分类 that
leaves out a class. Each on the document it was found in, with what the reviewer read there, and where
the same shape is right (the rule stays silent or verifies)."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetdoc import check

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _doc(rel: str) -> Path:
    p = SHARED / rel
    if not p.exists():
        pytest.skip(f"shared document missing: {p}")
    return p


def _fired(path: Path, rule: str) -> list:
    return [f for f in check(path).findings if f.rule == rule]


def test_department_name_with_and_for_yu_and_without_its_district() -> None:
    # Title: 上海市普陀区规划和自然资源局. p26 writes 规划与自然资源局 three times; p7 heads the tables
    # "上海市规划和自然资源局 2024 年度部门决算表": the city's bureau, another body.
    fs = _fired(_doc("real/putuo-guihuaziyuan-2024-final.pdf"), "department-name")
    said = sorted(f.stated for f in fs)
    assert said == ["上海市规划和自然资源局", "规划与自然资源局"], [f.message for f in fs]
    swap = next(f for f in fs if f.stated == "规划与自然资源局")
    assert {e.loc.page for e in swap.evidence} == {26} and len(swap.evidence) == 3
    assert all(f.severity == "warning" for f in fs)


def test_department_name_silent_where_the_name_is_written_as_titled() -> None:
    # Another Putuo bureau whose text and tables name it as its title does.
    assert not _fired(_doc("real/putuo-caizhengju-2024-final.pdf"), "department-name")


@pytest.mark.parametrize(("rel", "page", "item"), [
    ("corpus/021_泉州/2026年泉州市人民政府办公室部门预算.pdf", 38, "应急保障用车"),
    ("corpus/021_泉州/2026年泉州市公安局部门预算.pdf", 53, "机要"),
])
def test_a_year_in_front_of_a_listed_item(rel: str, page: int, item: str) -> None:
    # "其中：2026 应急保障用车 13 辆" (the count itself is right: 13 = 13).
    fs = [f for f in _fired(_doc(rel), "template-residue") if "年份" in f.message]
    assert len(fs) == 1 and item in fs[0].message and fs[0].evidence[0].loc.page == page, [f.message for f in fs]


def test_a_list_by_function_that_leaves_out_a_class() -> None:
    # 支出预算 515313.35 万元; the list: 1140.61 + 22232.40 + 447751.87 + 12600.00 + 16588.47 = 500313.35;
    # the 支出总表 prints 其他支出 15000.00 besides: 500313.35 + 15000.00 = 515313.35.
    fs = _fired(_doc("corpus/079_湖州/2026年湖州市卫生健康委员会部门预算.pdf"), "class-list")
    assert len(fs) == 1, [f.message for f in fs]
    f = fs[0]
    assert f.stated == "500313.35万元" and "515313.35" in (f.expected or "") and "其他支出15000.00" in f.message


@pytest.mark.parametrize("rel", [
    "corpus/079_湖州/2026年湖州市交通运输局部门预算.pdf",  # every class listed: the list adds up to 201286.11
    "corpus/079_湖州/2026年湖州市退役军人事务局部门预算.pdf",  # 6039.81 + 71.42 + 145.08 = 6256.31
])
def test_a_complete_list_by_function_is_verified(rel: str) -> None:
    r = check(_doc(rel))
    assert not [f for f in r.findings if f.rule == "class-list"]
    assert any(c.rule == "class-list" and c.status == "verified" for c in r.claims)


def test_an_item_name_read_from_its_line_when_the_figure_names_only_its_kind() -> None:
    # p24: "11、…自然资源事务(款)其他国土资源事务支出(项)。主要用于：事业单位项目支出。年初预算为45.00万元，支出决算为
    # 45.00万元": the tables' 2200199 of 45.00 is 其他自然资源事务支出 (the 2019 name of the item).
    fs = {f.stated: f for f in _fired(_doc("real/putuo-guihuaziyuan-2024-final.pdf"), "classification-item-name")}
    assert fs["其他国土资源事务支出"].expected == "其他自然资源事务支出", [f.message for f in fs.values()]
    assert "其他国土资源事务支出" in fs["其他国土资源事务支出"].evidence[0].quote
    assert fs["其他国土资源事务支出"].evidence[0].loc.page == 24


def test_an_item_name_no_row_has_against_the_row_of_its_amount_under_the_named_parent() -> None:
    # p22 "5、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员活动费支出（项）。…年初预算为0.88万元":
    # no table row is called so; under 20805 行政事业单位养老支出 the row of 0.88 is 2080599 其他行政事业单位养老支出
    # (p8, p10, p14), a name nothing like it (gold gh-item5-subject-name).
    fs = {f.stated: f for f in _fired(_doc("real/putuo-guihuaziyuan-2024-final.pdf"), "classification-item-name")}
    f = fs["机关事业单位退休人员活动费支出"]
    assert f.expected == "其他行政事业单位养老支出" and "20805 行政事业单位养老支出" in f.message
    assert f.evidence[0].loc.page == 22


def test_a_parent_item_named_otherwise_than_the_tables() -> None:
    # p24 "12、住房保障支出（类）住房保障支出（款）住房公积金（项）。" / "…年初预算为289.59万元": 2210201 住房公积金
    # 289.59 sits under 22102 住房改革支出 (p9, p11, p15); no 款 is called 住房保障支出 (gold gh-item12-13-kuan-name).
    # Items 12 and 13 write it alike: one finding.
    fs = [f for f in _fired(_doc("real/putuo-guihuaziyuan-2024-final.pdf"), "classification-item-name")
          if f.stated == "住房保障支出"]
    assert [(f.expected, f.evidence[0].loc.page) for f in fs] == [("住房改革支出", 24)], [f.message for f in fs]
    assert "住房保障支出（款）住房公积金（项）" in fs[0].evidence[0].quote
    # A 类 written with its pre-2019 name (医疗卫生与计划生育支出（类）, a 2024 budget) is classification-name's
    # finding, not a second one here.
    other = _doc("real/shanghai-putuo-shehuifuliyuan-2024-unit-budget.pdf")
    assert not _fired(other, "classification-item-name") and _fired(other, "classification-name")


@pytest.mark.parametrize(("rel", "page"), [
    ("real/putuo-sifaju-2026-unit-budget.pdf", 21),  # titled 单位预算: "2026年部门预算安排购置车辆0辆" (gold should)
    ("real/shanghai-municipal-caizhengju-2025-unit-budget.pdf", 21),  # the same template sentence
])
def test_a_unit_budget_that_speaks_of_the_department_budget(rel: str, page: int) -> None:
    fs = _fired(_doc(rel), "unit-as-department")
    assert len(fs) == 1 and fs[0].stated == "部门预算安排" and fs[0].expected == "单位预算安排", [f.message for f in fs]
    assert fs[0].evidence[0].loc.page == page


def test_a_department_budget_may_speak_of_the_department_budget() -> None:
    # The department's own budget (titled 部门预算) writes the same sentence rightly.
    assert not _fired(_doc("real/putuo-sifaju-2026-dept-budget.pdf"), "unit-as-department")


def test_personnel_split_differs_between_two_tables() -> None:
    # p8 财务收支预算总表 支出总计: 人员经费 20,374,181 + 公用经费 1,744,680 = 22,118,861; p19 经济分类 table:
    # 20,272,981.00 + 1,845,880.34 = 22,118,861.34. The same 基本支出, split another way (read on both pages).
    fs = _fired(_doc("real/putuo-sifaju-2026-unit-budget.pdf"), "personnel-split")
    assert len(fs) == 1 and fs[0].severity == "warning", [f.message for f in fs]
    assert {e.loc.page for e in fs[0].evidence} == {8, 19}
    assert "20,374,181" in fs[0].message and "1,845,880.34" in fs[0].message


def test_personnel_split_silent_where_the_tables_agree() -> None:
    # 湖州市财政局: the 合计 rows of p20 and p23 both give 人员经费 4944.99, 公用经费 626.67 (read on the pages).
    from budgetdoc.analysis import analyse
    from budgetdoc.config import DEFAULT
    from budgetdoc.load import load
    from budgetdoc.rules.across import _splits

    path = _doc("corpus/079_湖州/2026年湖州市财政局部门预算.pdf")
    splits = list(_splits(analyse(load(path), DEFAULT.overlay())))
    assert len({s.group for s in splits}) == 2 and {str(s.personnel.value) for s in splits} == {"4944.99"}
    assert not _fired(path, "personnel-split")


def test_template_choices_and_sentences_filled_with_wu() -> None:
    # 佛山 p26-27 (gold.json should fs-template-bu-wei-ban, fs-template-zhuyao-yongyu-wu): "局（部、委、办）机关及
    # 下属" three times, "公务用车保有量为0辆，主要用于无", "开支内容包括：无". The only matches over the corpus,
    # real/ and the seeds.
    found = _fired(_doc("real/guangdong-foshan-guidaojiaotongju-2019-final.pdf"), "template-residue")
    messages = sorted(f.message for f in found if "如有" not in f.message)  # （如有）: tests/test_typing_slips.py
    assert len(messages) == 3 and all(f.severity == "warning" for f in found)
    [choice] = [m for m in messages if "(部、委、办)" in m]
    assert "共3处" in choice
    assert "主要用于无" in "".join(messages) and "开支内容包括:无" in "".join(messages)


def test_no_template_residue_where_a_choice_was_made(tmp_path: Path) -> None:
    p = tmp_path / "doc.txt"
    p.write_text("某某局2026年部门预算\n全年使用财政拨款安排局机关及下属2个单位出国团组0个。公务用车保有量为3辆，主要用于执法执勤。\n",
                 encoding="utf-8")
    assert not [f for f in check(p).findings if f.rule == "template-residue"]
