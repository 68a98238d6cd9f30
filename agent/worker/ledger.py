"""The job ledger: one SQLite file under the state directory, the source of truth for every job.

A job's row is written before anything is sent: its `turn_id` (unique: a second submit attaches),
the request without secrets, then as it runs the session, the project state read just before the
message was posted (`posted`, so a resumed job polls state instead of posting again), the actions
finished so far, the last status line and finally the outcome. The worker that runs a job writes
its pid as `owner`; a job whose owner is gone is resumed by the next worker.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent.worker.protocol import JobRequest, Outcome

__all__ = ["FINAL", "Job", "Ledger", "new_job_id"]

FINAL = frozenset({"ok", "error", "cancelled"})
"""Statuses of a finished job; `queued` and `running` are the others."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    turn_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    language TEXT NOT NULL,
    request TEXT NOT NULL,
    status TEXT NOT NULL,
    owner INTEGER,
    session_id TEXT,
    posted TEXT,
    actions TEXT NOT NULL DEFAULT '[]',
    earlier TEXT,
    progress TEXT NOT NULL DEFAULT '',
    outcome TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created);
"""


def new_job_id() -> str:
    """A fresh job id, `job_<12 hex>`."""
    return f"job_{uuid.uuid4().hex[:12]}"


@dataclass(frozen=True, slots=True)
class Job:
    """One row of the ledger."""

    id: str
    turn_id: str
    kind: str
    text: str
    language: str
    request: JobRequest
    status: str
    owner: int | None
    session_id: str | None
    posted: dict[str, Any] | None
    actions: tuple[str, ...]
    earlier: dict[str, Any] | None
    """How far the last attempt got (`agent.handlers.base.Earlier` as a dict), if a step ended."""
    progress: str
    outcome: Outcome | None
    attempts: int
    created: float
    updated: float

    @property
    def finished(self) -> bool:
        """The job is ok, failed or cancelled."""
        return self.status in FINAL


def _job(row: sqlite3.Row) -> Job:
    outcome = json.loads(row["outcome"]) if row["outcome"] else None
    return Job(
        id=row["id"],
        turn_id=row["turn_id"],
        kind=row["kind"],
        text=row["text"],
        language=row["language"],
        request=JobRequest.from_wire(json.loads(row["request"])),
        status=row["status"],
        owner=row["owner"],
        session_id=row["session_id"],
        posted=json.loads(row["posted"]) if row["posted"] else None,
        actions=tuple(json.loads(row["actions"])),
        earlier=json.loads(row["earlier"]) if row["earlier"] else None,
        progress=row["progress"],
        outcome=Outcome.from_wire(outcome) if outcome else None,
        attempts=row["attempts"],
        created=row["created"],
        updated=row["updated"],
    )


class Ledger:
    """The job ledger; safe to share between processes (SQLite WAL, short transactions)."""

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)
        self._clock = clock

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def submit(self, request: JobRequest, language: str) -> tuple[Job, bool]:
        """Record a job for `request`, or find the one with its `turn_id`.

        Returns:
            The job, and whether it is new (False: the turn id was already submitted).
        """
        job_id = new_job_id()
        turn_id = request.turn_id or job_id
        now = self._clock()
        with self._write() as db:
            row = db.execute("SELECT * FROM jobs WHERE turn_id = ?", (turn_id,)).fetchone()
            if row is not None:
                return _job(row), False
            wire = json.dumps(request.to_wire(secrets=False), ensure_ascii=False)
            db.execute(
                "INSERT INTO jobs (id, turn_id, kind, text, language, request, status, created,"
                " updated) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)",
                (job_id, turn_id, request.kind, request.text, language, wire, now, now),
            )
        job = self.get(job_id)
        assert job is not None  # noqa: S101 - inserted just above
        return job, True

    def get(self, job_id: str) -> Job | None:
        """The job with this id (or this turn id), if any."""
        row = self._db.execute(
            "SELECT * FROM jobs WHERE id = ? OR turn_id = ?", (job_id, job_id)
        ).fetchone()
        return _job(row) if row is not None else None

    def recent(self, limit: int = 20) -> list[Job]:
        """The newest jobs first."""
        rows = self._db.execute(
            "SELECT * FROM jobs ORDER BY created DESC, rowid DESC LIMIT ?", (limit,)
        ).fetchall()
        return [_job(r) for r in rows]

    def unfinished(self) -> list[Job]:
        """Queued and running jobs, oldest first."""
        rows = self._db.execute(
            "SELECT * FROM jobs WHERE status IN ('queued', 'running') ORDER BY created, rowid"
        ).fetchall()
        return [_job(r) for r in rows]

    def _update(self, job_id: str, **values: Any) -> None:
        values["updated"] = self._clock()
        columns = ", ".join(f"{name} = ?" for name in values)
        with self._write() as db:
            db.execute(f"UPDATE jobs SET {columns} WHERE id = ?", (*values.values(), job_id))  # noqa: S608

    def claim(self, job_id: str, owner: int) -> None:
        """Mark the job running in the worker with pid `owner` (one more attempt)."""
        with self._write() as db:
            db.execute(
                "UPDATE jobs SET status = 'running', owner = ?, attempts = attempts + 1,"
                " updated = ? WHERE id = ?",
                (owner, self._clock(), job_id),
            )

    def opened(self, job_id: str, session_id: str) -> None:
        """The job's turn runs in this session."""
        self._update(job_id, session_id=session_id)

    def posting(self, job_id: str, before: dict[str, Any]) -> None:
        """The message is about to be posted; `before` is the project state read just before."""
        self._update(job_id, posted=json.dumps(before, ensure_ascii=False))

    def step(self, job_id: str, actions: Sequence[str], earlier: dict[str, Any]) -> None:
        """A step ended: the actions finished so far, and how far the turn got."""
        self._update(
            job_id,
            actions=json.dumps(list(actions)),
            earlier=json.dumps(earlier, ensure_ascii=False),
        )

    def progress(self, job_id: str, line: str) -> None:
        """The job's latest status line."""
        self._update(job_id, progress=line)

    def finish(self, job_id: str, status: str, outcome: Outcome) -> None:
        """Record the job's end: `ok`, `error` or `cancelled`, with what to print."""
        wire = json.dumps(outcome.to_wire(), ensure_ascii=False)
        self._update(job_id, status=status, outcome=wire)
