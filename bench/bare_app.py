"""The baseline for ``load_bench.py``: a bare Bolt app on the same server as tradebot (gunicorn with uvicorn workers,
the request gate, the app built in each worker) that only acknowledges and posts a fixed reply.

Mentions get ``chat.postMessage`` in their thread; ``/trade`` and buttons get a post to their response URL. Slack's
redeliveries (``X-Slack-Retry-Num``) are acknowledged and not answered, so the bare app, like tradebot, posts one
reply per question (without a database: it trusts the header, which is enough for the benchmark's own retries).

By default the reply is posted by a Bolt lazy listener, Bolt's own way to ack first and work after. With
``--queue`` each listener acks and queues the reply on its pool itself, as tradebot's listeners do
(``bot.slack.listeners.ack``), which skips Bolt's copy of the request for the lazy listener.

    SLACK_BOT_TOKEN=xoxb-… SLACK_SIGNING_SECRET=… SLACK_API_URL=http://127.0.0.1:PORT/api/ \\
        python bench/bare_app.py --port 3001 --workers 2 [--queue]
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from slack_bolt import Ack, App, BoltRequest, Respond
from slack_sdk import WebClient

from bot.server.asgi import SlackAsgi
from bot.server.gunicorn import serve

REPLY = "A fixed reply."


def build_app(queue: bool = False) -> App:
    """The bare Bolt app, configured like tradebot's (a 32-thread pool, process_before_response on); the reply is
    posted by a lazy listener, or with ``queue`` queued on the pool by the listener after its ack."""
    client = WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"], timeout=10)
    pool = ThreadPoolExecutor(max_workers=32)
    app = App(
        client=client,
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        process_before_response=True,
        listener_executor=pool,
    )

    def ack_only(ack: Ack) -> None:
        ack()

    def mention(event: dict[str, Any], request: BoltRequest, client: WebClient) -> None:
        if not request.headers.get("x-slack-retry-num"):
            client.chat_postMessage(channel=event["channel"], thread_ts=event["ts"], text=REPLY)

    def respond_fixed(respond: Respond) -> None:
        respond(text=REPLY, response_type="ephemeral", replace_original=False)

    if queue:

        def mention_queued(ack: Ack, event: dict[str, Any], request: BoltRequest, client: WebClient) -> None:
            ack()
            pool.submit(mention, event, request, client)

        def respond_queued(ack: Ack, respond: Respond) -> None:
            ack()
            pool.submit(respond_fixed, respond)

        app.event("app_mention")(mention_queued)
        app.command("/trade")(respond_queued)
        app.action(re.compile(".*"))(respond_queued)
    else:
        app.event("app_mention")(ack=ack_only, lazy=[mention])
        app.command("/trade")(ack=ack_only, lazy=[respond_fixed])
        app.action(re.compile(".*"))(ack=ack_only, lazy=[respond_fixed])
    return app


def factory(queue: bool = False) -> Callable[[], SlackAsgi]:
    secret = os.environ["SLACK_SIGNING_SECRET"]
    return lambda: SlackAsgi(build_app(queue), {"app": lambda: {"ok": True}}, signing_secret=secret)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--queue", action="store_true", help="ack, then queue the reply (no lazy listener)")
    args = parser.parse_args()
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "WARNING"))
    serve(
        factory(args.queue),
        host="127.0.0.1",
        port=args.port,
        workers=args.workers,
        log_level=os.environ.get("LOG_LEVEL", "WARNING"),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
