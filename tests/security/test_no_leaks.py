"""Property 7, no leaks: tokens and the signing secret never appear in any log of the test run, message text
never at INFO, and an empty or malformed token stops start-up with a clear message that does not echo it.

The final test runs last in the session (``@pytest.mark.last``) and reads every log the run wrote: the
``bot.log`` of each ``tradebot run`` subprocess and the test process's own log (``in_process_log``).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.conftest import IN_PROCESS_LOG, RunningBot
from tests.fakes import payloads as p
from tests.fakes.bot_process import APP_TOKEN, BOT_TOKEN, BotProcess, bot_env, free_port
from tests.fakes.slack_api import FakeSlackApi, Reply
from tests.security.conftest import Tally

CANARY = "canary-q7Zt3 how fast did exports to ASEAN grow"
SECRETS = (BOT_TOKEN, APP_TOKEN, p.SIGNING_SECRET)
TOKEN_SHAPE = re.compile(r"x(?:ox[a-z]|app)-[A-Za-z0-9]")
LEVEL = re.compile(r"^\d{4}-\d\d-\d\d [\d:,]+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) ")


def feed_canary(events_url: str, api: FakeSlackApi) -> None:
    """The canary through every path a message takes, including failures that log tracebacks."""
    api.script("chat.postMessage", Reply(json={"ok": False, "error": "fatal_error"}))
    for event in (p.app_mention(CANARY), p.direct_message(CANARY), p.app_mention(CANARY + " x" * 2100)):
        assert p.send(events_url, p.event_callback(event)).status == 200
    assert p.send(events_url, p.slash_command(CANARY, response_url=api.response_url("canary"))).status == 200
    forged = p.event_callback(p.app_mention(CANARY), secret="wrong-secret")
    assert p.send(events_url, forged).status == 401
    api.wait_for("chat.postMessage", count=4)
    api.wait_for("response_url")


def test_the_canary_passes_through_the_running_bot(bot: RunningBot, slack_api: FakeSlackApi, tally: Tally) -> None:
    feed_canary(bot.events_url, slack_api)
    tally.record("message text and secrets through every path (logs checked)", sent=5, rejected=1, replies=5)


def test_a_bot_logging_at_debug_keeps_secrets_out_and_text_at_debug(
    slack_api: FakeSlackApi, tmp_path: Path, tally: Tally
) -> None:
    port = free_port()
    process = BotProcess(["--http", "--host", "127.0.0.1", "--port", str(port)],
                         bot_env(slack_api.url, LOG_LEVEL="DEBUG", WORKING_REACTION_AFTER_SECONDS="0"),
                         tmp_path)  # fmt: skip
    with process:
        process.wait_http_ready(f"http://127.0.0.1:{port}")
        feed_canary(f"http://127.0.0.1:{port}/slack/events", slack_api)
        slack_api.wait_for("reactions.remove", count=2)  # reacting at once: its calls are in the log too
    log = process.log()
    assert "Authorization" in log or "Sending a request" in log, "the debug log shows Web API requests"
    assert_no_secrets(log, "debug bot log")
    assert_text_only_at_debug(log, "debug bot log")
    tally.record("bot at LOG_LEVEL=DEBUG (logs checked)", sent=5, rejected=1, replies=5)


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        # Empty means "not set" (a .env copied from .env.example): `run` then names what its mode needs.
        ("SLACK_BOT_TOKEN", "", "SLACK_BOT_TOKEN is not set"),
        (
            "SLACK_BOT_TOKEN",
            "xoxp-1234567890-user-token-pasted-here",
            "SLACK_BOT_TOKEN: a bot token (xoxb-…) is needed here, but this is a user token (xoxp-…)",
        ),
        ("SLACK_BOT_TOKEN", "xoxb-short", "SLACK_BOT_TOKEN: too short (10 characters) for a bot token (xoxb-…)"),
        ("SLACK_SIGNING_SECRET", "   ", "SLACK_SIGNING_SECRET is not set"),
        (
            "SLACK_APP_TOKEN",
            "xoxb-0000000001-wrong-kind-of-token",
            "SLACK_APP_TOKEN: an app-level token (xapp-…) is needed here, but this is a bot token (xoxb-…)",
        ),
    ],
)
def test_an_empty_or_malformed_secret_stops_start_up_with_a_clear_message(
    variable: str, value: str, says: str, slack_api: FakeSlackApi, tmp_path: Path, tally: Tally
) -> None:
    process = BotProcess([], bot_env(slack_api.url, **{variable: value}), tmp_path)
    with process:
        code = process.wait_exit(timeout=30)
    log = process.log()
    assert code == 2 and says in log, log
    assert not value.strip() or value not in log, "the value is never echoed"
    assert not slack_api.calls("auth.test")
    tally.record(f"start-up with {variable} {'empty' if not value.strip() else 'malformed'}", sent=0,
                 rejected=1, replies=0)  # fmt: skip


def assert_no_secrets(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"a secret is in {where}"
    found = TOKEN_SHAPE.findall(text)
    assert not found, f"token-shaped text in {where}: {found[:3]}"


def assert_text_only_at_debug(text: str, where: str) -> None:
    level = None
    for line in text.splitlines():
        match = LEVEL.match(line)
        level = match.group(1) if match else level
        if CANARY in line:
            assert level == "DEBUG", f"message text logged at {level} in {where}: {line[:200]}"


@pytest.mark.last
def test_no_log_of_the_whole_run_holds_a_secret_or_message_text_at_info(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    base = tmp_path_factory.getbasetemp()
    time.sleep(0.2)  # the last lines of stopped bots are flushed
    logs = sorted(base.rglob("bot.log"))
    assert logs, "the run started bot processes; their logs are read here"
    for path in [base / IN_PROCESS_LOG, *logs]:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert_no_secrets(text, str(path))
        assert_text_only_at_debug(text, str(path))
