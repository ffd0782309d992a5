"""Bad input never crashes the engine: empty, huge, control characters, only emoji, only a mention."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer.engine import Engine
from bot.answer.models import Reply
from bot.render.text import reply_text


def check(reply: Reply) -> None:
    """Whatever came in, a well-formed reply came out."""
    assert isinstance(reply, Reply)
    assert reply.answered == bool(reply.answers or reply.facts)  # facts: a question about the briefing itself
    assert len(reply.suggestions) <= 3
    assert reply_text(reply)


def test_empty_text(engine: Engine) -> None:
    for text in ["", "   ", "\n\n", "?", "..."]:
        reply = engine.ask(text)
        check(reply)
        assert not reply.answered and reply.reason == "empty"


def test_hundred_kilobytes_is_refused_politely(engine: Engine) -> None:
    reply = engine.ask("asean " * 20_000)
    check(reply)
    assert not reply.answered and reply.reason == "too_long"
    assert "too long" in reply_text(reply)


def test_control_characters(engine: Engine) -> None:
    check(engine.ask("\x00\x01\x1b[31masean\x7f\u202e"))


def test_only_emoji(engine: Engine) -> None:
    reply = engine.ask("📈📉🇨🇳 :tada: :+1::skin-tone-2:")
    check(reply)
    assert not reply.answered


def test_only_a_mention(engine: Engine) -> None:
    reply = engine.ask("<@U0123ABC>")
    check(reply)
    assert not reply.answered and reply.reason == "empty"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_arbitrary_text_never_crashes(engine: Engine, text: str) -> None:
    check(engine.ask(text))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(
        st.sampled_from(
            ["asean", "exports", "<@U1>", "growth", "📈", "2024", "india", "q3", "*eu*", "\n", "how", "share", "%"]
        ),
        max_size=12,
    )
)
def test_arbitrary_mixes_of_real_words_never_crash(engine: Engine, parts: list[str]) -> None:
    check(engine.ask(" ".join(parts)))
