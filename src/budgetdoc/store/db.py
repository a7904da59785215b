"""Opening a store: `--db` values to SQLAlchemy URLs, SQLite settings for concurrent use, migrations.

`--db` is a path (an SQLite file, created when missing) or a URL: `sqlite:///file.db`,
`postgresql://user@host:port/dbname` (driven by psycopg 3). Every problem the user can fix is a
StoreError with a one-line Chinese message; the CLI prints it and exits 2.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError

from ..errors import InputError

DEFAULT_DB = "budgetdoc.db"
MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_MS = 60_000  # a writer waits this long for another process's transaction
_PG_MIGRATION_LOCK = 140_014  # pg_advisory_xact_lock key: one migrating process at a time

T = TypeVar("T")


class StoreError(InputError):
    """The database cannot be opened or used: a bad --db, an unreachable server, a missing driver."""


def resolve_url(db: str | None) -> URL:
    """The SQLAlchemy URL for a `--db` value (None: budgetdoc.db in the working directory)."""
    value = (db or DEFAULT_DB).strip()
    if not value:
        raise StoreError("数据库参数为空")
    if "://" in value:
        try:
            url = make_url(value)
        except ArgumentError:
            raise StoreError(f"数据库地址无法解析：{value}") from None
        backend = url.get_backend_name()
        if backend == "sqlite":
            if url.database and url.database != ":memory:":
                _check_sqlite_path(Path(url.database), value)
            return url
        if backend in ("postgresql", "postgres"):
            if url.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
                url = url.set(drivername="postgresql+psycopg")
            return url
        raise StoreError(f"不支持的数据库类型“{url.drivername}”：请用 SQLite 文件路径、sqlite:///… 或 postgresql://…")
    path = Path(value).expanduser()
    _check_sqlite_path(path, value)
    return URL.create("sqlite", database=str(path.resolve()))


def _check_sqlite_path(path: Path, given: str) -> None:
    if path.is_dir():
        raise StoreError(f"{given}：是目录，不是数据库文件")
    if not path.parent.exists():
        raise StoreError(f"{given}：所在目录 {path.parent} 不存在")


def describe(url: URL) -> str:
    """The URL without its password, for messages."""
    return url.render_as_string(hide_password=True)


def open_db(db: str | None = None, *, create: bool = True) -> Engine:
    """An engine on the store, migrated to the current schema. With create=False a missing SQLite
    file is an error (queries on a database that was never ingested into)."""
    url = resolve_url(db)
    if url.get_backend_name() == "sqlite":
        if not create and url.database not in (None, "", ":memory:") and not Path(url.database).exists():
            raise StoreError(f"数据库不存在：{url.database}（请先运行 budgetdoc ingest，或用 --db 指定）")
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
        _sqlite_settings(engine)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError as e:
            raise StoreError(f"连接 PostgreSQL 需要驱动 {e.name}：pip install 'budgetdoc[postgres]'") from None
    try:
        # Two processes creating one new SQLite file at once: switching it to WAL takes a lock that
        # SQLite's busy handler does not wait for, so the loser sees "database is locked" at once.
        with_retry(lambda: migrate(engine), attempts=20)
    except DBAPIError as e:
        engine.dispose()
        raise StoreError(f"无法打开数据库 {describe(url)}：{_first_line(e)}") from None
    return engine


def _first_line(e: DBAPIError) -> str:
    msg = str(e.orig) if e.orig is not None else str(e)
    return (msg.strip().splitlines() or ["未知错误"])[0]


def _sqlite_settings(engine: Engine) -> None:
    """WAL (readers never block the writer), a long busy timeout, foreign keys, and BEGIN IMMEDIATE:
    each transaction takes the write lock at its start, so two processes never both read a state
    and then both write from it (the second waits, then sees the first's rows)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):  # pragma: no cover - exercised by every SQLite test
        dbapi_conn.isolation_level = None  # the driver's own BEGIN handling off; we emit BEGIN below
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):  # pragma: no cover
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration, one process at a time (SQLite: the write lock of
    BEGIN IMMEDIATE; PostgreSQL: a transaction-level advisory lock)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def with_retry(work: Callable[[], T], attempts: int = 8) -> T:
    """Run a transaction, again when it lost a race: a unique constraint another writer satisfied
    first (IntegrityError: the retry then finds that writer's row) or a lock it timed out on."""
    for attempt in range(attempts):
        try:
            return work()
        except IntegrityError:
            if attempt == attempts - 1:
                raise
        except OperationalError as e:
            transient = any(w in str(e.orig).lower() for w in ("locked", "busy", "deadlock", "serializ"))
            if not transient or attempt == attempts - 1:
                raise
        time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")
