"""Users are counted, never named: a keyed hash of the Slack user id stands for the user in the question log."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable

from bot.store import Store

SALT_KEY = "question_log_salt"
HASH_CHARS = 32  # 128 bits of the HMAC: ample to tell a workspace's users apart


def user_hasher(salt: str) -> Callable[[str], str]:
    """A function from a user id to its HMAC-SHA256 under ``salt``, in hex."""
    key = salt.encode()

    def hash_user(user_id: str) -> str:
        return hmac.new(key, user_id.encode(), hashlib.sha256).hexdigest()[:HASH_CHARS]

    return hash_user


def salt_of(configured: str | None, store: Store | None) -> str:
    """QUESTION_LOG_SALT when set; else one random salt made by the first process and kept in the database, so
    every process (and every restart) hashes a user alike. Without a database, a salt for this process only.

    Raises:
        StoreError: the database cannot be read.
    """
    if configured:
        return configured
    if store is None:
        return secrets.token_hex(16)
    return store.state.get_or_create(SALT_KEY, lambda: secrets.token_hex(16))
