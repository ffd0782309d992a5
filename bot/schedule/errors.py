"""The error a malformed schedule raises: what was wrong, and an example that works."""

from __future__ import annotations


class ScheduleError(ValueError):
    """A schedule that cannot be used; ``problem`` says why and ``example`` shows one that works."""

    def __init__(self, problem: str, example: str = "daily 09:00"):
        super().__init__(f"{problem} (example: {example})")
        self.problem = problem
        self.example = example
