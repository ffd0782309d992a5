"""``tradebot ask --explain``: the frame of a question, its parts, and the best candidates' feature scores, so a
surprising answer is debugged by reading, as Lucene's ``explain`` prints the parts of a score."""

from __future__ import annotations

from bot.answer.engine import Engine
from bot.answer.reading.frame import ReadingView


def explanation_text(engine: Engine, text: str, limit: int = 5) -> str:
    """The reading of ``text``, then for each part its best ``limit`` candidates and the reply given."""
    reading, parts = engine.explain(text, limit)
    view = ReadingView.of(reading)
    lines = [f"question: {text}", f"read as: {view.summary}"]
    slots = view.model_dump(exclude={"summary"})
    lines += [f"  {name}: {value}" for name, value in slots.items() if value not in (None, [], False)]
    threshold = engine.scoring.answer_at
    for number, (part, candidates) in enumerate(parts, start=1):
        if len(parts) > 1:
            lines.append(f"part {number}: {part.summary()}")
        lines.append(f"  candidates (answer at {threshold:g}; ✗ a slot contradicts the question):")
        for candidate in candidates:
            mark = "✗" if candidate.conflict else "✓" if candidate.score >= threshold else " "
            against = f"  ✗ {candidate.conflict}" if candidate.conflict else ""
            lines.append(
                f"  {mark} {candidate.score:6.2f}  {candidate.label}: {candidate.value}  [{candidate.id}]{against}"
            )
            lines.append("           " + "  ".join(f"{name} {value:+.2f}" for name, value in candidate.parts))
    reply = engine.ask(text)
    outcome = "answered" if reply.answered else f"declined ({reply.reason}: {reply.not_found})"
    lines.append(f"reply: {outcome}")
    return "\n".join(lines)
