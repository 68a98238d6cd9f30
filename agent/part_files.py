"""A download's temporary file, `.<name>.<12 hex>.part` beside its destination, and the sweep of
the ones a killed download left.

The download that writes a part holds an exclusive `flock` on it for as long as it lives, so the
lock is free only once that process is gone (however it ended: a second Ctrl-C, `kill -9`). The
next download into the same folder removes every part whose lock it can take; a live download's
part, in this process or another, is never touched. Without `flock` (Windows) nothing is swept.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["PART", "create_part", "sweep_parts"]

PART = re.compile(r"^\..+\.[0-9a-f]{12}\.part$")
"""The temporary names `create_part` makes."""

_FRESH_EMPTY_S = 60.0
"""An empty part younger than this may be one another download has just created and not yet
locked: it is left for a later sweep."""


def create_part(dest: Path) -> tuple[Path, int]:
    """Create and lock a new part beside `dest`; returns its path and open descriptor (the lock
    lasts until the descriptor is closed, or the process ends).

    Not mkstemp: its 0600 mode would stick to the delivered file; this honours the umask.

    Raises:
        OSError: The folder cannot be written.
    """
    path = dest.parent / f".{dest.name}.{secrets.token_hex(6)}.part"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    _lock(fd, wait=True)
    return path, fd


def sweep_parts(folder: Path, *, clock: Callable[[], float] = time.time) -> list[Path]:
    """Remove the parts in `folder` that no live download holds; returns what was removed.

    Args:
        folder: Where to look (a missing or unreadable folder has nothing to sweep).
        clock: Wall-clock seconds, compared with the files' modification times.
    """
    removed: list[Path] = []
    try:
        names = [entry.name for entry in os.scandir(folder) if PART.match(entry.name)]
    except OSError:
        return removed
    for name in names:
        path = folder / name
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:  # gone meanwhile, a link, not ours to read
            continue
        try:
            facts = os.fstat(fd)
            fresh = facts.st_size == 0 and clock() - facts.st_mtime < _FRESH_EMPTY_S
            if fresh or not _lock(fd, wait=False):
                continue
            path.unlink(missing_ok=True)
            removed.append(path)
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed


def _lock(fd: int, *, wait: bool) -> bool:
    """Take an exclusive lock on `fd`; False if another open file holds it (or no `flock`)."""
    try:
        import fcntl
    except ImportError:  # Windows: no sweep, nothing to lock
        return False
    flags = fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB)
    with contextlib.suppress(BlockingIOError):
        fcntl.flock(fd, flags)
        return True
    return False
