"""``Learning``: what the Slack side calls to give an answer its feedback controls, record the question after the
reply, store a vote, and read back prompts and the report. Without Slack: the listeners translate to and from it."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable

from bot.answer.models import Reply
from bot.config import Settings
from bot.kb.base import KnowledgeBase
from bot.learning.hashing import salt_of, user_hasher
from bot.learning.prompts import Prompt, suggested_prompts
from bot.learning.recorder import Asked, QuestionRecorder
from bot.learning.report import Report, build_report
from bot.learning.tickets import FeedbackTicket, read_press
from bot.store import Store, utcnow
from bot.store.models import Surface, Vote

logger = logging.getLogger(__name__)

PROMPTS_CACHE_SECONDS = 600.0  # the most-asked figures move slowly; the Messages tab opens often
PROMPTS_LOOKBACK = dt.timedelta(days=30)


class Learning:
    """Feedback, the question log and what is read back from them, for one process.

    Args:
        kb: the knowledge base (labels, key figures).
        store: the database; None runs without one (feedback is then refused politely, nothing is recorded).
        enabled: QUESTION_LOG_ENABLED.
        salt: the user-hash salt (``hashing.salt_of``).
        keep: how long questions and votes are kept.
        clock: the current time, aware.
    """

    def __init__(
        self,
        kb: KnowledgeBase,
        store: Store | None,
        *,
        enabled: bool,
        salt: str,
        keep: dt.timedelta,
        clock: Callable[[], dt.datetime] = utcnow,
    ):
        self.kb = kb
        self.store = store
        self.enabled = enabled and store is not None
        self.keep = keep
        self.clock = clock
        self.hash_user = user_hasher(salt)
        self.recorder = QuestionRecorder(store.questions.add, self.hash_user) if store is not None else None
        self._prompts: tuple[float, list[Prompt]] | None = None
        self._prompts_lock = threading.Lock()

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        kb: KnowledgeBase,
        store: Store | None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> Learning:
        """Built from QUESTION_LOG_* settings.

        Raises:
            StoreError: QUESTION_LOG_SALT is unset and the database cannot give the shared salt.
        """
        return cls(
            kb,
            store,
            enabled=settings.question_log_enabled,
            salt=salt_of(settings.question_log_salt, store),
            keep=dt.timedelta(days=settings.question_log_days),
            clock=clock,
        )

    def ticket(self, reply: Reply) -> FeedbackTicket:
        """The feedback ticket for a reply about to be posted."""
        return FeedbackTicket.of(reply)

    def record(
        self, reply: Reply, *, text: str, surface: Surface, user_id: str | None, ticket: FeedbackTicket | None
    ) -> None:
        """Log a question after its reply was posted: a queue put, the rest on the log's own thread."""
        if self.enabled and self.recorder is not None:
            self.recorder.record(Asked(reply, text, surface, user_id, ticket, self.clock()))

    def vote(self, value: str, user_id: str) -> tuple[Vote, Vote | None] | None:
        """Store the press of a feedback button (its ``value``) by ``user_id``: (the vote, the vote it replaced).

        None when the value is not a feedback button's or there is no database.

        Raises:
            StoreError: the database is unavailable.
        """
        press = read_press(value)
        if press is None or self.store is None or not user_id:
            return None
        ticket = press.ticket
        vote = Vote(
            answer_id=ticket.answer_id,
            user_hash=self.hash_user(user_id),
            vote=press.vote,
            outcome=ticket.outcome,
            indicator=ticket.indicator,
            reading=ticket.reading,
            voted_at=self.clock(),
        )
        return vote, self.store.feedback.vote(vote)

    def give_reason(self, answer_id: str, user_id: str, reason: str) -> bool:
        """Attach a reason to the user's down-vote; False without one (or without a database).

        Raises:
            StoreError: the database is unavailable.
        """
        if self.store is None or not user_id:
            return False
        return self.store.feedback.give_reason(answer_id, self.hash_user(user_id), reason)

    def prompts(self) -> list[Prompt]:
        """Up to four suggested prompts; the most-asked part is cached for ten minutes and skipped when the log
        is off or unreadable."""
        with self._prompts_lock:
            cached = self._prompts
        if cached is not None and time.monotonic() - cached[0] < PROMPTS_CACHE_SECONDS:
            return cached[1]
        most_asked: list[str] = []
        if self.enabled and self.store is not None:
            try:
                now = self.clock()
                most_asked = [
                    i.indicator for i in build_report(self.store, None, now - PROMPTS_LOOKBACK, now).most_asked
                ]
            except Exception as error:  # prompts are a courtesy: the key figures will do
                logger.info("suggested prompts without the most-asked figures: %s", type(error).__name__)
        prompts = suggested_prompts(self.kb, most_asked)
        with self._prompts_lock:
            self._prompts = (time.monotonic(), prompts)
        return prompts

    def report(self, since: dt.timedelta) -> Report | None:
        """The report over the last ``since``; None without a database.

        Raises:
            StoreError: the database is unavailable.
        """
        if self.store is None:
            return None
        now = self.clock()
        return build_report(self.store, self.kb, now - since, now)

    def purge(self) -> int:
        """Delete questions and votes older than the retention; return how many rows went.

        Raises:
            StoreError: the database is unavailable.
        """
        if self.store is None:
            return 0
        cutoff = self.clock() - self.keep
        return self.store.questions.purge(cutoff) + self.store.feedback.purge(cutoff)
