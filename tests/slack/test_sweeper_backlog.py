"""A backlog of expired leases (a process killed under load holds hundreds) is taken over in one sweep, not 50 a
sweep: 1,200 left by a dead process are all redone by the next sweep of a live one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bot.slack.sweeper import LeaseSweeper
from bot.store import open_store
from bot.store.leases import EventLeases
from bot.store.models import PendingWork
from tests.databases import sqlite_url
from tests.fakes import payloads as p

BACKLOG = 1200


class RecordingApp:
    """Stands in for the Bolt app: records what the sweeper dispatches (the app itself is tested elsewhere)."""

    def __init__(self) -> None:
        self.dispatched: list[Any] = []

    def dispatch(self, request: Any) -> None:
        self.dispatched.append(request)


def test_a_backlog_of_expired_leases_is_taken_over_in_one_sweep(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    # The dead process claimed them a minute ago with a 20 s lease, and never renewed.
    past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    dead_store = open_store(url, clock=lambda: past)
    live_store = open_store(url)
    try:
        dead = EventLeases(dead_store.events, dt.timedelta(seconds=20), owner="host:dead")
        body = p.event_callback(p.app_mention("asean")).body.decode()
        for n in range(BACKLOG):
            assert dead.claim(f"Ev{n:05d}", PendingWork(body=body, content_type="application/json"))
        app = RecordingApp()
        sweeper = LeaseSweeper(app, live_store.leases, p.SIGNING_SECRET)  # type: ignore[arg-type]
        redone = sweeper.sweep()
        assert len(redone) == BACKLOG and len(app.dispatched) == BACKLOG
        assert live_store.events.unfinished() and set(live_store.leases.held) == set(redone)
        assert sweeper.sweep() == []  # held now, renewed, not taken again
    finally:
        dead_store.close()
        live_store.close()
