"""Shared helpers of the store tests (test_store*.py): databases on SQLite and on a real PostgreSQL.

PostgreSQL runs when BUDGETDOC_TEST_PG_URL names a server database (.ci/run starts one with
.ci/start-postgres and exports it); each test gets a fresh database created beside it and dropped after.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
REAL = SHARED / "real"
PG_ENV = "BUDGETDOC_TEST_PG_URL"


def pg_database():
    """A context manager yielding the URL of a new, empty PostgreSQL database (skips without a server)."""
    import contextlib

    @contextlib.contextmanager
    def make():
        base = os.environ.get(PG_ENV)
        if not base:
            pytest.skip(f"{PG_ENV} not set: no PostgreSQL server (.ci/run starts one with .ci/start-postgres)")
        try:
            import psycopg  # noqa: F401
            from sqlalchemy import create_engine, text
            from sqlalchemy.engine import make_url
        except ImportError as e:
            pytest.skip(f"PostgreSQL driver missing: {e}")
        url = make_url(base).set(drivername="postgresql+psycopg")
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        name = f"budgetdoc_t_{uuid.uuid4().hex[:12]}"
        try:
            with admin.connect() as c:
                c.execute(text(f'CREATE DATABASE "{name}"'))
        except Exception as e:  # the server named by the environment is not there
            admin.dispose()
            pytest.skip(f"PostgreSQL at {url.render_as_string(hide_password=True)} unusable: {type(e).__name__}")
        try:
            yield url.set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

    return make()


@pytest.fixture(name="db_url", params=["sqlite", "postgresql"])
def db_url_fixture(request, tmp_path):
    """The store's --db value, once for an SQLite file and once for a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
    else:
        with pg_database() as url:
            yield url


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def copy_seeds(dest: Path, names: list[str] | None = None) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for p in sorted(need(SEEDS).glob("*.txt")):
        if names is None or p.name[:3] in names:
            shutil.copy(p, dest / p.name)
    return dest


def cli(*args: str, cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "budgetdoc.cli", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=timeout)


def counts(url: str) -> dict[str, int]:
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from budgetdoc.store import open_db
    from budgetdoc.store.models import Document, DocumentFile, FactRow, FindingRow

    engine = open_db(url)
    with Session(engine) as s:
        out = {m.__tablename__: s.scalar(select(func.count()).select_from(m))
               for m in (Document, DocumentFile, FactRow, FindingRow)}
    engine.dispose()
    return out
