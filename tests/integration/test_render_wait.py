"""`wait_for_render` against the cloud's possible answers: done is completed AND a URL (R3, R5)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from agent.errors import JobFailedError, ServerError, TransportError
from agent.export import TIMEOUT_REASON, wait_for_render
from agent.models import RenderJob
from tests.fakes import FakeClock, RecordingSleep

pytestmark = pytest.mark.integration


@dataclass
class Polls:
    """A render API whose polls answer a script (a job, or an error to raise)."""

    answers: list[RenderJob | Exception]
    asked: list[str] = field(default_factory=list)
    waits: list[float | None] = field(default_factory=list)
    """The `wait` of each poll (None: not held)."""
    clock: FakeClock | None = None
    """Advanced by a held poll's `wait` (the server held it that long)."""

    async def render_status(self, render_id: str, wait: float | None = None) -> RenderJob:
        self.asked.append(render_id)
        self.waits.append(wait)
        if wait is not None and self.clock is not None:
            self.clock.advance(wait)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def submit_render(
        self, render_id: str, session_id: str, draft: Mapping[str, Any]
    ) -> RenderJob:
        raise AssertionError("not submitted here")

    async def download(self, url: str, dest: Path) -> int:
        raise AssertionError("not downloaded here")

    async def download_render(self, render_id: str, dest: Path) -> int:
        raise AssertionError("not downloaded here")


def _job(status: str, url: str | None = None, hold: float | None = None) -> RenderJob:
    job = RenderJob.from_body({"data": {"status": status, "outputUrl": url}})
    return job.model_copy(update={"poll_hold": hold})


async def _wait(polls: Polls, sleep: RecordingSleep | None = None, **kwargs: Any) -> RenderJob:
    clock = polls.clock or FakeClock()
    return await wait_for_render(
        polls, "render_1", sleep=sleep or RecordingSleep(clock=clock), clock=clock, **kwargs
    )


async def test_a_server_that_holds_polls_is_polled_without_sleeping() -> None:
    """The submission said polls are held (`hold`): each wait of the schedule (2 s, 3 s, ...,
    at most the hold) is spent in a poll the server answers when the render ends."""
    clock = FakeClock()
    sleep = RecordingSleep(clock=clock)
    polls = Polls(
        [_job("processing", hold=4.0), _job("processing", hold=4.0), _job("completed", "u")],
        clock=clock,
    )
    job = await _wait(polls, sleep, hold=4.0)
    assert job.ready
    assert polls.waits == [2.0, 3.0, 4.0]
    assert sleep.delays == []


async def test_held_polls_fall_back_to_sleeping_when_they_fail_or_the_url_is_late() -> None:
    clock = FakeClock()
    sleep = RecordingSleep(clock=clock)
    late = _job("completed", hold=4.0)  # ended, its URL not written yet: nothing to hold for
    polls = Polls([TransportError("reset"), late, _job("completed", "u", hold=4.0)], clock=clock)
    job = await _wait(polls, sleep, hold=4.0)
    assert job.ready
    assert polls.waits == [2.0, 3.0, None]
    assert sleep.delays == [2.0, 4.5]  # after the failed held poll; before the unheld one


async def test_a_poll_learns_that_the_server_holds_polls() -> None:
    """A resumed render (no submission to say so) holds from the poll that said it can."""
    polls = Polls([_job("processing", hold=10.0), _job("completed", "u", hold=10.0)])
    sleep = RecordingSleep(clock=FakeClock())
    assert (await _wait(polls, sleep)).ready
    assert polls.waits == [None, 3.0]
    assert sleep.delays == [2.0]


async def test_completed_without_a_url_is_not_done_until_the_url_comes() -> None:
    polls = Polls([_job("completed"), _job("completed"), _job("completed", "https://cdn/x.mp4")])
    job = await _wait(polls)
    assert (job.ready, job.url, len(polls.asked)) == (True, "https://cdn/x.mp4", 3)


async def test_a_url_that_never_comes_falls_back_at_the_limit() -> None:
    polls = Polls([_job("completed")])
    job = await _wait(polls, give_up_after=60)
    assert (job.status, job.url) == ("completed", None)
    assert len(polls.asked) > 3


async def test_transient_failures_keep_polling_the_same_id_until_the_limit() -> None:
    polls = Polls([TransportError("reset"), ServerError("503"), _job("SUCCESS", "https://c/y")])
    assert (await _wait(polls)).ready
    assert polls.asked == ["render_1"] * 3
    with pytest.raises(JobFailedError) as caught:
        await _wait(Polls([ServerError("503")]), give_up_after=30)
    assert caught.value.reason == TIMEOUT_REASON  # resumable, not a failed render


async def test_an_unknown_status_is_reported_once_and_polling_goes_on() -> None:
    seen: list[str] = []
    odd = _job("Moderating")
    polls = Polls([odd, odd, odd, _job("done", "https://c/z")])
    job = await _wait(polls, on_status=seen.append)
    assert job.ready
    assert seen == ["Moderating"]


async def test_a_failed_meaning_stops_with_the_reason() -> None:
    with pytest.raises(JobFailedError) as caught:
        await _wait(Polls([_job("canceled")]))
    assert caught.value.reason == "canceled"
