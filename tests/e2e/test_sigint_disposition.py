"""Signal dispositions a command inherits: Ctrl-C must reach the commands the tests start, and
`nemo-agent serve` started with SIGINT ignored still stops on it and says so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.e2e
WAIT_S = 60
"""A bound on each start, request and exit: generous, as a loaded 2-core machine needs."""

_IGNORING_SIGINT = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); "
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"
)
"""A launcher that execs its arguments with SIGINT ignored, as a shell starts a background job."""


def test_children_of_the_test_run_start_with_sigint_at_its_default() -> None:
    probe = "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    inherited = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=WAIT_S, check=True
    )
    ignoring = subprocess.run(
        [sys.executable, "-c", _IGNORING_SIGINT, "-c", probe],
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=True,
    )
    assert inherited.stdout == "True\n"
    assert ignoring.stdout == "False\n"  # the launcher does ignore it: the test below means it


def test_serve_started_with_sigint_ignored_stops_on_it_and_says_so(tmp_path: Path) -> None:
    command = ["-m", "agent", "serve", "--port", "0", "--data", str(tmp_path / "d")]
    proc = subprocess.Popen(
        [sys.executable, "-c", _IGNORING_SIGINT, *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        url = line.split(" on ", 1)[1].split(" ", 1)[0]
        # Answered: uvicorn's own handler is installed, over the ignored disposition.
        r = httpx.get(f"{url}/api/credits/balance/simple", timeout=WAIT_S)
    finally:
        os.kill(proc.pid, signal.SIGINT)
        _out, err = proc.communicate(timeout=WAIT_S)
    assert r.status_code == 401
    assert "Application shutdown complete." in err
    assert err.rstrip().endswith("nemo-agent local backend stopped")
    assert proc.returncode == 0
