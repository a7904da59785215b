"""The post-pass (budgetdoc/postpass.py) and the rule context: a finding carries its own rule's id,
last-digit slips are warnings for every rule declared last-digit-tolerant, nothing is edited in place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import seed

from budgetdoc.analysis import analyse
from budgetdoc.check import check
from budgetdoc.config import Config, parse_config
from budgetdoc.grouping import ungroup
from budgetdoc.model import Block, Evidence, Finding, Location, SourceDocument
from budgetdoc.normalize import normalize
from budgetdoc.postpass import OCR_NOTE, finish
from budgetdoc.rules import RULES, run_rules
from budgetdoc.rules.base import RuleContext


def _doc(tmp_path: Path, body: str, name: str = "d.txt") -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def _tiny():
    return analyse(SourceDocument("t.txt", "text", [Block("paragraph", "本年支出1.00万元。", Location(line=1))]))


def _rules(path: Path, config: Config | None = None) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in check(path, config).findings]


CARRYOVER = ("某某局2020年度部门决算\n一、收入支出决算总体情况说明\n"
             "年初结转和结余0.95万元。年末结转和结余0.67万元，与上年相比减少{change}万元。\n")


def test_carryover_chain_slip_is_a_warning(tmp_path: Path) -> None:
    # 0.67 + 0.30 = 0.97 against 0.95: one unit of the last digit beyond the rounding: a slip.
    slip = _doc(tmp_path, CARRYOVER.format(change="0.30"))
    assert _rules(slip) == [("carryover-chain", "warning")]
    assert _rules(slip, parse_config({"tolerance": {"last_digit_warning": False}})) == [("carryover-chain", "error")]
    assert _rules(_doc(tmp_path, CARRYOVER.format(change="0.38"), "e.txt")) == [("carryover-chain", "error")]


def _basic_table(tmp_path: Path, basic: str) -> Path:
    rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in
                   (("项目", "金额"), ("基本支出", basic), ("人员经费", "50.00"), ("公用经费", "30.00")))
    return _doc(tmp_path, f"<html><body><p>某某局2020年度部门决算</p><p>收入支出决算总表</p><table>{rows}</table>"
                          "</body></html>", f"t{basic}.html")


def test_table_identity_slip_is_a_warning(tmp_path: Path) -> None:
    assert _rules(_basic_table(tmp_path, "80.02")) == [("table-identity", "warning")]  # 50.00 + 30.00 = 80.00
    assert _rules(_basic_table(tmp_path, "80.02"), parse_config({"tolerance": {"last_digit_warning": False}})) \
        == [("table-identity", "error")]
    assert _rules(_basic_table(tmp_path, "80.50")) == [("table-identity", "error")]


def test_growth_rate_never_reports_change_direction(tmp_path: Path) -> None:
    # Levels that fell, described as growth: change-direction's finding, silenced by disabling it alone.
    p = _doc(tmp_path, "某某局2020年度部门决算\n一、支出决算情况说明\n"
                       "本年支出1.43万元，上年1.73万元，增长17.34%。\n")
    assert _rules(p) == [("change-direction", "error")]
    assert _rules(p, parse_config({"disable": ["change-direction"]})) == []
    assert _rules(p, parse_config({"disable": ["growth-rate"]})) == [("change-direction", "error")]


def test_report_stamps_the_rules_own_id_and_refuses_undeclared_slips() -> None:
    doc = _tiny()
    ctx = RuleContext(RULES["numbering-skip"], doc)
    f = ctx.report("m", [Evidence("q", Location(line=1))], stated="7")
    assert (f.rule, f.severity, f.category) == ("numbering-skip", "warning", "wording")
    with pytest.raises(ValueError):
        ctx.report("m", [], slip=True)  # numbering-skip is not declared last-digit-tolerant


def test_a_finding_of_another_rule_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _tiny()
    rogue = replace(RULES["numbering-skip"], check=lambda ctx: iter([Finding("share", "error", "m", [])]))
    monkeypatch.setitem(RULES, "numbering-skip", rogue)
    with pytest.raises(RuntimeError, match="numbering-skip emitted a finding of share"):
        run_rules(doc, ["numbering-skip"])


def test_post_pass_builds_new_findings() -> None:
    doc = _tiny()
    ev = Evidence("增长4.43%", Location(line=1), confidence=0.5)
    ctx = RuleContext(RULES["growth-rate"], doc)
    raw = [ctx.report("m", [ev]), ctx.report("m", [ev]), ctx.report("s", [replace(ev, confidence=None)], slip=True)]
    kept, suppressed = finish(doc, raw, Config(severities={}))
    assert [(f.severity, f.message) for f in kept] == [("warning", "m" + OCR_NOTE), ("warning", "s")]
    assert not suppressed
    assert [(f.severity, f.message) for f in raw] == [("error", "m"), ("error", "m"), ("error", "s")]  # untouched


def test_evidence_marks_the_stated_figure() -> None:
    def norm(s: str) -> str:
        return normalize(s).text.replace(" ", "")

    checked = 0
    for prefix in ("001", "002"):
        for f in ungroup(check(seed(prefix)).findings):  # repeated findings are grouped: check each place
            marks = [(e.quote, e.mark) for e in f.evidence if e.mark is not None]
            if f.rule in ("share", "growth-rate", "breakdown-sum", "unit-missing", "template-residue",
                          "comparison-year", "classification-name", "numbering-skip", "unit-mix", "zero-base"):
                assert any(norm(q[a:b]) == norm(f.stated or "") for q, (a, b) in marks), (f.rule, f.stated, marks)
                checked += 1
            assert f.to_dict()["evidence"][0].get("mark") == (list(f.evidence[0].mark) if f.evidence[0].mark else None)
    assert checked >= 40
