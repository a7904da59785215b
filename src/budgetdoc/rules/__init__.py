"""The rule catalogue. Importing this package registers every rule in RULES."""

from __future__ import annotations

from ..analysis import Analysis
from ..model import Finding
from . import claims, sums, tables, wording  # noqa: F401  (registration)
from .base import RULES, Rule


def run_rules(analysis: Analysis, enabled: set[str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple] = set()
    for rule in RULES.values():
        if enabled is not None and rule.id not in enabled:
            continue
        for f in rule.check(analysis):
            key = (f.rule, f.message, tuple((e.quote, e.loc) for e in f.evidence))
            if key not in seen:
                seen.add(key)
                findings.append(f)
    findings.sort(key=Finding.sort_key)
    return findings


__all__ = ["RULES", "Rule", "run_rules"]
