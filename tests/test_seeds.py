"""Behaviour on the five real seeds. Every expected value below was read from the documents by hand
(line numbers are the files' own), not copied from the tool's output."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import seed

from budgetdoc import check

METADATA = {
    "000": ("奈曼旗行政审批和政务服务局", 2020, "final", "万元"),
    "001": ("科尔沁左翼中旗政务服务局", 2023, "final", "万元"),
    "002": ("攀枝花市西区行政审批局", 2020, "final", "万元"),
    "003": ("保山市隆阳区政务服务管理局", 2020, "final", "元"),
    "004": ("伊滨经开区（示范区）政务服务局", 2021, "budget", "万元"),
}

# key -> (value in yuan, line of the first statement)
FACTS = {
    "000": {"income.total": ("5172300", 51), "income.current_year": ("5172300", 51),
            "income.carryover_begin": ("0", 51), "expense.total": ("5172300", 51),
            "expense.current_year": ("5172300", 55), "expense.basic": ("3190600", 55),
            "expense.project": ("1981700", 55), "expense.carryover_end": ("0", 51),
            "sangong.total": ("17300", 65), "operating_cost": ("100000", 421), "procurement.total": ("0", 423)},
    "001": {"income.total": ("17246200", 149), "income.current_year": ("17236600", 153),
            "income.carryover_begin": ("9500", 155), "expense.total": ("17246200", 149),
            "expense.current_year": ("17239400", 159), "expense.basic": ("8187300", 194),
            "expense.project": ("9052100", 196), "expense.carryover_end": ("6700", 163),
            "sangong.total": ("60400", 271), "operating_cost": ("4221200", 293),
            "procurement.total": ("10728400", 297)},
    "002": {"income.total": ("3844900", 26), "income.current_year": ("2884900", 29),
            "expense.total": ("3844900", 26), "expense.current_year": ("3768300", 32),
            "expense.basic": ("2213300", 32), "expense.project": ("1555000", 32),
            "sangong.total": ("0", 61), "operating_cost": ("174100", 76), "procurement.total": ("0", 78)},
    "003": {"income.current_year": ("6442713.85", 71), "expense.current_year": ("6338977.18", 75),
            "expense.basic": ("1991283.82", 75), "expense.project": ("4347693.36", 75),
            "sangong.total": ("0", 124), "operating_cost": ("122645.05", 138), "procurement.total": ("5100", 264)},
    "004": {"income.total": ("889600", 67), "income.current_year": ("889600", 71),
            "expense.total": ("889600", 67), "expense.current_year": ("889600", 75),
            "expense.basic": ("258800", 75), "expense.project": ("630800", 75),
            "sangong.total": ("0", 93), "operating_cost": ("145200", 115), "procurement.total": ("0", 119)},
}

# Defects found by reading each document: (rule, line, severity)
DEFECTS = {
    "000": [("change-direction", 62, "error"),  # 较上年减少52.63万元，增加了114.16%
            ("period-kind", 24, "warning"),  # 2020年决算：纳入2021年部门预算编制范围
            ("template-residue", 5, "warning"),  # 空引号 “”
            ("template-residue", 427, "warning"),  # （以下为常见专业名词解释目录，仅供参考……）
            ("unit-missing", 62, "warning")],  # 其他工资福利支出15.84。
    "001": [("template-residue", 241, "error"),  # 与年初预算相比增加(减少)5.71万元
            ("zero-base", 226, "warning"),  # 年初预算 0 万元 …… 完成年初预算的 100%
            ("zero-base", 228, "warning")],
    "002": [("growth-rate", 26, "error"),  # 17.05/367.44 = 4.64%, not 4.43%
            ("growth-rate", 35, "error"),  # 17.05/366.88 = 4.65%, not 4.44%
            ("growth-rate", 39, "error"),  # 108.06/224.71 = 48.09%, not 32.47%
            ("growth-rate", 76, "error"),  # 1.74/15.67 = 11.10%, not 9.99%
            ("breakdown-sum", 78, "error"),  # 采购总额0万元，其中货物13.36万元
            ("comparison-year", 64, "error"),  # 2020年决算 比2018年
            ("comparison-year", 65, "error"),
            ("template-residue", 64, "error"),  # 增加/减少
            ("template-residue", 68, "error"),
            ("share", 43, "warning"),  # 20.86/332.77 = 6.27%, stated 6.26% (last-digit nudge)
            ("unit-missing", 46, "warning"),  # 决算数为332.77，
            ("unit-missing", 63, "warning"),  # 0万元%
            ("template-residue", 624, "warning"),  # 一般公共服务（类）…（款）…（项）：指……
            ("template-residue", 654, "warning")],  # （名词解释部分请根据……）
    "003": [("template-residue", 76, "error"),  # 基本支出增加减少392408.27元
            ("template-residue", 89, "error")],
    "004": [("period-kind", 103, "warning")],  # 预算文件：八、政府性基金预算支出决算情况说明
}

# Correct statements (consistent within rounding) that must not get an error: (line, why)
CORRECT = {
    "000": [51, 55, 57, 65, 68, 421],  # 143.45%; 61.7%; 143.45%; 115.33%; 20.98%; 13.42%
    "001": [149, 153, 155, 163, 194, 217, 222, 227, 280, 293, 297],  # 155: 0.12/0.83 = 14.46% ≈ 14.41% in rounding
    "002": [29, 32, 87],
    "003": [71, 75, 83, 85, 96, 103, 104, 125, 138, 157, 279],
    "004": [67, 75],
}


def _result(prefix: str):
    return check(seed(prefix))


@pytest.mark.parametrize("prefix", sorted(METADATA))
def test_metadata(prefix: str) -> None:
    r = _result(prefix)
    assert (r.metadata.department, r.metadata.year, r.metadata.kind, r.metadata.unit) == METADATA[prefix]
    assert r.encoding == "utf-8"


@pytest.mark.parametrize("prefix", sorted(FACTS))
def test_key_facts(prefix: str) -> None:
    r = _result(prefix)
    first: dict[str, object] = {}
    for f in r.facts:
        first.setdefault(f.key, f)
    for key, (value, line) in FACTS[prefix].items():
        assert key in first, f"{key} not extracted"
        fact = first[key]
        assert fact.value_yuan == Decimal(value), (key, fact.value_yuan)  # type: ignore[attr-defined]
        assert fact.loc.line == line, (key, fact.loc.line)  # type: ignore[attr-defined]


@pytest.mark.parametrize("prefix", sorted(DEFECTS))
def test_defects_found(prefix: str) -> None:
    r = _result(prefix)
    got = {(f.rule, f.evidence[0].loc.line, f.severity) for f in r.findings}
    for expected in DEFECTS[prefix]:
        assert expected in got, f"missing {expected}"


@pytest.mark.parametrize("prefix", sorted(CORRECT))
def test_no_error_on_correct_statements(prefix: str) -> None:
    r = _result(prefix)
    errors = {f.evidence[0].loc.line for f in r.findings if f.severity == "error"}
    assert not errors & set(CORRECT[prefix])


def test_growth_message_names_the_right_base() -> None:
    r = _result("002")
    f = next(f for f in r.findings if f.rule == "growth-rate" and f.evidence[0].loc.line == 26)
    assert (f.stated, f.expected) == ("4.43%", "4.64%")
    assert f.evidence[0].quote == "与2019年相比，收、支总计各增加17.05万元，增长4.43%"


def test_seed_004_budget_has_no_error() -> None:
    r = _result("004")
    assert not r.has_error


def test_functional_classification_facts() -> None:
    # 001 line 227: 政府办公厅(室)及相关机构事务(款)事业运行(项)。年初预算 221.20 万元,支出决算 346.75 万元
    facts = {(f.key, f.loc.line): f.value_yuan for f in _result("001").facts}
    item = "func.一般公共服务/政府办公厅(室)及相关机构事务/事业运行"
    assert facts[(item, 227)] == Decimal("3467500")
    assert facts[(item + ".budget", 227)] == Decimal("2212000")
    # 003 line 103: 8.社会保障和就业(类)支出183725.84元
    facts3 = {(f.key, f.loc.line): f.value_yuan for f in _result("003").facts}
    assert facts3[("func.社会保障和就业", 103)] == Decimal("183725.84")
