"""The weekly curator's report, drawn as a message and posted with the digests' retry rules."""

from __future__ import annotations

from bot.learning.report import Report
from bot.render.report import report_message
from bot.schedule.publisher import PostResult
from bot.slack.digest_poster import DigestPoster


class ReportPoster:
    """``ReportPublisher`` (``bot.schedule.learning_chores``) over the scheduler's ``DigestPoster``."""

    def __init__(self, poster: DigestPoster):
        self.poster = poster

    def publish_report(self, channel: str, report: Report) -> PostResult:
        """Render ``report`` and post it in ``channel``; failures are in the result."""
        message = report_message(report)
        return self.poster.post(channel, message.text, message.blocks)
