"""``after_ack``: the ack leaves first, the work runs on the answer pool with the request's own objects, and a
failure there is reported: logged and apologised for."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from logging import Logger
from types import SimpleNamespace
from typing import Any, cast

import pytest
from slack_bolt import App, BoltContext, BoltRequest
from slack_sdk import WebClient

from bot.slack.listeners.after_ack import after_ack
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

    def remember_context(context: BoltContext, next: Any) -> None:  # Bolt's argument name
        contexts.append(context)
        next()

    app.use(remember_context)
    app.event("app_mention")(after_ack(callback))
    return app


def dispatch(app: App, request: p.SignedRequest) -> int:
    headers = {name.lower(): [value] for name, value in request.headers.items()}
    return app.dispatch(BoltRequest(body=request.body.decode(), headers=headers)).status


def test_the_ack_leaves_while_the_work_still_runs_on_the_pool_with_the_same_context(slack_api: FakeSlackApi) -> None:
    started, release = threading.Event(), threading.Event()
    seen: dict[str, Any] = {}

    def slow_callback(body: dict[str, Any], event: dict[str, Any], context: BoltContext, logger: Logger) -> None:
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


def test_a_failure_after_the_ack_is_logged_and_apologised_for_in_the_thread(
    slack_api: FakeSlackApi, caplog: pytest.LogCaptureFixture
) -> None:
    def failing_callback(body: dict[str, Any], context: BoltContext, logger: Logger) -> None:
        raise RuntimeError("the engine broke")

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="answers") as answers:
        app = bolt_app(failing_callback, answers, [], slack_api)
        mention = p.app_mention("how fast did exports to ASEAN grow?")
        assert dispatch(app, p.event_callback(mention)) == 200, "acknowledged before the work failed"
        (posted,) = slack_api.wait_for("chat.postMessage")
    assert posted.params["thread_ts"] == mention["ts"], "the apology went to the mention's thread"
    assert "Sorry" in posted.text
    assert any("failing_callback failed: RuntimeError" in r.getMessage() for r in caplog.records)


def test_work_that_cannot_be_reported_without_its_context_is_refused_at_start_up() -> None:
    def no_context(body: dict[str, Any]) -> None:
        pass

    with pytest.raises(TypeError, match="no_context must take context, logger"):
        after_ack(no_context)
