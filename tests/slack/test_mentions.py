"""Mentions and direct messages, through the real ``tradebot run --http`` and the fake Slack API."""

from __future__ import annotations

import time

from bot.answer.engine import Engine
from bot.render.mrkdwn import escape
from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.slack_api import BOT_ID, BOT_USER_ID, FakeSlackApi, Reply

QUESTION = "how much was trade with Latin America in 2025?"


def test_a_mention_is_answered_in_a_thread_under_it_with_figure_quote_and_speaker(
    bot: RunningBot, slack_api: FakeSlackApi, session_engine: Engine
) -> None:
    mention = p.app_mention(QUESTION)
    response = p.send(bot.events_url, p.event_callback(mention))
    assert response.status == 200

    (post,) = slack_api.wait_for("chat.postMessage")
    assert post.params["channel"] == p.CHANNEL_ID
    assert post.params["thread_ts"] == mention["ts"]
    assert post.token == "xoxb-0000000001-0000000002-faketokenvalue"
    best = session_engine.ask(QUESTION).answers[0]
    assert f"*{escape(best.value)}*" in post.blocks[0]["text"]["text"]
    assert ">" in post.blocks[0]["text"]["text"]
    assert best.speaker in post.blocks[1]["elements"][0]["text"]
    assert best.value in post.params["text"] and best.speaker in post.params["text"]
    assert any(b["type"] == "actions" and "More on" in str(b) for b in post.blocks)
    read_as = [e["text"] for b in post.blocks if b["type"] == "context" for e in b["elements"]]
    assert "Read as: trade · Latin America · value · 2025" in read_as  # how the question was read, visible in Slack

    # Answered within the second: no :mag: flicker, the answer is the only Web API call.
    slack_api.assert_quiet("reactions.add", period=1.5)
    assert [c.method for c in slack_api.calls() if c.method != "auth.test"] == ["chat.postMessage"]


def test_a_slow_answer_shows_the_working_reaction_until_it_is_posted(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    slack_api.script("chat.postMessage", Reply(delay=2.5))  # Slack slow to take the answer
    mention = p.app_mention(QUESTION)
    sent = time.monotonic()
    assert p.send(bot.events_url, p.event_callback(mention)).status == 200

    (added,) = slack_api.wait_for("reactions.add")
    assert {"channel": p.CHANNEL_ID, "timestamp": mention["ts"], "name": "mag"}.items() <= added.params.items()
    assert 0.8 <= added.at - sent < 2.0, "after about a second (WORKING_REACTION_AFTER_SECONDS), not at once"
    (removed,) = slack_api.wait_for("reactions.remove")
    (post,) = slack_api.calls("chat.postMessage")
    assert removed.params == added.params
    assert removed.at >= post.at + 2.0, "removed once the answer was posted"
    assert [c.method for c in slack_api.calls() if c.method != "auth.test"] == [
        "chat.postMessage",  # sent at once; Slack answers 2.5 s later
        "reactions.add",
        "reactions.remove",
    ]


def test_a_mention_inside_a_thread_is_answered_in_that_thread(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    mention = p.app_mention("asean", thread_ts="1700000000.000100")
    assert p.send(bot.events_url, p.event_callback(mention)).status == 200
    (post,) = slack_api.wait_for("chat.postMessage")
    assert post.params["thread_ts"] == "1700000000.000100"


def test_a_mention_saying_help_gets_the_usage(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    assert p.send(bot.events_url, p.event_callback(p.app_mention("help"))).status == 200
    (post,) = slack_api.wait_for("chat.postMessage")
    assert "/trade topics" in post.text and "/trade key" in post.text


def test_other_bots_and_the_bot_itself_are_never_answered(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    from_bot = p.app_mention("asean", user="U0OTHERBOT", bot_id="B0OTHER")
    own_dm = p.direct_message("asean", user=BOT_USER_ID, bot_id=BOT_ID)
    other_bot_dm = p.direct_message("asean", user="U0OTHERBOT", bot_id="B0OTHER")
    bot_message = p.direct_message("asean", subtype="bot_message", bot_id="B0OTHER")
    for event in (from_bot, own_dm, other_bot_dm, bot_message):
        assert p.send(bot.events_url, p.event_callback(event)).status == 200
    slack_api.assert_quiet("chat.postMessage")
    assert not slack_api.calls("reactions.add")


def test_a_direct_message_is_answered_in_the_dm(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    dm = p.direct_message("asean")
    assert p.send(bot.events_url, p.event_callback(dm)).status == 200
    (post,) = slack_api.wait_for("chat.postMessage")
    assert post.params["channel"] == p.DM_CHANNEL_ID
    assert "thread_ts" not in post.params
    assert "ASEAN" in post.text


def test_edits_and_other_events_are_acknowledged_and_ignored(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    edited = p.direct_message("asean", subtype="message_changed")
    messages_tab = p.app_home_opened(tab="messages")
    for event in (edited, messages_tab, {"type": "reaction_added", "user": p.USER_ID, "event_ts": p.new_ts()}):
        assert p.send(bot.events_url, p.event_callback(event)).status == 200
    slack_api.assert_quiet("chat.postMessage")
    assert not slack_api.calls("views.publish")


def test_answers_reuse_one_kept_alive_connection_to_slack(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    questions = ("asean", "exports", "imports", "hainan")
    for answered, question in enumerate(questions, start=1):
        assert p.send(bot.events_url, p.event_callback(p.app_mention(question))).status == 200
        slack_api.wait_for("chat.postMessage", count=answered)
    posts = slack_api.calls("chat.postMessage")
    assert len(posts) == len(questions)
    # Answered one after another, the posts share a kept-alive connection. On a loaded machine an answer may be slow
    # enough for the working reaction to hold the idle connection at that moment, and the post then opens a second.
    assert len({post.connection for post in posts}) <= 2, "kept-alive connections, not one per answer"
