"""The classes of failure the understanding issue names, each as its own kind of question (paraphrased)."""

from __future__ import annotations

import pytest

from bot.answer.engine import Engine
from bot.answer.reading.frame import Flow
from bot.kb.loader import DEFAULT_KNOWLEDGE_DIR
from bot.render.text import reply_text

B = "scio-2026-01-14/"


def top(engine: Engine, text: str) -> str:
    reply = engine.ask(text)
    assert reply.answered and reply.answers, f"{text!r} was declined: {reply.reason} {reply.not_found}"
    return reply.answers[0].id.removeprefix(B)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("how much FDI flowed into China last year", "FDI"),
        ("value of China–Russia trade", "Russia"),
        ("what were Sino-Japanese trade flows worth", "Japan"),
        ("Vietnamese imports of chinese goods", "Vietnam"),
        ("soybean imports in 2025", "soybean"),
        ("steel exports to ASEAN", "steel"),
    ],
)
def test_a_subject_the_briefing_does_not_hold_is_declined_by_name(engine: Engine, question: str, named: str) -> None:
    reply = engine.ask(question)
    assert not reply.answered and named.lower() in (reply.not_found or "").lower()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("trade with the asean bloc", "asean-trade-2025"),
        ("how many foreign trade companies are there", "trading-entities-count"),
        ("yo whats the total trade number for 2025 lol", "total-trade-2025"),
        ("imprts growth last yr?? felt kinda flat", "imports-2025"),
        ("<@U0BOTID> \nquick one - asean growth %?", "asean-trade-2025"),
        ("china's exports in renminbi", "exports-2025"),
        ("how big was the import bill", "imports-2025"),
        ("inbound shipments last year", "imports-2025"),
        ("outbound sales growth", "exports-2025"),
        ("purchases from abroad", "imports-2025"),
        ("two-way trade with the EU", "eu-trade-2025"),
        ("M&E goods imports", "mechanical-electrical-imports-2025"),
        ("cooking oil imports", "edible-oil-imports-growth"),
        ("imports up how much compared with 2024?", "imports-2025"),
    ],
)
def test_ordinary_words_are_read_not_declined(engine: Engine, question: str, expected: str) -> None:
    assert top(engine, question) == expected


@pytest.mark.parametrize(
    "question", ["number of private trading firms", "How many companies exhibited at the eighth CIIE?"]
)
def test_a_count_of_all_trading_firms_is_no_count_of_some_of_them(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert not reply.answered or reply.answers[0].id != B + "trading-entities-count"


def test_how_many_soes_is_not_the_average_per_soe(engine: Engine) -> None:
    reply = engine.ask("how many SOEs trade")  # the briefing gives no count of state-owned enterprises
    assert not reply.answered and "count" in reply.not_found and not reply.answers


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("december imports", "december-imports-growth"),
        ("how much did imports grow in december", "december-imports-growth"),
        ("by how many points did BRI growth beat overall growth", "bri-trade-2025"),
        ("lithium battery exports", "lithium-battery-exports-growth"),
        ("EVs, lithium batteries and solar panels as a group: export growth", "green-trio-exports-growth"),
        # "cos" are companies: the enterprises registered, not the product categories granted access.
        (
            "how many new overseas food cos registered w customs in 2025?",
            "overseas-food-enterprises-registered-increase",
        ),
        # The exemptions on the zero-tariff imports, not the imports ("exempted" is one of the figure's names).
        (
            "How much in tariffs was exempted on zero-tariff imports into Hainan since December 18?",
            "hainan-tariff-exemptions",
        ),
    ],
)
def test_the_flow_measure_and_direction_asked(engine: Engine, question: str, expected: str) -> None:
    assert top(engine, question) == expected


def test_exports_to_the_us_are_never_a_rank_nor_the_total(engine: Engine) -> None:
    # Only two-way trade is stated for the US: the total is offered first, with its value, but not as the answer.
    reply = engine.ask("exports to the us")
    assert not reply.answered and reply.reason == "kind"
    assert reply.not_found == "exports figure for United States"
    closest = reply.suggestions[0].label
    assert closest.startswith("Trade with the United States") and "4.01" in closest


@pytest.mark.parametrize(
    ("question", "not_found", "closest"),
    [
        ("how fast did exports to ASEAN grow?", "exports growth rate for ASEAN", "7.55 trillion yuan"),
        ("how much did china import from the EU in 2025?", "imports value for European Union", "5.93 trillion yuan"),
        ("exports to africa growth?", "exports growth rate for Africa", "2.49 trillion yuan"),
    ],
)
def test_one_flow_where_only_the_total_is_stated_is_declined_with_the_total_first(
    engine: Engine, question: str, not_found: str, closest: str
) -> None:
    reply = engine.ask(question)
    assert not reply.answered and reply.not_found == not_found
    assert closest in reply.suggestions[0].label


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("By what rate did exports to Latin America expand in 2025?", "latin-america-machinery-exports-growth"),
        ("By how much did high-tech imports rise in 2025?", "eu-high-tech-imports-growth"),
        ("What was China's import growth in May 2025?", "imports-2025"),
    ],
)
def test_a_narrower_or_other_period_figure_is_not_the_answer(engine: Engine, question: str, wrong: str) -> None:
    reply = engine.ask(question)
    assert not reply.answers or reply.answers[0].id != B + wrong


@pytest.mark.parametrize(
    ("question", "flow"),
    [
        ("What was the combined import-export value of SOEs in 2025?", Flow.TRADE),
        ("import export volume per SOE", Flow.TRADE),
        ("hainan imports exports growth since launch", Flow.IMPORTS),  # a list of both flows, not the total
        ("How many companies had import or export records in 2025?", Flow.TRADE),
    ],
)
def test_the_compound_import_export_is_two_way_trade(engine: Engine, question: str, flow: Flow) -> None:
    assert engine.read(question).flows[0] is flow


def test_the_margin_is_the_stated_figure(engine: Engine) -> None:
    answer = engine.ask("by how many percentage points did BRI growth outpace overall growth?").answers[0]
    assert "2.5 percentage points" in answer.change


def test_lithium_batteries_on_their_own_are_not_the_group(engine: Engine) -> None:
    reply = engine.ask("lithium batteries on their own: export growth")
    assert not reply.answered or reply.answers[0].id == B + "lithium-battery-exports-growth"
    assert engine.ask("lithium batteries on their own").answers[0].id != B + "green-trio-exports-growth"


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("partners over 1 trillion, and over 100 billion?", "partners-over-1-trillion", "partners-over-100-billion"),
        ("Africa vs Latin America growth", "africa-trade-2025", "latin-america-trade-2025"),
        (
            "import growth of electronic components and of computer parts",
            "electronic-components-imports-growth",
            "computer-parts-imports-growth",
        ),
        # The second part asks the duty of the exemption the first part named, not another exemption.
        (
            "Under the processing value-added exemption, how much was sold from Hainan to the mainland and how much "
            "duty was exempted?",
            "hainan-processing-value-added-sales",
            "hainan-processing-value-added-duty-exemptions",
        ),
        # The same as two clauses: the second is narrowed by the first's words.
        (
            "Under Hainan's processing value-added tax exemption, how much in goods was sold to the mainland, and how "
            "much in import duties was waived?",
            "hainan-processing-value-added-sales",
            "hainan-processing-value-added-duty-exemptions",
        ),
        # The things named are not the two parts: the flows are.
        (
            "What proportion of China's consumer-goods imports and of its consumer-goods exports does the EU "
            "represent?",
            "eu-consumer-goods-import-share",
            "eu-consumer-goods-export-share",
        ),
        (
            "On an average day, how many people shopped duty-free in Hainan and how much did they spend?",
            "hainan-duty-free-daily-shoppers",
            "hainan-duty-free-daily-sales",
        ),
        # "population" is no word of the middle-income group's figure.
        ("china population and middle income group size", "china-population", "china-middle-income-group"),
        (
            "china exports to eu of clothes + kitchenware growth?",
            "eu-garment-exports-growth",
            "eu-kitchenware-exports-growth",
        ),
        # Two things listed that one figure names together, and a third.
        (
            "yrd ship/offshore gear + biopharma exports growth",
            "yrd-ships-offshore-exports-growth",
            "yrd-biopharma-exports-growth",
        ),
        # A measure typed before the join is the first side's: no count of sales is asked.
        ("hainan duty free shoppers count + total sales", "hainan-duty-free-shoppers", "hainan-duty-free-sales"),
    ],
)
def test_two_figures_asked_are_both_answered_first(engine: Engine, question: str, first: str, second: str) -> None:
    reply = engine.ask(question)
    assert reply.asked == 2
    assert [a.id.removeprefix(B) for a in reply.answers[:2]] == [first, second]
    text = reply_text(reply)
    assert reply.answers[0].value in text and reply.answers[1].value in text


def test_half_of_a_two_part_question_is_answered_and_the_other_half_named(engine: Engine) -> None:
    reply = engine.ask("ASEAN and Japan trade")
    assert reply.answered and reply.answers[0].id == B + "asean-trade-2025"
    assert any("Japan" in m for m in reply.missing)


@pytest.mark.parametrize(
    ("question", "label", "text"),
    [
        ("who is Lyu Daliang", "Speaker", "spokesperson of the GACC"),
        ("when was the briefing", "Briefing", "14 January 2026"),
        ("where was the press conference held", "Briefing", "State Council Information Office"),
        ("who spoke at the briefing", "Speaker", "Wang Jun"),
        ("what does the briefing cover", "Covers", "ASEAN"),
        ("what time did the presser start", "Briefing", "10 a.m."),
        # The briefing's title names trade; the question is still about the briefing.
        (
            "On what date in January 2026 was the SCIO briefing on China's 2025 imports and exports held?",
            "Briefing",
            "14",
        ),
        # The chair, not a rank ("position"), and only the chair.
        ("Who chaired the press conference, and what is her position?", "Speaker", "Shou Xiaoli"),
        # A speaker's position is their role, not a rank.
        ("What position does Wang Jun hold at the General Administration of Customs?", "Speaker", "vice minister"),
        ("lyu daliang's job title?", "Speaker", "spokesperson of the GACC"),
    ],
)
def test_questions_about_the_briefing(engine: Engine, question: str, label: str, text: str) -> None:
    reply = engine.ask(question)
    assert reply.answered and reply.reason == "briefing"
    assert any(f.label == label and text in f.text for f in reply.facts)


def test_a_fact_about_the_briefing_is_cited_by_whom_it_is_about_and_the_transcripts_own_line(engine: Engine) -> None:
    source = (DEFAULT_KNOWLEDGE_DIR / "sources" / "scio-2026-01-14-china-trade-2025.txt").read_text(encoding="utf-8")
    (who,) = engine.ask("who is Lyu Daliang").facts
    assert who.speaker == "Lyu Daliang" and who.quote in source and who.id == "scio-2026-01-14/speaker/lyu-daliang"
    (when,) = engine.ask("when was the briefing held").facts
    assert when.speaker == "Shou Xiaoli" and when.quote == "Beijing | 10 a.m. Jan. 14, 2026" and when.quote in source


def test_china_s_position_as_the_largest_trading_nation_is_its_rank(engine: Engine) -> None:
    for question in ("china's position as the largest trading nation", "is china still the biggest trading country?"):
        assert engine.ask(question).answers[0].id == B + "largest-trading-nation"


def test_a_qualifier_of_a_goods_name_names_no_goods_and_a_start_verb_is_no_subject(engine: Engine) -> None:
    # "special" is a word of "special woven fabrics", and no goods of its own; "began" says since when.
    reply = engine.ask("hainan duty free sales since special customs operations began")
    assert reply.answered and reply.answers[0].id == B + "hainan-duty-free-sales"


@pytest.mark.parametrize(
    "question",
    ["bri trade by sea / land / air growth?", "Logistics question: how did BRI trade by sea, by land and by air grow?"],
)
def test_three_things_listed_are_three_figures(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert reply.asked == 3
    assert [a.id.removeprefix(B) for a in reply.answers[:3]] == [
        "bri-water-transport-trade-growth", "bri-land-transport-trade-growth", "bri-air-transport-trade-growth"
    ]  # fmt: skip


def test_a_groups_amount_is_no_members_and_its_rate_is_given_with_a_note(engine: Engine) -> None:
    value = engine.ask("ev exports value 2025")
    assert not value.answered and value.suggestions[0].label.startswith("New trio")
    growth = engine.ask("EV exports growth?")
    assert growth.answered and growth.answers[0].note and "27.1%" in growth.answers[0].value
    named = engine.ask('How much were "new trio" exports worth in 2025? writing a piece on NEVs and PV')
    assert named.answers[0].id == B + "new-trio-exports-2025"


def test_a_whole_group_named_with_words_of_a_narrower_figure_is_not_its_count(engine: Engine) -> None:
    reply = engine.ask("how many 'little giant' firms r there?")
    assert not reply.answered
    assert "little giant" in reply_text(reply)  # the decline names what was asked, not "foreign-trade enterprises"
    assert engine.ask("how many foreign trade firms are there?").answers[0].id == B + "trading-entities-count"


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("How concentrated is China's trade among its ten biggest partners?", "top-ten-partners-share"),
        (
            "From how many countries and regions did China's purchases increase last year?",
            "import-source-countries-growth",
        ),
        (
            "What was Hainan's goods trade from mid-December to Jan 10, and how much higher was it year on year?",
            "hainan-trade-since-launch",
        ),
    ],
)
def test_paraphrases_of_a_figure(engine: Engine, question: str, figure: str) -> None:
    assert engine.ask(question).answers[0].id == B + figure


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        (
            "bri trade by water land air",
            ["bri-water-transport-trade-growth", "bri-land-transport-trade-growth", "bri-air-transport-trade-growth"],
        ),
        (
            "gas purification equipment forklift exports",
            ["gas-purification-equipment-exports-growth", "electric-forklift-exports-growth"],
        ),
        ("electronic components computer parts imports growth", ["electronic-components-imports-growth", None]),
    ],
)
def test_a_terse_list_with_no_join_is_a_figure_per_run_of_words(engine: Engine, question: str, figures: list) -> None:
    reply = engine.ask(question)
    assert reply.asked == len(figures)
    for answer, figure in zip(reply.answers, figures, strict=False):
        assert figure is None or answer.id == B + figure
    # One figure naming every word is one question.
    assert engine.ask("gas purification equipment exports").asked == 1


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        # A growth rate of the year after the one covered is a forecast.
        (
            "What figure did the WTO give for global merchandise trade growth in 2026, as cited at the briefing?",
            "wto-2026-forecast",
        ),
        # A share of growth is a contribution stated in percent.
        ("AI goods share of global trade growth?", "global-ai-trade-growth-contribution"),
        (
            "How many percentage points of overall export growth came from equipment manufacturing?",
            "equipment-exports-contribution",
        ),
    ],
)
def test_what_kind_of_figure_a_phrase_asks(engine: Engine, question: str, figure: str) -> None:
    assert engine.ask(question).answers[0].id == B + figure


def test_who_with_a_role_s_words_and_no_figure_asked_is_about_the_briefing(engine: Engine) -> None:
    reply = engine.ask("Which official served as GACC spokesperson and heads its statistics and analysis department?")
    assert reply.reason == "briefing" and [f.speaker for f in reply.facts] == ["Lyu Daliang"]


@pytest.mark.parametrize(
    "question",
    ["how many foreign invested firms were trading in 2025 in total", "number of foreign invested firms trading"],
)
def test_a_count_of_firms_is_neither_an_increase_nor_a_number_of_quarters(engine: Engine, question: str) -> None:
    assert not engine.ask(question).answered
    more = engine.ask("how many more foreign-funded firms were trading in 2025 than in 2020")
    assert more.answers[0].id == B + "fie-count-increase-since-2020"


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        (
            "How many registered foreign trade companies does Hainan have now?",
            "hainan-registered-trade-companies-total",
        ),
        ("how many foreign trade firms registered in Hainan since the launch?", "hainan-new-trade-registrations"),
    ],
)
def test_a_level_now_is_not_what_was_added_over_a_span(engine: Engine, question: str, figure: str) -> None:
    assert engine.ask(question).answers[0].id == B + figure


def test_annual_growth_is_the_year_s_growth_and_chairing_asks_the_chair(engine: Engine) -> None:
    growth = engine.ask("how big was China's total goods trade in 2025 and what was the annual growth?")
    assert growth.answered and growth.answers[0].id == B + "total-trade-2025"
    chair = engine.ask("Who was chairing this SCIO press conference on the 2025 trade data?")
    assert [f.speaker for f in chair.facts] == ["Shou Xiaoli"]


def test_an_adverb_is_chat_not_a_subject_the_briefing_lacks(engine: Engine) -> None:
    reply = engine.ask("yo how much did imports grow last yr? feels like barely anything lol")
    assert reply.answered and reply.answers[0].id == B + "imports-2025"


def test_examples_after_such_as_are_the_members_of_a_figure_s_subject(engine: Engine) -> None:
    reply = engine.ask("transformers and storage batteries, export growth")
    assert reply.answers[0].id == B + "data-center-electrical-equipment-exports-growth"


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("who's the gacc spokesperson at this presser?", "Lyu Daliang"),
        ("which vice minister spoke", "Wang Jun"),
        ("who is the scio spokesperson", "Shou Xiaoli"),
        ("Besides being customs spokesperson, which department does Lyu Daliang run?", "Lyu Daliang"),
        # Who answered an outlet's question: the speaker of the figures given in answer to it.
        ("who fielded the hainan question from TASS?", "Wang Jun"),
        ("who answered the regional question from beijing youth daily?", "Lyu Daliang"),
    ],
)
def test_a_role_or_an_outlet_named_picks_the_speaker(engine: Engine, question: str, speaker: str) -> None:
    reply = engine.ask(question)
    assert reply.reason == "briefing" and [f.speaker for f in reply.facts] == [speaker]
    assert reply.facts[0].quote  # the transcript's line: the speaker's listing, or the figure given in answer


def test_a_figure_of_narrower_goods_is_not_a_partner_s_share_of_all_exports(engine: Engine) -> None:
    assert not engine.ask("eu share of china's total exports?").answered
    assert engine.ask("What share of China's consumer-goods exports went to the EU?").answered


def test_goods_by_end_use_the_briefing_gives_no_figure_for_are_declined(engine: Engine) -> None:
    reply = engine.ask("At what rate did China's trade in intermediate goods grow in 2025?")
    assert not reply.answered and reply.reason == "unknown"


def test_two_parts_one_figure_answers_are_one_question(engine: Engine) -> None:
    reply = engine.ask("new market access: how many ag/food categories, from how many countries?")
    ids = [a.id for a in reply.answers]
    assert len(ids) == len(set(ids)) and ids[0] == B + "market-access-categories"


def test_producers_are_enterprises(engine: Engine) -> None:
    reply = engine.ask(
        "By how many did the number of foreign farm and food producers registered with Chinese customs go up?"
    )
    assert reply.answers[0].id == B + "overseas-food-enterprises-registered-increase"


def test_a_short_form_is_expanded_not_spelled_as_another_word(engine: Engine) -> None:
    assert engine.ask("wto 2026 global merch trade forecast??").answers[0].id == B + "wto-2026-forecast"


def test_who_chaired_names_the_chair_alone_and_a_figure_asked_at_the_briefing_is_answered(engine: Engine) -> None:
    (chair,) = engine.ask("who chaired the briefing").facts
    assert chair.text.startswith("Shou Xiaoli")
    said = engine.ask("who said exports grew 6.1% at the briefing")
    assert said.reason == "answer" and said.answers[0].id == B + "exports-2025"


@pytest.mark.parametrize(
    "question",
    ["what was ASEAN's growth rate in US dollars", "asean growth in 2024", "asean exports in Q3"],
)
def test_a_decline_never_says_asean_growth_is_not_stated(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert not reply.answered
    assert "growth rate for ASEAN" not in reply_text(reply)


def test_a_decline_offers_the_closest_stated_figure_with_its_value(engine: Engine) -> None:
    reply = engine.ask("what was total trade in US dollars?")
    assert not reply.answered and "US dollars" in reply.not_found
    assert "45.47 trillion yuan" in reply.suggestions[0].label


def test_a_surplus_suggests_exports_and_imports_never_their_difference(engine: Engine) -> None:
    reply = engine.ask("what was the trade surplus")
    assert not reply.answered
    labels = " ".join(s.label for s in reply.suggestions)
    assert "26.99 trillion yuan" in labels and "18.48 trillion yuan" in labels
    assert "8.51" not in reply_text(reply)


@pytest.mark.parametrize("question", ["hainan casinos", "how many teslas did we export lol", "who are you"])
def test_evidence_against_an_answer_declines(engine: Engine, question: str) -> None:
    assert not engine.ask(question).answered


def test_the_reading_is_part_of_the_reply(engine: Engine) -> None:
    reply = engine.ask("how much did imports from Latin America grow in 2025?")
    assert reply.reading is not None
    assert reply.reading.summary == "imports · Latin America · growth · 2025"
    assert reply.answers[0].id == B + "imports-from-latin-america-growth"


def test_goods_named_that_a_figure_is_not_about_make_it_no_answer(engine: Engine) -> None:
    # EU garment or high-tech exports are no EV exports, and EV exports to the EU are not stated.
    reply = engine.ask("ev exports to eu growth")
    assert not reply.answered
    assert engine.ask("cooking oil imports").answers[0].id == B + "edible-oil-imports-growth"


def test_major_trading_partner_is_not_any_trading_partner(engine: Engine) -> None:
    reply = engine.ask("china is a major trading partner of how many countries now")
    assert reply.answers[0].id == B + "major-trading-partner-countries"


@pytest.mark.parametrize(
    "question",
    [
        "2025 trade vs 2020 growth and avg annual",
        "Versus 2020, how much larger was total trade in 2025, and what was the average annual growth rate?",
    ],
)
def test_two_measures_joined_are_two_figures(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert reply.asked == 2
    assert [a.id for a in reply.answers[:2]] == [
        B + "total-trade-2025-vs-2020",
        B + "total-trade-average-annual-growth-2021-2025",
    ]


def test_a_value_and_its_growth_stay_one_figure(engine: Engine) -> None:
    reply = engine.ask("what did exports come to in 2025 and by how much did they rise?")
    assert reply.asked == 1 and reply.answers[0].id == B + "exports-2025"


def test_an_average_annual_rate_against_a_base_year_is_the_average_over_the_years_after(engine: Engine) -> None:
    reply = engine.ask("average annual growth of total trade, 2025 against 2020")
    assert reply.answers[0].id == B + "total-trade-average-annual-growth-2021-2025"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Goods named are what is asked: the EU's share of consumer-goods exports is no high-tech figure.
        ("share of hi tech exports to the eu", None),
        ("private firms hi tech exports growth", "private-enterprises-high-tech-exports-growth"),
        # An amount asked is no count of years, a value no tonnage.
        ("How much did China export to ASEAN in 2025?", None),
        ("value of crude imports?", None),
        # An average per enterprise is that average or nothing.
        ("average import export value per enterprise", None),
        ("imports grew for how many consecutive qtrs?", "imports-growth-consecutive-quarters"),
        ("Starting in June, for how many consecutive months did imports grow?", "imports-consecutive-months-growth"),
        ("hainan foreign trade since the dec 18 launch?", "hainan-trade-since-launch"),
        (
            "For how many consecutive quarters did imports grow, starting from Q2?",
            "imports-growth-consecutive-quarters",
        ),
        # An "and" inside the figure's own subject joins nothing.
        (
            "how many overseas agri & food companies newly registered with chinese customs in 2025?",
            "overseas-food-enterprises-registered-increase",
        ),
        # A rate asked for with "what" is the figure asked, whatever context comes before it.
        (
            "In his answer to Yicai on export drivers, what growth rate did Wang Jun give for lithium battery exports?",
            "lithium-battery-exports-growth",
        ),
    ],
)
def test_every_slot_named_must_agree(engine: Engine, question: str, expected: str | None) -> None:
    reply = engine.ask(question)
    if expected is None:
        assert not reply.answered, reply.answers[0].id
    else:
        assert reply.answered and reply.answers[0].id == B + expected
