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
    # Catalogue data (docs/rules.md, `budgetdoc rules`): short Chinese sentences. Defaults keep rule
    # files that do not fill them in working; tests require them for the documented rules.
    example_bad: str = ""
    example_good: str = ""
    rationale: str = ""
    # True when this rule's warnings are last-digit slips (see miss_severity), so that
    # `tolerance: {last_digit_warning: false}` in a config turns them into errors.
    last_digit: bool = False

    @property
    def config_keys(self) -> list[str]:
        """The configuration keys that change this rule (docs/rules.md lists them)."""
        keys = [f"rules.{self.id}.enabled", f"rules.{self.id}.severity", "disable"]
        if self.last_digit:
            keys.append("tolerance.last_digit_warning")
        return keys

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "category": self.category, "severity": self.severity, "title": self.title,
                "explanation": self.explanation, "example_bad": self.example_bad,
                "example_good": self.example_good, "rationale": self.rationale,
                "config_keys": self.config_keys}


RULES: dict[str, Rule] = {}


def rule(id: str, category: str, severity: Severity, title: str, explanation: str, *,
         example_bad: str = "", example_good: str = "", rationale: str = "", last_digit: bool = False):
    def register(fn: Callable[[Analysis], Iterator[Finding]]):
        if id in RULES:
            raise ValueError(f"duplicate rule id {id}")
        RULES[id] = Rule(id, category, severity, title, explanation, fn, example_bad=example_bad,
                         example_good=example_good, rationale=rationale, last_digit=last_digit)
        return fn
    return register


def miss_severity(stated: Mention, expected: Interval) -> Severity | None:
    """None when the stated figure is consistent; a warning when it misses by at most one unit of its
    last digit (truncated instead of rounded, or nudged so shares add up); otherwise an error."""
    return miss_severity_of(stated.value, stated.decimals, expected)


def miss_severity_of(value: Decimal, decimals: int, expected: Interval) -> Severity | None:
    """miss_severity for a figure stated as `value` with `decimals` decimals (a table cell, say)."""
    if Interval.stated(value, decimals).overlaps(expected):
        return None
    unit = Decimal(1).scaleb(-decimals)
    return "warning" if expected.gap(value) <= unit else "error"


def quote_sentence(m: Mention, end: int | None = None, start: int | None = None) -> str:
    """The original text of the sentence holding a mention, from its start to the claim's end."""
    text = m.line.norm.text
    s = start if start is not None else max(text.rfind(c, 0, m.start) for c in "。!?;") + 1
    e = end if end is not None else m.end
    return m.line.norm.quote(s, e)


def evidence(m: Mention, end: int | None = None, start: int | None = None) -> Evidence:
    return Evidence(quote_sentence(m, end, start), m.line.block.loc, m.line.block.confidence)


def line_evidence(line: Line, start: int, end: int) -> Evidence:
    return Evidence(line.norm.quote(start, end), line.block.loc, line.block.confidence)


def fmt_pct(x: Decimal, decimals: int) -> str:
    q = Decimal(1).scaleb(-decimals)
    return f"{x.quantize(q)}%"


def fmt_amount(m: Mention, value: Decimal | None = None) -> str:
    v = m.value if value is None else value
    q = Decimal(1).scaleb(-m.decimals)
    return f"{v.quantize(q)}{m.unit}"


@rule("unused-suppression", "meta", "info", "未起作用的忽略指令",
      "文中的“budgetdoc: ignore 规则编号”指令只忽略该行及下一行上该规则的发现；没有忽略任何发现的指令"
      "（规则编号写错、问题已改正或指令位置不对）会被提示，以免过时的例外一直留在文件里。",
      example_bad="budgetdoc: ignore share（下一行并没有占比问题）",
      example_good="budgetdoc: ignore growth-rate（下一行是经核实的特殊增长率表述）",
      rationale="例外须有记录且保持有效：每条忽略指令都应对应一个被忽略的发现，报告中列出被忽略的发现及指令位置。")
def check_unused_suppression(a: Analysis) -> Iterator[Finding]:
    # The finding is produced by the suppression pass after all rules ran (config.apply_suppressions);
    # it is registered so that it is documented and can be disabled or re-graded like any rule.
    return iter(())
