"""Rule registry, the rule context (report() stamps a finding with its rule), and the helpers every rule
shares (severity at the last digit, evidence with the stated figure marked, side sections)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from ..analysis import Analysis
from ..extract import Mention
from ..interval import Interval
from ..knowledge import Knowledge, RuleExamples, rule_examples
from ..model import Evidence, Finding, Reading, Severity
from ..verify import Count, Ledger, TableTotal
from ..verify.quotes import evidence, line_evidence, quote_sentence  # noqa: F401  (re-exported for the rules)
from ..verify.search import level_growth  # noqa: F401  (re-exported for the rules)

Miss = Literal["slip", "miss"]  # a last-digit slip, or a figure that is simply wrong


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: Severity
    title: str
    explanation: str
    check: Callable[[RuleContext], Iterable[Finding]]
    rationale: str = ""
    # True when this rule can report last-digit slips (RuleContext.report(slip=True)): they are
    # warnings, errors with `tolerance: {last_digit_warning: false}` (postpass.py).
    last_digit: bool = False
    # True when the rule reads what the other rules noted in the ledger (the 尾差 of the totals they
    # checked): it runs after them.
    after_others: bool = False

    @property
    def examples(self) -> RuleExamples:
        """The rule's documented bad and good texts (knowledge/rule_examples.yaml); a test runs them all."""
        return rule_examples().get(self.id, RuleExamples((), ()))

    @property
    def example_bad(self) -> str:
        return self.examples.bad[0] if self.examples.bad else ""

    @property
    def example_good(self) -> str:
        return self.examples.good[0] if self.examples.good else ""

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


@dataclass(frozen=True)
class RuleContext:
    """What a rule sees: the analysis, the knowledge it was built with, `report`, the one way to make a
    finding, and the claim ledger, where a rule records what checking a statement came to. A rule cannot
    name another rule's id: `report` stamps its own."""

    rule: Rule
    analysis: Analysis
    ledger: Ledger = field(default_factory=Ledger)

    @property
    def knowledge(self) -> Knowledge:
        return self.analysis.knowledge

    def report(self, message: str, quotes: Iterable[Evidence], *, stated: str | None = None,
               expected: str | None = None, severity: Severity | None = None, slip: bool = False,
               claim: Mention | TableTotal | Count | None = None, reading: Reading | None = None,
               unverified: str | None = None) -> Finding:
        """A finding of this rule. `severity` only for a rule whose findings differ in kind (template
        residue); `slip=True` marks a last-digit slip, graded by the post-pass. `claim`: the statement
        the finding is about, recorded in the ledger as contradicted under `reading` — or as unverified
        with the reason `unverified` when the finding only asks for a check (a warning on a guessed base)."""
        if slip and not self.rule.last_digit:
            raise ValueError(f"rule {self.rule.id} is not declared last_digit but reported a slip")
        ev = list(quotes)
        if claim is not None:
            self.ledger.record(claim, "unverified" if unverified else "contradicted", reading=reading,
                               reason=unverified, rule=self.rule.id, evidence=ev[0] if ev else None)
        return Finding(self.rule.id, severity or self.rule.severity, message, ev, stated=stated,
                       expected=expected, category=self.rule.category, last_digit=slip)

    def verified(self, claim: Mention | TableTotal | Count, reading: Reading | None) -> None:
        """The statement holds under `reading` (the figures that agree with it)."""
        self.ledger.record(claim, "verified", reading=reading, rule=self.rule.id)

    def unverified(self, claim: Mention | TableTotal | Count, reason: str, reading: Reading | None = None) -> None:
        """The statement could not be decided: `reason` says why (shown in the ledger, not as a finding)."""
        self.ledger.record(claim, "unverified", reading=reading, reason=reason, rule=self.rule.id)


RULES: dict[str, Rule] = {}
# The catalogue's categories, in the order it lists them; each rule file holds the rules of one.
CATEGORIES = ("arithmetic", "consistency", "wording", "period", "table", "performance", "completeness", "meta")


def rule(id: str, category: str, severity: Severity, title: str, explanation: str, *,
         rationale: str = "", last_digit: bool = False, after_others: bool = False):
    def register(fn: Callable[[RuleContext], Iterable[Finding]]):
        if id in RULES:
            raise ValueError(f"duplicate rule id {id}")
        if category not in CATEGORIES:
            raise ValueError(f"rule {id}: unknown category {category}")
        RULES[id] = Rule(id, category, severity, title, explanation, fn, rationale=rationale,
                         last_digit=last_digit, after_others=after_others)
        return fn
    return register


def miss_severity(stated: Mention, expected: Interval) -> Miss | None:
    """None when the stated figure is consistent; "slip" when it misses by at most one unit of its
    last digit (truncated instead of rounded, or nudged so shares add up); otherwise "miss"."""
    return miss_severity_of(stated.value, stated.decimals, expected)


def miss_severity_of(value: Decimal, decimals: int, expected: Interval) -> Miss | None:
    """miss_severity for a figure stated as `value` with `decimals` decimals (a table cell, say)."""
    if Interval.stated(value, decimals).overlaps(expected):
        return None
    unit = Decimal(1).scaleb(-decimals)
    return "slip" if expected.gap(value) <= unit else "miss"


# Facts in these parts are definitions, self-evaluation reports or attachments with their own
# definitions of the same words: they are listed but not held to the main tables' identities.
SIDE_SECTIONS = {"glossary", "performance", "contact", "tables", "attachment"}


def in_side_section(m: Mention) -> bool:
    sec = m.line.section
    return sec is not None and any(s.type in SIDE_SECTIONS for s in sec.chain())


def unit_of(m: Mention) -> str | None:
    """The budget unit whose figure a mention is (its clause or the heading above names it), None for the
    department's."""
    return m.body or (m.line.section.unit_scope if m.line.section is not None else None)


def units(a: Analysis) -> list[str | None]:
    """The unit scopes the text states figures in: the department's (None) first, then each unit's."""
    out: list[str | None] = [None]
    for m in a.all_mentions():
        u = unit_of(m)
        if u not in out:
            out.append(u)
    return out


def first_levels(a: Analysis, unit: str | None = None) -> dict[str, Mention]:
    """The first amount the main text states for each key (all keys a phrase states, e.g. 收、支总计),
    among the figures of one budget unit's scope (the department's by default)."""
    first: dict[str, Mention] = {}
    for m in a.all_mentions():
        if m.key and not m.is_percent and not m.is_change and not in_side_section(m) and unit_of(m) == unit:
            for key in m.keys:
                first.setdefault(key, m)
    return first


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    s = max(text.rfind(c, 0, start) for c in "。;!?") + 1
    e_candidates = [i for i in (text.find(c, end) for c in "。;!?") if i >= 0]
    e = min(e_candidates) + 1 if e_candidates else len(text)
    return s, max(e, end)


def fmt_pct(x: Decimal, decimals: int) -> str:
    """A rate as a document rounds it: half up (56.25 -> 56.3), not to the even digit."""
    q = Decimal(1).scaleb(-decimals)
    return f"{x.quantize(q, rounding=ROUND_HALF_UP)}%"


def fmt_fixed(x: Decimal, decimals: int) -> str:
    """A figure to `decimals` places with thousands separators, as tables print it (6,039.82)."""
    return f"{x.quantize(Decimal(1).scaleb(-decimals)):,}"


def fmt_amount(m: Mention, value: Decimal | None = None) -> str:
    v = m.value if value is None else value
    q = Decimal(1).scaleb(-m.decimals)
    return f"{v.quantize(q)}{m.unit}"


@rule("unused-suppression", "meta", "info", "未起作用的忽略指令",
      "文中的“budgetdoc: ignore 规则编号”指令只忽略该行及下一行上该规则的发现；没有忽略任何发现的指令"
      "（规则编号写错、问题已改正或指令位置不对）会被提示，以免过时的例外一直留在文件里。",
      rationale="例外须有记录且保持有效：每条忽略指令都应对应一个被忽略的发现，报告中列出被忽略的发现及指令位置。")
def check_unused_suppression(ctx: RuleContext) -> Iterator[Finding]:
    # The finding is produced by the suppression pass after all rules ran (postpass.py);
    # it is registered so that it is documented and can be disabled or re-graded like any rule.
    return iter(())
