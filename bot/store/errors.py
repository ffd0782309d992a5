"""The one error the database layer raises for problems an operator must fix."""

from __future__ import annotations


class StoreError(Exception):
    """The database cannot be used: unreachable, unwritable, or of a newer schema than this code.

    The message says what is wrong and what to change (usually ``DATABASE_URL``); it never contains a password.
    """
