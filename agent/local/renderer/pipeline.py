"""Frames composed ahead of the encoder on a helper thread, through a bounded queue.

The helper keeps up to `depth` frames ready so the encoder never waits on composition (cv2 and
x264 release the GIL), and reports progress at most every `interval` seconds, so the caller's
progress callback (a database write in the local backend) never runs on the encoder's thread.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any

__all__ = ["FramePipeline", "ProgressPacer"]

# Composing is ~3x faster than x264, so 2 ready frames (plus one being composed) keep the
# encoder fed; each more costs 3 MB at 1080p, and a 1080p WebM render sits at its 400 MB budget.
_DEPTH = 2
_PROGRESS_INTERVAL_S = 0.25


class ProgressPacer:
    """Decides when progress is due: `interval` seconds since the last report, and news."""

    def __init__(self, interval: float, start: float) -> None:
        self._interval, self._last, self._reported = interval, start, 0

    def due(self, done: int, now: float) -> bool:
        """Whether to report `done` at `now`; if so, it counts as reported."""
        if done <= self._reported or now - self._last < self._interval:
            return False
        self._reported, self._last = done, now
        return True


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


class FramePipeline:
    """Calls `compose(i)` for i in 0..total-1 on a helper thread; `next()` hands them out in order.

    When `settle(i)` is true, frame i waits until the encoder has encoded every frame before it:
    its composition is heavy on memory (a photo decoded), and the frames in between are not
    then held beside it (the encoder waits on that decode anyway: 2 frames are ~50 ms of x264).

    Use as a context manager: leaving it stops the helper (also early, on an error or a cancel)
    and waits for it, so the compositor's sources can be closed safely afterwards.
    """

    def __init__(
        self,
        compose: Callable[[int], Any],
        total: int,
        *,
        progress: Callable[[int, int], None] | None,
        clock: Callable[[], float],
        depth: int = _DEPTH,
        interval: float = _PROGRESS_INTERVAL_S,
        settle: Callable[[int], bool] | None = None,
    ) -> None:
        self._compose, self._total, self._depth = compose, total, depth
        self._progress, self._clock, self._interval = progress, clock, interval
        self._settle = settle
        self._ready: deque[Any] = deque()
        self._changed = threading.Condition()
        self._closed = False
        self._encoded = 0
        self._thread = threading.Thread(target=self._run, name="render-compose", daemon=True)

    @property
    def encoded(self) -> int:
        """Frames the encoder has taken and encoded; set by the consumer, read for progress."""
        return self._encoded

    @encoded.setter
    def encoded(self, value: int) -> None:
        with self._changed:
            self._encoded = value
            self._changed.notify_all()

    def __enter__(self) -> FramePipeline:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._changed:
            self._closed = True
            self._ready.clear()
            self._changed.notify_all()
        self._thread.join()

    def next(self) -> Any:
        """The next frame, waiting for it; re-raises the helper's error."""
        with self._changed:
            self._changed.wait_for(lambda: bool(self._ready))
            item = self._ready.popleft()
            self._changed.notify_all()
        if isinstance(item, _Failed):
            raise item.error
        return item

    def _put(self, item: Any) -> bool:
        with self._changed:
            self._changed.wait_for(lambda: len(self._ready) < self._depth or self._closed)
            if self._closed:
                return False
            self._ready.append(item)
            self._changed.notify_all()
            return True

    def _drained(self, index: int) -> bool:
        """Wait until every frame before `index` is encoded (none held here); False: closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._encoded >= index or self._closed)
            return not self._closed

    def _run(self) -> None:
        pacer = ProgressPacer(self._interval, self._clock())
        try:
            for index in range(self._total):
                if self._settle is not None and self._settle(index) and not self._drained(index):
                    return
                if not self._put(self._compose(index)):
                    return
                done = self.encoded
                if self._progress is not None and pacer.due(done, self._clock()):
                    self._progress(done, self._total)
        except BaseException as exc:  # handed to the encoder's thread, which re-raises it
            self._put(_Failed(exc))
