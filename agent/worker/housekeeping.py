"""Housekeeping for the worker: is a job's worker still alive, stale `.part` files of killed
downloads, and handing freed memory back to the system."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
from pathlib import Path

from agent.part_files import PART

__all__ = ["limit_arenas", "owner_alive", "release_memory", "remove_stale_parts"]

_M_ARENA_MAX = -8
"""glibc `mallopt` parameter: how many malloc arenas threads may spread over."""


def owner_alive(pid: int | None) -> bool:
    """True when a process with this id runs (the worker that claimed a job); a zombie that no
    one reaped yet counts as gone."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return True  # no /proc (macOS): the signal check above is all there is
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def limit_arenas(arenas: int = 2) -> None:
    """Keep glibc from giving each render thread its own malloc arena (each keeps its peak)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, arenas)


def release_memory() -> None:
    """Give freed memory back to the system once the queue is empty (a render's frames leave
    large free heaps behind; glibc keeps them without `malloc_trim`)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def remove_stale_parts(folder: Path) -> list[Path]:
    """Remove the temporary files of killed downloads in `folder`; returns what was removed."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if PART.match(path.name) and path.is_file():
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed
