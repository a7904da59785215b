"""Rule registry and the helpers every rule shares (severity at the last digit, evidence)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..analysis import Analysis
from ..extract import Mention
from ..interval import Interval
from ..model import Evidence, Finding, Severity
from ..structure import Line


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: Severity
    title: str
    explanation: str
    check: Callable[[Analysis], Iterator[Finding]]


RULES: dict[str, Rule] = {}


def rule(id: str, category: str, severity: Severity, title: str, explanation: str):
    def register(fn: Callable[[Analysis], Iterator[Finding]]):
        if id in RULES:
            raise ValueError(f"duplicate rule id {id}")
        RULES[id] = Rule(id, category, severity, title, explanation, fn)
        return fn
    return register


def miss_severity(stated: Mention, expected: Interval) -> Severity | None:
    """None when the stated figure is consistent; a warning when it misses by at most one unit of its
    last digit (truncated instead of rounded, or nudged so shares add up); otherwise an error."""
    if stated.interval.overlaps(expected):
        return None
    unit = Decimal(1).scaleb(-stated.decimals)
    return "warning" if expected.gap(stated.value) <= unit else "error"


def quote_sentence(m: Mention, end: int | None = None, start: int | None = None) -> str:
    """The original text of the sentence holding a mention, from its start to the claim's end."""
    text = m.line.norm.text
    s = start if start is not None else max(text.rfind(c, 0, m.start) for c in "。!?;") + 1
    e = end if end is not None else m.end
    return m.line.norm.quote(s, e)


def evidence(m: Mention, end: int | None = None, start: int | None = None) -> Evidence:
    return Evidence(quote_sentence(m, end, start), m.line.block.loc)


def line_evidence(line: Line, start: int, end: int) -> Evidence:
    return Evidence(line.norm.quote(start, end), line.block.loc)


def fmt_pct(x: Decimal, decimals: int) -> str:
    q = Decimal(1).scaleb(-decimals)
    return f"{x.quantize(q)}%"


def fmt_amount(m: Mention, value: Decimal | None = None) -> str:
    v = m.value if value is None else value
    q = Decimal(1).scaleb(-m.decimals)
    return f"{v.quantize(q)}{m.unit}"
