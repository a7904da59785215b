"""Repeated findings of one cause as one finding: a template placeholder left on 22 glossary lines is
one problem to fix 22 times, not 22 problems.

Findings are the same when rule, severity, stated and expected value agree and their messages agree
once locations are taken out of them. The group keeps every quote (first finding's first), sits where
its first finding was, and its message says how many places it covers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .knowledge import load_yaml
from .model import Finding

# Locations a message may name ("第26行", "第3页", "表2", "《a.pdf》"): not part of the cause.
_LOCATION = re.compile(load_yaml("report.yaml")["message_location"])


def cause(f: Finding) -> tuple[str, str, str, str | None, str | None]:
    """What makes two findings the same problem."""
    return (f.rule, f.severity, _LOCATION.sub("", f.message), f.stated, f.expected)


def count_note(n: int) -> str:
    return f"（同样的问题共{n}处）"


def group_repeated(findings: list[Finding]) -> list[Finding]:
    """One finding per cause, with all the evidence of its repeats, in the order of first appearance.
    A finding already suppressed (`suppressed_by`) is never merged with one that is not."""
    groups: dict[tuple, list[Finding]] = {}
    order: list[tuple] = []
    for f in findings:
        key = (*cause(f), f.suppressed_by is not None)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(f)
    out = []
    for key in order:
        fs = groups[key]
        if len(fs) == 1:
            out.append(fs[0])
            continue
        evidence = []
        for f in fs:
            evidence.extend(e for e in f.evidence if e not in evidence)
        out.append(replace(fs[0], message=fs[0].message + count_note(len(evidence)), evidence=evidence))
    return out


def places(f: Finding) -> list:
    """The evidence that stands for one occurrence each: every quote of a group, else the first quote
    (a finding that is not a group may quote several places for one problem, e.g. text and table)."""
    return f.evidence if f.message.endswith(count_note(len(f.evidence))) else f.evidence[:1]


def ungroup(findings: list[Finding]) -> list[Finding]:
    """The findings as the rules gave them: a group back to one finding per place (the benchmarks
    compare findings place by place)."""
    out = []
    for f in findings:
        if len(f.evidence) > 1 and f.message.endswith(count_note(len(f.evidence))):
            message = f.message[: -len(count_note(len(f.evidence)))]
            out.extend(replace(f, message=message, evidence=[e]) for e in f.evidence)
        else:
            out.append(f)
    return out
