"""The flow slot: exports, imports or two-way trade, with the ways people paraphrase them."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answer.language import Language
from bot.answer.reading.frame import Flow
from bot.answer.words import PhraseTable


@dataclass(frozen=True)
class FlowReading:
    flows: tuple[Flow, ...]  # in the order named; two when both one-way flows are asked apart
    both: bool  # "both", "respectively": "imports and exports" then means the two figures
    weak: bool = False  # read only from shopping words ("bought"), so a figure of no flow is no contradiction


class FlowParser:
    """Finds the flows a message names. A one-way flow outweighs "trade" named beside it ("exports to the EU
    trade figure" asks exports); "imports and exports" is the two-way total unless "both" or "respectively" is said."""

    def __init__(self, language: Language):
        words = language.flow
        self._table = PhraseTable(
            [(p, Flow.EXPORTS) for p in words.exports]
            + [(p, Flow.IMPORTS) for p in words.imports]
            + [(p, Flow.TRADE) for p in words.trade]
        )
        self._both = PhraseTable([(p, True) for p in words.both])
        self._weak = PhraseTable([(p, Flow.IMPORTS) for p in words.imports_weak])
        self._pair = {p for p in words.trade if _is_pair(p, words.exports, words.imports)}

    def parse(self, tokens: list[str], taken: set[int]) -> FlowReading:
        both = bool(self._both.find(tokens, taken))  # taken: "side by side" is no subject
        matches = self._table.find(tokens, taken)
        flows: list[Flow] = []
        for match in matches:
            phrase = tuple(tokens[match.start : match.end])
            if both and phrase in self._pair:
                flows += (
                    [Flow.EXPORTS, Flow.IMPORTS] if phrase[0].startswith("export") else [Flow.IMPORTS, Flow.EXPORTS]
                )
            else:
                flows.append(match.value)
        weak = [m.value for m in self._weak.find(tokens, taken)]
        flows = list(dict.fromkeys(flows))
        if Flow.TRADE in flows and len(flows) > 1:
            flows.remove(Flow.TRADE)
        if not flows and weak:
            return FlowReading(flows=(Flow.IMPORTS,), both=both, weak=True)
        return FlowReading(flows=tuple(flows), both=both)


def flow_of(text_words: list[str], parser: FlowParser) -> Flow | None:
    """The one flow a knowledge-base field names ("import volume" -> imports), or None."""
    flows = parser.parse(text_words, set()).flows
    return flows[0] if len(flows) == 1 else None


def _is_pair(phrase: tuple[str, ...], exports: tuple, imports: tuple) -> bool:
    """ "imports and exports": a trade phrase made of both one-way words."""
    one_way = {w for p in (*exports, *imports) if len(p) == 1 for w in p}
    return len(phrase) == 3 and phrase[0] in one_way and phrase[2] in one_way and phrase[0] != phrase[2]
