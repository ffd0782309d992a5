"""The database's entry in ``GET /healthz``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.store.errors import StoreError
from bot.store.store import Store


def database_check(store: Store) -> Callable[[], dict[str, Any]]:
    """A health check: ``ok`` when the database answers, with its backend and masked URL."""

    def check() -> dict[str, Any]:
        try:
            store.ping()
        except StoreError as exc:
            return {"ok": False, "backend": store.backend, "error": str(exc)}
        return {"ok": True, "backend": store.backend, "url": store.url}

    return check
