"""Heavy media calls (render, probe, previews) in a child process, so the caller stays small.

The worker lives for many minutes; a render run inside it would leave PyAV, OpenCV and NumPy and
their buffers in it for good (~80 MB of its idle RSS). Here a call runs in a child interpreter
(`python -c`, never a fork of the threaded caller, nor a re-run of its `__main__`), which imports
`preload` and then answers calls one at a time.

`ChildCalls` keeps one spare child: the child of a call that answered goes back to being the
spare (a render's child serves the previews of its file next, with its libraries warm), so a
turn pays no child start-up (~0.3 s of imports) and starts no second interpreter. A child that
failed, was cancelled or has served `MAX_CALLS` calls is retired and a fresh spare started. A
spare no call takes within `SPARE_IDLE_S` is ended, so an idle process keeps no media libraries
anywhere; a child gives its freed heap back (`malloc_trim`) after each call.

No child outlives the process that started it: a child's reader thread is the only reader of its
pipe, and when the pipe closes (the parent exited, was killed with -9, or retired the child) it
cancels the running call and the child exits, at the latest `GRACE_S` later. A terminal's Ctrl-C
never reaches a child (it runs in its own process group, with SIGINT ignored from its first line):
the parent alone decides what it means.

Progress and cancellation cross the pipe: the child sends `("progress", done, total)` for each
`progress(done, total)` of the call, and the parent forwards a set `cancel` event as `"cancel"`,
which sets the child's event for that call.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import os
import queue
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as wait_ready
from typing import Any, Protocol

from agent.errors import AgentError, RenderError

__all__ = [
    "GRACE_S",
    "MAX_CALLS",
    "MEDIA_MODULES",
    "PREVIEW_MODULES",
    "RENDER_MODULES",
    "SPARE_IDLE_S",
    "ChildCalls",
    "Process",
    "Spawn",
    "serve",
    "spawn_interpreter",
]

SPARE_IDLE_S = 120.0
"""How long a spare child waits for a call before it is ended (the next call starts one)."""
GRACE_S = 10.0
"""How long a child whose parent is gone lets its call stop on its own before it exits anyway."""
MAX_CALLS = 32
"""Calls one child answers before it is retired (a long-lived heap only fragments)."""
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
MEDIA_MODULES = tuple(dict.fromkeys(RENDER_MODULES + PREVIEW_MODULES))
"""Renders, probes and previews: what one child serving all three imports."""
_CANCEL_POLL_S = 0.1
_M_ARENA_MAX = -8
# The child ignores SIGINT before it imports anything else.
_ENTRY = (
    "import signal; signal.signal(signal.SIGINT, signal.SIG_IGN); "
    "import sys; from agent.child_call import serve; serve(sys.argv[1:])"
)


def serve(argv: list[str]) -> None:
    """A child's main (`argv`: its pipe's fd, then the modules to preload).

    Ends with `os._exit`: tearing down PyAV, OpenCV and NumPy takes ~0.1 s the caller would wait.
    """
    _limit_arenas()
    _serve(Connection(int(argv[0])), tuple(argv[1:]))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


class _Inbox:
    """Child side: the pipe's only reader (a thread), so a cancel reaches a running call.

    Requests queue up for the main thread, each with its own cancel event; `"cancel"` sets the
    running call's event; a closed pipe sets it too, and then the child exits: at once when idle
    (the main thread reads the end), else `GRACE_S` later unless the call returns before.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.requests: queue.SimpleQueue[tuple[tuple[Any, ...], threading.Event] | None]
        self.requests = queue.SimpleQueue()
        self._running: threading.Event | None = None
        self._lock = threading.Lock()

    def read(self) -> None:
        """The reader thread's loop."""
        try:
            while True:
                message = self.conn.recv()
                if message is None:
                    break
                with self._lock:
                    if message == "cancel":
                        if self._running is not None:
                            self._running.set()
                        continue
                    self._running = threading.Event()
                    self.requests.put((message, self._running))
        except (EOFError, OSError):
            pass
        with self._lock:
            running, self._running = self._running, None
        self.requests.put(None)
        if running is not None:  # a call is under way: it stops on its own, or the timer ends it
            running.set()
            _later(GRACE_S, lambda: os._exit(1))

    def answered(self) -> None:
        """The main thread answered the running call."""
        with self._lock:
            self._running = None


def _serve(conn: Connection, preload: tuple[str, ...]) -> None:
    """Import `preload`, then answer `(module, name, args, hooks)` calls until the pipe closes."""
    for name in preload:
        importlib.import_module(name)
    inbox = _Inbox(conn)
    threading.Thread(target=inbox.read, name="child-inbox", daemon=True).start()
    while (item := inbox.requests.get()) is not None:
        request, cancel = item
        answer = _run(conn, cancel, *request)
        inbox.answered()
        try:
            conn.send(answer)
        except OSError:
            return  # the parent is gone; nobody waits for the answer
        if inbox.requests.empty():
            _give_back_memory()


def _limit_arenas() -> None:
    """Two malloc arenas, not one per thread (renderer, encoder and decoder threads): a kept
    child holds ~50 MB less between calls, for no measurable render CPU."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, 2)


def _give_back_memory() -> None:
    """Hand a call's freed heap back to the system (glibc keeps it otherwise), while idle."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _run(
    conn: Connection,
    cancel: threading.Event,
    module: str,
    name: str,
    args: tuple[Any, ...],
    hooks: tuple[str, ...],
) -> tuple[Any, ...]:
    """One call's answer: `("ok", value)` or `("error", type name, message)`."""
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


class Process(Protocol):
    """What `ChildCalls` needs of a child process (`subprocess.Popen`)."""

    pid: int

    def poll(self) -> int | None:
        """The exit code, or None while it runs."""
        ...

    def wait(self) -> int:
        """Wait for the exit; the exit code."""
        ...

    def kill(self) -> None:
        """End it now."""
        ...


Spawn = Callable[[tuple[str, ...]], tuple[Process, Connection]]
"""Starts a child that imports the modules given and serves calls over the connection returned."""


def spawn_interpreter(preload: tuple[str, ...]) -> tuple[Process, Connection]:
    """A fresh `python -c` child (never a fork) that imports `preload` and runs `serve`."""
    ours, theirs = socket.socketpair()
    with ours, theirs:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-c", _ENTRY, str(theirs.fileno()), *preload],
            stdin=subprocess.DEVNULL,
            pass_fds=(theirs.fileno(),),
            # Out of the terminal's foreground group: its Ctrl-C is for the parent alone.
            process_group=0 if os.name == "posix" else None,
        )
        return process, Connection(ours.detach())


@dataclass
class _Child:
    process: Process
    conn: Connection
    calls: int = 0
    """Calls it has answered."""


@dataclass
class ChildCalls:
    """Runs `module.name(*args)` calls in child processes; keeps one spare child when asked."""

    preload: tuple[str, ...] = RENDER_MODULES
    keep_spare: bool = True
    spare_idle_s: float = SPARE_IDLE_S
    """A spare nobody took for this long is ended (its memory is not kept for nothing)."""
    max_calls: int = MAX_CALLS
    """A child that has answered this many calls is retired instead of kept."""
    later: Callable[[float, Callable[[], None]], None] = field(default=_later, repr=False)
    """Runs a callback after a delay on another thread (tests inject one they fire by hand)."""
    spawn: Spawn = field(default=spawn_interpreter, repr=False)
    """Starts a child (tests inject one that serves from a thread)."""
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
    ) -> Any:
        """`module.name(*args)` in a child, with `progress=`/`cancel=` passed on when given.

        Blocking; call it from a worker thread. The spare child takes the call (else a fresh
        one); once it has answered it is the spare again, unless the call failed or was
        cancelled (then it exits and a fresh spare is started).

        Raises:
            RenderError: The call raised (its message), or the child died without an answer.
        """
        hooks = tuple(hook for hook, given in (("progress", progress), ("cancel", cancel)) if given)
        request = (module, name, args, hooks)
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
            child.calls += 1
            kept = not (cancel is not None and cancel.is_set()) and self._keep(child)
            return answer
        finally:
            if not kept:
                child.conn.close()  # its reader sees the end: an idle child exits at once
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
        if spare is not None and spare.process.poll() is None:
            return spare
        if spare is not None:  # it died while it waited
            self._stop(spare)
        return self._start()

    def _keep(self, child: _Child) -> bool:
        """Put a child that answered back as the spare (False: not wanted, or worn out)."""
        with self._lock:
            if self._closed or self._spare is not None or not self.keep_spare:
                return False
            if child.calls >= self.max_calls:
                return False
            self._spare = child
            self._expire_later(child)
            return True

    def _replenish(self) -> None:
        if self.keep_spare:
            self.warm()

    def _start(self) -> _Child:
        process, conn = self.spawn(self.preload)
        return _Child(process, conn)

    @staticmethod
    def _stop(child: _Child) -> None:
        """End a spare (it holds nothing but its imports)."""
        child.conn.close()
        child.process.kill()
        child.process.wait()
