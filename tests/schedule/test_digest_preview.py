"""``tradebot digest --preview [topic]``: what a subscription would post, printed without Slack."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.kb.base import KnowledgeBase


def test_preview_prints_every_key_figure_with_its_speaker(
    capsys: pytest.CaptureFixture[str], kb: KnowledgeBase
) -> None:
    assert main(["digest", "--preview"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Key figures")
    for entry in kb.key_entries():
        assert entry.indicator.stated in out
        assert f"— {entry.speaker.name}" in out


def test_preview_of_a_topic(capsys: pytest.CaptureFixture[str], kb: KnowledgeBase) -> None:
    assert main(["digest", "--preview", "asean"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ASEAN")
    headline = kb.headline("asean")
    assert headline is not None and headline.indicator.stated in out


def test_blocks_are_what_would_be_posted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", "--blocks"]) == 0
    message = json.loads(capsys.readouterr().out)
    assert message["blocks"][0]["type"] == "header" and len(message["blocks"]) <= 50
    assert "Key figures" in message["text"]


def test_unknown_topic(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", "--preview", "atlantis"]) == 1
    assert "no topic 'atlantis'" in capsys.readouterr().err
