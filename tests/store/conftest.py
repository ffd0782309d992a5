"""Fixtures for the database tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.store import Store, open_store
from tests.databases import database_url, postgres_url  # noqa: F401 - fixtures


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:  # noqa: F811 - the fixture above
    """A migrated store on each database; closed afterwards."""
    opened = open_store(database_url)
    yield opened
    opened.close()
