"""A reaction on the user's message while the bot works on a slow answer, so they know it was seen.

Most answers are posted well within a second, and a reaction added then removed at once is only a flicker that
costs two Web API calls per question (``reactions.add`` is a Tier 3 method: about 50 calls a minute per
workspace). So the reaction waits: it is added only if the answer is not posted within
``WORKING_REACTION_AFTER_SECONDS`` (0 adds it at once, before the work starts), and removed when the work ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from logging import Logger

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.timers import Timers

WORKING = "mag"


@contextmanager
def working_on(
    client: WebClient,
    channel: str,
    ts: str,
    logger: Logger,
    *,
    after: float,
    timers: Timers,
    name: str = WORKING,
    status: Callable[[], bool] | None = None,
) -> Iterator[None]:
    """Show ``:name:`` on the message if the block is still running ``after`` seconds in; remove it at the end.

    With ``status`` (a DM thread, ``bot.slack.assistant.ThreadStatus``), that is tried first and the reaction only
    when it returns False. The reply clears a thread's status, as Slack's own two-minute timeout would.

    A reaction is a courtesy: failing to add or remove it (no scope, already reacted, message deleted) is
    logged and never stops the answer.
    """
    reaction = _Reaction(client, channel, ts, logger, name)

    def show() -> None:
        if status is not None and reaction.waiting and status():
            return
        reaction.add()

    if after <= 0:
        show()
    else:
        timers.call_later(after, show)
    try:
        yield
    finally:
        reaction.finish()


class _Reaction:
    """One message's working reaction: added at most once, removed if it was added, whichever thread gets there.

    ``add`` runs on the timer thread (or at once); ``finish`` on the listener's when the work ends. If the work
    ends while ``add`` is waiting on Slack, ``add`` removes the reaction itself when Slack has answered.
    """

    def __init__(self, client: WebClient, channel: str, ts: str, logger: Logger, name: str):
        self.client, self.channel, self.ts, self.logger, self.name = client, channel, ts, logger, name
        self._lock = threading.Lock()
        self._state = "waiting"  # waiting -> adding -> added | failed; or -> finished

    @property
    def waiting(self) -> bool:
        """Neither added nor finished yet."""
        return self._state == "waiting"

    def add(self) -> None:
        with self._lock:
            if self._state != "waiting":
                return  # the answer was posted first: nothing to show
            self._state = "adding"
        added = _call(self.logger, self.client.reactions_add, channel=self.channel, timestamp=self.ts, name=self.name)
        with self._lock:
            finished_meanwhile = self._state == "finished"
            self._state = "added" if added else "failed"
        if added and finished_meanwhile:
            self._remove()

    def finish(self) -> None:
        with self._lock:
            state, self._state = self._state, "finished"
        if state == "added":
            self._remove()
        # "adding": add() sees "finished" and removes the reaction once Slack has confirmed it.

    def _remove(self) -> None:
        _call(self.logger, self.client.reactions_remove, channel=self.channel, timestamp=self.ts, name=self.name)


def _call(logger: Logger, method, **kwargs: str) -> bool:  # a bound WebClient method
    try:
        method(**kwargs)
        return True
    except SlackApiError as error:
        logger.info("reaction call failed: %s", error.response.get("error"))
    except OSError as error:  # timeouts and dropped connections
        logger.info("reaction call failed: %s", type(error).__name__)
    return False
