"""Fixtures for knowledge-base tests: a writable copy of the shipped knowledge folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.kb.loader import DEFAULT_KNOWLEDGE_DIR

BRIEFING = "scio-2026-01-14"


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A copy of knowledge/ that a test may break."""
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, target)
    return target


@pytest.fixture
def overview_file(knowledge_copy: Path) -> Path:
    """The copy's first indicator file (the opening statement's totals)."""
    return knowledge_copy / "briefings" / BRIEFING / "indicators" / "01-overview.toml"
