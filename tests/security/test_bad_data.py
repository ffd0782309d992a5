"""Property 8, bad data, clear errors: a broken knowledge file, an unreachable database or an unwritable SQLite
path stops ``tradebot run`` before it serves, with a message saying what to fix and a non-zero exit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.kb.loader import DEFAULT_KNOWLEDGE_DIR
from tests.fakes.bot_process import BotProcess, bot_env, free_port
from tests.fakes.slack_api import FakeSlackApi
from tests.security.conftest import Tally


def start_up(env: dict[str, str], workdir: Path) -> tuple[int, str]:
    """Run ``tradebot run --http`` to its exit; the exit code and everything it printed."""
    process = BotProcess(["--http", "--host", "127.0.0.1", "--port", str(free_port())], env, workdir)
    with process:
        code = process.wait_exit(timeout=30)
    return code, process.log()


def broken_knowledge(tmp_path: Path) -> Path:
    """A copy of the shipped knowledge with one indicator file made unreadable TOML."""
    root = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, root)
    victim = sorted((root / "briefings").glob("*/indicators/*.toml"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nvalue = = broken\n", encoding="utf-8")
    return victim


def test_a_broken_knowledge_file_stops_start_up_naming_the_file(
    slack_api: FakeSlackApi, tmp_path: Path, tally: Tally
) -> None:
    victim = broken_knowledge(tmp_path)
    code, log = start_up(bot_env(slack_api.url, KNOWLEDGE_DIR=str(tmp_path / "knowledge")), tmp_path / "run")
    assert code == 1, log
    assert "knowledge base has" in log and victim.name in log, log
    assert "Listening at" not in log and not slack_api.calls("auth.test")  # never served, not even half
    tally.record("broken knowledge file at start-up", sent=1, rejected=1, replies=0)


BAD_DATABASES = {
    "unreachable PostgreSQL": ("postgresql+psycopg://tradebot@127.0.0.1:1/x", "check DATABASE_URL"),
    "malformed URL": ("not a url", "DATABASE_URL: not a database URL"),
    "unsupported database": ("mysql://127.0.0.1/x", "DATABASE_URL: the database 'mysql' is not supported"),
}


@pytest.mark.parametrize("case", BAD_DATABASES)
def test_a_bad_database_stops_start_up_saying_what_to_fix(
    case: str, slack_api: FakeSlackApi, tmp_path: Path, tally: Tally
) -> None:
    url, advice = BAD_DATABASES[case]
    code, log = start_up(bot_env(slack_api.url, DATABASE_URL=url), tmp_path)
    assert code != 0 and advice in log, log
    assert "Listening at" not in log
    tally.record(f"database: {case}", sent=1, rejected=1, replies=0)


def test_an_unwritable_sqlite_path_stops_start_up_saying_what_to_fix(
    slack_api: FakeSlackApi, tmp_path: Path, tally: Tally
) -> None:
    # A path under a regular file cannot be created, whoever runs the test (root ignores permission bits).
    (tmp_path / "a-file").write_text("not a folder")
    url = f"sqlite:///{tmp_path / 'a-file' / 'tradebot.sqlite3'}"
    code, log = start_up(bot_env(slack_api.url, DATABASE_URL=url), tmp_path / "run")
    assert code != 0 and "writable path" in log and "DATABASE_URL" in log, log
    assert "Listening at" not in log
    tally.record("database: unwritable SQLite path", sent=1, rejected=1, replies=0)
