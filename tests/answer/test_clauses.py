"""Two questions joined as clauses: split only where a new question opens, the second read as a follow-up."""

from __future__ import annotations

import pytest

from bot.answer.clauses import clause_split, preamble_split
from bot.answer.engine import Engine
from bot.answer.normalize import words


@pytest.mark.parametrize(
    ("text", "first", "rest"),
    [
        (
            "How many people shopped duty-free in Hainan between Dec. 18 and Jan. 10, and what were sales?",
            "How many people shopped duty-free in Hainan between Dec. 18 and Jan. 10",
            "what were sales?",
        ),
        (
            "Within the seven provinces, how did high-tech trade grow and how much did it lift their growth?",
            "Within the seven provinces, how did high-tech trade grow",
            "how much did it lift their growth?",
        ),
        ("how did exports grow? and what about imports?", "how did exports grow", "what about imports?"),
        # A terse first part joined by "+" or "&" is a question too.
        (
            "LDC imports growth + what % of tariff lines are zero duty for them?",
            "LDC imports growth",
            "what % of tariff lines are zero duty for them?",
        ),
    ],
)
def test_a_new_question_after_a_clause_splits(text: str, first: str, rest: str) -> None:
    assert clause_split(text) == (first, rest)


@pytest.mark.parametrize(
    "text",
    [
        "exports and imports growth",  # one question about two flows: the engine's own two-part reading
        "trade between Dec. 18 and Jan. 10",  # "and" inside a period
        "What was trade in December alone, and the growth for the month?",  # the second part asks nothing alone
        "what population and middle-income numbers did they cite?",
        "hainan shoppers, and what were sales",  # the first part is no question: read whole
    ],
)
def test_one_question_is_not_split(text: str) -> None:
    assert clause_split(text) is None


def test_both_clauses_are_answered_the_second_from_the_firsts_subject_and_period(engine: Engine) -> None:
    reply = engine.ask("How many people shopped duty-free in Hainan between Dec. 18 and Jan. 10, and what were sales?")
    assert reply.answered and reply.asked == 2
    assert [a.value for a in reply.answers[:2]] == ["585,000 people", "3.89 billion yuan"]
    assert reply.reading is not None and " + " in reply.reading.summary


def test_a_second_clause_the_briefing_does_not_answer_leaves_the_message_read_whole(engine: Engine) -> None:
    reply = engine.ask("How many people shopped duty-free in Hainan since the launch, and what did they spend on cars?")
    assert reply.asked == 1, "only the stated figure, with the other part said to be missing or not answered"


def test_words_joined_by_an_ampersand_are_two_words_and_abbreviations_stay_whole() -> None:
    assert words("belt&road exports") == ["belt", "and", "road", "exports"]
    assert words("m&e goods") == ["m&e", "goods"]


@pytest.mark.parametrize(
    ("text", "context"),
    [
        (
            "We distribute warehouse equipment. How did exports of electric forklifts do last year?",
            "We distribute warehouse equipment",
        ),
        ("For our energy outlook: did China bring in more crude oil?", "For our energy outlook"),
        ("we sell into china — how much did cheaper crude drag on import growth?", "we sell into china"),
        ("I cover food retail. By how much did fruit imports rise?", "I cover food retail"),
    ],
)
def test_the_context_before_a_question_is_parted_from_it(text: str, context: str) -> None:
    split = preamble_split(text)
    assert split is not None and split[0] == context


@pytest.mark.parametrize(
    "text", ["how did exports grow? and imports", "asean: how fast did trade grow", "what was trade with asean?"]
)
def test_a_message_that_opens_with_its_question_has_no_context(text: str) -> None:
    assert preamble_split(text) is None


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # The context's places are not what is asked: the question names Oceania.
        (
            "We export seafood and dairy from Australia and New Zealand. How did China's imports of edible aquatic "
            "products and dairy from Oceania change?",
            ["oceania-aquatic-imports-growth", "oceania-dairy-imports-growth"],
        ),
        # A pronoun in the question points at the context.
        (
            "We make medical devices. How did exports of them to BRI partner countries perform?",
            ["bri-medical-device-exports-growth"],
        ),
        # A subject of the context stays where the question names none.
        ("luggage imports from the eu - what share of china's total?", ["eu-consumer-products-import-share"]),
        (
            "I'm tracking green production equipment. What growth did exports of industrial gas-cleaning equipment "
            "and of electric forklifts show?",
            ["gas-purification-equipment-exports-growth", "electric-forklift-exports-growth"],
        ),
    ],
)
def test_a_question_after_its_context_is_read_as_a_follow_up_of_it(engine: Engine, text: str, figures: list) -> None:
    reply = engine.ask(text)
    assert [a.id.removeprefix("scio-2026-01-14/") for a in reply.answers[: len(figures)]] == figures


def test_a_question_after_its_context_that_the_briefing_does_not_answer_is_declined_as_asked(engine: Engine) -> None:
    # The context's exports are not a second question.
    reply = engine.ask(
        "Since high-tech exports got so much attention: how fast did China's imports of high-tech products grow in "
        "2025?"
    )
    assert not reply.answered
    # The context names the subject the question leaves unnamed.
    oceania = engine.ask("Oceania: how much did imports of seafood and dairy rise?")
    assert oceania.answered and oceania.answers[0].id.endswith("oceania-aquatic-imports-growth")
