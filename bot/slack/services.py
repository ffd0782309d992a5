"""What listeners need besides Slack: knowledge, engine, settings; put in every request's Bolt context."""

from __future__ import annotations

from concurrent.futures import Executor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from logging import Logger

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.answer.engine import Engine
from bot.config import Settings
from bot.conversations.memory import ConversationKey, Memory
from bot.kb.base import KnowledgeBase
from bot.learning.service import Learning
from bot.router import RouteContext, RouteServices
from bot.slack.assistant import ThreadStatus
from bot.slack.reactions import working_on
from bot.slack.timers import Timers

CONTEXT_KEY = "tradebot"


@dataclass(frozen=True, eq=False)
class Services:
    """The bot's non-Slack parts, shared by every request.

    Attributes:
        settings: validated settings.
        kb: the knowledge base.
        engine: the answer engine on ``kb``.
        answers: the thread pool the listeners' work runs on after the ack (``bot.slack.listeners.after_ack``).
        route_services: what ``/trade`` subcommands may use besides the knowledge (the store, time zones, clock).
        timers: this process's delayed callbacks (the working reaction on slow answers).
        memory: each conversation's last question, for follow-ups (None without a store: every message alone).
        learning: feedback and the question log (None without a store).
        thread_status: whether ``assistant.threads.setStatus`` works in this process.
    """

    settings: Settings
    kb: KnowledgeBase
    engine: Engine
    answers: Executor
    route_services: RouteServices = field(default_factory=RouteServices)
    timers: Timers = field(default_factory=Timers)
    memory: Memory | None = None
    learning: Learning | None = None
    thread_status: ThreadStatus = field(default_factory=ThreadStatus)

    def route_context(
        self, user_id: str | None = None, channel_id: str | None = None, conversation: ConversationKey | None = None
    ) -> RouteContext:
        """The router's view of one request; ``conversation`` for a message that may follow up an earlier one."""
        kept = self.memory.conversation(conversation) if self.memory and conversation else None
        return RouteContext(
            kb=self.kb,
            engine=self.engine,
            user_id=user_id,
            channel_id=channel_id,
            services=self.route_services,
            conversation=kept,
        )

    def working_on(
        self, client: WebClient, channel: str, ts: str, logger: Logger, thread_ts: str | None = None
    ) -> AbstractContextManager[None]:
        """The working reaction on a message while it is answered, if the answer is slow (``bot.slack.reactions``);
        with ``thread_ts`` (a DM thread), the thread's status line where Slack allows it, else the reaction."""
        after = self.settings.working_reaction_after_seconds

        def status() -> bool:
            return self.thread_status.show(client, channel=channel, thread_ts=thread_ts or "", logger=logger)

        status_first = status if thread_ts else None
        return working_on(client, channel, ts, logger, after=after, timers=self.timers, status=status_first)


def services_of(context: BoltContext) -> Services:
    """The Services that ``create_app`` put in the request context."""
    return context[CONTEXT_KEY]
