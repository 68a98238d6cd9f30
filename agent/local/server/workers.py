"""Render workers: a bounded thread pool that runs export jobs off the event loop.

Each job moves through `agent.local.store.jobs` transitions persisted in the store; a user cancel
fails the job at once and the worker discards whatever it produced. Stopping the pool leaves
unfinished jobs as they are, and `recover` requeues (or fails) them on the next start, after
`sweep_parts` removed the partial files a hard stop left in the outputs folder.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

import structlog

from agent.errors import RenderError
from agent.local.renderer.output import OutputRequest
from agent.local.server.backend import Backend
from agent.local.store import jobs
from agent.local.store.jobs import RenderJob

__all__ = ["RenderWorkers", "part_owner"]

log = structlog.get_logger(__name__)

_PARTS = (
    re.compile(r"^(?P<id>[^.].*)\.part\.[A-Za-z0-9]+$"),
    re.compile(r"^\.(?P<id>.+)\.part\.[A-Za-z0-9]+\.[0-9a-f]{8}\.part$"),
)
"""A render's partial files in the outputs folder: `<id>.part.<ext>` (renamed to `<id>.<ext>`
when the job completes) and the renderer's own `.<id>.part.<ext>.<8 hex>.part` beside it."""


def part_owner(name: str) -> str | None:
    """The render id whose partial file `name` is, or None when it is not one."""
    for pattern in _PARTS:
        found = pattern.match(name)
        if found is not None:
            return found["id"]
    return None


class RenderWorkers:
    """Runs render jobs in at most `config.render_workers` threads."""

    def __init__(self, backend: Backend) -> None:
        """Create the pool (threads start lazily)."""
        self._backend = backend
        self._pool = ThreadPoolExecutor(
            max_workers=backend.config.render_workers, thread_name_prefix="nemo-render"
        )
        self._cancels: dict[str, threading.Event] = {}
        self._futures: dict[str, Future[None]] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    def output_path(self, render_id: str, extension: str = "mp4") -> Path:
        """Where a job's file lives (`extension`: its output format's, `mp4` by default)."""
        return self._backend.outputs_dir / f"{render_id}.{extension}"

    def submit(self, render_id: str) -> Future[None]:
        """Queue a job for rendering."""
        with self._lock:
            self._cancels[render_id] = threading.Event()
            future = self._pool.submit(self._run, render_id)
            self._futures[render_id] = future
        future.add_done_callback(lambda _f: self._forget(render_id, future))
        return future

    def _forget(self, render_id: str, future: Future[None]) -> None:
        with self._lock:
            if self._futures.get(render_id) is future:
                del self._futures[render_id]

    def wait(self, render_id: str, timeout: float) -> bool:
        """Block until a submitted job's worker is done (True), or `timeout` passes (False)."""
        with self._lock:
            future = self._futures.get(render_id)
        if future is None:
            return True
        done, _ = wait([future], timeout=timeout)
        return bool(done)

    async def settled(self, render_id: str, timeout: float) -> None:  # noqa: ASYNC109
        """Return when a submitted job's worker is done, or after `timeout` seconds."""
        with self._lock:
            future = self._futures.get(render_id)
        if future is None:
            return
        loop, ended = asyncio.get_running_loop(), asyncio.Event()

        def wake(_done: Future[None]) -> None:
            with contextlib.suppress(RuntimeError):  # the loop has closed meanwhile
                loop.call_soon_threadsafe(ended.set)

        future.add_done_callback(wake)  # (never cancels the job, as waiting on a wrapper would)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(ended.wait(), timeout)

    def cancel(self, render_id: str) -> None:
        """Ask a running render to stop (the job is already marked failed by the caller)."""
        with self._lock:
            event = self._cancels.get(render_id)
        if event is not None:
            event.set()

    def sweep_parts(self) -> list[Path]:
        """Remove the partial files no live render of this server owns; the removed paths.

        Call it only where no other server can be rendering into the folder (start-up with the
        data directory to itself): a hard stop (a second Ctrl-C, `kill -9`) ends a render
        without its clean-up, and `recover` starts the job afresh.
        """
        with self._lock:
            live = set(self._cancels)
        store, removed = self._backend.store, []
        for path in sorted(self._backend.outputs_dir.iterdir()):
            owner = part_owner(path.name)
            if owner is None or owner in live or not path.is_file():
                continue
            if not path.name.startswith(".") and store.job(path.stem) is not None:
                continue  # the finished file of a render whose id itself ends in `.part`
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
        return removed

    def recover(self) -> list[str]:
        """Requeue jobs a previous server left unfinished (or fail them); the requeued ids."""
        store, now = self._backend.store, self._backend.now_ms()
        requeued = []
        for job in store.unfinished_jobs():
            recovered = jobs.recover(job, now_ms=now)
            store.save_job(recovered)
            if not recovered.finished:
                self.submit(job.render_id)
                requeued.append(job.render_id)
        return requeued

    def shutdown(self) -> None:
        """Stop accepting work, interrupt running renders and wait for the threads."""
        self._stopping.set()
        with self._lock:
            events = list(self._cancels.values())
        for event in events:
            event.set()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _save(self, job: RenderJob, *, expect: tuple[str, ...] = ("processing",)) -> bool:
        return self._backend.store.save_job(job, expect=expect)

    def _run(self, render_id: str) -> None:
        cancel = self._cancels[render_id]
        try:
            self._render(render_id, cancel)
        finally:
            with self._lock:
                self._cancels.pop(render_id, None)

    def _render(self, render_id: str, cancel: threading.Event) -> None:
        backend = self._backend
        job = backend.store.job(render_id)
        if job is None or job.status != "pending" or self._stopping.is_set():
            return
        job = jobs.start(job)
        if not self._save(job, expect=("pending",)):
            return
        try:
            done = self._produce(job, cancel)
        except RenderError as exc:
            if not self._stopping.is_set():
                self._save(jobs.fail(job, exc.message, now_ms=backend.now_ms()))
            return
        if done is not None:
            self._save(done)

    def _produce(self, job: RenderJob, cancel: threading.Event) -> RenderJob | None:
        backend, faults = self._backend, self._backend.config.faults
        if faults.render_slow_s and cancel.wait(faults.render_slow_s):
            return None
        if backend.faults.take_render_failure():
            raise RenderError("injected fault: render_fail_once")
        draft, stored = backend.store.job_input(job.render_id)
        output = OutputRequest.decode(stored)
        spec = backend.deps.spec_from_draft(draft, self._resolver(job), quality=output.quality)
        spec = backend.deps.shape_output(spec, output)
        final = self.output_path(job.render_id, output.extension)
        tmp = final.with_suffix(f".part.{output.extension}")
        current = [job]

        def progress(done: int, total: int) -> None:
            moved = jobs.advance(current[0], done, total)
            if moved.progress != current[0].progress and self._save(moved):
                current[0] = moved

        result: Any = backend.render(spec, tmp, progress=progress, cancel=cancel)
        if cancel.is_set():
            tmp.unlink(missing_ok=True)
            return None
        tmp.replace(final)
        return jobs.complete(
            current[0],
            now_ms=backend.now_ms(),
            duration_s=float(result.duration_s),
            size_bytes=int(result.size_bytes),
            width=int(result.width),
            height=int(result.height),
        )

    def _resolver(self, job: RenderJob) -> Callable[[str], Path]:
        store = self._backend.store

        def resolve(asset_id: str) -> Path:
            path = store.owned_upload(asset_id, job.user_id)
            if path is None:
                raise RenderError(f"unknown asset {asset_id!r} in the draft")
            return path

        return resolve
