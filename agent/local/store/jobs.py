"""The render-job state machine: pure values and transitions, no I/O and no clock.

pending -> processing -> completed | failed; cancel and restart recovery are transitions too.
Illegal transitions raise `InvalidTransition` (a programmer error, not a runtime failure).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

__all__ = [
    "MAX_ATTEMPTS",
    "SUBMITTED_PROGRESS",
    "Completed",
    "Failed",
    "InvalidTransition",
    "JobState",
    "JobStatus",
    "Pending",
    "Processing",
    "RenderJob",
    "advance",
    "cancel",
    "complete",
    "fail",
    "recover",
    "start",
]

JobStatus = Literal["pending", "processing", "completed", "failed"]
SUBMITTED_PROGRESS = 5
"""The progress a job reports right after submit (protocol.md §3.9)."""
MAX_ATTEMPTS = 2
"""How many times a job is started before a restart gives up on it."""


class InvalidTransition(ValueError):
    """A transition was asked of a job in a state that does not allow it."""


@dataclass(frozen=True, slots=True)
class Pending:
    """Accepted, waiting for a render worker."""

    progress: int = SUBMITTED_PROGRESS


@dataclass(frozen=True, slots=True)
class Processing:
    """A worker is encoding; `progress` follows frames done / total."""

    progress: int = SUBMITTED_PROGRESS


@dataclass(frozen=True, slots=True)
class Completed:
    """The MP4 exists."""

    completed_ms: int
    duration_s: float
    size_bytes: int
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Failed:
    """The job ended without an MP4; `reason` is shown to the client as `error`."""

    completed_ms: int
    reason: str


JobState = Pending | Processing | Completed | Failed


@dataclass(frozen=True, slots=True)
class RenderJob:
    """One export: who asked, for which session, and where it stands."""

    render_id: str
    user_id: str
    session_id: str
    created_ms: int
    output_key: str
    """The unguessable path segment of the job's public output URL."""
    state: JobState = Pending()
    attempts: int = 0

    @property
    def status(self) -> JobStatus:
        """The wire status string."""
        match self.state:
            case Pending():
                return "pending"
            case Processing():
                return "processing"
            case Completed():
                return "completed"
            case Failed():
                return "failed"

    @property
    def progress(self) -> int:
        """0-100 for the wire."""
        if isinstance(self.state, Pending | Processing):
            return self.state.progress
        return 100 if isinstance(self.state, Completed) else 0

    @property
    def finished(self) -> bool:
        """Whether the job reached completed or failed."""
        return isinstance(self.state, Completed | Failed)


def _require(job: RenderJob, *allowed: type[object], action: str) -> None:
    if not isinstance(job.state, allowed):
        raise InvalidTransition(f"cannot {action} a {job.status} job ({job.render_id})")


def start(job: RenderJob) -> RenderJob:
    """A worker picked the job up."""
    _require(job, Pending, action="start")
    return replace(job, state=Processing(job.progress), attempts=job.attempts + 1)


def advance(job: RenderJob, done: int, total: int) -> RenderJob:
    """Record encoding progress; the percentage never goes backwards and stays below 100."""
    _require(job, Processing, action="advance")
    if total <= 0:
        return job
    percent = min(99, max(SUBMITTED_PROGRESS, done * 100 // total))
    return replace(job, state=Processing(max(job.progress, percent)))


def complete(
    job: RenderJob, *, now_ms: int, duration_s: float, size_bytes: int, width: int, height: int
) -> RenderJob:
    """The MP4 was written."""
    _require(job, Processing, action="complete")
    done = Completed(now_ms, duration_s, size_bytes, width, height)
    return replace(job, state=done)


def fail(job: RenderJob, reason: str, *, now_ms: int) -> RenderJob:
    """The job ended without output."""
    _require(job, Pending, Processing, action="fail")
    return replace(job, state=Failed(now_ms, reason))


def cancel(job: RenderJob, *, now_ms: int) -> RenderJob:
    """The owner cancelled the job; it reports `failed` with reason `cancelled`."""
    _require(job, Pending, Processing, action="cancel")
    return replace(job, state=Failed(now_ms, "cancelled"))


def recover(job: RenderJob, *, now_ms: int) -> RenderJob:
    """After a restart: requeue an unfinished job, or fail it once it has used its attempts."""
    if job.finished:
        return job
    if job.attempts >= MAX_ATTEMPTS:
        reason = f"the server restarted during the render {job.attempts} times"
        return replace(job, state=Failed(now_ms, reason))
    return replace(job, state=Pending())
