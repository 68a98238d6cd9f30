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

    async def render_status(self, render_id: str) -> RenderJob:
        self.asked.append(render_id)
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


def _job(status: str, url: str | None = None) -> RenderJob:
    return RenderJob.from_body({"data": {"status": status, "outputUrl": url}})


async def _wait(polls: Polls, **kwargs: Any) -> RenderJob:
    clock = FakeClock()
    return await wait_for_render(
        polls, "render_1", sleep=RecordingSleep(clock=clock), clock=clock, **kwargs
    )


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
