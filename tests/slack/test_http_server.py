"""The HTTP server's own behaviour with gunicorn's arbiter and uvicorn workers: ``--workers N`` forks N workers on
one port, and SIGTERM to the master (as ``docker stop`` sends it to PID 1) stops them gracefully while slow clients
hold connections: the answer in flight is still posted, and the process exits 0 within gunicorn's grace period."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from tests.fakes import payloads as p
from tests.fakes.bot_process import BotProcess, bot_env, free_port, wait_for_workers
from tests.fakes.slack_api import FakeSlackApi, Reply
from tests.fakes.slowloris import Slowloris

GRACE_SECONDS = 10  # gunicorn's graceful_timeout (bot.server.gunicorn)


def test_sigterm_finishes_the_answer_in_flight_and_exits_0_with_slow_clients_connected(tmp_path: Path) -> None:
    with FakeSlackApi() as api:
        port = free_port()
        # React at once and hold that call for 2 s: the answer is still in flight when SIGTERM comes.
        env = bot_env(api.url, WORKING_REACTION_AFTER_SECONDS="0")
        args = ["--http", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"]
        with BotProcess(args, env, tmp_path) as bot:
            base = f"http://127.0.0.1:{port}"
            bot.wait_http_ready(base)
            wait_for_workers(bot.pid, 2)
            # Each worker serving: a SIGTERM that reaches a worker before it has set its handlers is swallowed by
            # the arbiter's, which it inherited (gunicorn's own race, and its graceful timeout ends such a worker).
            deadline = time.monotonic() + 30
            while bot.log().count("Started server process") < 2:
                assert time.monotonic() < deadline, bot.log()[-3000:]
                time.sleep(0.1)
            api.script("reactions.add", Reply(delay=2.0))
            with Slowloris(port, slow=20, silent=4, line_every=1.0, max_seconds=30):
                mention = p.app_mention("asean")
                assert p.send(base + "/slack/events", p.event_callback(mention)).status == 200
                api.wait_for("reactions.add", timeout=5)
                os.kill(bot.pid, signal.SIGTERM)
                started = time.monotonic()
                assert bot.wait_exit(timeout=GRACE_SECONDS + 5) == 0, bot.log()[-3000:]
                stopped_in = time.monotonic() - started
            posts = api.calls("chat.postMessage")
    assert [c.params.get("thread_ts") for c in posts] == [mention["ts"]], bot.log()[-3000:]
    assert stopped_in < GRACE_SECONDS
    assert "Traceback" not in bot.log()
