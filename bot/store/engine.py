"""Creating the SQLAlchemy engine for SQLite or PostgreSQL, with the settings each needs to share work safely."""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError

from bot.store.errors import StoreError

SQLITE_BUSY_TIMEOUT_MS = 30_000
POSTGRES_CONNECT_TIMEOUT_S = 5


def safe_url(url: str | URL) -> str:
    """The URL with its password masked, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable DATABASE_URL>"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; a relative SQLite path is relative to the working directory and its folder is created.

    Raises:
        StoreError: the URL is malformed, names an unsupported database, or the SQLite file cannot be written.
    """
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise StoreError("DATABASE_URL is not a database URL (example: sqlite:///data/tradebot.sqlite3)") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    if backend == "postgresql":
        return _postgres_engine(parsed)
    raise StoreError(f"DATABASE_URL names {backend!r}; tradebot supports sqlite:/// and postgresql+psycopg://")


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        _check_writable(Path(database))
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from the sqlite3 module, which would otherwise start transactions late (only
        # before DML) and commit around DDL; the "begin" hook below then issues the BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        # WAL lets readers run while another process writes; several bot processes may share the file. The mode
        # is stored in the file, so only the first connection (under ``first_open_lock``) switches it: switching
        # can fail with "database is locked" without waiting on the busy timeout when others are connected.
        if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        # A connection keeps what it met when it opened: one opened while the file could not be written stays
        # read-only after it can again ("attempt to write a readonly database" on every other request, for good).
        # So any error of the file (not one statement's constraint or value) retires the pool's connections, as a
        # lost server does on PostgreSQL; the next ones are opened afresh, after the file check.
        error = context.original_exception
        if isinstance(error, sqlite3.Error) and not isinstance(error, (sqlite3.IntegrityError, sqlite3.DataError)):
            context.is_disconnect = True

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front, so a transaction that reads then writes waits on busy_timeout
        # instead of failing with "database is locked" when it tries to upgrade a read lock.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def sqlite_path(engine: Engine) -> Path | None:
    """The file of an SQLite database named by a path; None for PostgreSQL, ``:memory:`` and ``file:`` URIs."""
    database = engine.url.database or ""
    if engine.dialect.name != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


@contextmanager
def first_open_lock(engine: Engine) -> Iterator[None]:
    """Serialise opening (switching to WAL, migrating) an SQLite file across processes; no-op otherwise.

    An OS lock on ``<database>.lock`` beside the file, held only while a process opens the database.
    """
    path = sqlite_path(engine)
    if path is None:
        yield
        return
    with open(f"{path.resolve()}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _check_writable(path: Path) -> None:
    where = path.resolve()
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the folder for the SQLite database {where}: {exc.strerror}; "
            "set DATABASE_URL to a writable path (sqlite:///path/to/file.sqlite3)"
        ) from None
    target = where if where.exists() else where.parent
    if not os.access(target, os.W_OK) or (where.exists() and not os.access(where.parent, os.W_OK)):
        # SQLite also writes the -wal and -shm files beside the database, hence the folder check.
        raise StoreError(
            f"the SQLite database {where} is not writable (check its and its folder's permissions, "
            "or set DATABASE_URL to a writable path)"
        )


def _postgres_engine(url: URL) -> Engine:
    if url.drivername == "postgresql":
        # Plain postgresql:// would pick psycopg2, which is not installed; psycopg 3 is.
        url = url.set(drivername="postgresql+psycopg")
    # No pool_pre_ping: it costs a round trip on every checkout. After a server restart the first query on a dead
    # connection fails instead (a StoreError: the request is refused and Slack retries), and SQLAlchemy then
    # discards every pooled connection made before the failure, so the retry connects afresh; the claims' own
    # connection (bot.store.pg_writer) does the same (tests/store/test_reconnect.py).
    return create_engine(url, connect_args={"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S})
