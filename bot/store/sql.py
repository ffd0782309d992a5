"""SQL helpers that differ between SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
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
    results = []
    for row in rows:
        results.append(row[first_key] in inserted)
        inserted.discard(row[first_key])
    return results


@lru_cache(maxsize=32)
def _insert_if_absent(dialect_name: str, table: Table) -> Insert:
    # Built once per table, with the values given at execution: SQLAlchemy then reuses its compiled form,
    # where building ``.values(...)`` on every call cost more CPU than the round trip (claims run per request).
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    # RETURNING, not rowcount: psycopg reports -1 as the rowcount of a single INSERT under SQLAlchemy 2.1.
    first_key = next(iter(table.primary_key.columns))
    return dialect.insert(table).on_conflict_do_nothing().returning(first_key)


# The seen_events columns a claim writes, with their PostgreSQL types, in the order of the statement below.
_CLAIM_COLUMNS = (
    ("event_id", "varchar"),
    ("seen_at", "timestamp"),
    ("status", "varchar"),
    ("attempts", "integer"),
    ("owner", "varchar"),
    ("lease_until", "timestamp"),
    ("body", "text"),
    ("content_type", "varchar"),
)
# One statement for any batch: the completions in a CTE, the claims as one array per column. Its text never
# changes, so psycopg prepares it on the connection after a few uses and PostgreSQL stops parsing and planning it.
_PG_CLAIM_AND_COMPLETE = (
    "WITH done AS (UPDATE seen_events SET status = 'done', lease_until = NULL, body = NULL "
    "WHERE event_id = ANY(%s) AND status = 'processing') "
    f"INSERT INTO seen_events ({', '.join(name for name, _ in _CLAIM_COLUMNS)}) "
    f"SELECT * FROM unnest({', '.join(f'%s::{kind}[]' for _, kind in _CLAIM_COLUMNS)}) "
    "ON CONFLICT DO NOTHING RETURNING event_id"
)


def postgres_claim_and_complete(conn: Connection, claims: list[dict[str, Any]], done: list[str]) -> list[bool]:
    """On PostgreSQL, claim ``claims`` (rows of seen_events, as ``insert_absent``) and mark ``done`` complete, in
    one statement handed to the driver as SQL (``conn`` should be in autocommit mode).

    This is the one write every question makes twice, so it skips SQLAlchemy's statement compilation and the
    transaction's BEGIN and COMMIT, which together cost more CPU than the rows (bench/load_bench.py). A completion
    and a claim in one batch are never of the same row: a reply is marked done only after its claim returned.
    Returns, for each claim, whether it was won.
    """
    columns = [[_naive_utc(row[name]) for row in claims] for name, _ in _CLAIM_COLUMNS]
    won = {row[0] for row in conn.exec_driver_sql(_PG_CLAIM_AND_COMPLETE, (done, *columns))}
    results = []
    for row in claims:
        results.append(row["event_id"] in won)
        won.discard(row["event_id"])  # a second claim of the same id in one batch loses
    return results


def _naive_utc(value: Any) -> Any:
    # As the UTCDateTime column type stores times (naive UTC); other values pass as they are.
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value
