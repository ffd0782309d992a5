"""IANA time-zone names, matched case-insensitively."""

from __future__ import annotations

import zoneinfo
from functools import lru_cache


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def canonical_timezone(name: str) -> str | None:
    """The IANA spelling of ``name`` ("asia/shanghai" -> "Asia/Shanghai"), or None if it is not a zone."""
    return _zones().get(name.strip().lower())


def looks_like_timezone(token: str) -> bool:
    """True for tokens meant as a zone even if misspelt ("Asia/Shangai"), so the error can say so."""
    return "/" in token or token.upper() in {"UTC", "GMT"}
