"""The flow slot, one example per way of saying it."""

from __future__ import annotations

import pytest

from bot.answer.reading.frame import Flow
from bot.answer.reading.reader import Reader
from tests.answer.reading.conftest import tokens

E, I, T = Flow.EXPORTS, Flow.IMPORTS, Flow.TRADE


@pytest.mark.parametrize(
    ("text", "flows"),
    [
        ("exports to ASEAN", (E,)),
        ("outbound sales", (E,)),
        ("shipments abroad", (E,)),
        ("inbound shipments", (I,)),
        ("purchases from abroad", (I,)),
        ("the import bill", (I,)),
        ("two-way trade with the EU", (T,)),
        ("imports and exports", (T,)),
        ("total import and export value", (T,)),
        ("exports to the EU, the trade figure", (E,)),
        ("imports and exports, respectively", (I, E)),
        ("which grew faster, exports or imports?", (E, I)),
        ("how big is the economy", ()),
    ],
)
def test_flows(reader: Reader, text: str, flows: tuple[Flow, ...]) -> None:
    assert reader.flows.parse(tokens(text, reader), set()).flows == flows


def test_excluding_a_flow_asks_the_other(reader: Reader) -> None:
    assert reader.read("trade excluding imports").flows == (E,)
