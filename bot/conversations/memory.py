"""Each Slack conversation's last turn, kept in the bot's store so that every worker reads the same.

A thread is keyed by workspace, channel and the thread's first message; a direct-message channel outside any thread
by workspace and channel. A turn expires: a thread's after ``thread_window`` (a day by default: people come back to
a thread after lunch, not next week), the direct-message channel's after ``direct_window`` (half an hour: later
messages there start a new conversation). It is never read back from Slack's history.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError

from bot.answer.followup import Turn
from bot.store.conversations import Conversations
from bot.store.errors import StoreError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConversationKey:
    """Which conversation a message belongs to."""

    workspace: str
    channel: str
    thread: str | None  # the thread's first message ts; None for a direct-message channel's own timeline

    def __str__(self) -> str:
        return f"{self.workspace}:{self.channel}:{self.thread or 'dm'}"


@dataclass(frozen=True)
class Windows:
    """How long a conversation's last turn is kept for a follow-up."""

    thread: dt.timedelta = dt.timedelta(hours=24)
    direct: dt.timedelta = dt.timedelta(minutes=30)


class Memory:
    """Recall and remember turns in the store's ``conversations`` table."""

    def __init__(self, table: Conversations, windows: Windows, clock: Callable[[], dt.datetime]):
        self._table = table
        self.windows = windows
        self._clock = clock

    def recall(self, key: ConversationKey) -> Turn | None:
        """The conversation's last turn, or None when it has none, it has expired, or the database is down.

        A follow-up is a convenience: with the database down the message is answered on its own (the event was
        claimed before the ack, so failing now would lose the answer Slack will not resend).
        """
        try:
            found = self._table.get(str(key))
        except StoreError as error:
            logger.warning("follow-ups: answering without the conversation, %s", error)
            return None
        if found is None:
            return None
        payload, updated_at = found
        window = self.windows.thread if key.thread else self.windows.direct
        if self._clock() - updated_at > window:
            return None
        try:
            return Turn.model_validate_json(payload)
        except ValidationError:
            return None  # written by another version of the reading: start afresh

    def remember(self, key: ConversationKey, turn: Turn) -> None:
        """Keep ``turn`` as the conversation's last (not when the database is down: the answer matters more)."""
        try:
            self._table.save(str(key), turn.model_dump_json())
        except StoreError as error:
            logger.warning("follow-ups: this turn is not kept, %s", error)

    def conversation(self, key: ConversationKey) -> StoredConversation:
        """The conversation ``key`` as the router uses it."""
        return StoredConversation(self, key)


@dataclass(frozen=True)
class StoredConversation:
    """One conversation of a Memory (``bot.answer.followup.Conversation``)."""

    memory: Memory
    key: ConversationKey

    def recall(self) -> Turn | None:
        return self.memory.recall(self.key)

    def remember(self, turn: Turn) -> None:
        self.memory.remember(self.key, turn)
