"""Reading stdin so that a Ctrl-C never waits for a line that may never come.

A blocked `read` of stdin in the main thread is resumed after a signal's handler (PEP 475), and
one in an executor or anyio worker thread cannot be cancelled: either way the interruption
policy (`agent.cli.interrupt`) would wait for the next line. So:

    Lines        an awaitable, cancellable `readline` (`chat`, `route --jsonl`,
                 `translate --jsonl`): a daemon thread reads the descriptor and hands lines to
                 the loop; a cancelled read leaves nothing for the loop's shutdown to wait on
    StdinRelay   for a reader we do not own (the MCP SDK's, in a worker thread): fd 0 becomes a
                 pipe fed from the real stdin by a daemon thread, and `close` gives that reader
                 its end of input at once
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import os
import threading
from typing import TextIO

__all__ = ["Lines", "StdinRelay"]

_CHUNK = 65536


class Lines:
    """`readline` for an async loop, awaitable and cancellable.

    A real file descriptor (a terminal, a pipe, a file) is read by one daemon thread with
    `os.read`, so a cancelled read leaves no executor thread for the loop's shutdown to wait on,
    and no buffered-reader lock for the interpreter's. Anything else (a script in tests) is read
    directly.
    """

    def __init__(self, stdin: TextIO, *, encoding: str = "utf-8") -> None:
        """Read `stdin`; bytes that are not valid in `encoding` are replaced (`utf-8-sig`: a
        leading BOM is dropped too)."""
        self._stdin = stdin
        self._encoding = encoding
        self._queue: asyncio.Queue[str] | None = None
        self._decoder: codecs.IncrementalDecoder | None = None
        try:
            self._fd: int | None = stdin.fileno()
        except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is an OSError
            self._fd = None

    async def readline(self) -> str:
        """The next line with its newline; "" at the end of input."""
        if self._fd is None:
            return self._read_directly()
        if self._queue is None:
            self._queue = asyncio.Queue()
            loop = asyncio.get_running_loop()
            reader = threading.Thread(
                target=_read_lines,
                args=(self._fd, self._encoding, loop, self._queue),
                daemon=True,
            )
            reader.start()
        return await self._queue.get()

    def _read_directly(self) -> str:
        """A line of a stream without a descriptor (click's test runner, a script): decoded here
        from its bytes when it has them, so bad bytes are replaced as the thread does."""
        buffer = getattr(self._stdin, "buffer", None)
        if buffer is None:
            return self._stdin.readline()
        if self._decoder is None:
            self._decoder = codecs.getincrementaldecoder(self._encoding)(errors="replace")
        data = buffer.readline()
        return str(self._decoder.decode(data, final=not data))


def _read_lines(
    fd: int, encoding: str, loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[str]
) -> None:
    """Reader thread: split what `fd` gives into lines for `queue`; "" at the end of input."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    pending = ""
    while True:
        try:
            data = os.read(fd, _CHUNK)
        except OSError:
            data = b""
        pending += decoder.decode(data, final=not data)
        *lines, pending = pending.split("\n")
        found = [line + "\n" for line in lines]
        if not data:
            found += [pending] if pending else []
            found.append("")
        try:
            for line in found:
                loop.call_soon_threadsafe(queue.put_nowait, line)
        except RuntimeError:  # the loop is closed: nobody reads any more
            return
        if not data:
            return


class StdinRelay:
    """fd `target` (stdin) becomes a pipe that a daemon thread feeds from the real stdin.

    Whoever reads fd `target` sees the same bytes and the same end of input; after `close` it
    sees the end of input at once, whatever the real stdin does. The real stdin is never closed
    (the relay thread may still be blocked on it when the process ends).
    """

    def __init__(self, target: int = 0) -> None:
        """Put the pipe in place of `target` and start the relay thread."""
        self._source = os.dup(target)
        self._null = os.open(os.devnull, os.O_WRONLY | os.O_CLOEXEC)
        read_end, self._write = os.pipe()
        os.dup2(read_end, target)
        os.close(read_end)
        self._closed = threading.Event()
        threading.Thread(target=self._pump, name="nemo-stdin-relay", daemon=True).start()

    def close(self) -> None:
        """End of input for the reader of the pipe, now (idempotent).

        The write end is replaced by /dev/null rather than closed, so the relay thread never
        writes to a descriptor number that something else has reused.
        """
        if self._closed.is_set():
            return
        self._closed.set()
        os.dup2(self._null, self._write)

    def _pump(self) -> None:
        while not self._closed.is_set():
            try:
                data = os.read(self._source, _CHUNK)
            except OSError:
                data = b""
            if not data:
                break
            view = memoryview(data)
            with contextlib.suppress(OSError):  # the reader is gone: keep draining, say nothing
                while view:
                    view = view[os.write(self._write, view) :]
        self.close()
