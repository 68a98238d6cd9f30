"""Where a worker's files live: one 0700 directory per state directory.

`<state>/worker/` holds the ledger (`jobs.db`), the lock, the pid, the worker's own log and one
log per job (`jobs/<job id>.log`). The socket sits there too unless that path is too long for a
Unix socket (~108 bytes); then it goes to a 0700 directory of this user under the temp dir,
named after a hash of the state directory.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from agent.errors import WorkerError
from agent.files import private_dir

__all__ = ["WorkerPaths"]

_SOCKET_LIMIT = 100
"""Bytes; AF_UNIX paths are limited to 108 on Linux (104 on macOS)."""


def _private_dir(path: Path) -> Path:
    """Create `path` with mode 0700 (or check an existing one is ours and private)."""
    private_dir(path)  # the state dir above it too
    info = path.stat()
    if info.st_uid != os.getuid():
        raise WorkerError(f"{path} belongs to another user; remove it or set NEMO_AGENT_HOME")
    if stat.S_IMODE(info.st_mode) != 0o700:
        path.chmod(0o700)
    return path


@dataclass(frozen=True, slots=True)
class WorkerPaths:
    """The files of the worker that serves `state_dir`."""

    state_dir: Path

    @property
    def root(self) -> Path:
        """The worker's directory under the state directory."""
        return self.state_dir / "worker"

    @property
    def ledger(self) -> Path:
        """The SQLite job ledger."""
        return self.root / "jobs.db"

    @property
    def lock(self) -> Path:
        """Held (flock) by the live worker for its whole life."""
        return self.root / "worker.lock"

    @property
    def pid(self) -> Path:
        """The live worker's process id and version, one line each."""
        return self.root / "worker.pid"

    @property
    def log(self) -> Path:
        """The worker's stdout and stderr."""
        return self.root / "worker.log"

    def job_log(self, job_id: str) -> Path:
        """One job's log (status lines, and the error that ended it)."""
        return self.root / "jobs" / f"{job_id}.log"

    @property
    def socket(self) -> Path:
        """The Unix socket the worker listens on."""
        near = self.root / "worker.sock"
        if len(os.fsencode(near)) <= _SOCKET_LIMIT:
            return near
        digest = hashlib.sha256(os.fsencode(self.state_dir.resolve())).hexdigest()[:20]
        return Path(tempfile.gettempdir()) / f"nemo-agent-{os.getuid()}" / f"{digest}.sock"

    def prepare(self) -> WorkerPaths:
        """Create the private directories (0700); returns self.

        Raises:
            WorkerError: A directory belongs to another user.
        """
        _private_dir(self.root)
        _private_dir(self.root / "jobs")
        _private_dir(self.socket.parent)
        return self
