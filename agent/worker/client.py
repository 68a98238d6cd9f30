"""`WorkerClient`: the async client of the background worker (the CLI and the MCP server use it).

Every call connects to the worker of the settings' state directory, starting one when none
answers (and replacing one of another nemo-agent version: it finishes its jobs first). A wait
that loses its worker (killed) reconnects, which starts a fresh worker that resumes the job.
See docs/worker.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from agent import __version__
from agent.config import Settings
from agent.errors import WorkerError
from agent.worker.paths import WorkerPaths
from agent.worker.protocol import PROTOCOL, JobRequest, Outcome, decode, encode, settings_to_wire

__all__ = ["ProgressCallback", "WaitResult", "WorkerClient"]

ProgressCallback = Callable[[dict[str, Any]], Awaitable[None] | None]
"""Called with each progress event of a wait: `{"kind": "status"|"stream"|"tick", "text": ...}`
(`status`: a status line in the user's language; `stream`: backend text as it arrives; `tick`:
nothing new, sent every few seconds). May be sync or async."""

_POLL = 0.05
_EARLY = 0.5
"""A `running` answer this long before the deadline came early (a retiring worker)."""


@dataclass(frozen=True, slots=True)
class WaitResult:
    """What a wait ended with.

    Attributes:
        job_id: The job.
        status: `running`, `ok`, `error` or `cancelled`.
        data: `turn --json`'s object: the final one, or the `running` one (with `job_id`).
        outcome: For a finished job: its text, exit code and `--json` object.
    """

    job_id: str
    status: str
    data: dict[str, Any]
    outcome: Outcome | None = None

    @property
    def done(self) -> bool:
        """The job finished (ok, error or cancelled)."""
        return self.outcome is not None


class _Gone(Exception):
    """The worker closed the connection or is not there."""


class WorkerClient:
    """The client of the worker that serves `settings.state_dir`."""

    def __init__(
        self,
        settings: Settings,
        *,
        start_timeout: float = 30.0,
        answer_timeout: float = 15.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        start: Callable[[WorkerPaths], None] | None = None,
    ) -> None:
        """Args:
        settings: The client's settings; sent with each job (the worker runs it with them).
        start_timeout: Seconds to wait for a freshly started worker to answer.
        answer_timeout: Seconds to wait for an answer to a quick request.
        sleep: Injected sleep (start-up polling).
        clock: Injected monotonic clock.
        start: Starts a worker (default `agent.worker.spawn.start_detached`).
        """
        self.settings = settings
        self.paths = WorkerPaths(settings.state_dir)
        self._start_timeout = start_timeout
        self._answer_timeout = answer_timeout
        self._sleep = sleep
        self._clock = clock
        self._start = start

    # -- connection ----------------------------------------------------------------------

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        try:
            return await asyncio.open_unix_connection(str(self.paths.socket))
        except (FileNotFoundError, ConnectionRefusedError, OSError) as exc:
            raise _Gone(str(exc)) from exc

    async def _ask(self, message: dict[str, Any]) -> dict[str, Any]:
        """One request, one answer line."""
        reader, writer = await self._open()
        try:
            writer.write(encode(message))
            await writer.drain()
            line = await asyncio.wait_for(reader.readline(), self._answer_timeout)
        except (ConnectionError, OSError, TimeoutError) as exc:
            raise _Gone(str(exc)) from exc
        finally:
            writer.close()
        if not line:
            raise _Gone("the worker closed the connection")
        return decode(line)

    async def _hello(self) -> dict[str, Any] | None:
        try:
            return await self._ask({"op": "hello"})
        except _Gone:
            return None

    async def ensure(self) -> dict[str, Any]:
        """Make sure a worker of this version answers (start or replace one); its hello.

        Raises:
            WorkerError: No worker could be started, or it did not answer in time.
        """
        hello = await self._hello()
        if hello is not None and _current(hello):
            return hello
        if hello is not None:  # another version (or retiring): it finishes its jobs and goes
            with contextlib.suppress(_Gone):
                await self._ask({"op": "retire"})
        await asyncio.to_thread(self._starter(), self.paths)
        deadline = self._clock() + self._start_timeout
        while self._clock() < deadline:
            hello = await self._hello()
            if hello is not None and _current(hello):
                return hello
            await self._sleep(_POLL)
        raise WorkerError(
            f"the background worker did not start within {self._start_timeout:.0f} s; "
            f"see {self.paths.log}"
        )

    def _starter(self) -> Callable[[WorkerPaths], None]:
        if self._start is not None:
            return self._start
        from agent.worker.spawn import start_detached

        return start_detached

    async def _call(self, message: dict[str, Any]) -> dict[str, Any]:
        """A quick request to a worker of this version (started if needed)."""
        for _attempt in range(2):
            await self.ensure()
            try:
                answer = await self._ask(message)
            except _Gone:
                continue
            if answer.get("ok") is False:
                error = answer.get("error") or {}
                if error.get("code") == "retiring":
                    continue
                raise WorkerError(str(error.get("message") or "the worker refused the request"))
            return answer
        raise WorkerError(f"the background worker stopped answering; see {self.paths.log}")

    # -- the API -------------------------------------------------------------------------

    async def submit(self, request: JobRequest) -> str:
        """Queue a job; returns its id. A request whose `turn_id` was submitted before returns
        that job's id and sends nothing again. Missing `settings`, `output_dir` and `cwd` are the
        client's (settings; NEMO_OUTPUT_DIR, else the current directory; the current directory).

        Raises:
            WorkerError: The worker could not be reached or refused the request.
        """
        return (await self.submit_result(request)).job_id

    async def submit_result(self, request: JobRequest) -> WaitResult:
        """`submit`, answering at once what `wait(job_id, 0)` would (in one round trip).

        Raises:
            WorkerError: The worker could not be reached or refused the request.
        """
        request = replace(
            request,
            settings=request.settings or settings_to_wire(self.settings),
            output_dir=request.output_dir
            or str((self.settings.output_dir or Path.cwd()).expanduser().resolve()),
            cwd=request.cwd or str(Path.cwd()),
        )
        answer = await self._call({"op": "submit", "request": request.to_wire()})
        return _result(answer["result"])

    async def wait(
        self,
        job_id: str,
        timeout: float,  # noqa: ASYNC109 - the worker answers `running` then; nothing is cancelled
        on_progress: ProgressCallback | None = None,
    ) -> dict[str, Any]:
        """Wait up to `timeout` seconds; returns `turn --json`'s object: the final one, or
        `{"status": "running", "job_id", "reply", ...}` when the job is not done.

        Raises:
            WorkerError: No such job, or the worker could not be reached.
        """
        return (await self.wait_result(job_id, timeout, on_progress)).data

    async def wait_result(
        self,
        job_id: str,
        timeout: float,  # noqa: ASYNC109 - as in `wait`
        on_progress: ProgressCallback | None = None,
        *,
        backlog: bool = False,
    ) -> WaitResult:
        """`wait` with the finished job's text and exit code; `backlog` replays earlier events.

        Raises:
            WorkerError: No such job, or the worker could not be reached.
        """
        deadline = self._clock() + max(0.0, timeout)
        failures = 0
        while True:
            await self.ensure()
            remaining = max(0.0, deadline - self._clock())
            message = {"op": "wait", "job_id": job_id, "timeout": remaining, "backlog": backlog}
            try:
                result = await self._follow(message, on_progress)
            except _Gone:
                failures += 1
                if failures >= 3:
                    raise WorkerError(
                        f"the background worker keeps stopping; see {self.paths.log}"
                    ) from None
                backlog = False  # the worker died: a fresh one resumes the job
                continue
            if result.done or deadline - self._clock() <= _EARLY:
                return result
            # Answered early: a worker being replaced hands the job to its successor.
            backlog = False
            await self._sleep(_POLL)

    async def _follow(
        self, message: dict[str, Any], on_progress: ProgressCallback | None
    ) -> WaitResult:
        reader, writer = await self._open()
        try:
            writer.write(encode(message))
            await writer.drain()
            while True:
                line = await reader.readline()
                if not line:
                    raise _Gone("the worker closed the connection")
                event = decode(line)
                kind = event.get("event")
                if event.get("ok") is False:
                    error = event.get("error") or {}
                    raise WorkerError(str(error.get("message") or "the worker refused the wait"))
                if kind in ("progress", "tick") and on_progress is not None:
                    payload = {"kind": event.get("kind", "tick"), "text": event.get("text", "")}
                    maybe = on_progress(payload)
                    if inspect.isawaitable(maybe):
                        await maybe
                elif kind in ("done", "running"):
                    return _result(event)
        except (ConnectionError, OSError) as exc:
            raise _Gone(str(exc)) from exc
        finally:
            writer.close()

    async def cancel(self, job_id: str) -> dict[str, Any]:
        """Cancel a job: `{"job_id", "status"}` (`cancelled`, `cancelling` while its current step
        stops, or the status it had already finished with).

        Raises:
            WorkerError: No such job, or the worker could not be reached.
        """
        answer = await self._call({"op": "cancel", "job_id": job_id})
        return {"job_id": answer["job_id"], "status": answer["status"]}

    async def jobs(self, limit: int = 20) -> list[dict[str, Any]]:
        """Recent jobs, newest first: job_id, turn_id, kind, session_id, text, status, progress,
        age (seconds), files, error, log (path of the job's log)."""
        answer = await self._call({"op": "jobs", "limit": limit})
        return list(answer["jobs"])

    async def status(self) -> dict[str, Any] | None:
        """The running worker's pid, version, uptime, running and queued jobs, idle exit, socket,
        ledger and log; None when no worker runs (this never starts one)."""
        try:
            answer = await self._ask({"op": "status"})
        except _Gone:
            return None
        return answer if answer.get("ok") else None

    async def stop(self) -> bool:
        """Stop the worker now (its unfinished jobs resume with the next one); False when none
        was running."""
        try:
            await self._ask({"op": "stop"})
        except _Gone:
            return False
        return True


def _result(event: dict[str, Any]) -> WaitResult:
    """A `done` or `running` line as a `WaitResult`."""
    if event.get("event") == "done":
        outcome = Outcome.from_wire(event["outcome"])
        return WaitResult(str(event["job_id"]), str(event["status"]), outcome.data, outcome)
    return WaitResult(str(event["job_id"]), "running", dict(event["data"]))


def _current(hello: dict[str, Any]) -> bool:
    return (
        hello.get("version") == __version__
        and hello.get("protocol") == PROTOCOL
        and not hello.get("retiring")
    )
