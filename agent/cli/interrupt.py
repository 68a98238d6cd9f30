"""The one interruption policy of every command: what Ctrl-C (SIGINT) and SIGTERM do.

    first signal, the body running   its task is cancelled (after `run`'s `on_stop`, which
                                     unblocks what a thread of the body waits on: the MCP
                                     server's stdin): `finally` blocks and context managers
                                     run (a download removes its `.part`, the embedded backend
                                     stops and tells its render children to stop), then the
                                     command ends with `interrupted` and 130 (SIGTERM: 143);
                                     a body run with `grace_s` (`mcp`) that is still running
                                     that long after ends as on a second signal
    first signal, before the body    noted: the body never starts (same exit)
    first signal, after the body     noted: the teardown finishes, the body's result stands
    first signal inside a `scope`    the scope's callback instead (chat: stop this turn's wait;
                                     a worker job: stop waiting, the job goes on; `serve`: stop
                                     the server gracefully, exit 0)
    second signal, any time          `interrupted` (and `last_words` on stdout) and the exit code
                                     at once, by `os._exit`: nothing more runs. A `.part` left
                                     behind is swept by the next download into that folder, a
                                     local render's `<id>.part.mp4` by the backend's next start

No KeyboardInterrupt is ever raised inside the body, so no traceback can come from one (a body
that raises one itself still ends as an interruption). The loop's own complaints ("Task exception
was never retrieved", "Task was destroyed but it is pending") go to the `asyncio` logger at info
level, which `agent.log.configure_logging` routes to structlog: visible with `-v` (the traceback
with `-vv`), never a raw traceback by default. A signal whose disposition was not the default
when the command started (SIGINT ignored in a background job) is left alone, except by a command
that is stopped by signals only (`serve`: `take_ignored`).

Commands whose input is a stream read it so that a signal never waits for a line: `route` and
`translate --jsonl` and `chat` await `agent.cli.stdin.Lines`, and `mcp` reads its stdin through
an `agent.cli.stdin.StdinRelay` that `on_stop` closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Coroutine, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, TypeVar

__all__ = ["EXIT_CODES", "INTERRUPTED", "Interrupts", "Scope"]

T = TypeVar("T")

EXIT_CODES: Mapping[int, int] = {int(signal.SIGINT): 130, int(signal.SIGTERM): 143}
"""The exit code after each handled signal (128 + its number, as a shell reports it)."""

_DEFAULTS: Mapping[int, Any] = {
    int(signal.SIGINT): signal.default_int_handler,
    int(signal.SIGTERM): signal.SIG_DFL,
}
"""What each signal's handler is when nobody changed it: only then is it taken over."""

INTERRUPTED: Mapping[str, Any] = {
    "status": "error",
    "error": {"code": "interrupted", "message": "interrupted"},
}
"""The one object a `--json` command prints on stdout when a signal stopped it."""

Handler = Callable[[int, FrameType | None], Any]


def _exit_now(code: int, last_words: bytes) -> None:
    """Leave at once: one line on stderr, `last_words` on stdout, no clean-up, no flush."""
    try:
        if last_words:
            os.write(1, last_words)
        os.write(2, b"interrupted\n")
    finally:
        os._exit(code)


def _arm(delay_s: float, callback: Callable[[], None]) -> None:
    """Call `callback` from a daemon thread after `delay_s` (the stop bound of `Interrupts.run`)."""
    timer = threading.Timer(delay_s, callback)
    timer.daemon = True
    timer.start()


def _leave(code: int) -> None:
    """End the process once the command's clean-up is done: flush the output, skip the rest."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed or broken pipe: nothing more to say
            stream.flush()
    os._exit(code)


@dataclass(slots=True, eq=False)
class Scope:
    """A block where a first signal calls `on_signal` (`Interrupts.scope`)."""

    on_signal: Callable[[int], object]
    caught: int | None = None


@dataclass(slots=True)
class Interrupts:
    """The policy for one command; `with Interrupts() as interrupts:` takes over the signals.

    Attributes:
        install: `signal.signal` (tests pass a registry they call by hand).
        current: `signal.getsignal`.
        exit_now: Called with the exit code and `last_words` on a second signal; must not
            return in production (`os._exit`).
        leave: Ends the process with a code once the command is over, after a caught signal
            (flushes stdout and stderr, then `os._exit`).
        arm: Calls its callback once its delay has passed, from another thread (`run`'s
            `grace_s`; tests pass one they fire by hand).
        take_ignored: Take over a signal even where it was ignored at start (`serve`, which
            has no other way to end).
        caught: The first signal that reached the command (not one a scope handled).
        last_words: Bytes written to stdout if a second signal ends the process (`--json`:
            the one object stdout must carry); cleared once the result is printed.
    """

    install: Callable[[int, Any], Any] = signal.signal
    current: Callable[[int], Any] = signal.getsignal
    exit_now: Callable[[int, bytes], None] = _exit_now
    leave: Callable[[int], None] = _leave
    arm: Callable[[float, Callable[[], None]], None] = _arm
    take_ignored: bool = False
    caught: int | None = None
    last_words: bytes = b""
    _previous: dict[int, Any] = field(default_factory=dict)
    _loop: asyncio.AbstractEventLoop | None = None
    _task: asyncio.Task[Any] | None = None
    _on_stop: Callable[[], object] | None = None
    _grace_s: float | None = None
    _scopes: list[Scope] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """The exit code the command ends with after `caught` (130 when none was caught)."""
        return EXIT_CODES.get(self.caught or int(signal.SIGINT), 130)

    def __enter__(self) -> Interrupts:
        for signum, default in _DEFAULTS.items():
            if self.current(signum) is default or self.take_ignored:
                self._previous[signum] = self.install(signum, self.handle)
        return self

    def __exit__(self, _type: object, exc: BaseException | None, _tb: object) -> None:
        """Give the signals back; after a caught signal, end the process right here instead.

        The command is over (its clean-up ran inside the block) and the interpreter's own
        shutdown would put the default handlers back: a second Ctrl-C then would kill the
        process by SIGINT rather than let it exit 130. An unexpected exception goes on up.
        """
        if self.caught is not None and (exc is None or isinstance(exc, SystemExit)):
            code = 0 if exc is None or exc.code is None else exc.code
            self.leave(code if isinstance(code, int) else self.exit_code)
            return
        for signum, previous in self._previous.items():
            self.install(signum, previous)
        self._previous.clear()

    def handle(self, signum: int, _frame: FrameType | None = None) -> None:
        """The signal handler (runs in the main thread between two bytecodes)."""
        scope = self._scopes[-1] if self._scopes else None
        first = scope.caught if scope is not None else self.caught
        if first is not None:
            self.exit_now(EXIT_CODES.get(first, 130), self.last_words)
            return
        if scope is not None:
            scope.caught = signum
            self._soon(scope.on_signal, signum)
            return
        self.caught = signum
        if self._task is not None:
            self._soon(self._stop, self._task)

    def _stop(self, task: asyncio.Task[Any]) -> None:
        """Unblock what the body's threads wait on (`on_stop`), then cancel the body (and, with
        a `grace_s`, end the process as a second signal would if the body is not over by then)."""
        if self._grace_s is not None:
            code = self.exit_code
            self.arm(self._grace_s, lambda: self.exit_now(code, self.last_words))
        try:
            if self._on_stop is not None:
                self._on_stop()
        finally:
            task.cancel()

    def _soon(self, callback: Callable[..., Any], *args: Any) -> None:
        """Run `callback` on the loop, never inside the handler (which may have interrupted the
        loop in the middle of anything)."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(callback, *args)

    @contextmanager
    def scope(self, on_signal: Callable[[int], object]) -> Iterator[Scope]:
        """While the block runs, a first signal calls `on_signal(signum)` on the loop instead of
        cancelling the command (the scope's `caught` says which); a second one exits at once."""
        entry = Scope(on_signal)
        self._scopes.append(entry)
        try:
            yield entry
        finally:
            self._scopes.remove(entry)

    def run(
        self,
        main: Coroutine[Any, Any, T],
        *,
        on_stop: Callable[[], object] | None = None,
        grace_s: float | None = None,
    ) -> T:
        """Run a command body in a fresh event loop, under this policy.

        `on_stop` runs on the loop when a first signal stops the body, just before its task is
        cancelled: it ends what a thread of the body is blocked on (a read of stdin), so the
        cancellation does not wait for it. `grace_s` bounds the stop of a body with nothing to
        clean up (the MCP server: its jobs live in the worker): if it is still running that long
        after a first signal, the process ends as on a second one (`interrupted`, the exit code).

        Raises:
            KeyboardInterrupt: A signal stopped the body (or came before it could start); the
                exit code is `exit_code`.
        """
        if self.caught is not None:
            main.close()
            raise KeyboardInterrupt
        self._on_stop, self._grace_s = on_stop, grace_s
        with asyncio.Runner() as runner:
            loop = runner.get_loop()
            loop.set_exception_handler(_log_loop_error)
            self._loop = loop
            try:
                return runner.run(self._watched(main))
            except asyncio.CancelledError:
                if self.caught is None:
                    raise
                raise KeyboardInterrupt from None
            finally:
                self._task = None  # the runner's clean-up is not the body: a signal is noted
                self._on_stop = self._grace_s = None
        # (the runner is closed here: `_soon` finds the loop closed and does nothing)

    async def _watched(self, main: Coroutine[Any, Any, T]) -> T:
        self._task = asyncio.current_task()
        if self.caught is not None and self._task is not None:
            self._stop(self._task)  # caught between the check in `run` and now
        return await main


def _log_loop_error(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """The loop's exception handler: its complaints to the `asyncio` logger at info level."""
    exc = context.get("exception")
    message = str(context.get("message") or "unhandled exception in the event loop")
    error = f"{type(exc).__name__}: {exc}" if exc is not None else ""
    logging.getLogger("asyncio").info("%s%s", message, f" ({error})" if error else "", exc_info=exc)
