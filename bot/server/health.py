"""``GET /healthz``: named checks, each returning a small JSON-able dict with ``ok``.

Features add their checks by name (the database check joins the knowledge check when storage lands).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.kb.base import KnowledgeBase

HealthCheck = Callable[[], dict[str, Any]]


def knowledge_check(kb: KnowledgeBase) -> HealthCheck:
    """The loaded knowledge base: counts of briefings, topics and indicators."""

    def check() -> dict[str, Any]:
        return {
            "ok": bool(kb.entries),
            "briefings": sorted(kb.briefings),
            "topics": len(kb.topics),
            "indicators": len(kb.entries),
            "key_figures": len(kb.key_entries()),
        }

    return check


def health_report(checks: Mapping[str, HealthCheck]) -> tuple[int, dict[str, Any]]:
    """Run every check: 200 when all are ok, else 503. A check that raises counts as failed."""
    results: dict[str, Any] = {}
    for name, check in checks.items():
        try:
            results[name] = check()
        except Exception as error:  # a health endpoint reports failures, it does not raise them
            results[name] = {"ok": False, "error": type(error).__name__}
    ok = all(r.get("ok") for r in results.values())
    return (200 if ok else 503), {"status": "ok" if ok else "failing", "checks": results}
