"""`budgetdoc ingest`: check files in parallel, store each disclosure in its own transaction.

Workers (processes, or Dask workers) only check; the calling process is the one writer. A group of
files whose content is already stored is skipped before it is checked, so a second run over the same
folder does nothing and an interrupted run resumes where it stopped. A changed file is stored as a
new version of its group; the old versions stay. A file that cannot be read is stored with its error.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .. import __version__
from ..check import check_parts
from ..config import Config
from ..errors import InputError
from ..load import supported_extensions
from ..model import CheckResult, ledger_counts
from ..parts import group_parts, part_of
from ..structure.file_name import FIELDS, is_name_note, name_note, named_fields, parts_note
from .db import StoreError, with_retry
from .models import ClaimRow, Document, DocumentFile, FactRow, FindingRow
from .names import department_key


@dataclass
class FileInfo:
    path: Path
    sha256: str
    size: int


@dataclass
class Group:
    """One disclosure's files (one, or its parts) and the identity it is stored under."""

    key: str
    files: list[FileInfo]

    @property
    def paths(self) -> list[str]:
        return [str(f.path) for f in self.files]

    @property
    def content_sha256(self) -> str:
        h = hashlib.sha256()
        for f in self.files:
            h.update(f"{f.path.name}\0{f.sha256}\n".encode())
        return h.hexdigest()


@dataclass
class Outcome:
    group: Group
    result: CheckResult | None
    error: str | None


@dataclass
class IngestReport:
    files: int = 0
    stored: list[int] = field(default_factory=list)  # new documents (first versions)
    versions: list[int] = field(default_factory=list)  # new versions of changed files
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, error)
    merged: list[int] = field(default_factory=list)  # documents built from parts grouped after checking
    crossdoc_findings: int = 0

    def summary(self) -> str:
        parts = [f"文件 {self.files} 个", f"新入库 {len(self.stored)} 份", f"新版本 {len(self.versions)} 份",
                 f"未变 {self.unchanged} 份", f"失败 {len(self.failed)} 份"]
        if self.merged:
            parts.append(f"合并分册 {len(self.merged)} 份")
        parts.append(f"跨文件发现 {self.crossdoc_findings} 条")
        return "，".join(parts)


# ---------------------------------------------------------------------------------------- files


def collect(paths: Sequence[str | Path]) -> list[Path]:
    """Every file to ingest: the files given, and the supported files under the folders given."""
    exts = set(supported_extensions())
    out: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        p = Path(given)
        if not p.exists():
            raise StoreError(f"{given}：文件或目录不存在")
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in exts
                           and not any(part.startswith(".") for part in f.relative_to(p).parts)
                           and not f.name.lower().startswith(("readme", "license", "changelog")))
        else:
            found = [p]
        for f in found:
            r = f.resolve()
            if r not in seen:
                seen.add(r)
                out.append(r)
    return out


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def group_files(files: Iterable[Path]) -> list[Group]:
    """Files in groups as `budgetdoc check` groups them (budgetdoc.parts, knowledge/parts.yaml): the parts
    of one disclosure (names that differ only by -text/-tables, 说明/报表 ..., at least one of each)
    together, explanation first; every other file alone."""
    infos: dict[str, FileInfo] = {}
    for f in files:
        try:
            infos[str(f)] = FileInfo(f, sha256_file(f), f.stat().st_size)
        except OSError as e:  # unreadable: checked alone, so its error is recorded
            infos[str(f)] = FileInfo(f, hashlib.sha256(f"unreadable:{f}:{e}".encode()).hexdigest(), 0)
    groups = []
    for members in group_parts(list(infos)):
        part = part_of(members[0]) if len(members) > 1 else None
        key = f"{part[0]}#parts" if part is not None else members[0]
        groups.append(Group(key, [infos[m] for m in members]))
    groups.sort(key=lambda g: g.key)
    return groups


# ---------------------------------------------------------------------------------------- checking


def check_group(paths: list[str], config: Config | None = None) -> tuple[CheckResult | None, str | None]:
    """What a worker runs: the check of one disclosure, or the one-line reason it failed. When a part
    of a disclosure cannot be read, the other parts are checked without it: the result then comes with
    the error too (stored as the document's error and a reader warning)."""
    errors: list[str] = []
    paths = list(paths)
    while paths:
        try:
            result = check_parts(paths, config)
        except InputError as e:
            bad = [p for p in paths if str(e).startswith((f"{p}:", f"{p}：")) or str(e).endswith(f"：{p}")]
            errors.append(str(e))
            if len(paths) == 1 or len(bad) != 1:
                return None, "；".join(errors)
            paths.remove(bad[0])
            continue
        except Exception as e:  # a checker bug must not stop the run: it is recorded with the file
            return None, "；".join([*errors, f"内部错误（{type(e).__name__}: {e}）"])
        if errors:
            result.warnings = [*(f"未能读取的分册：{m}" for m in errors), *result.warnings]
        return result, "；".join(errors) or None
    return None, "；".join(errors)


def check_group_bytes(files: list[tuple[str, bytes]], sources: list[str],
                      config: Config | None = None) -> tuple[CheckResult | None, str | None]:
    """check_group for a worker that does not share the files' disk (a Dask cluster): the content
    travels with the task, under the same names, and the result names the original paths."""
    tmp = tempfile.mkdtemp(prefix="budgetdoc-")
    try:
        local = []
        for name, data in files:
            p = os.path.join(tmp, name)
            with open(p, "wb") as fh:
                fh.write(data)
            local.append(p)
        result, error = check_group(local, config)
        if result is not None:
            result.source = " + ".join(sources)
        if error is not None:
            error = error.replace(tmp + os.sep, "")
        return result, error
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the writer, which stops the run and keeps what it stored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_processes(groups: list[Group], jobs: int, config: Config | None) -> Iterator[Outcome]:
    if jobs <= 1 or len(groups) <= 1:
        for g in groups:
            yield Outcome(g, *check_group(g.paths, config))
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint) as pool:
        pending: dict[Future, Group] = {}
        todo = iter(groups)
        try:
            for g in todo:  # a bounded queue: results are stored while later files are checked
                pending[pool.submit(check_group, g.paths, config)] = g
                if len(pending) >= jobs * 2:
                    break
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    g = pending.pop(fut)
                    yield Outcome(g, *fut.result())
                    nxt = next(todo, None)
                    if nxt is not None:
                        pending[pool.submit(check_group, nxt.paths, config)] = nxt
        except BaseException:
            for fut in pending:
                fut.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def run_dask(groups: list[Group], jobs: int, config: Config | None, scheduler: str | None) -> Iterator[Outcome]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise StoreError("--engine dask 需要 dask[distributed]：pip install 'budgetdoc[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=30)
        else:
            cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except OSError as e:
        raise StoreError(f"无法连接 Dask 调度器 {scheduler}：{e}") from None
    try:
        window = max(4, 4 * len(client.scheduler_info().get("workers", {}) or [None]))
        todo = iter(groups)
        futures = {}

        def submit(g: Group):
            payload = [(f.path.name, f.path.read_bytes()) for f in g.files]  # workers need no shared disk
            fut = client.submit(check_group_bytes, payload, g.paths, config, pure=False)
            futures[fut] = g
            return fut

        running = as_completed([submit(g) for g in itertools.islice(todo, window)])
        for fut in running:  # a bounded window: a large corpus is not held in memory at once
            yield Outcome(futures.pop(fut), *fut.result())
            nxt = next(todo, None)
            if nxt is not None:
                running.add(submit(nxt))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---------------------------------------------------------------------------------------- storing


def _done(session: Session, group: Group) -> bool:
    """True when this content is stored already (under this group, or identical files elsewhere)."""
    sha = group.content_sha256
    latest = session.scalars(select(Document).where(Document.group_key == group.key)
                             .order_by(Document.version.desc()).limit(1)).first()
    if latest is not None and latest.content_sha256 == sha:
        return True
    twin = session.scalars(select(Document.id).where(Document.content_sha256 == sha,
                                                     or_(Document.is_latest.is_(True),
                                                         Document.merged_into.is_not(None))).limit(1)).first()
    return latest is None and twin is not None


def pending_groups(engine: Engine, groups: list[Group]) -> tuple[list[Group], int]:
    with Session(engine) as s, s.begin():
        todo = [g for g in groups if not _done(s, g)]
    return todo, len(groups) - len(todo)


def store(engine: Engine, outcome: Outcome, *, force: bool = False) -> tuple[int, str]:
    """Store one checked disclosure in its own transaction: (document id, 'new' | 'version' |
    'unchanged'). Safe against a concurrent writer storing the same group (retried on conflict).
    force: a new version even when the content is stored already (a re-check with a newer checker)."""
    group, result = outcome.group, outcome.result

    def work() -> tuple[int, str]:
        with Session(engine) as s, s.begin():
            latest = s.scalars(select(Document).where(Document.group_key == group.key)
                               .order_by(Document.version.desc()).limit(1)).first()
            if not force and latest is not None and latest.content_sha256 == group.content_sha256:
                return latest.id, "unchanged"
            if not force and latest is None and _done(s, group):
                return 0, "unchanged"
            version = latest.version + 1 if latest else 1
            s.execute(update(Document).where(Document.group_key == group.key, Document.is_latest.is_(True))
                      .values(is_latest=False))
            doc = _document(group, result, outcome.error, version)
            s.add(doc)
            s.flush()
            _add_rows(s, doc.id, result)
            if len(group.files) > 1:  # a part stored alone before is now read with the others
                alone = s.scalars(select(Document).where(Document.group_key.in_(group.paths),
                                                         Document.is_latest.is_(True))).all()
                _fill_parts(alone, result, group.files)
                s.execute(update(Document).where(Document.id.in_([d.id for d in alone]))
                          .values(is_latest=False, merged_into=doc.id))
            return doc.id, "new" if version == 1 else "version"

    return with_retry(work)


def _document(group: Group, result: CheckResult | None, error: str | None, version: int) -> Document:
    meta = result.metadata if result else None
    findings = result.findings if result else []
    count = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    ledger = ledger_counts(result.claims) if result else None
    doc = Document(group_key=group.key, version=version, is_latest=True,
                   status=_status(result), error=error,
                   content_sha256=group.content_sha256,
                   source=result.source if result else " + ".join(group.paths),
                   department=meta.department if meta else None,
                   department_key=department_key(meta.department) if meta else None,
                   year=meta.year if meta else None, kind=meta.kind if meta else None,
                   unit=meta.unit if meta else None, format=result.format if result else None,
                   encoding=result.encoding if result else None,
                   warnings=list(result.warnings) if result else [],
                   n_errors=count["error"], n_warnings=count["warning"], n_info=count["info"],
                   n_claims=ledger["claims"] if ledger else None,
                   n_verified=ledger["verified"] if ledger else None,
                   n_contradicted=ledger["contradicted"] if ledger else None,
                   n_unverified=ledger["unverified"] if ledger else None,
                   checker_version=__version__, ingested_at=datetime.now(UTC))
    doc.files = [DocumentFile(position=i, path=str(f.path), name=f.path.name, sha256=f.sha256, size=f.size)
                 for i, f in enumerate(group.files)]
    return doc


def _status(result: CheckResult | None) -> str:
    """ok; error (unreadable); not-disclosure (read, but not a budget/final-account disclosure)."""
    if result is None:
        return "error"
    return "ok" if getattr(result, "disclosure", True) else "not-disclosure"


def _add_rows(s: Session, doc_id: int, result: CheckResult | None) -> None:
    if result is None:
        return
    facts = [dict(document_id=doc_id, position=i, key=f.key, value_yuan=f.value_yuan, stated=f.stated,
                  location=f.loc.to_dict(), section=f.section) for i, f in enumerate(result.facts)]
    found = [(f, False) for f in result.findings] + [(f, True) for f in result.suppressed]
    findings = [dict(document_id=doc_id, position=i, origin="document", rule=f.rule, severity=f.severity,
                     message=f.message, stated=f.stated, expected=f.expected,
                     evidence=[e.to_dict() for e in f.evidence], section=f.section, suppressed=sup)
                for i, (f, sup) in enumerate(found)]
    claims = [dict(document_id=doc_id, position=i, kind=c.kind, status=c.status, stated=c.stated,
                   quote=c.evidence.quote, location=c.evidence.loc.to_dict(),
                   mark=list(c.evidence.mark) if c.evidence.mark is not None else None, rule=c.rule,
                   reading=c.reading.to_dict() if c.reading is not None else None, reason=c.reason)
              for i, c in enumerate(result.claims)]
    if facts:
        s.execute(FactRow.__table__.insert(), facts)
    if findings:
        s.execute(FindingRow.__table__.insert(), findings)
    if claims:
        s.execute(ClaimRow.__table__.insert(), claims)


# ------------------------------------------------------------------- parts recognised after checking


def _only_tables(result: CheckResult) -> bool | None:
    """True: every fact is a table cell (a tables part); False: none is (an explanation); None: both."""
    in_table = {f.loc.table is not None for f in result.facts}
    return None if len(in_table) != 1 else in_table.pop()


def pair_parts(outcomes: list[tuple[int, Outcome]]) -> list[list[tuple[int, Outcome]]]:
    """Single files of one disclosure not named as parts: an explanation with no table and a file of
    tables only, in the same folder, for the same department (and year and kind where the tables
    state them). Paired only when exactly one explanation fits a tables file and vice versa."""
    singles = [(i, o) for i, o in outcomes if o.result is not None and len(o.group.files) == 1
               and o.result.facts and o.result.metadata.department]
    texts = [(i, o) for i, o in singles if _only_tables(o.result) is False and o.result.metadata.year]
    tables = [(i, o) for i, o in singles if _only_tables(o.result) is True]

    def fits(t: Outcome, x: Outcome) -> bool:
        a, b = t.result.metadata, x.result.metadata
        return (t.group.files[0].path.parent == x.group.files[0].path.parent
                and department_key(a.department) == department_key(b.department)
                and (b.year is None or a.year == b.year) and (b.kind is None or a.kind == b.kind))

    pairs = []
    for tb in tables:
        cands = [tx for tx in texts if fits(tx[1], tb[1])]
        if len(cands) == 1 and [t for t in tables if fits(cands[0][1], t[1])] == [tb]:
            pairs.append([cands[0], tb])
    return pairs


def store_merged(engine: Engine, parts: list[tuple[int, Outcome]], outcome: Outcome) -> tuple[int, str]:
    """Store the document checked from parts, and point its parts' documents at it."""
    doc_id, status = store(engine, outcome)
    if doc_id:
        def work() -> None:
            with Session(engine) as s, s.begin():
                docs = s.scalars(select(Document).where(Document.id.in_([i for i, _ in parts]))).all()
                _fill_parts(docs, outcome.result, outcome.group.files)
                s.execute(update(Document).where(Document.id.in_([i for i, _ in parts]))
                          .values(is_latest=False, merged_into=doc_id))
        with_retry(work)
    return doc_id, status


def _fill_parts(parts: Sequence[Document], merged: CheckResult | None, files: list[FileInfo]) -> None:
    """A part stored as its own document and now read with the other parts of its disclosure (the tables,
    which often state no year or department) takes what it does not state from the document read from
    all of them (the explanation states it), with a reader note naming the other parts; a value its file
    name gave gives way. Values the merged document has only from a file name are not passed on."""
    if merged is None or not merged.disclosure:
        return
    from_name = named_fields(merged.warnings)
    for doc in parts:
        named = named_fields(doc.warnings)
        taken: dict[str, object] = {
            f: getattr(merged.metadata, f) for f in FIELDS
            if getattr(merged.metadata, f) is not None and f not in from_name
            and (getattr(doc, f) is None or f in named)}
        if not taken:
            continue
        own = {f.name for f in doc.files}
        others = [f.path.name for f in files if f.path.name not in own]
        still = {f: getattr(doc, f) for f in named - taken.keys()}
        notes = [w for w in doc.warnings if not is_name_note(w)]
        notes += [name_note(still)] if still else []
        doc.warnings = [*notes, parts_note(taken, others)]
        for f, value in taken.items():
            setattr(doc, f, value)
        doc.department_key = department_key(doc.department)


# ---------------------------------------------------------------------------------------- the run


def ingest(engine: Engine, paths: Sequence[str | Path], *, jobs: int | None = None, engine_kind: str = "process",
           scheduler: str | None = None, config: Config | None = None, progress: bool = True,
           crossdoc: bool = True) -> IngestReport:
    from . import crossdoc as cross

    files = collect(paths)
    report = IngestReport(files=len(files))
    groups = group_files(files)
    todo, report.unchanged = pending_groups(engine, groups)
    jobs = jobs or os.cpu_count() or 1
    bar = _progress(len(todo), progress)
    stored: list[tuple[int, Outcome]] = []
    try:
        if engine_kind == "dask":
            outcomes = run_dask(todo, jobs, config, scheduler)
        else:
            outcomes = run_processes(todo, jobs, config)
        for outcome in outcomes:
            doc_id, status = store(engine, outcome)
            _count(report, doc_id, status, outcome)
            if status != "unchanged":
                stored.append((doc_id, outcome))
            if bar is not None:
                bar.update(1)
                bar.set_postfix_str(f"失败{len(report.failed)}", refresh=False)
        for parts in pair_parts(stored):
            group = Group("#parts:" + "|".join(o.group.key for _, o in parts), [o.group.files[0] for _, o in parts])
            result, error = check_group(group.paths, config)
            if result is None:
                continue
            doc_id, status = store_merged(engine, parts, Outcome(group, result, error))
            if status != "unchanged":
                report.merged.append(doc_id)
    finally:
        if bar is not None:
            bar.close()
    if crossdoc:
        report.crossdoc_findings = cross.run(engine, config)
    return report


def _count(report: IngestReport, doc_id: int, status: str, outcome: Outcome) -> None:
    if status == "unchanged":
        report.unchanged += 1
        return
    (report.stored if status == "new" else report.versions).append(doc_id)
    if outcome.error is not None:
        report.failed.append((" + ".join(outcome.group.paths), outcome.error))


def _progress(total: int, enabled: bool):
    if not enabled or total == 0 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="份", desc="检查入库", file=sys.stderr, dynamic_ncols=True)
