"""Reading Slack messages: markup, emoji and punctuation stripped; phrases, synonyms and typos understood."""

from __future__ import annotations

import pytest

from bot.answer.normalize import strip_slack_markup, words
from bot.answer.places import find_places
from bot.answer.query import read_query


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("<@U0123ABC> how fast did exports grow?", "how fast did exports grow?"),
        ("<@U0123ABC|tradebot> asean", "asean"),
        ("see <#C0123|trade-desk> and <#C999>", "see and"),
        ("per <https://example.com/a?b=1|this article> and <https://x.org>", "per this article and"),
        ("*bold* _italic_ `code` ~strike~", "bold italic code strike"),
        ("exports :chart_with_upwards_trend: :flag-cn: up?", "exports up?"),
        ("exports 📈🇨🇳 up? 👍🏽", "exports up?"),
        ("line one\nline two\r\n\tthree", "line one line two three"),
        ("<!here> <!channel> <!subteam^S012|@desk> hainan", "hainan"),
        ("AT&amp;T &lt;tag&gt;", "AT&T tag"),
        ("zero\u200bwidth\u2060joiners\x00\x07", "zero width joiners"),
    ],
)
def test_strip_slack_markup(raw: str, plain: str) -> None:
    assert strip_slack_markup(raw) == plain


def test_words_keep_dotted_and_hyphenated_terms() -> None:
    assert words("How did U.S. high-tech exports grow 3.8%?") == [
        "how", "did", "u.s", "high-tech", "exports", "grow", "3.8%"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "token"),
    [
        ("shipments to the bloc", "eu"),
        ("shipments to the bloc", "exports"),
        ("Belt and Road partners", "bri"),
        ("trade by SOEs", "soes"),
        ("foreign-invested firms", "fies"),
        ("the Greater Bay Area", "gba"),
        ("Yangtze River Delta", "yrd"),
        ("Hainan FTP", "ftp"),
        ("yoy change", "yoy"),
        ("latam trade", "latam"),
        ("EVs and batteries", "evs"),
        ("laser radar imports", "lidar"),
        ("since 2020", "fyp"),
        ("the U.S.", "us"),
        ("United States trade", "us"),
    ],
)
def test_synonyms_and_abbreviations(raw: str, token: str) -> None:
    assert token in read_query(raw).tokens


def test_us_pronoun_is_not_the_country() -> None:
    assert "us" not in read_query("can you tell us about asean").tokens
    assert "us" in read_query("can you tell us about US trade").tokens
    assert "us" in read_query("us").tokens


def test_places_prefer_the_longest_name() -> None:
    assert find_places("trade with south africa and africa") == [("south africa", "South Africa")]
    assert [name for _, name in find_places("japanese and indian imports")] == ["Japan", "India"]
    assert find_places("china-laos railway") == []
