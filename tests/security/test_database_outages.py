"""Findings 6 and 7 of issue 18, through the running bot: a database that fails in any way while the bot runs is an
outage. Events get 503 (Slack retries them), ``/trade`` questions are still answered, what needs the store says it
is unavailable, the sweeper logs once and goes on, ``/healthz`` fails, and nothing logs a traceback per request.

Each test starts a bot on a database of its own and breaks it: an SQLite file overwritten with junk, deleted,
replaced or made read-only; a PostgreSQL schema emptied of its tables; a PostgreSQL database made read-only.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.schedule.desk import UNAVAILABLE
from tests.databases import postgres_server_url, private_schema
from tests.fakes import payloads as p
from tests.fakes.bot_process import BotProcess, bot_env, free_port, wait_for_workers
from tests.fakes.slack_api import RESPONSE_URL_METHOD, FakeSlackApi
from tests.security.conftest import ELSEWHERE, Tally, healthz

SWEEP_SECONDS = 0.2
CONCURRENT = 12  # more than the SQLite pool's 5 connections
HEALTH_DEADLINE = 20.0  # the write probe runs at most every 5 s: a few of them, and the pool's reconnect, fit


@dataclass(frozen=True)
class Bot:
    """A bot of the test's own: where it serves, its process, and the fake Slack API it posts to."""

    base_url: str
    process: BotProcess
    api: FakeSlackApi

    @property
    def events_url(self) -> str:
        return self.base_url + "/slack/events"

    def mention(self) -> int:
        return p.send(self.events_url, p.event_callback(p.app_mention("asean"))).status

    def command(self, text: str) -> str:
        """``/trade text``: what was posted to its response URL (it is acknowledged with 200 first)."""
        url = self.api.response_url(uuid.uuid4().hex)
        assert p.send(self.events_url, p.slash_command(text, response_url=url)).status == 200
        found = self.api.wait_for(RESPONSE_URL_METHOD, where=lambda c: c.path.endswith(url.rsplit("/", 1)[1]))
        return found[0].text

    def health(self) -> int:
        return p.get(self.base_url + "/healthz").status

    def wait_health(self, status: int) -> None:
        """Poll ``/healthz`` until it answers ``status`` (the write probe's result is cached for a few seconds)."""
        deadline = time.monotonic() + HEALTH_DEADLINE
        while self.health() != status:
            assert time.monotonic() < deadline, f"/healthz never answered {status}:\n{self.process.log()[-3000:]}"
            time.sleep(0.2)


@contextmanager
def running_bot(database_url: str, workdir: Path) -> Iterator[Bot]:
    """``tradebot run --http`` on ``database_url``, answered once before the test breaks anything."""
    with FakeSlackApi() as api:
        env = bot_env(api.url, DATABASE_URL=database_url, LEASE_SWEEP_SECONDS=str(SWEEP_SECONDS))
        port = free_port()
        with BotProcess(["--http", "--host", "127.0.0.1", "--port", str(port)], env, workdir) as process:
            bot = Bot(f"http://127.0.0.1:{port}", process, api)
            process.wait_http_ready(bot.base_url)
            assert bot.mention() == 200
            api.wait_for("chat.postMessage")
            yield bot


def assert_an_outage(bot: Bot, tally: Tally, fault: str) -> None:
    """What every database fault must look like from Slack's side and in the log."""
    bot.wait_health(503)
    posted = len(bot.api.calls("chat.postMessage"))
    statuses = [bot.mention() for _ in range(5)]
    assert statuses == [503] * 5, "Slack must see the outage and retry the event later"
    assert "26.99 trillion yuan" in bot.command("how fast did exports grow"), "a question needs no database"
    assert UNAVAILABLE in bot.command("subscriptions")
    assert UNAVAILABLE in bot.command("subscribe daily 09:00"), "nothing is written where it would be lost"
    time.sleep(SWEEP_SECONDS * 5)  # several sweeps fail meanwhile
    assert len(bot.api.calls("chat.postMessage")) == posted, "no answer, and no apology, for a refused event"
    log = bot.process.log()
    assert "Traceback" not in log, log[-3000:]
    assert log.count("lease sweep skipped") == 1, "the sweeper says it once per outage"
    assert "Sorry" not in " ".join(c.text for c in bot.api.calls(RESPONSE_URL_METHOD))
    assert bot.process.process is not None and bot.process.process.poll() is None, "the faults ended no process"
    tally.record(f"database fault: {fault}", sent=8, rejected=5, replies=3)


def sqlite_file(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "db" / "tradebot.sqlite3"
    return f"sqlite:///{path}", path


def test_a_corrupt_sqlite_file_is_an_outage(tmp_path: Path, tally: Tally) -> None:
    url, path = sqlite_file(tmp_path)
    with running_bot(url, tmp_path / "bot") as bot:
        with path.open("r+b") as handle:
            handle.write(os.urandom(path.stat().st_size))
        assert_an_outage(bot, tally, "SQLite file overwritten with junk")
        assert "is no longer an SQLite database" in bot.process.log()
        assert "is no longer an SQLite database" in healthz(bot.base_url)[1]["checks"]["database"]["error"]
        failing = {"status": "failing", "checks": {"knowledge": {"ok": True}, "database": {"ok": False}}}
        assert healthz(bot.base_url, ELSEWHERE) == (503, failing), "why it fails is for a local asker only"


def test_a_deleted_sqlite_file_is_an_outage_until_it_is_back(tmp_path: Path, tally: Tally) -> None:
    url, path = sqlite_file(tmp_path)
    aside = path.with_name("moved-away.sqlite3")
    with running_bot(url, tmp_path / "bot") as bot:
        path.rename(aside)  # as a delete, for the bot: no file at the path
        assert_an_outage(bot, tally, "SQLite file deleted")
        assert bot.process.log().count("refusing to use it until then") == 1, "said once in the log"
        aside.rename(path)
        bot.wait_health(200)
        assert bot.mention() == 200
        bot.api.wait_for("chat.postMessage", count=2)
        assert "back as it was opened" in bot.process.log()


def test_a_subscription_is_never_made_in_a_deleted_file(tmp_path: Path) -> None:
    url, path = sqlite_file(tmp_path)
    with running_bot(url, tmp_path / "bot") as bot:
        path.unlink()
        assert UNAVAILABLE in bot.command("subscribe daily 09:00")
    with running_bot(url, tmp_path / "bot") as bot:  # a new, empty file: nothing was promised and lost
        assert "no subscriptions" in bot.command("subscriptions")


def test_a_replaced_sqlite_file_is_detected(tmp_path: Path, tally: Tally) -> None:
    url, path = sqlite_file(tmp_path)
    with running_bot(url, tmp_path / "bot") as bot:
        copy = path.with_name("copy.sqlite3")
        shutil.copyfile(path, copy)
        os.replace(copy, path)  # a restore from a backup, under the running bot
        assert_an_outage(bot, tally, "SQLite file replaced")
        assert "was replaced by another file" in bot.process.log()


def test_a_full_disk_fails_the_health_check_with_the_mentions(tmp_path: Path, tally: Tally) -> None:
    url, path = sqlite_file(tmp_path)
    with running_bot(url, tmp_path / "bot") as bot:
        assert bot.health() == 200  # a fresh "ok" in the probe's cache
        # A full disk, for the worker alone: no file of its may grow past its size now (the log is far smaller).
        wal = path.with_name(path.name + "-wal")
        limit = max(path.stat().st_size, wal.stat().st_size)
        worker = wait_for_workers(bot.process.pid, 1)[0]
        resource.prlimit(worker, resource.RLIMIT_FSIZE, (limit, limit))
        statuses = [bot.mention() for _ in range(40)]
        # The first ones may still fit in the space the write-ahead log has already (0 to 8 of 40 in our runs).
        assert 503 in statuses and set(statuses) <= {200, 503}, statuses
        assert bot.health() == 503, "/healthz says so as soon as the mentions do, not after its cache expires"
        accepted = statuses.count(200)
        bot.api.wait_for("chat.postMessage", count=1 + accepted)  # each event acknowledged was answered
        assert "Traceback" not in bot.process.log()
        rejected = statuses.count(503)
        tally.record("database fault: disk full (SQLite files may not grow)", sent=40, rejected=rejected,
                     replies=40 - rejected)  # fmt: skip


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` read-only for the bot: its mode for another user; for root, who writes whatever the mode, the
    immutable attribute (skipped where the file system or the capabilities do not allow it)."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("running as root, and the file cannot be made immutable here")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_a_read_only_sqlite_file_is_unhealthy_until_it_is_writable(tmp_path: Path, tally: Tally) -> None:
    url, path = sqlite_file(tmp_path)
    with running_bot(url, tmp_path / "bot") as bot:
        with read_only(path):
            bot.wait_health(503)
            assert "is not writable" in healthz(bot.base_url)[1]["checks"]["database"]["error"]
            # Mentions at once, so the pool opens connections while the file cannot be written (they open it
            # read-only); what they get is a matter of which connection each takes.
            with ThreadPoolExecutor(CONCURRENT) as pool:
                list(pool.map(lambda _: bot.mention(), range(CONCURRENT)))
        bot.wait_health(200)
        posted = len(bot.api.calls("chat.postMessage"))
        with ThreadPoolExecutor(CONCURRENT) as pool:
            statuses = list(pool.map(lambda _: bot.mention(), range(CONCURRENT)))
        assert statuses == [200] * CONCURRENT, "no connection opened meanwhile stays read-only"
        bot.api.wait_for("chat.postMessage", count=posted + CONCURRENT)
    tally.record("database fault: SQLite file made read-only, then writable", sent=2 * CONCURRENT + 1,
                 rejected=1, replies=CONCURRENT)  # fmt: skip


def execute(server_url: str, *statements: str, autocommit: bool = False) -> None:
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT" if autocommit else None)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def test_a_postgresql_schema_emptied_of_its_tables_is_an_outage(tmp_path: Path, tally: Tally) -> None:
    with private_schema(postgres_server_url()) as url, running_bot(url, tmp_path / "bot") as bot:
        schema = url.rsplit("search_path%3D", 1)[1]
        # The database dropped and recreated empty, as far as this bot can tell: its schema has no tables.
        execute(postgres_server_url(), f'DROP SCHEMA "{schema}" CASCADE', f'CREATE SCHEMA "{schema}"')
        assert_an_outage(bot, tally, "PostgreSQL tables dropped (UndefinedTable)")
        assert 'relation "seen_events" does not exist' in bot.process.log()


@contextmanager
def private_database(server: str) -> Iterator[str]:
    """A database of the test's own on ``server`` (its settings can be changed without touching the shared one)."""
    name = f"tradebot_test_{uuid.uuid4().hex[:12]}"
    execute(server, f'CREATE DATABASE "{name}"', autocommit=True)
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        execute(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', autocommit=True)


def test_a_postgresql_database_dropped_and_recreated_empty_is_an_outage(tmp_path: Path, tally: Tally) -> None:
    server = postgres_server_url()
    with private_database(server) as url, running_bot(url, tmp_path / "bot") as bot:
        name = make_url(url).database
        execute(server, f'DROP DATABASE "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"', autocommit=True)
        assert_an_outage(bot, tally, "PostgreSQL database dropped and recreated empty")
        assert 'relation "seen_events" does not exist' in bot.process.log()


def test_a_read_only_postgresql_database_is_unhealthy_and_an_outage(tmp_path: Path, tally: Tally) -> None:
    server = postgres_server_url()
    with private_database(server) as url, running_bot(url, tmp_path / "bot") as bot:
        name = make_url(url).database
        execute(server, f'ALTER DATABASE "{name}" SET default_transaction_read_only = on', autocommit=True)
        # The setting applies to new sessions: end the bot's, as a failover to a read-only replica would.
        execute(server, f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
        bot.wait_health(503)
        statuses = [bot.mention() for _ in range(5)]
        assert statuses == [503] * 5
        assert "26.99 trillion yuan" in bot.command("how fast did exports grow")
        assert "Traceback" not in bot.process.log()
        tally.record("database fault: PostgreSQL database read-only", sent=6, rejected=5, replies=1)
