"""Sentences read by the roles of their numbers (this year's level, last year's, budget, change, rate,
share and its base, completion), one shape at a time as real disclosures write them, each with a
case that must fire and one that must not. Every expected figure is worked out in the comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetdoc import check

BUDGET = "某某局2021年度部门预算\n一、一般公共预算支出情况\n"
FINAL = "某某局2020年度部门决算\n一、支出决算情况\n"


def _findings(tmp_path: Path, head: str, line: str) -> list[tuple[str, str, str | None, str | None]]:
    p = tmp_path / "doc.txt"
    p.write_text(head + line + "\n", encoding="utf-8")
    return [(f.rule, f.severity, f.stated, f.expected) for f in check(p).findings]


def _facts(tmp_path: Path, head: str, line: str) -> dict[str, list[str]]:
    p = tmp_path / "doc.txt"
    p.write_text(head + line + "\n", encoding="utf-8")
    out: dict[str, list[str]] = {}
    for f in check(p).facts:
        out.setdefault(f.key, []).append(f.stated)
    return out


# (head, line, the (rule, severity, stated, expected) that must be found; None: no finding at all)
SHAPES = {
    # 功能分类 item: 上年执行数 B, 本年安排 C, 比上年 P — P from B → C: 15 ÷ 100 = 15.00%, not 10.00%.
    "item-rate-fires": (BUDGET, "2.一般行政管理事务（项）85.00万元。上年执行数为100.00万元，本年安排85.00万元，"
                                "比上年减少10.00%。", ("growth-rate", "error", "10.00%", "15.00%")),
    "item-rate-ok": (BUDGET, "2.一般行政管理事务（项）85.00万元。上年执行数为100.00万元，本年安排85.00万元，"
                             "比上年减少15.00%。", None),
    # The item's amount A (80.00) and 本年安排 C (85.00) are one figure stated twice.
    "item-twice-fires": (BUDGET, "3.一般行政管理事务（项）80.00万元。上年执行数为100.00万元，本年安排85.00万元，"
                                 "比上年减少15.00%。", ("fact-conflict", "error", "85.00万元", "80.00万元")),
    # A change equal to the level: last year was 0, so "增长100%" has no meaning (a warning).
    "zero-base-growth": (BUDGET, "4.机关服务（项）30.00万元，比上年增加30.00万元，增长100%。",
                         ("zero-base", "warning", "100%", "不适用（上年为0）")),
    "growth-ok": (BUDGET, "4.机关服务（项）30.00万元，比上年增加10.00万元，增长50.00%。", None),  # 10 ÷ 20
    # Growth divided by this year instead of last year: 17.05 ÷ 384.49 = 4.43%; right is 17.05 ÷ 367.44 = 4.64%.
    "growth-this-year-base": (FINAL, "收入总计384.49万元，与2019年相比增加17.05万元，增长4.43%。",
                              ("growth-rate", "error", "4.43%", "4.64%")),
    # Completion of a zero budget is meaningless (a warning); 30 ÷ 25 = 120% is right.
    "zero-budget-completion": (FINAL, "4.事业运行（项）支出决算20.00万元，年初预算为0万元，完成年初预算的100%。",
                               ("zero-base", "warning", "100%", "不适用（预算为0）")),
    "completion-ok": (FINAL, "5.机关服务（项）支出决算30.00万元，年初预算为25.00万元，完成年初预算的120.00%。", None),
    "completion-fires": (FINAL, "5.机关服务（项）支出决算30.00万元，年初预算为25.00万元，完成年初预算的130.00%。",
                         ("completion-rate", "error", "130.00%", "120.00%")),
    # A share whose base is named: 221.33 ÷ 384.49 = 57.5646%; 57.57% is within the inputs' rounding
    # (221.335 ÷ 384.485 = 57.567%), 59.57% is not.
    "share-named-base-fires": (FINAL, "基本支出221.33万元，占本年支出合计384.49万元的59.57%。",
                               ("share", "error", "59.57%", "57.56%")),
    "share-named-base-ok": (FINAL, "基本支出221.33万元，占本年支出合计384.49万元的57.57%。", None),
    # Direction words that disagree: 减少 … 增加了.
    "direction-fires": (FINAL, "支出46.06万元，比上年减少52.63万元，增加了53.33%。",
                        ("change-direction", "error", "减少/增加了", None)),
    # A rate inside the reason for a change is not the change's rate.
    "reason-rate-ok": (BUDGET, "会议费预算支出1469.73万元，比上年预算增加164.48万元，主要原因是按规定专项经费统一压减10%。",
                       None),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_sentence_shape(tmp_path: Path, name: str) -> None:
    head, line, expected = SHAPES[name]
    found = _findings(tmp_path, head, line)
    if expected is None:
        assert not [f for f in found if f[1] in ("error", "warning")], found
    else:
        assert expected in found, found


@pytest.mark.parametrize("line", ["收入、支出总计均为384.49万元。", "收支总计各384.49万元。",
                                  "收入、支出预算总计均为 384.49 万元。"])
def test_both_totals_in_one_phrase(tmp_path: Path, line: str) -> None:
    facts = _facts(tmp_path, FINAL, line)
    assert [s.replace(" ", "") for s in facts["income.total"]] == ["384.49万元"]
    assert [s.replace(" ", "") for s in facts["expense.total"]] == ["384.49万元"]


def test_item_breakdown_is_not_the_departments(tmp_path: Path) -> None:
    """进修及培训（20508）…具体为：人员经费0.00万元；公用经费28.32万元: the item's own 人员/公用经费, so no
    department-level 公用经费 fact (that would conflict with the next item's)."""
    facts = _facts(tmp_path, BUDGET, "（1）进修及培训（20508）102.32万元，较上年增加102.32万元。具体为：人员经费0.00万元，"
                                     "较上年无变化；公用经费28.32万元，较上年增加28.32万元。")
    assert not [k for k in facts if k.endswith(("expense.personnel", "expense.public"))], facts


def test_scoped_procurement_is_its_scopes(tmp_path: Path) -> None:
    """All funds first, then 其中一般公共预算拨款 with its own goods/services: two scopes, no conflict."""
    line = ("政府采购预算总额11884.37万元：政府采购货物预算2703.49万元、政府采购工程预算239.56万元、政府采购服务预算"
            "8941.32万元；其中一般公共预算拨款政府采购11307.34万元：政府采购货物预算2703.19万元、政府采购工程预算"
            "239.56万元、政府采购服务预算8364.59万元。")
    assert not [f for f in _findings(tmp_path, BUDGET, line) if f[1] == "error"]
    facts = _facts(tmp_path, BUDGET, line)
    assert facts["procurement.goods"] == ["2703.49万元"] and facts["gpb.procurement.goods"] == ["2703.19万元"]
