"""The HTTP server's own behaviour with gunicorn's arbiter and uvicorn workers: ``--workers N`` forks N workers on
one port, and SIGTERM to the master (as ``docker stop`` sends it to PID 1) stops them gracefully while slow clients
hold connections: the answer in flight is still posted, and the process exits 0 within gunicorn's grace period.
And a dispatch that blocks holds a thread of the dispatch pool, never the event loop."""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.server.asgi import DISPATCH_THREADS
from tests.fakes import payloads as p
from tests.fakes.asgi_server import serve_in_thread
from tests.fakes.bot_process import BOT_TOKEN, BotProcess, bot_env, free_port, wait_for_workers
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
                assert bot.wait_exit(timeout=GRACE_SECONDS + 5) == 0, bot.log()[-3000:]
            posts = api.calls("chat.postMessage")
    assert [c.params.get("thread_ts") for c in posts] == [mention["ts"]], bot.log()[-3000:]
    log = bot.log()
    # Each worker left through sys.exit (gunicorn logs it), none by a signal's default action or the grace period's
    # SIGKILL.
    assert log.count("Worker exiting") == 2 and "was sent" not in log, log[-3000:]
    assert "Traceback" not in log


def test_dispatches_blocked_in_every_thread_do_not_freeze_the_event_loop(slack_api: FakeSlackApi) -> None:
    """Bolt's dispatch runs in a thread pool, never on the loop: with every dispatch thread held by a listener that
    blocks, ``/healthz`` still answers, and the held requests are answered once they are let go."""
    release = threading.Event()
    client = WebClient(token=BOT_TOKEN, base_url=slack_api.url)  # Bolt's auth.test goes to the fake, not Slack
    app = App(
        signing_secret=p.SIGNING_SECRET, client=client, token_verification_enabled=False, process_before_response=True
    )  # as tradebot: the listener runs in the dispatch thread

    @app.event("app_mention")
    def blocking(ack: Ack) -> None:
        release.wait(timeout=30)
        ack()

    held = DISPATCH_THREADS + 2  # more than the pool: the rest wait in its queue, still not on the loop
    with serve_in_thread(app, {"ok": lambda: {"ok": True}}) as url:
        base = url.removesuffix("/slack/events")
        with ThreadPoolExecutor(held) as senders:
            answers = [senders.submit(p.send, url, p.event_callback(p.app_mention("x")), 30) for _ in range(held)]
            time.sleep(0.5)
            assert not [a.result() for a in answers if a.done()]
            assert p.get(base + "/healthz", timeout=3).status == 200  # a bounded wait: a frozen loop fails here
            release.set()
            assert [a.result(timeout=30).status for a in answers] == [200] * held
