"""Suggested prompts for the bot's Messages tab or assistant thread: the most-asked figures first, then the key
figures, up to Slack's four."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from bot.kb.base import KnowledgeBase

MAX_PROMPTS = 4  # what assistant.threads.setSuggestedPrompts shows
TITLE_MAX = 75
MESSAGE_MAX = 200
MOST_ASKED_SHARE = 2  # at most this many come from the most-asked, so a newcomer still sees the headline figures


class Prompt(BaseModel):
    """One suggested prompt: what the button says, and what it sends."""

    model_config = ConfigDict(frozen=True)

    title: str
    message: str


def suggested_prompts(kb: KnowledgeBase, most_asked: Iterable[str] = ()) -> list[Prompt]:
    """Up to four prompts: the most-asked indicators (ids, most asked first), then the key figures, no repeats."""
    picked: list[str] = []
    for uid in most_asked:
        if len(picked) >= MOST_ASKED_SHARE:
            break
        if kb.get(uid) is not None and uid not in picked:
            picked.append(uid)
    for entry in kb.key_entries():
        if len(picked) >= MAX_PROMPTS:
            break
        if entry.uid not in picked:
            picked.append(entry.uid)
    prompts = []
    for uid in picked:
        entry = kb.get(uid)
        if entry is not None:
            label = entry.indicator.label
            prompts.append(Prompt(title=label[:TITLE_MAX], message=label[:MESSAGE_MAX]))
    return prompts
