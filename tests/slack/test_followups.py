"""Follow-ups through the running bot: a thread, and the DM channel, remember their last question.

Each test sends signed events to ``tradebot run --http`` on 127.0.0.1 and reads what it posted to the fake Web API.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.bot_process import BotProcess, bot_env, free_port
from tests.fakes.slack_api import FakeSlackApi


def read_as(post) -> str:  # a recorded call
    lines = [e["text"] for b in post.blocks if b["type"] == "context" for e in b["elements"]]
    return next((line for line in lines if line.startswith("Read as:")), "")


def ask_in_thread(bot: RunningBot, api: FakeSlackApi, text: str, thread: str | None, count: int):
    mention = p.app_mention(text, thread_ts=thread)
    assert p.send(bot.events_url, p.event_callback(mention)).status == 200
    return mention, api.wait_for("chat.postMessage", count)[-1]


def test_a_follow_up_mention_in_the_thread_is_read_against_the_last_question(
    bot: RunningBot, slack_api: FakeSlackApi
) -> None:
    first, answer = ask_in_thread(bot, slack_api, "trade with Latin America?", None, 1)
    assert "3.93 trillion yuan" in answer.text and read_as(answer) == "Read as: trade · Latin America"
    thread = first["ts"]

    _, follow = ask_in_thread(bot, slack_api, "and imports?", thread, 2)
    assert follow.params["thread_ts"] == thread
    assert "4.9%" in follow.text and read_as(follow) == "Read as: imports · Latin America"

    _, swapped = ask_in_thread(bot, slack_api, "what about Africa?", thread, 3)
    assert "6%" in swapped.text and read_as(swapped) == "Read as: imports · Africa"

    _, source = ask_in_thread(bot, slack_api, "who said that?", thread, 4)
    assert "Wang Jun" in source.text and "National Business Daily" in source.text
    assert "Imports from Asia, Latin America, and Africa rose by 3.9%, 4.9%, and 6%" in source.text


def test_a_whole_question_in_the_thread_is_read_on_its_own(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    first, _ = ask_in_thread(bot, slack_api, "trade with Latin America?", None, 1)
    _, own = ask_in_thread(bot, slack_api, "what were China's total exports in 2025?", first["ts"], 2)
    assert "26.99 trillion yuan" in own.text and "Latin America" not in read_as(own)


def test_another_thread_does_not_see_the_first_one(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    ask_in_thread(bot, slack_api, "trade with Latin America?", None, 1)
    _, alone = ask_in_thread(bot, slack_api, "and imports?", "1700000000.999999", 2)
    assert "18.48 trillion yuan" in alone.text  # China's imports: nothing to follow in a new thread


def test_a_dm_conversation_follows_up_without_threads(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    channel = "D0000DM77"  # a DM channel of its own, so other tests' messages are not its history
    for count, (text, expected) in enumerate(
        [("trade with ASEAN in 2025?", "7.55 trillion yuan"), ("and the EU?", "5.93 trillion yuan")], start=1
    ):
        assert p.send(bot.events_url, p.event_callback(p.direct_message(text, channel=channel))).status == 200
        post = slack_api.wait_for("chat.postMessage", count)[-1]
        assert post.params["channel"] == channel and expected in post.text
    assert read_as(post) == "Read as: trade · European Union · 2025"


@pytest.fixture(scope="module")
def forgetful_bot(fake_slack_server: FakeSlackApi, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    """A bot whose DM conversations expire a quarter of a second after their last message."""
    port = free_port()
    workdir: Path = tmp_path_factory.mktemp("forgetful-bot")
    env = bot_env(fake_slack_server.url, CONVERSATION_DM_MINUTES=str(0.25 / 60))
    with BotProcess(["--http", "--host", "127.0.0.1", "--port", str(port)], env, workdir) as process:
        base_url = f"http://127.0.0.1:{port}"
        process.wait_http_ready(base_url)
        yield RunningBot(base_url=base_url, process=process)


def test_an_expired_dm_conversation_starts_anew(forgetful_bot: RunningBot, slack_api: FakeSlackApi) -> None:
    send = lambda text: p.send(forgetful_bot.events_url, p.event_callback(p.direct_message(text)))  # noqa: E731
    assert send("trade with Latin America?").status == 200
    slack_api.wait_for("chat.postMessage", 1)
    time.sleep(0.5)  # past the window
    assert send("and imports?").status == 200
    post = slack_api.wait_for("chat.postMessage", 2)[-1]
    assert "18.48 trillion yuan" in post.text and "Latin America" not in post.text  # China's imports, read alone


def test_a_comparison_is_posted_with_its_table_chart_and_text(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    _, post = ask_in_thread(bot, slack_api, "rank the partners by growth", None, 1)
    types = [b["type"] for b in post.blocks]
    assert "table" in types and "data_visualization" in types
    table = next(b for b in post.blocks if b["type"] == "table")
    assert [cell["text"] for cell in table["rows"][1]][:3] == ["Africa", "2.49 trillion yuan", "up 18.4%"]
    assert post.text.splitlines()[0].startswith("Subject") and "Africa" in post.text  # the aligned fallback


def test_a_workspace_without_charts_gets_the_comparison_without_one(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    from tests.fakes.slack_api import UPLOAD_METHOD, Reply

    slack_api.script("chat.postMessage", Reply(json={"ok": False, "error": "invalid_blocks"}))
    mention = p.app_mention("asean vs eu")
    assert p.send(bot.events_url, p.event_callback(mention)).status == 200
    refused, posted = slack_api.wait_for("chat.postMessage", 2)
    assert "data_visualization" in [b["type"] for b in refused.blocks]
    assert [b["type"] for b in posted.blocks].count("data_visualization") == 0 and "table" in str(posted.blocks)
    assert posted.params["thread_ts"] == mention["ts"]
    # The chart follows in the thread as a PNG, uploaded the way files_upload_v2 does it.
    (asked,) = slack_api.wait_for("files.getUploadURLExternal")
    (upload,) = slack_api.wait_for(UPLOAD_METHOD)
    (complete,) = slack_api.wait_for("files.completeUploadExternal")
    assert asked.params["filename"] == "comparison.png" and int(asked.params["length"]) == len(upload.params["content"])
    assert upload.params["content"].startswith(b"\x89PNG\r\n")
    assert complete.params["channel_id"] == p.CHANNEL_ID and complete.params["thread_ts"] == mention["ts"]
