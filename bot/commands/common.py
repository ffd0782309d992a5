"""Helpers shared by subcommands: loading settings and knowledge with clear, traceback-free errors."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.config import Settings, SettingsError, load_settings
from bot.exits import Exit
from bot.kb.base import KnowledgeBase
from bot.kb.errors import KnowledgeError
from bot.kb.loader import load_knowledge

EXIT_BAD_KNOWLEDGE = Exit.BAD_KNOWLEDGE
EXIT_BAD_SETTINGS = Exit.BAD_SETTINGS


class CommandError(Exception):
    """Stops a subcommand with a message for the user and an exit code."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def settings_or_exit() -> Settings:
    """Load settings, or raise CommandError (exit 2) naming the variable."""
    try:
        return load_settings()
    except SettingsError as exc:
        raise CommandError(f"tradebot: configuration error: {exc}", EXIT_BAD_SETTINGS) from None


def knowledge_or_exit(path: Path | None = None) -> KnowledgeBase:
    """Load the knowledge base, or raise CommandError (exit 1) listing every problem."""
    if path is None:
        path = settings_or_exit().knowledge_dir
    try:
        return load_knowledge(path)
    except KnowledgeError as exc:
        lines = [f"tradebot: the knowledge base has {len(exc.problems)} problem(s):"]
        lines += [f"  {p}" for p in exc.problems]
        raise CommandError("\n".join(lines), EXIT_BAD_KNOWLEDGE) from None


def report(error: CommandError) -> int:
    """Print a CommandError to stderr and return its exit code."""
    print(error, file=sys.stderr)
    return error.code
