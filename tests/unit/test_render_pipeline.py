"""FramePipeline: frames composed on a helper thread, handed out in order, errors re-raised."""

from __future__ import annotations

import threading

import pytest

from agent.local.renderer.pipeline import FramePipeline, ProgressPacer


def _frozen() -> float:
    return 0.0


def test_frames_come_out_in_order_from_a_helper_thread() -> None:
    threads: set[str] = set()

    def compose(index: int) -> int:
        threads.add(threading.current_thread().name)
        return index * 10

    with FramePipeline(compose, 7, progress=None, clock=_frozen) as frames:
        got = [frames.next() for _ in range(7)]

    assert got == [0, 10, 20, 30, 40, 50, 60]
    assert threads == {"render-compose"}


def test_the_helper_never_runs_more_than_depth_frames_ahead() -> None:
    composed: list[int] = []
    ahead: list[int] = []

    def compose(index: int) -> int:
        composed.append(index)
        return index

    with FramePipeline(compose, 20, progress=None, clock=_frozen, depth=3) as frames:
        for taken in range(1, 21):
            frames.next()
            ahead.append(len(composed) - taken)

    # Taken frames leave the queue; at most `depth` wait there, plus one being composed.
    assert max(ahead) <= 4


def test_a_compose_error_is_raised_by_next_after_the_frames_before_it() -> None:
    def compose(index: int) -> int:
        if index == 2:
            raise ValueError("bad frame")
        return index

    with FramePipeline(compose, 5, progress=None, clock=_frozen) as frames:
        assert [frames.next(), frames.next()] == [0, 1]
        with pytest.raises(ValueError, match="bad frame"):
            frames.next()


def test_leaving_early_stops_the_helper() -> None:
    composed: list[int] = []

    with FramePipeline(composed.append, 1000, progress=None, clock=_frozen) as frames:
        frames.next()

    assert len(composed) < 10


def test_progress_is_due_after_the_interval_and_only_with_news() -> None:
    pacer = ProgressPacer(0.25, start=10.0)

    assert [
        pacer.due(1, 10.1),  # too soon
        pacer.due(2, 10.25),  # 250 ms after the start
        pacer.due(3, 10.4),  # too soon after the last report
        pacer.due(3, 10.6),
        pacer.due(3, 11.0),  # nothing new
        pacer.due(9, 11.0),
    ] == [False, True, False, True, False, True]


def test_a_settling_frame_waits_until_every_frame_before_it_is_encoded() -> None:
    seen: dict[int, int] = {}
    frames_ref: list[FramePipeline] = []

    def compose(index: int) -> int:
        seen[index] = frames_ref[0].encoded
        return index

    frames = FramePipeline(
        compose, 6, progress=None, clock=_frozen, depth=2, settle=lambda index: index == 4
    )
    frames_ref.append(frames)
    with frames:
        for index in range(6):
            assert frames.next() == index
            frames.encoded = index + 1

    assert seen[4] == 4  # frames 0-3 were all encoded before frame 4 was composed


def test_closing_releases_a_frame_waiting_to_settle() -> None:
    composed: list[int] = []

    def compose(index: int) -> int:
        composed.append(index)
        return index

    with FramePipeline(
        compose, 5, progress=None, clock=_frozen, settle=lambda index: index == 1
    ) as frames:
        assert frames.next() == 0  # never marked encoded: frame 1 waits, then the close ends it

    assert composed == [0]
