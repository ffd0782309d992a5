"""Reading the evaluation set and scoring the engine on it (used by the test and by bench/)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
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
        reply = engine.ask(case.q)
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


# ---------------------------------------------------------------------- sets judged by figures and speakers
# The sets written by others (../shared/eval, and the fresh sets kept here) give the numbers a right answer holds
# and who said them, not indicator ids. They are judged with the rule of ../shared/eval/score.py: the expected
# numbers in the top answers' own fields (not the quote), the top answer's speaker among the expected ones, and a
# decline only where the briefing does not hold the answer.
OTHERS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "questions-by-others.jsonl"
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s?%)?")
_NOT_FIELDS = {"quote", "id", "score", "briefing", "source"}


@dataclass(frozen=True)
class FigureCase:
    """A question judged by the figures its answer must state."""

    id: str
    text: str
    slash: bool
    numbers: tuple[str, ...]
    speakers: tuple[str, ...]
    abstain: bool
    or_abstain: bool


@dataclass
class FigureScore:
    """Right figure and speaker, correct declines, and replies that stated a wrong figure."""

    answerable: int = 0
    right: int = 0
    unanswerable: int = 0
    declined: int = 0
    wrong: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def right_rate(self) -> float:
        return self.right / self.answerable if self.answerable else 0.0

    @property
    def decline_rate(self) -> float:
        return self.declined / self.unanswerable if self.unanswerable else 0.0

    @property
    def wrong_rate(self) -> float:
        total = self.answerable + self.unanswerable
        return self.wrong / total if total else 0.0

    def add(self, case: FigureCase, record: dict) -> None:
        """Judge one reply (in the JSON interface's shape) to ``case`` and count it."""
        passed, why = judge_figures(case, record)
        if case.abstain:
            self.unanswerable += 1
            self.declined += passed
        else:
            self.answerable += 1
            self.right += passed
        if not passed and why != "declined":
            self.wrong += 1
        if not passed:
            self.failures.append(f"{case.id} {case.text!r}: {why}")


def load_figure_cases(path: Path) -> list[FigureCase]:
    """Figure cases from a set; a line without ``via`` is a mention (conversation sets)."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            expect = raw["expect"]
            cases.append(
                FigureCase(
                    id=raw["id"],
                    text=raw["text"],
                    slash=raw.get("via", "mention") == "slash",
                    numbers=tuple(expect.get("numbers", ())),
                    speakers=tuple(expect.get("speakers", ())),
                    abstain=bool(expect.get("abstain")),
                    or_abstain=bool(expect.get("or_abstain")),
                )
            )
    return cases


def _numbers(text: str) -> set[tuple[float, bool]]:
    return {(float(m.group(1).replace(",", "")), bool(m.group(2))) for m in _NUMBER.finditer(text)}


def _wanted(number: str) -> tuple[float, bool]:
    return float(number.rstrip("%").replace(",", "")), number.endswith("%")


def judge_figures(case: FigureCase, record: dict) -> tuple[bool, str]:
    """(passed, why) for one reply in the JSON interface's shape."""
    answered = bool(record.get("answered")) and bool(record.get("answers"))
    if case.abstain:
        return (not answered, "answered a question the briefing does not hold" if answered else "ok")
    if not answered:
        return (case.or_abstain, "ok" if case.or_abstain else "declined")
    found: set[tuple[float, bool]] = set()
    for answer in record["answers"][: len(case.numbers)]:
        found |= _numbers(json.dumps({k: v for k, v in answer.items() if k not in _NOT_FIELDS}, ensure_ascii=False))
    missing = [n for n in case.numbers if _wanted(n) not in found]
    if missing:
        return False, f"top answer lacks {missing}"
    speaker = str(record["answers"][0].get("speaker", ""))
    if not any(s in speaker for s in case.speakers):
        return False, f"speaker {speaker!r} not in {list(case.speakers)}"
    return True, "ok"


def evaluate_figures(engine: Engine, cases: list[FigureCase]) -> FigureScore:
    """Every case through the JSON interface (``tradebot ask --json``, with ``--slash`` for slash cases)."""
    from bot.commands.ask import reply_json, slash_json

    score = FigureScore()
    for case in cases:
        score.add(case, slash_json(case.text, engine) if case.slash else reply_json(engine.ask(case.text)))
    return score


def load_conversations(path: Path) -> list[tuple[str, FigureCase]]:
    """A conversation set: each message with its thread, in the order written (``followups_*.jsonl``)."""
    threads = {raw["id"]: raw["thread"] for raw in (json.loads(line) for line in path.read_text().splitlines() if line)}
    return [(threads[case.id], case) for case in load_figure_cases(path)]


def evaluate_follow_ups(engine: Engine, conversations: list[tuple[str, FigureCase]]) -> FigureScore:
    """Every message read in its thread, in order, as ``tradebot ask -`` reads ``{"text", "thread"}`` lines; the
    score counts the follow-ups (each thread's messages after its first)."""
    from bot.answer.followup import Turn
    from bot.commands.ask import reply_json

    score = FigureScore()
    last: dict[str, Turn | None] = {}
    for thread, case in conversations:
        follows = thread in last
        reply, last[thread] = engine.converse(case.text, last.get(thread))
        if follows:
            score.add(case, reply_json(reply))
    return score
