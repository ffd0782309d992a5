"""Versioned, additive schema migrations, applied at start-up under a lock.

``schema_version`` records each migration applied. A migration only adds (a table, a nullable or defaulted column,
an index) and checks before it adds, so it is idempotent: migration 1 creates the tables as ``tables.py`` has them
*now*, and a later migration that adds a column finds it already there on a fresh database and adds it on an old
one. Both end with the same schema and no row is rewritten or dropped. To change the schema: edit ``tables.py``,
then append a ``Migration`` here using ``add_column``/``create_table``.

Two processes starting together must not both migrate: PostgreSQL takes an advisory lock for the transaction;
SQLite's ``BEGIN IMMEDIATE`` (see ``engine.py``) already serialises writers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Column, Connection, Engine, Table, inspect, select, text
from sqlalchemy.schema import CreateColumn

from bot.store import tables
from bot.store.errors import StoreError

# Any fixed 64-bit number: the advisory lock's name on the PostgreSQL server.
MIGRATION_LOCK_KEY = 0x7472616465626F74  # "tradebot"


@dataclass(frozen=True)
class Migration:
    """One step: ``apply`` gets a connection inside the migration transaction."""

    version: int
    description: str
    apply: Callable[[Connection], None]


def create_table(conn: Connection, table: Table) -> None:
    """Create ``table`` (and its indexes) unless it exists."""
    table.create(conn, checkfirst=True)


def add_column(conn: Connection, table: Table, column_name: str) -> None:
    """Add ``table.c[column_name]`` to an existing table unless it is there already.

    The column must be nullable or have a server default, as SQLite and PostgreSQL both require for ADD COLUMN.
    """
    existing = {c["name"] for c in inspect(conn).get_columns(table.name)}
    if column_name in existing:
        return
    column: Column = table.c[column_name]
    ddl = CreateColumn(column).compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE {conn.dialect.identifier_preparer.quote(table.name)} ADD COLUMN {ddl}")


def _initial(conn: Connection) -> None:
    for table in (tables.subscriptions, tables.deliveries, tables.figure_rotation, tables.seen_events):
        create_table(conn, table)


def _event_leases(conn: Connection) -> None:
    for column in ("status", "owner", "lease_until", "attempts", "body", "content_type"):
        add_column(conn, tables.seen_events, column)


def _conversations(conn: Connection) -> None:
    create_table(conn, tables.conversations)


def _learning(conn: Connection) -> None:
    for table in (tables.questions, tables.feedback, tables.admin_reports, tables.bot_state):
        create_table(conn, table)


def _health_probe(conn: Connection) -> None:
    create_table(conn, tables.health_probe)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "subscriptions, deliveries, rotation, seen events", _initial),
    Migration(2, "leases on seen events: status, owner, expiry, the request to redo", _event_leases),
    Migration(3, "conversations: the last question of each thread, for follow-ups", _conversations),
    Migration(4, "questions, feedback, admin reports and shared state, for learning from use", _learning),
    Migration(5, "health_probe: the row /healthz rewrites to know the database takes writes", _health_probe),
)


def migrate(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Apply the migrations the database lacks; return the versions applied now.

    Raises:
        StoreError: the database was migrated by a newer tradebot than this one.
    """
    newest_known = max(m.version for m in migrations)
    applied_now: list[int] = []
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        create_table(conn, tables.schema_version)
        applied = set(conn.scalars(select(tables.schema_version.c.version)))
        if applied and max(applied) > newest_known:
            raise StoreError(
                f"the database schema (version {max(applied)}) is newer than this tradebot knows (up to "
                f"{newest_known}); upgrade tradebot or point DATABASE_URL at another database"
            )
        for migration in sorted(migrations, key=lambda m: m.version):
            if migration.version in applied:
                continue
            migration.apply(conn)
            conn.execute(
                tables.schema_version.insert().values(
                    version=migration.version, description=migration.description, applied_at=dt.datetime.now(dt.UTC)
                )
            )
            applied_now.append(migration.version)
    return applied_now
