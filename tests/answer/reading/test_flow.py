"""The flow slot, one example per way of saying it."""

from __future__ import annotations

import pytest

from bot.answer.reading.frame import Flow
from bot.answer.reading.reader import Reader
from tests.answer.reading.conftest import tokens

EX, IM, TR = Flow.EXPORTS, Flow.IMPORTS, Flow.TRADE


@pytest.mark.parametrize(
    ("text", "flows"),
    [
        ("exports to ASEAN", (EX,)),
        ("entities with import or export activity", (Flow.TRADE,)),  # either flow: the two-way count
        ("outbound sales", (EX,)),
        ("shipments abroad", (EX,)),
        ("how much stuff did china ship out", (EX,)),
        ("inbound shipments", (IM,)),
        ("purchases from abroad", (IM,)),
        ("the import bill", (IM,)),
        ("two-way trade with the EU", (TR,)),
        ("imports and exports", (TR,)),
        ("total import and export value", (TR,)),
        ("exports to the EU, the trade figure", (EX,)),
        ("imports and exports, respectively", (IM, EX)),
        ("which grew faster, exports or imports?", (EX, IM)),
        ("how big is the economy", ()),
        ("what did china ship to BRI partners", (EX,)),
        ("from how many countries did china's purchases increase", (IM,)),
        ("ship exports growth", (EX,)),
    ],
)
def test_flows(reader: Reader, text: str, flows: tuple[Flow, ...]) -> None:
    assert reader.flows.parse(tokens(text, reader), set()).flows == flows


def test_excluding_a_flow_asks_the_other(reader: Reader) -> None:
    assert reader.read("trade excluding imports").flows == (EX,)
