"""The engine's behaviour, question by question: figures, speakers, topics and declines."""

from __future__ import annotations

import pytest

from bot.answer.engine import Engine

B = "scio-2026-01-14/"


def top(engine: Engine, text: str) -> str:
    reply = engine.ask(text)
    assert reply.answered, f"{text!r} was declined: {reply.reason} {reply.not_found}"
    return reply.answers[0].id.removeprefix(B)


def test_answer_carries_every_field_to_cite_it(engine: Engine) -> None:
    answer = engine.ask("How much did China's total trade reach in 2025?").answers[0]
    assert answer.id == B + "total-trade-2025"
    assert (answer.value, answer.change, answer.period) == ("45.47 trillion yuan", "up 3.8%", "2025")
    assert answer.speaker == "Wang Jun" and answer.role.startswith("vice minister")
    assert "45.47 trillion yuan, an increase of 3.8%" in answer.quote
    assert answer.briefing.title == "SCIO briefing on China's import and export in 2025"
    assert answer.briefing.date == "2026-01-14"


def test_lyu_daliangs_figures_are_his(engine: Engine) -> None:
    answer = engine.ask("What was China's trade with the EU in 2025?").answers[0]
    assert answer.id == B + "eu-trade-2025" and answer.speaker == "Lyu Daliang"
    assert answer.outlet == "Phoenix TV"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how fast did trade with ASEAN grow?", "asean-trade-2025"),
        ("What did China export in 2025?", "exports-2025"),
        ("total shipments last year", "exports-2025"),
        ("how did imports do", "imports-2025"),
        ("trade in December", "december-trade"),
        ("what was the december total?", "december-trade"),
        ("cumulative trade since 2020", "fyp14-cumulative-trade"),
        ("trade with Belt and Road countries", "bri-trade-2025"),
        ("SOE share of foreign trade", "soe-trade-2025"),
        ("how much did the bloc trade with China", "eu-trade-2025"),
        ("duty-free sales in Hainan since the launch", "hainan-duty-free-sales"),
        ("how fast did lithium battery exports grow?", "lithium-battery-exports-growth"),
        ("lithium batteries", "lithium-battery-exports-growth"),
    ],
)
def test_finds_the_figure_asked_for(engine: Engine, question: str, expected: str) -> None:
    assert top(engine, question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how fast did trde with asaen grow", "asean-trade-2025"),
        ("lithum battery exports", "lithium-battery-exports-growth"),
        ("foriegn invested enterprises trade", "fie-trade-2025"),
        ("hainn duty free sales", "hainan-duty-free-sales"),
    ],
)
def test_typos(engine: Engine, question: str, expected: str) -> None:
    assert top(engine, question) == expected


def test_markup_emoji_and_line_breaks(engine: Engine) -> None:
    assert top(engine, "<@U0123ABC> *how fast* did trade with\n_ASEAN_ grow? :chart_with_upwards_trend: 📈") == (
        "asean-trade-2025"
    )


def test_full_question_and_terse_slash_reach_the_same_indicator(engine: Engine) -> None:
    pairs = [
        ("how fast did lithium battery exports grow in 2025?", "lithium batteries"),
        ("what was the value of trade with the EU?", "eu trade"),
        ("how big were duty-free sales in Hainan?", "hainan duty-free sales"),
    ]
    for question, terse in pairs:
        assert top(engine, question) == top(engine, terse)


def test_growth_share_and_count_questions_get_those_figures(engine: Engine) -> None:
    growth = engine.ask("how fast did private enterprises' trade grow").answers[0]
    assert growth.change and "7.1%" in growth.change
    share = engine.ask("what share of trade did private enterprises have").answers[0]
    assert share.share and "57.3%" in share.share
    count = engine.ask("how many business entities traded").answers[0]
    assert count.kind == "count" and "780,000" in count.value


@pytest.mark.parametrize(
    ("topic", "headline"),
    [
        ("asean", "asean-trade-2025"),
        ("eu", "eu-trade-2025"),
        ("hainan", "hainan-trade-since-launch"),
        ("private enterprises", "private-enterprises-trade-2025"),
        ("14th fyp", "fyp14-cumulative-trade"),
    ],
)
def test_bare_topic_gives_headline_then_the_rest(engine: Engine, topic: str, headline: str) -> None:
    reply = engine.ask(topic)
    assert reply.answered and reply.topic is not None and reply.reason == "topic"
    assert reply.answers[0].id == B + headline
    assert len(reply.answers) > 1
    assert all(a.topic == reply.topic for a in reply.answers)


@pytest.mark.parametrize(
    ("question", "reason", "named"),
    [
        ("what was China's trade with India?", "place", "India"),
        ("exports to Japan", "place", "Japan"),
        ("japanese imports", "place", "Japan"),
        ("trade with South Africa", "place", "South Africa"),
        ("What was total trade in 2024?", "period", "2024"),
        ("imports in Q3 alone", "period", "Q3"),
        ("GDP growth in 2025", "unknown", "gdp"),
        ("what is the yuan exchange rate", "unknown", "exchange"),
        ("steel exports", "unknown", "steel"),
        ("bitcoin", "unknown", "bitcoin"),
        ("what was the trade surplus", "kind", "surplus"),
        ("total trade in US dollars", "kind", "US dollars"),
        ("what did UNCTAD forecast for global trade", "unknown", "UNCTAD"),
    ],
)
def test_declines_what_the_briefing_does_not_hold(engine: Engine, question: str, reason: str, named: str) -> None:
    reply = engine.ask(question)
    assert not reply.answered and reply.answers == []
    assert reply.reason == reason
    assert named.lower() in (reply.not_found or "").lower()
    assert 1 <= len(reply.suggestions) <= 3


@pytest.mark.parametrize("small_talk", ["hi", "hello there!", "thanks :)", "tell me a joke", "who are you?"])
def test_small_talk_is_declined(engine: Engine, small_talk: str) -> None:
    reply = engine.ask(small_talk)
    assert not reply.answered and reply.suggestions


def test_unknown_country_never_falls_back_to_a_total(engine: Engine) -> None:
    for question in ["total trade with Germany", "how fast did exports to Brazil grow", "Vietnam"]:
        assert not engine.ask(question).answered, question


def test_suggestions_are_close_topics(engine: Engine) -> None:
    labels = [s.label for s in engine.ask("trade with Vietnam").suggestions]
    assert labels and all(isinstance(label, str) for label in labels)
    hainan = engine.ask("hainan casinos")
    assert not hainan.answered
    assert "Hainan Free Trade Port" in [s.label for s in hainan.suggestions]


def test_more_on_topic(engine: Engine) -> None:
    reply = engine.topic("asean")
    assert reply.answered and reply.answers[0].id == B + "asean-trade-2025"
    assert not engine.topic("no-such-topic").answered


def test_a_repeated_message_is_answered_from_memory_within_a_bound(engine: Engine) -> None:
    cached, uncached = Engine(engine.kb, cache_size=4), Engine(engine.kb, cache_size=0)
    first = cached.ask("asean")
    assert cached.ask("asean") is first
    assert uncached.ask("asean") is not uncached.ask("asean")
    assert uncached.ask("asean") == first
    for other in ("eu", "key", "exports", "imports"):
        cached.ask(other)
    again = cached.ask("asean")
    assert again is not first and again == first  # pushed out by four newer messages, then answered afresh


def test_answers_built_without_revalidation_are_what_validation_gives(engine: Engine) -> None:
    for text in ("asean", "key figures", "how fast did exports to ASEAN grow?", "bitcoin"):
        reply = engine.ask(text)
        assert type(reply).model_validate(reply.model_dump()) == reply
        for answer in reply.answers:
            assert type(answer).model_validate(answer.model_dump()) == answer
            assert isinstance(answer.numeric, float) and isinstance(answer.score, float)


@pytest.mark.parametrize(
    ("number", "unit", "figure"),
    [
        (7.55e12, "CNY", "7.55 trillion yuan"),
        (1e12, "USD", "1 trillion US dollars"),  # stated "exceeded one trillion U.S. dollars"
        (26.2, "percent", "26.2%"),
        (780000, "count", "780,000"),
        (6.2128e9, "CNY", "6.2128 billion yuan"),  # every stated digit, none rounded away
        (3, "years", "3 years"),
        (2.5, "points", "2.5 percentage points"),
    ],
)
def test_an_answer_gives_its_figure_in_digits(number: float, unit: str, figure: str) -> None:
    from bot.answer.models import figure_in_digits

    assert figure_in_digits(number, unit) == figure


def test_the_json_of_an_answer_holds_its_figure_in_digits(engine: Engine) -> None:
    from bot.commands.ask import reply_json

    answer = reply_json(engine.ask("In US dollar terms, how big was China-ASEAN trade last year?"))["answers"][0]
    assert answer["value"] == "exceeded one trillion U.S. dollars" and answer["figure"] == "1 trillion US dollars"


def test_a_change_in_words_is_given_in_digits_too(engine: Engine) -> None:
    from bot.commands.ask import reply_json

    answer = reply_json(engine.ask("imports rose from how many more countries than in 2024?"))["answers"][0]
    assert answer["change"] == "seven more than in 2024" and answer["change_figure"] == "7 more than in 2024"
