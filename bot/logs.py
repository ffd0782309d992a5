"""Logging for ``tradebot run``: one format, and Slack secrets redacted from every record.

The redaction is installed as the log-record factory, not as a handler filter, so it covers every record from
every logger (ours, Bolt's, slack_sdk's, gunicorn's) whatever handler writes it, in gunicorn's workers too (they
inherit it through the fork). It removes the configured token and secret values and anything shaped like a Slack
token (``xoxb-…``, ``xapp-…``), in the message and in a logged traceback.

Message text stays out of INFO by convention: listeners log ids, lengths and error names, never what a user typed;
slack_sdk and Bolt log request bodies only at DEBUG.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import Any

from bot.config import Settings

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "[redacted]"
BOLT_VERIFICATION_LOGGER = "slack_bolt.RequestVerification"
# Slack token shapes: bot, user, app-level, configuration and refresh tokens.
TOKEN = re.compile(r"\bx(?:ox[abposre]|app)-[A-Za-z0-9-]+")
# Slack's response URLs and webhooks: whoever holds one may post to its channel (for 30 minutes, for a response URL).
SLACK_HOOK = re.compile(r"\b(https://hooks\.slack(?:-gov)?\.com/)[^\s'\"<>]+")
# Any URL's path and query, for the loggers that only ever log response URLs.
URL_PATH = re.compile(r"\b(https?://[^/\s'\"<>]+/)[^\s'\"<>]*")
# slack_sdk's webhook clients (Bolt's ``respond`` and ours) log the URL they post to at INFO on connection errors.
WEBHOOK_LOGGERS = ("slack_sdk.webhook.client", "slack_sdk.webhook.async_client")
_installed: list[Redactor] = []


class Redactor(logging.Filter):
    """Rewrites a record's message and traceback with secrets replaced by ``[redacted]``; drops nothing."""

    def __init__(self, secrets: Iterable[str]):
        super().__init__()
        # Longest first, so a secret that contains another is removed whole.
        self.secrets = sorted({s for s in secrets if s and len(s) >= 8}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        """``text`` without the secrets, anything shaped like a Slack token, or a Slack hook URL's path."""
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return SLACK_HOOK.sub(rf"\1{REDACTED}", TOKEN.sub(REDACTED, text))

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: leave it for logging to report
            return True
        clean = self.redact(message)
        if clean != message or record.args:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def settings_secrets(settings: Settings) -> list[str]:
    """The secret values in ``settings``."""
    return [s for s in (settings.slack_bot_token, settings.slack_app_token, settings.slack_signing_secret) if s]


def install_redaction(secrets: Iterable[str]) -> Redactor:
    """Redact ``secrets`` (and Slack token shapes) from every log record created from now on, in this process."""
    redactor = Redactor(secrets)
    previous: Callable[..., logging.LogRecord] = logging.getLogRecordFactory()
    if _installed:  # installed before (a second run in one process): replace its secrets, do not stack factories
        _installed[0].secrets = redactor.secrets
        return _installed[0]

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        redactor.filter(record)
        return record

    logging.setLogRecordFactory(factory)
    _installed.append(redactor)
    return redactor


class WithoutRequestBody(logging.Filter):
    """Bolt logs a request that fails the signature check at INFO with its whole body (a real message, when the
    signing secret is misconfigured); keep the fact, drop the body and the signature."""

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Invalid request signature detected"):
            record.msg, record.args = "Invalid request signature detected (request not logged)", None
        return True


class WithoutResponseUrls(logging.Filter):
    """A response URL is a capability to post in its channel for 30 minutes, and slack_sdk's webhook client logs
    it whole ("Going to retry the same request: POST https://hooks.slack.com/commands/…") when Slack is out of
    reach: keep the host, for the operator, and drop the path. Any host, since a response URL's is Slack's to
    choose (GovSlack, a test's fake)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: leave it for logging to report
            return True
        clean = URL_PATH.sub(rf"\1{REDACTED}", message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_text:
            record.exc_text = URL_PATH.sub(rf"\1{REDACTED}", record.exc_text)
        return True


def install_response_url_filter() -> None:
    """Put ``WithoutResponseUrls`` on slack_sdk's webhook loggers (once)."""
    for name in WEBHOOK_LOGGERS:
        webhook = logging.getLogger(name)
        if not any(isinstance(f, WithoutResponseUrls) for f in webhook.filters):
            webhook.addFilter(WithoutResponseUrls())


def setup_logging(settings: Settings) -> None:
    """Log to stderr at ``LOG_LEVEL`` with secrets and response URLs redacted and request bodies kept out."""
    install_redaction(settings_secrets(settings))
    install_response_url_filter()
    # Bolt copies its app logger's filters to this logger only when it has none, so add it before the app exists.
    verification = logging.getLogger(BOLT_VERIFICATION_LOGGER)
    if not any(isinstance(f, WithoutRequestBody) for f in verification.filters):
        verification.addFilter(WithoutRequestBody())
    logging.basicConfig(level=settings.log_level.upper(), format=FORMAT)
