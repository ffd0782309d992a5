"""Property 4, within Slack's limits: no payload exceeds them (text 40,000 characters, 50 blocks, section text
3,000, header 150, button text 75), long answers are cut with a visible marker, and a message over 4,000
characters gets a polite reply instead of a search."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.answer.engine import Engine
from bot.answer.models import Reply
from bot.config import load_settings
from bot.kb.base import KnowledgeBase
from bot.render.limits import CUT
from bot.server.health import knowledge_check
from bot.slack.app import create_app
from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.asgi_server import serve_in_thread
from tests.fakes.slack_api import RESPONSE_URL_METHOD, Call, FakeSlackApi
from tests.security.conftest import Tally

MESSAGE_TEXT, MESSAGE_BLOCKS, SECTION, HEADER, BUTTON = 40_000, 50, 3_000, 150, 75


def assert_within_limits(call: Call) -> None:
    """Every limit the bot must keep, on one posted message."""
    assert len(str(call.params.get("text") or "")) <= MESSAGE_TEXT
    blocks = call.blocks
    assert len(blocks) <= MESSAGE_BLOCKS
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SECTION
        elif block["type"] == "header":
            assert len(block["text"]["text"]) <= HEADER
        elif block["type"] == "context":
            assert len(block["elements"]) <= 10 and all(len(e["text"]) <= SECTION for e in block["elements"])
        elif block["type"] == "actions":
            assert all(len(e["text"]["text"]) <= BUTTON and len(e["value"]) <= 2000 for e in block["elements"])


def test_every_topic_and_listing_fits_slacks_limits(
    bot: RunningBot, slack_api: FakeSlackApi, knowledge: KnowledgeBase, tally: Tally
) -> None:
    asks = ["key", "topics", "help", *(topic.id for topic in knowledge.topics)]
    for n, ask in enumerate(asks):
        url = slack_api.response_url(f"limits-{n}")
        assert p.send(bot.events_url, p.slash_command(ask, response_url=url)).status == 200
    replies = slack_api.wait_for(RESPONSE_URL_METHOD, count=len(asks), timeout=20)
    for reply in replies:
        assert_within_limits(reply)
    tally.record("every topic, key, topics, help: payload limits", sent=len(asks), rejected=0, replies=len(replies))


class OversizedEngine(Engine):
    """The real engine, except that every question gets an answer far beyond Slack's limits: the shipped
    knowledge has no such answer, and this is the one way to send one through the running app."""

    def ask(self, text: str) -> Reply:
        real = super().ask("asean")
        huge = real.answers[0].model_copy(
            update={"quote": "q" * 12_000, "label": "L" * 900, "value": "9" * 400, "speaker": "S" * 300}
        )
        return real.model_copy(update={"answers": [huge] * 120, "topic": "asean", "topic_name": "T" * 400})


@pytest.fixture
def oversized_app(slack_api: FakeSlackApi, knowledge: KnowledgeBase) -> Iterator[str]:
    """The Slack app on the real ASGI stack at 127.0.0.1, answering everything with an oversized reply."""
    settings = load_settings(
        slack_bot_token="xoxb-0000000001-0000000002-oversized", slack_signing_secret=p.SIGNING_SECRET,
        slack_api_url=slack_api.url, slack_timeout_seconds=5,
    )  # fmt: skip
    app = create_app(settings, knowledge, OversizedEngine(knowledge), listener_threads=4)
    with serve_in_thread(app, {"knowledge": knowledge_check(knowledge)}) as url:
        yield url


def test_an_oversized_answer_is_cut_with_a_visible_marker(
    oversized_app: str, slack_api: FakeSlackApi, tally: Tally
) -> None:
    mention = p.app_mention("asean")
    assert p.send(oversized_app, p.event_callback(mention)).status == 200
    url = slack_api.response_url("oversized")
    assert p.send(oversized_app, p.slash_command("asean", response_url=url)).status == 200
    posted = [*slack_api.wait_for("chat.postMessage"), *slack_api.wait_for(RESPONSE_URL_METHOD)]
    for call in posted:
        assert_within_limits(call)
        texts: list[Any] = [b.get("text", {}).get("text", "") for b in call.blocks if b["type"] == "section"]
        assert any(t.endswith(CUT) for t in texts), "a cut quote shows the marker"
        assert CUT in call.blocks[-2]["elements"][0]["text"] or CUT in str(call.blocks), "dropped answers are noted"
        assert "Not everything fits" in str(call.blocks)
    tally.record("answer of 120 figures with 12,000-character quotes", sent=2, rejected=0, replies=len(posted))


LONG = "how fast did exports grow? " * 160  # 4,320 characters


def test_a_message_over_4000_characters_gets_a_polite_reply_not_a_search(
    bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    mention, dm = p.app_mention(LONG), p.direct_message(LONG)
    for event in (mention, dm):
        assert p.send(bot.events_url, p.event_callback(event)).status == 200
    url = slack_api.response_url("long")
    ack = p.send(bot.events_url, p.slash_command(LONG, response_url=url))
    assert ack.status == 200 and "characters long" in ack.json()["text"]
    assert ack.json()["response_type"] == "ephemeral"
    posts = slack_api.wait_for("chat.postMessage", count=2)
    by_channel = {c.params["channel"]: c for c in posts}
    assert by_channel[p.CHANNEL_ID].params["thread_ts"] == mention["ts"]
    for post in posts:
        assert "characters long" in post.text and "4,000" in post.text
        assert len(post.blocks) == 1  # the notice alone: no figure, no decline with suggestions
    slack_api.assert_quiet(RESPONSE_URL_METHOD, period=0.3)
    assert bot.process.log().count("characters without searching") >= 2
    tally.record("message of 4,320 characters (mention, DM, /trade)", sent=3, rejected=0, replies=3)
