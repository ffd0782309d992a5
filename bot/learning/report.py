"""The curator's report: what was asked and not found, what was voted down and why, what is asked most, and
the answers that only just passed the threshold (the ones to check)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from bot.kb.base import KnowledgeBase
from bot.learning.tickets import REASONS
from bot.store import Store
from bot.store.models import Question, Vote

# An answer whose top score is below this is listed to check: the engine answers from 2.0 (answer_at in
# bot/answer/data/scoring.toml); a figure matched on every slot asked scores 8 and more.
LOW_SCORE = 4.0
EXAMPLES = 3
TOP = 20

Label = Callable[[str | None], str | None]  # an indicator id to its label


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class DeclineGroup(_Frozen):
    """Declined questions that did not find the same thing."""

    not_found: str
    reason: str
    count: int
    users: int
    examples: list[str]


class ReasonCount(_Frozen):
    """How many down-votes gave one reason."""

    reason: str
    count: int


class DownVoted(_Frozen):
    """One answer voted down, with the reasons given."""

    answer_id: str
    outcome: str
    indicator: str | None
    label: str | None
    reading: str | None
    question: str | None  # as asked, when the question log has it
    down: int
    up: int
    reasons: list[ReasonCount]


class IndicatorCount(_Frozen):
    """How often a figure was the top answer."""

    indicator: str
    label: str
    count: int
    users: int


class LowScore(_Frozen):
    """An answered question whose top figure scored low."""

    question: str
    indicator: str
    label: str
    score: float
    reading: str | None
    asked_at: dt.datetime


class Report(_Frozen):
    """Everything the report lists, for one period."""

    since: dt.datetime
    until: dt.datetime
    questions: int
    users: int
    answered: int
    declined: int
    up_votes: int
    down_votes: int
    declines: list[DeclineGroup]
    down_voted: list[DownVoted]
    most_asked: list[IndicatorCount]
    low_scores: list[LowScore]


def build_report(store: Store, kb: KnowledgeBase | None, since: dt.datetime, until: dt.datetime) -> Report:
    """The report on questions asked and votes cast from ``since`` to ``until``.

    Raises:
        StoreError: the database cannot be read.
    """
    asked = [q for q in store.questions.since(since) if q.asked_at <= until]
    votes = [v for v in store.feedback.since(since) if v.voted_at <= until]
    return summarize(asked, votes, kb, since, until)


def summarize(
    asked: list[Question], votes: list[Vote], kb: KnowledgeBase | None, since: dt.datetime, until: dt.datetime
) -> Report:
    """The report on these questions and votes (``build_report`` reads them from the store)."""

    def label(indicator: str | None) -> str | None:
        entry = kb.get(indicator) if kb and indicator else None
        return entry.indicator.label if entry else indicator

    return Report(
        since=since,
        until=until,
        questions=len(asked),
        users=len({q.user_hash for q in asked if q.user_hash}),
        answered=sum(q.outcome != "declined" for q in asked),
        declined=sum(q.outcome == "declined" for q in asked),
        up_votes=sum(v.vote == 1 for v in votes),
        down_votes=sum(v.vote == -1 for v in votes),
        declines=_declines(asked),
        down_voted=_down_voted(asked, votes, label),
        most_asked=_most_asked(asked, label),
        low_scores=[
            LowScore(
                question=q.text,
                indicator=q.indicator or "",
                label=label(q.indicator) or "",
                score=q.score or 0.0,
                reading=q.reading,
                asked_at=q.asked_at,
            )
            for q in sorted(asked, key=lambda q: q.score or 0.0)
            if q.outcome == "answered" and q.indicator and q.score is not None and q.score < LOW_SCORE
        ][:TOP],
    )


def _declines(asked: list[Question]) -> list[DeclineGroup]:
    groups: dict[tuple[str, str], list[Question]] = defaultdict(list)
    for q in asked:
        if q.outcome == "declined":
            what = (q.not_found or q.reading or q.text).strip()
            groups[(what.casefold(), q.reason or "")].append(q)
    found = [
        DeclineGroup(
            not_found=qs[0].not_found or qs[0].reading or qs[0].text,
            reason=reason,
            count=len(qs),
            users=len({q.user_hash for q in qs if q.user_hash}),
            examples=list(dict.fromkeys(q.text for q in qs))[:EXAMPLES],
        )
        for (_, reason), qs in groups.items()
    ]
    return sorted(found, key=lambda g: (-g.count, g.not_found.casefold()))[:TOP]


def _down_voted(asked: list[Question], votes: list[Vote], label: Label) -> list[DownVoted]:
    by_answer: dict[str, list[Vote]] = defaultdict(list)
    for vote in votes:
        by_answer[vote.answer_id].append(vote)
    question = {q.answer_id: q.text for q in asked if q.answer_id}
    listed = []
    for answer_id, cast in by_answer.items():
        down = [v for v in cast if v.vote == -1]
        if not down:
            continue
        reasons = Counter(REASONS.get(v.reason or "", "no reason given") for v in down)
        first = down[0]
        listed.append(
            DownVoted(
                answer_id=answer_id,
                outcome=first.outcome,
                indicator=first.indicator,
                label=label(first.indicator),
                reading=first.reading,
                question=question.get(answer_id),
                down=len(down),
                up=len(cast) - len(down),
                reasons=[ReasonCount(reason=r, count=n) for r, n in reasons.most_common()],
            )
        )
    return sorted(listed, key=lambda d: (-d.down, d.answer_id))[:TOP]


def _most_asked(asked: list[Question], label: Label) -> list[IndicatorCount]:
    counts = Counter(q.indicator for q in asked if q.indicator and q.outcome != "declined")
    users: dict[str, set[str]] = defaultdict(set)
    for q in asked:
        if q.indicator and q.user_hash:
            users[q.indicator].add(q.user_hash)
    return [
        IndicatorCount(indicator=i, label=label(i) or i, count=n, users=len(users[i]))
        for i, n in counts.most_common(TOP)
    ]
