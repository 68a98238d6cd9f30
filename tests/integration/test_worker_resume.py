"""A starting worker picks up the jobs a dead worker left (and only those), removing the `.part`
files their killed downloads left in the output folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from agent.config import Settings
from agent.worker.ledger import Ledger
from agent.worker.paths import WorkerPaths
from agent.worker.protocol import JobRequest
from agent.worker.server import Worker

pytestmark = pytest.mark.integration

DEAD_PID = 2**22 + 4321
"""Above the default pid_max: no process has it."""


def test_unfinished_jobs_of_a_dead_worker_are_resumed_and_their_parts_removed(
    settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".harbor-1.mp4.00ff00ff00ff.part"
    stale.write_bytes(b"half")
    delivered = out / "harbor-0.mp4"
    delivered.write_bytes(b"whole")
    paths = WorkerPaths(settings.state_dir).prepare()
    ledger = Ledger(paths.ledger)
    orphan, _ = ledger.submit(JobRequest("export", output_dir=str(out)), "en")
    ledger.claim(orphan.id, DEAD_PID)
    queued, _ = ledger.submit(JobRequest("state"), "en")
    elsewhere, _ = ledger.submit(JobRequest("export", output_dir=str(out)), "en")
    ledger.claim(elsewhere.id, os.getppid())  # a live worker (retiring) still runs this one
    ledger.close()

    worker = Worker(settings, paths)
    try:
        resumed = worker.resume_orphans()
        again = worker.resume_orphans()
    finally:
        worker.ledger.close()
    assert resumed == [orphan.id, queued.id]
    assert again == []  # already queued here
    assert worker.queue.qsize() == 2
    assert not stale.exists()
    assert delivered.read_bytes() == b"whole"
