"""The measure slot: strong words decide, weak ones only alone."""

from __future__ import annotations

import pytest

from bot.answer.reading.frame import Measure as M
from bot.answer.reading.reader import Reader
from tests.answer.reading.conftest import tokens


@pytest.mark.parametrize(
    ("text", "measures", "weak"),
    [
        ("how fast did exports grow", {M.GROWTH}, False),
        ("how much did imports grow", {M.GROWTH}, False),
        ("how much were imports", {M.VALUE}, True),
        ("what share of trade", {M.SHARE}, False),
        ("how much of china's cosmetics", {M.SHARE}, True),  # weak: "how much of that" may ask the part's value
        ("how many countries", {M.COUNT}, False),
        ("ciie intended deals how many billion $", {M.VALUE}, False),  # a number of billions is an amount
        ("how concentrated is trade among the top partners", {M.SHARE}, False),
        ("metal ore imports by volume, up how much", {M.VOLUME, M.GROWTH}, False),
        ("how much of global trade growth came from AI goods", {M.GROWTH, M.SHARE, M.POINTS}, False),
        ("where does the US rank", {M.RANK}, False),
        ("top 7 provinces", {M.RANK}, True),
        ("contribution to export growth", {M.CONTRIBUTION}, False),  # the growth is what is contributed to
        ("how much did lower prices shave off import growth", {M.CONTRIBUTION}, False),
        ("growth of EU trade, and how much did it contribute", {M.CONTRIBUTION, M.GROWTH}, False),
        ("how much more crude did China bring in", {M.GROWTH}, False),
        ("metal ore import volume", {M.VOLUME}, True),  # "volume" alone may be the value
        ("by how many percentage points did BRI growth beat overall growth", {M.GROWTH, M.MARGIN, M.POINTS}, False),
        ("by how many points did the share rise", {M.SHARE, M.GROWTH, M.POINTS}, False),
        ("tonnes of cargo", {M.VOLUME}, False),
        ("the outlook for next year", {M.FORECAST}, False),
        ("average sales per day", {M.AVERAGE}, False),
        ("how many times", {M.COUNT, M.MULTIPLE}, False),
        ("the trade surplus", {M.BALANCE}, False),
        ("hainan duty-free", set(), True),
        ("the equipment export tally", {M.COUNT}, True),  # weak: a tally of exports is as often their value
        ("SOE imports relative to their exports", {M.MULTIPLE}, False),
        ("where has the WTO pegged 2026 trade growth", {M.GROWTH, M.FORECAST}, False),
    ],
)
def test_measures(reader: Reader, text: str, measures: set[M], weak: bool) -> None:
    found, only_weak = reader.measures.parse(tokens(text, reader), set())
    assert found == measures
    assert only_weak is weak or not measures


def test_what_a_knowledge_base_text_states(reader: Reader) -> None:
    stated = reader.measures.offered(
        tokens("up 6.3%, 2.5 percentage points higher than the overall growth rate", reader)
    )
    assert {M.GROWTH, M.MARGIN, M.POINTS} <= stated


@pytest.mark.parametrize(
    "text", ["soe imports relative to exports", "How do SOEs' imports compare with their exports?"]
)
def test_a_multiple_may_name_the_flows_it_relates(reader: Reader, text: str) -> None:
    assert M.MULTIPLE in reader.read(text).measures
