"""Follow-ups read against the last question: which slot a follow-up swaps, and when a message stands alone."""

from __future__ import annotations

import pytest

from bot.answer.engine import Engine
from bot.answer.followup import LocalConversation, Turn

B = "scio-2026-01-14/"


def converse(engine: Engine, *texts: str) -> list:
    turn: Turn | None = None
    replies = []
    for text in texts:
        reply, turn = engine.converse(text, turn)
        replies.append(reply)
    return replies


def expect_figure(reply, figure: str | None) -> None:
    """The reply answers with ``figure`` first, or declines when it is None."""
    if figure is None:
        assert not reply.answered
    else:
        assert reply.answered and reply.answers[0].id == B + figure


@pytest.mark.parametrize(
    ("first", "follow", "read_as", "figure"),
    [
        ("trade with Latin America?", "and imports?", "imports · Latin America", "imports-from-latin-america-growth"),
        (
            "imports from Latin America growth",
            "what about Africa?",
            "imports · Africa · growth",
            "imports-from-africa-growth",
        ),
        ("total trade in 2025", "and in December?", "trade · December 2025", "december-trade"),
        ("trade with ASEAN", "growth?", "trade · ASEAN · growth", "asean-trade-2025"),
        (
            "high-tech exports",
            "and the EU?",
            "exports · High-tech products · European Union",
            "eu-high-tech-exports-growth",
        ),
        ("wind turbine exports growth", "to the EU?", "exports · European Union · wind turbine · growth", None),
        ("imports in December", "and exports?", "exports · December 2025", None),  # not stated for December
        # A qualifier named with the subject qualifies the last figure: its source, or a part of it.
        (
            "china-us trade value last yr?",
            "what do the us stats say",
            "trade · United States · per U.S. statistics",
            "us-trade-us-statistics",
        ),
        (
            "border provinces trade 2025",
            "with neighbouring countries only?",
            "trade · Border provinces and regions · neighbouring countries · 2025 · alone",
            "border-regions-neighbor-trade-2025",
        ),
    ],
)
def test_a_follow_up_swaps_one_slot_and_keeps_the_others(
    engine: Engine, first: str, follow: str, read_as: str, figure: str | None
) -> None:
    _, reply = converse(engine, first, follow)
    assert reply.reading.summary == read_as
    if figure is None:
        return
    assert reply.answered and reply.answers[0].id == B + figure


@pytest.mark.parametrize(
    ("thread", "figure"),
    [
        # A partner named with a noun of its own ("countries") keeps the goods asked before.
        (("wind turbine exports growth in 2025?", "to the EU?", "bri countries?"), "bri-wind-turbine-exports-growth"),
        # Goods named on their own replace the goods (a topic of goods) asked before ...
        (("equipment manufacturing exports in 2025?", "share of total exports?", "industrial robots?"), None),
        # ... and keep the partner.
        (
            ("how much did dairy imports from Oceania rise in 2025?", "aquatic products?"),
            "oceania-aquatic-imports-growth",
        ),
    ],
)
def test_goods_replace_goods_and_partners_replace_partners(
    engine: Engine, thread: tuple[str, ...], figure: str | None
) -> None:
    reply = converse(engine, *thread)[-1]
    assert reply.answered
    assert reply.answers[0].id == B + (figure or "industrial-robot-exports-growth")


def test_a_part_of_the_whole_asked_after_a_partner_keeps_the_partner(engine: Engine) -> None:
    # "overall" is the whole the BRI's exports contribute to, not a new question about China as a whole; and
    # "those countries" are the BRI partners still.
    _, contribution, projects = converse(
        engine,
        "How much did exports to Belt and Road partner countries grow last year?",
        "contribution to overall export growth?",
        "ok what about exports via contracted projects to those countries",
    )
    assert contribution.answers[0].id == B + "bri-exports-contribution"
    assert projects.answers[0].id == B + "bri-contracted-projects-exports-2025"


def test_the_second_part_of_a_question_may_name_a_figure_of_no_flow(engine: Engine) -> None:
    # The imports asked first do not carry to the tariff lines, which no flow qualifies.
    reply = engine.ask(
        "How much did imports from the least developed countries increase, and what share of tariff lines gets "
        "zero tariffs?"
    )
    assert [a.id for a in reply.answers[: reply.asked]] == [B + "ldc-imports-growth", B + "ldc-zero-tariff-coverage"]


def test_a_partner_swapped_keeps_a_growth_rate_asked_and_a_narrower_measure_gives_way(engine: Engine) -> None:
    *_, us = converse(engine, "china eu trade 2025??", "growth", "what about the US?")
    assert not us.answered and "growth" in us.reading.summary  # no growth rate is stated for US trade
    assert any("4.01 trillion yuan" in s.label for s in us.suggestions)
    *_, eu = converse(engine, "high tech exports 2025?", "contribution to export growth", "to the eu?")
    assert eu.answered and eu.answers[0].id == B + "eu-high-tech-exports-growth"


@pytest.mark.parametrize(
    "follow",
    ["what were China's total exports in 2025?", "total trade in 2025", "how many trading partners does China have?"],
)
def test_a_whole_question_is_read_on_its_own(engine: Engine, follow: str) -> None:
    _, reply = converse(engine, "trade with Latin America?", follow)
    assert "Latin America" not in reply.reading.summary


@pytest.mark.parametrize("ask", ["who said that?", "source?", "Who said it", "quote please"])
def test_who_said_that_gives_the_last_answer_with_its_speaker_role_and_outlet(engine: Engine, ask: str) -> None:
    first, source = converse(engine, "how fast did imports from Latin America grow?", ask)
    assert source.reason == "source" and source.answers[0].id == first.answers[0].id
    assert (
        source.answers[0].note.startswith("Said by Wang Jun, vice minister")
        and "National Business Daily" in source.answers[0].note
    )


def test_who_said_that_after_a_decline_says_there_is_nothing_to_cite(engine: Engine) -> None:
    from bot.render.text import reply_text

    _, reply = converse(engine, "trade with India", "who said that?")
    assert not reply.answered and reply.reason == "no_source"
    assert "no source to cite" in reply_text(reply)


def test_who_said_that_after_a_topic_cites_its_headline_figure(engine: Engine) -> None:
    first, reply = converse(engine, "what do the us stats say", "who said that?")
    assert first.reason == "topic" and reply.reason == "source"
    assert reply.answers[0].id == first.answers[0].id


def test_chat_between_questions_keeps_the_last_one(engine: Engine) -> None:
    _, thanks, follow = converse(engine, "trade with Latin America?", "thanks!", "and imports?")
    assert follow.reading.summary == "imports · Latin America"


def test_without_a_last_question_a_follow_up_is_read_alone(engine: Engine) -> None:
    (reply,) = converse(engine, "and imports?")
    assert "Latin America" not in str(reply.reading)


def test_a_local_conversation_remembers_its_last_turn(engine: Engine) -> None:
    conversation = LocalConversation()
    assert conversation.recall() is None
    _, turn = engine.converse("trade with ASEAN", None)
    conversation.remember(turn)
    assert conversation.recall() is turn


def test_a_carried_measure_gives_way_to_what_is_stated_about_exactly_that_subject(engine: Engine) -> None:
    # BRI exports have a growth rate, not a value; only the narrower exports through contracted projects have one.
    replies = converse(
        engine, "How much did China trade with Belt and Road partner countries in 2025?", "exports to them?"
    )
    assert replies[-1].answers[0].id == B + "bri-exports-growth-2025"


def test_a_figure_about_none_of_the_partners_named_is_not_the_answer(engine: Engine) -> None:
    # The national high-tech contribution to export growth is not a figure of the high-tech exports to the EU.
    thread = ("high-tech product exports in 2025?", "how much did that add to overall export growth", "and to the EU?")
    reply = converse(engine, *thread)[-1]
    assert reply.answered and reply.answers[0].id == B + "eu-high-tech-exports-growth"


def test_a_short_message_that_names_something_and_asks_a_slot_is_tried_against_the_last_question(
    engine: Engine,
) -> None:
    replies = converse(engine, "How did the Yangtze River Delta's foreign trade perform in 2025?", "ship exports?")
    assert replies[-1].answers[0].id == B + "yrd-ships-offshore-exports-growth"
    # ... and read on its own where the last question states nothing for it
    alone = converse(engine, "How did the Yangtze River Delta's foreign trade perform in 2025?", "asean trade?")[-1]
    assert alone.answered and alone.answers[0].id == B + "asean-trade-2025"


def test_a_currency_goes_with_the_value_it_qualified(engine: Engine) -> None:
    thread = ("how fast did trade with latin america grow last year?", "how big in yuan", "and imports from there?")
    assert converse(engine, *thread)[-1].answers[0].id == B + "imports-from-latin-america-growth"


def test_a_growth_asked_after_a_dollar_figure_is_the_stated_yuan_growth(engine: Engine) -> None:
    reply = converse(engine, "asean trade value 2025?", "in usd?", "growth")[-1]
    assert reply.reading.summary == "trade · ASEAN · growth · 2025"  # the currency let go shows in "Read as"
    assert reply.answers[0].id == B + "asean-trade-2025"


@pytest.mark.parametrize(
    "thread",
    [
        # A place named alone is a question of its own, not a part of the last group.
        ("How did the seven major foreign trade provinces perform in 2025?", "border regions?", "guangdong alone?"),
        # Goods named stay named: the growth of all BRI trade is no growth of its farm trade.
        ("ag trade w bri partners?", "growth?"),
    ],
)
def test_a_follow_up_keeps_what_it_named_and_declines_what_is_not_stated(engine: Engine, thread) -> None:
    reply = converse(engine, *thread)[-1]
    assert not reply.answered and reply.reason == "kind"


@pytest.mark.parametrize(
    ("thread", "figure"),
    [
        # A measure swapped lets go of the last question's qualifying words when only that is stated, never of
        # the goods it named.
        (("cumulative trade during the 14th fyp?", "avg annual growth"), "total-trade-average-annual-growth-2021-2025"),
        (("high-tech exports in 2025?", "share of total exports?", "growth?"), "high-tech-exports-2025"),
    ],
)
def test_a_follow_up_carries_less_where_only_that_is_stated(engine: Engine, thread, figure: str) -> None:
    reply = converse(engine, *thread)[-1]
    assert reply.answered and reply.answers[0].id == B + figure


@pytest.mark.parametrize(
    ("thread", "figure"),
    [
        # "total value" after one flow asks the two-way total.
        (("latam trade growth in 2025?", "exports?", "total value in yuan?"), "latin-america-trade-2025"),
        # A subject named alone, not a partner, for which nothing carried is stated: its own figures.
        (("new trio export value 2025", "vs 2020?", "cross border ecommerce?"), "cross-border-ecommerce-2025"),
        # A partner named alone asks the same figure of it, or nothing.
        (("how much did wind turbine exports grow in 2025", "to the EU?", "to bri countries?", "latam?"), None),
    ],
)
def test_what_a_short_follow_up_names_decides_what_is_carried(engine: Engine, thread, figure: str | None) -> None:
    expect_figure(converse(engine, *thread)[-1], figure)


@pytest.mark.parametrize(
    ("thread", "figure"),
    [
        # A pronoun beside a subject named anew points at that subject: the private firms' share is not theirs.
        (
            (
                "private enterprises trade value 2025",
                "ok and foreign-invested enterprises, what was their trade value?",
                "their share of the total?",
            ),
            None,
        ),
        # A whole group's noun beside a pronoun says what the last subject is: ASEAN is still the top market.
        (("asean trade value 2025?", "is it still the top export mkt"), "asean-largest-export-market"),
        # What the last question counted is not goods that stay: shoppers replace sales.
        (
            ("hainan duty-free sales since the launch", "how many shoppers", "per day?"),
            "hainan-duty-free-daily-shoppers",
        ),
        # What the follow-up names is stated for another flow: trade by land, not exports.
        (
            ("How much did China trade with Belt and Road partner countries in 2025?", "exports to them?", "by land?"),
            "bri-land-transport-trade-growth",
        ),
        # A partner named keeps the flow: imports from the US are not stated.
        (("imports from latin america up how much?", "asia", "from the us?"), None),
        # A place named that no figure carried is about: the border provinces' figure is no answer for Guangdong.
        (
            (
                "How much trade did China's nine border provinces and autonomous regions do in 2025?",
                "what about guangdong on its own",
            ),
            None,
        ),
        # Goods named with a pronoun replace the goods; the pronoun's partner stays.
        (
            (
                "How large was agricultural products trade between China and BRI partners in 2025?",
                "medical devices exports to them?",
            ),
            "bri-medical-device-exports-growth",
        ),
        # A comparison year after a span asks the change of the year on it.
        (("how did trade do over the 14th five-year plan overall?", "vs 2020?"), "total-trade-2025-vs-2020"),
        # Another figure of the subject, named and measured anew, has a period of its own when the last one (a
        # year nothing is stated for) states nothing.
        (
            ("hainan duty-free sales since the launch", "and for the whole of 2024?", "avg shoppers per day?"),
            "hainan-duty-free-daily-shoppers",
        ),
        # A year before the briefing's, asked in passing, gives way to the briefing's year when it states nothing.
        (
            ("BRI trade in 2025?", "and its share of the total?", "n the year before?", "exports to them?"),
            "bri-exports-growth-2025",
        ),
        # What no figure is about, named alone, replaces the last question's words: no count of exhibitors.
        (("what deals came out of the 8th ciie?", "how many exhibitors"), None),
        # A question about the briefing itself is read on its own.
        (("exports to the us?", "who handled the US question at the briefing?"), "us-trade-2025"),
        # "What dragged imports down" asks for a subject of its own, not the December figure asked before.
        (
            ("imports in december?", "what dragged imports down and by how much"),
            "commodity-prices-drag-on-import-growth",
        ),
        # "the year before" is a period the briefing gives no China-US figure for.
        (("What was the total value of China-US trade in 2025?", "and the year before?"), None),
        # "how many had …" leaves out what it counts: the last question's partners.
        (
            ("How many countries and regions traded with China last year?", "how many had trade above 1 trillion"),
            "partners-over-1-trillion",
        ),
        # A goods topic named replaces the goods of the last question ("ev"), the partner stays.
        (
            (
                "wind power equipment exports to the eu?",
                "and china's ev exports to the eu?",
                "What about high-tech imports from the EU — how much did they rise?",
            ),
            "eu-high-tech-imports-growth",
        ),
        # China's own figure asked, with a pronoun for customs: a question of its own; "this year" is 2026.
        (
            (
                "What 2026 forecast for global merchandise trade growth did the WTO give?",
                "did customs give its own forecast for china's trade growth this year?",
            ),
            None,
        ),
        # A figure named by its synonym is that figure "specifically"; a partner named alone asks the same figure.
        (
            ("How fast did China's wind turbine exports grow in 2025?", "to the EU specifically?"),
            "eu-wind-power-equipment-exports-growth",
        ),
        (("ship exports growth 2025?", "to the EU specifically?"), None),
        # A whole question (its own flow, measure and period) the last subject has no figure for is read alone.
        (
            ("how much did the drop in commodity prices drag on import growth", "what was import growth in dec"),
            "december-imports-growth",
        ),
        # With a cue it still follows up: December exports are not stated.
        (
            (
                "how much did the drop in commodity prices drag on import growth",
                "what was import growth in dec",
                "and export growth in december?",
            ),
            None,
        ),
        # China named, even after a cue, is a question of its own; another subject's total trade follows up.
        (
            (
                "What did the WTO forecast for global merchandise trade growth in 2026?",
                "and what growth does customs expect for china's own trade this year?",
            ),
            None,
        ),
        (
            (
                "How much were zero-tariff imports into Hainan between Dec 18 and Jan 10?",
                "and the island's total trade in that window",
            ),
            "hainan-trade-since-launch",
        ),
        # "How much of that" asks the part's share, or its value where only that is stated.
        (
            (
                "How much trade did China's nine border provinces and autonomous regions do in 2025?",
                "how much of that was with neighbouring countries",
            ),
            "border-regions-neighbor-trade-2025",
        ),
        (
            (
                "How much were zero-tariff imports into Hainan between Dec 18 and Jan 10?",
                "and the island's total trade in that window",
                "how much of that was exports",
            ),
            None,
        ),
        # "in that period" points at the last question's time, not its subject: Hainan's trade, not its firms.
        (
            (
                "how many foreign trade firms registered in hainan after island-wide special customs operations began",
                "and hainan's goods trade in that period?",
            ),
            "hainan-trade-since-launch",
        ),
        # "Outbound duty-free purchases" are Hainan's duty-free shopping, no exports: the sales follow.
        (
            (
                "How many people made outbound duty-free purchases in Hainan between Dec 18 and Jan 10?",
                "total sales?",
            ),
            "hainan-duty-free-sales",
        ),
        # Abbreviations: "contrib" is the contribution.
        (("equipment manufacturing exports 2025", "contrib to export growth"), "equipment-exports-contribution"),
    ],
)
def test_a_follow_up_points_back_at_what_its_words_name(engine: Engine, thread, figure: str | None) -> None:
    expect_figure(converse(engine, *thread)[-1], figure)


def test_a_conversation_about_the_briefing_stays_about_it(engine: Engine) -> None:
    chaired, when, role, length = converse(
        engine, "who chaired the presser?", "when was it held", "and lyu daliang's role?", "how long did it run?"
    )
    assert chaired.reason == "briefing" and when.reason == "briefing" and role.reason == "briefing"
    assert "14 January 2026" in when.facts[0].text
    assert role.facts[0].id.endswith("lyu-daliang")
    assert not length.answered  # how long it ran is not on record
