"""Learning from use through the running bot: feedback controls on answers, votes stored once per user, forged and
replayed presses refused, the question log read back by ``tradebot report``, the admin summary on the Home tab,
suggested prompts on the Messages tab and in assistant threads, and a DM thread's status while an answer is slow."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from slack_sdk.models.blocks import ContextActionsBlock

from bot.store import Store, open_store
from bot.store.models import Vote
from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.bot_process import BotProcess, bot_env, free_port, tradebot_command
from tests.fakes.slack_api import Call, FakeSlackApi, Reply

ADMIN = "U0ADMIN01"
T = TypeVar("T")


@pytest.fixture(scope="module")
def learning_bot(fake_slack_server: FakeSlackApi, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    """A bot with one admin and the working indicator at once (0 s), on its own SQLite file."""
    port = free_port()
    workdir: Path = tmp_path_factory.mktemp("learning-bot")
    env = bot_env(fake_slack_server.url, ADMIN_USER_IDS=ADMIN, WORKING_REACTION_AFTER_SECONDS="0")
    with BotProcess(["--http", "--host", "127.0.0.1", "--port", str(port)], env, workdir) as process:
        base_url = f"http://127.0.0.1:{port}"
        process.wait_http_ready(base_url)
        yield RunningBot(base_url=base_url, process=process)


@pytest.fixture
def bot(learning_bot: RunningBot, slack_api: FakeSlackApi) -> RunningBot:
    return learning_bot


@pytest.fixture
def store(learning_bot: RunningBot) -> Iterator[Store]:
    """The bot's own database, opened beside it."""
    opened = open_store(f"sqlite:///{learning_bot.process.workdir / 'data' / 'tradebot.sqlite3'}")
    yield opened
    opened.close()


def mention(bot: RunningBot, api: FakeSlackApi, text: str, user: str = p.USER_ID) -> Call:
    """Mention the bot and return its threaded reply."""
    event = p.app_mention(text, user=user)
    assert p.send(bot.events_url, p.event_callback(event)).status == 200
    (post,) = api.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == event["ts"])
    return post


def controls(post: Call) -> dict[str, Any]:
    """The feedback_buttons element of a posted answer."""
    block = post.blocks[-1]
    assert block["type"] == "context_actions", post.blocks
    (element,) = block["elements"]
    assert element["type"] == "feedback_buttons"
    return element


def press(
    bot: RunningBot, api: FakeSlackApi, value: str, user: str = p.USER_ID, name: str = "fb", **signing: Any
) -> p.Response:
    """Press a feedback button on a public answer; return the bot's HTTP answer."""
    container = p.message_container("1800000000.000001", thread_ts="1700000000.000001")
    request = p.block_actions(
        "feedback",
        value,
        response_url=api.response_url(name),
        user_id=user,
        container=container,
        action_type="feedback_buttons",
        **signing,
    )
    return p.send(bot.events_url, request)


def votes(store: Store) -> list[Vote]:
    """Every vote in the bot's database."""
    return store.feedback.since(dt.datetime(2000, 1, 1, tzinfo=dt.UTC))


def report(bot: RunningBot, fmt: str = "json") -> str:
    """``tradebot report`` run against the bot's database, as an operator would."""
    done = subprocess.run(
        [*tradebot_command(), "report", "--since", "1d", "--format", fmt],
        cwd=bot.process.workdir,
        env=bot.process.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def until(check: Callable[[], T], timeout: float = 10.0) -> T:
    """Poll ``check()`` until it is truthy (the question log is written after the reply, off its path)."""
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def test_every_answer_carries_feedback_controls(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    post = mention(bot, slack_api, "trade with asean")
    element = controls(post)
    # The block as slack_sdk's own model of context_actions and feedback_buttons builds it: valid for the SDK.
    assert ContextActionsBlock(**{k: v for k, v in post.blocks[-1].items() if k != "type"}).to_dict() == post.blocks[-1]
    up, down = json.loads(element["positive_button"]["value"]), json.loads(element["negative_button"]["value"])
    assert (up["v"], down["v"]) == (1, -1) and up["a"] == down["a"]
    assert up["i"] == "scio-2026-01-14/asean-trade-2025" and up["o"] == "answered" and "ASEAN" in up["r"]

    slack_api.reset()
    assert p.send(bot.events_url, p.event_callback(p.direct_message("trade with india"))).status == 200
    (dm,) = slack_api.wait_for("chat.postMessage")
    assert json.loads(controls(dm)["negative_button"]["value"])["o"] == "declined"

    slack_api.reset()
    command = p.slash_command("exports", response_url=slack_api.response_url("cmd"))
    assert p.send(bot.events_url, command).status == 200
    (ephemeral,) = slack_api.wait_for("response_url")
    controls(ephemeral)
    assert any(b.get("block_id") == "share" for b in ephemeral.blocks)


def test_a_press_is_stored_and_a_second_press_changes_the_vote(
    bot: RunningBot, slack_api: FakeSlackApi, store: Store
) -> None:
    element = controls(mention(bot, slack_api, "how fast did exports grow"))
    answer = json.loads(element["positive_button"]["value"])["a"]
    assert press(bot, slack_api, element["negative_button"]["value"], user="U0VOTER1", name="down").status == 200
    (menu,) = slack_api.wait_for("response_url", where=lambda c: c.path.endswith("/down"))
    assert menu.params["response_type"] == "ephemeral" and menu.params["replace_original"] is False
    reasons = {
        b["action_id"]: b["value"] for block in menu.blocks if block["type"] == "actions" for b in block["elements"]
    }
    assert set(reasons) == {f"feedback_reason:{c}" for c in ("wrong_figure", "wrong_speaker", "not_asked", "missing")}
    (vote,) = [v for v in votes(store) if v.answer_id == answer]
    assert vote.vote == -1 and vote.indicator == "scio-2026-01-14/exports-2025" and vote.outcome == "answered"
    assert vote.reading and vote.user_hash != "U0VOTER1"

    reason = p.block_actions(
        "feedback_reason:wrong_figure",
        reasons["feedback_reason:wrong_figure"],
        response_url=slack_api.response_url("why"),
        user_id="U0VOTER1",
    )
    assert p.send(bot.events_url, reason).status == 200
    (thanks,) = slack_api.wait_for("response_url", where=lambda c: c.path.endswith("/why"))
    assert thanks.params["replace_original"] is True and "wrong figure" in thanks.text
    assert [v.reason for v in votes(store) if v.answer_id == answer] == ["wrong_figure"]

    assert press(bot, slack_api, element["positive_button"]["value"], user="U0VOTER1", name="up").status == 200
    (changed,) = slack_api.wait_for("response_url", where=lambda c: c.path.endswith("/up"))
    assert "Changed your vote" in changed.text and changed.params["response_type"] == "ephemeral"
    (vote,) = [v for v in votes(store) if v.answer_id == answer]
    assert vote.vote == 1 and vote.reason is None  # one vote per user per answer, the reason gone with the 👎

    assert press(bot, slack_api, element["positive_button"]["value"], user="U0VOTER2", name="other").status == 200
    slack_api.wait_for("response_url", where=lambda c: c.path.endswith("/other"))
    assert sorted(v.vote for v in votes(store) if v.answer_id == answer) == [1, 1]


def test_a_forged_or_replayed_press_is_refused(bot: RunningBot, slack_api: FakeSlackApi, store: Store) -> None:
    element = controls(mention(bot, slack_api, "total trade value"))
    value = element["negative_button"]["value"]
    answer = json.loads(value)["a"]
    forged = press(bot, slack_api, value, name="forged", secret="not-the-signing-secret")
    stale = press(bot, slack_api, value, name="stale", timestamp=int(time.time()) - 600)  # Slack's window is 5 min
    assert (forged.status, stale.status) == (401, 401)
    slack_api.assert_quiet("response_url")
    assert [v for v in votes(store) if v.answer_id == answer] == []

    # The same signed press delivered twice inside the window counts once.
    container = p.message_container("1800000000.000002")
    twice = p.block_actions(
        "feedback",
        value,
        response_url=slack_api.response_url("twice"),
        container=container,
        action_type="feedback_buttons",
    )
    assert p.send(bot.events_url, twice).status == 200
    assert p.send(bot.events_url, twice).status == 200
    slack_api.wait_for("response_url")
    assert [v.vote for v in until(lambda: [v for v in votes(store) if v.answer_id == answer])] == [-1]


def test_the_report_lists_a_declined_question_and_a_down_voted_one(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    mention(bot, slack_api, "how much steel did China export to India?", user="U0ASKER01")
    element = controls(mention(bot, slack_api, "trade with latin america", user="U0ASKER02"))
    assert press(bot, slack_api, element["negative_button"]["value"], user="U0ASKER02", name="lat").status == 200
    (menu,) = slack_api.wait_for("response_url", where=lambda c: c.path.endswith("/lat"))
    missing = next(
        b["value"]
        for blk in menu.blocks
        if blk["type"] == "actions"
        for b in blk["elements"]
        if b["action_id"].endswith(":missing")
    )
    reason = p.block_actions(
        "feedback_reason:missing", missing, response_url=slack_api.response_url("m"), user_id="U0ASKER02"
    )
    assert p.send(bot.events_url, reason).status == 200
    slack_api.wait_for("response_url", where=lambda c: c.path.endswith("/m"))

    def read() -> dict[str, Any] | None:
        data = json.loads(report(bot))
        asked = [d for d in data["declines"] if any("steel" in e for e in d["examples"])]
        return data if asked and data["down_voted"] else None

    data = until(read, timeout=20)
    assert data, report(bot, "text")
    (declined,) = [d for d in data["declines"] if any("steel" in e for e in d["examples"])]
    assert declined["count"] >= 1 and declined["not_found"]
    (down,) = [d for d in data["down_voted"] if d["question"] == "trade with latin america"]
    assert down["reasons"] == [{"reason": "Missing", "count": 1}] and down["label"]
    assert data["questions"] >= 2 and data["users"] >= 2
    text = report(bot, "text")
    assert "steel" in text and "trade with latin america" in text and "Missing ×1" in text
    assert report(bot, "csv").splitlines()[0] == "list,item,detail,count,users,score"


def test_the_messages_tab_and_an_assistant_thread_get_suggested_prompts(
    bot: RunningBot, slack_api: FakeSlackApi
) -> None:
    assert p.send(bot.events_url, p.event_callback(p.app_home_opened(tab="messages"))).status == 200
    (call,) = slack_api.wait_for("assistant.threads.setSuggestedPrompts")
    assert call.params["channel_id"] == p.DM_CHANNEL_ID and "thread_ts" not in call.params  # the agent experience
    assert 1 <= len(call.params["prompts"]) <= 4
    assert all(x["title"] and x["message"] for x in call.params["prompts"])
    slack_api.assert_quiet("views.publish", period=0.3)

    started = p.assistant_thread_started(thread_ts="1700000000.000777")
    assert p.send(bot.events_url, p.event_callback(started)).status == 200
    calls = slack_api.wait_for("assistant.threads.setSuggestedPrompts", count=2)
    assert calls[1].params["thread_ts"] == "1700000000.000777"


def test_a_workspace_without_the_agent_surface_loses_nothing(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    refused = Reply(json={"ok": False, "error": "not_allowed_token_type"})
    slack_api.script("assistant.threads.setSuggestedPrompts", refused)
    before = len(bot.process.log())
    assert p.send(bot.events_url, p.event_callback(p.app_home_opened(tab="messages"))).status == 200
    slack_api.wait_for("assistant.threads.setSuggestedPrompts")
    mention(bot, slack_api, "trade with the eu")
    logged = bot.process.log()[before:]
    assert "suggested prompts not shown: not_allowed_token_type" in logged
    assert " ERROR " not in logged and "Traceback" not in logged


def test_a_dm_thread_shows_a_status_and_falls_back_to_the_reaction(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    thread = p.new_ts()
    asked = p.direct_message("trade with asean", thread_ts=thread)
    assert p.send(bot.events_url, p.event_callback(asked)).status == 200
    (status,) = slack_api.wait_for("assistant.threads.setStatus")
    assert status.params == {**status.params, "channel_id": p.DM_CHANNEL_ID, "thread_ts": thread}
    assert status.params["status"] == "Looking up the briefing…"
    (reply,) = slack_api.wait_for("chat.postMessage")
    assert reply.params["thread_ts"] == thread
    assert not slack_api.calls("reactions.add")

    # An app without the assistant surface: Slack refuses the status, and the reaction shows instead from then on.
    slack_api.reset()
    slack_api.script("assistant.threads.setStatus", Reply(json={"ok": False, "error": "not_allowed"}))
    for _ in range(2):
        asked = p.direct_message("exports", thread_ts=p.new_ts())
        assert p.send(bot.events_url, p.event_callback(asked)).status == 200
        slack_api.wait_for("chat.postMessage", where=lambda c, t=asked["thread_ts"]: c.params.get("thread_ts") == t)
    assert len(slack_api.wait_for("reactions.add", count=2)) == 2
    assert len(slack_api.calls("assistant.threads.setStatus")) == 1


def test_only_an_admin_sees_the_report_on_the_home_tab(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    mention(bot, slack_api, "trade with india")
    slack_api.reset()
    assert p.send(bot.events_url, p.event_callback(p.app_home_opened(user="U0SOMEONE"))).status == 200
    (theirs,) = slack_api.wait_for("views.publish")
    assert "Key figures" in theirs.text and "What people asked" not in theirs.text and "Declined" not in theirs.text

    slack_api.reset()
    assert p.send(bot.events_url, p.event_callback(p.app_home_opened(user=ADMIN))).status == 200
    (admins,) = slack_api.wait_for("views.publish")
    assert "What people asked (admins only)" in admins.text and "Declined, by what was not found" in admins.text
    assert "India" in admins.text


def test_where_the_block_is_refused_the_controls_are_plain_buttons(
    bot: RunningBot, slack_api: FakeSlackApi, store: Store
) -> None:
    slack_api.script("chat.postMessage", Reply(json={"ok": False, "error": "invalid_blocks"}))
    event = p.app_mention("trade with the eu")
    assert p.send(bot.events_url, p.event_callback(event)).status == 200
    refused, posted = slack_api.wait_for("chat.postMessage", count=2)
    assert refused.blocks[-1]["type"] == "context_actions"
    (row,) = [b for b in posted.blocks if b.get("block_id") == "feedback"]
    assert row["type"] == "actions" and [b["action_id"] for b in row["elements"]] == ["feedback:up", "feedback:down"]
    down = row["elements"][1]["value"]
    button = p.block_actions("feedback:down", down, response_url=slack_api.response_url("btn"), user_id="U0BUTTON1")
    assert p.send(bot.events_url, button).status == 200
    slack_api.wait_for("response_url", where=lambda c: c.path.endswith("/btn"))
    answer = json.loads(down)["a"]
    assert [v.vote for v in votes(store) if v.answer_id == answer] == [-1]
