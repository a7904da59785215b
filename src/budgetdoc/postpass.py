"""The one pass after the rules: what a finding's final severity is and whether it is reported.

In this order, each step building new findings (nothing is edited in place):
1. dedupe: one finding per rule, message and quoted places;
2. enable: findings of disabled rules are dropped;
3. last-digit tolerance: a slip (`Finding.last_digit`) is a warning unless `tolerance.last_digit_warning`
   is false;
4. config severity: `rules.<id>.severity` re-grades every finding of the rule;
5. OCR confidence: an error resting on OCR text read with low confidence becomes a warning, with a note;
6. inline suppression: `budgetdoc: ignore <id>` moves findings to `suppressed`; a directive that
   suppressed nothing becomes an `unused-suppression` finding (graded by steps 2–4 like any other).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from .analysis import Analysis
from .config import DEFAULT, Config
from .model import Evidence, Finding
from .rules import RULES, RuleContext, run_rules
from .verify import Ledger

__all__ = ["DIRECTIVE", "OCR_MIN_CONFIDENCE", "OCR_NOTE", "finish", "review"]

OCR_MIN_CONFIDENCE = 0.9  # below this an OCR'd figure may be misread: its findings cannot be errors
OCR_NOTE = "（OCR识别置信度较低，请核对原件）"

# One syntax: `budgetdoc: ignore <rule-id>[, <rule-id>]` anywhere in a line (full-width ：，、 too).
DIRECTIVE = re.compile(r"budgetdoc\s*[:：]\s*ignore\s+(?P<ids>[a-z0-9-]+(?:\s*[,，、]\s*[a-z0-9-]+)*)")


def review(analysis: Analysis, config: Config | None = None,
           ledger: Ledger | None = None) -> tuple[list[Finding], list[Finding]]:
    """Run the enabled rules on an analysis and the post-pass on their findings: (kept, suppressed).
    What the rules found of each statement goes into `ledger` (the claim ledger) when given."""
    config = config or DEFAULT
    return finish(analysis, run_rules(analysis, [r for r in RULES if config.enabled(r)], ledger), config)


def finish(analysis: Analysis, findings: list[Finding],
           config: Config | None = None) -> tuple[list[Finding], list[Finding]]:
    """The rules' findings graded, deduplicated and split into (kept, suppressed), in report order."""
    config = config or DEFAULT
    graded = [_grade(f, config) for f in _dedupe(findings) if config.enabled(f.rule)]
    kept, suppressed = _suppress(analysis, graded, config)
    kept.sort(key=Finding.sort_key)
    return kept, suppressed


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    out = []
    for f in findings:
        key = (f.rule, f.message, tuple((e.quote, e.loc) for e in f.evidence))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _grade(f: Finding, config: Config) -> Finding:
    sev = f.severity
    if f.last_digit and sev == "error" and config.last_digit_warning:
        sev = "warning"  # a last-digit slip: real but minor
    sev = config.severities.get(f.rule, sev)
    message = f.message
    if sev == "error" and any(e.confidence is not None and e.confidence < OCR_MIN_CONFIDENCE for e in f.evidence):
        # The number in the error may be the OCR's misreading, not the document's mistake.
        sev, message = "warning", message + OCR_NOTE
    return f if (sev, message) == (f.severity, f.message) else replace(f, severity=sev, message=message)


@dataclass
class _Directive:
    ids: list[str]
    evidence: Evidence
    covers: set[Any]  # locations of the directive's line and the next line
    used: set[str] = field(default_factory=set)


def _directives(analysis: Analysis) -> list[_Directive]:
    out = []
    lines = analysis.lines
    for i, line in enumerate(lines):
        m = DIRECTIVE.search(line.block.text)
        if m is None:
            continue
        ids = [x for x in re.split(r"\s*[,，、]\s*", m.group("ids")) if x]
        covers = {line.block.loc} | ({lines[i + 1].block.loc} if i + 1 < len(lines) else set())
        out.append(_Directive(ids, Evidence(m.group(0), line.block.loc), covers))
    return out


def _suppress(analysis: Analysis, findings: list[Finding], config: Config) -> tuple[list[Finding], list[Finding]]:
    """Split findings into (kept, suppressed) by the document's directives. A suppressed finding keeps
    the directive's location in `suppressed_by`; a directive that suppressed nothing (a wrong id, a
    fixed problem) becomes an info finding `unused-suppression`."""
    directives = _directives(analysis)
    if not directives:
        return findings, []
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for f in findings:
        d = next((d for d in directives if f.rule in d.ids and any(e.loc in d.covers for e in f.evidence)), None)
        if d is None:
            kept.append(f)
        else:
            d.used.add(f.rule)
            suppressed.append(replace(f, suppressed_by=d.evidence))
    if config.enabled("unused-suppression"):
        ctx = RuleContext(RULES["unused-suppression"], analysis)
        for d in directives:
            for rid in d.ids:
                if rid in d.used or (rid in RULES and not config.enabled(rid)):
                    continue  # a disabled rule has nothing to suppress: not the directive's fault
                why = "没有这条规则" if rid not in RULES else "该行及下一行没有这条规则的发现"
                kept.append(_grade(ctx.report(f"忽略指令未起作用：{rid}（{why}），请删除或改正指令。",
                                              [d.evidence], stated=rid), config))
    return kept, suppressed
