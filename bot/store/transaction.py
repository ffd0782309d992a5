"""Short transactions that turn a lost database into a StoreError."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy import Connection, Engine

from bot.store.errors import StoreError
from bot.store.outages import Outages, is_outage, outage

Transactions = Callable[[], AbstractContextManager[Connection]]


def transactions(
    engine: Engine, check: Callable[[], None] | None = None, outages: Outages | None = None
) -> Transactions:
    """A factory of transactions on ``engine``: commit on success, roll back on error; ``check`` runs before each
    takes a connection, and raises StoreError to refuse it (``bot.store.sqlite_file``); ``outages`` records the
    StoreErrors raised.

    Every database error but a broken constraint or a bad value (``bot.store.outages``) becomes StoreError, so
    callers such as the Slack listeners refuse cleanly and let Slack retry; those two are bugs and pass through.
    """

    @contextmanager
    def transaction() -> Iterator[Connection]:
        if check is not None:
            try:
                check()
            except StoreError as refused:
                if outages is not None:
                    outages.add(refused)
                raise
        try:
            with engine.begin() as conn:
                yield conn
        except StoreError:
            raise
        except Exception as exc:
            if not is_outage(exc):
                raise
            raise outage(engine, exc, outages) from exc

    return transaction
