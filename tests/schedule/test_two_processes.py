"""Two scheduler processes (real, separate processes) sharing one database post each slot exactly once."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import traceback
from collections import Counter
from typing import Any

from bot.kb.loader import load_knowledge
from bot.schedule.scheduler import Scheduler
from bot.slack.digest_poster import DigestPoster, digest_client
from bot.store import NewSubscription, open_store
from tests.fakes.slack_api import FakeSlackApi
from tests.schedule.conftest import TOKEN, FakeClock

PROCESSES = 2
DAYS = 3
CHANNELS = ("C0ALPHA", "C0BETA", "C0GAMMA")
NINE = dt.datetime(2026, 3, 9, 9, 0, tzinfo=dt.UTC)
WAIT_SECONDS = 60


def _scheduler_process(url: str, api_url: str, barrier: Any, done: Any, name: str) -> None:
    try:
        _tick_days(url, api_url, barrier, done, name)
    except BaseException:
        done.put((name, traceback.format_exc()))  # the parent fails with this rather than a timeout
        raise


def _tick_days(url: str, api_url: str, barrier: Any, done: Any, name: str) -> None:
    kb = load_knowledge()
    clock = FakeClock(NINE)
    store = open_store(url, clock=clock)
    try:
        poster = DigestPoster(digest_client(TOKEN, api_url, timeout=10), sleep=clock.sleep, monotonic=clock.monotonic)
        scheduler = Scheduler(store, kb, poster, clock=clock, owner=name)
        posted = []
        for day in range(DAYS):
            barrier.wait(WAIT_SECONDS)  # both processes tick the same slot at the same moment
            posted += scheduler.tick(clock.set(NINE + dt.timedelta(days=day, seconds=1))).posted
        done.put((name, posted))
    finally:
        store.close()


def test_each_slot_is_posted_once_by_two_processes(database_url: str, api: FakeSlackApi) -> None:
    setup = open_store(database_url, clock=lambda: NINE - dt.timedelta(days=1))
    try:
        for channel in CHANNELS:
            setup.subscriptions.add(
                NewSubscription(
                    channel=channel, creator="U1", kind="daily", cron="0 9 * * *", timezone="UTC", spec="daily 09:00"
                )
            )
    finally:
        setup.close()

    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(PROCESSES)
    done = context.Queue()
    workers = [
        context.Process(target=_scheduler_process, args=(database_url, api.url, barrier, done, f"worker-{i}"))
        for i in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    results = dict(done.get(timeout=WAIT_SECONDS) for _ in workers)
    errors = [r for r in results.values() if isinstance(r, str)]
    assert not errors, errors[0]
    for worker in workers:
        worker.join(WAIT_SECONDS)
        assert worker.exitcode == 0
    done.close()
    done.join_thread()

    posts = Counter(call.params["channel"] for call in api.calls("chat.postMessage"))
    assert posts == dict.fromkeys(CHANNELS, DAYS)  # every slot once: none lost, none twice
    assert sum(len(p) for p in results.values()) == len(CHANNELS) * DAYS

    store = open_store(database_url)
    try:
        records = store.deliveries.all()
    finally:
        store.close()
    assert len(records) == len(CHANNELS) * DAYS
    assert all(r.status == "posted" and r.message_ts for r in records)
    assert {r.owner for r in records} <= set(results)
