"""Checking the shape of DATABASE_URL when settings are read, so a typo stops start-up with one line, not a
traceback from deep inside the database driver. Connecting is ``bot.store``'s job; this only reads the text."""

from __future__ import annotations

from urllib.parse import urlsplit

# The drivers tradebot installs: the standard library's sqlite3, and psycopg 3 (``postgresql://`` means it too).
SUPPORTED = {
    "sqlite": "sqlite",
    "sqlite+pysqlite": "sqlite",
    "postgresql": "postgresql",
    "postgresql+psycopg": "postgresql",
}
EXAMPLES = "sqlite:///data/tradebot.sqlite3 or postgresql+psycopg://user@host:5432/dbname"


def check_database_url(url: str) -> str:
    """Return ``url`` if it names a supported database and driver with a readable host and port.

    Raises:
        ValueError: saying what is wrong (never repeating the URL, which may hold a password).
    """
    scheme, separator, _ = url.partition("://")
    if not separator or not scheme:
        raise ValueError(f"not a database URL; use {EXAMPLES}")
    if scheme.lower() not in SUPPORTED:
        backend, _, driver = scheme.partition("+")
        what = f"the driver {driver!r} for {backend}" if driver else f"the database {backend!r}"
        raise ValueError(f"{what} is not supported; use {EXAMPLES}")
    try:
        parts = urlsplit(url)
        port = parts.port  # reading it is what checks it
    except ValueError as exc:
        raise ValueError(f"{_reason(exc)}; use {EXAMPLES}") from None
    host = parts.netloc.rpartition("@")[2]
    after_host = host.partition("]")[2] if host.startswith("[") else host
    if after_host.endswith(":") and port is None:  # SQLAlchemy would fail on "host:" with a traceback
        raise ValueError(f"the port after ':' is empty; use {EXAMPLES}")
    return url


def _reason(error: ValueError) -> str:
    text = str(error)
    if "IPv6" in text:
        return "the host is a broken IPv6 address (write it in brackets: [::1])"
    if "out of range" in text:
        return "the port is out of range (1 to 65535)"
    return "the port is not a number"
