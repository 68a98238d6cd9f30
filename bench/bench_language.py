"""Score every router and translator set and time the language layer (no LLM, no network).

Run: `python bench/bench_language.py [--misses] [FILE...]`. Router sets are JSON lines with
`text`, `expect` (accepted plans) and optional `attachments`/`harmful`; translator sets have
`text`, `actions` (accepted lists) and `keep` (spans that must come through verbatim).
A harmful route is an export nobody asked for or an edit dropped before an export; a garbled
translation lost a kept span. Timings: table load per process (fresh interpreter) and route p50.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
ROUTER_SETS = [
    REPO.parent / "shared" / "eval" / "router_dev.jsonl",
    *sorted((REPO / "fixtures" / "router").glob("*.jsonl")),
]
TRANSLATE_SETS = [
    REPO.parent / "shared" / "eval" / "translate_dev.jsonl",
    *sorted((REPO / "fixtures" / "translate").glob("*.jsonl")),
]
_LOAD = (
    "import time; t = time.perf_counter(); "
    "from agent.router import build_router; from agent.translate import load_gui_tables; "
    "i = time.perf_counter(); build_router(); r = time.perf_counter(); load_gui_tables(); "
    "g = time.perf_counter(); print(i - t, r - i, g - r)"
)


def _rows(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return [json.loads(line) for line in lines if line.strip()]


def harmful(plan: list[str], case: dict[str, Any]) -> bool:
    """An export nobody asked for, or an edit dropped in front of an export."""
    wants = {a for p in case["expect"] for a in p}
    if plan in case.get("harmful", []):
        return True
    if "export" in plan and "export" not in wants:
        return True
    return "export" in plan and "sse" in wants and "sse" not in plan


def score_router(path: Path, misses: bool) -> tuple[int, int, int]:
    from agent.router import build_router

    router = build_router()  # rules and the intent model, no LLM
    cases = _rows(path)
    ok = harm = 0
    for case in cases:
        route = asyncio.run(router.route(case["text"], case.get("attachments", [])))
        plan = list(route.actions)
        good = plan in case["expect"]
        bad = not good and harmful(plan, case)
        ok += good
        harm += bad
        if misses and not good:
            print(f"  MISS{' HARM' if bad else ''}: {case['text']!r} -> {plan} {case['expect']}")
    return ok, len(cases), harm


def score_translate(path: Path, misses: bool) -> tuple[int, int, int]:
    from agent.translate import load_gui_tables, translate

    tables = load_gui_tables()
    cases = _rows(path)
    ok = garbled = 0
    for case in cases:
        result = translate(case["text"], tables)
        kept = all(k in result.text for k in case["keep"])
        good = kept and list(result.actions) in case["actions"]
        ok += good
        garbled += not kept
        if misses and not good:
            print(f"  MISS{'' if kept else ' GARBLE'}: {case['text']!r}\n    -> {result.text!r}")
            print(f"       {list(result.actions)} want {case['actions']} keep {case['keep']}")
    return ok, len(cases), garbled


def timings(rounds: int = 5) -> None:
    loads = []
    for _ in range(rounds):
        out = subprocess.run(
            [sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True, cwd=REPO
        )
        loads.append([float(x) * 1000 for x in out.stdout.split()])
    for index, name in enumerate(("import", "router tables + intent model", "gui tables")):
        print(f"{name}: median {statistics.median(x[index] for x in loads):.1f} ms")
    from agent.router import build_router

    router = build_router()
    texts = [c["text"] for p in ROUTER_SETS for c in _rows(p)]
    samples = []
    loop = asyncio.new_event_loop()
    for text in texts * 3:
        started = time.perf_counter()
        loop.run_until_complete(router.route(text))
        samples.append((time.perf_counter() - started) * 1000)
    loop.close()
    samples.sort()
    p50, p99 = samples[len(samples) // 2], samples[int(len(samples) * 0.99)]
    print(f"route (rules + model, no LLM): p50 {p50:.3f} ms, p99 {p99:.3f} ms over {len(samples)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    router_sets, translate_sets = ROUTER_SETS, TRANSLATE_SETS
    if args.files:
        router_sets = [f for f in args.files if "translate" not in str(f)]
        translate_sets = [f for f in args.files if "translate" in str(f)]
    for path in router_sets:
        ok, total, harm = score_router(path, args.misses)
        print(f"router {path.name}: {ok}/{total} = {ok / max(total, 1):.1%}  harmful={harm}")
    for path in translate_sets:
        ok, total, garbled = score_translate(path, args.misses)
        print(f"translate {path.name}: {ok}/{total} = {ok / max(total, 1):.1%}  garbled={garbled}")
    if not args.no_timing:
        timings()


if __name__ == "__main__":
    main()
