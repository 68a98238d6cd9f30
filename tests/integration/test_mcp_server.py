"""The MCP server in memory (the SDK's in-process client) over a scripted worker: what each tool
submits, the 50 s budget, progress forwarding, result shapes and tool errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("mcp")

from mcp import Client
from mcp_types import ResourceLink, TextContent

from agent.config import Settings
from agent.errors import WorkerError
from agent.mcp.server import build_server
from agent.worker.protocol import JobRequest

pytestmark = pytest.mark.integration


class ScriptedJobs:
    """A worker that answers from a script; `submit` takes `submit_s` of the fake clock."""

    def __init__(self, *answers: dict[str, Any], events: tuple[dict[str, Any], ...] = ()) -> None:
        self.answers = list(answers)
        self.events = events
        self.submitted: list[JobRequest] = []
        self.waits: list[tuple[str, float]] = []
        self.now = 100.0
        self.submit_s = 0.0
        self.error: WorkerError | None = None

    def clock(self) -> float:
        return self.now

    async def submit(self, request: JobRequest) -> str:
        if self.error is not None:
            raise self.error
        self.submitted.append(request)
        self.now += self.submit_s
        return f"job_{len(self.submitted)}"

    async def wait(self, job_id: str, timeout: float, on_progress: Any = None) -> dict[str, Any]:  # noqa: ASYNC109
        if self.error is not None:
            raise self.error
        self.waits.append((job_id, timeout))
        for event in self.events:
            await on_progress(event)
        return self.answers.pop(0)

    async def cancel(self, job_id: str) -> dict[str, Any]:
        return {"job_id": job_id, "status": "cancelling"}


def _answer(status: str = "ok", **extra: Any) -> dict[str, Any]:
    return {
        "status": status, "reply": "Done.", "language": "en", "actions": ["sse"], "files": [],
        "file_info": [], "links": [], "session_id": "s1", "error": None, "skill": None, **extra,
    }  # fmt: skip


def _server(settings: Settings, jobs: ScriptedJobs) -> Any:
    return build_server(settings, jobs, clock=jobs.clock)


async def test_turn_submits_absolute_attachments_into_the_hosts_folder(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    jobs = ScriptedJobs(_answer())
    arguments = {
        "message": "turn this photo into a 5-second video",
        "attachments": ["photo.jpg", "/abs/a.png", "https://x.example/b.jpg",
                        "media://inbound/c.jpg"],
        "turn_id": "host-1",
    }  # fmt: skip
    async with Client(_server(settings, jobs)) as client:
        result = await client.call_tool("turn", arguments)
    assert not result.is_error
    (request,) = jobs.submitted
    assert request == JobRequest(
        kind="turn",
        text="turn this photo into a 5-second video",
        attachments=(
            str(tmp_path / "photo.jpg"),
            "/abs/a.png",
            "https://x.example/b.jpg",
            "media://inbound/c.jpg",  # the engine maps it to OpenClaw's inbound folder
        ),
        turn_id="host-1",
        output_dir=str(tmp_path),
        cwd=str(tmp_path),
    )


async def test_a_call_waits_only_what_is_left_of_its_budget(settings: Settings) -> None:
    jobs = ScriptedJobs(_answer("running"), _answer("running"))
    jobs.submit_s = 12.0
    async with Client(_server(settings, jobs)) as client:
        await client.call_tool("turn", {"message": "make a video", "wait_s": 50})
        await client.call_tool("wait", {"job_id": "job_1", "wait_s": 5})
        too_long = await client.call_tool("wait", {"job_id": "job_1", "wait_s": 51})
    assert jobs.waits == [("job_1", 38.0), ("job_1", 5.0)]
    assert too_long.is_error


async def test_progress_is_forwarded_with_increasing_values_and_the_latest_status(
    settings: Settings,
) -> None:
    events = (
        {"kind": "status", "text": "Generating your video"},
        {"kind": "tick", "text": ""},
        {"kind": "stream", "text": "partial backend text"},
    )
    jobs = ScriptedJobs(_answer(), events=events)
    seen: list[tuple[float, str | None]] = []

    async def on_progress(value: float, total: float | None, message: str | None) -> None:
        seen.append((value, message))

    async with Client(_server(settings, jobs)) as client:
        await client.call_tool("turn", {"message": "make a video"}, progress_callback=on_progress)
    assert seen == [
        (0, "Working on it — this may take a few minutes"),
        (1, "Generating your video"),
        (2, "Generating your video"),
        (3, "Generating your video"),
    ]


async def test_a_delivered_mp4_is_a_resource_link_and_an_absolute_path(
    settings: Settings, tmp_path: Path
) -> None:
    clip = tmp_path / "harbor-1.mp4"
    clip.write_bytes(b"\x00" * 2048)
    jobs = ScriptedJobs(_answer(files=[str(clip)], file_info=[]))
    async with Client(_server(settings, jobs)) as client:
        result = await client.call_tool("export", {})
    assert result.structured_content is not None
    assert result.structured_content["job_id"] == "job_1"
    assert result.structured_content["file_info"] == [
        {"path": str(clip), "size_bytes": 2048, "mime": "video/mp4"}
    ]
    (link,) = [b for b in result.content if isinstance(b, ResourceLink)]
    assert (str(link.uri), link.name, link.mime_type, link.size) == (
        clip.as_uri(), "harbor-1.mp4", "video/mp4", 2048
    )  # fmt: skip
    texts = [b.text for b in result.content if isinstance(b, TextContent)]
    assert texts == ["Done.", f"File: {clip} (2 KB, video/mp4)"]
    assert jobs.submitted[0].kind == "export"


async def test_running_says_to_call_wait_and_an_error_status_is_a_tool_error(
    settings: Settings,
) -> None:
    error = {"code": 2001, "message": "no credits"}
    jobs = ScriptedJobs(_answer("running"), _answer("error", error=error))
    async with Client(_server(settings, jobs)) as client:
        running = await client.call_tool("turn", {"message": "make a video", "wait_s": 0})
        failed = await client.call_tool("wait", {"job_id": "job_1"})
    assert not running.is_error
    assert 'Call the `wait` tool with job_id "job_1"' in str(running.content[1])
    assert failed.is_error
    assert failed.structured_content is not None
    assert failed.structured_content["error"] == error


async def test_upload_rows_come_back_as_uploaded(settings: Settings) -> None:
    rows = [{"filename": "a.jpg", "type": "image", "url": "https://x.example/a.jpg"}]
    jobs = ScriptedJobs(_answer(files=rows))
    async with Client(_server(settings, jobs)) as client:
        result = await client.call_tool("upload", {"paths": ["/abs/a.jpg"]})
    assert result.structured_content is not None
    assert (result.structured_content["files"], result.structured_content["uploaded"]) == ([], rows)


async def test_a_worker_failure_is_a_one_line_tool_error(settings: Settings) -> None:
    jobs = ScriptedJobs()
    jobs.error = WorkerError("the background worker did not start within 30 s")
    async with Client(_server(settings, jobs)) as client:
        result = await client.call_tool("credits", {})
        cancelled = await client.call_tool("cancel", {"job_id": "job_9"})
    assert result.is_error
    assert [b.text for b in result.content if isinstance(b, TextContent)] == [
        "error: the background worker did not start within 30 s"
    ]
    assert cancelled.structured_content == {"job_id": "job_9", "status": "cancelling"}


async def test_progress_keeps_coming_while_a_submit_starts_the_worker(settings: Settings) -> None:
    import asyncio

    beats = asyncio.Event()
    seen: list[float] = []

    class SlowStart(ScriptedJobs):
        async def submit(self, request: JobRequest) -> str:
            async with asyncio.timeout(5):
                await beats.wait()  # released by the third progress report, not by a clock
            return await super().submit(request)

    async def on_progress(value: float, total: float | None, message: str | None) -> None:
        seen.append(value)
        if len(seen) >= 3:
            beats.set()

    jobs = SlowStart(_answer())
    server = build_server(settings, jobs, clock=jobs.clock, keepalive_s=0.001)
    async with Client(server) as client:
        result = await client.call_tool("credits", {}, progress_callback=on_progress)
    assert not result.is_error
    assert seen[:3] == [0, 1, 2]


async def test_a_server_started_in_the_root_folder_exports_under_home(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    monkeypatch.chdir("/")
    jobs = ScriptedJobs(_answer())
    async with Client(_server(settings, jobs)) as client:
        await client.call_tool("export", {"file_name": "clip.mp4"})
    assert jobs.submitted[0].output_dir == str(isolated_home / "nemo-output")
    assert jobs.submitted[0].export_name == "clip.mp4"
