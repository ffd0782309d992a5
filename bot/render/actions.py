"""Action ids of the buttons the bot draws; the Slack listeners match on the same names.

Buttons of one kind in one message need distinct action ids, so they are ``<kind>:<suffix>``.
"""

from __future__ import annotations

import re

MORE_ON = "more_on"  # value: a topic id
SUGGEST = "suggest"  # value: the query the suggestion asks
SHARE = "share"  # value: bot.router.share.share_value(...)
FEEDBACK = "feedback"  # a feedback_buttons element, or (where it is refused) feedback:up / feedback:down buttons
FEEDBACK_REASON = "feedback_reason"  # value: bot.learning.tickets.reason_value(...)


def action_id(kind: str, suffix: str | int = "") -> str:
    """``kind`` alone, or ``kind:suffix`` for one of several buttons of a kind."""
    return f"{kind}:{suffix}" if suffix != "" else kind


def matcher(kind: str) -> re.Pattern[str]:
    """A pattern matching every action id of ``kind`` (for ``app.action``)."""
    return re.compile(rf"^{re.escape(kind)}(:.*)?$")
