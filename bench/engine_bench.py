"""Benchmark of the answer engine, run by hand: ``python bench/engine_bench.py``.

Reports, on this machine:
- start-up: interpreter + imports, knowledge load and validation, index build (fresh process);
- per-question latency p50/p99 in process, over the evaluation set repeated, with the reply cache off (every
  question answered afresh; a repeated question is otherwise answered from memory);
- peak memory (max RSS) of a process that loads and answers;
- the same with the knowledge base grown 100 times by synthetic briefings;
- the engine beside a plain rapidfuzz WRatio search over the transcript's sentences, on the evaluation set.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answer.engine import Engine  # noqa: E402
from bot.garbage import freeze_startup_objects  # noqa: E402
from bot.kb.loader import DEFAULT_KNOWLEDGE_DIR, load_knowledge  # noqa: E402
from tests.answer.evaluation import Case, evaluate, load_cases  # noqa: E402

STARTUP_PROBE = """
import resource, sys, time, json
t0 = time.perf_counter()
from bot.kb.loader import load_knowledge
from bot.answer.engine import Engine
t1 = time.perf_counter()
kb = load_knowledge(sys.argv[1])
t2 = time.perf_counter()
engine = Engine(kb)
t3 = time.perf_counter()
for q in ["how fast did exports to ASEAN grow?", "lithium batteries", "trade with India"]:
    engine.ask(q)
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "index": t3 - t2, "entries": len(kb.entries),
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def startup(knowledge: Path) -> dict[str, float]:
    """Time a fresh process: interpreter start, imports, load, index; and its peak memory."""
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE, str(knowledge)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout)
    result["process_total"] = time.perf_counter() - started
    return result


def latencies(engine: Engine, cases: list[Case], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for case in cases:
            t = time.perf_counter()
            engine.ask(case.q)
            samples.append((time.perf_counter() - t) * 1000)
    return samples


def grow(knowledge: Path, target: Path, times: int) -> None:
    """A knowledge folder with ``times`` copies of each briefing, ids and titles changed (synthetic briefings)."""
    shutil.copytree(knowledge, target)
    for folder in list((target / "briefings").iterdir()):
        record = (folder / "briefing.toml").read_text(encoding="utf-8")
        briefing_id = record.split('id = "', 1)[1].split('"', 1)[0]
        for n in range(1, times):
            copy = target / "briefings" / f"{briefing_id}-synthetic-{n}"
            shutil.copytree(folder, copy)
            (copy / "briefing.toml").write_text(
                record.replace(f'id = "{briefing_id}"', f'id = "{briefing_id}-synthetic-{n}"', 1).replace(
                    'title = "', f'title = "Synthetic {n}: ', 1
                ),
                encoding="utf-8",
            )


def baseline(cases: list[Case]) -> tuple[float, float, list[float]]:
    """Plain WRatio over transcript sentences: the top sentence is right when it states the expected figure."""
    from rapidfuzz import fuzz, process

    kb = load_knowledge()
    sentences = [s for t in kb.transcripts["scio-2026-01-14"].turns if t.speaker_id for s in t.sentences()]
    right = answerable = declined = unanswerable = 0
    samples = []
    for case in cases:
        t = time.perf_counter()
        best = process.extractOne(case.q, sentences, scorer=fuzz.WRatio, score_cutoff=60)
        samples.append((time.perf_counter() - t) * 1000)
        if case.expect is None:
            unanswerable += 1
            declined += best is None
            continue
        answerable += 1
        figures = [kb.get(uid).indicator.stated for uid in case.expect]
        right += best is not None and any(f.lower() in best[0].lower() for f in figures)
    return right / answerable, declined / unanswerable, samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over the evaluation set")
    parser.add_argument("--grow", type=int, default=100, help="growth factor of the synthetic knowledge base")
    args = parser.parse_args()
    cases = load_cases()

    print(f"evaluation set: {len(cases)} questions")
    base = startup(DEFAULT_KNOWLEDGE_DIR)
    engine = Engine(load_knowledge(), cache_size=0)  # measure answering, not remembering
    freeze_startup_objects()  # as every serving process does (bot/garbage.py) before it answers
    score = evaluate(engine, cases)
    samples = latencies(engine, cases, args.rounds)

    with tempfile.TemporaryDirectory() as tmp:
        grown_dir = Path(tmp) / "knowledge"
        grow(DEFAULT_KNOWLEDGE_DIR, grown_dir, args.grow)
        grown = startup(grown_dir)
        big_engine = Engine(load_knowledge(grown_dir), cache_size=0)
        big_samples = latencies(big_engine, cases, max(1, args.rounds // 10))

    b_top1, b_declines, b_samples = baseline(cases)

    rows = [
        ("knowledge base", f"{base['entries']} indicators", f"{grown['entries']} indicators (x{args.grow})"),
        ("start-up: process total (s)", f"{base['process_total']:.3f}", f"{grown['process_total']:.3f}"),
        ("  imports (s)", f"{base['import']:.3f}", f"{grown['import']:.3f}"),
        ("  load + validate (s)", f"{base['load']:.3f}", f"{grown['load']:.3f}"),
        ("  index (s)", f"{base['index']:.3f}", f"{grown['index']:.3f}"),
        ("peak memory, max RSS (MB)", f"{base['maxrss_mb']:.0f}", f"{grown['maxrss_mb']:.0f}"),
        ("latency p50 (ms)", f"{statistics.median(samples):.3f}", f"{statistics.median(big_samples):.3f}"),
        ("latency p99 (ms)", f"{percentile(samples, 0.99):.3f}", f"{percentile(big_samples, 0.99):.3f}"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"\n{'':{width}}  {'shipped':>14}  {'grown':>28}")
    for name, a, b in rows:
        print(f"{name:{width}}  {a:>14}  {b:>28}")

    print("\nengine vs plain WRatio over transcript sentences (same evaluation set)")
    print(f"{'':24}{'top-1 (answerable)':>20}{'declines':>12}{'p50 ms':>10}{'p99 ms':>10}")
    print(
        f"{'tradebot engine':24}{score.top1_rate:>20.1%}{score.decline_rate:>12.1%}"
        f"{statistics.median(samples):>10.3f}{percentile(samples, 0.99):>10.3f}"
    )
    print(
        f"{'WRatio (cutoff 60)':24}{b_top1:>20.1%}{b_declines:>12.1%}"
        f"{statistics.median(b_samples):>10.3f}{percentile(b_samples, 0.99):>10.3f}"
    )


if __name__ == "__main__":
    main()
