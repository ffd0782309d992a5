"""Fixtures for the learning tests: a fake clock, a store on it (SQLite and PostgreSQL), and ``Learning`` on both."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from bot.kb.base import KnowledgeBase
from bot.learning.service import Learning
from bot.store import Store, open_store
from tests.databases import database_url, postgres_url  # noqa: F401 - fixtures
from tests.schedule.conftest import FakeClock

START = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)  # a Monday


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def store(database_url: str, clock: FakeClock) -> Iterator[Store]:  # noqa: F811 - the fixture above
    """A migrated store on each database, its timestamps from the fake clock."""
    opened = open_store(database_url, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def learning(knowledge: KnowledgeBase, store: Store, clock: FakeClock) -> Learning:
    """Learning on the store, with a fixed salt and the default 30 days."""
    return Learning(knowledge, store, enabled=True, salt="test-salt", keep=dt.timedelta(days=30), clock=clock)
