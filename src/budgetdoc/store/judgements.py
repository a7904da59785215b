"""Reviewers' judgements: a finding marked confirmed or dismissed, with a comment.

A judgement is anchored on the document's group (its file: re-checks and new versions share it), the
rule, and the finding's first quote and location. A finding of a later check matches a judgement of
its group and rule with the same quote and location; failing that, the same quote (the text moved:
a line added above it), or the same location (the figure at that place was corrected).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .db import StoreError, with_retry
from .models import Document, FindingRow, Judgement

VERDICTS = ("confirmed", "dismissed")


def anchor(rule: str, evidence: list[dict[str, Any]]) -> tuple[str, str, str]:
    """(rule, location, quote) of a finding's first evidence: the key its judgement is kept under."""
    first = evidence[0] if evidence else {}
    loc = {k: v for k, v in first.items() if k not in ("quote", "mark", "confidence")}
    quote = "".join(str(first.get("quote", "")).split())[:300]  # bounded: part of a unique index
    return rule, json.dumps(loc, sort_keys=True, ensure_ascii=False)[:500], quote


def _match(judgements: list[Judgement], rule: str, loc: str, quote: str) -> Judgement | None:
    same_rule = [j for j in judgements if j.rule == rule]
    for test in (lambda j: j.location == loc and j.quote == quote, lambda j: j.quote == quote and quote,
                 lambda j: j.location == loc):
        hit = [j for j in same_rule if test(j)]
        if hit:
            return max(hit, key=lambda j: j.updated_at)
    return None


def for_findings(s: Session, group_keys: dict[int, str], findings: list[FindingRow]) -> dict[int, Judgement]:
    """The judgement of each finding (by finding id) that has one."""
    groups = sorted(set(group_keys.values()))
    by_group: dict[str, list[Judgement]] = {}
    for chunk in range(0, len(groups), 500):
        for j in s.scalars(select(Judgement).where(Judgement.group_key.in_(groups[chunk:chunk + 500]))):
            by_group.setdefault(j.group_key, []).append(j)
    out = {}
    for f in findings:
        js = by_group.get(group_keys[f.document_id])
        if js:
            hit = _match(js, *anchor(f.rule, f.evidence))
            if hit is not None:
                out[f.id] = hit
    return out


def to_dict(j: Judgement) -> dict[str, Any]:
    return {"id": j.id, "verdict": j.verdict, "comment": j.comment, "rule": j.rule, "document_id": j.document_id,
            "updated_at": j.updated_at.isoformat() if j.updated_at else None}


def judge(engine: Engine, finding_id: int, verdict: str, comment: str = "") -> dict[str, Any]:
    """Record (or replace) the judgement on a finding; returns it."""
    if verdict not in VERDICTS:
        raise StoreError(f"判断只能是 {' 或 '.join(VERDICTS)}")

    def work() -> dict[str, Any]:
        with Session(engine) as s, s.begin():
            f = s.get(FindingRow, finding_id)
            if f is None:
                raise StoreError(f"没有编号为 {finding_id} 的问题")
            doc = s.get(Document, f.document_id)
            rule, loc, quote = anchor(f.rule, f.evidence)
            j = s.scalars(select(Judgement).where(Judgement.group_key == doc.group_key, Judgement.rule == rule,
                                                  Judgement.location == loc, Judgement.quote == quote)).first()
            if j is None:
                j = Judgement(group_key=doc.group_key, rule=rule, location=loc, quote=quote)
                s.add(j)
            j.verdict, j.comment, j.document_id = verdict, comment, doc.id
            j.updated_at = datetime.now(UTC)
            s.flush()
            return to_dict(j)

    return with_retry(work)


def remove(engine: Engine, judgement_id: int) -> bool:
    def work() -> bool:
        with Session(engine) as s, s.begin():
            j = s.get(Judgement, judgement_id)
            if j is None:
                return False
            s.delete(j)
            return True

    return with_retry(work)


def dismissed(engine: Engine, group_key: str, findings: list[tuple[str, list[dict[str, Any]]]]) -> list[bool]:
    """For each finding (rule, evidence as stored), whether a reviewer dismissed it in this group."""
    with Session(engine) as s:
        js = list(s.scalars(select(Judgement).where(Judgement.group_key == group_key)))
    out = []
    for rule, evidence in findings:
        hit = _match(js, *anchor(rule, evidence)) if js else None
        out.append(hit is not None and hit.verdict == "dismissed")
    return out
