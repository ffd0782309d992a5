"""Checking Slack once at start-up, before serving, so a wrong token or an unreachable Slack ends in one line
naming the cause and a documented exit code (``bot.exits``) rather than a traceback from deep in a worker."""

from __future__ import annotations

import socket
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.exits import Exit

TROUBLESHOOTING = "see docs/troubleshooting.md"
# Slack's error codes for a token it will not accept, and what a person should do about each.
REFUSED = {
    "invalid_auth": "the token is not valid: copy it again from the app's settings",
    "not_authed": "no token reached Slack",
    "token_revoked": "the token was revoked: reinstall the app and copy the new token",
    "token_expired": "the token expired: turn off token rotation or copy a fresh token",
    "account_inactive": "the app was uninstalled or its workspace deactivated: reinstall the app",
    "not_allowed_token_type": "this is the wrong kind of token for this call",
    "missing_scope": "the token lacks a scope this needs: add it, then reinstall the app",
    "invalid_token": "the token is not valid: copy it again from the app's settings",
}


class SlackStartupError(Exception):
    """Slack cannot be used with these settings; the message is one line for the user, ``code`` the exit code."""

    def __init__(self, message: str, code: Exit):
        super().__init__(message)
        self.code = code


def check_bot_token(settings: Settings) -> None:
    """Call ``auth.test`` with the bot token.

    Raises:
        SlackStartupError: Slack refused the token (exit 4) or could not be reached (exit 5).
    """
    client = WebClient(
        token=settings.slack_bot_token, base_url=settings.slack_api_url, timeout=settings.slack_timeout_seconds
    )
    try:
        client.auth_test()
    except Exception as error:  # every failure becomes one line; nothing here is our bug
        raise startup_error(error, "SLACK_BOT_TOKEN", "auth.test", settings) from None


def startup_error(error: BaseException, variable: str, method: str, settings: Settings) -> SlackStartupError:
    """What a failed Web API call at start-up means, as one line: refused, unreachable or unavailable."""
    where = settings.slack_api_url
    if isinstance(error, SlackApiError):
        code = error.response.get("error") if isinstance(error.response.data, dict) else None
        if code in REFUSED:
            detail = REFUSED[code]
            if code == "missing_scope" and error.response.get("needed"):
                detail += f" (needed: {error.response.get('needed')})"
            return SlackStartupError(
                f"tradebot: Slack refused {variable} ({method}: {code}): {detail}; {TROUBLESHOOTING}",
                Exit.SLACK_REFUSED,
            )
        status = error.response.status_code
        said = f"error {code}" if code else f"HTTP {status}"
        return SlackStartupError(
            f"tradebot: Slack at {where} answered {method} with {said}; try again later, or check "
            f"SLACK_API_URL; {TROUBLESHOOTING}",
            Exit.SLACK_UNREACHABLE,
        )
    reason = error.reason if isinstance(error, URLError) else error
    if isinstance(reason, TimeoutError | socket.timeout):
        why = f"no answer within {settings.slack_timeout_seconds} s"
    elif isinstance(reason, ConnectionRefusedError):
        why = "connection refused"
    elif isinstance(reason, socket.gaierror):
        why = "unknown host"
    else:
        why = str(reason) or type(reason).__name__
    return SlackStartupError(
        f"tradebot: cannot reach Slack at {where} ({why}); check the network, a proxy, or SLACK_API_URL; "
        f"{TROUBLESHOOTING}",
        Exit.SLACK_UNREACHABLE,
    )
