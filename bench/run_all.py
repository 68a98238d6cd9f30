"""Every side-by-side benchmark of issues 13 and 7 in one command, each figure with the load.

    python bench/run_all.py [--runs N] [--quick] [--only NAME ...]

Each benchmark runs as its own subprocess with `--json` (and `--runs N`, or `--quick` for one
run) and ends its output with one JSON object of figures; the figures are medians of N inside
each script. A script that does not take `--json` yet, fails or prints no JSON line is reported
as "not available" and the rest still run. The scripts' own output goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Bench:
    """One script and what it measures (issue 13: render, SSE, start-up; issue 7: worker)."""

    name: str
    script: str
    what: str


BENCHES = (
    Bench("render", "bench_render_cpu.py", "render CPU vs bare x264 and ffmpeg zoompan (issue 13)"),
    Bench("render_rss", "bench_render_rss.py", "peak RSS: 24 MP photo, 4-photo slideshow"),
    Bench("sse", "bench_sse_throughput.py", "run_sse vs raw httpx-sse + json.loads; 10 MB event"),
    Bench("route", "bench_route.py", "router tables load (fresh process), route p50"),
    Bench("cli_start", "bench_cli_start.py", "nemo-agent --help cold start"),
    Bench("worker", "bench_worker.py", "turn --wait 0, warm --local photo -> MP4, worker RSS"),
    Bench("turn", "bench_turn.py", "runtime overhead per turn, render done -> download"),
)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _arguments(source: str, runs: int, quick: bool) -> list[str] | None:
    """The flags this script understands, or None when it has no `--json` yet."""
    if '"--json"' not in source:
        return None
    args = ["--json"]
    if quick and '"--quick"' in source:
        args.append("--quick")
    elif '"--runs"' in source:
        args += ["--runs", str(1 if quick else runs)]
    return args


def _last_json(stdout: str) -> dict[str, object] | None:
    for line in reversed(stdout.strip().splitlines()):
        if line.startswith("{"):
            try:
                figures = json.loads(line)
            except ValueError:
                return None
            return figures if isinstance(figures, dict) else None
    return None


def run(bench: Bench, runs: int, quick: bool) -> tuple[dict[str, object] | None, str]:
    """Run one script; its figures (None when not available) and a one-line note."""
    path = BENCH / bench.script
    if not path.is_file():
        return None, "not available (no such script)"
    args = _arguments(path.read_text(encoding="utf-8"), runs, quick)
    if args is None:
        return None, "not available (the script takes no --json yet)"
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(path), *args],
        cwd=BENCH.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    sys.stderr.write(done.stdout + done.stderr)
    took = f"{time.perf_counter() - start:.0f} s"
    figures = _last_json(done.stdout)
    if done.returncode != 0 or figures is None:
        tail = (done.stderr.strip().splitlines() or ["no JSON line"])[-1][:120]
        return None, f"not available (exit {done.returncode}, {took}: {tail})"
    return figures, f"{took}, load at end {_load()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Median of N inside each script.")
    parser.add_argument("--quick", action="store_true", help="One run of each.")
    parser.add_argument("--only", nargs="+", choices=[b.name for b in BENCHES], help="A subset.")
    args = parser.parse_args()
    chosen = [b for b in BENCHES if not args.only or b.name in args.only]
    runs = 1 if args.quick else args.runs
    print(f"bench/run_all.py: median of {runs}, load average {_load()} (1, 5, 15 min)")
    results = {}
    for bench in chosen:
        print(f"\n== {bench.name}: {bench.what}", flush=True)
        figures, note = run(bench, args.runs, args.quick)
        results[bench.name] = figures
        print(f"   {note}")
        for key, value in (figures or {}).items():
            print(f"   {key:<36} {value}")
    print(f"\nload average at the end: {_load()}")
    print(json.dumps({"load": _load(), "runs": runs, "results": results}))


if __name__ == "__main__":
    main()
