"""SSE decode through `NemoClient.run_sse` side by side with raw httpx-sse + `json.loads`.

Both read the same 100k-event Form A transcript from the same loopback server (a thread), in
turns, in one process; the ratios (ours / raw: events per wall second, and per CPU second of the
decoding thread, steadier on a shared machine) are what count. Then a single 10 MB text event
through `run_sse`, in CPU seconds of the decoding thread.

    python bench/bench_sse_throughput.py [--runs N] [--quick] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import aclosing
from http.server import BaseHTTPRequestHandler
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx
import structlog
from _loopback import discard_body, serve
from httpx_sse import aconnect_sse

from agent.config import Settings
from agent.runtime import Runtime

EVENTS = 100_000
BIG_MB = 10
BUDGET_RATIO = 1.0
BUDGET_BIG_CPU_S = 1.0


class _Skill:
    def attribution_headers(self) -> dict[str, str]:
        return {"X-Skill-Source": "bench", "X-Skill-Version": "0", "X-Skill-Platform": "unknown"}


def _transcript() -> bytes:
    lines = []
    for i in range(EVENTS):
        if i % 10 == 9:
            lines.append(b'data: {"type":"heartbeat"}\n\n')
            continue
        event = {
            "content": {"parts": [{"text": f"chunk {i} of the reply"}], "role": "model"},
            "partial": True,
            "invocationId": "e-bench",
            "author": "nemo_agent",
            "actions": {"stateDelta": {}, "artifactDelta": {}, "requestedAuthConfigs": {}},
            "id": f"ev{i}",
            "timestamp": 1795299977.0 + i,
        }
        lines.append(b"data: " + json.dumps(event, separators=(",", ":")).encode() + b"\n\n")
    return b"".join(lines)


def _big_event() -> bytes:
    text = "a long reply " * (BIG_MB * 2**20 // 13)
    event = {"content": {"parts": [{"text": text}], "role": "model"}, "author": "nemo_agent"}
    return b"data: " + json.dumps(event).encode() + b"\n\n"


def _route(body: bytes) -> Callable[[BaseHTTPRequestHandler], None]:
    def handle(handler: BaseHTTPRequestHandler) -> None:
        discard_body(handler)
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        view = memoryview(body)
        for start in range(0, len(body), 1 << 16):
            handler.wfile.write(view[start : start + (1 << 16)])

    return handle


async def _ours(url: str, home: Path) -> tuple[int, float, float]:
    env = {
        "HOME": str(home),
        "NEMO_AGENT_HOME": str(home / "nemo"),
        "NEMO_API_URL": url,
        "NEMO_TOKEN": "nmv_usr_bench",
    }
    async with Runtime.open(Settings.from_env(env), skill=_Skill()) as rt:
        count = 0
        start, cpu = time.perf_counter(), time.thread_time()
        async with aclosing(rt.client.run_sse("1", "go")) as events:
            async for _event in events:
                count += 1
        return count, time.perf_counter() - start, time.thread_time() - cpu


async def _raw(url: str) -> tuple[int, float, float]:
    async with httpx.AsyncClient(base_url=url) as client:
        count = 0
        start, cpu = time.perf_counter(), time.thread_time()
        async with aconnect_sse(client, "POST", "/run_sse", json={"go": 1}) as source:
            async for sse in source.aiter_sse():
                json.loads(sse.data)
                count += 1
        return count, time.perf_counter() - start, time.thread_time() - cpu


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="Alternating runs of each side.")
    parser.add_argument("--quick", action="store_true", help="One run of each.")
    parser.add_argument("--json", action="store_true", help="End with one JSON line of figures.")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(30))
    body, big = _transcript(), _big_event()
    load_before = _load()
    ours: list[tuple[float, float]] = []  # (events per wall second, events per CPU second)
    raw: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp, serve({"/run_sse": _route(body)}) as url:
        for run in range(runs):
            # Alternate which side goes first, so a change in load favours neither.
            sides = [("raw", lambda: _raw(url)), ("ours", lambda: _ours(url, Path(tmp)))]
            for side, measure in sides if run % 2 == 0 else sides[::-1]:
                count, elapsed, cpu = asyncio.run(measure())
                (raw if side == "raw" else ours).append((count / elapsed, count / cpu))
            print(
                f"  run {run + 1}: ours {ours[-1][0]:,.0f} events/s ({ours[-1][1]:,.0f}/CPU-s), "
                f"raw httpx-sse {raw[-1][0]:,.0f} ({raw[-1][1]:,.0f}/CPU-s)   load {_load()}"
            )
    big_cpu = []
    with tempfile.TemporaryDirectory() as tmp, serve({"/run_sse": _route(big)}) as url:
        for _ in range(runs):
            big_cpu.append(asyncio.run(_ours(url, Path(tmp)))[2])
    ratio = statistics.median(o[0] / r[0] for o, r in zip(ours, raw, strict=True))
    cpu_ratio = statistics.median(o[1] / r[1] for o, r in zip(ours, raw, strict=True))
    figures = {
        "sse_events_per_s": round(statistics.median(o[0] for o in ours)),
        "sse_raw_httpx_sse_events_per_s": round(statistics.median(r[0] for r in raw)),
        "sse_ratio": round(ratio, 3),
        "sse_events_per_cpu_s": round(statistics.median(o[1] for o in ours)),
        "sse_raw_events_per_cpu_s": round(statistics.median(r[1] for r in raw)),
        "sse_cpu_ratio": round(cpu_ratio, 3),
        "sse_10mb_event_cpu_s": round(statistics.median(big_cpu), 3),
        "runs": runs,
        "load": f"{load_before} -> {_load()}",
    }
    verdict = "OK" if min(ratio, cpu_ratio) >= BUDGET_RATIO else "UNDER"
    print(
        f"run_sse: median {figures['sse_events_per_s']:,} events/s ({len(body) / 2**20:.1f} MB), "
        f"raw httpx-sse + json.loads {figures['sse_raw_httpx_sse_events_per_s']:,}; "
        f"median of the paired ratios {ratio:.2f}x by wall time, {cpu_ratio:.2f}x by CPU time of "
        f"the decoding thread (budget >= {BUDGET_RATIO}: {verdict})   load {figures['load']}"
    )
    print(
        f"one {BIG_MB} MB text event through run_sse: median {figures['sse_10mb_event_cpu_s']} "
        f"CPU-s (budget <= {BUDGET_BIG_CPU_S})"
    )
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
