"""Reading Slack messages: markup, emoji and punctuation stripped before any slot is read."""

from __future__ import annotations

import pytest

from bot.answer.normalize import strip_slack_markup, words


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


def test_number_sign_one_is_a_rank() -> None:
    assert words("is the us still china's #1 export market?")[5:7] == ["number", "one"]


def test_us_after_a_preposition_and_before_a_trade_word_is_the_country() -> None:
    from bot.answer.words import message_words

    assert "us" in message_words("y/y growth for us trade?")[1]
    assert "us" not in message_words("tell us exports growth")[1]


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("clothes + kitchenware", ["clothes", "and", "kitchenware"]),
        ("by sea / land / air", ["by", "sea", "and", "land", "and", "air"]),
        ("by sea, land and air", ["by", "sea", "and", "land", "and", "air"]),
        ("by sea, by land and by air", ["by", "sea", "and", "by", "land", "and", "by", "air"]),
        # Other commas and slashes part nothing: a preamble, "y/y", numbers.
        ("hello, what was trade", ["hello", "what", "was", "trade"]),
        ("exports y/y", ["exports", "y", "y"]),
        ("1tn/100bn", ["1tn", "100bn"]),
    ],
)
def test_a_plus_a_slash_or_a_listing_comma_between_words_lists_them(text: str, listed: list[str]) -> None:
    assert words(text) == listed
