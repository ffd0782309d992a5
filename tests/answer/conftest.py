"""One engine over the shipped knowledge, shared by the answer tests (loading it is the slow part)."""

from __future__ import annotations

import pytest

from bot.answer.engine import Engine
from bot.kb.loader import load_knowledge


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(load_knowledge())
