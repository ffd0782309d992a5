"""SQL helpers that differ between SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite


def insert_if_absent(conn: Connection, table: Table, values: dict[str, Any]) -> bool:
    """Insert a row unless it would duplicate a primary or unique key; True when this call inserted it.

    One ``INSERT … ON CONFLICT DO NOTHING`` statement: atomic under concurrency on both databases, unlike
    select-then-insert, so of two processes racing for the same key exactly one gets True.
    """
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(**values).on_conflict_do_nothing()
    # RETURNING, not rowcount: psycopg reports -1 as the rowcount of a single INSERT under SQLAlchemy 2.1.
    first_key = next(iter(table.primary_key.columns))
    return conn.execute(statement.returning(first_key)).first() is not None
