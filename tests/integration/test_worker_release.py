"""The worker gives a drained queue's memory back after the waiting command has its reply.

`release_memory` (gc + malloc_trim) holds the event loop 0.05-0.15 s; run before the reply it
was on every turn's critical path. Here the job's run is scripted, the waiter is the real
`_wait` writing to a recording stream, and `release_memory` records when it runs.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from agent.config import Settings
from agent.worker import server
from agent.worker.ledger import Job
from agent.worker.live import LiveJob
from agent.worker.paths import WorkerPaths
from agent.worker.protocol import JobRequest, Outcome, decode
from agent.worker.server import Worker

pytestmark = pytest.mark.integration


class Stream:
    """A stand-in for the waiter's `asyncio.StreamWriter` that records what it was sent."""

    def __init__(self, order: list[str]) -> None:
        self.order = order

    def write(self, data: bytes) -> None:
        event = decode(data).get("event")
        if event == "done":
            self.order.append("reply")

    async def drain(self) -> None:
        return None


class ScriptedRunner:
    """Runs every job to an `ok` outcome at once."""

    async def run(self, _job: Job, _live: LiveJob) -> tuple[str, Any]:
        return "ok", Outcome({"status": "ok"}, "done")


@pytest.fixture
def worker(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Worker:
    made = Worker(settings, WorkerPaths(settings.state_dir).prepare())
    monkeypatch.setattr(made, "runner", ScriptedRunner())
    return made


class WatchedJob(LiveJob):
    """A `LiveJob` that says when a waiter has subscribed."""

    def __init__(self, job_id: str) -> None:
        super().__init__(job_id)
        self.subscribed = asyncio.Event()

    def subscribe(self, *, backlog: bool) -> asyncio.Queue[dict[str, Any]]:
        queue = super().subscribe(backlog=backlog)
        self.subscribed.set()
        return queue


class Releases:
    """Stands in for `release_memory`: records the release in `order`, and says it ran."""

    def __init__(self, order: list[str]) -> None:
        self.order = order
        self.ran = asyncio.Event()

    def __call__(self) -> None:
        self.order.append("released")
        self.ran.set()


async def _consume_one(worker: Worker, releases: Releases, *, waiter: bool) -> None:
    job, _ = worker.ledger.submit(JobRequest("export"), "en")
    live = worker.live[job.id] = WatchedJob(job.id)
    worker.queue.put_nowait(job.id)
    waiting = None
    if waiter:
        message = {"job_id": job.id, "timeout": 60}
        stream = Stream(releases.order)
        waiting = asyncio.create_task(worker._wait(message, stream))  # type: ignore[arg-type]
        await live.subscribed.wait()
    consumer = asyncio.create_task(worker._consume())
    try:
        if waiting is not None:
            await waiting
        await releases.ran.wait()
    finally:
        consumer.cancel()
        worker.ledger.close()


async def test_memory_is_given_back_after_the_waiter_has_its_reply(
    worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    releases = Releases([])
    monkeypatch.setattr(server, "release_memory", releases)
    await _consume_one(worker, releases, waiter=True)
    assert releases.order == ["reply", "released"]


async def test_a_job_nobody_waits_for_gives_memory_back_when_it_ends(
    worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    releases = Releases([])
    monkeypatch.setattr(server, "release_memory", releases)
    await _consume_one(worker, releases, waiter=False)
    assert releases.order == ["released"]
