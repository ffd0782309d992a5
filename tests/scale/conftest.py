"""Two gunicorn workers (``tradebot run --http --workers 2``) on one PostgreSQL schema, against a fake Slack API of
their own, started once for the module: leases are short and the scheduler ticks every half second, so take-overs
and scheduled posts happen within the tests' deadlines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.store import NewSubscription, open_store
from tests.databases import postgres_server_url, private_schema
from tests.fakes.bot_process import BotProcess, bot_env, free_port, wait_for_workers
from tests.fakes.slack_api import FakeSlackApi

WORKERS = 2
DIGEST_CHANNEL = "C0SCALE01"


@dataclass(frozen=True)
class Workers:
    """The running bot: its URL, its master process, the database URL, and the fake Slack API it talks to."""

    base_url: str
    master: BotProcess
    database_url: str
    api: FakeSlackApi

    @property
    def events_url(self) -> str:
        return self.base_url + "/slack/events"


def subscribe_before_the_slot(database_url: str) -> None:
    """A daily subscription made ten minutes ago whose time came two minutes ago: due at the first tick."""
    now = dt.datetime.now(dt.UTC)
    slot = now - dt.timedelta(minutes=2)
    store = open_store(database_url, clock=lambda: now - dt.timedelta(minutes=10))
    try:
        cron = f"{slot.minute} {slot.hour} * * *"
        new = NewSubscription(channel=DIGEST_CHANNEL, creator="U0000USER", kind="daily", cron=cron, timezone="UTC",
                              spec=f"daily {slot:%H:%M}")  # fmt: skip
        store.subscriptions.add(new)
    finally:
        store.close()


@pytest.fixture(scope="module")
def workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workers]:
    """``tradebot run --http --workers 2`` with a daily digest whose slot two minutes ago is not posted yet."""
    server = postgres_server_url()
    with FakeSlackApi() as api, private_schema(server) as database_url:
        subscribe_before_the_slot(database_url)
        env = bot_env(
            api.url,
            DATABASE_URL=database_url,
            EVENT_LEASE_SECONDS="3",
            LEASE_SWEEP_SECONDS="0.5",
            SCHEDULE_TICK_SECONDS="0.5",
            # React before answering, so a test can hold a worker after the ack and before the reply (by delaying
            # Slack's answer to the reaction) and kill it there.
            WORKING_REACTION_AFTER_SECONDS="0",
        )
        port = free_port()
        args = ["--http", "--host", "127.0.0.1", "--port", str(port), "--workers", str(WORKERS)]
        workdir: Path = tmp_path_factory.mktemp("scale-bot")
        with BotProcess(args, env, workdir) as master:
            base_url = f"http://127.0.0.1:{port}"
            master.wait_http_ready(base_url)
            wait_for_workers(master.pid, WORKERS)
            yield Workers(base_url=base_url, master=master, database_url=database_url, api=api)
