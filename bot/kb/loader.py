"""Load the knowledge folder: every briefing under ``briefings/`` with its transcript and indicators.

Layout (one folder per briefing, so dropping in a new briefing needs no code change)::

    knowledge/
      sources/<transcript>.txt                  the transcript as published
      briefings/<briefing-id>/briefing.toml     the record: title, date, speakers, topics
      briefings/<briefing-id>/indicators/*.toml [[indicator]] entries
      briefings/<briefing-id>/exclusions/*.toml [[exclusion]] numbers deliberately not indexed, with a reason
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.kb.base import KnowledgeBase
from bot.kb.errors import KnowledgeError, Problem
from bot.kb.models import Briefing, Exclusion, Indicator
from bot.kb.transcript import parse_transcript
from bot.kb.validate import validate_entry, validate_topics

M = TypeVar("M", bound=BaseModel)

DEFAULT_KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge"


def load_knowledge(root: Path | str = DEFAULT_KNOWLEDGE_DIR) -> KnowledgeBase:
    """Load and validate every briefing under ``root``.

    Raises:
        KnowledgeError: listing every problem found (file, entry, field, message). Nothing is
            returned half-loaded: one bad entry fails the whole load.
    """
    root = Path(root)
    problems: list[Problem] = []
    kb = KnowledgeBase()
    folders = sorted(p.parent for p in (root / "briefings").glob("*/briefing.toml"))
    if not folders:
        raise KnowledgeError([Problem(str(root / "briefings"), "", "", "no briefing.toml found")])
    for folder in folders:
        _load_briefing(root, folder, kb, problems)
    if problems:
        raise KnowledgeError(problems)
    return kb


def _load_briefing(root: Path, folder: Path, kb: KnowledgeBase, problems: list[Problem]) -> None:
    record_file = folder / "briefing.toml"
    data = _read_toml(root, record_file, problems)
    if data is None:
        return
    briefing = _model(Briefing, data, _rel(root, record_file), data.get("id", ""), problems)
    if briefing is None:
        return
    if briefing.id in kb.briefings:
        problems.append(Problem(_rel(root, record_file), briefing.id, "id", "briefing id used twice"))
        return
    source = root / briefing.source
    if not source.is_file():
        problems.append(Problem(_rel(root, record_file), briefing.id, "source", f"no such file: {briefing.source}"))
        return
    transcript = parse_transcript(source.read_text(encoding="utf-8"), {s.name: s.id for s in briefing.speakers})
    kb.briefings[briefing.id] = briefing
    kb.transcripts[briefing.id] = transcript
    kb.add_topics(briefing.topics)

    unreadable = False
    for path in sorted((folder / "indicators").glob("*.toml")):
        data = _read_toml(root, path, problems)
        if data is None:
            unreadable = True
            continue
        unknown = set(data) - {"indicator"}
        if unknown:
            problems.append(
                Problem(_rel(root, path), "", ", ".join(sorted(unknown)), "unknown table; use [[indicator]]")
            )
        for position, raw in enumerate(data.get("indicator", []), start=1):
            name = raw.get("id") or f"#{position}"
            indicator = _model(Indicator, raw, _rel(root, path), name, problems)
            if indicator is None:
                continue
            uid = f"{briefing.id}/{indicator.id}"
            if kb.get(uid) is not None:
                first = kb.get(uid).file
                problems.append(Problem(_rel(root, path), indicator.id, "id", f"duplicate id (first in {first})"))
                continue
            entry = validate_entry(indicator, briefing, transcript, _rel(root, path), uid, problems)
            if entry is not None:
                kb.add(entry)

    excluded: list[Exclusion | None] = []
    for path in sorted((folder / "exclusions").glob("*.toml")):
        data = _read_toml(root, path, problems) or {}
        excluded += [
            _model(Exclusion, raw, _rel(root, path), f"#{i}", problems)
            for i, raw in enumerate(data.get("exclusion", []), start=1)
        ]
    kb.exclusions[briefing.id] = [e for e in excluded if e is not None]
    # A file that could not be read would make every headline it holds look missing: one syntax error would be
    # reported as a dozen problems. Its own error is the one to fix.
    if not unreadable:
        validate_topics(briefing, kb, _rel(root, record_file), problems)


def _read_toml(root: Path, path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(_rel(root, path), "", "", f"TOML syntax error: {exc}"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(_rel(root, path), "", "", f"cannot read: {exc}"))
    return None


def _model(model: type[M], data: Any, file: str, entry: str, problems: list[Problem]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"])
            problems.append(Problem(file, str(entry), field, error["msg"]))
    return None


def _rel(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)
