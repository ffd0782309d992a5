"""Words as the engine compares them, and the phrase tables every slot parser uses."""

from __future__ import annotations

import pytest

from bot.answer.words import PhraseTable, message_words, norm, phrase_of, prepare


@pytest.mark.parametrize(
    ("word", "compared"),
    [
        ("batteries", "battery"),
        ("ores", "ore"),
        ("exports", "export"),
        ("asean's", "asean"),
        ("u.s", "usa"),
        ("us", "usa"),
        ("gas", "gas"),
        ("business", "business"),
    ],
)
def test_norm(word: str, compared: str) -> None:
    assert norm(word) == compared


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("High-tech exports", ("high", "tech", "export")),
        ("China-Latin America trade", ("china", "latin", "america", "trade")),
        ("780,000 entities", ("780000", "entity")),
        ("up 8%", ("up", "8", "%")),
        ("exceeding $80 billion", ("exceeding", "usd", "80", "billion")),
        ("US dollars", ("usd",)),
        ("the United States", ("the", "usa")),
        ("2021-2025", ("2021-2025",)),
        ("import/export business", ("import", "and", "export", "business")),
        ("growth + avg annual rate", ("growth", "and", "avg", "annual", "rate")),
    ],
)
def test_phrase_of(text: str, words: tuple[str, ...]) -> None:
    assert phrase_of(text) == words


def test_us_in_capitals_is_the_country_and_in_lower_case_after_tell_the_pronoun() -> None:
    assert "usa" in message_words("can you tell us about US trade")[0]
    assert message_words("can you tell us about asean")[0].count("usa") == 0
    assert "usa" in message_words("exports to the us")[0]
    assert "usa" in prepare("U.S. statistics").split()


def test_phrase_table_finds_the_longest_phrase_and_never_overlaps() -> None:
    table = PhraseTable([(("inbound",), "imports"), (("inbound", "shipment"), "imports!"), (("shipment",), "exports")])
    found = table.find(["inbound", "shipment", "and", "shipment"])
    assert [(m.start, m.end, m.value) for m in found] == [(0, 2, "imports!"), (3, 4, "exports")]
    taken = {0}
    assert [m.value for m in table.find(["inbound", "shipment"], taken)] == ["exports"]
    assert taken == {0, 1}
