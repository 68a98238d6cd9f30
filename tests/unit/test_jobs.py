"""The render-job state machine."""

from __future__ import annotations

from dataclasses import replace

import pytest

from agent.local.store import jobs
from agent.local.store.jobs import (
    Completed,
    Failed,
    InvalidTransition,
    Pending,
    Processing,
    RenderJob,
)


def _job(**changes: object) -> RenderJob:
    base = RenderJob("render_1", "anon_1", "1" * 19, created_ms=1000, output_key="k")
    return replace(base, **changes) if changes else base  # type: ignore[arg-type]


def test_a_new_job_is_pending_at_five_percent() -> None:
    job = _job()
    assert (job.status, job.progress, job.finished) == ("pending", 5, False)


def test_happy_path_goes_pending_processing_completed() -> None:
    job = jobs.start(_job())
    assert job.state == Processing(5)
    assert job.attempts == 1
    job = jobs.advance(job, 5, 10)
    assert job.state == Processing(50)
    job = jobs.complete(job, now_ms=2000, duration_s=5.0, size_bytes=10, width=64, height=36)
    assert job.state == Completed(2000, 5.0, 10, 64, 36)
    assert (job.status, job.progress, job.finished) == ("completed", 100, True)


def test_progress_never_goes_backwards_and_stays_below_100_until_done() -> None:
    job = jobs.advance(jobs.start(_job()), 8, 10)
    assert jobs.advance(job, 2, 10).progress == 80
    assert jobs.advance(job, 10, 10).progress == 99
    assert jobs.advance(job, 3, 0) == job


def test_failure_and_cancel_end_the_job_with_a_reason() -> None:
    assert jobs.fail(jobs.start(_job()), "boom", now_ms=3).state == Failed(3, "boom")
    cancelled = jobs.cancel(_job(), now_ms=4)
    assert cancelled.state == Failed(4, "cancelled")
    assert (cancelled.status, cancelled.progress) == ("failed", 0)


@pytest.mark.parametrize(
    ("state", "action"),
    [
        (Pending(), lambda j: jobs.advance(j, 1, 2)),
        (
            Pending(),
            lambda j: jobs.complete(j, now_ms=1, duration_s=1, size_bytes=1, width=1, height=1),
        ),
        (Processing(), jobs.start),
        (Failed(1, "x"), lambda j: jobs.cancel(j, now_ms=2)),
        (Completed(1, 1.0, 1, 1, 1), lambda j: jobs.fail(j, "x", now_ms=2)),
    ],
)
def test_illegal_transitions_raise(state: jobs.JobState, action: object) -> None:
    with pytest.raises(InvalidTransition):
        action(_job(state=state))  # type: ignore[operator]


def test_recovery_requeues_unfinished_jobs_until_attempts_run_out() -> None:
    processing = jobs.start(_job())
    assert jobs.recover(processing, now_ms=9).state == Pending()
    worn = _job(state=Processing(40), attempts=jobs.MAX_ATTEMPTS)
    recovered = jobs.recover(worn, now_ms=9)
    assert isinstance(recovered.state, Failed)
    assert "restarted" in recovered.state.reason
    done = _job(state=Completed(1, 1.0, 1, 1, 1))
    assert jobs.recover(done, now_ms=9) == done
