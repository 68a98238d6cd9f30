"""Benchmark the local backend on loopback: SSE events/s through /run_sse and the p50/p95
latency of GET /api/credits/balance/simple under 50 concurrent clients.

Run by hand: `python bench/bench_server.py [--clients 50] [--requests 40] [--runs 4]`.
Bounded loops; the server runs in-process on an ephemeral port and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import statistics
import tempfile
import time
from multiprocessing.synchronize import Event as EventType
from pathlib import Path

import httpx

from agent.local.config import BackendConfig
from agent.local.interpreter.plan import InterpretContext, Plan, TextStep, ToolStep
from agent.local.server.app import create_app
from agent.local.server.backend import Deps
from agent.local.server.loopback import running

EVENTS_PER_RUN = 40
ATTRIBUTION = {"X-Skill-Source": "bench", "X-Skill-Version": "1", "X-Skill-Platform": "unknown"}


def chatty(ctx: InterpretContext) -> Plan:
    """A plan of one free tool call and many text events (no simulated work)."""
    tool = ToolStep("edit_multitrack", {"op": "noop"}, {"d": 1000, "t": []}, credits=0)
    texts = tuple(TextStep(f"line {i} of the reply") for i in range(EVENTS_PER_RUN - 2))
    return Plan((tool, *texts), ctx.language)


async def no_sleep(_seconds: float) -> None:
    """Work takes no time."""


async def _client_setup(client: httpx.AsyncClient, n: int) -> tuple[dict[str, str], str]:
    r = await client.post("/api/auth/anonymous-token", headers={"X-Client-Id": f"bench-{n}"})
    headers = {"Authorization": f"Bearer {r.json()['data']['token']}", **ATTRIBUTION}
    r = await client.post("/api/tasks/me/with-session/nemo_agent", headers=headers, json={})
    return headers, r.json()["data"]["session_id"]


async def _sse(client: httpx.AsyncClient, headers: dict[str, str], sid: str, runs: int) -> int:
    body = {
        "app_name": "nemo_agent",
        "user_id": "me",
        "session_id": sid,
        "new_message": {"parts": [{"text": "go"}]},
    }
    events = 0
    for _ in range(runs):
        async with client.stream("POST", "/run_sse", headers=headers, json=body) as r:
            async for line in r.aiter_lines():
                events += line.startswith("data: ")
    return events


async def _credits(client: httpx.AsyncClient, headers: dict[str, str], n: int) -> list[float]:
    latencies = []
    for _ in range(n):
        start = time.perf_counter()
        r = await client.get("/api/credits/balance/simple", headers=headers)
        latencies.append(time.perf_counter() - start)
        assert r.status_code == 200
    return latencies


async def bench(url: str, clients: int, requests: int, runs: int) -> None:
    # One connection pool per simulated client, as separate processes would have.
    pool = [httpx.AsyncClient(base_url=url, timeout=60) for _ in range(clients)]
    try:
        setups = await asyncio.gather(*(_client_setup(c, i) for i, c in enumerate(pool)))
        start = time.perf_counter()
        counts = await asyncio.gather(
            *(_sse(c, h, s, runs) for c, (h, s) in zip(pool, setups, strict=True))
        )
        sse_s = time.perf_counter() - start
        start = time.perf_counter()
        lat = await asyncio.gather(
            *(_credits(c, h, requests) for c, (h, _) in zip(pool, setups, strict=True))
        )
        credits_s = time.perf_counter() - start
    finally:
        await asyncio.gather(*(c.aclose() for c in pool))
    flat = sorted(x for per in lat for x in per)
    print(f"clients={clients}  /run_sse runs={clients * runs}  events={sum(counts)}")
    print(f"SSE throughput: {sum(counts) / sse_s:,.0f} events/s ({sse_s:.2f} s)")
    print(
        f"GET credits: {len(flat)} calls, {len(flat) / credits_s:,.0f} req/s, "
        f"p50 {statistics.median(flat) * 1000:.1f} ms, "
        f"p95 {flat[int(len(flat) * 0.95)] * 1000:.1f} ms"
    )


def _serve(data_dir: str, urls: mp.Queue[str], stop: EventType) -> None:
    config = BackendConfig(data_dir=Path(data_dir), ip_cap=10_000)
    app = create_app(config, Deps(interpret=chatty, sleep=no_sleep))
    with running(app) as url:
        urls.put(url)
        stop.wait(600)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=40, help="credits calls per client")
    parser.add_argument("--runs", type=int, default=4, help="/run_sse runs per client")
    args = parser.parse_args()
    ctx = mp.get_context("spawn")
    with tempfile.TemporaryDirectory() as tmp:
        # The server gets its own process, so the client's event loop does not share its GIL.
        urls: mp.Queue[str] = ctx.Queue()
        stop = ctx.Event()
        server = ctx.Process(target=_serve, args=(tmp, urls, stop))
        server.start()
        try:
            asyncio.run(bench(urls.get(timeout=60), args.clients, args.requests, args.runs))
        finally:
            stop.set()
            server.join(30)


if __name__ == "__main__":
    main()
