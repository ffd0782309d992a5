"""Every Block Kit payload the bot can produce passes slack_sdk's block models and Slack's size limits."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.answer.engine import Engine
from bot.answer.kb_replies import entry_answer, key_answers, topic_reply
from bot.answer.models import Reply, Suggestion
from bot.kb.base import KnowledgeBase
from bot.render import limits
from bot.render.blocks import SlackMessage, apology_message, render, reply_message, shared_by, with_share_button
from bot.render.home import home_view
from bot.render.mrkdwn import escape
from bot.render.text import NUMBER, figure_parts
from bot.router import AnswerOutcome, KeyFiguresOutcome, NoticeOutcome, RouteContext, route
from bot.router.builtin import help_outcome
from bot.router.share import share_value

HOSTILE = "<!channel> <!here> <!everyone> <!subteam^S123> <@U999> <https://evil.example|click> & more"


def assert_valid(msg: SlackMessage) -> None:
    """slack_sdk's models accept every block, and the message keeps to Slack's limits."""
    assert msg.text.strip(), "a plain-text fallback is always present"
    assert len(msg.text) <= limits.MESSAGE_TEXT
    assert 0 < len(msg.blocks) <= limits.MESSAGE_BLOCKS
    for block in msg.blocks:
        parsed = Block.parse(block)
        assert parsed is not None and type(parsed) is not Block, block
        parsed.validate_json()
        assert parsed.to_dict() == block


def all_texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k in {"text", "value"} and isinstance(v, str)] + [
            t for v in node.values() for t in all_texts(v)
        ]
    if isinstance(node, list):
        return [t for item in node for t in all_texts(item)]
    return []


@pytest.fixture(scope="module")
def kb(knowledge: KnowledgeBase) -> KnowledgeBase:
    return knowledge


@pytest.fixture(scope="module")
def ctx(session_engine: Engine) -> RouteContext:
    return RouteContext(kb=session_engine.kb, engine=session_engine)


def test_every_indicator_renders_with_figure_quote_and_speaker(kb: KnowledgeBase) -> None:
    for entry in kb.entries:
        answer = entry_answer(kb, entry)
        msg = reply_message(Reply(query=answer.label, answered=True, answers=[answer]))
        assert_valid(msg)
        section = msg.blocks[0]["text"]["text"]
        # The figure in bold: the value, or the change or share that states it with its direction ("up 6%").
        lead = figure_parts(answer).lead
        assert set(NUMBER.findall(answer.value)) <= set(NUMBER.findall(lead)), entry.uid
        assert f"*{escape(lead)}*" in section, entry.uid
        assert ">" + escape(answer.quote.splitlines()[0])[:100] in section
        assert answer.speaker in msg.blocks[1]["elements"][0]["text"]
        assert lead in msg.text and answer.speaker in msg.text
        buttons = [e for b in msg.blocks if b["type"] == "actions" for e in b["elements"]]
        assert buttons and buttons[0]["value"] == answer.topic
        assert buttons[0]["text"]["text"].startswith("More on")


def test_every_topic_renders_and_shares(kb: KnowledgeBase) -> None:
    for topic in kb.topics:
        reply = topic_reply(kb, topic.id)
        assert reply is not None
        msg = reply_message(reply)
        assert_valid(msg)
        assert msg.blocks[0]["type"] == "header"
        shared = with_share_button(msg, share_value(AnswerOutcome(reply=reply)))
        assert_valid(shared)
        assert shared.blocks[-1]["elements"][0]["action_id"] == "share"
        public = shared_by(shared, "U0000USER")
        assert_valid(public)
        assert "<@U0000USER>" in public.blocks[-1]["elements"][0]["text"]
        assert all(b.get("block_id") != "share" for b in public.blocks)


def test_subcommand_outcomes_render(ctx: RouteContext) -> None:
    for text in ("", "help", "help key", "topics", "key"):
        assert_valid(render(route(text, ctx)))
    assert_valid(render(NoticeOutcome(text=HOSTILE, ok=False)))
    assert_valid(apology_message())


def test_help_is_generated_from_the_table(ctx: RouteContext) -> None:
    msg = render(route("help", ctx))
    for entry in help_outcome().entries:
        assert escape(entry.usage) in msg.text


def test_declines_name_what_was_missing_escaped_and_offer_suggestions() -> None:
    suggestions = [Suggestion(label="ASEAN", query="asean"), Suggestion(label="EU", query="eu")]
    reply = Reply(query=HOSTILE, answered=False, reason="unknown", not_found=HOSTILE, suggestions=suggestions)
    msg = reply_message(reply)
    assert_valid(msg)
    texts = " ".join(all_texts(msg.blocks)) + msg.text
    assert "<!" not in texts and "<@" not in texts and "<http" not in texts
    assert escape("<!channel>") in msg.blocks[0]["text"]["text"]
    buttons = msg.blocks[-1]["elements"]
    assert [(b["text"]["text"], b["value"]) for b in buttons] == [("ASEAN", "asean"), ("EU", "eu")]
    assert len({b["action_id"] for b in buttons}) == len(buttons)


def test_engine_declines_render(ctx: RouteContext) -> None:
    for text in ("steel exports to india", "GDP in 2024", "bitcoin", "x" * 5000, HOSTILE):
        outcome = route(text, ctx)
        assert isinstance(outcome, AnswerOutcome)
        msg = render(outcome)
        assert_valid(msg)
        assert "<!channel>" not in msg.text


def test_long_content_is_cut_with_a_visible_marker(kb: KnowledgeBase) -> None:
    answer = entry_answer(kb, kb.entries[0])
    huge = answer.model_copy(update={"quote": "word " * 5000, "label": "L" * 500, "topic_name": "T" * 300})
    # A topic lists all its figures; a question shows its best answer in full and the rest as related figures.
    msg = reply_message(Reply(query="q", answered=True, answers=[huge] * 60, topic="t", topic_name="T" * 300))
    assert_valid(msg)
    assert limits.CUT in msg.blocks[1]["text"]["text"]
    assert any(limits.CUT in e["text"] for b in msg.blocks if b["type"] == "context" for e in b["elements"])
    topic = msg.model_copy()
    assert_valid(with_share_button(topic, "v" * 2001))  # a value too long for a button: no button, still valid
    decline = reply_message(Reply(query="q", answered=False, not_found="y" * 10_000))
    assert_valid(decline)
    assert limits.CUT in decline.blocks[0]["text"]["text"]


def test_home_view_validates(kb: KnowledgeBase) -> None:
    view = home_view(KeyFiguresOutcome(answers=key_answers(kb)), help_outcome())
    View(**view).validate_json()
    assert len(view["blocks"]) <= limits.VIEW_BLOCKS
    text = " ".join(all_texts(view["blocks"]))
    for answer in key_answers(kb):
        assert escape(answer.value) in text and answer.speaker in text
    assert "/trade" in text


def context_texts(msg: SlackMessage) -> list[str]:
    return [e["text"] for b in msg.blocks if b["type"] == "context" for e in b["elements"]]


def test_an_answer_says_how_the_question_was_read(session_engine: Engine) -> None:
    msg = reply_message(session_engine.ask("how much did imports from Latin America grow in 2025?"))
    assert_valid(msg)
    assert "Read as: imports · Latin America · growth · 2025" in context_texts(msg)
    assert "Read as: imports · Latin America · growth · 2025" in msg.text


def test_a_decline_says_how_it_was_read_and_offers_the_closest_figure_first(session_engine: Engine) -> None:
    msg = reply_message(session_engine.ask("total trade in US dollars"))
    assert_valid(msg)
    assert "no figure in US dollars" in msg.blocks[0]["text"]["text"]
    assert any(t.startswith("Read as: trade · in US dollars") for t in context_texts(msg))
    first = next(b for b in msg.blocks if b.get("block_id") == "suggestions")["elements"][0]
    assert "45.47 trillion yuan" in first["text"]["text"]


def test_two_figures_asked_are_both_shown_in_full(session_engine: Engine) -> None:
    reply = session_engine.ask("Africa and Latin America growth")
    msg = reply_message(reply)
    assert_valid(msg)
    sections = [b["text"]["text"] for b in msg.blocks if b["type"] == "section"]
    assert escape(reply.answers[0].value) in sections[0] and escape(reply.answers[1].value) in sections[1]
    assert sum(b["type"] == "divider" for b in msg.blocks) >= 1


def test_a_question_about_the_briefing_renders_its_facts(session_engine: Engine) -> None:
    msg = reply_message(session_engine.ask("who is Lyu Daliang?"))
    assert_valid(msg)
    assert "Lyu Daliang" in msg.blocks[0]["text"]["text"] and "spokesperson" in msg.text
