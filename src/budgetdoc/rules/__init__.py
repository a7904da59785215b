"""The rule catalogue. Importing this package registers every rule in RULES.

`run_rules` gives the rules' own findings; grading, deduplication and suppression are the post-pass
(budgetdoc/postpass.py), which runs after every rule.
"""

from __future__ import annotations

from collections.abc import Collection

from ..analysis import Analysis
from ..model import Finding
from ..verify import Ledger
from . import (  # noqa: F401  (registration)
    across,
    changes,
    claims,
    classlist,
    completeness,
    consistency,
    counts,
    department,
    levels,
    names,
    performance,
    period,
    points,
    projects,
    ratios,
    residues,
    row_numbers,
    sums,
    tables,
    units,
    wording,
)
from .base import CATEGORIES, RULES, Rule, RuleContext

__all__ = ["CATEGORIES", "RULES", "Rule", "RuleContext", "run_rules"]


def run_rules(analysis: Analysis, enabled: Collection[str] | None = None,
              ledger: Ledger | None = None) -> list[Finding]:
    """The findings of every rule (of the `enabled` ones when given), as the rules report them; what
    each rule found of the statements it checked goes into `ledger`."""
    findings: list[Finding] = []
    ledger = ledger if ledger is not None else Ledger()
    for r in sorted(RULES.values(), key=lambda r: r.after_others):  # stable: catalogue order otherwise
        if enabled is not None and r.id not in enabled:
            continue
        ctx = RuleContext(r, analysis, ledger)
        for f in r.check(ctx):
            if f.rule != r.id:  # report() stamps the id: only a hand-made Finding can get here
                raise RuntimeError(f"rule {r.id} emitted a finding of {f.rule}")
            findings.append(f)
    return findings
