"""Property 2, one question, one answer: an event delivered four times (``X-Slack-Retry-Num`` 1 to 3), one after
another, all at once, or spread over two bot processes sharing one database, is answered exactly once; a first
delivery whose handling failed before replying is answered by its retry."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import RunningBot
from tests.databases import postgres_url, sqlite_url  # noqa: F401 - fixture
from tests.fakes import payloads as p
from tests.fakes.bot_process import BotProcess, bot_env, free_port
from tests.fakes.slack_api import FakeSlackApi, Reply
from tests.security.conftest import Tally, dump

DELIVERIES = 4  # the first delivery and Slack's three retries


def delivery(event: dict, event_id: str, attempt: int) -> p.SignedRequest:
    """Delivery ``attempt`` (0 = the first) of one event, with Slack's retry headers on the redeliveries."""
    request = p.event_callback(event, event_id=event_id)
    if attempt:
        request.headers.update({"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_timeout"})
    return request


def new_event_id() -> str:
    return "Ev" + uuid.uuid4().hex[:12].upper()


def test_four_deliveries_one_after_another_get_one_reply(
    bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    mention, event_id = p.app_mention("asean"), new_event_id()
    statuses = [p.send(bot.events_url, delivery(mention, event_id, n)).status for n in range(DELIVERIES)]
    assert statuses == [200] * DELIVERIES
    slack_api.wait_for("chat.postMessage")
    slack_api.assert_quiet("views.publish", period=0.5)  # time for a wrongly handled retry to post
    posts = slack_api.calls("chat.postMessage")
    assert len(posts) == 1, dump(posts)
    tally.record("same event_id, 4 deliveries in sequence", sent=DELIVERIES, rejected=DELIVERIES - 1, replies=1)


def test_four_deliveries_at_the_same_moment_get_one_reply(
    bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    mention, event_id = p.app_mention("asean"), new_event_id()
    requests = [delivery(mention, event_id, n) for n in range(DELIVERIES)]
    with ThreadPoolExecutor(DELIVERIES) as pool:
        statuses = list(pool.map(lambda r: p.send(bot.events_url, r).status, requests))
    assert statuses == [200] * DELIVERIES
    slack_api.wait_for("chat.postMessage")
    slack_api.assert_quiet("views.publish", period=0.5)
    posts = slack_api.calls("chat.postMessage")
    assert len(posts) == 1, dump(posts)
    tally.record("same event_id, 4 deliveries at once", sent=DELIVERIES, rejected=DELIVERIES - 1, replies=1)


def test_a_first_delivery_that_failed_before_replying_is_answered_by_its_retry(
    bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    # Slack refuses the first answer with an error the listener does not handle: the handling fails unreplied.
    slack_api.script("chat.postMessage", Reply(json={"ok": False, "error": "fatal_error"}))
    mention, event_id = p.app_mention("asean"), new_event_id()
    assert p.send(bot.events_url, delivery(mention, event_id, 0)).status == 200
    failed, apology = slack_api.wait_for("chat.postMessage", count=2)
    assert "Sorry" in apology.params["text"]

    assert p.send(bot.events_url, delivery(mention, event_id, 1)).status == 200
    answers = slack_api.wait_for("chat.postMessage", count=3)[2:]
    assert "ASEAN" in answers[0].text and answers[0].params["thread_ts"] == mention["ts"]
    assert p.send(bot.events_url, delivery(mention, event_id, 2)).status == 200  # answered now: not again
    slack_api.assert_quiet("views.publish", period=0.5)
    assert len(slack_api.calls("chat.postMessage")) == 3, dump(slack_api.calls("chat.postMessage"))
    tally.record("first delivery failed unreplied, then retried", sent=3, rejected=1, replies=2)


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """One database for two bot processes: an SQLite file, or a private schema on the CI PostgreSQL server."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def two_bots(shared_database: str, slack_api: FakeSlackApi, tmp_path: Path) -> Iterator[list[str]]:
    """Two ``tradebot run --http`` processes on different ports sharing ``shared_database``; their event URLs."""
    env = bot_env(slack_api.url, DATABASE_URL=shared_database)
    ports = [free_port(), free_port()]
    processes = [
        BotProcess(["--http", "--host", "127.0.0.1", "--port", str(port)], env, tmp_path / f"bot{i}")
        for i, port in enumerate(ports)
    ]
    try:
        for process in processes:
            process.start()
        for process, port in zip(processes, ports, strict=True):
            process.wait_http_ready(f"http://127.0.0.1:{port}")
        yield [f"http://127.0.0.1:{port}/slack/events" for port in ports]
    finally:
        for process in processes:
            process.stop()


def test_deliveries_spread_over_two_processes_sharing_a_database_get_one_reply(
    two_bots: list[str], slack_api: FakeSlackApi, shared_database: str, tally: Tally
) -> None:
    events = [(p.app_mention("asean"), new_event_id()) for _ in range(3)]
    # Every event: its four deliveries at once, alternating between the two processes.
    jobs = [(two_bots[n % 2], delivery(e, i, n)) for e, i in events for n in range(DELIVERIES)]
    with ThreadPoolExecutor(len(jobs)) as pool:
        statuses = list(pool.map(lambda job: p.send(job[0], job[1]).status, jobs))
    assert statuses == [200] * len(jobs)
    slack_api.wait_for("chat.postMessage", count=len(events), timeout=20)
    slack_api.assert_quiet("views.publish", period=0.5)
    posts = slack_api.calls("chat.postMessage")
    assert sorted(c.params["thread_ts"] for c in posts) == sorted(e["ts"] for e, _ in events), dump(posts)
    backend = shared_database.split(":", 1)[0]
    tally.record(f"4 deliveries x 3 events over 2 processes ({backend})", sent=len(jobs),
                 rejected=len(jobs) - len(events), replies=len(posts))  # fmt: skip
