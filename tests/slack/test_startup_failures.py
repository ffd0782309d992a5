"""Start-up against a Slack that refuses the token, or that cannot be reached: one line naming the cause, no
traceback, and the documented exit code (``bot.exits``), the same in Socket Mode and over HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.exits import Exit
from tests.fakes.bot_process import APP_TOKEN, BotProcess, bot_env, free_port
from tests.fakes.slack_api import FakeSlackApi, Reply

MODES = {
    "http": (["--http", "--host", "127.0.0.1", "--port", "0"], {}),
    "socket": (["--socket"], {"SLACK_APP_TOKEN": APP_TOKEN, "SLACK_SIGNING_SECRET": None}),
}


def start(mode: str, api_url: str, workdir: Path) -> BotProcess:
    args, env = MODES[mode]
    if mode == "http":
        args = [*args[:-1], str(free_port())]
    return BotProcess(args, bot_env(api_url, **env), workdir)


def one_clean_line(log: str) -> str:
    """The bot's output, asserted to be one line without a traceback."""
    assert "Traceback" not in log and "Worker failed to boot" not in log, log
    lines = [line for line in log.splitlines() if line.strip()]
    assert len(lines) == 1, log
    return lines[0]


@pytest.fixture
def own_slack() -> FakeSlackApi:
    with FakeSlackApi() as api:
        yield api


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("error", ["invalid_auth", "token_revoked", "account_inactive"])
def test_a_refused_bot_token_exits_4_naming_it(own_slack: FakeSlackApi, tmp_path: Path, mode: str, error: str) -> None:
    own_slack.script("auth.test", Reply(json={"ok": False, "error": error}))
    with start(mode, own_slack.url, tmp_path) as bot:
        assert bot.wait_exit(timeout=30) == Exit.SLACK_REFUSED
    line = one_clean_line(bot.log())
    assert f"Slack refused SLACK_BOT_TOKEN (auth.test: {error})" in line
    assert "docs/troubleshooting.md" in line


@pytest.mark.parametrize("mode", MODES)
def test_a_closed_port_exits_5_saying_slack_cannot_be_reached(tmp_path: Path, mode: str) -> None:
    closed = f"http://127.0.0.1:{free_port()}/api/"
    with start(mode, closed, tmp_path) as bot:
        assert bot.wait_exit(timeout=30) == Exit.SLACK_UNREACHABLE
    line = one_clean_line(bot.log())
    assert f"cannot reach Slack at {closed} (connection refused)" in line


@pytest.mark.parametrize("mode", MODES)
def test_slack_answering_500_exits_5(own_slack: FakeSlackApi, tmp_path: Path, mode: str) -> None:
    own_slack.script("auth.test", *[Reply(status=500, json={"ok": False})] * 3)
    with start(mode, own_slack.url, tmp_path) as bot:
        assert bot.wait_exit(timeout=30) == Exit.SLACK_UNREACHABLE
    assert "answered auth.test with" in one_clean_line(bot.log())


@pytest.mark.parametrize(
    ("error", "says"),
    [("invalid_auth", "the token is not valid"), ("not_allowed_token_type", "the wrong kind of token")],
)
def test_socket_mode_with_a_refused_app_token_exits_4_naming_it(
    own_slack: FakeSlackApi, tmp_path: Path, error: str, says: str
) -> None:
    own_slack.script("apps.connections.open", Reply(json={"ok": False, "error": error}))
    with start("socket", own_slack.url, tmp_path) as bot:
        assert bot.wait_exit(timeout=30) == Exit.SLACK_REFUSED
    log = bot.log()
    assert "Traceback" not in log
    # slack_sdk logs the failed call itself before we exit; our line is the last, and says what to do.
    last = log.strip().splitlines()[-1]
    assert f"Slack refused SLACK_APP_TOKEN (apps.connections.open: {error})" in last and says in last
