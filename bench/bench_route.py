"""Route latency without the LLM: p50/p99 of `KeywordRouter.route` over the dev, extra, blind sets.

Run: `python bench/bench_route.py [--rounds N]`. The target is p50 < 1 ms per turn.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from agent.router import build_keyword_router

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
}


def _cases(path: Path) -> list[tuple[str, list[str]]]:
    if not path.is_file():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [(row["text"], row.get("attachments", [])) for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="Passes over each set.")
    args = parser.parse_args()
    started = time.perf_counter()
    router = build_keyword_router()
    print(f"build: {(time.perf_counter() - started) * 1000:.1f} ms (tables + regexes + typo map)")
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
        print(
            f"{name}: {len(cases)} turns x {args.rounds}: p50 {cuts[49]:.3f} ms, "
            f"p99 {cuts[98]:.3f} ms, max {max(samples):.3f} ms"
        )


if __name__ == "__main__":
    main()
