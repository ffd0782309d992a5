"""``tradebot run`` refuses to start without the settings its mode needs: exit 2, naming the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.commands.run import choose_mode
from tests.fakes.bot_process import APP_TOKEN, BOT_TOKEN, BotProcess, bot_env

SECRET = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """No Slack settings in the environment, and a working directory without a .env file."""
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


@pytest.mark.parametrize(
    ("argv", "env", "named"),
    [
        (["run", "--http"], {"SLACK_SIGNING_SECRET": SECRET}, "SLACK_BOT_TOKEN"),
        (["run", "--http"], {"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_SIGNING_SECRET"),
        (["run"], {"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_SIGNING_SECRET"),  # no app token: HTTP
        (["run", "--socket"], {"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_APP_TOKEN"),
        (
            ["run", "--socket"],
            {"SLACK_BOT_TOKEN": "xoxp-user-token-here", "SLACK_APP_TOKEN": APP_TOKEN},
            "SLACK_BOT_TOKEN",
        ),
        (["run"], {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": "xoxb-wrong-kind-of-token"}, "SLACK_APP_TOKEN"),
        (["run"], {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": "   "}, "SLACK_SIGNING_SECRET"),
        (
            ["run"],
            {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": "ftp://x"},
            "SLACK_API_URL",
        ),
    ],
)
def test_missing_or_malformed_settings_exit_2_naming_the_variable(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str], env: dict, named: str
) -> None:
    for key, value in env.items():
        clean_env.setenv(key, value)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert named in err
    for secret in (BOT_TOKEN, APP_TOKEN, SECRET):
        assert secret not in err


def test_the_real_command_exits_2(tmp_path: Path) -> None:
    process = BotProcess(
        ["--http", "--port", "1"], bot_env("http://127.0.0.1:9/api/", SLACK_SIGNING_SECRET=None), tmp_path
    )
    with process:
        assert process.wait_exit(timeout=30) == 2
    assert "SLACK_SIGNING_SECRET" in process.log()


def test_mode_choice() -> None:
    assert choose_mode(None, APP_TOKEN) == "socket"
    assert choose_mode(None, None) == "http"
    assert choose_mode("http", APP_TOKEN) == "http"
    assert choose_mode("socket", None) == "socket"
