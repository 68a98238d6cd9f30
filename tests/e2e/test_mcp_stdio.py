"""`nemo-agent mcp` as a real subprocess, driven by the MCP SDK's own stdio client, on the
embedded local backend: tools and schemas, progress notifications, an MP4 delivered as a resource
link, and `running` + `wait` for a call that asks for a short wait."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("mcp")

from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp_types import CallToolResult, ResourceLink, TextContent

from agent.config import Settings
from tests.conftest import live_worker
from tests.worker_support import poll

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

TOOLS = {"turn", "wait", "upload", "export", "credits", "state", "cancel"}
BOUND_S = 600  # a safety net for a hung test, never a speed assertion


@pytest.fixture
def server_env(isolated_home: Path) -> Iterator[dict[str, str]]:
    """The server's environment; the worker it starts is stopped afterwards."""
    env = {
        "HOME": str(isolated_home),
        "NEMO_AGENT_HOME": str(isolated_home / ".nemo-agent"),
        "LC_ALL": "C.UTF-8",
    }
    yield env
    from agent.worker.client import WorkerClient

    state_dir = Settings.from_env(env).state_dir
    asyncio.run(WorkerClient(Settings.from_env(env)).stop())
    poll(lambda: live_worker(state_dir) is None, "the worker to exit")


@asynccontextmanager
async def _client(env: dict[str, str], cwd: Path) -> AsyncIterator[Client]:
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "agent", "mcp", "--local"], env=env, cwd=str(cwd)
    )
    async with Client(params) as client:
        yield client


async def _until_done(client: Client, result: CallToolResult) -> CallToolResult:
    while result.structured_content and result.structured_content["status"] == "running":
        job = result.structured_content["job_id"]
        result = await client.call_tool("wait", {"job_id": job, "wait_s": 50})
    return result


def _mp4(result: CallToolResult) -> Path:
    data: dict[str, Any] = result.structured_content or {}
    assert data["status"] == "ok", data
    (path,) = [Path(p) for p in data["files"]]
    assert path.is_absolute()
    assert path.suffix == ".mp4"
    assert path.stat().st_size > 10_000
    links = [b for b in result.content if isinstance(b, ResourceLink)]
    assert [(str(link.uri), link.mime_type, link.size) for link in links] == [
        (path.as_uri(), "video/mp4", path.stat().st_size)
    ]
    assert data["file_info"] == [
        {"path": str(path), "size_bytes": path.stat().st_size, "mime": "video/mp4"}
    ]
    texts = " ".join(b.text for b in result.content if isinstance(b, TextContent))
    assert str(path) in texts
    return path


async def test_tools_are_listed_with_schemas_and_read_only_hints(
    server_env: dict[str, str], tmp_path: Path
) -> None:
    async with asyncio.timeout(BOUND_S), _client(server_env, tmp_path) as client:
        listed = (await client.list_tools()).tools
    tools = {tool.name: tool for tool in listed}
    assert set(tools) == TOOLS
    for tool in listed:
        assert tool.input_schema["type"] == "object"
        assert tool.output_schema is not None, tool.name
        assert tool.description
    assert tools["turn"].input_schema["required"] == ["message"]
    assert tools["turn"].input_schema["properties"]["wait_s"]["maximum"] == 50
    assert {n for n, t in tools.items() if t.annotations and t.annotations.read_only_hint} == {
        "wait",
        "credits",
        "state",
    }


async def test_a_turn_delivers_the_mp4_with_progress_and_a_short_wait_returns_running(
    server_env: dict[str, str], tmp_path: Path, fixtures_dir: Path
) -> None:
    progress: list[tuple[float, str | None]] = []

    async def on_progress(value: float, total: float | None, message: str | None) -> None:
        progress.append((value, message))

    photo = fixtures_dir / "media" / "harbor.jpg"
    async with asyncio.timeout(BOUND_S), _client(server_env, tmp_path) as client:
        first = await client.call_tool(
            "turn",
            {"message": "turn this photo into a 5-second video", "attachments": [str(photo)]},
            progress_callback=on_progress,
        )
        first = await _until_done(client, first)
        clip = _mp4(first)

        second = await client.call_tool(
            "turn", {"message": "add a title 'Harbor Lights' then export", "wait_s": 0}
        )
        assert second.structured_content is not None
        assert second.structured_content["status"] == "running"
        assert second.structured_content["files"] == []
        assert "`wait`" in " ".join(b.text for b in second.content if isinstance(b, TextContent))
        final = await _until_done(client, second)
        retitled = _mp4(final)

    assert clip.parent == retitled.parent == tmp_path  # the host's working folder
    assert clip != retitled
    assert progress
    assert progress[0][1]  # a human message
    values = [value for value, _ in progress]
    assert values == sorted(set(values))  # strictly increasing


async def test_a_failure_is_a_tool_error_and_the_server_keeps_serving(
    server_env: dict[str, str], tmp_path: Path
) -> None:
    async with asyncio.timeout(BOUND_S), _client(server_env, tmp_path) as client:
        missing = await client.call_tool("wait", {"job_id": "job_nope", "wait_s": 1})
        assert missing.is_error
        (block,) = missing.content
        assert isinstance(block, TextContent)
        assert block.text.startswith("error: ")
        assert "\n" not in block.text
        credits = await client.call_tool("credits", {})
    assert credits.structured_content is not None
    assert credits.structured_content["status"] == "ok"
    assert "available" in str(credits.structured_content["reply"])
