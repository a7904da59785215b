"""A share of a total the sentence names ("占“三公”经费的20.65%", "占一般公共预算项目支出总额的100%")
is held against that total only: its figure in the tables, or the sum of its parts as the text states
them. Never the part itself or the nearest amount of the text (which gave 940.15 ÷ 940.15 = 100% as a
"reading" and 180 ÷ 180 = 100% as the base of 26.86%). Shares below were computed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetdoc import check
from budgetdoc.model import CheckResult

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


def _real(name: str) -> CheckResult:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return check(path)


def test_a_named_total_the_text_states_only_as_its_parts() -> None:
    # p.三公: 100 + 267.8 + 116.5 = 484.3; 100/484.3 = 20.65%, 267.8/484.3 = 55.30%, 116.5/484.3 = 24.06% (24 %).
    r = _real("jiangsu-provincial-jianchayuan-2018-budget.pdf")
    shares = {c.stated: c for c in r.claims if c.kind == "share" and "三公" in c.evidence.quote}
    assert {s: c.status for s, c in shares.items()} == {"20.65 %": "verified", "55.3 %": "verified", "24 %": "verified"}
    assert "100 万元+267.8万元+116.5万元" in (shares["20.65 %"].reading.text if shares["20.65 %"].reading else "")
    assert not [f for f in r.findings if f.rule == "share" and "三公" in f.evidence[0].quote]


def test_shares_of_a_named_total_that_cannot_be_its_parts() -> None:
    # "因公出国（境）费222.5万元，占“三公”经费的8.75%；公务用车…183.6万元，占7.22%；公务接待费427.5万元，占16.81%":
    # the three parts of 三公 add to 32.78%, not 100%; of their sum 833.6 they are 26.69%, 22.02%, 51.28%.
    r = _real("jiangsu-provincial-rendachangweihui-bangongting-2017-budget.pdf")
    found = sorted((f.stated, f.expected, f.severity) for f in r.findings if f.rule == "share")
    assert found == [("16.81%", "51.28%", "warning"), ("7.22%", "22.02%", "warning"), ("8.75%", "26.69%", "warning")]


def test_a_named_total_found_in_the_tables() -> None:
    # "共涉及资金940.15万元，占一般公共预算项目支出总额的100%": the 一般公共预算 project spending of the tables is
    # 921.75 (905.60 + 16.15), so 940.15/921.75 = 102% (gold.json 佛山 must fs-perf-share-100pct).
    r = _real("guangdong-foshan-guidaojiaotongju-2019-final.pdf")
    [f] = [f for f in r.findings if f.rule == "share"]
    assert (f.severity, f.stated, f.expected) == ("warning", "100%", "102%")
    assert "921.75" in f.message and "占一般公共预算项目支出总额的" in f.evidence[0].quote


def test_a_named_total_nowhere_stated_is_unverified(tmp_path: Path) -> None:
    p = tmp_path / "doc.txt"
    p.write_text("某某局2019年部门决算\n2019年度我部门组织对7个项目开展绩效自评，共涉及资金940.15万元，"
                 "占一般公共预算项目支出总额的100%。\n", encoding="utf-8")
    r = check(p)
    [share] = [c for c in r.claims if c.kind == "share"]
    assert share.status == "unverified" and share.reason == "句中所指的总额在文中和表中都未找到"
    assert not [f for f in r.findings if f.rule == "share"]
