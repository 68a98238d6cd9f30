"""SSE decode throughput through `NemoClient.run_sse`: a 100k-event transcript from loopback."""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import aclosing
from http.server import BaseHTTPRequestHandler
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _loopback import discard_body, serve

from agent.config import Settings
from agent.runtime import Runtime

EVENTS = 100_000
BUDGET = 100_000


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


async def _run(url: str, home: Path) -> tuple[int, float]:
    env = {
        "HOME": str(home),
        "NEMO_AGENT_HOME": str(home / "nemo"),
        "NEMO_API_URL": url,
        "NEMO_TOKEN": "nmv_usr_bench",
    }
    async with Runtime.open(Settings.from_env(env), skill=_Skill()) as rt:
        count = 0
        start = time.perf_counter()
        async with aclosing(rt.client.run_sse("1", "go")) as events:
            async for _event in events:
                count += 1
        return count, time.perf_counter() - start


def main() -> None:
    body = _transcript()
    with tempfile.TemporaryDirectory() as tmp, serve({"/run_sse": _route(body)}) as url:
        count, elapsed = asyncio.run(_run(url, Path(tmp)))
    rate = count / elapsed
    print(
        f"run_sse: {count} events ({len(body) / 2**20:.1f} MB) in {elapsed:.2f} s = "
        f"{rate:,.0f} events/s (budget {BUDGET:,}: {'OK' if rate >= BUDGET else 'UNDER'})"
    )


if __name__ == "__main__":
    main()
