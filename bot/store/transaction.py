"""Short transactions that turn a lost database into a StoreError."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import InterfaceError, OperationalError

from bot.store.engine import safe_url
from bot.store.errors import StoreError

Transactions = Callable[[], AbstractContextManager[Connection]]


def transactions(engine: Engine) -> Transactions:
    """A factory of transactions on ``engine``: commit on success, roll back on error.

    Connection-level failures (server down, file locked past the busy timeout) become StoreError so callers such
    as the Slack listeners can refuse cleanly and let Slack retry; constraint errors are bugs and pass through.
    """

    @contextmanager
    def transaction() -> Iterator[Connection]:
        try:
            with engine.begin() as conn:
                yield conn
        except (OperationalError, InterfaceError) as exc:
            raise unavailable(engine, exc.orig if exc.orig is not None else exc) from exc

    return transaction


def unavailable(engine: Engine, error: BaseException) -> StoreError:
    """The StoreError for a database that cannot be reached: its masked URL and the driver's first line."""
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return StoreError(f"the database at {safe_url(engine.url)} is unavailable: {reason}")
