"""`python -m agent.worker [--detach] [--state-dir DIR]`: run the background worker.

`--detach` forks first and the parent exits at once (see `agent.worker.spawn`). Output goes to
whatever stdout/stderr the launcher was given (the worker's log file).
"""

from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Run a worker until it is idle, stopped or retired; 0 also when another one holds the lock."""
    parser = argparse.ArgumentParser(prog="python -m agent.worker")
    parser.add_argument("--detach", action="store_true", help="fork and return at once")
    parser.add_argument("--state-dir", default=None, help="the state directory to serve")
    args = parser.parse_args(argv)
    if args.detach and os.fork() > 0:
        os._exit(0)  # the launcher: the worker below is now nobody's child
    from agent.worker.process import run_worker

    return run_worker(args.state_dir)


if __name__ == "__main__":
    sys.exit(main())
