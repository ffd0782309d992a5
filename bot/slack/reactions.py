"""A reaction on the user's message while the bot works on it, so they know it was seen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from logging import Logger

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

WORKING = "mag"


@contextmanager
def working_on(client: WebClient, channel: str, ts: str, logger: Logger, name: str = WORKING) -> Iterator[None]:
    """Add ``:name:`` to the message for the duration of the block.

    A reaction is a courtesy: failing to add or remove it (no scope, already reacted, message deleted) is
    logged and never stops the answer.
    """
    added = _call(logger, client.reactions_add, channel=channel, timestamp=ts, name=name)
    try:
        yield
    finally:
        if added:
            _call(logger, client.reactions_remove, channel=channel, timestamp=ts, name=name)


def _call(logger: Logger, method, **kwargs: str) -> bool:  # noqa: ANN001 - a bound WebClient method
    try:
        method(**kwargs)
        return True
    except SlackApiError as error:
        logger.info("reaction call failed: %s", error.response.get("error"))
    except OSError as error:  # timeouts and dropped connections
        logger.info("reaction call failed: %s", type(error).__name__)
    return False
