"""Text as Slack sends it, made plain for the engine: the bot's mention removed, entities decoded."""

from __future__ import annotations

import re

LEADING_MENTIONS = re.compile(r"^(\s*<@[A-Z0-9]+(\|[^>]*)?>[\s,:]*)+")


def plain_text(text: str | None, bot_user_id: str | None = None) -> str:
    """``text`` with the bot's mentions removed and Slack's ``&amp;``/``&lt;``/``&gt;`` decoded.

    Leading mentions of anyone are dropped ("@tradebot, exports?"); the bot's own mention is also dropped
    anywhere else in the text ("exports? @tradebot").
    """
    text = text or ""
    text = LEADING_MENTIONS.sub("", text)
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(\|[^>]*)?>", " ", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())
