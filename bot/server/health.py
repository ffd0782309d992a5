"""``GET /healthz``: named checks, each returning a small JSON-able dict with ``ok``.

Features add their checks by name (the knowledge base, the database). Anyone who can reach the port can ask, so the
public answer is the status and each check's ``ok``; the details (the database's backend, masked URL, host, user,
name and what failed) go only to a local asker: a peer at 127.0.0.1 or ::1 whose request came through no proxy (a
proxy on the same host makes every request local, and adds ``Forwarded`` or ``X-Forwarded-For``). The container's
probe and an operator's ``curl`` on the host get them; a load balancer needs only the status code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from ipaddress import ip_address
from typing import Any

from bot.kb.base import KnowledgeBase

HealthCheck = Callable[[], dict[str, Any]]
# What a client on this machine connects from; the rest of 127.0.0.0/8 is loopback too, but nothing uses it unasked.
LOCAL_PEERS = frozenset({ip_address("127.0.0.1"), ip_address("::1")})


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


def is_local(peer: str | None, forwarded: bool) -> bool:
    """Whether a request came from this machine itself: a loopback peer, and no proxy's forwarding header."""
    if not peer or forwarded:
        return False
    try:
        address = ip_address(peer.removeprefix("::ffff:"))
    except ValueError:  # a Unix socket's peer, or nothing an address
        return False
    return address in LOCAL_PEERS


def health_report(checks: Mapping[str, HealthCheck], *, detailed: bool = True) -> tuple[int, dict[str, Any]]:
    """Run every check: 200 when all are ok, else 503. A check that raises counts as failed. Without
    ``detailed`` (a request from elsewhere, ``is_local``) each check is shown as its ``ok`` only."""
    results: dict[str, Any] = {}
    for name, check in checks.items():
        try:
            results[name] = check()
        except Exception as error:  # a health endpoint reports failures, it does not raise them
            results[name] = {"ok": False, "error": type(error).__name__}
    ok = all(r.get("ok") for r in results.values())
    if not detailed:
        results = {name: {"ok": bool(result.get("ok"))} for name, result in results.items()}
    return (200 if ok else 503), {"status": "ok" if ok else "failing", "checks": results}
