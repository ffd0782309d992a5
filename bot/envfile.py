"""Reading ``.env`` once, at the entry point: empty values mean "not set", and a bad line is reported once.

python-dotenv does the parsing (quotes, ``export``, ``${VAR}`` interpolation); this module only decides what
reaches the environment. The environment wins over the file, as with ``load_dotenv(override=False)``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from dotenv import dotenv_values
from dotenv.parser import parse_stream

DOTENV_LOGGER = "dotenv.main"


class _Quiet(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


def load_env_file(path: Path = Path(".env")) -> list[str]:
    """Put ``path``'s non-empty values into ``os.environ`` where not already set; return warnings for bad lines.

    A line python-dotenv cannot parse is named by the file and its line number, never by its content (it may
    hold a secret). ``KEY=`` (copied from ``.env.example``) sets nothing, so it means "not set".
    """
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [f"cannot read {path.resolve()}: {exc}; its settings were ignored"]
    from io import StringIO

    warnings = [
        f"{path.resolve()}, line {binding.original.line}: not NAME=value, ignored"
        for binding in parse_stream(StringIO(text))
        if binding.error
    ]
    # python-dotenv logs each bad line itself; we have reported it, with the file's name.
    logger = logging.getLogger(DOTENV_LOGGER)
    quiet = _Quiet()
    logger.addFilter(quiet)
    try:
        values = dotenv_values(stream=StringIO(text))
    finally:
        logger.removeFilter(quiet)
    for key, value in values.items():
        if value is not None and value.strip() and key not in os.environ:
            os.environ[key] = value
    return warnings
