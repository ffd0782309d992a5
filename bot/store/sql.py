"""SQL helpers that differ between SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Insert, Table
from sqlalchemy.dialects import postgresql, sqlite


def insert_if_absent(conn: Connection, table: Table, values: dict[str, Any]) -> bool:
    """Insert a row unless it would duplicate a primary or unique key; True when this call inserted it.

    One ``INSERT … ON CONFLICT DO NOTHING`` statement: atomic under concurrency on both databases, unlike
    select-then-insert, so of two processes racing for the same key exactly one gets True.
    """
    return conn.execute(_insert_if_absent(conn.dialect.name, table), values).first() is not None


def insert_absent(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[bool]:
    """``insert_if_absent`` for several rows (all with the same keys, the primary key among them) in one statement;
    for each row, whether it was inserted. Of two rows in ``rows`` with the same key, only the first can be."""
    first_key = next(iter(table.primary_key.columns)).name
    inserted = {row[0] for row in conn.execute(_insert_if_absent(conn.dialect.name, table), rows)}
    return _first_wins([row[first_key] for row in rows], inserted)


def _first_wins(keys: list[Any], inserted: set[Any]) -> list[bool]:
    """For each key in order, whether its row was the one inserted: only the first of equal keys can have been."""
    results = []
    for key in keys:
        results.append(key in inserted)
        inserted.discard(key)
    return results


@lru_cache(maxsize=32)
def _insert_if_absent(dialect_name: str, table: Table) -> Insert:
    # Built once per table, with the values given at execution: SQLAlchemy then reuses its compiled form,
    # where building ``.values(...)`` on every call cost more CPU than the round trip (claims run per request).
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    # RETURNING, not rowcount: psycopg reports -1 as the rowcount of a single INSERT under SQLAlchemy 2.1.
    first_key = next(iter(table.primary_key.columns))
    return dialect.insert(table).on_conflict_do_nothing().returning(first_key)


# Runs driver SQL with its parameters and returns the rows (``PostgresWriter.execute``).
Execute = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]
# The seen_events columns a claim writes, in the order of the statements below.
_CLAIM_COLUMNS = ("event_id", "seen_at", "status", "attempts", "owner", "lease_until", "body", "content_type")
_COMPLETE_DONE = (
    "UPDATE seen_events SET status = 'done', lease_until = NULL, body = NULL "
    "WHERE event_id = ANY(%s::varchar[]) AND status = 'processing'"
)


def postgres_claim_and_complete(execute: Execute, claims: list[dict[str, Any]], done: list[str]) -> list[bool]:
    """On PostgreSQL, claim ``claims`` (rows of seen_events, as ``insert_absent``) and mark ``done`` complete, in
    one statement run by ``execute`` on an autocommit driver connection (``bot.store.pg_writer``).

    This is the one write every question makes twice, so it skips SQLAlchemy's statement compilation and the
    transaction's BEGIN and COMMIT, which together cost more CPU than the rows (bench/load_bench.py). The
    completions go in a CTE before the claims' INSERT, so a batch is one round trip. A claim in the batch of its
    row's completion (a Slack retry of a question just answered) finds the row and loses, as it should. The text
    depends only on how many claims there are, so psycopg prepares each size on a connection after a few uses and
    PostgreSQL stops parsing and planning it. Returns, for each claim, whether it was won.
    """
    statement = _claim_and_complete_sql(len(claims), bool(done))
    params: list[Any] = [done] if done else []
    params += [_naive_utc(row[column]) for row in claims for column in _CLAIM_COLUMNS]
    won = {row[0] for row in execute(statement, params)}
    return _first_wins([row["event_id"] for row in claims], won)  # a second claim of an id in one batch loses


@lru_cache(maxsize=256)
def _claim_and_complete_sql(claims: int, done: bool) -> str:
    if not claims:
        return _COMPLETE_DONE
    row = "(" + ",".join(["%s"] * len(_CLAIM_COLUMNS)) + ")"
    insert = (
        f"INSERT INTO seen_events ({', '.join(_CLAIM_COLUMNS)}) VALUES {','.join([row] * claims)} "
        "ON CONFLICT DO NOTHING RETURNING event_id"
    )
    return f"WITH done AS ({_COMPLETE_DONE}) {insert}" if done else insert


def _naive_utc(value: Any) -> Any:
    # As the UTCDateTime column type stores times (naive UTC); other values pass as they are.
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value
