"""A second briefing dropped into knowledge/ loads with no code change; ids are scoped by briefing."""

from __future__ import annotations

from pathlib import Path

from bot.kb.loader import load_knowledge

TRANSCRIPT = """Customs briefing on trade in the first quarter of 2026

Speakers:

Ms. Jane Roe, spokesperson

Jane Roe:

Good morning. In the first quarter, total imports and exports reached 11.2 trillion yuan, up 4.1%.

Xinhua:

How did exports do?

Jane Roe:

Exports grew 5.5% to 6.4 trillion yuan.
"""

BRIEFING = """id = "q1-2026"
title = "Briefing on trade in the first quarter of 2026"
date = 2026-04-14
venue = "Beijing"
source = "sources/q1-2026.txt"

[[speakers]]
id = "jane-roe"
name = "Jane Roe"
role = "spokesperson"
short_role = "Spokesperson"

[[topics]]
id = "q1"
name = "First quarter 2026"
group = "Overall"
synonyms = ["q1 2026"]
headline = "total-trade-2025"
"""

INDICATORS = """[[indicator]]
id = "total-trade-2025"
label = "Total trade, Q1 2026"
topic = "q1"
subject = "China"
measure = "total trade"
kind = "value"
stated = "11.2 trillion yuan"
value = 11.2e12
unit = "CNY"
change = "up 4.1%"
period = "Q1 2026"
speaker = "jane-roe"
quote = "In the first quarter, total imports and exports reached 11.2 trillion yuan, up 4.1%."

[[indicator]]
id = "exports-q1"
label = "Exports, Q1 2026"
topic = "q1"
subject = "China"
measure = "exports"
kind = "value"
stated = "6.4 trillion yuan"
value = 6.4e12
unit = "CNY"
change = "up 5.5%"
period = "Q1 2026"
speaker = "jane-roe"
quote = "Exports grew 5.5% to 6.4 trillion yuan."
"""


def add_second_briefing(knowledge: Path) -> None:
    (knowledge / "sources" / "q1-2026.txt").write_text(TRANSCRIPT, encoding="utf-8")
    folder = knowledge / "briefings" / "q1-2026" / "indicators"
    folder.mkdir(parents=True)
    (folder.parent / "briefing.toml").write_text(BRIEFING, encoding="utf-8")
    (folder / "q1.toml").write_text(INDICATORS, encoding="utf-8")


def test_second_briefing_loads_without_code_change(knowledge_copy: Path) -> None:
    before = load_knowledge(knowledge_copy)
    add_second_briefing(knowledge_copy)
    kb = load_knowledge(knowledge_copy)
    assert set(kb.briefings) == {"scio-2026-01-14", "q1-2026"}
    assert len(kb.entries) == len(before.entries) + 2
    # The same indicator id in two briefings is two entries, told apart by the briefing.
    first, second = kb.get("scio-2026-01-14/total-trade-2025"), kb.get("q1-2026/total-trade-2025")
    assert first is not None and second is not None
    assert (first.indicator.stated, second.indicator.stated) == ("45.47 trillion yuan", "11.2 trillion yuan")
    assert second.speaker.name == "Jane Roe" and second.outlet is None
    assert kb.get("q1-2026/exports-q1").outlet == "Xinhua"
    # The new briefing's topic is added beside the first briefing's.
    assert kb.topic("total-trade").headline == "total-trade-2025"
    assert [e.uid for e in kb.entries_for_topic("q1")] == ["q1-2026/total-trade-2025", "q1-2026/exports-q1"]
