"""The MCP server: seven tools over the background worker, built by `build_server`.

Each tool submits a job (or waits on one), reports progress while it waits (the worker ticks
every 5 s, so a client that gave a progress token hears something at least every 10 s), and
returns within 50 s: the result, or `running` + `job_id` for `wait`. Failures are tool errors
carrying the CLI's one-line message; nothing a tool does can stop the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, Protocol

from mcp.server.mcpserver import Context, MCPServer
from mcp_types import CallToolResult, ToolAnnotations
from pydantic import Field

from agent import __version__
from agent.commands import error_line, language_of
from agent.config import Settings
from agent.errors import AgentError
from agent.mcp.results import (
    WAIT_LIMIT_S,
    CancelOutput,
    JobOutput,
    cancel_result,
    job_result,
    tool_error,
)
from agent.templates import Templates
from agent.worker.protocol import JobKind, JobRequest

__all__ = ["Jobs", "build_server", "resolve_attachment"]

INSTRUCTIONS = (
    "nemo-agent turns photos into short videos by chatting (English or Chinese). Call `turn` once "
    "per user message, with local image paths in `attachments`. A call returns within 50 s: the "
    "reply and the MP4's absolute path, or status `running` with a `job_id`; then call `wait` "
    "with that job_id (never `turn` again for the same message). Relay `reply` to the user and "
    "send them the MP4 file."
)

WaitS = Annotated[
    int, Field(ge=0, le=WAIT_LIMIT_S, description="Seconds to wait for the result (0-50).")
]
KEEPALIVE_S = 5.0
"""Progress while a submit starts the worker (clients reset their idle timer on each)."""
READ_ONLY = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=True)
WRITES = ToolAnnotations(read_only_hint=False, destructive_hint=False, open_world_hint=True)


class Jobs(Protocol):
    """What the tools need from the worker (`agent.worker.client.WorkerClient`)."""

    async def submit(self, request: JobRequest) -> str:
        """Queue a job; its id."""
        ...

    async def wait(
        self,
        job_id: str,
        timeout: float,  # noqa: ASYNC109 - the worker answers `running` at the timeout
        on_progress: Callable[[dict[str, Any]], Awaitable[None] | None] | None = None,
    ) -> dict[str, Any]:
        """The final `turn --json` object, or the `running` one after `timeout` s."""
        ...

    async def cancel(self, job_id: str) -> dict[str, Any]:
        """`{job_id, status}`."""
        ...


def resolve_attachment(value: str, cwd: Path) -> str:
    """An attachment as the worker takes it: URLs (and OpenClaw's `media://inbound/NAME`, which
    the engine maps to its file) as given, paths made absolute against the host's folder."""
    if "://" in value:
        return value
    path = Path(value).expanduser()
    return str(path if path.is_absolute() else (cwd / path).resolve())


def _output_dir(cwd: Path, home: Path) -> Path:
    """Where MP4s go without NEMO_OUTPUT_DIR: the host's working folder, unless a host started
    the server somewhere it cannot write (some start it in `/`); then `~/nemo-output`."""
    if cwd != Path(cwd.anchor) and os.access(cwd, os.W_OK):
        return cwd
    return home / "nemo-output"


class _Tools:
    """The tools' shared plumbing: submit, wait with progress, shape the result."""

    def __init__(
        self, settings: Settings, jobs: Jobs, clock: Callable[[], float], keepalive_s: float
    ) -> None:
        self.settings = settings
        self.jobs = jobs
        self.clock = clock
        self.keepalive_s = keepalive_s
        self.templates = Templates()

    def request(self, kind: JobKind, **fields: Any) -> JobRequest:
        cwd = Path.cwd()
        output = self.settings.output_dir or _output_dir(cwd, self.settings.user_home)
        return JobRequest(
            kind=kind,
            local=self.settings.backend == "local",
            output_dir=str(output),
            cwd=str(cwd),
            **fields,
        )

    async def run(
        self, tool: str, request: JobRequest | None, job_id: str | None, wait_s: int, ctx: Context
    ) -> CallToolResult:
        started = self.clock()
        lang = language_of(request.text) if request is not None and request.text else "en"
        working = self.templates.render(
            "status/working", lang, local=self.settings.backend == "local"
        )
        follow = _Progress(ctx, working, self.keepalive_s)
        try:
            await follow.report()
            if request is not None:
                # Submitting may start the worker first: keep the client's idle timer fed.
                async with follow.keepalive():
                    job_id = await self.jobs.submit(request)
            assert job_id is not None  # noqa: S101 - one of the two is always given
            remaining = max(0.0, min(wait_s, WAIT_LIMIT_S) - (self.clock() - started))
            data = await self.jobs.wait(job_id, remaining, follow.on_event)
        except AgentError as exc:
            return tool_error(error_line(exc, self.settings))
        return job_result(data, job_id, tool, self.templates)


class _Progress:
    """Forwards the worker's progress events as MCP progress notifications (increasing values,
    the latest status line as the message); `keepalive` reports on its own while nothing else
    does (the worker ticks every 5 s once a wait has begun)."""

    def __init__(self, ctx: Context, message: str, every_s: float) -> None:
        self.ctx = ctx
        self.message = message
        self.every_s = every_s
        self.count = itertools.count()

    async def report(self) -> None:
        await self.ctx.report_progress(next(self.count), None, self.message)

    async def on_event(self, event: dict[str, Any]) -> None:
        if event.get("kind") == "status" and event.get("text"):
            self.message = str(event["text"])
        await self.report()

    @contextlib.asynccontextmanager
    async def keepalive(self) -> AsyncIterator[None]:
        async def beat() -> None:
            while True:
                await asyncio.sleep(self.every_s)
                await self.report()

        task = asyncio.create_task(beat())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def build_server(
    settings: Settings,
    jobs: Jobs | None = None,
    *,
    clock: Callable[[], float] = time.monotonic,
    keepalive_s: float = KEEPALIVE_S,
) -> MCPServer:
    """The MCP server with its seven tools; nothing is contacted until a tool is called.

    Args:
        settings: The server's settings (backend, skill identity, output folder, token).
        jobs: The worker client (default `WorkerClient(settings)`).
        clock: Injected monotonic clock (the 50 s budget).
        keepalive_s: Seconds between progress reports while a submit is under way.
    """
    if jobs is None:
        from agent.worker.client import WorkerClient

        jobs = WorkerClient(settings)
    tools = _Tools(settings, jobs, clock, keepalive_s)
    server = MCPServer(
        "nemo-agent", title="nemo-agent", version=__version__, instructions=INSTRUCTIONS
    )

    @server.tool(name="turn", title="Make or edit a video", annotations=WRITES)
    async def turn(
        message: Annotated[str, Field(description="The user's message, as they wrote it.")],
        ctx: Context,
        attachments: Annotated[
            list[str], Field(description="Image, video or audio files: absolute paths or URLs.")
        ] = [],  # noqa: B006 - pydantic copies defaults; the schema needs a list default
        new: Annotated[bool, Field(description="Start a new project first.")] = False,
        turn_id: Annotated[
            str | None,
            Field(description="Your id for this message; a retry with it never resends."),
        ] = None,
        wait_s: WaitS = 45,
    ) -> Annotated[CallToolResult, JobOutput]:
        """Send one user message to the video agent (turn photos into a video, add titles or
        music, change length or aspect, export). Returns the reply and any MP4, or `running`
        with a job_id for `wait`."""
        cwd = Path.cwd()
        files = tuple(resolve_attachment(a, cwd) for a in attachments)
        request = tools.request("turn", text=message, attachments=files, new=new, turn_id=turn_id)
        return await tools.run("turn", request, None, wait_s, ctx)

    @server.tool(name="wait", title="Wait for a job", annotations=READ_ONLY)
    async def wait(
        job_id: Annotated[str, Field(description="The job_id a `running` result gave.")],
        ctx: Context,
        wait_s: WaitS = 45,
    ) -> Annotated[CallToolResult, JobOutput]:
        """Wait for a running job: its final result, or `running` again (call `wait` again)."""
        return await tools.run("wait", None, job_id, wait_s, ctx)

    @server.tool(name="upload", title="Upload files", annotations=WRITES)
    async def upload(
        paths: Annotated[list[str], Field(description="Files (paths) or URLs to add.")],
        ctx: Context,
        wait_s: WaitS = 45,
    ) -> Annotated[CallToolResult, JobOutput]:
        """Add images, videos or audio to the current project without asking for an edit."""
        cwd = Path.cwd()
        files = tuple(resolve_attachment(p, cwd) for p in paths)
        return await tools.run("upload", tools.request("upload", attachments=files), None,
                               wait_s, ctx)  # fmt: skip

    @server.tool(name="export", title="Export the MP4", annotations=WRITES)
    async def export(
        ctx: Context,
        file_name: Annotated[
            str | None, Field(description="The MP4's file name (default: from the title).")
        ] = None,
        wait_s: WaitS = 45,
    ) -> Annotated[CallToolResult, JobOutput]:
        """Render the current project and save the MP4; returns its absolute path."""
        request = tools.request("export", export_name=file_name)
        return await tools.run("export", request, None, wait_s, ctx)

    @server.tool(name="credits", title="Credit balance", annotations=READ_ONLY)
    async def credits(ctx: Context) -> Annotated[CallToolResult, JobOutput]:
        """The user's NemoVideo credit balance."""
        return await tools.run("credits", tools.request("credits"), None, WAIT_LIMIT_S, ctx)

    @server.tool(name="state", title="Timeline", annotations=READ_ONLY)
    async def state(ctx: Context) -> Annotated[CallToolResult, JobOutput]:
        """The current project's timeline (tracks, uploads, whether it can be exported)."""
        return await tools.run("state", tools.request("state"), None, WAIT_LIMIT_S, ctx)

    @server.tool(name="cancel", title="Cancel a job", annotations=WRITES)
    async def cancel(
        job_id: Annotated[str, Field(description="The job to cancel.")],
    ) -> Annotated[CallToolResult, CancelOutput]:
        """Cancel a queued or running job; what was already sent stays done."""
        try:
            return cancel_result(await jobs.cancel(job_id))
        except AgentError as exc:
            return tool_error(error_line(exc, settings))

    del turn, wait, upload, export, credits, state, cancel  # registered on the server
    return server
