"""Comparisons and rankings from stated figures: one figure per subject, sorted by stated values, nothing derived."""

from __future__ import annotations

import json

import pytest

from bot.answer.engine import Engine
from bot.commands.ask import reply_json, slash_json

B = "scio-2026-01-14/"


def ids(reply) -> list[str]:  # a Reply
    return [a.id.removeprefix(B) for a in reply.answers]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("asean vs eu", ["asean-trade-2025", "eu-trade-2025"]),
        ("africa vs latin america growth", ["africa-trade-2025", "latin-america-trade-2025"]),  # 18.4% > 6.5%
        ("compare exports and imports growth", ["exports-2025", "imports-2025"]),
        ("private vs foreign-invested vs state-owned enterprises", ["private-enterprises-trade-2025",
                                                                   "fie-trade-2025", "soe-trade-2025"]),
    ],
)  # fmt: skip
def test_each_subject_gets_its_stated_figure_sorted_by_value(engine: Engine, question: str, expected: list) -> None:
    reply = engine.ask(question)
    assert reply.reason == "comparison" and reply.asked == len(expected)
    assert ids(reply)[: len(expected)] == expected


def test_which_grew_faster_says_which_stated_figure_is_higher_and_shows_both(engine: Engine) -> None:
    reply = engine.ask("which grew faster, exports or imports?")
    assert reply.verdict == "Higher: Exports, 2025 (up 6.1%), against Imports, 2025 (up 0.5%)."
    assert [a.change for a in reply.answers] == ["up 6.1%", "up 0.5%"]


def test_a_ranking_by_growth_lists_the_partners_that_state_a_growth_rate(engine: Engine) -> None:
    reply = engine.ask("rank the partners by growth")
    changes = [a.change.split(",")[0] for a in reply.answers]
    assert changes == ["up 18.4%", "up 8%", "up 6.5%", "up 6.3%", "up 6%"]  # Africa, ASEAN, LatAm, BRI, EU
    assert all(a.kind == "value" for a in reply.answers)  # their trade, not a share or a rank


def test_the_biggest_partners_are_ordered_by_stated_value_in_one_currency(engine: Engine) -> None:
    reply = engine.ask("biggest trading partners")
    yuan = [a for a in reply.answers if a.unit == "CNY"]
    assert [a.numeric for a in yuan] == sorted((a.numeric for a in yuan), reverse=True)
    assert reply.answers[: len(yuan)] == yuan  # a dollar figure cannot be ordered against them: it comes last
    assert ids(reply)[0] == "bri-trade-2025"


def test_a_comparison_states_no_derived_figure(engine: Engine) -> None:
    reply = engine.ask("asean vs eu")
    stated = {a.value for a in reply.answers} | {a.change for a in reply.answers}
    assert stated == {"7.55 trillion yuan", "5.93 trillion yuan", "up 8%", "up 6%"}
    assert "1.62" not in reply.text and "1.62" not in json.dumps(reply_json(reply))  # no difference computed


def test_a_subject_with_no_figure_is_named_as_missing(engine: Engine) -> None:
    reply = engine.ask("compare exports and imports in December")
    assert reply.reason == "comparison"
    assert any("December" in m for m in reply.missing)  # December exports are not stated; imports are


def test_the_slash_commands_compare_and_rank(engine: Engine) -> None:
    compared = slash_json("compare asean eu", engine)
    assert compared["reason"] == "comparison" and [a["id"] for a in compared["answers"]] == [
        B + "asean-trade-2025",
        B + "eu-trade-2025",
    ]
    ranked = slash_json("rank enterprises by value", engine)
    assert [a["topic_name"] for a in ranked["answers"]] == [
        "Private enterprises",
        "Foreign-invested enterprises",
        "State-owned enterprises",
    ]
    assert "Subject" in ranked["text"] and "26.04 trillion yuan" in ranked["text"]  # the aligned table


def test_the_share_the_largest_partners_account_for_is_their_figure_not_a_ranking(engine: Engine) -> None:
    reply = engine.ask("What share of total trade did China's ten largest trading partners account for in 2025?")
    assert reply.reason == "answer" and reply.answers[0].id == B + "top-ten-partners-share"
    assert engine.ask("biggest trading partners").reason == "comparison"


def test_one_subject_named_is_no_comparison(engine: Engine) -> None:
    reply = engine.ask("trade with asean vs last year")
    assert reply.reason != "comparison"
