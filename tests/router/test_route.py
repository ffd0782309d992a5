"""The /trade table routes subcommands, sends everything else to the engine, and generates its own help."""

from __future__ import annotations

import pytest

from bot.answer.engine import Engine
from bot.router import (
    AnswerOutcome,
    HelpOutcome,
    KeyFiguresOutcome,
    NoticeOutcome,
    RouteContext,
    Subcommand,
    TopicsOutcome,
    more_on,
    register,
    route,
    subcommands,
    table,
)
from bot.router.share import share_value, shared_outcome


@pytest.fixture
def ctx(session_engine: Engine) -> RouteContext:
    return RouteContext(kb=session_engine.kb, engine=session_engine, user_id="U1", channel_id="C1")


@pytest.mark.parametrize("text", ["", "   ", "help", "HELP"])
def test_empty_text_and_help_give_usage_of_every_subcommand(ctx: RouteContext, text: str) -> None:
    outcome = route(text, ctx)
    assert isinstance(outcome, HelpOutcome)
    assert [e.name for e in outcome.entries] == [s.name for s in subcommands()]
    assert {"help", "topics", "key"} <= {e.name for e in outcome.entries}
    assert all(e.examples for e in outcome.entries)


def test_help_for_one_subcommand(ctx: RouteContext) -> None:
    outcome = route("help key", ctx)
    assert isinstance(outcome, HelpOutcome)
    assert [e.name for e in outcome.entries] == ["key"]


def test_topics_are_grouped_as_the_briefing_groups_them(ctx: RouteContext) -> None:
    outcome = route("topics", ctx)
    assert isinstance(outcome, TopicsOutcome)
    listed = [t.id for g in outcome.groups for t in g.topics]
    assert sorted(listed) == sorted(t.id for t in ctx.kb.topics)
    assert outcome.groups[0].name == ctx.kb.topics[0].group


def test_key_lists_the_key_figures_with_speakers(ctx: RouteContext) -> None:
    outcome = route("key", ctx)
    assert isinstance(outcome, KeyFiguresOutcome)
    assert [a.id for a in outcome.answers] == [e.uid for e in ctx.kb.key_entries()]
    assert all(a.speaker for a in outcome.answers)


def test_anything_else_is_a_question_for_the_engine(ctx: RouteContext) -> None:
    outcome = route("asean", ctx)
    assert isinstance(outcome, AnswerOutcome)
    assert outcome.reply == ctx.engine.ask("asean")


def test_a_subcommand_without_arguments_followed_by_words_is_a_question(ctx: RouteContext) -> None:
    assert isinstance(route("key exports growth", ctx), AnswerOutcome)


def test_registered_subcommands_route_and_appear_in_help(ctx: RouteContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table, "_TABLE", dict(table._TABLE))  # the test's registration is undone after it
    register(
        Subcommand(
            name="echo",
            usage="/trade echo TEXT",
            summary="say it back",
            handler=lambda args, c: NoticeOutcome(text=f"{args} from {c.channel_id}"),
            examples=("/trade echo hi",),
            takes_args=True,
        )
    )
    assert route("echo hi there", ctx) == NoticeOutcome(text="hi there from C1")
    assert "echo" in [e.name for e in route("", ctx).entries]
    with pytest.raises(ValueError, match="already registered"):
        register(Subcommand(name="echo", usage="", summary="", handler=lambda a, c: NoticeOutcome(text="")))
    with pytest.raises(ValueError, match="one lower-case word"):
        register(Subcommand(name="Two words", usage="", summary="", handler=lambda a, c: NoticeOutcome(text="")))


def test_more_on_a_topic_gives_its_figures_headline_first(ctx: RouteContext) -> None:
    topic = ctx.kb.topics[0]
    outcome = more_on(topic.id, ctx)
    assert isinstance(outcome, AnswerOutcome)
    assert outcome.reply.topic == topic.id
    assert outcome.reply.answers[0].id.endswith("/" + topic.headline)
    assert isinstance(more_on("no-such-topic", ctx), NoticeOutcome)


def test_share_value_recreates_the_same_answer(ctx: RouteContext) -> None:
    for text in ("asean", "how fast did exports grow", "key"):
        outcome = route(text, ctx)
        value = share_value(outcome)
        assert value is not None and len(value) <= 2000
        again = shared_outcome(value, ctx)
        if isinstance(outcome, AnswerOutcome):
            assert isinstance(again, AnswerOutcome)
            assert [a.id for a in again.reply.answers] == [a.id for a in outcome.reply.answers]
        else:
            assert again == outcome
    assert share_value(route("help", ctx)) is None
    assert shared_outcome("not json", ctx) is None
    assert shared_outcome('{"k": "ids", "ids": ["gone/gone"]}', ctx) is None
