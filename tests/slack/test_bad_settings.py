"""Settings that ended in a traceback and exit 1 (issue 18, finding 9) stop the real ``tradebot run`` with one line
naming the variable and exit 2, as the other settings do."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fakes.bot_process import BotProcess, bot_env, free_port
from tests.fakes.slack_api import FakeSlackApi

CASES = [
    ("LOG_LEVEL", {"LOG_LEVEL": "BOGUS"}, "not a log level"),
    ("DATABASE_URL", {"DATABASE_URL": "postgresql+psycopg://bot@127.0.0.1:notaport/db"}, "port is not a number"),
    ("DATABASE_URL", {"DATABASE_URL": "postgresql+psycopg://bot@127.0.0.1:99999/db"}, "out of range"),
    ("DATABASE_URL", {"DATABASE_URL": "postgresql+psycopg://bot@[::1/db"}, "broken IPv6"),
    ("DATABASE_URL", {"DATABASE_URL": "postgresql+psycopg://bot@127.0.0.1:/db"}, "port after ':' is empty"),
    ("DATABASE_URL", {"DATABASE_URL": "postgresql+asyncpg://bot@127.0.0.1/db"}, "driver 'asyncpg'"),
    ("DATABASE_URL", {"DATABASE_URL": "sqlite+pysqlcipher:///x.db"}, "driver 'pysqlcipher'"),
    ("DATABASE_URL", {"DATABASE_URL": "mysql://bot@127.0.0.1/db"}, "database 'mysql'"),
    ("DIGEST_SCHEDULE", {"DIGEST_CHANNEL": "C0DIGEST", "DIGEST_SCHEDULE": '"0 9 31 2 *"'}, "never fires"),
    ("DIGEST_SCHEDULE", {"DIGEST_CHANNEL": "C0DIGEST", "DIGEST_SCHEDULE": '"R * * * *"'}, "random values (R)"),
    ("DIGEST_SCHEDULE", {"DIGEST_CHANNEL": "C0DIGEST", "DIGEST_SCHEDULE": '"0 R * * *"'}, "random values (R)"),
    (
        "DIGEST_SCHEDULE",
        {"DIGEST_CHANNEL": "C0DIGEST", "DIGEST_SCHEDULE": '"30 1,2 * * *"', "DIGEST_TIMEZONE": "Europe/Berlin"},
        "more than once an hour in Europe/Berlin",
    ),
]


@pytest.mark.parametrize(("variable", "env", "reason"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_bad_setting_exits_2_naming_the_variable(
    slack_api: FakeSlackApi, tmp_path: Path, variable: str, env: dict[str, str], reason: str
) -> None:
    process = BotProcess(
        ["--http", "--host", "127.0.0.1", "--port", str(free_port())], bot_env(slack_api.url, **env), tmp_path
    )
    with process:
        code = process.wait_exit(timeout=30)
    log = process.log()
    assert code == 2, log
    assert "Traceback" not in log
    (line,) = [line for line in log.splitlines() if line.strip()]
    assert line.startswith("tradebot: configuration error:") and variable in line and reason in line
    assert "bot@" not in line  # the URL, which may hold a password, is not repeated
