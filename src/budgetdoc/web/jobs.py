"""The background worker: one thread checks uploaded files and stores them, one at a time.

It is the web server's one writer of documents (as `budgetdoc ingest` is the one writer of its run):
each job is checked with the store's check_group — in a worker process of its own, so a long PDF or
OCR check neither holds the server's interpreter nor shares pdfium (not thread-safe) with the page
renderer —, stored with the store's store() in its own transaction here, and followed by the
cross-document pass. Jobs live in memory; what they stored is in the database. A job's status is
`queued`, `checking`, `done` or `failed`.
"""

from __future__ import annotations

import itertools
import multiprocessing
import queue
import signal
import threading
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..store import crossdoc
from ..store.db import with_retry
from ..store.ingest import FileInfo, Group, Outcome, check_group, sha256_file, store
from ..store.models import Document, DocumentFile

STATES = ("queued", "checking", "done", "failed")


def _ignore_sigint() -> None:
    """The checking process leaves Ctrl-C to the server, which stops it on shutdown."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass
class Job:
    id: str
    name: str  # the name as uploaded (display only: never a path on disk)
    path: Path  # the stored file, under a generated name
    group_key: str
    size: int
    recheck: bool = False
    status: str = "queued"
    document_id: int | None = None
    outcome: str | None = None  # new | version | unchanged
    error: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    created: float = field(default_factory=time.time)
    started: float | None = None
    finished: float | None = None
    seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "status": self.status, "size": self.size,
                "recheck": self.recheck, "document_id": self.document_id, "outcome": self.outcome,
                "error": self.error, "counts": self.counts, "created": self.created,
                "started": self.started, "finished": self.finished}


class Worker:
    """A queue and one thread: jobs are checked and stored in the order they were submitted."""

    def __init__(self, engine: Engine, processes: bool = True):
        self.engine = engine
        self.processes = processes
        self._pool: ProcessPoolExecutor | None = None
        self.jobs: dict[str, Job] = {}
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._seq = itertools.count(1)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="budgetdoc-worker", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 30) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def submit(self, name: str, path: Path, group_key: str, *, recheck: bool = False) -> Job:
        job = Job(uuid.uuid4().hex, name, path, group_key, path.stat().st_size, recheck=recheck,
                  seq=next(self._seq))
        with self._lock:
            self.jobs[job.id] = job
        self._queue.put(job)
        self.start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self.jobs.get(job_id)

    def all(self) -> list[Job]:
        with self._lock:
            return sorted(self.jobs.values(), key=lambda j: j.seq)

    def idle(self) -> bool:
        return all(j.status in ("done", "failed") for j in self.all())

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            try:
                self._work(job)
            except Exception as e:  # a bug must not stop the worker: the job says what happened
                job.status, job.error = "failed", f"内部错误（{type(e).__name__}: {e}）"
            finally:
                job.finished = time.time()

    def _check(self, path: str):
        if not self.processes:
            return check_group([path], None)
        for attempt in range(2):  # a worker process that died (out of memory) is replaced once
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_ignore_sigint)
            try:
                return self._pool.submit(check_group, [path], None).result()
            except BrokenProcessPool:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
                if attempt:
                    return None, "检查进程意外退出（文件过大或内存不足？）"
        raise AssertionError("unreachable")

    def _work(self, job: Job) -> None:
        job.status, job.started = "checking", time.time()
        info = FileInfo(job.path, sha256_file(job.path), job.size)
        group = Group(job.group_key, [info])
        result, error = self._check(str(job.path))
        if result is not None:
            result.source = job.name  # messages and reports name the file as uploaded
        if error is not None:
            error = error.replace(str(job.path), job.name)
        doc_id, outcome = store(self.engine, Outcome(group, result, error), force=job.recheck)
        if doc_id and outcome != "unchanged":
            def rename() -> None:
                with Session(self.engine) as s, s.begin():
                    s.execute(update(DocumentFile).where(DocumentFile.document_id == doc_id).values(name=job.name))
                    s.execute(update(Document).where(Document.id == doc_id).values(source=job.name))
            with_retry(rename)
            crossdoc.run(self.engine)
        if not doc_id:  # the same content stored already under another name: show that document
            with Session(self.engine) as s:
                doc_id = s.scalars(select(Document.id).where(Document.content_sha256 == group.content_sha256)
                                   .order_by(Document.is_latest.desc(), Document.id.desc()).limit(1)).first()
        job.document_id, job.outcome = doc_id or None, outcome
        if result is not None:
            job.counts = {s: sum(1 for f in result.findings if f.severity == s) for s in ("error", "warning", "info")}
        job.error = error
        job.status = "failed" if result is None else "done"
