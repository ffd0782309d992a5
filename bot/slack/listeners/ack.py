"""The acknowledgement every listener sends first; the work runs after it in a lazy listener."""

from __future__ import annotations

from slack_bolt import Ack


def acknowledge(ack: Ack) -> None:
    """Tell Slack the request arrived (an empty 200), before any slow work."""
    ack()
