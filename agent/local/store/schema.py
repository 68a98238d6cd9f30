"""The SQLite schema of the local backend store (created idempotently at open) and the mapping
between render-job rows and `RenderJob` values."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal

from agent.local.store.jobs import Completed, Failed, JobState, Pending, Processing, RenderJob

__all__ = [
    "SCHEMA",
    "Account",
    "Balance",
    "TokenRefusal",
    "job_from_row",
    "write_job_state",
]


@dataclass(frozen=True, slots=True)
class TokenRefusal:
    """Why no token was issued: the client id's token is `live` (for `retry_after` seconds)
    or the client `address` hit its cap of new ids."""

    reason: Literal["live", "address"]
    retry_after: float


@dataclass(frozen=True, slots=True)
class Account:
    """A user as the auth layer sees it."""

    user_id: str
    token_expires: float


@dataclass(frozen=True, slots=True)
class Balance:
    """Credits of one user."""

    available: int
    frozen: int


SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    user_id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL UNIQUE,
    client_addr TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    token_nonce TEXT NOT NULL,
    token_expires REAL NOT NULL,
    created REAL NOT NULL,
    available INTEGER NOT NULL,
    frozen INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS users_addr ON users (client_addr, created);
CREATE TABLE IF NOT EXISTS ledger (
    id INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    amount INTEGER NOT NULL,
    ref TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    session_id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    task_name TEXT NOT NULL,
    language TEXT NOT NULL,
    created REAL NOT NULL,
    draft TEXT NOT NULL,
    video_infos TEXT NOT NULL,
    generated_media TEXT NOT NULL  -- unread (exports come from jobs); kept for existing databases
);
CREATE TABLE IF NOT EXISTS uploads (
    asset_id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    filename TEXT NOT NULL,
    path TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    claim_hash TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    expires REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    render_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    output_key TEXT NOT NULL,
    draft TEXT NOT NULL,
    quality TEXT NOT NULL DEFAULT 'high',
    status TEXT NOT NULL DEFAULT 'pending',
    progress INTEGER NOT NULL DEFAULT 5,
    completed_ms INTEGER,
    reason TEXT,
    duration_s REAL,
    size_bytes INTEGER,
    width INTEGER,
    height INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0
);
"""


def write_job_state(db: sqlite3.Connection, job: RenderJob) -> None:
    """Write a job's state columns (the row must exist)."""
    state = job.state
    done = state if isinstance(state, Completed) else None
    failed = state if isinstance(state, Failed) else None
    finished_ms = done.completed_ms if done else (failed.completed_ms if failed else None)
    db.execute(
        "UPDATE jobs SET status=?, progress=?, completed_ms=?, reason=?, duration_s=?, "
        "size_bytes=?, width=?, height=?, attempts=? WHERE render_id=?",
        (
            job.status,
            job.progress,
            finished_ms,
            failed.reason if failed else None,
            done.duration_s if done else None,
            done.size_bytes if done else None,
            done.width if done else None,
            done.height if done else None,
            job.attempts,
            job.render_id,
        ),
    )


def _state_from_row(row: sqlite3.Row) -> JobState:
    status = row["status"]
    if status == "completed":
        return Completed(
            row["completed_ms"], row["duration_s"], row["size_bytes"], row["width"], row["height"]
        )
    if status == "failed":
        return Failed(row["completed_ms"], row["reason"])
    if status == "processing":
        return Processing(row["progress"])
    return Pending(row["progress"])


def job_from_row(row: sqlite3.Row) -> RenderJob:
    """The `RenderJob` a `jobs` row holds."""
    return RenderJob(
        render_id=row["render_id"],
        user_id=row["user_id"],
        session_id=row["session_id"],
        created_ms=row["created_ms"],
        output_key=row["output_key"],
        state=_state_from_row(row),
        attempts=row["attempts"],
    )
