"""Starting the worker detached, and the lock that keeps it to one per state directory.

`start_detached` runs `python -m agent.worker --detach` in a new session with stdin from
/dev/null and stdout/stderr appended to the worker's log; that launcher forks the real worker and
exits at once, so the worker is nobody's child (no zombie, no pipe a host waits on). The worker
takes `hold_lock` before it listens; a second one started in a race finds the lock taken and
exits quietly.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path
from typing import IO

from agent.errors import WorkerError
from agent.worker.paths import WorkerPaths

__all__ = ["hold_lock", "read_pid", "start_detached", "write_pid"]


def start_detached(paths: WorkerPaths) -> None:
    """Launch a worker for `paths.state_dir` in the background and return.

    Raises:
        WorkerError: The launcher could not be run.
    """
    paths.prepare()
    command = [
        sys.executable,
        "-m",
        "agent.worker",
        "--detach",
        "--state-dir",
        str(paths.state_dir),
    ]
    try:
        with paths.log.open("ab") as log:
            subprocess.run(  # noqa: S603 - our own interpreter and module
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
                close_fds=True,
                check=True,
                timeout=60,
            )
    except (OSError, subprocess.SubprocessError) as exc:
        raise WorkerError(f"could not start the background worker: {exc}") from exc


def hold_lock(paths: WorkerPaths) -> IO[str] | None:
    """Take the worker lock (kept while the returned file stays open); None if another worker
    holds it."""
    paths.prepare()
    handle = paths.lock.open("a", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def read_pid(path: Path) -> int | None:
    """The pid in a worker's pid file, if it has one."""
    try:
        first = path.read_text(encoding="utf-8").split()[0]
        return int(first)
    except (OSError, ValueError, IndexError):
        return None


def write_pid(path: Path, version: str) -> None:
    """Record this process as the worker (pid and version)."""
    path.write_text(f"{os.getpid()}\n{version}\n", encoding="utf-8")
