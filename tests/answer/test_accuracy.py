"""The engine on the evaluation set: at least 95% top-1 on answerable questions, 95% correct declines."""

from __future__ import annotations

from bot.answer.engine import Engine
from bot.kb.loader import load_knowledge
from tests.answer.evaluation import EVAL_SET, evaluate, load_cases

MIN_TOP1 = 0.95
MIN_DECLINES = 0.95


def test_evaluation_set_is_large_and_valid() -> None:
    cases = load_cases()
    kb = load_knowledge()
    assert len(cases) >= 200
    assert sum(c.expect is None for c in cases) >= 40
    for case in cases:
        for uid in case.expect or ():
            assert kb.get(uid) is not None, f"{case.q!r} expects unknown id {uid}"


def test_accuracy(engine: Engine) -> None:
    score = evaluate(engine, load_cases())
    report = "\n".join(score.failures or [])
    assert score.top1_rate >= MIN_TOP1, f"top-1 {score.top1}/{score.answerable}\n{report}"
    assert score.decline_rate >= MIN_DECLINES, f"declines {score.declined}/{score.unanswerable}\n{report}"


def test_accuracy_on_the_chattier_secondary_sets(engine: Engine) -> None:
    """Two more sets written apart from the engine, longer and chattier; a regression guard, not the target."""
    folder = EVAL_SET.parent
    cases = load_cases(folder / "heldout_sample.jsonl") + load_cases(folder / "heldout_b.jsonl")
    score = evaluate(engine, cases)
    report = "\n".join(score.failures or [])
    assert score.top1_rate >= 0.9, f"top-1 {score.top1}/{score.answerable}\n{report}"
    assert score.decline_rate >= 0.9, f"declines {score.declined}/{score.unanswerable}\n{report}"
