"""Shared by the workbench tests: an app on a fresh database, a live uvicorn server on 127.0.0.1,
waiting for background jobs."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the workbench needs pip install '.[web]'")
pytest.importorskip("multipart", reason="the workbench needs pip install '.[web]'")

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
REAL = Path(__file__).resolve().parents[1].parent / "shared" / "real"
SEED = SEEDS / "002_3ac8441545fefd6e.txt"
PDF = REAL / "jiangsu-provincial-jianchayuan-2018-budget.pdf"
ARTIFACTS = Path(__file__).with_name("artifacts")


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (the seeds and real PDFs are expected beside the repository)")
    return path


def wait_job(client, job_id: str, timeout: float = 180) -> dict:
    end = time.time() + timeout
    while time.time() < end:
        job = client.get(f"/api/uploads/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")


def upload(client, name: str, data: bytes, path: str | None = None):
    extra = {"data": {"paths": path}} if path else {}
    return client.post("/api/uploads", files=[("files", (name, data, "application/octet-stream"))], **extra)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(app) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    end = time.time() + 30
    while not server.started:
        if time.time() > end or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)
