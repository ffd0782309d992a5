"""Buttons on public messages and on the Home tab, and the Home tab itself."""

from __future__ import annotations

from bot.kb.base import KnowledgeBase
from bot.render.mrkdwn import escape
from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.slack_api import FakeSlackApi


def test_more_on_under_a_public_answer_replies_in_its_thread(
    bot: RunningBot, slack_api: FakeSlackApi, knowledge: KnowledgeBase
) -> None:
    topic = knowledge.topic("asean")
    assert topic is not None
    container = p.message_container("1800000000.000009", thread_ts="1700000000.000100")
    press = p.block_actions("more_on:asean", "asean", response_url=slack_api.response_url("m"), container=container)
    assert p.send(bot.events_url, press).status == 200
    (post,) = slack_api.wait_for("chat.postMessage")
    assert post.params["channel"] == p.CHANNEL_ID and post.params["thread_ts"] == "1700000000.000100"
    assert post.blocks[0] == {"type": "header", "text": {"type": "plain_text", "text": topic.name, "emoji": True}}
    headline = knowledge.headline("asean")
    assert headline is not None and escape(headline.indicator.stated) in post.text


def test_the_home_tab_shows_key_figures_and_how_to_ask(
    bot: RunningBot, slack_api: FakeSlackApi, knowledge: KnowledgeBase
) -> None:
    assert p.send(bot.events_url, p.event_callback(p.app_home_opened())).status == 200
    (publish,) = slack_api.wait_for("views.publish")
    assert publish.params["user_id"] == p.USER_ID
    assert '"type": "home"' in str(publish.params["view"]).replace("'", '"')
    for entry in knowledge.key_entries():
        assert escape(entry.indicator.stated) in publish.text
    assert "/trade" in publish.text and "Mention me" in publish.text


def test_a_button_on_the_home_tab_answers_by_direct_message(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    press = p.block_actions("more_on:exports", "exports", response_url=None, container=p.home_container())
    assert p.send(bot.events_url, press).status == 200
    (post,) = slack_api.wait_for("chat.postMessage")
    assert post.params["channel"] == p.USER_ID
