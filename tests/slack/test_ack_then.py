"""``ack_then``: the ack leaves first, and the work runs on the answer pool with the request's own objects."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from typing import Any, cast

import pytest
from slack_bolt import App, BoltContext, BoltRequest
from slack_sdk import WebClient

from bot.slack.listeners.ack import ack_then
from bot.slack.middleware.services import ProvideServices
from bot.slack.services import Services
from tests.fakes import payloads as p
from tests.fakes.slack_api import FakeSlackApi

TOKEN = "xoxb-0000000001-0000000002-faketokenvalue"


def bolt_app(callback: Any, answers: ThreadPoolExecutor, contexts: list[BoltContext], api: FakeSlackApi) -> App:
    """A Bolt app configured like tradebot's for this: the request's thread runs the listener."""
    app = App(
        client=WebClient(token=TOKEN, base_url=api.url),
        signing_secret=p.SIGNING_SECRET,
        process_before_response=True,
    )
    app.use(ProvideServices(cast(Services, SimpleNamespace(answers=answers)), None))

    def remember_context(context: BoltContext, next: Any) -> None:  # noqa: A002 - Bolt's argument name
        contexts.append(context)
        next()

    app.use(remember_context)
    app.event("app_mention")(ack_then(callback))
    return app


def dispatch(app: App, request: p.SignedRequest) -> int:
    headers = {name.lower(): [value] for name, value in request.headers.items()}
    return app.dispatch(BoltRequest(body=request.body.decode(), headers=headers)).status


def test_the_ack_leaves_while_the_work_still_runs_on_the_pool_with_the_same_context(slack_api: FakeSlackApi) -> None:
    started, release = threading.Event(), threading.Event()
    seen: dict[str, Any] = {}

    def slow_callback(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
        seen.update(thread=threading.current_thread().name, context=context, text=event["text"], body=body)
        started.set()
        release.wait(10)

    contexts: list[BoltContext] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="answers") as answers:
        app = bolt_app(slow_callback, answers, contexts, slack_api)
        status = dispatch(app, p.event_callback(p.app_mention("how fast did exports to ASEAN grow?")))
        assert status == 200, "acknowledged at once"
        assert started.wait(10), "the work started after the ack"
        assert not release.is_set(), "the ack left while the work was still running"
        release.set()

    assert seen["thread"].startswith("answers"), "the work ran on the answer pool, not the request's thread"
    assert seen["text"].endswith("how fast did exports to ASEAN grow?"), "Bolt injected the callback's arguments"
    assert seen["body"]["type"] == "event_callback"
    assert seen["context"] is contexts[0], "the request's own context, not a copy (what a Bolt lazy listener gets)"


def test_work_that_cannot_find_its_services_without_a_context_is_refused_at_start_up() -> None:
    def no_context(body: dict[str, Any]) -> None:
        pass

    with pytest.raises(TypeError, match="no_context must take context"):
        ack_then(no_context)
