"""Which server may recover a data directory: every running server holds a shared lock on
`server.lock`; start-up recovery needs a moment of exclusive ownership (no other live server).

Without it, a second `--local` command started while another runs would release the first
one's frozen credits and render its jobs a second time. POSIX `flock`; elsewhere always alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from agent.files import private_dir

__all__ = ["DataLock"]


class DataLock:
    """A shared lock on a data directory, held for a server's lifetime."""

    def __init__(self, data_dir: Path) -> None:
        """Open (create) the lock file; nothing is locked yet."""
        private_dir(data_dir)
        self._file: IO[bytes] = (data_dir / "server.lock").open("ab")

    def acquire(self) -> bool:
        """Take the shared lock; True when no other server holds the directory (recover then)."""
        try:
            import fcntl
        except ImportError:  # not POSIX: no cross-process coordination
            return True
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            alone = True
        except BlockingIOError:
            alone = False
        fcntl.flock(self._file, fcntl.LOCK_SH)
        return alone

    def release(self) -> None:
        """Drop the lock and close the file."""
        self._file.close()
