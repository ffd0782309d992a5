"""Turn a message as typed in Slack into plain words: markup, emoji and punctuation removed.

Slack sends mentions as ``<@U0123>``, channels as ``<#C0123|trade>``, links as ``<https://x|text>``, and keeps
the user's ``*bold*``, ``_italic_``, `` `code` `` and ``:emoji:`` shortcodes as typed. None of it carries
meaning for the question except the visible text of channels and links.
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 4_000  # longer messages are refused politely before any search (see Engine.ask)

_USER_OR_SPECIAL = re.compile(r"<[@!][^>]*>")  # <@U0123>, <@U0123|name>, <!here>, <!subteam^S1|@team>
_CHANNEL = re.compile(r"<#[^>]*>")  # <#C0123|trade-desk>: where the question is asked, not what it asks
_LABELLED = re.compile(r"<[^>|]*\|([^>]*)>")  # <https://x|text> -> the label
_BARE_LINK = re.compile(r"<[^>]*>")  # <https://x>, <#C0123> -> nothing
_SHORTCODE = re.compile(r":[a-z0-9_+'-]+:", re.IGNORECASE)
_FORMATTING = re.compile(r"[*_~`>]+")
# Dots and hyphens inside words and numbers ("U.S.", "3.8", "high-tech") survive; other punctuation goes.
_JOINED_BY_AMPERSAND = re.compile(r"\b(\w{2,})&(\w{2,})\b")
_NUMBER_SIGN_ONE = re.compile(r"(?<!\w)#\s?1\b")  # "#1 export market": a rank, not the number 1
_PUNCT = re.compile(r"[^\w\s%.&'-]|(?<!\w)[.'-]|[.'-](?!\w)")
# "clothes + kitchenware", "by sea / land / air": a plus or slash between words lists them ("y/y" is one word).
_LISTED = re.compile(r"(?<=[a-z]{2})\s*[/+]\s*(?=[a-z]{2})")
# "by sea, land and air": a comma before the list's last "and" lists too (other commas part nothing).
_LISTED_COMMA = re.compile(r"(?<=[a-z]{2}),\s+(?=(?:by\s+)?[a-z]{2,}(?:\s+[a-z]+)?\s+(?:and|or)\s)")


def strip_slack_markup(text: str) -> str:
    """Remove Slack's mention, channel and link markup, shortcodes, emoji and formatting characters."""
    text = _USER_OR_SPECIAL.sub(" ", text)
    text = _CHANNEL.sub(" ", text)
    text = _LABELLED.sub(r" \1 ", text)
    text = _BARE_LINK.sub(" ", text)
    text = _SHORTCODE.sub(" ", text)
    text = text.replace("&amp;", "&").replace("&lt;", " ").replace("&gt;", " ")
    text = "".join(" " if _is_noise(ch) else ch for ch in text)
    text = _FORMATTING.sub(" ", text)
    return " ".join(text.split())


def _is_noise(ch: str) -> bool:
    """Emoji, symbols, control and format characters (zero-width joiners, variation selectors)."""
    category = unicodedata.category(ch)
    return category in {"So", "Sk", "Cc", "Cf", "Cs", "Co", "Cn", "Mn"} and ch not in "\n\t"


def words(text: str) -> list[str]:
    """Lower-case words of already stripped text: "How fast did U.S. exports grow?" -> [..., "u.s.", ...]."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", " ")
    text = _NUMBER_SIGN_ONE.sub(" number one ", text)
    text = _LISTED_COMMA.sub(" and ", _LISTED.sub(" and ", text))
    text = _PUNCT.sub(" ", text).replace(" & ", " and ")
    # "belt&road" is two words joined; "m&e" and "s&p" are abbreviations the language data knows whole.
    text = _JOINED_BY_AMPERSAND.sub(r"\1 and \2", text)
    return [w.strip("'") for w in text.split() if w.strip("'")]
