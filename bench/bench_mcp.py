"""`nemo-agent mcp` start-up through the MCP SDK's stdio client: time to a finished `initialize`
(spawn + imports + handshake) and `tools/list`, median of 5 fresh server processes.

No network and no worker are involved: the server contacts nothing until a tool is called.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mcp import Client
from mcp.client.stdio import StdioServerParameters

RUNS = 5
BUDGET_S = 2.0


async def once(home: Path) -> tuple[float, float]:
    env = {"HOME": str(home), "NEMO_AGENT_HOME": str(home / ".nemo-agent")}
    params = StdioServerParameters(command=sys.executable, args=["-m", "agent", "mcp"], env=env)
    start = time.perf_counter()
    async with Client(params) as client:
        ready = time.perf_counter()
        tools = (await client.list_tools()).tools
        listed = time.perf_counter()
    assert len(tools) == 7
    return ready - start, listed - ready


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        runs = [await once(Path(tmp)) for _ in range(RUNS)]
    init = statistics.median(r[0] for r in runs)
    listing = statistics.median(r[1] for r in runs)
    verdict = "meets" if init < BUDGET_S else "MISSES"
    print(
        f"initialize: median {init * 1000:.0f} ms (max {max(r[0] for r in runs) * 1000:.0f}); "
        f"tools/list: median {listing * 1000:.1f} ms; {RUNS} runs; {verdict} < {BUDGET_S:.0f} s"
    )


if __name__ == "__main__":
    asyncio.run(main())
