"""The corrected wording each finding suggests (budgetdoc/suggestion.py), on real findings: the seeds and
real PDFs with known true errors (tests/real_expectations.py). Every expected suggestion was worked out
by hand from the document's figures (the arithmetic is beside it)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from budgetdoc.check import check
from budgetdoc.model import CheckResult, Evidence, Finding, Location
from budgetdoc.suggestion import corrected_quote, restyle, suggest

SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL = SHARED / "real"
SEEDS = SHARED / "seeds"


@cache
def _result(path: str) -> CheckResult:
    return check(path)


def _finding(path, rule: str, stated: str) -> Finding:
    found = [f for f in _result(str(path)).findings if f.rule == rule and f.stated == stated]
    assert found, [(f.rule, f.stated) for f in _result(str(path)).findings]
    return found[0]  # the first in report order (a year compared wrongly is two findings: 增加 and 持平)


@pytest.mark.parametrize("path, rule, stated, suggestion", [
    # 17.05 ÷ (384.49 − 17.05 = 367.44) = 4.640%: the rate of the previous year's base, at two decimals.
    (SEEDS / "002_3ac8441545fefd6e.txt", "growth-rate", "4.43%", "与2019年相比，收、支总计各增加17.05万元，增长4.64%"),
    # 20.86 ÷ 332.77 = 6.2686% → 6.27%.
    (SEEDS / "002_3ac8441545fefd6e.txt", "share", "6.26%", "住房保障支出20.86万元，占6.27%"),
    # A figure without its unit gets the document's unit.
    (SEEDS / "002_3ac8441545fefd6e.txt", "unit-missing", "332.77", "2020年般公共预算支出决算数为332.77万元，完成预算97.89%。"),
    # The document writes "21.95 %" with a space before the sign: the correction keeps it.
    # 3,958.67 ÷ (21,955.35 − 3,958.67 = 17,996.68) = 21.9966% → 22.00.
    (REAL / "jiangsu-provincial-jianchayuan-2018-budget.pdf", "growth-rate", "21.95 %",
     "江苏省人民检察院 2018 年度收入、支出预算总计21,955.35 万元，与上年相比收、支预算总计各增加3,958.67 万元，增长 22.00 %"),
    # 134 ÷ (1,895 + 134 = 2,029) = 6.604% → 6.60 (the document's 0.66 % dropped a digit).
    (REAL / "jiangsu-provincial-jianchayuan-2018-budget.pdf", "growth-rate", "0.66 %",
     "3．公诉、审判、侦查、执行等检察监督支出（项） 1,895万元，与上年相比减少 134 万元，降幅 6.60 %"),
    # 43269.3 → 3845.49 is (3845.49 − 43269.3) ÷ 43269.3 = −91.11%: the direction word turns with it.
    (REAL / "putuo-sifaju-2026-dept-budget.pdf", "growth-levels", "17.62%",
     "2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数减少91.11%。"),
    # 77.99 → 91.97: 13.98 ÷ 77.99 = 17.925% → 17.93, still an increase: the word stays.
    (REAL / "putuo-sifaju-2026-dept-budget.pdf", "growth-levels", "17.66%",
     "2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.93%。"),
    # 2106.66 ÷ 2940.05 = 71.654% → 71.65.
    (REAL / "putuo-caizhengju-2024-final.pdf", "share", "71.73%",
     "一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%"
     .replace("71.73%", "71.65%")),
    # A 2026 budget compares with 2025.
    (REAL / "putuo-sifaju-2026-dept-budget.pdf", "comparison-year", "2026",
     "2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2025年预算增加793.14万元；"),
    # The one wrong cell of the row: 0.00 makes both the row and its parent add up.
    (REAL / "putuo-sifaju-2026-unit-budget.pdf", "table-hierarchy", "64,840,547.00",
     "204 | 06 | 01 | 行政运行 | 14,348,853.34 | 14,348,853.34 | 0.00"),
])
def test_replacement_in_the_documents_style(path, rule, stated, suggestion) -> None:
    f = _finding(path, rule, stated)
    assert f.suggestion == suggestion
    assert suggestion in _result(str(path)).to_dict()["findings"][_result(str(path)).findings.index(f)]["suggestion"]


@pytest.mark.parametrize("path, rule, stated, suggestion", [
    # The text's 5377.64 (p24) against the 一般公共预算 table's 5364.75 (p15): either may be the wrong one.
    (REAL / "putuo-guihuaziyuan-2024-final.pdf", "table-text", "5377.64 万元",
     "请核对第24页 第14行“5377.64 万元”与第15页 表1 第4行第4列“5364.75万元”：两处应一致，查明哪一处有误后改正。"),
    # One item stated twice in its paragraph: 208.8 at its head, 201.50 later.
    (REAL / "putuo-sifaju-2026-dept-budget.pdf", "item-amounts", "201.50万元",
     "请核对第9页 第15行“208.8万元”与第9页 第15行“201.50万元”：两处应一致，查明哪一处有误后改正。"),
    # The total 0万元 against its parts' sum 13.36万元 (13.36 + 0 + 0): the total or a part is wrong.
    (SEEDS / "002_3ac8441545fefd6e.txt", "breakdown-sum", "0万元",
     "请核对第78行“0万元”与按其他数字算得的13.36万元：查明哪个数字有误后改正。"),
])
def test_two_figures_to_reconcile(path, rule, stated, suggestion) -> None:
    assert _finding(path, rule, stated).suggestion == suggestion


def test_no_suggestion_without_a_value_to_write() -> None:
    findings = _result(str(SEEDS / "000_65a24acc6ee4d560.txt")).findings
    by_rule: dict[str, Finding] = {}
    for f in findings:
        by_rule.setdefault(f.rule, f)
    # A score over its weight (expected ≤15), a zero base (不适用), template residue (no expected value).
    for rule in ("performance-score", "zero-base", "template-residue"):
        assert by_rule[rule].suggestion is None, rule
    assert by_rule["performance-rate"].suggestion == "年度资金总额： | 176万元 | 176万元 | 10 | 100% | 10"


def test_restyle_keeps_separators_spacing_and_unit() -> None:
    assert restyle("3,958.67 万元", "4012.5万元") == "4,012.5 万元"
    assert restyle("21.95 %", "22.00%") == "22.00 %"
    assert restyle("15.84", "15.84万元") == "15.84万元"
    assert restyle("医疗卫生与计划生育", "卫生健康") == "卫生健康"


def test_each_place_of_a_grouped_finding_is_corrected_in_its_own_quote() -> None:
    f = _finding(REAL / "putuo-sifaju-2026-dept-budget.pdf", "comparison-year", "2026")
    assert len(f.evidence) == 3
    for e in f.evidence:
        fixed = corrected_quote(e, f.stated, f.expected)
        assert fixed is not None and "比2025年预算增加793.14万元" in fixed and "2026年预算增加" not in fixed


def test_a_quote_without_the_stated_figure_gives_no_correction() -> None:
    e = Evidence("基本支出 13,994.31 万元", Location(line=1))
    assert corrected_quote(e, "63.75%", "63.74%") is None
    f = Finding("share", "error", "", [e], stated="63.75%", expected="63.74%")
    assert suggest(f) is None


def test_reports_show_the_suggestion() -> None:
    from budgetdoc.report import render_csv, render_html, render_text

    result = _result(str(SEEDS / "002_3ac8441545fefd6e.txt"))
    fixed = "与2019年相比，收、支总计各增加17.05万元，增长4.64%"
    assert f"   建议：{fixed}" in render_text(result).splitlines()
    assert f'<div class="suggestion">建议：{fixed}</div>' in render_html([result])
    header, *rows = render_csv([result]).splitlines()
    assert header.split(",")[9] == "建议"
    assert any(fixed in row for row in rows)
