"""SQL helpers that differ between SQLite and PostgreSQL."""

from __future__ import annotations

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
