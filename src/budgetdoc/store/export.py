"""`budgetdoc export`: the documents, facts and findings tables (findings with the reviewer's judgement) as CSV (UTF-8 with BOM, for Excel),
one XLSX workbook with a sheet each, or Parquet files (pyarrow; amounts as decimal(20,2)). Documents carry
their claim ledger's counts (claims, claims_verified, claims_contradicted, claims_unverified)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from . import judgements
from .db import StoreError
from .models import Document, DocumentFile, FactRow, FindingRow

FORMATS = ("csv", "xlsx", "parquet")
TABLES = ("documents", "facts", "findings")
COLUMNS = {
    "documents": ["id", "department", "year", "kind", "unit", "version", "is_latest", "status", "error",
                  "files", "sha256", "source", "format", "encoding", "warnings", "merged_into", "ingested_at",
                  "claims", "claims_verified", "claims_contradicted", "claims_unverified"],
    "facts": ["document_id", "department", "year", "kind", "position", "key", "value_yuan", "stated",
              "location", "section"],
    "findings": ["document_id", "department", "year", "kind", "position", "origin", "rule", "severity",
                 "message", "stated", "expected", "section", "suppressed", "evidence", "judgement",
                 "judgement_comment"],
}


def _json(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


def rows(engine: Engine, all_versions: bool = False) -> dict[str, list[dict[str, Any]]]:
    with Session(engine) as s:
        q = select(Document).order_by(Document.id)
        if not all_versions:
            q = q.where(Document.is_latest.is_(True))
        docs = {d.id: d for d in s.scalars(q)}
        files: dict[int, list[DocumentFile]] = {}
        for f in s.scalars(select(DocumentFile).order_by(DocumentFile.document_id, DocumentFile.position)):
            files.setdefault(f.document_id, []).append(f)
        out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        for d in docs.values():
            fs = files.get(d.id, [])
            out["documents"].append({
                "id": d.id, "department": d.department, "year": d.year, "kind": d.kind, "unit": d.unit,
                "version": d.version, "is_latest": d.is_latest, "status": d.status, "error": d.error,
                "files": "\n".join(f.name for f in fs), "sha256": "\n".join(f.sha256 for f in fs),
                "source": d.source, "format": d.format, "encoding": d.encoding, "warnings": _json(d.warnings),
                "merged_into": d.merged_into, "ingested_at": d.ingested_at.isoformat() if d.ingested_at else None,
                # the claim ledger's counts (empty for a document checked before the ledger existed)
                "claims": d.n_claims, "claims_verified": d.n_verified, "claims_contradicted": d.n_contradicted,
                "claims_unverified": d.n_unverified})

        def meta(doc_id: int) -> dict[str, Any]:
            d = docs[doc_id]
            return {"document_id": doc_id, "department": d.department, "year": d.year, "kind": d.kind}

        for f in _in_docs(s, FactRow, docs):
            out["facts"].append({**meta(f.document_id), "position": f.position, "key": f.key,
                                 "value_yuan": f.value_yuan, "stated": f.stated, "location": _json(f.location),
                                 "section": f.section})
        found = list(_in_docs(s, FindingRow, docs))
        judged = judgements.for_findings(s, {i: d.group_key for i, d in docs.items()}, found)
        for f in found:
            j = judged.get(f.id)
            out["findings"].append({**meta(f.document_id), "position": f.position, "origin": f.origin,
                                    "rule": f.rule, "severity": f.severity, "message": f.message,
                                    "stated": f.stated, "expected": f.expected, "section": f.section,
                                    "suppressed": f.suppressed, "evidence": _json(f.evidence),
                                    "judgement": j.verdict if j else None,
                                    "judgement_comment": j.comment if j else None})
    return out


def _in_docs(s: Session, model, docs: dict) -> Iterator:
    ids = list(docs)
    for chunk in range(0, len(ids), 500):
        yield from s.scalars(select(model).where(model.document_id.in_(ids[chunk:chunk + 500]))
                             .order_by(model.document_id, model.position))


def export(engine: Engine, fmt: str, output: str, all_versions: bool = False) -> list[Path]:
    """Write the three tables; returns the files written. CSV and Parquet: a folder (created) holding
    documents/facts/findings.<ext>; XLSX: a workbook path, or a folder to hold budgetdoc.xlsx."""
    if fmt not in FORMATS:
        raise StoreError(f"导出格式只能是 {', '.join(FORMATS)}")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise StoreError("Parquet 导出需要 pyarrow：pip install 'budgetdoc[parquet]'") from None
    data = rows(engine, all_versions)
    out = Path(output)
    try:
        if fmt == "xlsx":
            path = out / "budgetdoc.xlsx" if out.is_dir() or output.endswith(("/", "\\")) else out
            path.parent.mkdir(parents=True, exist_ok=True)
            _xlsx(data, path)
            return [path]
        if out.exists() and not out.is_dir():
            raise StoreError(f"{output}：已存在且不是目录（{fmt} 导出为目录下的三个文件）")
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for table in TABLES:
            path = out / f"{table}.{fmt}"
            (_csv if fmt == "csv" else _parquet)(table, data[table], path)
            written.append(path)
        return written
    except OSError as e:
        raise StoreError(f"无法写入 {output}：{e.strerror or e}") from None


def _cell(v: Any) -> Any:
    if isinstance(v, Decimal):
        return f"{v:.2f}"
    return v


def _csv(table: str, data: list[dict[str, Any]], path: Path) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS[table])
        for r in data:
            w.writerow(["" if r[c] is None else _cell(r[c]) for c in COLUMNS[table]])


def _xlsx(data: dict[str, list[dict[str, Any]]], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for table in TABLES:
        ws = wb.create_sheet(table)
        ws.append(COLUMNS[table])
        for r in data[table]:
            ws.append([r[c] if not isinstance(r[c], Decimal) else float(r[c]) for c in COLUMNS[table]])
        ws.freeze_panes = "A2"
    wb.save(path)


def _parquet(table: str, data: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"id": pa.int64(), "document_id": pa.int64(), "year": pa.int32(), "version": pa.int32(),
             "position": pa.int32(), "merged_into": pa.int64(), "is_latest": pa.bool_(),
             "suppressed": pa.bool_(), "value_yuan": pa.decimal128(20, 2), "claims": pa.int32(),
             "claims_verified": pa.int32(), "claims_contradicted": pa.int32(), "claims_unverified": pa.int32()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS[table]])
    cols = {c: [r[c] for r in data] for c in COLUMNS[table]}
    pq.write_table(pa.table(cols, schema=schema), path)
