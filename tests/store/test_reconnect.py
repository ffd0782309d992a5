"""The store survives its PostgreSQL connections being cut (a server restart, a failover, an idle timeout).

The pool does not ping before each use (``bot.store.engine``), so the first query on a cut connection fails; it must
fail as a StoreError (the Slack layer refuses the request and Slack retries), and the next call must work without
reopening the store, however many connections the pool held.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from bot.store import Store, StoreError, open_store
from bot.store.models import PendingWork
from bot.store.pg_writer import PostgresWriter
from tests.databases import postgres_server_url

POOLED = 4  # connections held at once before the cut, so the pool has several to discard


@pytest.fixture
def pg_store(postgres_url: str) -> Iterator[Store]:
    opened = open_store(postgres_url)
    yield opened
    opened.close()


def fill_pool(store: Store, count: int) -> set[int]:
    """Check out ``count`` connections at once and return their server process ids (they go back to the pool)."""
    pids: set[int] = set()
    barrier = threading.Barrier(count)

    def hold() -> None:
        with store.engine.connect() as conn:
            pids.add(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
            barrier.wait(timeout=10)

    threads = [threading.Thread(target=hold) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    return pids


def cut(pids: set[int]) -> None:
    """Terminate those server processes, as a restart would (only this test's connections), and wait until they
    are gone."""
    admin = create_engine(postgres_server_url())
    try:
        with admin.begin() as conn:
            for pid in pids:
                conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with admin.connect() as conn:
                alive = text("SELECT pid FROM pg_stat_activity WHERE pid = ANY(:pids)")
                if not conn.execute(alive, {"pids": list(pids)}).first():
                    return
            time.sleep(0.05)
        raise AssertionError(f"server processes {sorted(pids)} still alive after pg_terminate_backend")
    finally:
        admin.dispose()


def test_cut_connections_fail_once_as_store_errors_then_the_store_recovers(pg_store: Store) -> None:
    assert pg_store.claim_event("before", PendingWork(body=b"{}", content_type="application/json"))
    pids = fill_pool(pg_store, POOLED)
    assert len(pids) == POOLED
    # A restart cuts every connection: the pool's and the one the claims are written on (bot.store.pg_writer).
    assert pg_store.events.postgres_writer is not None
    writer_pid = pg_store.events.postgres_writer.server_pid()
    assert writer_pid is not None and writer_pid not in pids
    cut(pids | {writer_pid})

    failures = 0
    for attempt in range(POOLED + 1):
        try:
            claimed = pg_store.claim_event(f"after-{attempt}", PendingWork(body=b"{}", content_type="application/json"))
        except StoreError as error:
            assert "unavailable" in str(error)
            failures += 1
        else:
            assert claimed
            break
    assert failures == 1, "the first call finds its connection cut, and discards the whole pool"
    # Every pooled connection was replaced: the calls that follow all work, on new server processes.
    fresh = fill_pool(pg_store, POOLED)
    assert not fresh & pids
    assert pg_store.events.postgres_writer.server_pid() not in pids | {writer_pid}
    pg_store.complete_event("before")
    assert pg_store.events.status("before") == "done"
    pg_store.ping()


def test_the_claims_connection_fails_as_a_store_error_while_the_server_is_down() -> None:
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now: "connection refused", as during a restart
    engine = create_engine(f"postgresql+psycopg://postgres@127.0.0.1:{port}/test")
    writer = PostgresWriter(engine)
    try:
        with pytest.raises(StoreError, match="unavailable"):
            writer.execute("SELECT 1", ())
        assert writer.server_pid() is None
    finally:
        engine.dispose()
