"""Databases for the store and schedule tests: a fresh SQLite file, or a private schema on the PostgreSQL server
named by TRADEBOT_TEST_POSTGRES_URL (skipped, with the reason, when it is not set).

Each PostgreSQL test gets its own schema (``tradebot_test_<random>``), selected through the URL's ``options`` so
every process and connection using the URL lands in it; the schema is dropped afterwards, so parallel runs on one
server do not collide.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_ENV = "TRADEBOT_TEST_POSTGRES_URL"


def postgres_server_url() -> str:
    """The server URL from the environment, or skip the test saying how to run it."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set (CI sets it to postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    return url


def sqlite_url(folder: Path) -> str:
    """A URL for a new SQLite file in ``folder`` (in a subfolder, so creating the folder is exercised too)."""
    return f"sqlite:///{folder / 'data' / 'tradebot.sqlite3'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL whose connections use a fresh schema of their own; the schema is dropped afterwards."""
    with private_schema(postgres_server_url()) as url:
        yield url


@contextmanager
def private_schema(server: str) -> Iterator[str]:
    """A URL on ``server`` whose connections use a fresh schema of their own, dropped on exit."""
    schema = f"tradebot_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, pool_pre_ping=True)  # the benchmark restarts the server in between
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        separator = "&" if "?" in server else "?"
        yield f"{server}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test twice: on a new SQLite file and on a private PostgreSQL schema."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    return request.getfixturevalue("postgres_url")


def backend(url: str) -> str:
    """``sqlite`` or ``postgresql``."""
    return make_url(url).get_backend_name()
