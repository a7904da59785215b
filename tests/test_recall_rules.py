"""Defects reviewers found in real documents that the checker used to miss (issue 18, item 5): each
check on the labelled page it must catch, and a correct statement on the same page it must leave alone.
Expected values computed by hand from the PDFs (pdfplumber text, y_tolerance=6)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from budgetdoc import check
from budgetdoc.model import CheckResult, Finding

SHARED = Path(__file__).resolve().parents[2] / "shared"


@cache
def _checked(rel: str) -> CheckResult:
    p = SHARED / rel
    if not p.exists():
        pytest.skip(f"{p} not available")
    return check(p)


def _of(rel: str, rule: str) -> list[Finding]:
    return [f for f in _checked(rel).findings if f.rule == rule]


SIFAJU_DEPT = "real/putuo-sifaju-2026-dept-budget.pdf"
SIFAJU_UNIT = "real/putuo-sifaju-2026-unit-budget.pdf"


def test_growth_against_the_two_years_levels() -> None:
    found = {(f.evidence[0].loc.page, f.stated, f.expected, f.severity) for f in _of(SIFAJU_DEPT, "growth-levels")}
    # p9 item 6: 2025 43269.3 -> 2026 3845.49 is (3845.49 - 43269.3) / 43269.3 = -91.11%, stated 增加17.62%.
    # p9 item 9: 2025 77.99 -> 2026 91.97 is 13.98 / 77.99 = 17.93%, stated 17.66% (copied from item 8).
    assert found == {(9, "17.62%", "下降91.11%", "error"), (9, "17.66%", "增长17.93%", "error")}
    # Right ones on the same pages are left alone: item 2 2149.45 -> 2170.39 = 0.97%, item 10 0.50 -> 0.64 = 28%.
    quotes = " ".join(e.quote for f in _of(SIFAJU_DEPT, "growth-levels") for e in f.evidence)
    assert "0.97%" not in quotes and "28%" not in quotes


def test_growth_levels_across_a_line_break() -> None:
    # p6 item 1: "2025年当年预算执行数为" ends a PDF line, "1690.69万元" opens the next:
    # 1434.89 / 1690.69 - 1 = -15.13%, stated 减少1.10%.
    found = [(f.evidence[0].loc.page, f.stated, f.expected) for f in _of(SIFAJU_UNIT, "growth-levels")]
    assert found == [(6, "1.10%", "下降15.13%")]


def test_item_amount_stated_twice() -> None:
    by_stated = {f.stated: f for f in _of(SIFAJU_DEPT, "item-amounts")}
    # p9 item 12: 住房公积金（01项）208.8万元, then 2026年预算安排201.50万元; table 2210201 = 2,087,959 元 and
    # 5.27% = 208.8 / 198.34 - 1, so 201.50 is the wrong one.
    assert set(by_stated) == {"201.50万元"}
    f = by_stated["201.50万元"]
    assert f.expected == "208.8万元" and f.evidence[0].loc.page == 9 and "与208.8万元相符" in f.message
    unit = {f.stated: f.expected for f in _of(SIFAJU_UNIT, "item-amounts")}
    # Unit budget p6 item 7: 56.12 vs 57.8 (table 561,240 元); p7 item 13: 207 vs 170.03 (table 2,070,000 元).
    assert unit == {"57.8万元": "56.12万元", "170.03万元": "207万元"}


def test_zero_base_growth_and_completion() -> None:
    found = {(e.loc.page, f.stated) for f in _of("real/putuo-shehuigongzuobu-2024-final.pdf", "zero-base")
             for e in f.evidence}
    # p17: 增加307.82万元 of 307.82万元 (unit founded 2024), "增长100.00%" (收入支出总计, 财政拨款收入支出总计,
    # and 一般公共预算财政拨款支出, whose sentence the page break cuts after "占本年支出合计的": it goes on
    # on p18 with "100.00%。…增长 100.00%" and is read from where it starts); p18: 年初预算为0万元,
    # "完成年初预算的95.89%" (95.89% = 307.82 / 321.02 is of 全年预算); p21 机关运行经费 10.23 of 10.23.
    assert found == {(17, "100.00%"), (18, "95.89%"), (21, "100.00%")}
    assert any("一般公共预算财政拨款支出增加" in e.quote for f in _of("real/putuo-shehuigongzuobu-2024-final.pdf",
                                                              "zero-base") for e in f.evidence)
    # p18 "全年预算为52.00万元，支出决算为51.32万元，完成全年预算数的98.69%" is right: not flagged.
    assert all("98.69%" not in e.quote for f in _of("real/putuo-shehuigongzuobu-2024-final.pdf", "zero-base")
               for e in f.evidence)


def test_zero_base_stated_as_zero_percent() -> None:
    rel = "real/guangdong-foshan-guidaojiaotongju-2019-final.pdf"
    found = _of(rel, "zero-base")
    pages = [f.evidence[0].loc.page for f in found]
    # p25 无2018年决算数 … 增长0%; p26 增加1668.14万元，增长0%; p26 三公 0.16万元 and 公务接待 0.16万元
    # "完成预算0万元的0%", and 因公出国 / 公务用车 0 of 0 (one finding, two places); p27 机关运行经费
    # 增加97.19万元，增长0% (and the reason's own "因此增长0%"); p28 整体支出 全年预算数0万元，执行数0万元，完成预算的0%,
    # and "0个政府性基金预算项目…共涉及资金0万元，占政府性基金预算项目支出总额的0%": 表8 (p22) 合计 项目支出 0.00.
    assert (pages.count(25), pages.count(26), pages.count(27), pages.count(28)) == (1, 4, 2, 2)
    of_zero_total = [f for f in found if f.expected == "不适用（总额为0）"]
    assert [(f.evidence[0].loc.page, f.stated) for f in of_zero_total] == [(28, "0%")]
    assert "第22页" in of_zero_total[0].message and "0.00万元" in of_zero_total[0].message
    zero_of_zero = [f for f in found if "均为0" in f.message]
    assert sorted(len(f.evidence) for f in zero_of_zero) == [1, 2]
    assert all(f.severity == "warning" for f in found)
    # "公务接待费支出0.16万元，占100.0%" (0.16 of the 三公 total 0.16) is a share, not a zero base.
    assert all("100.0%" not in e.quote for f in found for e in f.evidence)


def test_self_comparison_year() -> None:
    rel = "corpus/004_重庆/2026年重庆市气象局部门预算.pdf"
    found = _of(rel, "self-comparison")
    # p2: "2025年“三公”经费预算13.85万元，比2025年减少5.45万元" (13.85 is the 2026 figure of 表八).
    assert [(f.evidence[0].loc.page, f.stated) for f in found] == [(2, "2025")]
    assert "13.85" in found[0].evidence[0].quote
    # "比2025年减少0.45万元" after 公务用车运行维护费13.55万元 (no year of its own) is a right comparison.
    assert not _of(SIFAJU_UNIT, "self-comparison")


def test_flat_claim_with_a_reason_that_falls() -> None:
    rel = "real/putuo-caizhengju-2024-final.pdf"
    found = _of(rel, "flat-reason")
    # p21: "财政拨款收入支出总计持平。主要原因：……等原因减少支付".
    assert [(f.evidence[0].loc.page, f.expected) for f in found] == [(21, "减少")]
    # p? "“三公”经费财政拨款支出决算数与2023年度持平。其中：…持平" gives no reason: not flagged.
    assert "三公" not in found[0].evidence[0].quote


def test_growth_rate_change_counted_once_in_its_base(tmp_path: Path) -> None:
    # 湖州退役军人事务局 p9: 三公经费预算数为1.10万元，比上年预算数减少25万元，下降95.0%. Last year is 1.10 + 25 =
    # 26.10 and 25 / 26.10 = 95.79%; with both figures anywhere inside their rounding (24.5–25.5, 1.095–1.105)
    # the rate stays within 95.68–95.88%, so 95.0% is wrong. Dividing the intervals let the 25 take two
    # values at once (92.1–99.6%) and passed it.
    rel = "corpus/079_湖州/2026年湖州市退役军人事务局部门预算.pdf"
    found = [(f.evidence[0].loc.page, f.stated, f.expected, f.severity) for f in _of(rel, "growth-rate")
             if f.stated == "95.0%"]
    assert found == [(9, "95.0%", "95.8%", "error")]
    # Seed 001's 0.95 → +0.12 → 增长14.41% (0.12 / 0.83 = 14.46%) is still within rounding: not reported.
    p = tmp_path / "g.txt"
    p.write_text("支出0.95万元，比上年增加0.12万元，增长14.41%。\n", encoding="utf-8")
    assert not [f for f in check(p).findings if f.rule == "growth-rate"]


def test_circular_reason() -> None:
    rel = "real/jiangsu-suzhou-shenjiju-2026-budget.pdf"
    found = sorted((f.evidence[0].loc.page, f.stated) for f in _of(rel, "circular-reason"))
    # p29 三公 减少3万元 "变动原因三公经费支出下降", 公务接待 / 会议费 / 培训费 "主要原因是XX支出下降";
    # p30 机关运行经费 减少3.61万元 "主要原因是机关运行经费有所下降": each reason only restates its change.
    assert found == [(29, "三公经费支出下降"), (29, "会议费支出下降"), (29, "公务接待支出下降"),
                     (29, "培训费支出下降"), (30, "机关运行经费有所下降")]
    assert all(f.severity == "warning" for f in _of(rel, "circular-reason"))
    # 司法局 p9 "减少2.21%。主要原因是：退休实有人数减少" gives a reason of its own: not flagged.
    assert not _of(SIFAJU_DEPT, "circular-reason")


def test_function_and_economic_item_of_one_spending() -> None:
    rel = "real/guangdong-foshan-guidaojiaotongju-2019-final.pdf"
    found = _of(rel, "classification-pair")
    # 表5 (p15) 2080505 机关事业单位基本养老保险缴费支出 53.45; 表6 (p17) 30108 47.01: 53.45 - 47.01 = 6.44 =
    # 30110 职工基本医疗保险缴费 5.64 + 30112 其他社会保障缴费 0.80 (the medical insurance booked under 2080505).
    # 2080506 = 30109 = 22.78 and 2210201 = 30113 = 60.87 agree.
    assert [(f.stated, f.expected, f.severity) for f in found] == [("53.45万元", "47.01万元", "warning")]
    assert [e.loc.page for e in found[0].evidence] == [15, 17]
    assert "30110" in found[0].message and "30112" in found[0].message and "6.44" in found[0].message
    # The three pairs agree in the other documents that print them (the putuo finals, say).
    assert not _of("real/putuo-caizhengju-2024-final.pdf", "classification-pair")


def test_file_name_against_the_content() -> None:
    # Published as 2026年佛山市交通运输局部门预算, the file is the 2019 final account of 佛山市轨道交通局 (p1).
    found = _of("corpus/022_佛山/2026年佛山市交通运输局部门预算.pdf", "file-name-period")
    assert [(f.stated, f.expected, f.evidence[0].loc.page) for f in found] == [("2026年预算", "2019年决算", 1)]
    # A name that agrees with the content, or says nothing of it, is no finding.
    assert not _of("real/putuo-caizhengju-2024-final.pdf", "file-name-period")
    assert not _of("corpus/004_重庆/2026年重庆市气象局部门预算.pdf", "file-name-period")


def test_an_items_purpose_copied_from_the_item_before() -> None:
    rel = "real/putuo-shehuigongzuobu-2024-final.pdf"
    found = _of(rel, "item-purpose-copied")
    # p20: "8、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：事业单位医疗保险支出" — item 7's
    # (事业单位医疗（项）) purpose word for word. Items 1-7 and 9 say what they are for.
    assert [(f.evidence[0].loc.page, f.stated, f.severity) for f in found] == [(20, "事业单位医疗保险支出", "warning")]
    assert not _of("real/putuo-caizhengju-2024-final.pdf", "item-purpose-copied")
