"""The reader of the shipped knowledge, shared by the slot parsers' tests."""

from __future__ import annotations

import pytest

from bot.answer.engine import Engine
from bot.answer.reading.reader import Reader


@pytest.fixture(scope="session")
def reader(engine: Engine) -> Reader:
    return engine.reader


def tokens(text: str, reader: Reader) -> list[str]:
    """A message's compared words, as the slot parsers receive them."""
    from bot.answer.words import message_words, norm

    _, typed = message_words(text)
    return [norm(reader.speller.correct(w)) for w in typed]
