"""Benchmark the turn engine against the local backend on loopback (run by hand; not a test).

Figures:
  1. runtime overhead per turn = turn wall time minus the time the backend spent serving the
     turn's requests (credits, state, a silent edit and a text edit; simulated work set to 0);
  2. render completion -> download start, averaged over several exports (budget <= 2.5 s; the
     seeds' fixed 30-s polling averages ~15 s and can take up to 30 s).

Usage: python bench/bench_turn.py [--turns 20] [--exports 4] [--runs N] [--quick] [--json]
(`--runs N`: N exports and 4N turns; `--quick`: one export, four turns.)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import structlog

from agent.config import Settings
from agent.engine import open_engine

REPO = Path(__file__).resolve().parent.parent
PHOTO = REPO / "fixtures" / "media" / "harbor-small.png"


class TimingApp:
    """ASGI wrapper: per-request server time, and when output downloads start."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.busy = 0.0
        self.download_starts: list[float] = []
        self._lock = threading.Lock()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        if scope["path"].startswith("/outputs/"):
            self.download_starts.append(time.time())
        try:
            await self.app(scope, receive, send)
        finally:
            with self._lock:
                self.busy += time.perf_counter() - start


class RenderClock:
    """Wraps the real renderer to record when each render finished (epoch seconds)."""

    def __init__(self) -> None:
        self.finished: list[float] = []

    def wrap(self, render: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            try:
                return render(*args, **kwargs)
            finally:
                self.finished.append(time.time())

        return timed


@contextmanager
def backend(settings: Settings, renders: RenderClock) -> Iterator[tuple[str, TimingApp]]:
    from agent.local.config import BackendConfig
    from agent.local.renderer.render import render
    from agent.local.server.app import create_app
    from agent.local.server.backend import Deps
    from agent.local.server.loopback import running

    config = BackendConfig.from_settings(settings).with_overrides(
        work_generate_s=0.0, work_edit_s=0.0
    )
    app = TimingApp(create_app(config, Deps(render=renders.wrap(render))))
    with running(app) as url:
        yield url, app


async def overhead(settings: Settings, url: str, app: TimingApp, turns: int) -> list[float]:
    live = settings.with_overrides(api_url=url, backend="local", auto_export=False)
    # Every edit changes something: an edit that changes nothing makes the engine re-read state
    # (3 x 3 s, protocol §4.8), which is waiting by design, not runtime overhead.
    texts = [
        "how many credits do I have",
        "show status",
        "add a title 'Harbor Lights {i}'",
        "make it {seconds} seconds",
    ]
    out: list[float] = []
    async with open_engine(live, output_dir=settings.state_dir / "out") as engine:
        await engine.run_turn("turn this photo into a 5-second video", [str(PHOTO)])
        for i in range(turns):
            app.busy = 0.0
            start = time.perf_counter()
            await engine.run_turn(texts[i % len(texts)].format(i=i, seconds=5 + (i // 4) % 4))
            out.append(time.perf_counter() - start - app.busy)
    return out


async def render_to_download(
    settings: Settings, url: str, app: TimingApp, renders: RenderClock, exports: int
) -> list[float]:
    live = settings.with_overrides(api_url=url, backend="local", auto_export=False)
    async with open_engine(live, output_dir=settings.state_dir / "out") as engine:
        await engine.run_turn("turn this photo into a 5-second video", [str(PHOTO)], new=True)
        for _ in range(exports):
            await engine.run_turn("export")
    return [d - r for r, d in zip(renders.finished, app.download_starts, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--exports", type=int, default=4)
    parser.add_argument("--runs", type=int, help="N exports and 4N turns.")
    parser.add_argument("--quick", action="store_true", help="One export, four turns.")
    parser.add_argument("--json", action="store_true", help="End with one JSON line of figures.")
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(30))
    if args.quick or args.runs:
        args.exports = 1 if args.quick else args.runs
        args.turns = 4 * args.exports
    home = Path(tempfile.mkdtemp(prefix="bench-turn-"))
    try:
        settings = Settings.from_env({"HOME": str(home), "NEMO_AGENT_HOME": str(home / "nemo")})
        renders = RenderClock()
        with backend(settings, renders) as (url, app):
            costs = asyncio.run(overhead(settings, url, app, args.turns))
            waits = asyncio.run(render_to_download(settings, url, app, renders, args.exports))
        print(
            f"runtime overhead per turn: median {statistics.median(costs) * 1000:.1f} ms, "
            f"p90 {sorted(costs)[int(len(costs) * 0.9) - 1] * 1000:.1f} ms over {len(costs)} turns"
        )
        print(
            f"render done -> download start: mean {statistics.mean(waits):.2f} s, "
            f"max {max(waits):.2f} s over {len(waits)} exports (budget <= 2.5 s mean; "
            "seeds' fixed 30-s polling: ~15 s mean, up to 30 s)"
        )
        if args.json:
            figures = {
                "turn_overhead_ms": round(statistics.median(costs) * 1000, 1),
                "render_to_download_s": round(statistics.mean(waits), 2),
                "runs": args.exports,
                "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
            }
            print(json.dumps(figures))
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
