"""Abusing ``/trade subscribe`` and ``unsubscribe`` through the running bot (issue 18, findings 2, 3 and 8).

The real ``tradebot run --http`` with low caps (3 a channel, 4 a user), on SQLite with one process and on
PostgreSQL with two workers, receives signed slash commands; replies come back through response URLs to the fake
Slack API, one URL per command so each reply is matched to its command.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.render.blocks import APOLOGY
from bot.store import open_store
from tests.databases import postgres_server_url, private_schema, sqlite_url
from tests.fakes import payloads
from tests.fakes.bot_process import BotProcess, bot_env, free_port, wait_for_workers
from tests.fakes.slack_api import Call, FakeSlackApi
from tests.security.conftest import Tally

PER_CHANNEL = 3
PER_USER = 4
_names = itertools.count()


@dataclass(frozen=True)
class CappedBot:
    """The running bot, its database and the fake Slack API it answers through."""

    events_url: str
    database_url: str
    api: FakeSlackApi
    process: BotProcess

    def trade(self, text: str, *, user: str, channel: str) -> Call:
        """Send ``/trade <text>`` as ``user`` in ``channel``; the reply posted to its response URL."""
        name = f"cmd{next(_names)}"
        request = payloads.slash_command(
            text, response_url=self.api.response_url(name), user_id=user, channel_id=channel
        )
        response = payloads.send(self.events_url, request)
        assert response.status == 200, response.body
        (reply,) = self.api.wait_for("response_url", where=lambda c: c.path.endswith("/" + name), timeout=15)
        assert APOLOGY not in reply.text, f"{text!r}: {reply.text}"
        return reply

    def subscriptions(self, channel: str) -> list:
        store = open_store(self.database_url)
        try:
            return store.subscriptions.for_channel(channel)
        finally:
            store.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def capped(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CappedBot]:
    """``tradebot run --http`` with SUBSCRIPTIONS_PER_CHANNEL=3 and SUBSCRIPTIONS_PER_USER=4."""
    workdir: Path = tmp_path_factory.mktemp(f"capped-{request.param}")
    with ExitStack() as stack:
        if request.param == "sqlite":
            database_url, workers = sqlite_url(workdir), 1
        else:
            database_url, workers = stack.enter_context(private_schema(postgres_server_url())), 2
        api = stack.enter_context(FakeSlackApi())
        env = bot_env(
            api.url,
            DATABASE_URL=database_url,
            SUBSCRIPTIONS_PER_CHANNEL=str(PER_CHANNEL),
            SUBSCRIPTIONS_PER_USER=str(PER_USER),
        )
        port = free_port()
        args = ["--http", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
        process = stack.enter_context(BotProcess(args, env, workdir))
        process.wait_http_ready(f"http://127.0.0.1:{port}")
        wait_for_workers(process.pid, workers)
        yield CappedBot(f"http://127.0.0.1:{port}/slack/events", database_url, api, process)


REFUSED_SCHEDULES = [
    ('subscribe "R * * * *"', "random values (R)"),
    ('subscribe "0 R * * *"', "random values (R)"),
    ("subscribe R * * * *", "is not a schedule"),
    ('subscribe "H * * * *"', "hashed values (H)"),
    ('subscribe "0 9 31 2 *"', "never fires"),
    ('subscribe "0 9 ? * *"', "use *"),
    ('subscribe "*/30 * * * *"', "more than once an hour"),
    ('subscribe "30 1,2 * * *" Europe/Berlin', "more than once an hour in Europe/Berlin"),
    ('subscribe "@hourly"', "cron alias"),
    ('subscribe "0 0 9 * * *"', "has 6"),
]


def test_random_impossible_and_too_frequent_schedules_are_refused(capped: CappedBot, tally: Tally) -> None:
    channel = "C0REFUSED"
    for typed, reason in REFUSED_SCHEDULES:
        reply = capped.trade(typed, user="U0REFUSER", channel=channel)
        assert "I could not read that schedule" in reply.text and reason in reply.text, (typed, reply.text)
    assert capped.subscriptions(channel) == []
    tally.record("/trade subscribe: random, hashed, impossible, sub-hourly cron", sent=len(REFUSED_SCHEDULES),
                 rejected=len(REFUSED_SCHEDULES), replies=len(REFUSED_SCHEDULES))  # fmt: skip


CRASHING_IDS = [
    ("99999999999999999999", "no subscription #99999999999999999999"),
    ("9" * 30, "no subscription #"),
    ("²", "by its number"),
    ("١٢", "by its number"),  # Arabic-Indic digits: str.isdigit says yes, the database does not
    ("-1", "by its number"),
    ("1e3", "by its number"),
    ("#", "by its number"),
    ("0", "no subscription #0"),
]


def test_ids_that_crashed_get_a_clear_reply(capped: CappedBot, tally: Tally) -> None:
    for typed, expected in CRASHING_IDS:
        reply = capped.trade(f"unsubscribe {typed}", user="U0IDS0001", channel="C0IDS0001")
        assert expected in reply.text, (typed, reply.text)
    tally.record("/trade unsubscribe: overflowing and non-ASCII ids", sent=len(CRASHING_IDS),
                 rejected=len(CRASHING_IDS), replies=len(CRASHING_IDS))  # fmt: skip


def test_caps_per_channel_and_per_user(capped: CappedBot) -> None:
    first, second = "C0CAPS001", "C0CAPS002"
    for hour in range(PER_CHANNEL):
        assert "Subscribed this channel" in capped.trade(f"subscribe daily {hour:02d}:00", user="U0CAPS001",
                                                         channel=first).text  # fmt: skip
    refused = capped.trade("subscribe daily 12:00", user="U0CAPS002", channel=first).text
    assert f"This channel has {PER_CHANNEL} subscriptions already" in refused
    assert "Subscribed this channel" in capped.trade("subscribe daily 09:00", user="U0CAPS001", channel=second).text
    refused = capped.trade("subscribe daily 10:00", user="U0CAPS001", channel=second).text
    assert f"You have made {PER_USER} subscriptions already" in refused
    assert len(capped.subscriptions(first)) == PER_CHANNEL and len(capped.subscriptions(second)) == 1
    # Typing an existing schedule again is not a new subscription, so it is answered, not refused.
    assert "already has that subscription" in capped.trade("subscribe daily 00:00", user="U0CAPS002",
                                                           channel=first).text  # fmt: skip


def test_a_burst_of_subscriptions_stops_at_the_cap(capped: CappedBot, tally: Tally) -> None:
    # The attack made 1,440 daily subscriptions in one channel in 23 s; here 60 arrive at once, from 60 users.
    channel, sent = "C0BURST01", 60

    def subscribe(n: int) -> str:
        return capped.trade(f"subscribe daily {n // 60:02d}:{n % 60:02d}", user=f"U0BURST{n:03d}", channel=channel).text

    with ThreadPoolExecutor(max_workers=12) as pool:
        replies = list(pool.map(subscribe, range(sent)))
    made = [r for r in replies if r.startswith("Subscribed this channel")]
    capped_replies = [r for r in replies if f"This channel has {PER_CHANNEL} subscriptions already" in r]
    assert len(made) == PER_CHANNEL and len(capped_replies) == sent - PER_CHANNEL
    assert len(capped.subscriptions(channel)) == PER_CHANNEL
    tally.record(f"/trade subscribe burst in one channel (cap {PER_CHANNEL})", sent=sent,
                 rejected=len(capped_replies), replies=len(replies))  # fmt: skip


def test_removing_someone_elses_subscription_is_announced_in_the_channel(capped: CappedBot) -> None:
    channel, creator, other = "C0UNSUB01", "U0CREATE1", "U0OTHER01"
    capped.trade("subscribe daily 09:00", user=creator, channel=channel)
    capped.trade("subscribe weekly mon 09:00", user=creator, channel=channel)
    own, theirs = (s.id for s in capped.subscriptions(channel))

    mine = capped.trade(f"unsubscribe {own}", user=creator, channel=channel)
    assert mine.params["response_type"] == "ephemeral"
    assert mine.params["text"] == f"Removed subscription #{own} (daily 09:00). Nothing more will be posted for it."

    announced = capped.trade(f"unsubscribe {theirs}", user=other, channel=channel)
    assert announced.params["response_type"] == "in_channel"
    assert announced.params["text"] == (
        f"<@{other}> removed subscription #{theirs} (weekly mon 09:00), which <@{creator}> made. "
        "Nothing more will be posted for it."
    )
    assert capped.subscriptions(channel) == []
    elsewhere = capped.trade(f"unsubscribe {theirs}", user=other, channel="C0ELSEWHR")
    assert f"no subscription #{theirs}" in elsewhere.text and elsewhere.params["response_type"] == "ephemeral"
