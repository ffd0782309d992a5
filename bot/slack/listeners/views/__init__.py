"""View listeners (modal submissions). None yet: the Home tab is published from ``events.app_home_opened``
and its buttons are handled in ``actions``. Features that add a modal register its submission here."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.middleware.claims import ClaimRules


def register(app: App, rules: ClaimRules) -> None:
    """Wire view submissions (none so far)."""
