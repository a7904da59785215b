"""The workbench: a FastAPI app on the store, with a REST API (/api, OpenAPI at /openapi.json) and the
pages that use it (/, served from budgetdoc/web/static: no CDN).

create_app(db_url, token=..., upload_dir=..., max_upload_mb=...) opens the database (migrating it),
starts the background worker and returns the app; `budgetdoc serve` runs it with uvicorn.
"""


import hashlib
import hmac
import io
import os
import re
import tempfile
import unicodedata
import uuid
import zipfile
from collections import defaultdict
from contextlib import asynccontextmanager
from dataclasses import replace
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import InputError
from ..load import MAX_BYTES, convert, sniff, supported_extensions
from ..model import CheckResult, Claim, Evidence, Fact, Figure, Finding, Location, Metadata, Reading
from ..report.annotate import annotate, takes_annotations
from ..report.claims import sum_ledgers
from ..report.marks import stated_as_written
from ..store import crossdoc, judgements
from ..store.db import SQLITE_BUSY_MS, StoreError, open_db
from ..store.models import ClaimRow, Document, DocumentFile, FactRow, FindingRow, Judgement
from ..store.queries import claim_dict, ledger_of
from ..store.queries import compare as compare_query
from ..suggestion import suggest
from . import pages
from .jobs import Worker

STATIC = Path(__file__).with_name("static")
DOCX_MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TOKEN_COOKIE = "budgetdoc_token"
DEFAULT_MAX_UPLOAD_MB = MAX_BYTES // 1024 // 1024
COMPARE_KEYS = ("sangong.total", "operating_cost", "expense.total")
_LOC_KEYS = ("line", "page", "paragraph", "table", "row", "col", "sheet", "cell", "file")


class ReportFormat(StrEnum):
    html = "html"
    csv = "csv"
    xlsx = "xlsx"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    parquet = "parquet"


class JudgementIn(BaseModel):
    finding_id: int = Field(ge=1, le=2**62)
    verdict: Literal["confirmed", "dismissed"]
    comment: str = Field(default="", max_length=4000)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status)


ERRORS = {400: {"description": "错误的请求"}, 401: {"description": "需要令牌"}, 404: {"description": "不存在"}}


# ------------------------------------------------------------------------------------------ uploads


def safe_name(name: str | None) -> str:
    """The name to show for an upload: its last path component, without control characters, bounded.
    Never used as a path on disk (files are stored under their content hash)."""
    # browsers send a filename's " CR LF as %22 %0D %0A in multipart (the HTML standard's encoding)
    name = (name or "").replace("%22", '"').replace("%0D", "\r").replace("%0A", "\n")
    base = re.split(r"[\\/]", name)[-1]
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip().lstrip(".") or "upload"
    return base[-200:]


def safe_relative(name: str | None) -> str:
    """A folder upload's relative path (webkitdirectory), for the document's identity: its components
    without '..', '.', empty parts and control characters."""
    parts = [safe_name(p) for p in re.split(r"[\\/]", name or "") if p.strip() not in ("", ".", "..")]
    return "/".join(parts)[-500:] or "upload"


def content_problem(ext: str, head: bytes) -> str | None:
    """Why a file's first bytes do not fit its extension (None: they do)."""
    kind = sniff(head[:8])
    if ext == ".pdf":
        return None if b"%PDF" in head[:1024] else "不是 PDF 文件" + (f"（内容看起来是{kind}）" if kind else "")
    if ext in (".docx", ".xlsx"):
        return None if head.startswith(b"PK\x03\x04") else f"不是 {ext[1:].upper()} 文件"
    if ext == ".png":
        return None if head.startswith(b"\x89PNG") else "不是 PNG 图片"
    if ext in (".jpg", ".jpeg"):
        return None if head.startswith(b"\xff\xd8\xff") else "不是 JPEG 图片"
    if ext in convert.TARGET:
        return None if head.startswith(b"\xd0\xcf\x11\xe0") else f"不是旧版 Office {ext} 文件"
    # text, Markdown, HTML: no binary signature, and text (UTF-16 needs its byte order mark)
    if kind is not None:
        return f"扩展名表示文本，内容却像是{kind}"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    sample = head[:8192]
    if b"\x00" in sample:
        return "不是文本文件（含有二进制内容）"
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if sample and controls > len(sample) // 100 + 1:
        return "不是文本文件（含有二进制内容）"
    return None


# ------------------------------------------------------------------------------------------ rows


def _finding_dict(f: FindingRow, j: Judgement | None) -> dict[str, Any]:
    return {"id": f.id, "document_id": f.document_id, "rule": f.rule, "severity": f.severity, "origin": f.origin,
            "message": f.message, "stated": f.stated, "expected": f.expected,
            "suggestion": _as_finding(f).suggestion, "section": f.section, "suppressed": f.suppressed, "evidence": f.evidence,
            "judgement": judgements.to_dict(j) if j is not None else None}


def _doc_dict(d: Document, files: list[DocumentFile], counts: dict[str, int]) -> dict[str, Any]:
    return {"id": d.id, "department": d.department, "year": d.year, "kind": d.kind, "unit": d.unit,
            "version": d.version, "latest": d.is_latest, "status": d.status, "error": d.error,
            "format": d.format, "encoding": d.encoding, "source": d.source, "warnings": d.warnings,
            "merged_into": d.merged_into, "ingested_at": d.ingested_at.isoformat() if d.ingested_at else None,
            "files": [{"name": f.name, "sha256": f.sha256, "size": f.size} for f in files], "counts": counts,
            "ledger": ledger_of(d)}


def _counts(findings: list[FindingRow], judged: dict[int, Judgement]) -> dict[str, int]:
    """Findings by severity, dismissed ones counted apart (and not in their severity)."""
    out = {"error": 0, "warning": 0, "info": 0, "dismissed": 0, "confirmed": 0, "suppressed": 0}
    for f in findings:
        j = judged.get(f.id)
        if f.suppressed:
            out["suppressed"] += 1
        elif j is not None and j.verdict == "dismissed":
            out["dismissed"] += 1
        else:
            out[f.severity] = out.get(f.severity, 0) + 1
            if j is not None:
                out["confirmed"] += 1
    return out


def _loc(d: dict[str, Any]) -> Location:
    return Location(**{k: d[k] for k in _LOC_KEYS if k in d})


def _as_finding(f: FindingRow) -> Finding:
    """A stored finding as the checker made it, with its suggestion (computed from the stored quotes)."""
    from ..rules import RULES

    ev = [Evidence(e.get("quote", ""), _loc(e), e.get("confidence"),
                   tuple(e["mark"]) if isinstance(e.get("mark"), list) and len(e["mark"]) == 2 else None)
          for e in f.evidence]
    rule = RULES.get(f.rule)
    out = Finding(f.rule, f.severity, f.message, ev, f.stated, f.expected, f.section,
                  category=rule.category if rule else f.origin)
    return replace(out, suggestion=suggest(out))


def _here(finding: Finding, row: FindingRow, doc_id: int) -> Finding:
    """The finding with only the places in this document: a cross-document finding also quotes another
    document (its evidence names that document's id), which this file's copy cannot mark."""
    keep = [e for e, raw in zip(finding.evidence, row.evidence, strict=True) if raw.get("document_id", doc_id) == doc_id]
    return replace(finding, evidence=keep)


def _as_claim(c: ClaimRow) -> Claim:
    """A stored claim as the checker made it (for the report renderers)."""
    mark = tuple(c.mark) if isinstance(c.mark, list) and len(c.mark) == 2 else None
    reading = None
    if isinstance(c.reading, dict):
        figures = tuple(Figure(str(f.get("role", "")), str(f.get("stated", "")), _loc(f))
                        for f in c.reading.get("figures") or [] if isinstance(f, dict))
        reading = Reading(str(c.reading.get("text", "")), figures)
    return Claim(c.kind, c.status, c.stated, Evidence(c.quote, _loc(c.location or {}), None, mark),  # type: ignore[arg-type]
                 reading, c.reason, c.rule)


def _result(d: Document, facts: list[FactRow], findings: list[FindingRow],
            claims: list[ClaimRow] | None = None) -> CheckResult:
    """A stored document as a CheckResult, for the report renderers."""
    return CheckResult(source=d.source, encoding=d.encoding,
                       metadata=Metadata(d.department, d.year, d.kind, d.unit),
                       facts=[Fact(f.key, f.value_yuan, f.stated, _loc(f.location), f.section) for f in facts],
                       findings=[_as_finding(f) for f in findings if not f.suppressed],
                       format=d.format or "text", warnings=list(d.warnings or []),
                       suppressed=[_as_finding(f) for f in findings if f.suppressed],
                       disclosure=d.status != "not-disclosure", claims=[_as_claim(c) for c in claims or []])


# ------------------------------------------------------------------------------------------ the app


def _read_engine(writer: Engine) -> Engine:
    """Readers' engine: on SQLite, plain deferred transactions (the writer's BEGIN IMMEDIATE would make
    every page view queue for the write lock); WAL lets them read while the worker writes."""
    if writer.dialect.name != "sqlite":
        return writer
    engine = create_engine(writer.url, connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):  # pragma: no cover
        dbapi_conn.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        dbapi_conn.execute("PRAGMA foreign_keys = ON")

    return engine


def _default_upload_dir(engine: Engine) -> Path:
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        db = Path(engine.url.database)
        return db.with_name(db.name + ".uploads")
    return Path("budgetdoc-uploads").resolve()


def create_app(db_url: str | None = None, *, token: str | None = None, upload_dir: str | Path | None = None,
               max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB) -> FastAPI:
    """The workbench app on the database `db_url` (as `--db`: a path, sqlite:///… or postgresql://…).
    token: require `Authorization: Bearer <token>` (or the page's cookie) on the API; default the
    environment's BUDGETDOC_TOKEN, none when empty. Uploads are stored in upload_dir (default beside
    the SQLite file, `<db>.uploads/`) under their content hash, at most max_upload_mb each."""
    token = token if token is not None else os.environ.get("BUDGETDOC_TOKEN") or None
    engine = open_db(db_url)
    reader = _read_engine(engine)
    root = Path(upload_dir).resolve() if upload_dir else _default_upload_dir(engine)
    root.mkdir(parents=True, exist_ok=True)
    cache = root / ".pages"
    limit = int(max_upload_mb * 1024 * 1024)
    worker = Worker(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        worker.start()
        yield
        worker.stop()

    app = FastAPI(title="budgetdoc workbench", version=__version__, lifespan=lifespan,
                  description="部门预算/决算公开文件审查工作台：上传、检查、查看问题、审查判断、跨年比较、导出。")
    app.state.engine, app.state.worker, app.state.upload_dir = engine, worker, root

    bearer = HTTPBearer(auto_error=False, description="令牌（budgetdoc serve --token 或 BUDGETDOC_TOKEN）")

    def auth(request: Request, cred: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if token is None:
            return
        given = cred.credentials if cred is not None else request.cookies.get(TOKEN_COOKIE, "")
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "需要有效的令牌（Authorization: Bearer …）", headers={"WWW-Authenticate": "Bearer"})

    # ---------------------------------------------------------------- errors: always JSON messages
    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError):
        problems = "；".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return JSONResponse({"detail": f"参数错误：{problems}"[:2000]}, status_code=422)

    @app.exception_handler(InputError)
    async def _input_error(_request: Request, exc: InputError):
        return _error(400, str(exc))

    @app.exception_handler(Exception)
    async def _internal(_request: Request, exc: Exception):  # pragma: no cover - a bug, reported as JSON
        return _error(500, f"内部错误（{type(exc).__name__}）")

    @app.middleware("http")
    async def _upload_size(request: Request, call_next):
        if request.url.path == "/api/uploads" and request.method == "POST":
            length = request.headers.get("content-length")
            if length and length.isdigit() and int(length) > limit + 64 * 1024 * 64:  # generous for many parts
                return _error(413, f"上传过大：每个文件最多 {max_upload_mb:g} MB")
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    api = APIRouter(prefix="/api", dependencies=[Depends(auth)], responses=ERRORS)

    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Liveness, version, and whether the API needs a token (the page asks for one then)."""
        return {"ok": True, "version": __version__, "auth": token is not None, "max_upload_mb": max_upload_mb,
                "extensions": supported_extensions()}

    def session() -> Session:
        return Session(reader)

    def get_doc(s: Session, doc_id: int) -> Document:
        d = s.get(Document, doc_id) if 0 < doc_id < 2**62 else None
        if d is None:
            raise HTTPException(404, f"没有编号为 {doc_id} 的文件")
        return d

    def of_document(s: Session, q: Any, row: Any, document_id: int | None) -> Any:
        """The query narrowed to one document (404 when it does not exist), or to the latest documents."""
        if document_id is not None:
            get_doc(s, document_id)
            return q.where(row.document_id == document_id)
        return q.join(Document, Document.id == row.document_id).where(Document.is_latest.is_(True))

    def judged_of(s: Session, findings: list[FindingRow]) -> dict[int, Judgement]:
        ids = sorted({f.document_id for f in findings})
        keys = dict(s.execute(select(Document.id, Document.group_key).where(Document.id.in_(ids))).all()) if ids else {}
        return judgements.for_findings(s, keys, findings)

    # ---------------------------------------------------------------- uploads and status
    @api.post("/uploads", status_code=202, tags=["uploads"],
              responses={413: {"description": "文件过大"}, 415: {"description": "类型不支持或内容与扩展名不符"}})
    async def upload(files: Annotated[list[UploadFile], File(description="一个或多个文件")],
                     paths: Annotated[list[str] | None, Form(description="文件夹上传时各文件的相对路径")] = None
                     ) -> dict[str, Any]:
        """Upload files to be checked and stored in the background. Each file's type is checked on its
        content; nothing is queued when one file is refused. Poll /api/uploads/{id} for each job."""
        if not files:
            raise HTTPException(400, "没有文件")
        exts = set(supported_extensions())
        staged: list[tuple[str, str, Path]] = []
        created: list[Path] = []
        try:
            for i, f in enumerate(files):
                name = safe_name(f.filename)
                rel = safe_relative(paths[i] if paths and i < len(paths) and paths[i] else f.filename)
                ext = Path(name).suffix.lower()
                if ext not in exts:
                    raise HTTPException(415, f"{name}：不支持的文件类型“{ext or '无扩展名'}”；支持：{' '.join(sorted(exts))}")
                tmp = root / f".upload-{uuid.uuid4().hex}"
                h, size, head = hashlib.sha256(), 0, b""
                with open(tmp, "wb") as out:
                    staged.append((name, rel, tmp))
                    while chunk := await f.read(1 << 20):
                        size += len(chunk)
                        if size > limit:
                            raise HTTPException(413, f"{name}：文件过大（每个文件最多 {max_upload_mb:g} MB）")
                        if len(head) < 8192:
                            head += chunk[:8192 - len(head)]
                        h.update(chunk)
                        out.write(chunk)
                if size == 0:
                    raise HTTPException(400, f"{name}：文件为空")
                if problem := content_problem(ext, head):
                    raise HTTPException(415, f"{name}：{problem}")
                final = root / f"{h.hexdigest()}{ext}"
                if final.exists():  # the same content uploaded before: keep that file
                    tmp.unlink()
                    staged[-1] = (name, rel, final)
                else:
                    os.replace(tmp, final)
                    staged[-1] = (name, rel, final)
                    created.append(final)
        except BaseException:  # nothing of a refused request is kept
            for p in [*(p for _, _, p in staged if p.name.startswith(".upload-")), *created]:
                p.unlink(missing_ok=True)
            raise
        jobs = [worker.submit(name, path, f"upload:{rel}") for name, rel, path in staged]
        return {"jobs": [j.to_dict() for j in jobs]}

    @api.get("/uploads", tags=["uploads"])
    def list_jobs() -> dict[str, Any]:
        """Every job of this server's run, in the order submitted."""
        return {"jobs": [j.to_dict() for j in worker.all()]}

    @api.get("/uploads/{job_id}", tags=["uploads"])
    def job_status(job_id: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        """One job: queued, checking, done (document_id set) or failed (error set)."""
        job = worker.get(job_id)
        if job is None:
            raise HTTPException(404, "没有这个任务")
        return job.to_dict()

    @api.post("/documents/{doc_id}/recheck", status_code=202, tags=["uploads"])
    def recheck(doc_id: int) -> dict[str, Any]:
        """Check the document's file again; stored as a new version (judgements carry over)."""
        with session() as s:
            d = get_doc(s, doc_id)
            files = list(d.files)
            if len(files) != 1 or not Path(files[0].path).is_file():
                raise HTTPException(400, "只能重新检查网页上传的单个文件")
            path, name, key = Path(files[0].path), files[0].name, d.group_key
        if path.resolve().parent != root:
            raise HTTPException(400, "只能重新检查网页上传的文件")
        return worker.submit(name, path, key, recheck=True).to_dict()

    # ---------------------------------------------------------------- documents
    @api.get("/documents", tags=["documents"])
    def documents(department: Annotated[str | None, Query(max_length=300)] = None,
                  year: Annotated[int | None, Query(ge=1900, le=2200)] = None,
                  kind: Literal["final", "budget"] | None = None, all: bool = False) -> dict[str, Any]:
        """Stored documents (latest versions unless all), with finding counts (dismissed apart)."""
        with session() as s:
            q = select(Document).order_by(Document.department_key, Document.year, Document.id)
            if not all:
                q = q.where(Document.is_latest.is_(True))
            if department:
                q = q.where(Document.department.contains(department))
            if year is not None:
                q = q.where(Document.year == year)
            if kind:
                q = q.where(Document.kind == kind)
            docs = s.scalars(q).all()
            ids = [d.id for d in docs]
            found: list[FindingRow] = []
            files: dict[int, list[DocumentFile]] = defaultdict(list)
            for c in range(0, len(ids), 500):
                found += s.scalars(select(FindingRow).where(FindingRow.document_id.in_(ids[c:c + 500]))).all()
                for f in s.scalars(select(DocumentFile).where(DocumentFile.document_id.in_(ids[c:c + 500]))
                                   .order_by(DocumentFile.position)):
                    files[f.document_id].append(f)
            judged = judgements.for_findings(s, {d.id: d.group_key for d in docs}, found)
            by_doc: dict[int, list[FindingRow]] = defaultdict(list)
            for f in found:
                by_doc[f.document_id].append(f)
            return {"documents": [_doc_dict(d, files[d.id], _counts(by_doc[d.id], judged)) for d in docs]}

    @api.get("/documents/{doc_id}", tags=["documents"])
    def document(doc_id: int) -> dict[str, Any]:
        """One document: metadata, files, versions, counts, and for a PDF its number of pages."""
        with session() as s:
            d = get_doc(s, doc_id)
            found = s.scalars(select(FindingRow).where(FindingRow.document_id == doc_id)).all()
            out = _doc_dict(d, list(d.files), _counts(found, judged_of(s, found)))
            out["history"] = [{"id": i, "version": v, "latest": latest} for i, v, latest in s.execute(
                select(Document.id, Document.version, Document.is_latest)
                .where(Document.group_key == d.group_key).order_by(Document.version))]
            out["facts"] = s.scalar(select(func.count()).select_from(FactRow).where(FactRow.document_id == doc_id))
        out["pages"] = None
        path = _file(out)
        if d.format == "pdf" and path is not None:
            try:
                out["pages"] = pages.page_count(path)
            except Exception:
                out["pages"] = None
        out["viewable"] = path is not None
        out["annotatable"] = path is not None and d.status == "ok" and takes_annotations(path, d.format or "")
        return out

    def _file(doc: dict[str, Any]) -> Path | None:
        with session() as s:
            paths = s.scalars(select(DocumentFile.path).where(DocumentFile.document_id == doc["id"])
                              .order_by(DocumentFile.position)).all()
        if len(paths) == 1 and Path(paths[0]).is_file():
            return Path(paths[0])
        return None

    def doc_file(doc_id: int) -> tuple[str | None, str, Path]:
        """(format, sha256, path) of a document stored from one file that is still on this server."""
        with session() as s:
            d = get_doc(s, doc_id)
            fmt, sha = d.format, d.files[0].sha256 if d.files else ""
        path = _file({"id": doc_id})
        if path is None:
            raise HTTPException(404, "文件的原件不在服务器上（或由多个分册组成）")
        return fmt, sha, path

    @api.get("/documents/{doc_id}/annotated", tags=["documents"],
             responses={200: {"content": {"application/pdf": {}, DOCX_MEDIA: {}, XLSX_MEDIA: {}},
                              "description": "批注副本"}, 409: {"description": "文件已改变"}})
    def annotated(doc_id: int) -> Response:
        """The stored file annotated with the document's findings (PDF highlights and notes, Word comments,
        Excel cell comments), findings dismissed by a reviewer left out. Only the file the server stored
        and checked is annotated, and only while its content is still the one checked."""
        fmt, sha, path = doc_file(doc_id)
        if not takes_annotations(path, fmt or ""):
            raise HTTPException(400, "此格式无法加批注：请下载 HTML 报告（其中已标出每处引文）")
        with session() as s:
            d = get_doc(s, doc_id)
            if d.status != "ok":
                raise HTTPException(400, "文件未检查（不是公开文件或无法读取），没有批注")
            found = s.scalars(select(FindingRow).where(FindingRow.document_id == doc_id)
                              .order_by(FindingRow.position)).all()
            judged = judged_of(s, found)
            result = _result(d, [], [])
        kept = [_here(_as_finding(f), f, doc_id) for f in found if not f.suppressed
                and not (f.id in judged and judged[f.id].verdict == "dismissed")]
        kept = [f for f in kept if f.evidence]
        if path.stat().st_size > MAX_BYTES:
            raise HTTPException(413, "文件过大")
        with tempfile.TemporaryDirectory(prefix="budgetdoc-annotate-") as tmp:
            copy = Path(tmp) / f"source{path.suffix.lower()}"
            copy.write_bytes(path.read_bytes())  # the bytes hashed are the bytes annotated
            if hashlib.sha256(copy.read_bytes()).hexdigest() != sha:
                raise HTTPException(409, "服务器上的文件已不是检查时的内容：请重新检查后再下载")
            out = Path(tmp) / f"annotated{path.suffix.lower()}"
            annotate(copy, result, kept, out)
            data = out.read_bytes()
        media = {"pdf": "application/pdf", "docx": DOCX_MEDIA, "xlsx": XLSX_MEDIA}[fmt or "pdf"]
        return Response(data, media_type=media, headers={
            "Content-Disposition": f'attachment; filename="budgetdoc-{doc_id}.annotated{path.suffix.lower()}"'})

    @api.get("/documents/{doc_id}/text", tags=["documents"])
    def document_text(doc_id: int) -> dict[str, Any]:
        """The document's text as its reader gives it: blocks with locations (and table cells)."""
        fmt, _, path = doc_file(doc_id)
        try:
            return {"format": fmt, "blocks": pages.text_blocks(path)}
        except InputError as e:
            raise HTTPException(400, str(e)) from None

    @api.get("/documents/{doc_id}/pages/{page}.png", tags=["documents"],
             responses={200: {"content": {"image/png": {}}, "description": "PNG"}})
    def page_image(doc_id: int, page: Annotated[int, PathParam(ge=1, le=100000)]) -> FileResponse:
        """A PDF page rendered as PNG (cached)."""
        fmt, sha, path = doc_file(doc_id)
        if fmt != "pdf":
            raise HTTPException(400, "不是 PDF 文件")
        try:
            png = pages.page_png(path, sha, page, cache)
        except IndexError:
            raise HTTPException(404, f"没有第{page}页") from None
        return FileResponse(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    @api.get("/documents/{doc_id}/pages/{page}/boxes", tags=["documents"])
    def page_boxes(doc_id: int, page: Annotated[int, PathParam(ge=1, le=100000)]) -> dict[str, Any]:
        """Where each finding's quotes stand on a PDF page, as fractions of the page (x, y, w, h):
        the quote's boxes and the stated number's."""
        fmt, _, path = doc_file(doc_id)
        if fmt != "pdf":
            raise HTTPException(400, "不是 PDF 文件")
        with session() as s:
            found = s.scalars(select(FindingRow).where(FindingRow.document_id == doc_id)
                              .order_by(FindingRow.position)).all()
        boxes = []
        try:
            for f in found:
                figure = stated_as_written(_as_finding(f))  # a table row's quote is found by its figure
                for i, e in enumerate(f.evidence):
                    if e.get("page") == page and e.get("quote"):
                        b = pages.quote_boxes(path, page, e["quote"], e.get("mark"), e, figure)
                        boxes.append({"finding_id": f.id, "evidence": i, "severity": f.severity, "rule": f.rule,
                                      **b})
        except IndexError:
            raise HTTPException(404, f"没有第{page}页") from None
        return {"page": page, "boxes": boxes}

    @api.get("/documents/{doc_id}/report.{fmt}", tags=["documents"],
             responses={200: {"content": {"text/html": {}, "text/csv": {}, "application/octet-stream": {}},
                              "description": "报告"}})
    def report(doc_id: int, fmt: ReportFormat) -> Response:
        """The document's report as the CLI writes it: HTML page, CSV or XLSX rows."""
        from ..report import render_csv, render_html, write_xlsx

        with session() as s:
            d = get_doc(s, doc_id)
            facts = s.scalars(select(FactRow).where(FactRow.document_id == doc_id).order_by(FactRow.position)).all()
            found = s.scalars(select(FindingRow).where(FindingRow.document_id == doc_id)
                              .order_by(FindingRow.position)).all()
            claimed = s.scalars(select(ClaimRow).where(ClaimRow.document_id == doc_id)
                                .order_by(ClaimRow.position)).all()
            result = _result(d, facts, found, claimed)
        stem = f"budgetdoc-{doc_id}"
        if fmt is ReportFormat.html:
            return Response(render_html([result]), media_type="text/html; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{stem}.html"'})
        if fmt is ReportFormat.csv:
            return Response("\ufeff" + render_csv([result]), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{stem}.csv"'})
        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / f"{stem}.xlsx"
            write_xlsx([result], p)
            data = p.read_bytes()
        return Response(data, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f'attachment; filename="{stem}.xlsx"'})

    # ---------------------------------------------------------------- facts, findings, judgements
    @api.get("/facts", tags=["facts"])
    def facts(document_id: Annotated[int | None, Query(ge=1, le=2**62)] = None,
              key: Annotated[str | None, Query(max_length=200)] = None,
              limit: Annotated[int, Query(ge=1, le=10000)] = 2000) -> dict[str, Any]:
        """Facts of one document, or of one key across the latest documents."""
        with session() as s:
            q = select(FactRow).order_by(FactRow.document_id, FactRow.position).limit(limit)
            q = of_document(s, q, FactRow, document_id)
            if key:
                q = q.where(FactRow.key == key)
            return {"facts": [{"id": f.id, "document_id": f.document_id, "key": f.key,
                               "value_yuan": f"{f.value_yuan:.2f}", "stated": f.stated, "location": f.location,
                               "section": f.section} for f in s.scalars(q)]}

    @api.get("/findings", tags=["findings"])
    def findings(document_id: Annotated[int | None, Query(ge=1, le=2**62)] = None,
                 severity: Literal["error", "warning", "info"] | None = None,
                 rule: Annotated[str | None, Query(max_length=64)] = None,
                 section: Annotated[str | None, Query(max_length=500)] = None,
                 judgement: Literal["confirmed", "dismissed", "none"] | None = None,
                 limit: Annotated[int, Query(ge=1, le=10000)] = 2000) -> dict[str, Any]:
        """Findings with their judgements: of one document, or of the latest documents."""
        with session() as s:
            q = select(FindingRow).order_by(FindingRow.document_id, FindingRow.position)
            q = of_document(s, q, FindingRow, document_id)
            if severity:
                q = q.where(FindingRow.severity == severity)
            if rule:
                q = q.where(FindingRow.rule == rule)
            if section:
                q = q.where(FindingRow.section == section)
            found = s.scalars(q).all()
            judged = judged_of(s, found)
            out = []
            for f in found:
                j = judged.get(f.id)
                if judgement == "none" and j is not None or judgement not in (None, "none") and (
                        j is None or j.verdict != judgement):
                    continue
                out.append(_finding_dict(f, j))
                if len(out) >= limit:
                    break
            return {"findings": out}

    @api.get("/claims", tags=["claims"])
    def claims(document_id: Annotated[int | None, Query(ge=1, le=2**62)] = None,
               status: Literal["verified", "contradicted", "unverified"] | None = None,
               kind: Literal["amount", "share", "growth", "change", "completion", "percent", "total"] | None = None,
               limit: Annotated[int, Query(ge=1, le=50000)] = 5000) -> dict[str, Any]:
        """The claim ledger: the numeric statements of one document (or of the latest documents), each
        with its status (verified, contradicted, unverified), kind, stated figure, quote and location,
        the reading used and, when unverified, why. `status=unverified` is what is left to check by hand."""
        with session() as s:
            q = select(ClaimRow).order_by(ClaimRow.document_id, ClaimRow.position).limit(limit)
            q = of_document(s, q, ClaimRow, document_id)
            if status:
                q = q.where(ClaimRow.status == status)
            if kind:
                q = q.where(ClaimRow.kind == kind)
            out: dict[str, Any] = {"claims": [claim_dict(c) for c in s.scalars(q)]}
            if document_id is not None:
                out["ledger"] = ledger_of(get_doc(s, document_id))
            return out

    @api.get("/judgements", tags=["judgements"])
    def list_judgements(document_id: Annotated[int | None, Query(ge=1, le=2**62)] = None) -> dict[str, Any]:
        """Every judgement (of the document's file, when document_id is given)."""
        with session() as s:
            q = select(Judgement).order_by(Judgement.id)
            if document_id is not None:
                q = q.where(Judgement.group_key == get_doc(s, document_id).group_key)
            return {"judgements": [judgements.to_dict(j) | {"quote": j.quote} for j in s.scalars(q)]}

    @api.post("/judgements", tags=["judgements"])
    def judge(body: JudgementIn) -> dict[str, Any]:
        """Mark a finding confirmed or dismissed, with a comment (replaces an earlier judgement)."""
        try:
            return judgements.judge(engine, body.finding_id, body.verdict, body.comment)
        except StoreError as e:
            raise HTTPException(404, str(e)) from None

    @api.delete("/judgements/{judgement_id}", tags=["judgements"])
    def unjudge(judgement_id: Annotated[int, PathParam(ge=1, le=2**62)]) -> dict[str, Any]:
        """Withdraw a judgement."""
        if not judgements.remove(engine, judgement_id):
            raise HTTPException(404, "没有这个判断")
        return {"deleted": judgement_id}

    # ---------------------------------------------------------------- region: compare, overview, export
    @api.get("/compare", tags=["region"])
    def compare(key: Annotated[str, Query(min_length=1, max_length=200)] = "sangong.total",
                by: Annotated[str, Query(max_length=40)] = "department,year",
                kind: Literal["final", "budget"] | None = None,
                department: Annotated[str | None, Query(max_length=300)] = None) -> dict[str, Any]:
        """One fact across departments and years (values in 万元, change and growth recomputed)."""
        try:
            fields, rows = compare_query(reader, key, [b.strip() for b in by.split(",") if b.strip()], kind=kind,
                                         department=department)
        except StoreError as e:
            raise HTTPException(400, str(e)) from None
        wan = Decimal(10000)
        return {"key": key, "by": fields, "unit": "万元", "rows": [
            {**dict(zip(fields, r.group, strict=True)), "value": float(r.value / wan), "documents": r.documents,
             "change": float(r.change / wan) if r.change is not None else None,
             "growth": float(r.growth) if r.growth is not None else None, "derived": r.derived} for r in rows]}

    @api.get("/overview", tags=["region"])
    def overview() -> dict[str, Any]:
        """The region: latest documents by department and year with their counts, the missing documents
        (cross-document findings), and the compare series of the key figures."""
        docs = documents(None, None, None, False)["documents"]
        with session() as s:
            missing = s.scalars(select(FindingRow).join(Document, Document.id == FindingRow.document_id)
                                .where(Document.is_latest.is_(True), FindingRow.rule == "missing-document")
                                .order_by(FindingRow.id)).all()
            judged = judged_of(s, list(missing))
            missing_out = [_finding_dict(f, judged.get(f.id)) for f in missing]
        by_dept: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for d in docs:
            by_dept[d["department"] or "（未识别部门）"][str(d["year"] or "")].append(d)
        totals = defaultdict(int)
        for d in docs:
            for k, v in d["counts"].items():
                totals[k] += v
        ledger = sum_ledgers(d["ledger"] for d in docs if d["ledger"] is not None)
        years = sorted({d["year"] for d in docs if d["year"]})
        return {"departments": [{"department": k, "years": v} for k, v in sorted(by_dept.items())],
                "years": years, "documents": len(docs), "totals": totals, "ledger": ledger, "missing": missing_out,
                "series": {k: compare(k, "department,year", None, None)["rows"] for k in COMPARE_KEYS}}

    @api.get("/rules", tags=["meta"])
    def rules() -> dict[str, Any]:
        """The rule catalogue (the checker's and the cross-document rules), with explanations."""
        from ..rules import RULES

        return {"rules": [r.to_dict() for r in RULES.values()] + crossdoc.catalogue()}

    @api.get("/export", tags=["region"],
             responses={200: {"content": {"application/zip": {}, "application/octet-stream": {}},
                              "description": "导出文件"}})
    def export(format: ExportFormat = ExportFormat.csv, all: bool = False) -> Response:
        """The documents, facts and findings tables (findings with judgements): XLSX, or a ZIP of CSV or
        Parquet files (Parquet needs pyarrow)."""
        from ..store.export import export as write_export

        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / ("budgetdoc.xlsx" if format is ExportFormat.xlsx else "export")
            try:
                written = write_export(reader, format.value, str(target), all)
            except StoreError as e:
                raise HTTPException(400, str(e)) from None
            if format is ExportFormat.xlsx:
                return Response(written[0].read_bytes(),
                                media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                headers={"Content-Disposition": 'attachment; filename="budgetdoc.xlsx"'})
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                for p in written:
                    z.write(p, p.name)
        return Response(buf.getvalue(), media_type="application/zip",
                        headers={"Content-Disposition": f'attachment; filename="budgetdoc-{format.value}.zip"'})

    app.include_router(api)

    # ---------------------------------------------------------------- the pages
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
