"""Slack's agent and assistant surfaces, where a workspace has them: suggested prompts when a user opens the bot's
Messages tab (the agent experience, manifest ``agent_view``) or starts an assistant thread (the older assistant
experience, ``assistant_view``), and a status line in a DM thread while an answer is slow.

Where a workspace or app lacks these, Slack refuses the call (``not_allowed_token_type``, ``missing_scope``,
``invalid_thread_ts`` …): that is a normal answer here, logged at INFO, never an error, and nothing else changes.
"""

from __future__ import annotations

from logging import Logger

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.learning.prompts import Prompt

PROMPTS_TITLE = "Try asking"
STATUS = "Looking up the briefing…"


def set_prompts(
    client: WebClient, prompts: list[Prompt], *, channel: str, thread_ts: str | None, logger: Logger
) -> bool:
    """``assistant.threads.setSuggestedPrompts`` with ``prompts``; False (logged at INFO) when Slack refuses.

    ``thread_ts`` only for an assistant thread: in the agent experience the prompts belong to the DM itself, and
    Slack ignores a call that names a thread there.
    """
    if not prompts:
        return False
    shown = [{"title": p.title, "message": p.message} for p in prompts]
    try:
        if thread_ts:
            client.assistant_threads_setSuggestedPrompts(
                channel_id=channel, thread_ts=thread_ts, prompts=shown, title=PROMPTS_TITLE
            )
        else:
            client.assistant_threads_setSuggestedPrompts(channel_id=channel, prompts=shown, title=PROMPTS_TITLE)
        return True
    except SlackApiError as error:
        logger.info("suggested prompts not shown: %s", error.response.get("error"))
    except OSError as error:
        logger.info("suggested prompts not shown: %s", type(error).__name__)
    return False


class ThreadStatus:
    """``assistant.threads.setStatus`` for this process: once Slack refuses it (an app without the assistant or
    agent surface, a thread that is not one), the working reaction is used instead from then on."""

    def __init__(self) -> None:
        self.refused: str | None = None  # Slack's error, once refused

    def show(self, client: WebClient, *, channel: str, thread_ts: str, logger: Logger) -> bool:
        """Show ``STATUS`` in the thread; False when it cannot be (the caller reacts instead)."""
        if self.refused:
            return False
        try:
            client.assistant_threads_setStatus(channel_id=channel, thread_ts=thread_ts, status=STATUS)
            return True
        except SlackApiError as error:
            self.refused = str(error.response.get("error") or "refused")
            logger.info("thread status not available here (%s): using the working reaction", self.refused)
        except OSError as error:
            logger.info("thread status not shown: %s", type(error).__name__)
        return False
