"""Behaviour on the five real seeds. Every expected value below was read from the documents by hand
(line numbers are the files' own), not copied from the tool's output."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import seed
from seed_expectations import CORRECT, DEFECTS, FACTS, METADATA

from budgetdoc import check
from budgetdoc.grouping import places


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
    # A repeated finding is one group whose quotes are its occurrences (grouping.places).
    got = {(f.rule, e.loc.line, f.severity) for f in r.findings for e in places(f)}
    for expected in DEFECTS[prefix]:
        assert expected in got, f"missing {expected}"


@pytest.mark.parametrize("prefix", sorted(CORRECT))
def test_no_error_on_correct_statements(prefix: str) -> None:
    r = _result(prefix)
    errors = {e.loc.line for f in r.findings if f.severity == "error" for e in places(f)}
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
    item = "gpb.func.一般公共服务/政府办公厅(室)及相关机构事务/事业运行"  # in the 一般公共预算 section
    assert facts[(item, 227)] == Decimal("3467500")
    assert facts[(item + ".budget", 227)] == Decimal("2212000")
    # 003 line 103: 8.社会保障和就业(类)支出183725.84元
    facts3 = {(f.key, f.loc.line): f.value_yuan for f in _result("003").facts}
    assert facts3[("gpb.func.社会保障和就业", 103)] == Decimal("183725.84")
