"""Checks a single document cannot make: this year's document against last year's, a year's budget
against that year's final accounts, a department that stopped publishing.

They run after every ingest over the latest stored documents and store their findings (origin
`cross-document`) against the later document; each run replaces the previous run's findings, so the
result depends only on what is stored. They compare only the same fact key (same quantity, same
funding scope), the same department (names.department_key) and kind, and treat each stated amount
as the interval its rounding allows (d decimals of its unit: ±0.5·10⁻ᵈ of that unit): a difference
inside both roundings is no finding; one that misses by no more than a unit of the last digit is a
warning; beyond that the rule's severity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from sqlalchemy import delete, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..config import Config
from ..interval import Interval
from ..knowledge import load_yaml
from .db import with_retry
from .models import Document, DocumentFile, FactRow, FindingRow
from .names import plausible

CATEGORY = "cross-document"
_LOCK = 140_015  # pg_advisory_xact_lock key: one cross-document run at a time


@dataclass(frozen=True)
class CrossRule:
    id: str
    severity: str
    title: str
    explanation: str
    example_bad: str
    example_good: str
    rationale: str

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "category": CATEGORY, "severity": self.severity, "title": self.title,
                "explanation": self.explanation, "example_bad": self.example_bad,
                "example_good": self.example_good, "rationale": self.rationale,
                "config_keys": []}


# The rules' metadata is data (knowledge/crossdoc_rules.yaml), so the config can accept their ids.
RULES: dict[str, CrossRule] = {r["id"]: CrossRule(**r) for r in load_yaml("crossdoc_rules.yaml")["rules"]}


def catalogue() -> list[dict[str, object]]:
    """The cross-document rules as catalogue entries, like rules.Rule.to_dict()."""
    return [r.to_dict() for r in RULES.values()]


# ------------------------------------------------------------------------------------------ data


@dataclass
class StoredFact:
    key: str
    value: Decimal
    stated: str
    location: dict
    section: str | None

    @property
    def interval(self) -> Interval | None:
        return stated_interval(self.stated, self.value)


@dataclass
class Doc:
    id: int
    department: str
    dept: str
    year: int
    kind: str
    files: list[str]
    facts: dict[str, list[StoredFact]]

    def first(self, key: str) -> StoredFact | None:
        """The fact of `key` when the document states it one way only (a conflict is fact-conflict's)."""
        facts = self.facts.get(key)
        if not facts or any(f.interval is None for f in facts):
            return None
        if all(f.interval.overlaps(facts[0].interval) for f in facts[1:]):
            return facts[0]
        return None

    @property
    def label(self) -> str:
        return f"{self.year}年{'决算' if self.kind == 'final' else '预算'}"


_NUM = re.compile(r"[-−]?\d[\d,，]*(?:\.\d+)?")
_UNITS = (("亿元", Decimal(100_000_000)), ("万元", Decimal(10_000)), ("元", Decimal(1)))


def stated_interval(stated: str, value: Decimal) -> Interval | None:
    """The yuan interval a stated amount stands for: its decimals in its own unit. None when the
    stated text does not show its number and unit plainly (then nothing is compared)."""
    s = stated.replace(" ", "").replace("\u3000", "")
    m = _NUM.search(s)
    unit = next(((u, k) for u, k in _UNITS if u in s[m.end():] if m), None) if m else None
    if m is None or unit is None:
        return None
    digits = m.group().replace(",", "").replace("，", "").replace("−", "-")
    try:
        number = Decimal(digits)
    except InvalidOperation:
        return None
    if (number * unit[1]).quantize(Decimal("0.01")) != value.quantize(Decimal("0.01")):
        return None  # the stored value is not this text's number in this unit: do not guess
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    half = Decimal(5) * Decimal(10) ** (-(decimals + 1)) * unit[1]
    return Interval(value - half, value + half)


def _unit_of_last_digit(stated: str) -> Decimal:
    s = stated.replace(" ", "")
    m = _NUM.search(s)
    unit = next((k for u, k in _UNITS if m and u in s[m.end():]), Decimal(1))
    digits = m.group() if m else ""
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return Decimal(10) ** (-decimals) * unit


def load_docs(session: Session) -> list[Doc]:
    rows = session.execute(select(Document.id, Document.department, Document.department_key, Document.year,
                                  Document.kind)
                           .where(Document.is_latest.is_(True), Document.status == "ok",
                                  Document.department_key.is_not(None), Document.year.is_not(None),
                                  Document.kind.is_not(None))).all()
    docs = {r.id: Doc(r.id, r.department, r.department_key, r.year, r.kind, [], {}) for r in rows
            if plausible(r.department)}
    if not docs:
        return []
    ids = list(docs)
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        for f in session.execute(select(DocumentFile.document_id, DocumentFile.name)
                                 .where(DocumentFile.document_id.in_(part)).order_by(DocumentFile.position)):
            docs[f.document_id].files.append(f.name)
        for f in session.execute(select(FactRow).where(FactRow.document_id.in_(part))
                                 .order_by(FactRow.document_id, FactRow.position)).scalars():
            docs[f.document_id].facts.setdefault(f.key, []).append(
                StoredFact(f.key, f.value_yuan, f.stated, f.location, f.section))
    return list(docs.values())


# ------------------------------------------------------------------------------------------ rules


@dataclass
class CrossFinding:
    document_id: int
    rule: str
    severity: str
    message: str
    stated: str | None
    expected: str | None
    evidence: list[dict]
    section: str | None = None


Index = dict[tuple[str, str, int], list[Doc]]  # (department key, kind, year) → documents, newest first


def _wan(v: Decimal) -> str:
    return f"{v / 10000:,.2f}万元"


def _evidence(doc: Doc, fact: StoredFact) -> dict:
    loc = dict(fact.location)
    loc.setdefault("file", doc.files[0] if len(doc.files) == 1 else " + ".join(doc.files))
    return {**loc, "quote": fact.stated, "document_id": doc.id, "year": doc.year, "kind": doc.kind,
            **({"section": fact.section} if fact.section else {})}


def _name(key: str) -> str:
    from ..knowledge import knowledge

    name = knowledge().name(key)
    if key.split(".")[-1] in ("budget", "prev") or ".func." in key or key.startswith("func."):
        name = name.replace("func.", "功能分类")
    return name


def _compare(rule: CrossRule, later: Doc, a: StoredFact, a_says: str, earlier: Doc, b: StoredFact,
             b_says: str) -> CrossFinding | None:
    """A finding when the later document's fact `a` and the earlier one's `b` cannot be equal within
    their roundings; `a_says`/`b_says` name them in the message."""
    ia, ib = a.interval, b.interval
    if ia is None or ib is None or ia.overlaps(ib):
        return None
    gap = min(abs(a.value - ib.lo), abs(a.value - ib.hi))
    severity = "warning" if gap <= _unit_of_last_digit(a.stated) else rule.severity
    msg = (f"{later.label}{a_says}为{a.stated.strip()}，{earlier.label}{b_says}为{b.stated.strip()}，"
           f"相差{_wan(abs(a.value - b.value))}（按各自的舍入位数仍不相符）。")
    return CrossFinding(later.id, rule.id, severity, msg, a.stated.strip(), b.stated.strip(),
                        [_evidence(later, a), _evidence(earlier, b)], a.section)


SCOPES = ("", "fiscal.", "gpb.", "gf.", "soc.")


def carryover_across_years(index: Index) -> Iterator[CrossFinding]:
    rule = RULES["carryover-across-years"]
    for (dept, kind, year), docs in index.items():
        if kind != "final":  # a budget's 上年结转 is an estimate made before last year's accounts closed
            continue
        for later in docs:
            for earlier in index.get((dept, kind, year - 1), [])[:1]:  # the newest stored of last year
                for scope in SCOPES:
                    a = later.first(f"{scope}income.carryover_begin")
                    b = earlier.first(f"{scope}expense.carryover_end")
                    if a is not None and b is not None:
                        f = _compare(rule, later, a, f"的{_name(f'{scope}income.carryover_begin')}",
                                     earlier, b, f"的{_name(f'{scope}expense.carryover_end')}")
                        if f:
                            yield f


def prior_year_quoted(index: Index) -> Iterator[CrossFinding]:
    rule = RULES["prior-year-quoted"]
    for (dept, kind, year), docs in index.items():
        for later in docs:
            for key in later.facts:
                if not key.endswith(".prev"):
                    continue
                base = key[: -len(".prev")]
                a = later.first(key)
                for earlier in index.get((dept, kind, year - 1), [])[:1]:
                    b = earlier.first(base)
                    if a is not None and b is not None:
                        f = _compare(rule, later, a, f"引用的{_name(base)}上年数", earlier, b, f"的{_name(base)}")
                        if f:
                            yield f


# The final accounts' 年初预算 figures: the totals compared with 年初预算 in the overview and the
# 一般公共预算 section. Other `.budget` figures (三公 tables, 项 rows) are often 全年预算 (after
# adjustments), which the budget document cannot know: not compared.
BUDGET_TOTALS = {f"{scope}{key}" for scope in ("", "fiscal.", "gpb.")
                 for key in ("income.total", "expense.total", "income.current_year", "expense.current_year")}


def budget_vs_final(index: Index) -> Iterator[CrossFinding]:
    rule = RULES["budget-vs-final"]
    for (dept, kind, year), finals in index.items():
        if kind != "final":
            continue
        for final in finals:
            for key in final.facts:
                base = key[: -len(".budget")]
                if not key.endswith(".budget") or base not in BUDGET_TOTALS:
                    continue
                a = final.first(key)
                for budget in index.get((dept, "budget", year), [])[:1]:
                    b = budget.first(base)
                    if a is not None and b is not None:
                        f = _compare(rule, final, a, f"引用的{_name(base)}年初预算数", budget, b,
                                     f"的{_name(base)}")
                        if f:
                            yield f


def missing_document(index: Index) -> Iterator[CrossFinding]:
    """A gap in a department's own series (warning), or a department absent from a year in which most
    of the departments that published with it the year before published again (info)."""
    rule = RULES["missing-document"]
    years: dict[tuple[str, str], set[int]] = {}
    for dept, kind, year in index:
        years.setdefault((dept, kind), set()).add(year)
    kind_name = {"final": "决算", "budget": "预算"}
    for (dept, kind), ys in years.items():
        last = max(ys)
        for before in sorted(ys):
            y = before + 1
            if y not in ys and y + 1 in ys:  # one year missing between two published ones
                earlier, later = index[(dept, kind, before)][0], index[(dept, kind, y + 1)][0]
                yield CrossFinding(later.id, rule.id, "warning",
                                   f"{later.department}有{earlier.year}年和{later.year}年部门{kind_name[kind]}，"
                                   f"缺少{y}年部门{kind_name[kind]}（库中没有该年度文件）。",
                                   None, f"{y}年部门{kind_name[kind]}",
                                   [_doc_evidence(earlier), _doc_evidence(later)])
        y = last + 1
        cohort = [d for (d, k) in years if k == kind and d != dept and last in years[(d, k)]]
        again = [d for d in cohort if y in years[(d, kind)]]
        if len(cohort) >= 3 and len(again) * 3 >= len(cohort) * 2:
            earlier = index[(dept, kind, last)][0]
            yield CrossFinding(earlier.id, rule.id, "info",
                               f"{earlier.department}有{last}年部门{kind_name[kind]}，库中没有其{y}年部门"
                               f"{kind_name[kind]}，而{last}年同批的{len(cohort)}个部门中{len(again)}个已有{y}年文件。",
                               None, f"{y}年部门{kind_name[kind]}", [_doc_evidence(earlier)])


def _doc_evidence(doc: Doc) -> dict:
    return {"file": " + ".join(doc.files), "quote": f"{doc.department} {doc.label}", "document_id": doc.id,
            "year": doc.year, "kind": doc.kind}


CHECKS = [carryover_across_years, prior_year_quoted, budget_vs_final, missing_document]


def find(docs: list[Doc]) -> list[CrossFinding]:
    index: Index = {}
    for d in sorted(docs, key=lambda d: d.id, reverse=True):  # the newest ingest first
        index.setdefault((d.dept, d.kind, d.year), []).append(d)
    out = []
    for check in CHECKS:
        out.extend(check(index))
    return out


def configured(findings: list[CrossFinding], config: Config | None) -> list[CrossFinding]:
    """The findings of the rules the config leaves enabled, with the severity it gives a rule."""
    if config is None:
        return findings
    return [replace(f, severity=config.severities.get(f.rule, f.severity))
            for f in findings if config.enabled(f.rule)]


def run(engine: Engine, config: Config | None = None) -> int:
    """Recompute every cross-document finding in one transaction (the rules `config` disables are not
    stored); the number stored."""

    def work() -> int:
        with Session(engine) as s, s.begin():
            if s.bind.dialect.name == "postgresql":
                s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK})
            findings = configured(find(load_docs(s)), config)
            s.execute(delete(FindingRow).where(FindingRow.origin == CATEGORY))
            rows = [dict(document_id=f.document_id, position=10_000 + i, origin=CATEGORY, rule=f.rule,
                         severity=f.severity, message=f.message, stated=f.stated, expected=f.expected,
                         evidence=f.evidence, section=f.section, suppressed=False)
                    for i, f in enumerate(findings)]
            if rows:
                s.execute(FindingRow.__table__.insert(), rows)
            return len(rows)

    return with_retry(work)
