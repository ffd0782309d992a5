"""Slack mrkdwn helpers: escaping what users typed, and quoting."""

from __future__ import annotations

from bot.render.limits import clip


def escape(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` so Slack shows them as text and no ``<!channel>`` or link is formed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quote(text: str, limit: int) -> str:
    """``text`` as a Slack block quote (every line prefixed ``>``), escaped, within ``limit`` characters."""
    lines = escape(text).splitlines() or [""]
    quoted = "\n".join(f">{line}" for line in lines)
    return clip(quoted, limit)


def bold(text: str) -> str:
    """Escaped ``text`` in bold; an empty string stays empty (``**`` would show literally)."""
    text = escape(text.strip())
    return f"*{text}*" if text else ""
