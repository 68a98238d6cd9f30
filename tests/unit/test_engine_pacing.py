"""Render poll pacing: the next poll lands just after the render's predicted end."""

from __future__ import annotations

import pytest

from agent.handlers.export import RenderPacer
from tests.fakes import FakeClock, RecordingSleep


def _pacer() -> tuple[RenderPacer, FakeClock, RecordingSleep]:
    clock = FakeClock()
    sleep = RecordingSleep(clock=clock)
    return RenderPacer(sleep, clock), clock, sleep


async def test_without_progress_the_schedules_delay_is_used_unchanged() -> None:
    pacer, _, sleep = _pacer()
    pacer.start()
    await pacer(2.0)
    await pacer(3.0)
    assert sleep.delays == [2.0, 3.0]


async def test_a_render_about_to_finish_is_polled_right_after_its_predicted_end() -> None:
    pacer, _, sleep = _pacer()
    pacer.start()
    await pacer(2.0)
    pacer.observe(40.0)  # 20 %/s: 3 s to go
    await pacer(4.5)
    assert sleep.delays == [2.0, 3.25]


async def test_the_wait_never_drops_below_the_floor() -> None:
    pacer, _, sleep = _pacer()
    pacer.start()
    await pacer(2.0)
    pacer.observe(99.0)
    await pacer(10.0)
    assert sleep.delays == [2.0, 0.5]
    assert pacer.eta() == pytest.approx(0.0)


async def test_a_slow_render_keeps_the_adaptive_schedule() -> None:
    pacer, _, sleep = _pacer()
    pacer.start()
    await pacer(2.0)
    pacer.observe(5.0)  # 2.5 %/s: 38 s to go
    await pacer(3.0)
    assert sleep.delays == [2.0, 3.0]


def test_a_retry_that_restarts_from_zero_gives_no_estimate() -> None:
    pacer, clock, _ = _pacer()
    pacer.start()
    clock.advance(2.0)
    pacer.observe(0.0)
    assert pacer.eta() is None
