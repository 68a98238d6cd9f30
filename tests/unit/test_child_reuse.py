"""`ChildCalls` keeps the child that answered as its spare, and retires one it should not keep.

The children here are the real serving loop (`agent.child_call._serve`, its pipe reader
included) run in a thread of this process over a real socket pair: no interpreter starts, so
the keep-or-retire logic is tested in milliseconds. `tests/e2e/test_child_call.py` runs real
child processes (renders, cancels, a killed parent).
"""

from __future__ import annotations

import itertools
import socket
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection

import pytest

from agent import child_call
from agent.child_call import MAX_CALLS, ChildCalls
from agent.errors import RenderError

HANG_S = 60.0
"""Only a hang guard for joining a serving thread; never reached when the logic is right."""
_pids = itertools.count(1)
_HERE = __name__


class ThreadChild:
    """A `Process` whose child is `_serve` in a thread (ends when the parent closes its pipe)."""

    def __init__(self, conn: Connection) -> None:
        self.pid = next(_pids)
        self._conn = conn
        self._thread = threading.Thread(target=child_call._serve, args=(conn, ()), daemon=True)
        self._thread.start()

    def poll(self) -> int | None:
        return None if self._thread.is_alive() else 0

    def wait(self) -> int:
        self._thread.join(HANG_S)
        assert not self._thread.is_alive(), "the serving loop did not end when its pipe closed"
        self._conn.close()
        return 0

    def kill(self) -> None:
        """Nothing to kill: the parent closed its end first, which ends the loop."""


class Spawner:
    """The `spawn` of a `ChildCalls`: thread children, and every one it started."""

    def __init__(self) -> None:
        self.started: list[ThreadChild] = []

    def __call__(self, preload: tuple[str, ...]) -> tuple[ThreadChild, Connection]:
        assert preload == ()
        ours, theirs = socket.socketpair()
        child = ThreadChild(Connection(theirs.detach()))
        self.started.append(child)
        return child, Connection(ours.detach())


def report(progress: Callable[[int, int], None], cancel: threading.Event | None = None) -> str:
    """A call that reports progress once (its parent may act on it) and answers."""
    progress(1, 1)
    return "reported"


def fail() -> None:
    """A call that raises."""
    raise ValueError("broken input")


@pytest.fixture
def spawner() -> Spawner:
    return Spawner()


def _calls(spawner: Spawner, *, keep_spare: bool = True, max_calls: int = MAX_CALLS) -> ChildCalls:
    """Thread children; spare timers that never fire (a test ends its spare with `close`)."""
    return ChildCalls(
        preload=(),
        keep_spare=keep_spare,
        max_calls=max_calls,
        later=lambda _delay, _fire: None,
        spawn=spawner,
    )


def test_the_child_that_answered_is_the_spare_and_serves_the_next_calls(spawner: Spawner) -> None:
    children = _calls(spawner)
    try:
        answers = [children.call("os.path", "basename", f"/a/{n}.mp4") for n in range(3)]
        spare = children.spare_pid()
    finally:
        children.close()
    assert answers == ["0.mp4", "1.mp4", "2.mp4"]
    assert len(spawner.started) == 1
    assert spare == spawner.started[0].pid
    assert spawner.started[0].poll() == 0  # close() ended it


def test_a_call_with_progress_and_cancel_hooks_keeps_its_child_when_not_cancelled(
    spawner: Spawner,
) -> None:
    seen: list[tuple[int, int]] = []
    children = _calls(spawner)
    try:
        answer = children.call(
            _HERE, "report", progress=lambda d, t: seen.append((d, t)), cancel=threading.Event()
        )
        spare = children.spare_pid()
    finally:
        children.close()
    assert answer == "reported"
    assert seen == [(1, 1)]
    assert spare == spawner.started[0].pid


def test_a_failed_call_retires_its_child_and_a_fresh_spare_takes_its_place(
    spawner: Spawner,
) -> None:
    children = _calls(spawner)
    try:
        with pytest.raises(RenderError, match="ValueError: broken input"):
            children.call(_HERE, "fail")
        spare = children.spare_pid()
        first = spawner.started[0]
        assert first.poll() == 0  # it exited once its pipe was closed
        assert children.call("os.path", "basename", "/a/b.mp4") == "b.mp4"
    finally:
        children.close()
    assert len(spawner.started) == 2
    assert spare == spawner.started[1].pid


def test_a_child_that_served_max_calls_is_retired(spawner: Spawner) -> None:
    children = _calls(spawner, max_calls=2)
    try:
        for _ in range(3):
            children.call("os.path", "basename", "/a/b.mp4")
        spare = children.spare_pid()
    finally:
        children.close()
    assert len(spawner.started) == 2  # the second call was the first child's last
    assert spawner.started[0].poll() == 0
    assert spare == spawner.started[1].pid


def test_the_answering_child_is_retired_when_a_spare_was_started_meanwhile(
    spawner: Spawner,
) -> None:
    children = _calls(spawner)
    try:
        children.call(_HERE, "report", progress=lambda _d, _t: children.warm())
        spare = children.spare_pid()
    finally:
        children.close()
    assert len(spawner.started) == 2  # one spare at most: the one started during the call
    assert spawner.started[0].poll() == 0
    assert spare == spawner.started[1].pid


def test_without_keep_spare_every_child_exits_after_its_call(spawner: Spawner) -> None:
    children = _calls(spawner, keep_spare=False)
    assert children.call("os.path", "basename", "/a/b.mp4") == "b.mp4"
    assert children.spare_pid() is None
    assert [child.poll() for child in spawner.started] == [0]


def test_a_closed_child_calls_keeps_no_child(spawner: Spawner) -> None:
    children = _calls(spawner)
    children.close()
    assert children.call("os.path", "basename", "/a/b.mp4") == "b.mp4"
    assert children.spare_pid() is None
    assert [child.poll() for child in spawner.started] == [0]
