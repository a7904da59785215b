"""The rule catalogue (metadata, `budgetdoc rules`, docs/rules.md), the --config file and inline
suppression directives."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import seed

from budgetdoc.check import check
from budgetdoc.cli import main
from budgetdoc.config import Config, ConfigError, load_config, parse_config
from budgetdoc.knowledge import knowledge
from budgetdoc.postpass import DIRECTIVE
from budgetdoc.rules import RULES

ROOT = Path(__file__).resolve().parents[1]


def _config(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "budgetdoc.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def _counts(findings) -> Counter:
    return Counter((f.rule, f.severity) for f in findings)


# ---- catalogue ----

def test_documented_rules_have_examples_and_rationale() -> None:
    rules = list(RULES.values())  # every rule, whichever module registers it
    assert len(rules) >= 13
    for r in rules:
        assert r.example_bad and r.example_good and r.rationale and r.explanation, r.id
        assert r.example_bad != r.example_good, r.id
        assert any("\u4e00" <= ch <= "\u9fff" for ch in r.rationale), r.id  # Chinese
    assert {r.id for r in rules if r.last_digit} == {"share", "growth-rate", "completion-rate", "breakdown-sum",
                                                      "identity", "fact-conflict", "carryover-chain",
                                                      "table-hierarchy", "table-row-total", "table-identity", "growth-levels", "change-levels",
                                                      "table-text", "unit-row-text", "table-change", "prior-ratio"}


def test_rules_command_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    text = capsys.readouterr().out
    assert "growth-rate" in text and "unused-suppression" in text
    assert main(["rules", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in data][-1] == "unused-suppression"  # meta rules listed last
    share = next(r for r in data if r["id"] == "share")
    assert set(share) == {"id", "category", "severity", "title", "explanation", "example_bad", "example_good",
                          "rationale", "config_keys"}
    assert "tolerance.last_digit_warning" in share["config_keys"]
    from budgetdoc.store.crossdoc import RULES as CROSS_DOCUMENT

    assert [r["id"] for r in data] == [*[i for i in (r["id"] for r in data) if i in RULES and i != "unused-suppression"],
                                       *CROSS_DOCUMENT, "unused-suppression"]  # the region database's checks too
    assert len(data) == len(RULES) + len(CROSS_DOCUMENT)


def test_docs_rules_md_is_up_to_date() -> None:
    p = subprocess.run([sys.executable, str(ROOT / "docs" / "generate_rules.py"), "--check"],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr + " (run python3 docs/generate_rules.py)"
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for r in RULES.values():
        assert f"## {r.id}\n" in text


# ---- configuration ----

def test_default_config_changes_nothing() -> None:
    path = seed("002")
    assert [f.to_dict() for f in check(path).findings] == [f.to_dict() for f in check(path, Config()).findings]


def test_disable_and_severity_override_change_findings(tmp_path: Path) -> None:
    path = seed("002")
    base = _counts(check(path).findings)
    assert base[("growth-rate", "error")] == 4 and base[("unit-missing", "warning")] >= 1
    cfg = load_config(_config(tmp_path, "rules:\n  growth-rate: {severity: warning}\n"
                                        "  comparison-year: {enabled: false}\n"
                                        "disable: [unit-missing]\n"))
    got = _counts(check(path, cfg).findings)
    assert got[("growth-rate", "warning")] == 4 and got[("growth-rate", "error")] == 0
    assert not any(rule in ("comparison-year", "unit-missing") for rule, _ in got)
    assert got[("template-residue", "warning")] == base[("template-residue", "warning")]


def test_enable_only_via_rules_true_keeps_rule(tmp_path: Path) -> None:
    cfg = load_config(_config(tmp_path, "rules:\n  share: {enabled: true}\n"))
    assert cfg.enabled("share") and not cfg.disabled


def test_last_digit_tolerance(tmp_path: Path) -> None:
    path = seed("002")
    slip = [f for f in check(path).findings if f.rule == "share" and f.stated == "6.26%"]
    assert [f.severity for f in slip] == ["warning"]  # 6.26% for 6.27%: a last-digit slip
    cfg = load_config(_config(tmp_path, "tolerance:\n  last_digit_warning: false\n"))
    findings = check(path, cfg).findings
    assert [f.severity for f in findings if f.rule == "share" and f.stated == "6.26%"] == ["error"]
    # Warnings that are not last-digit slips stay warnings.
    assert _counts(findings)[("template-residue", "warning")] == _counts(check(path).findings)[("template-residue", "warning")]
    assert _counts(findings)[("unit-missing", "warning")] == _counts(check(path).findings)[("unit-missing", "warning")]


def test_section_aliases_apply_and_do_not_leak(tmp_path: Path) -> None:
    doc = tmp_path / "d.txt"
    doc.write_text("某某局2020年度部门决算\n一、部门财力安排情况\n本年收入合计100.00万元。\n", encoding="utf-8")
    before, sections_before = knowledge(), list(knowledge().sections)
    types = {s["title"]: s["type"] for s in check(doc).sections}
    assert types.get("一、部门财力安排情况") is None
    cfg = load_config(_config(tmp_path, "aliases:\n  sections:\n    income: ['财力安排']\n"))
    types = {s["title"]: s["type"] for s in check(doc, cfg).sections}
    assert types["一、部门财力安排情况"] == "income"
    types = {s["title"]: s["type"] for s in check(doc).sections}
    assert types.get("一、部门财力安排情况") is None  # the aliases were applied for that check only
    # The packaged knowledge is never edited: the config's aliases live in a knowledge object of their own.
    assert knowledge() is before and knowledge().sections == sections_before
    assert cfg.overlay() is not before and len(cfg.overlay().sections) == len(sections_before)


@pytest.mark.parametrize(("text", "needle"), [
    ("rules:\n  shrae: {enabled: false}\n", "unknown rule id 'shrae'"),
    ("rule:\n  share: {enabled: false}\n", "unknown top-level key rule"),
    ("rules:\n  share: {severity: fatal}\n", "rules.share.severity must be one of"),
    ("rules:\n  share: {enabled: maybe}\n", "rules.share.enabled must be true or false"),
    ("rules:\n  share: {level: error}\n", "unknown key rules.share.level"),
    ("disable: share\n", "disable must be a list"),
    ("disable: [nope]\n", "unknown rule id 'nope' in disable"),
    ("tolerance: {last_digit: false}\n", "unknown key tolerance.last_digit"),
    ("tolerance: {last_digit_warning: 1}\n", "last_digit_warning must be true or false"),
    ("aliases: {sections: {incme: ['x']}}\n", "unknown section type 'incme'"),
    ("aliases: {sections: {income: ['(']}}\n", "bad regex"),
    ("aliases: {tables: {}}\n", "unknown key aliases.tables"),
    ("rules: [share]\n", "rules must be a mapping"),
    ("rules: {share: {enabled: true}}\ndisable: [share]\n", "both in disable"),
    ("rules:\n  share: {enabled: false\n", "not valid YAML at line"),
])
def test_bad_config_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str,
                                         needle: str) -> None:
    cfg = _config(tmp_path, text)
    assert main(["check", "--config", str(cfg), str(seed("004"))]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("budgetdoc：配置错误：") and captured.err.count("\n") == 1
    assert needle in captured.err and str(cfg) in captured.err


def test_bad_config_subprocess_no_traceback(tmp_path: Path) -> None:
    cfg = _config(tmp_path, "rules:\n  grwth-rate: {enabled: false}\n")
    p = subprocess.run([sys.executable, "-m", "budgetdoc.cli", "check", "--config", str(cfg), str(seed("004"))],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 2 and "Traceback" not in p.stderr and p.stderr.count("\n") == 1
    assert "did you mean 'growth-rate'?" in p.stderr
    missing = subprocess.run([sys.executable, "-m", "budgetdoc.cli", "check", "--config", str(tmp_path / "no.yaml"),
                              str(seed("004"))], capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "no such config file" in missing.stderr


def test_readme_example_config_is_valid(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    cfg = load_config(_config(tmp_path, block))
    assert cfg.severities == {"share": "warning"} and cfg.disabled == {"unit-missing", "period-kind"}
    assert not cfg.last_digit_warning and cfg.section_aliases == {"income": ("财力安排情况",)}


def test_directive_syntax() -> None:
    assert DIRECTIVE.search("增长4.43%。 budgetdoc: ignore growth-rate").group("ids") == "growth-rate"
    assert DIRECTIVE.search("budgetdoc：ignore share，identity").group("ids") == "share，identity"
    assert DIRECTIVE.search("budgetdoc ignore share") is None


def test_empty_config_is_default(tmp_path: Path) -> None:
    assert load_config(_config(tmp_path, "")) == Config()
    with pytest.raises(ConfigError):
        parse_config(["share"])


def test_config_exit_code_follows_severity(tmp_path: Path) -> None:
    # Every rule that reports an error in seed 002 re-graded to warning: exit 0 instead of 1.
    errors = {f.rule for f in check(seed("002")).findings if f.severity == "error"}
    cfg = _config(tmp_path, "rules:\n" + "".join(f"  {r}: {{severity: warning}}\n" for r in sorted(errors)))
    assert main(["check", "--config", str(cfg), "--format", "json", "-o", str(tmp_path / "o.json"),
                 str(seed("002"))]) == 0


# ---- inline suppression ----

def _with_directives(tmp_path: Path) -> Path:
    lines = seed("002").read_text(encoding="utf-8").splitlines()
    assert "增长4.43%" in lines[25]  # the growth-rate error of line 26
    lines.insert(25, "budgetdoc: ignore growth-rate")  # suppresses its own line and the next (now 27)
    lines.insert(0, "budgetdoc: ignore share, grwth-rate")  # nothing of either on lines 1–2
    p = tmp_path / "002_suppressed.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_suppression_recorded_not_dropped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = check(_with_directives(tmp_path))
    assert [(f.rule, f.stated, f.evidence[0].loc.line) for f in r.suppressed] == [("growth-rate", "4.43%", 28)]
    assert r.suppressed[0].suppressed_by is not None and r.suppressed[0].suppressed_by.loc.line == 27
    assert not any(f.rule == "growth-rate" and f.evidence[0].loc.line == 28 for f in r.findings)
    unused = [f for f in r.findings if f.rule == "unused-suppression"]
    assert [(f.severity, f.stated, f.evidence[0].loc.line) for f in unused] == \
        [("info", "share", 1), ("info", "grwth-rate", 1)]
    assert "没有这条规则" in unused[1].message
    d = r.to_dict()
    assert d["suppressed"][0]["suppressed_by"] == {"line": 27, "quote": "budgetdoc: ignore growth-rate"}
    assert d["suppressed"][0]["rule"] == "growth-rate"
    # The text report counts and lists them.
    assert main(["check", str(tmp_path / "002_suppressed.txt")]) == 1
    out = capsys.readouterr().out
    assert "已按文中指令忽略 1 项" in out and "[已忽略]" in out


def test_unused_suppression_can_be_disabled(tmp_path: Path) -> None:
    cfg = load_config(_config(tmp_path, "disable: [unused-suppression]\n"))
    r = check(_with_directives(tmp_path), cfg)
    assert len(r.suppressed) == 1 and not any(f.rule == "unused-suppression" for f in r.findings)
