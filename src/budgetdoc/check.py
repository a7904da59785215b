"""The one public entry point: check a file and get its metadata, facts and findings."""

from __future__ import annotations

from pathlib import Path

from .analysis import analyse
from .load import load
from .model import CheckResult
from .rules import run_rules


def check(path: str | Path) -> CheckResult:
    """Read a disclosure, extract its figures and verify its claims. Raises InputError on bad input."""
    doc = load(path)
    analysis = analyse(doc)
    findings = run_rules(analysis)
    sections = [{"title": s.title, "type": s.type, "level": s.level,
                 **analysis.lines[s.block_index].block.loc.to_dict()} for s in analysis.sections]
    return CheckResult(source=str(path), encoding=doc.encoding, metadata=analysis.meta,
                       facts=analysis.facts, findings=findings, format=doc.format, sections=sections,
                       warnings=doc.warnings)
