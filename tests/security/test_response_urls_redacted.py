"""Finding 12 of issue 18 (part): a response URL never reaches the log.

A response URL lets whoever holds it post in its channel for 30 minutes; slack_sdk's webhook client logged it
whole at INFO when the post failed to connect ("Going to retry the same request: POST …"). Through the running
bot: a ``/trade`` whose response URL refuses connections, so the client retries and logs, and the log keeps the
host and drops the path. And Slack's own hook URLs are redacted from any logger's record.
"""

from __future__ import annotations

import logging
import time

from bot.logs import REDACTED, Redactor, install_response_url_filter
from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.bot_process import free_port
from tests.security.conftest import Tally

CAPABILITY = "commands/T0000001/4242424242/zQ9capabilityXq7"


def test_a_failed_post_to_a_response_url_logs_the_host_not_the_path(bot: RunningBot, tally: Tally) -> None:
    since = len(bot.process.log())
    dead = f"http://127.0.0.1:{free_port()}/{CAPABILITY}"  # nothing listens: every attempt is refused
    assert p.send(bot.events_url, p.slash_command("asean", response_url=dead)).status == 200
    deadline = time.monotonic() + 20
    while "Going to retry the same request" not in bot.process.log()[since:]:
        assert time.monotonic() < deadline, bot.process.log()[since:][-3000:]
        time.sleep(0.2)
    time.sleep(3)  # the client's last retries and the apology's attempt
    log = bot.process.log()[since:]
    assert "zQ9capabilityXq7" not in log and "4242424242" not in log
    assert f"POST http://127.0.0.1:{dead.split(':')[2].split('/')[0]}/{REDACTED}" in log
    tally.record("response URL in slack_sdk's retry log lines", sent=1, rejected=0, replies=0)


def test_slacks_hook_urls_are_redacted_by_the_record_factorys_redactor() -> None:
    # The redactor that bot.logs installs as the log-record factory, so every logger and traceback is covered.
    text = Redactor([]).redact("posting to https://hooks.slack.com/commands/T1/33/defSECRET failed: 'x'")
    assert text == f"posting to https://hooks.slack.com/{REDACTED} failed: 'x'"


def test_the_webhook_loggers_filter_drops_any_urls_path() -> None:
    install_response_url_filter()
    record = logging.LogRecord(
        "slack_sdk.webhook.client", logging.INFO, __file__, 1, "POST %s", ("http://h:1/a/b?c",), None
    )
    assert all(f.filter(record) for f in logging.getLogger("slack_sdk.webhook.client").filters)
    assert record.getMessage() == f"POST http://h:1/{REDACTED}"
