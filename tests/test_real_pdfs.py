"""The real published PDFs in ../shared/real: metadata read by hand from their covers, and findings.

Jiangsu 2017, page 8: "行政运行（项）支出 6106.99 万元，与上年相比增加 101.48 万元，增长 1.66%":
101.48 ÷ (6106.99 − 101.48) = 1.69%; 1.66% is 101.48 ÷ 6106.99, the rate on this year's base.
The other text files have no arithmetic error that we found by reading them."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetdoc import check

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"

META = {
    "shanghai-putuo-caizhengju-2025-budget.pdf": ("上海市普陀区财政局", 2025, "budget", "万元"),
    "jiangsu-shengweibangongting-2017-budget-text.pdf": ("江苏省委办公厅", 2017, "budget", "万元"),
    "jiangsu-shengweibangongting-2018-budget-text.pdf": ("江苏省委办公厅", 2018, "budget", "万元"),
    "jiangsu-shengweibangongting-2019-budget-text.pdf": ("江苏省委办公厅", 2019, "budget", "万元"),
    "jiangsu-zhengxiebangongting-2019-budget.pdf": ("江苏省政协办", 2019, "budget", "万元"),
}


def _path(name: str) -> Path:
    p = REAL / name
    if not p.exists():
        pytest.skip(f"{p} not available")
    return p


@pytest.mark.parametrize("name", sorted(META))
def test_real_pdf_metadata_and_no_false_error(name: str) -> None:
    r = check(_path(name))
    m = r.metadata
    assert (m.department, m.year, m.kind, m.unit) == META[name]
    errors = [(f.rule, f.evidence[0].loc.page, f.stated) for f in r.findings if f.severity == "error"]
    expected = [("growth-rate", 8, "1.66%")] if "2017" in name else []
    assert errors == expected


def test_real_pdf_growth_error_located_by_page() -> None:
    r = check(_path("jiangsu-shengweibangongting-2017-budget-text.pdf"))
    f = next(f for f in r.findings if f.rule == "growth-rate")
    assert (f.stated, f.expected) == ("1.66%", "1.69%")
    assert f.evidence[0].loc.page == 8 and "6106.99" in f.evidence[0].quote


def test_real_pdf_income_total_from_text() -> None:
    r = check(_path("jiangsu-shengweibangongting-2017-budget-text.pdf"))
    first = next(f for f in r.facts if f.key == "income.total")
    assert str(first.value_yuan) == "208494500.00"  # 收、支预算总计 20849.45 万元 (page 5)
