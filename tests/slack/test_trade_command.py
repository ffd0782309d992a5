"""``/trade``: ephemeral answers through the response URL, subcommands, and "Share in channel"."""

from __future__ import annotations

import json

from bot.answer.engine import Engine
from bot.render.mrkdwn import escape
from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.slack_api import Call, FakeSlackApi, Reply


def trade(bot: RunningBot, api: FakeSlackApi, text: str) -> Call:
    response = p.send(bot.events_url, p.slash_command(text, response_url=api.response_url("cmd")))
    assert response.status == 200 and response.body == b""
    (reply,) = api.wait_for("response_url")
    return reply


def buttons(call: Call) -> dict[str, dict]:
    return {e["action_id"]: e for b in call.blocks if b["type"] == "actions" for e in b["elements"]}


def test_an_answer_is_ephemeral_with_a_share_button(
    bot: RunningBot, slack_api: FakeSlackApi, session_engine: Engine
) -> None:
    reply = trade(bot, slack_api, "asean")
    assert reply.params["response_type"] == "ephemeral"
    expected = session_engine.ask("asean")
    assert f"*{escape(expected.answers[0].value)}*" in json.dumps(reply.blocks)
    assert expected.answers[0].speaker in reply.text
    assert buttons(reply)["share"]["text"]["text"] == "Share in channel"
    assert not slack_api.calls("chat.postMessage")


def test_empty_command_and_help_show_usage_generated_from_the_table(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    reply = trade(bot, slack_api, "")
    for usage in ("/trade help", "/trade topics", "/trade key"):
        assert usage in reply.text
    assert "share" not in buttons(reply)


def test_topics_and_key(bot: RunningBot, slack_api: FakeSlackApi, session_engine: Engine) -> None:
    topics = trade(bot, slack_api, "topics")
    for topic in session_engine.kb.topics[:5]:
        assert escape(topic.name) in topics.text
    slack_api.reset()
    key = trade(bot, slack_api, "key")
    for entry in session_engine.kb.key_entries():
        assert escape(entry.indicator.stated) in key.text and entry.speaker.name in key.text
    assert "share" in buttons(key)


def test_share_posts_the_same_answer_publicly_naming_who_shared_it(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    ephemeral = trade(bot, slack_api, "asean")
    share = buttons(ephemeral)["share"]
    slack_api.reset()
    press = p.block_actions("share", share["value"], response_url=slack_api.response_url("share"), user_id="U0SHARER")
    assert p.send(bot.events_url, press).status == 200

    (post,) = slack_api.wait_for("chat.postMessage")
    assert post.params["channel"] == p.CHANNEL_ID
    assert "<@U0SHARER>" in post.text
    # The public copy is an answer of its own: its feedback controls name a new answer id.
    own = {"share", "feedback"}
    shared = [b for b in post.blocks if b.get("block_id") not in own and b["type"] != "context"]
    original = [b for b in ephemeral.blocks if b.get("block_id") not in own and b["type"] != "context"]
    assert shared == original
    assert post.blocks[-1]["type"] == "context_actions" and ephemeral.blocks[-1]["type"] == "context_actions"
    assert "share" not in buttons(post)
    (cleanup,) = slack_api.wait_for("response_url")
    assert cleanup.params.get("delete_original") is True


def test_share_where_the_bot_is_not_a_member_goes_through_the_response_url(
    bot: RunningBot, slack_api: FakeSlackApi
) -> None:
    value = buttons(trade(bot, slack_api, "key"))["share"]["value"]
    slack_api.reset()
    slack_api.script("chat.postMessage", Reply(json={"ok": False, "error": "not_in_channel"}))
    press = p.block_actions("share", value, response_url=slack_api.response_url("share"))
    assert p.send(bot.events_url, press).status == 200
    public, cleanup = slack_api.wait_for("response_url", count=2)
    assert public.params["response_type"] == "in_channel"
    assert "Shared by <@U0000USER>" in public.text
    assert cleanup.params.get("delete_original") is True


def test_a_decline_names_what_was_missing_escaped_and_its_suggestions_ask_them(
    bot: RunningBot, slack_api: FakeSlackApi
) -> None:
    reply = trade(bot, slack_api, "<!channel> bitcoin")
    assert "bitcoin" in reply.text and "<!channel>" not in reply.text
    slack_api.reset()
    casinos = trade(bot, slack_api, "hainan casinos <b>&")
    assert "casinos" in casinos.text and "<b>" not in casinos.text  # what is echoed is escaped
    suggestions = [b for k, b in buttons(reply).items() if k.startswith("suggest:")]
    assert suggestions and "share" not in buttons(reply)
    slack_api.reset()
    first = suggestions[0]
    press = p.block_actions(first["action_id"], first["value"], response_url=slack_api.response_url("s"))
    assert p.send(bot.events_url, press).status == 200
    (answer,) = slack_api.wait_for("response_url")
    assert answer.params["response_type"] == "ephemeral"
    assert answer.params["replace_original"] is False
    assert first["text"]["text"] in answer.text
