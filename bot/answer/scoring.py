"""The scoring function: a weighted sum of named features, with its weights and thresholds kept as data.

In the spirit of Rasa's fallback threshold and of calibrated selective answering: the engine answers only when the
best figure's score reaches ``answer_at``, a number chosen on development questions (``bench/calibrate.py``), not a
cascade of rules.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from operator import mul
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from bot.answer.features import CONFLICTS, NAMES, Features
from bot.answer.profiles import Profile

SCORING = Path(__file__).with_name("data") / "scoring.toml"


class Weights(BaseModel):
    """One weight per feature (``bot.answer.features.Features``); a missing or unknown name is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    subject: float
    uncovered: float
    topic: float
    entity: float
    extra: float
    flow: float
    measure: float
    period: float
    comparison: float
    currency: float
    source: float
    alone: float
    group: float
    not_total: float
    speaker: float
    amount: float
    fuzzy: float
    unmatched: float
    headline: float


class Scoring(BaseModel):
    """Weights and the thresholds that decide between an answer and a decline."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    answer_at: float
    related_at: float
    weights: Weights

    @property
    def vector(self) -> tuple[float, ...]:
        """The weights in feature order, so that a score is one dot product (``total``)."""
        return tuple(getattr(self.weights, name) for name in NAMES)

    def total(self, features: Features) -> float:
        return dot(self.vector, features)

    def parts(self, features: Features) -> list[tuple[str, float]]:
        """Each feature's contribution, largest first (what ``--explain`` prints)."""
        parts = [(name, getattr(self.weights, name) * getattr(features, name)) for name in NAMES]
        return sorted((p for p in parts if p[1]), key=lambda p: -abs(p[1]))

    def worst_conflict(self, features: Features) -> str | None:
        """The slot that contradicts the question most, or None when none does."""
        worst = min(CONFLICTS, key=lambda name: getattr(self.weights, name) * getattr(features, name))
        return worst if getattr(features, worst) < 0 else None


def dot(weights: tuple[float, ...], features: Features) -> float:
    """The score: weights times features, summed."""
    return sum(map(mul, weights, features))


@dataclass(frozen=True)
class Scored:
    """A figure with its features and score for one question."""

    profile: Profile
    features: Features
    score: float


@lru_cache(maxsize=4)
def load_scoring(path: Path = SCORING) -> Scoring:
    """The scoring data, read once per process."""
    with path.open("rb") as handle:
        return Scoring.model_validate(tomllib.load(handle))
