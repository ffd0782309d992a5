"""The take-over's look-up (``bot.slack.posted_replies``) against the fake Slack API: one call, in the thread or
the DM, finding the reply by its metadata; a look-up Slack refuses answers anyway."""

from __future__ import annotations

import logging

import pytest
from slack_sdk import WebClient

from bot.slack.posted_replies import LOOKUP_LIMIT, reply_metadata, reply_posted
from tests.fakes import payloads as p
from tests.fakes.slack_api import FakeSlackApi, Reply

LOGGER = logging.getLogger("test")


@pytest.fixture
def client(slack_api: FakeSlackApi) -> WebClient:
    return WebClient(token="xoxb-test", base_url=slack_api.url)


def test_a_reply_in_a_thread_is_found_by_its_mark_with_one_call(client: WebClient, slack_api: FakeSlackApi) -> None:
    question = p.new_ts()
    client.chat_postMessage(channel="C1", thread_ts=question, text="other", metadata=reply_metadata("other-key"))
    client.chat_postMessage(channel="C1", thread_ts=question, text="answer", metadata=reply_metadata("the-key"))
    found = reply_posted(client, channel="C1", thread_ts=question, since=question, key="the-key", logger=LOGGER)
    assert found is True
    assert not reply_posted(client, channel="C1", thread_ts=question, since=question, key="no-key", logger=LOGGER)
    (first, _) = slack_api.calls("conversations.replies")
    assert first.params["ts"] == question and first.params["include_all_metadata"] == "1"
    assert int(first.params["limit"]) == LOOKUP_LIMIT


def test_a_reply_in_a_dm_is_found_in_the_history_since_the_question(client: WebClient, slack_api: FakeSlackApi) -> None:
    question = p.new_ts()
    client.chat_postMessage(channel="D1", text="answer", metadata=reply_metadata("dm-key"))
    assert reply_posted(client, channel="D1", thread_ts=None, since=question, key="dm-key", logger=LOGGER)
    assert len(slack_api.calls("conversations.history")) == 1
    # A reply from before the question is not this question's.
    later = f"{float(slack_api.messages('D1')[-1].ts) + 1:.6f}"
    assert not reply_posted(client, channel="D1", thread_ts=None, since=later, key="dm-key", logger=LOGGER)


def test_a_look_up_slack_refuses_says_not_found_so_the_question_is_answered(
    client: WebClient, slack_api: FakeSlackApi, caplog: pytest.LogCaptureFixture
) -> None:
    slack_api.script("conversations.replies", Reply(json={"ok": False, "error": "missing_scope"}))
    client.chat_postMessage(channel="C1", thread_ts="1.000001", text="answer", metadata=reply_metadata("k"))
    with caplog.at_level(logging.WARNING):
        found = reply_posted(client, channel="C1", thread_ts="1.000001", since="1.000001", key="k", logger=LOGGER)
    assert found is False
    assert "missing_scope" in caplog.text and "answering it" in caplog.text
