"""Heavy media calls (render, probe, previews) in a child process, so the caller stays small.

The worker lives for many minutes; a render run inside it would leave PyAV, OpenCV and NumPy and
their buffers in it for good (~80 MB of its idle RSS). Here a call runs in a fresh interpreter
(`python -c`, never a fork of the threaded caller, nor a re-run of its `__main__`), which imports
`preload` and serves one call (or a few light ones, probes, first) and exits, so every render
starts and ends with clean memory.

`ChildCalls` keeps one spare child after its first call (started once that call is done), so
the next call skips the child's start-up (~0.3 s of imports); a spare no call takes within
`SPARE_IDLE_S` is ended, so an idle process keeps no media libraries anywhere.

No child outlives the process that started it: a child reads its pipe while it works, and when
the pipe closes (the parent exited or was killed with -9) it cancels its call and exits, at the
latest `GRACE_S` later. A terminal's Ctrl-C never reaches a child (it runs in its own process
group, with SIGINT ignored from its first line): the parent alone decides what it means.

Progress and cancellation cross the pipe: the child sends `("progress", done, total)` for each
`progress(done, total)` of the call, and the parent forwards a set `cancel` event as `"cancel"`,
which sets the child's own event.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as wait_ready
from typing import Any

from agent.errors import AgentError, RenderError

__all__ = ["GRACE_S", "PREVIEW_MODULES", "RENDER_MODULES", "SPARE_IDLE_S", "ChildCalls", "serve"]

SPARE_IDLE_S = 120.0
"""How long a spare child waits for a call before it is ended (the next call starts one)."""
GRACE_S = 10.0
"""How long a child whose parent is gone lets its call stop on its own before it exits anyway."""
RENDER_MODULES = (
    "av",
    "cv2",
    "numpy",
    "PIL.Image",
    "PIL.ImageOps",
    *(
        f"agent.local.renderer.{name}"
        for name in ("render", "compose", "planes", "colour", "audio", "text", "media_probe")
    ),
)
"""What a render child imports before it is asked for anything (PyAV, OpenCV, NumPy, Pillow)."""
PREVIEW_MODULES = ("av", "PIL.Image", "PIL.ImageDraw", "PIL.ImageFont", "agent.preview")
"""What a previews child imports (PyAV and Pillow)."""
_CANCEL_POLL_S = 0.1
# The child ignores SIGINT before it imports anything else.
_ENTRY = (
    "import signal; signal.signal(signal.SIGINT, signal.SIG_IGN); "
    "import sys; from agent.child_call import serve; serve(sys.argv[1:])"
)


def _watch_parent(conn: Connection, cancel: threading.Event) -> None:
    """Child side: "cancel" sets `cancel`; a closed pipe (parent gone) too, then exits soon."""
    try:
        while True:
            if conn.recv() == "cancel":
                cancel.set()
    except (EOFError, OSError):
        cancel.set()
    time.sleep(GRACE_S)
    os._exit(1)


def serve(argv: list[str]) -> None:
    """A child's main (`argv`: its pipe's fd, then the modules to preload).

    Ends with `os._exit`: tearing down PyAV, OpenCV and NumPy takes ~0.1 s the caller would wait.
    """
    _serve(Connection(int(argv[0])), tuple(argv[1:]))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _serve(conn: Connection, preload: tuple[str, ...]) -> None:
    """Import `preload`, then answer `(module, name, args, hooks, light)` calls: light ones
    (a probe) leave the child as it was and it waits for the next; any other is its last."""
    for name in preload:
        importlib.import_module(name)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return  # a spare whose parent closed it or is gone
        if request is None:
            return
        light = request[-1]
        try:
            conn.send(_run(conn, *request))
        except OSError:
            return  # the parent is gone; nobody waits for the answer
        if not light:
            return


def _run(
    conn: Connection,
    module: str,
    name: str,
    args: tuple[Any, ...],
    hooks: tuple[str, ...],
    light: bool,
) -> tuple[Any, ...]:
    """One call's answer: `("ok", value)` or `("error", type name, message)`."""
    cancel = threading.Event()
    if not light:  # the pipe is the watcher's from now on (cancel, or the parent gone)
        threading.Thread(target=_watch_parent, args=(conn, cancel), daemon=True).start()
    kwargs: dict[str, Any] = {}
    if "progress" in hooks:
        kwargs["progress"] = lambda done, total: conn.send(("progress", done, total))
    if "cancel" in hooks:
        kwargs["cancel"] = cancel
    try:
        return ("ok", getattr(importlib.import_module(module), name)(*args, **kwargs))
    except AgentError as exc:
        return ("error", type(exc).__name__, exc.message)
    except Exception as exc:  # any failure is the call's answer, raised as RenderError
        return ("error", type(exc).__name__, f"{type(exc).__name__}: {exc}")


def _later(delay: float, callback: Callable[[], None]) -> None:
    timer = threading.Timer(delay, callback)
    timer.daemon = True
    timer.start()


@dataclass
class _Child:
    process: subprocess.Popen[bytes]
    conn: Connection


@dataclass
class ChildCalls:
    """Runs `module.name(*args)` calls in child processes; keeps one spare child when asked."""

    preload: tuple[str, ...] = RENDER_MODULES
    keep_spare: bool = True
    spare_idle_s: float = SPARE_IDLE_S
    """A spare nobody took for this long is ended (its memory is not kept for nothing)."""
    later: Callable[[float, Callable[[], None]], None] = field(default=_later, repr=False)
    """Runs a callback after a delay on another thread (tests inject one they fire by hand)."""
    _spare: _Child | None = field(default=None, init=False, repr=False)
    _closed: bool = field(default=False, init=False, repr=False)
    _spare_since: int = field(default=0, init=False, repr=False)
    """Counts every time a spare is set, so an old timer never ends a spare set again since."""
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def call(
        self,
        module: str,
        name: str,
        *args: Any,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
        light: bool = False,
    ) -> Any:
        """`module.name(*args)` in a child, with `progress=`/`cancel=` passed on when given.

        Blocking; call it from a worker thread. A `light` call (a probe: no cancel, little
        memory) leaves its child running as the spare; any other call's child exits after it.

        Raises:
            RenderError: The call raised (its message), or the child died without an answer.
        """
        hooks = tuple(hook for hook, given in (("progress", progress), ("cancel", cancel)) if given)
        request = (module, name, args, hooks, light and cancel is None)
        child = self._take()
        try:
            child.conn.send(request)
        except OSError:  # a spare that died: start a fresh one
            self._stop(child)
            child = self._start()
            child.conn.send(request)
        kept = False
        try:
            answer = self._answer(child, progress, cancel)
            kept = request[-1] and self._keep(child)
            return answer
        finally:
            if not kept:
                child.conn.close()
                child.process.wait()
                self._replenish()

    def _answer(
        self,
        child: _Child,
        progress: Callable[[int, int], None] | None,
        cancel: threading.Event | None,
    ) -> Any:
        forwarded = False
        while True:
            if cancel is not None and cancel.is_set() and not forwarded:
                forwarded = True
                with contextlib.suppress(OSError):
                    child.conn.send("cancel")
            polling = cancel is not None and not forwarded
            if not wait_ready([child.conn], timeout=_CANCEL_POLL_S if polling else None):
                continue
            try:
                message = child.conn.recv()
            except (EOFError, OSError):
                break
            if message[0] == "progress":
                if progress is not None:
                    progress(message[1], message[2])
                continue
            if message[0] == "ok":
                return message[1]
            raise RenderError(message[2])
        code = child.process.wait()
        raise RenderError(f"the media process ended without an answer (exit code {code})")

    def spare_pid(self) -> int | None:
        """The process id of the spare child, if one is kept (for tests and diagnostics)."""
        with self._lock:
            return None if self._spare is None else self._spare.process.pid

    def warm(self) -> None:
        """Start the spare child now (when there is none), so a coming call need not wait."""
        with self._lock:
            if self._closed or self._spare is not None:
                return
            self._spare = self._start()
            self._expire_later(self._spare)

    def _expire_later(self, spare: _Child) -> None:
        """End `spare` after `spare_idle_s` unless a call has taken it by then (under the lock)."""
        self._spare_since += 1
        since = self._spare_since
        self.later(self.spare_idle_s, lambda: self._expire(spare, since))

    def _expire(self, spare: _Child, since: int) -> None:
        with self._lock:
            if self._spare is not spare or self._spare_since != since:
                return  # taken by a call (or closed) meanwhile
            self._spare = None
        self._stop(spare)

    def close(self) -> None:
        """Stop the spare child (calls still running finish on their own)."""
        with self._lock:
            self._closed = True
            spare, self._spare = self._spare, None
        if spare is not None:
            self._stop(spare)

    def _take(self) -> _Child:
        with self._lock:
            spare, self._spare = self._spare, None
        return spare if spare is not None and spare.process.poll() is None else self._start()

    def _keep(self, child: _Child) -> bool:
        """Put a child that answered a light call back as the spare (False: not wanted)."""
        with self._lock:
            if self._closed or self._spare is not None or not self.keep_spare:
                return False
            self._spare = child
            self._expire_later(child)
            return True

    def _replenish(self) -> None:
        if self.keep_spare:
            self.warm()

    def _start(self) -> _Child:
        ours, theirs = socket.socketpair()
        with ours, theirs:
            process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [sys.executable, "-c", _ENTRY, str(theirs.fileno()), *self.preload],
                stdin=subprocess.DEVNULL,
                pass_fds=(theirs.fileno(),),
                # Out of the terminal's foreground group: its Ctrl-C is for the parent alone.
                process_group=0 if os.name == "posix" else None,
            )
            return _Child(process, Connection(ours.detach()))

    @staticmethod
    def _stop(child: _Child) -> None:
        """End a spare (it holds nothing but its imports)."""
        child.conn.close()
        child.process.kill()
        child.process.wait()
