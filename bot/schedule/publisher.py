"""What the scheduler needs to deliver a digest, without knowing Slack: a publisher and the result it reports.

The Slack side implements ``DigestPublisher`` (``bot.slack.digest_poster.DigestPoster``: it renders the digest
and posts it with retries); tests may pass their own. Keeping the protocol here lets the scheduler decide what
is due and what to post while importing neither Slack nor rendering.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.schedule.content import Digest

# Errors after which posting to the channel cannot work until a person acts: the subscription is paused.
CHANNEL_GONE = frozenset({"channel_not_found", "not_in_channel", "is_archived"})


@dataclass(frozen=True)
class PostResult:
    """How one post ended."""

    ok: bool
    attempts: int
    ts: str | None = None
    channel: str | None = None
    error: str | None = None

    @property
    def channel_gone(self) -> bool:
        """True when Slack said the channel is missing, archived, or closed to the bot."""
        return self.error in CHANNEL_GONE


class DigestPublisher(Protocol):
    """Delivers digests and notices; never raises for delivery failures (they are in the result)."""

    def publish(self, channel: str, digest: Digest) -> PostResult:
        """Post ``digest`` in ``channel``."""
        ...

    def direct_message(self, user: str, text: str) -> PostResult:
        """Tell ``user`` something in a direct message (a paused subscription, say)."""
        ...
