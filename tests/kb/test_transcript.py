"""Parsing the transcript into turns, outlets and sentences."""

from __future__ import annotations

import pytest

from bot.kb.loader import DEFAULT_KNOWLEDGE_DIR
from bot.kb.transcript import Transcript, parse_transcript, split_sentences

SPEAKERS = {"Wang Jun": "wang-jun", "Lyu Daliang": "lyu-daliang", "Shou Xiaoli": "shou-xiaoli"}


@pytest.fixture(scope="module")
def transcript() -> Transcript:
    text = (DEFAULT_KNOWLEDGE_DIR / "sources" / "scio-2026-01-14-china-trade-2025.txt").read_text(encoding="utf-8")
    return parse_transcript(text, SPEAKERS)


def test_preamble_is_not_a_turn(transcript: Transcript) -> None:
    assert transcript.turns[0].name == "Shou Xiaoli"
    assert all(t.name not in {"Speakers", "Chairperson", "Date"} for t in transcript.turns)


def test_opening_statement_answers_no_outlet(transcript: Transcript) -> None:
    opening = transcript.turns[1]
    assert (opening.speaker_id, opening.outlet) == ("wang-jun", None)
    assert "45.47 trillion yuan" in opening.text


def test_outlets_and_questions(transcript: Transcript) -> None:
    outlets = [t.name for t in transcript.turns if t.speaker_id is None]
    assert outlets[0] == "China Media Group"
    assert "21st Century Business Herald" in outlets and "Nanfang Daily, Nanfang Plus" in outlets
    assert outlets[-1] == "TASS"
    assert len(outlets) == 12


def test_handover_makes_the_figures_lyus(transcript: Transcript) -> None:
    turn = transcript.turn_containing("China's import and export volume with the United States totaled 4.01 trillion")
    assert turn is not None
    assert (turn.speaker_id, turn.outlet) == ("lyu-daliang", "Lianhe Zaobao")
    handover = transcript.turns[turn.index - 1]
    assert handover.speaker_id == "wang-jun" and "Mr. Lyu" in handover.text


def test_turn_containing_respects_speaker(transcript: Transcript) -> None:
    quote = "China and the EU are each other's second-largest trading partners."
    assert transcript.turn_containing(quote, "lyu-daliang") is not None
    assert transcript.turn_containing(quote, "wang-jun") is None


def test_quote_may_wrap_differently(transcript: Transcript) -> None:
    assert transcript.turn_containing("exports amounted to\n  26.99 trillion yuan,   up 6.1%") is not None


def test_sentences_keep_abbreviations() -> None:
    text = "From Dec. 18, 2025, to Jan. 10, 2026, customs processed 18,000 tons. Mr. Lyu will answer. U.S. data differ."
    assert split_sentences(text) == [
        "From Dec. 18, 2025, to Jan. 10, 2026, customs processed 18,000 tons.",
        "Mr. Lyu will answer.",
        "U.S. data differ.",
    ]


def test_decimal_numbers_do_not_split() -> None:
    assert split_sentences("It grew 3.8%. Exports rose 6.1% in 2025.") == [
        "It grew 3.8%.",
        "Exports rose 6.1% in 2025.",
    ]
