"""Reading the store back: the document list, one document, a fact compared across departments/years."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, exists, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .db import StoreError
from .models import ClaimRow, Document, DocumentFile, FactRow, FindingRow
from .names import department_key

KINDS = ("final", "budget")
SEVERITIES = ("error", "warning", "info")
KIND_NAMES = {"final": "决算", "budget": "预算", None: ""}


def _filtered(q: Select, *, department: str | None = None, year: int | None = None, kind: str | None = None,
              rule: str | None = None, severity: str | None = None, all_versions: bool = False) -> Select:
    if not all_versions:
        q = q.where(Document.is_latest.is_(True))
    if department:
        key = department_key(department) or department
        q = q.where((Document.department.contains(department)) | (Document.department_key.contains(key)))
    if year is not None:
        q = q.where(Document.year == year)
    if kind:
        q = q.where(Document.kind == kind)
    if rule or severity:
        cond = [FindingRow.document_id == Document.id, FindingRow.suppressed.is_(False)]
        if rule:
            cond.append(FindingRow.rule == rule)
        if severity:
            cond.append(FindingRow.severity == severity)
        q = q.where(exists().where(and_(*cond)))
    return q


def ledger_of(d: Document) -> dict[str, int] | None:
    """The document's ledger counts (as the JSON's `ledger`); None when it was checked before the claim
    ledger existed (or could not be read)."""
    if d.n_claims is None:
        return None
    return {"claims": d.n_claims, "verified": d.n_verified or 0, "contradicted": d.n_contradicted or 0,
            "unverified": d.n_unverified or 0}


def claim_dict(c: ClaimRow) -> dict[str, Any]:
    """A stored claim as the JSON contract's `claims` entry (with its row id and document)."""
    out: dict[str, Any] = {"id": c.id, "document_id": c.document_id, "kind": c.kind, "status": c.status,
                           "stated": c.stated, **(c.location or {}), "quote": c.quote}
    if c.mark is not None:
        out["mark"] = c.mark
    for key in ("rule", "reading", "reason"):
        if getattr(c, key) is not None:
            out[key] = getattr(c, key)
    return out


def list_documents(engine: Engine, **filters: Any) -> list[dict[str, Any]]:
    """One row per document (latest versions unless all_versions): id, department, year, kind,
    version, status, files, and counts of its findings (the cross-document ones included)."""
    with Session(engine) as s:
        docs = s.scalars(_filtered(select(Document), **filters)
                         .order_by(Document.department_key, Document.year, Document.kind, Document.id)).all()
        ids = [d.id for d in docs]
        counts: dict[tuple[int, str], int] = defaultdict(int)
        files: dict[int, list[str]] = defaultdict(list)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            for doc_id, sev, n in s.execute(
                    select(FindingRow.document_id, FindingRow.severity, func.count())
                    .where(FindingRow.document_id.in_(part), FindingRow.suppressed.is_(False))
                    .group_by(FindingRow.document_id, FindingRow.severity)):
                counts[(doc_id, sev)] = n
            for doc_id, name in s.execute(select(DocumentFile.document_id, DocumentFile.name)
                                          .where(DocumentFile.document_id.in_(part))
                                          .order_by(DocumentFile.document_id, DocumentFile.position)):
                files[doc_id].append(name)
        return [{"id": d.id, "department": d.department, "year": d.year, "kind": d.kind, "version": d.version,
                 "latest": d.is_latest, "status": d.status, "files": files[d.id],
                 "errors": counts[(d.id, "error")], "warnings": counts[(d.id, "warning")],
                 "infos": counts[(d.id, "info")], "error": d.error, "ledger": ledger_of(d)} for d in docs]


KEY_FACTS = ["income.total", "income.current_year", "income.carryover_begin", "expense.total",
             "expense.current_year", "expense.basic", "expense.project", "expense.personnel", "expense.public",
             "expense.carryover_end", "fiscal.income.total", "gpb.expense.current_year", "sangong.total",
             "sangong.abroad", "sangong.vehicle", "sangong.reception", "operating_cost", "procurement.total",
             "assets.total"]


def find_document(engine: Engine, ref: str) -> int:
    """A document id from `show`'s argument: the id itself, or the name (or path) of one of its files,
    which must name one latest document."""
    if ref.strip().isdigit():
        return int(ref)
    name = ref.replace("\\", "/").rsplit("/", 1)[-1]
    with Session(engine) as s:
        ids = sorted(set(s.scalars(select(Document.id).join(DocumentFile)
                                   .where(DocumentFile.name == name, Document.is_latest.is_(True)))))
    if not ids:
        raise StoreError(f"没有文件名为 {name} 的文件（DOC 可以是 budgetdoc list 中的编号或文件名）")
    if len(ids) > 1:
        raise StoreError(f"文件名 {name} 对应多份文件（编号 {', '.join(map(str, ids))}），请用编号")
    return ids[0]


def show_document(engine: Engine, doc_id: int) -> dict[str, Any]:
    with Session(engine) as s:
        d = s.get(Document, doc_id)
        if d is None:
            raise StoreError(f"没有编号为 {doc_id} 的文件（用 budgetdoc list 查看编号）")
        facts = s.scalars(select(FactRow).where(FactRow.document_id == doc_id).order_by(FactRow.position)).all()
        findings = s.scalars(select(FindingRow).where(FindingRow.document_id == doc_id)
                             .order_by(FindingRow.position)).all()
        claims = s.scalars(select(ClaimRow).where(ClaimRow.document_id == doc_id).order_by(ClaimRow.position)).all()
        history = s.execute(select(Document.id, Document.version, Document.is_latest, Document.ingested_at,
                                   Document.status)
                            .where(Document.group_key == d.group_key).order_by(Document.version)).all()
        first: dict[str, FactRow] = {}
        for f in facts:
            first.setdefault(f.key, f)
        return {
            "id": d.id, "department": d.department, "year": d.year, "kind": d.kind, "unit": d.unit,
            "version": d.version, "latest": d.is_latest, "status": d.status, "error": d.error,
            "merged_into": d.merged_into, "source": d.source, "format": d.format, "encoding": d.encoding,
            "warnings": d.warnings, "ingested_at": d.ingested_at.isoformat() if d.ingested_at else None,
            "checker_version": d.checker_version,
            "files": [{"name": f.name, "path": f.path, "sha256": f.sha256, "size": f.size} for f in d.files],
            "history": [{"id": h.id, "version": h.version, "latest": h.is_latest, "status": h.status,
                         "ingested_at": h.ingested_at.isoformat() if h.ingested_at else None} for h in history],
            "facts_count": len(facts),
            "key_facts": [{"key": k, "value_yuan": f"{first[k].value_yuan:.2f}", "stated": first[k].stated,
                           **first[k].location} for k in KEY_FACTS if k in first],
            "findings": [{"rule": f.rule, "severity": f.severity, "origin": f.origin, "message": f.message,
                          "stated": f.stated, "expected": f.expected, "section": f.section,
                          "suppressed": f.suppressed, "evidence": f.evidence} for f in findings],
            "ledger": ledger_of(d),
            "claims": [claim_dict(c) for c in claims],
        }


@dataclass
class CompareRow:
    group: tuple
    value: Decimal
    documents: int
    change: Decimal | None = None
    growth: Decimal | None = None  # percent
    derived: int = 0  # documents whose value is the sum of the parts (DERIVED), not a stated total


# A total a document may leave unstated while it states every part (the identities of domain.md):
# compare sums the parts then, and says so.
DERIVED = {
    "sangong.total": ["sangong.abroad", "sangong.vehicle", "sangong.reception"],
    "sangong.vehicle": ["sangong.vehicle_purchase", "sangong.vehicle_operation"],
    "expense.current_year": ["expense.basic", "expense.project"],
}


BY_FIELDS = ("department", "year", "kind")


def compare(engine: Engine, key: str, by: list[str], *, kind: str | None = None,
            department: str | None = None) -> tuple[list[str], list[CompareRow]]:
    """The first stated value of `key` in each department's latest document of a year and kind, summed
    per group of `by` (department/year/kind), with the change and growth against the same group the year before,
    recomputed from the stored facts (change ÷ last year's value). A total in DERIVED that a document
    does not state is the sum of its parts when it states them all."""
    bad = [b for b in by if b not in BY_FIELDS]
    if bad or not by:
        raise StoreError(f"--by 只能是 {', '.join(BY_FIELDS)} 的组合（逗号分隔），收到：{','.join(by) or '空'}")
    with Session(engine) as s:
        q = _filtered(select(Document.id, Document.department, Document.department_key, Document.year,
                             Document.kind), kind=kind, department=department).where(Document.status == "ok")
        docs = {r.id: r for r in s.execute(q)}
        # the department's display name: the fullest of its documents' spellings (江苏省政协办公厅, not
        # the cover's 江苏省政协办), the newest among equals
        display: dict[str, str] = {}
        for r in sorted(docs.values(), key=lambda r: (len(r.department or ""), r.year or 0, r.id)):
            if r.department_key:
                display[r.department_key] = r.department
        parts = DERIVED.get(key, [])
        stated: dict[tuple[int, str], Decimal] = {}
        ids = list(docs)
        for chunk in range(0, len(ids), 500):
            for doc_id, k, value in s.execute(
                    select(FactRow.document_id, FactRow.key, FactRow.value_yuan)
                    .where(FactRow.key.in_([key, *parts]), FactRow.document_id.in_(ids[chunk:chunk + 500]))
                    .order_by(FactRow.document_id, FactRow.position)):
                stated.setdefault((doc_id, k), value)
    values: dict[int, Decimal] = {}
    derived: set[int] = set()
    for doc_id in docs:
        if (doc_id, key) in stated:
            values[doc_id] = stated[(doc_id, key)]
        elif parts and all((doc_id, p) in stated for p in parts):  # the total from its complete parts
            values[doc_id] = sum((stated[(doc_id, p)] for p in parts), Decimal(0))
            derived.add(doc_id)
    # one document per department, year and kind: the newest stored (a department's disclosure stored
    # twice, say from two folders, must not count twice)
    newest: dict[tuple, int] = {}
    for doc_id in sorted(values):
        r = docs[doc_id]
        newest[(r.department_key or r.department or f"#{doc_id}", r.year, r.kind)] = doc_id
    sums: dict[tuple, list[Decimal]] = defaultdict(list)
    n_derived: dict[tuple, int] = defaultdict(int)
    for doc_id in newest.values():
        value, r = values[doc_id], docs[doc_id]
        fields = {"department": display.get(r.department_key, r.department), "year": r.year,
                  "kind": r.kind}
        sums[tuple(fields[b] for b in by)].append(value)
        n_derived[tuple(fields[b] for b in by)] += doc_id in derived
    rows = {g: CompareRow(g, sum(v, Decimal(0)), len(v), derived=n_derived[g]) for g, v in sums.items()}
    if "year" in by:
        yi = by.index("year")
        for g, row in rows.items():
            if g[yi] is None:
                continue
            prev = rows.get(g[:yi] + (g[yi] - 1,) + g[yi + 1:])
            if prev is not None:
                row.change = row.value - prev.value
                if prev.value != 0:
                    row.growth = (row.change / prev.value * 100).quantize(Decimal("0.01"))
    order = sorted(rows.values(), key=lambda r: tuple((x is None, str(x) if not isinstance(x, int) else f"{x:06d}")
                                                     for x in r.group))
    return list(by), order
