"""Every rule's documented examples (knowledge/rule_examples.yaml) run through the real pipeline:
each bad text makes its rule fire, no good text does; and `disable: [X]` silences exactly rule X."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetdoc.check import check
from budgetdoc.config import parse_config
from budgetdoc.knowledge import rule_examples
from budgetdoc.rules import RULES

CASES = [(rid, kind, i, text) for rid, r in RULES.items()
         for kind, texts in (("bad", r.examples.bad), ("good", r.examples.good)) for i, text in enumerate(texts)]


def _write(tmp_path: Path, text: str, name: str = "example.txt") -> Path:
    p = tmp_path / name
    p.write_text(text + "\n", encoding="utf-8")
    return p


def test_every_rule_has_examples_and_no_stale_ones() -> None:
    assert set(rule_examples()) == set(RULES)
    for rid, r in RULES.items():
        assert r.examples.bad and r.examples.good, rid
        assert r.example_bad == r.examples.bad[0] and r.example_good == r.examples.good[0]


@pytest.mark.parametrize(("rule_id", "kind", "index", "text"), CASES,
                         ids=[f"{rid}-{kind}{i}" for rid, kind, i, _ in CASES])
def test_documented_example(tmp_path: Path, rule_id: str, kind: str, index: int, text: str) -> None:
    findings = check(_write(tmp_path, text, RULES[rule_id].examples.file)).findings
    fired = [f for f in findings if f.rule == rule_id]
    if kind == "bad":
        assert fired, f"{rule_id}: bad example {index} does not fire: {text!r}"
    else:
        assert not fired, f"{rule_id}: good example {index} fires: {[f.message for f in fired]}"


BAD_FIRST = [(rid, r.examples.bad[0]) for rid, r in RULES.items()]


@pytest.mark.parametrize(("rule_id", "text"), BAD_FIRST, ids=[rid for rid, _ in BAD_FIRST])
def test_disable_silences_exactly_that_rule(tmp_path: Path, rule_id: str, text: str) -> None:
    path = _write(tmp_path, text, RULES[rule_id].examples.file)
    before = check(path)
    after = check(path, parse_config({"disable": [rule_id]}))
    assert any(f.rule == rule_id for f in before.findings)
    assert not any(f.rule == rule_id for f in after.findings + after.suppressed)
    assert [f.to_dict() for f in after.findings] == [f.to_dict() for f in before.findings if f.rule != rule_id]
