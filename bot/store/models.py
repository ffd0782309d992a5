"""Rows as frozen pydantic models, so code outside the store never handles SQLAlchemy rows."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

ScheduleKind = Literal["daily", "weekly", "cron", "figure-of-the-day"]
DeliveryStatus = Literal["claimed", "posted", "failed", "skipped"]
EventStatus = Literal["processing", "done", "failed"]


class Row(BaseModel):
    """Base: immutable, built from a mapping row."""

    model_config = ConfigDict(frozen=True)

    @classmethod
    def from_row(cls, row: Any) -> Any:
        """Build from a SQLAlchemy row (only the fields the model declares are read)."""
        mapping = row._mapping
        return cls(**{name: mapping[name] for name in cls.model_fields if name in mapping})


class NewSubscription(Row):
    """What a subscription is made of before it has an id."""

    channel: str
    creator: str | None
    kind: ScheduleKind
    cron: str
    timezone: str
    topic: str | None = None
    spec: str


class Subscription(NewSubscription):
    """A stored subscription."""

    id: int
    created_at: dt.datetime
    paused: bool = False
    paused_reason: str | None = None
    config_key: str | None = None


class Delivery(Row):
    """The record of one slot of one subscription."""

    subscription_id: int
    slot: dt.datetime
    status: DeliveryStatus
    owner: str
    claimed_at: dt.datetime
    finished_at: dt.datetime | None = None
    attempts: int = 0
    message_ts: str | None = None
    figure: str | None = None
    error: str | None = None


class RotationState(Row):
    """Which figures a figure-of-the-day subscription has shown in its current cycle."""

    cycle: int = 1
    shown: tuple[str, ...] = ()


class PendingWork(BaseModel):
    """What another process needs to redo a request's work: the body as received (and verified), and its type."""

    model_config = ConfigDict(frozen=True)

    body: str
    content_type: str


class TakenOver(Row):
    """An event whose lease expired, now leased by this process, with the request to redo."""

    event_id: str
    seen_at: dt.datetime
    attempts: int
    body: str | None = None
    content_type: str | None = None


QuestionOutcome = Literal["answered", "topic", "declined"]
Surface = Literal["mention", "dm", "slash", "button"]


class NewQuestion(Row):
    """A question as the question log records it (``bot.learning``): never who asked, only a salted hash."""

    asked_at: dt.datetime
    answer_id: str | None = None
    user_hash: str | None = None
    surface: Surface
    text: str
    outcome: QuestionOutcome
    reason: str | None = None
    not_found: str | None = None
    reading: str | None = None
    indicator: str | None = None
    score: float | None = None


class Question(NewQuestion):
    """A stored question."""

    id: int


class Vote(Row):
    """One user's vote on one answer, with what the answer was."""

    answer_id: str
    user_hash: str
    vote: Literal[1, -1]
    reason: str | None = None
    outcome: QuestionOutcome
    indicator: str | None = None
    reading: str | None = None
    voted_at: dt.datetime
