"""Workers SIGKILLed under load: a stream of signed mentions to ``tradebot run --http --workers 2`` while workers are
killed one after another, then a count of the replies each mention got (``tests/security/test_kills.py`` asserts on
it; ``bench/takeover_bench.py`` reports it, with the take-over look-up on and off).

The fake Slack API holds every chat.postMessage answer for ``POST_DELAY`` seconds after keeping the message, as a
slow Slack would: a worker killed then has posted replies it has not yet marked done, which is the window a
take-over has to see. A delivery that fails (the worker died with the connection) is resent as Slack resends, with
``X-Slack-Retry-Num``, up to three times.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bot.store import open_store
from tests.fakes import payloads as p
from tests.fakes.bot_process import BotProcess, bot_env, child_pids, free_port, wait_for_workers
from tests.fakes.slack_api import FakeSlackApi

WORKERS = 2
POST_DELAY = 0.3  # seconds Slack takes to answer a post, after it has the message
RETRIES = 3  # Slack's redeliveries of an event that got no 2xx


@dataclass
class KillRun:
    """What one run did and saw."""

    kills: int = 0
    sent: int = 0  # mentions (each one question)
    deliveries: int = 0  # requests, resends included
    replies: Counter[str] = field(default_factory=Counter)  # thread ts -> replies posted there
    lookups: int = 0  # conversations.replies/history calls (one per take-over with the look-up on)
    takeover_seconds: float = 0.0  # from the last kill to the last reply
    unfinished: int = 0  # leases still open at the end

    @property
    def lost(self) -> int:
        return sum(1 for count in self.replies.values() if count == 0)

    @property
    def duplicated(self) -> int:
        return sum(count - 1 for count in self.replies.values() if count > 1)

    def summary(self) -> str:
        return (
            f"{self.kills} kills, {self.sent} mentions ({self.deliveries} deliveries): "
            f"{sum(self.replies.values())} replies, {self.lost} lost, {self.duplicated} duplicated, "
            f"{self.lookups} look-ups, last reply {self.takeover_seconds:.1f} s after the last kill, "
            f"{self.unfinished} leases open"
        )


@dataclass(frozen=True)
class Bot:
    api: FakeSlackApi
    master: BotProcess
    events_url: str
    database_url: str


@contextmanager
def two_workers(database_url: str, workdir: Path, *, lookup: bool = True, **settings: str) -> Iterator[Bot]:
    """``tradebot run --http --workers 2`` on ``database_url`` with short leases (or ``settings``), against a slow
    fake Slack API."""
    with FakeSlackApi() as api:
        api.post_delay = POST_DELAY
        env = bot_env(
            api.url,
            DATABASE_URL=database_url,
            EVENT_LEASE_SECONDS="3",
            LEASE_SWEEP_SECONDS="0.5",
            WORKING_REACTION_AFTER_SECONDS="30",  # no reactions: the posts are what is counted
            TAKEOVER_LOOKUP="true" if lookup else "false",
        )
        env.update(settings)
        port = free_port()
        args = ["--http", "--host", "127.0.0.1", "--port", str(port), "--workers", str(WORKERS)]
        with BotProcess(args, env, workdir) as master:
            base_url = f"http://127.0.0.1:{port}"
            master.wait_http_ready(base_url)
            wait_for_workers(master.pid, WORKERS)
            yield Bot(api=api, master=master, events_url=base_url + "/slack/events", database_url=database_url)


def deliver(url: str, mention: dict, event_id: str, run: KillRun, lock: threading.Lock) -> None:
    """One event, resent as Slack resends it while the bot gives no 2xx (a worker died with the connection)."""
    for attempt in range(1 + RETRIES):
        request = p.event_callback(mention, event_id=event_id)
        if attempt:
            request.headers.update({"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_timeout"})
        with lock:
            run.deliveries += 1
        try:
            if p.send(url, request, timeout=5).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)


def owners_pids(database_url: str) -> list[int]:
    """Processes holding open leases now."""
    store = open_store(database_url)
    try:
        owners = {store.events.owner(key) for key in store.events.unfinished()[:50]}
    finally:
        store.close()
    return sorted({int(o.rsplit(":", 1)[1]) for o in owners if o})


def run_kills(bot: Bot, *, kills: int = 5, rate: float = 25.0, max_mentions: int = 600, drain: float = 40) -> KillRun:
    """Send mentions at ``rate`` a second while killing a worker ``kills`` times, then wait for the replies."""
    run, lock, stop = KillRun(), threading.Lock(), threading.Event()
    threads: list[threading.Thread] = []

    def stream() -> None:
        while not stop.is_set() and run.sent < max_mentions:
            mention = p.app_mention("asean")
            with lock:
                run.replies[mention["ts"]] += 0
                run.sent += 1
            event_id = "Ev" + uuid.uuid4().hex[:12].upper()
            sender = threading.Thread(target=deliver, args=(bot.events_url, mention, event_id, run, lock))
            sender.start()
            threads.append(sender)
            time.sleep(1 / rate)

    streamer = threading.Thread(target=stream)
    streamer.start()
    last_kill = time.monotonic()
    try:
        for _ in range(kills):
            time.sleep(1.0)  # load builds up on the fresh worker
            workers = child_pids(bot.master.pid)
            busy = [pid for pid in owners_pids(bot.database_url) if pid in workers]
            victim = (busy or workers)[0]
            os.kill(victim, signal.SIGKILL)
            run.kills += 1
            last_kill = time.monotonic()
            wait_for_workers(bot.master.pid, WORKERS, exclude={victim})
        time.sleep(1.0)  # the stream goes on past the last kill
    finally:
        stop.set()
        streamer.join()
        for sender in threads:
            sender.join(timeout=30)

    def count() -> None:
        posts = bot.api.calls("chat.postMessage")
        run.replies = Counter({ts: 0 for ts in run.replies})
        for post in posts:
            thread = post.params.get("thread_ts")
            if thread in run.replies:
                run.replies[thread] += 1

    deadline = time.monotonic() + drain
    count()
    while run.lost and time.monotonic() < deadline:
        time.sleep(0.25)
        count()
    # Longer than a lease and a sweep: a take-over that would post a second reply does so within it.
    time.sleep(5.0)
    count()
    # The fake runs in this process, so its calls' times are on this clock.
    last_post = max((c.at for c in bot.api.calls("chat.postMessage")), default=last_kill)
    run.takeover_seconds = max(0.0, last_post - last_kill)
    run.lookups = len(bot.api.calls("conversations.replies")) + len(bot.api.calls("conversations.history"))
    store = open_store(bot.database_url)
    try:
        run.unfinished = len(store.events.unfinished())
    finally:
        store.close()
    return run
