"""The worker process: a Unix-socket server that runs jobs one at a time from the ledger.

Started detached by `spawn` (or `python -m agent.worker`), one per state directory (it holds a
lock for its whole life). On start it resumes every unfinished job whose worker is gone and
removes the `.part` files their killed downloads left. It exits after `worker_idle` seconds with
no job and no client, on `stop`, or, when retired by a client of another version, once its jobs
are done.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import structlog

from agent import __version__
from agent.config import Settings
from agent.log import redact
from agent.templates import Templates
from agent.worker.housekeeping import owner_alive, release_memory, remove_stale_parts
from agent.worker.ledger import KEEP_SECONDS, Job, Ledger
from agent.worker.links import LinkPages
from agent.worker.live import LiveJob
from agent.worker.paths import WorkerPaths
from agent.worker.protocol import PROTOCOL, JobRequest, decode, encode
from agent.worker.runner import Backends, Runner, job_language
from agent.worker.views import cancelled_outcome, failed_outcome, job_row, running_view

__all__ = ["READ_ONLY", "Worker"]

_log = structlog.get_logger(__name__)

READ_ONLY = frozenset({"credits", "state"})
"""Job kinds that run at once, beside the queue (they change nothing)."""


class Worker:
    """The job server. `serve()` runs until idle, stopped or retired."""

    def __init__(
        self,
        settings: Settings,
        paths: WorkerPaths,
        *,
        clock: Callable[[], float] = time.time,
        poll: float = 0.2,
        tick: float = 5.0,
    ) -> None:
        self.settings = settings
        self.paths = paths
        self.ledger = Ledger(paths.ledger, clock=clock)
        self.templates = Templates()
        self.backends = Backends(LinkPages(paths.root / "links"))
        self.runner = Runner(settings, self.ledger, self.backends, self._log_path)
        self.live: dict[str, LiveJob] = {}
        self.queue: asyncio.Queue[str] = asyncio.Queue()
        self.pid = os.getpid()
        self.started = clock()
        self._clock = clock
        self._poll = poll
        self._tick = tick
        self._clients = 0
        self._busy = False
        self._release_pending = False
        """The queue drained since memory was last given back (`release_memory`)."""
        self._side: set[asyncio.Task[None]] = set()
        self._last_activity = time.monotonic()
        self._stop = asyncio.Event()
        self._retiring = False
        self._server: asyncio.AbstractServer | None = None
        self._on_retire: Callable[[], None] | None = None

    def _log_path(self, job_id: str) -> Path:
        return self.paths.job_log(job_id)

    # -- life cycle -------------------------------------------------------------------------

    async def serve(self, *, on_retire: Callable[[], None] | None = None) -> None:
        """Listen, resume unfinished jobs, run the queue; return when stopped, idle or retired.

        Args:
            on_retire: Called once the socket is closed after a `retire` (releases the lock so a
                worker of the client's version can start while this one finishes its jobs).
        """
        self._on_retire = on_retire
        socket_path = self.paths.socket
        socket_path.unlink(missing_ok=True)  # a stale socket of a dead worker (we hold the lock)
        self._server = await asyncio.start_unix_server(self._handle, path=str(socket_path))
        socket_path.chmod(0o600)
        self.resume_orphans()
        for job_id in self.ledger.prune(KEEP_SECONDS):
            self.paths.job_log(job_id).unlink(missing_ok=True)
        tasks = [
            asyncio.create_task(self._consume()),
            asyncio.create_task(self._watch()),
        ]
        await asyncio.to_thread(self.runner.warm)
        try:
            await self._stop.wait()
        finally:
            for task in tasks:
                task.cancel()
            for live in self.live.values():
                if live.task is not None:
                    live.task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._close_server()
            await asyncio.to_thread(self.backends.close)
            self.ledger.close()

    def request_stop(self) -> None:
        """Stop soon (SIGTERM, `stop`): running jobs stay unfinished and are resumed later."""
        self._stop.set()

    def _close_server(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
            with contextlib.suppress(OSError):
                self.paths.socket.unlink()

    def resume_orphans(self) -> list[str]:
        """Queue every unfinished job whose worker is gone; clean their stale `.part` files."""
        resumed: list[str] = []
        for job in self.ledger.unfinished():
            if job.id in self.live or (job.owner != self.pid and owner_alive(job.owner)):
                continue
            if job.request.output_dir:
                for path in remove_stale_parts(Path(job.request.output_dir)):
                    _log.info("worker.part_removed", job=job.id, path=str(path))
            self.live[job.id] = LiveJob(job.id)
            self.queue.put_nowait(job.id)
            resumed.append(job.id)
            _log.info("worker.resume", job=job.id, status=job.status, attempts=job.attempts)
        return resumed

    async def _watch(self) -> None:
        """Exit when idle (or retired and done); pick up jobs orphaned by another worker."""
        interval = max(0.05, min(5.0, self.settings.worker_idle / 4))
        while True:
            await asyncio.sleep(interval)
            side = any(not t.done() for t in self._side)
            active = self._busy or side or self._clients > 0 or not self.queue.empty()
            if active:
                self._last_activity = time.monotonic()
            elif self._retiring or time.monotonic() - self._last_activity >= (
                self.settings.worker_idle
            ):
                _log.info("worker.exit", reason="retired" if self._retiring else "idle")
                self._stop.set()
                return
            if not self._retiring:
                self.resume_orphans()

    async def _consume(self) -> None:
        while True:
            job_id = await self.queue.get()
            self._busy = True
            try:
                await self._run(job_id)
            finally:
                self._busy = False
                self._last_activity = time.monotonic()
            if self.queue.empty():
                live = self.live.get(job_id)
                self._release_pending = True
                if live is None or not live.followed:
                    self._release_if_idle()
                # else: the waiter gives memory back once it has sent the reply (`_wait`): gc
                # and malloc_trim hold the loop 0.05-0.15 s, which the reply must not wait for

    def _release_if_idle(self) -> None:
        if self._release_pending and not self._busy and self.queue.empty():
            self._release_pending = False
            release_memory()

    async def _run(self, job_id: str) -> None:
        live = self.live.setdefault(job_id, LiveJob(job_id))
        job = self.ledger.get(job_id)
        if job is None or job.finished:
            live.done.set()
            return
        if self._retiring:  # not started yet: the worker that replaces this one runs it
            return
        self.ledger.claim(job_id, self.pid)
        job = self.ledger.get(job_id)
        assert job is not None  # noqa: S101 - claimed just above
        task = asyncio.create_task(self.runner.run(job, live))
        live.task = task
        try:
            status, outcome = await task
        except asyncio.CancelledError:
            if not live.cancel_requested or self._stop.is_set():
                raise  # the worker is stopping: the job stays unfinished and is resumed later
            status, outcome = "cancelled", cancelled_outcome(self._fresh(job), self.templates)
        except Exception as exc:  # a bug: record it so waiters are not left hanging
            _log.exception("worker.job_crashed", job=job_id)
            message = redact(f"{type(exc).__name__}: {exc}")
            log = str(self.paths.job_log(job_id))
            status, outcome = (
                "error",
                failed_outcome(self._fresh(job), self.templates, message, log),
            )
        self.ledger.finish(job_id, status, outcome)
        live.done.set()

    def _fresh(self, job: Job) -> Job:
        return self.ledger.get(job.id) or job

    # -- requests -------------------------------------------------------------------------

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._clients += 1
        try:
            line = await reader.readline()
            try:
                message = decode(line)
                await self._dispatch(message, writer)
            except (ValueError, KeyError, TypeError) as exc:
                await _send(writer, _error("bad_request", str(exc)))
        except (ConnectionError, OSError):
            pass  # the client went away (a killed or interrupted command)
        finally:
            self._clients -= 1
            self._last_activity = time.monotonic()
            with contextlib.suppress(ConnectionError, OSError):
                writer.close()

    async def _dispatch(self, message: dict[str, Any], writer: asyncio.StreamWriter) -> None:
        op = message.get("op")
        if op == "hello":
            await _send(writer, self._hello())
        elif op == "submit":
            await _send(writer, self._submit(message))
        elif op == "wait":
            await self._wait(message, writer)
        elif op == "cancel":
            await _send(writer, self._cancel(str(message["job_id"])))
        elif op == "jobs":
            limit = int(message.get("limit") or 20)
            rows = [job_row(j, str(self.paths.job_log(j.id))) for j in self.ledger.recent(limit)]
            await _send(writer, {"ok": True, "jobs": rows})
        elif op == "status":
            await _send(writer, self._status())
        elif op == "stop":
            await _send(writer, {"ok": True, "pid": self.pid})
            self._stop.set()
        elif op == "retire":
            await _send(writer, {"ok": True, "pid": self.pid})
            self._retire()
        else:
            await _send(writer, _error("bad_request", f"unknown op {op!r}"))

    def _hello(self) -> dict[str, Any]:
        return {
            "ok": True,
            "version": __version__,
            "protocol": PROTOCOL,
            "pid": self.pid,
            "retiring": self._retiring,
        }

    def _retire(self) -> None:
        """Stop taking work; let a worker of another version take over the socket and lock."""
        self._retiring = True
        self._close_server()
        if self._on_retire is not None:
            self._on_retire()

    def _submit(self, message: dict[str, Any]) -> dict[str, Any]:
        if self._retiring:
            return _error("retiring", "this worker is being replaced; submit again")
        request = JobRequest.from_wire(message["request"])
        settings = self.runner.settings_for(request)
        job, new = self.ledger.submit(request, job_language(request, settings))
        if new:
            self.live[job.id] = LiveJob(job.id)
            if request.kind in READ_ONLY:  # never queued behind a long turn
                self._side.add(asyncio.create_task(self._run(job.id)))
                self._side = {t for t in self._side if not t.done()}
            else:
                self.queue.put_nowait(job.id)
        answer = {"ok": True, "job_id": job.id, "turn_id": job.turn_id, "new": new}
        return {**answer, "result": self._result(job.id)}

    def _cancel(self, job_id: str) -> dict[str, Any]:
        job = self.ledger.get(job_id)
        if job is None:
            return _error("unknown_job", f"no job {job_id}")
        if job.finished:
            return {"ok": True, "job_id": job.id, "status": job.status}
        live = self.live.get(job.id)
        if live is not None and live.task is not None and not live.task.done():
            live.cancel_requested = True
            live.task.cancel()
            return {"ok": True, "job_id": job.id, "status": "cancelling"}
        self.ledger.finish(job.id, "cancelled", cancelled_outcome(job, self.templates))
        if live is not None:
            live.done.set()
        return {"ok": True, "job_id": job.id, "status": "cancelled"}

    def _status(self) -> dict[str, Any]:
        running = [j.id for j in self.ledger.unfinished() if j.status == "running"]
        idle_for = time.monotonic() - self._last_activity
        return {
            "ok": True,
            "pid": self.pid,
            "version": __version__,
            "uptime": round(self._clock() - self.started, 1),
            "running": running,
            "queued": self.queue.qsize(),
            "idle_exit_in": max(0.0, round(self.settings.worker_idle - idle_for, 1)),
            "retiring": self._retiring,
            "socket": str(self.paths.socket),
            "ledger": str(self.paths.ledger),
            "log": str(self.paths.log),
        }

    async def _wait(self, message: dict[str, Any], writer: asyncio.StreamWriter) -> None:
        job = self.ledger.get(str(message["job_id"]))
        if job is None:
            await _send(writer, _error("unknown_job", f"no job {message['job_id']}"))
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, float(message.get("timeout") or 0))
        live = self.live.get(job.id)
        try:
            if live is not None and not job.finished:
                await self._follow(live, writer, deadline, backlog=bool(message.get("backlog")))
            else:
                await self._poll_ledger(job.id, writer, deadline)
            await _send(writer, self._result(job.id))
        finally:
            self._release_if_idle()  # after the reply (or the waiter gone)

    def _result(self, job_id: str) -> dict[str, Any]:
        """The last line of a wait: the outcome of a finished job, else its `running` view."""
        job = self.ledger.get(job_id)
        assert job is not None  # noqa: S101 - jobs are never deleted
        if job.finished and job.outcome is not None:
            done = {"event": "done", "job_id": job.id, "status": job.status}
            return {**done, "outcome": job.outcome.to_wire()}
        view = running_view(job, self.live.get(job.id), self.templates)
        return {"event": "running", "job_id": job.id, "data": view}

    async def _follow(
        self, live: LiveJob, writer: asyncio.StreamWriter, deadline: float, *, backlog: bool
    ) -> None:
        """Forward the job's events until it ends or the deadline passes (a tick when quiet)."""
        loop = asyncio.get_running_loop()
        queue = live.subscribe(backlog=backlog)
        ended = asyncio.create_task(live.done.wait())
        try:
            while not live.done.is_set():
                remaining = deadline - loop.time()
                if remaining <= 0 or (self._retiring and live.task is None):
                    break  # (a retiring worker never starts it: the client asks the new one)
                got = asyncio.create_task(queue.get())
                finished, _ = await asyncio.wait(
                    {got, ended}, timeout=min(remaining, self._tick), return_when="FIRST_COMPLETED"
                )
                if got in finished:
                    await _send(writer, got.result())
                    continue
                got.cancel()
                if not finished:
                    await _send(writer, {"event": "tick"})
            while not queue.empty():
                await _send(writer, queue.get_nowait())
        finally:
            ended.cancel()
            live.unsubscribe(queue)

    async def _poll_ledger(
        self, job_id: str, writer: asyncio.StreamWriter, deadline: float
    ) -> None:
        """Wait for a job another worker runs (or ran) by reading the ledger."""
        loop = asyncio.get_running_loop()
        last_tick = loop.time()
        while True:
            job = self.ledger.get(job_id)
            if job is None or job.finished or loop.time() >= deadline:
                return
            if loop.time() - last_tick >= self._tick:
                last_tick = loop.time()
                await _send(writer, {"event": "tick"})
            await asyncio.sleep(min(self._poll, max(0.0, deadline - loop.time())))


def _error(code: str, message: str) -> dict[str, Any]:
    return {"ok": False, "error": {"code": code, "message": message}}


async def _send(writer: asyncio.StreamWriter, message: dict[str, Any]) -> None:
    writer.write(encode(message))
    await writer.drain()
