"""Reading the evaluation set and scoring the engine on it (used by the test and by bench/)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from bot.answer.engine import Engine

EVAL_SET = Path(__file__).with_name("eval_set.jsonl")


@dataclass(frozen=True)
class Case:
    """One question and what a correct reply is."""

    q: str
    slash: bool
    expect: tuple[str, ...] | None  # acceptable top-answer ids, or None for "decline"
    why: str = ""


@dataclass
class Score:
    """Accuracy on answerable questions (top-1) and on unanswerable ones (declined)."""

    answerable: int = 0
    top1: int = 0
    unanswerable: int = 0
    declined: int = 0
    failures: list[str] | None = None

    @property
    def top1_rate(self) -> float:
        return self.top1 / self.answerable if self.answerable else 0.0

    @property
    def decline_rate(self) -> float:
        return self.declined / self.unanswerable if self.unanswerable else 0.0


def load_cases(path: Path = EVAL_SET) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        expect = None if raw["expect"] == "decline" else tuple(raw["expect"])
        cases.append(Case(raw["q"], bool(raw.get("slash")), expect, raw.get("why", "")))
    return cases


def evaluate(engine: Engine, cases: list[Case]) -> Score:
    score = Score(failures=[])
    for case in cases:
        reply = engine.ask(case.q, slash=case.slash)
        top = reply.answers[0].id if reply.answered and reply.answers else None
        if case.expect is None:
            score.unanswerable += 1
            if not reply.answered:
                score.declined += 1
            else:
                score.failures.append(f"should decline: {case.q!r} -> {top}")
        else:
            score.answerable += 1
            if top in case.expect:
                score.top1 += 1
            else:
                got = top or f"decline ({reply.reason}: {reply.not_found})"
                score.failures.append(f"{case.q!r}: expected {case.expect[0]}, got {got}")
    return score
