"""Route latency without the LLM: p50/p99 of `KeywordRouter.route` over the dev, extra, blind sets,
and the router tables' load time in fresh processes (compiled cache + intent model, imports apart).

Run: `python bench/bench_route.py [--rounds N] [--runs N] [--quick] [--json]`. Targets: p50
< 1 ms per turn, load < 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from agent.router import build_keyword_router, build_router

REPO = Path(__file__).resolve().parent.parent
SETS = {
    "dev": REPO.parent / "shared" / "eval" / "router_dev.jsonl",
    "extra": REPO / "fixtures" / "router" / "extra.jsonl",
    "blind": REPO / "fixtures" / "router" / "blind.jsonl",
    "blind2": REPO / "fixtures" / "router" / "blind2.jsonl",
    "blind3": REPO / "fixtures" / "router" / "blind3.jsonl",
    "blind4": REPO / "fixtures" / "router" / "blind4.jsonl",
    "blind5": REPO / "fixtures" / "router" / "blind5.jsonl",
    "blind6": REPO / "fixtures" / "router" / "blind6.jsonl",
    "blind7": REPO / "fixtures" / "router" / "blind7.jsonl",
    "blind8": REPO / "fixtures" / "router" / "blind8.jsonl",
    "blind9": REPO / "fixtures" / "router" / "blind9.jsonl",
    "blind10": REPO / "fixtures" / "router" / "blind10.jsonl",
    "content": REPO / "fixtures" / "router" / "content.jsonl",
    "round5t": REPO / "fixtures" / "router" / "round5t.jsonl",
    "probe_r5": REPO / "fixtures" / "router" / "probe_r5.jsonl",
}


def _cases(path: Path) -> list[tuple[str, list[str]]]:
    if not path.is_file():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [(row["text"], row.get("attachments", [])) for row in rows]


_LOAD = (
    "import time; from agent.router import build_router; "
    "t, c = time.perf_counter(), time.process_time(); build_router(); "
    "print(time.perf_counter() - t, time.process_time() - c)"
)
BUDGET_LOAD_MS = 100


def table_load_ms(runs: int) -> list[tuple[float, float]]:
    """`build_router()` (keyword tables from the compiled cache plus the intent model), timed
    inside `runs` fresh interpreters after the imports: (wall ms, CPU ms) each."""
    times = []
    for _ in range(runs):
        out = subprocess.check_output([sys.executable, "-c", _LOAD], cwd=REPO, text=True)
        wall, cpu = (float(x) * 1000 for x in out.split())
        times.append((wall, cpu))
    return times


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="Passes over each set.")
    parser.add_argument("--runs", type=int, default=5, help="Fresh processes for the load time.")
    parser.add_argument("--quick", action="store_true", help="One load, two rounds.")
    parser.add_argument("--json", action="store_true", help="End with one JSON line of figures.")
    args = parser.parse_args()
    if args.quick:
        args.rounds, args.runs = 2, 1
    loads = table_load_ms(args.runs)
    load_ms = statistics.median(w for w, _ in loads)
    load_cpu_ms = statistics.median(c for _, c in loads)
    print(
        f"router tables load (fresh process, compiled cache + intent model): median "
        f"{load_ms:.1f} ms wall, {load_cpu_ms:.1f} ms CPU ({len(loads)} runs; "
        f"budget < {BUDGET_LOAD_MS} ms)   load {_load()}"
    )
    started = time.perf_counter()
    router = build_keyword_router()
    print(f"build: {(time.perf_counter() - started) * 1000:.1f} ms (tables + regexes + typo map)")
    p50s: list[float] = []
    for name, path in SETS.items():
        cases = _cases(path)
        if not cases:
            print(f"{name}: missing ({path})")
            continue
        samples: list[float] = []
        for _ in range(args.rounds):
            for text, attachments in cases:
                t0 = time.perf_counter()
                router.route(text, attachments)
                samples.append((time.perf_counter() - t0) * 1000)
        cuts = statistics.quantiles(samples, n=100)
        p50s.append(cuts[49])
        print(
            f"{name}: {len(cases)} turns x {args.rounds}: p50 {cuts[49]:.3f} ms, "
            f"p99 {cuts[98]:.3f} ms, max {max(samples):.3f} ms"
        )
    # the whole router without the LLM (rules, then the intent model when they abstain)
    full = build_router()
    whole: list[float] = []
    for _ in range(args.rounds):
        for path in SETS.values():
            for text, attachments in _cases(path):
                t0 = time.perf_counter()
                asyncio.run(full.route(text, attachments))
                whole.append((time.perf_counter() - t0) * 1000)
    cuts = statistics.quantiles(whole, n=100)
    print(f"whole router (no LLM, incl. asyncio.run): p50 {cuts[49]:.3f} ms, p99 {cuts[98]:.3f} ms")
    if args.json:
        figures = {
            "router_load_ms": round(load_ms, 1),
            "router_load_cpu_ms": round(load_cpu_ms, 1),
            "route_p50_ms_worst_set": round(max(p50s), 3) if p50s else None,
            "runs": len(loads),
            "load": _load(),
        }
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
