"""Calibrate the decline threshold (``answer_at`` in bot/answer/data/scoring.toml), run by hand.

    python bench/calibrate.py [--sets SET.jsonl ...] [--others ../shared/eval/questions-by-others.jsonl]

Every development question is answered once with no threshold (any figure that agrees with every slot asked is
given); each reply keeps its best score. For each candidate threshold the script then counts, as the project is
judged: right figure (the expected indicator, or the expected numbers and speaker), correct declines, and replies
that state a wrong figure. It prints the table and the threshold that maximises right answers plus correct
declines minus three times the wrong figures (a wrong figure is the worst failure). It changes nothing itself.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answer.engine import Engine  # noqa: E402
from bot.answer.scoring import load_scoring  # noqa: E402
from bot.kb.loader import load_knowledge  # noqa: E402
from tests.answer.evaluation import EVAL_SET, load_cases  # noqa: E402

WRONG_COST = 3
THRESHOLDS = [t / 2 for t in range(-2, 17)]


@dataclass(frozen=True)
class Outcome:
    """One question answered with no threshold: the best score, and whether that answer is right."""

    answerable: bool
    score: float | None  # None: declined even with no threshold (no figure agrees)
    right: bool  # the answer given with no threshold is the right one


def project_outcomes(engine: Engine, paths: list[Path]) -> list[Outcome]:
    out = []
    for path in paths:
        for case in load_cases(path):
            reply = engine.ask(case.q)
            top = reply.answers[0] if reply.answered and reply.answers else None
            score = top.score if top and reply.reason == "answer" else (99.0 if top else None)
            right = top is not None and case.expect is not None and top.id in case.expect
            out.append(Outcome(answerable=case.expect is not None, score=score, right=right))
    return out


def other_outcomes(engine: Engine, path: Path) -> list[Outcome]:
    spec = importlib.util.spec_from_file_location("score", path.parent / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    from bot.commands.ask import reply_json, slash_json

    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        record = slash_json(case["text"], engine) if case["via"] == "slash" else reply_json(engine.ask(case["text"]))
        answered = bool(record.get("answered")) and bool(record.get("answers"))
        top = record["answers"][0] if answered else None
        value = None if top is None else (top["score"] if record.get("reason") == "answer" else 99.0)
        expect = case["expect"]
        right = answered and not expect.get("abstain") and score.judge(case, record)[0]
        out.append(Outcome(answerable=not expect.get("abstain"), score=value, right=right))
    return out


def table(outcomes: list[Outcome]) -> list[tuple[float, int, int, int]]:
    rows = []
    for t in THRESHOLDS:
        right = declines = wrong = 0
        for o in outcomes:
            answered = o.score is not None and o.score >= t
            if o.answerable:
                right += answered and o.right
                wrong += answered and not o.right
            else:
                declines += not answered
                wrong += answered
        rows.append((t, right, declines, wrong))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    folder = EVAL_SET.parent
    parser.add_argument(
        "--sets",
        nargs="*",
        type=Path,
        default=[EVAL_SET, folder / "heldout_sample.jsonl", folder / "heldout_b.jsonl"],
    )
    parser.add_argument("--others", type=Path, default=ROOT.parent / "shared" / "eval" / "questions-by-others.jsonl")
    args = parser.parse_args()
    scoring = load_scoring()
    # No threshold: every figure that agrees with every slot asked is given, with its score.
    engine = Engine(load_knowledge(), cache_size=0, scoring=scoring.model_copy(update={"answer_at": -1e9}))
    outcomes = project_outcomes(engine, args.sets)
    if args.others.exists():
        outcomes += other_outcomes(engine, args.others)
    answerable = sum(o.answerable for o in outcomes)
    print(f"{len(outcomes)} questions, {answerable} answerable, {len(outcomes) - answerable} to decline")
    print(f"{'answer_at':>9} {'right':>7} {'declines':>9} {'wrong':>6} {'utility':>8}")
    best = None
    for t, right, declines, wrong in table(outcomes):
        utility = right + declines - WRONG_COST * wrong
        mark = " <- current" if t == scoring.answer_at else ""
        print(f"{t:9.1f} {right:7d} {declines:9d} {wrong:6d} {utility:8d}{mark}")
        if best is None or utility > best[1]:
            best = (t, utility)
    print(f"best answer_at: {best[0]:.1f}" if best else "no questions")


if __name__ == "__main__":
    main()
