"""The subject slot: held topics, and entities the briefing does not cover recognised as such."""

from __future__ import annotations

import pytest

from bot.answer.reading.reader import Reader


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("exports to ASEAN", ["asean"]),
        ("exports to the asean bloc", ["asean"]),
        ("how much did the bloc trade with China", ["eu"]),
        ("Belt and Road partners", ["bri"]),
        ("trade with latin america", ["latin-america"]),
        ("SOEs", ["soes"]),
        ("M&E goods imports", ["mechanical-electrical"]),
        ("hk-zhuhai-macao bridge", ["hzmb"]),
        ("Africa vs Latin America growth", ["africa", "latin-america"]),
        ("total exports", []),  # a flow, not the Exports topic: the national figures answer it
        # A group's noun right after one of its members ends that member's name: no firm of every kind is meant.
        ("foreign-invested firms electronics growth", ["foreign-invested"]),
        ("private companies", ["private-enterprises"]),
        ("firms", ["enterprises"]),
    ],
)
def test_topics(reader: Reader, text: str, topics: list[str]) -> None:
    assert [s.topic for s in reader.read(text).subjects] == topics


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("what was China's trade with India?", "India", "place"),
        ("value of China–Russia trade", "Russia", "place"),
        ("Sino-Japanese trade", "Japan", "place"),
        ("Vietnamese imports", "Vietnam", "place"),
        ("trade with South Africa", "South Africa", "place"),
        ("hong kong trade", "Hong Kong", "place"),
        ("soybean imports", "soybean", "product"),
        ("steel exports to ASEAN", "steel", "product"),
        ("coal imports", "coal", "product"),
        ("how much FDI flowed into China", "FDI", "indicator"),
        ("GDP growth", "GDP", "indicator"),
        ("what does UNCTAD forecast", "UNCTAD", "indicator"),
        ("tell me a joke", "joke", "off_topic"),
    ],
)
def test_entities_not_covered(reader: Reader, text: str, name: str, kind: str) -> None:
    entities = reader.read(text).entities
    assert [(e.name, e.kind) for e in entities][:1] == [(name, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "crude oil imports",  # a product a figure is about is held, not an entity
        "trade of guangdong, jiangsu, zhejiang",  # provinces a figure names
        "computer parts imports",
        "lithium batteries",
        "Hong Kong-Zhuhai-Macao Bridge",
        "dairy imports from oceania",
    ],
)
def test_what_a_figure_describes_is_no_entity(reader: Reader, text: str) -> None:
    assert reader.read(text).entities == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("yo whats the total trade number for 2025 lol", ()),
        ("imprts growth last yr?? felt kinda flat", ()),
        ("quick one - asean growth %?", ("asean",)),
        ("EV exprts growth?", ("electric", "vehicle")),
        ("xborder e-com growth", ("border", "e", "commerce")),
        ("hainan dutyfree sales", ("hainan", "duty", "free", "sale")),
    ],
)
def test_filler_typos_and_short_forms(reader: Reader, text: str, words: tuple[str, ...]) -> None:
    reading = reader.read(text)
    assert reading.words == words and reading.unmatched == () and reading.entities == ()


def test_an_english_word_no_figure_describes_is_kept_apart(reader: Reader) -> None:
    reading = reader.read("hainan casinos")
    assert reading.unmatched == ("casinos",) and [s.topic for s in reading.subjects] == ["hainan"]


def test_an_and_after_china_joins_nothing(reader: Reader) -> None:
    # "trade between China and BRI partners" is China's trade with them: one figure, not two
    assert not reader.read("How large was farm-product trade between China and BRI partners?").two_parts
    assert reader.read("Africa and Latin America growth").two_parts
