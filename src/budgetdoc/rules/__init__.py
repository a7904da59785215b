"""The rule catalogue. Importing this package registers every rule in RULES."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis import Analysis
from ..model import Finding
from . import claims, completeness, consistency, performance, sums, tables, wording  # noqa: F401  (registration)
from .base import RULES, Rule

if TYPE_CHECKING:
    from ..config import Config


def run_rules(analysis: Analysis, config: Config | None = None, enabled: set[str] | None = None) -> list[Finding]:
    """Every enabled rule's findings, deduplicated, re-graded by the config, in report order."""
    from ..config import DEFAULT, adjust  # config imports this package: import at call time

    config = config or DEFAULT
    findings: list[Finding] = []
    seen: set[tuple] = set()
    for rule in RULES.values():
        if (enabled is not None and rule.id not in enabled) or not config.enabled(rule.id):
            continue
        for f in rule.check(analysis):
            key = (f.rule, f.message, tuple((e.quote, e.loc) for e in f.evidence))
            if key not in seen:
                seen.add(key)
                findings.append(adjust(f, config))
    _soften_low_confidence_ocr(findings)
    findings.sort(key=Finding.sort_key)
    return findings


OCR_MIN_CONFIDENCE = 0.9  # below this an OCR'd figure may be misread: its findings cannot be errors
OCR_NOTE = "（OCR识别置信度较低，请核对原件）"


def _soften_low_confidence_ocr(findings: list[Finding]) -> None:
    """Turn errors resting on OCR text read with low confidence into warnings, with a note saying why:
    the number in the error may be the OCR's misreading, not the document's mistake."""
    for f in findings:
        if f.severity == "error" and any(e.confidence is not None and e.confidence < OCR_MIN_CONFIDENCE
                                         for e in f.evidence):
            f.severity = "warning"
            f.message += OCR_NOTE


__all__ = ["RULES", "Rule", "run_rules"]
