"""The worker process's main: lock, pid file, logging, the server, and a clean exit."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Callable
from pathlib import Path

import structlog

from agent import __version__
from agent.config import Settings
from agent.errors import AgentError
from agent.log import configure_logging
from agent.worker.paths import WorkerPaths
from agent.worker.spawn import hold_lock, read_pid, write_pid

__all__ = ["run_worker"]

_log = structlog.get_logger(__name__)


def run_worker(state_dir: str | None = None) -> int:
    """Serve the state directory until idle, stopped or retired; 0 when another worker has it.

    Args:
        state_dir: The state directory (default: the settings' own).
    """
    configure_logging(verbosity=1, json=True)
    try:
        settings = Settings.from_env()
        if state_dir:
            settings = settings.with_overrides(state_dir=Path(state_dir))
        paths = WorkerPaths(settings.state_dir).prepare()
    except AgentError as exc:
        _log.error("worker.config", error=exc.message)
        return 1
    lock = hold_lock(paths)
    if lock is None:
        _log.info("worker.already_running")
        return 0
    write_pid(paths.pid, __version__)
    _log.info("worker.start", version=__version__, state_dir=str(settings.state_dir))
    released = False

    def release() -> None:
        nonlocal released
        if not released:
            released = True
            if read_pid(paths.pid) == os.getpid():
                paths.pid.unlink(missing_ok=True)
            lock.close()

    try:
        asyncio.run(_serve(settings, paths, release))
    finally:
        release()
    return 0


async def _serve(settings: Settings, paths: WorkerPaths, on_retire: Callable[[], None]) -> None:
    from agent.worker.server import Worker

    worker = Worker(settings, paths)
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, worker.request_stop)
    await worker.serve(on_retire=on_retire)
