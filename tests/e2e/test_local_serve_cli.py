"""`nemo-agent serve` as a real process: prints its URL, answers, stops cleanly on SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.e2e
WAIT_S = 60
"""A bound on each start, request and exit: generous, as a loaded 2-core machine needs."""


def _serve(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "agent",
            "serve",
            "--port",
            "0",
            "--data",
            str(tmp_path / "d"),
            *args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def test_serve_prints_its_url_answers_and_stops_on_sigterm(tmp_path: Path) -> None:
    proc = _serve(tmp_path, "--grant", "100")
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        url = line.split(" on ", 1)[1].split(" ", 1)[0]
        r = httpx.post(
            f"{url}/api/auth/anonymous-token", headers={"X-Client-Id": "cli"}, timeout=WAIT_S
        )
    finally:
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=WAIT_S)
    assert url.startswith("http://127.0.0.1:")
    assert r.json()["data"]["credits"] == 100
    # A graceful stop, as for Ctrl-C: the command's interruption policy, not uvicorn's re-raise.
    assert "Application shutdown complete." in err
    assert err.rstrip().endswith("nemo-agent local backend stopped")
    assert proc.returncode == 0
    assert "nmv_usr_" not in err
    assert (tmp_path / "d" / "backend.sqlite3").is_file()


def test_serve_warns_about_non_loopback_hosts_and_rejects_bad_faults(tmp_path: Path) -> None:
    bad = _serve(tmp_path, "--faults", "explode")
    _out, err = bad.communicate(timeout=WAIT_S)
    # 192.0.2.1 (TEST-NET-1) is never a local address: the warning shows, then binding fails.
    remote = _serve(tmp_path, "--host", "192.0.2.1")
    _out, warn = remote.communicate(timeout=WAIT_S)
    assert bad.returncode == 1
    assert "unknown fault 'explode'" in err
    assert "warning: listening on 192.0.2.1" in warn
    assert "cannot listen on 192.0.2.1" in warn
    assert remote.returncode == 1


def test_serve_on_a_damaged_database_says_so_before_printing_a_url(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "backend.sqlite3").write_bytes(b"this is not sqlite" * 100)
    proc = _serve(tmp_path)
    out, err = proc.communicate(timeout=WAIT_S)
    assert proc.returncode == 1
    assert out == ""
    assert err.startswith("error: the local backend's database ")
    assert "is damaged (file is not a database); move it away" in err
    assert "Traceback" not in err
    assert (tmp_path / "d" / "backend.sqlite3").read_bytes() == b"this is not sqlite" * 100


def test_serve_on_a_port_in_use_says_which_and_what_to_do(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.Popen(
            [sys.executable, "-m", "agent", "serve", "--port", str(port), "--data", str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        out, err = proc.communicate(timeout=WAIT_S)
    assert proc.returncode == 1
    assert out == ""
    assert err == (
        f"error: cannot listen on 127.0.0.1:{port}: Address already in use; "
        "choose another --host or --port (--port 0 takes any free port)\n"
    )


def test_serve_on_127_1_is_loopback_and_ctrl_c_stops_it_cleanly(tmp_path: Path) -> None:
    proc = _serve(tmp_path, "--host", "127.1")
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        url = line.split(" on ", 1)[1].split(" ", 1)[0]
        r = httpx.get(f"{url}/api/credits/balance/simple", timeout=WAIT_S)
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=WAIT_S)
    assert url.startswith("http://127.0.0.1:")
    assert r.status_code == 401
    assert "not loopback" not in err
    assert "Aborted!" not in err
    assert err.rstrip().endswith("nemo-agent local backend stopped")
    assert proc.returncode == 0


def _first_line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline()


def test_serve_listens_on_the_port_local_commands_use_for_its_data_folder(
    isolated_home: Path,
) -> None:
    from agent.config import Settings
    from agent.local.server.loopback import preferred_port

    data = Settings.from_env().state_dir / "local-backend"  # the default, as for --local
    proc = subprocess.Popen(
        [sys.executable, "-m", "agent", "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        line = _first_line(proc)
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=WAIT_S)
    assert line.startswith(f"nemo-agent local backend on http://127.0.0.1:{preferred_port(data)} ")
    assert f"(data: {data})" in line
    assert proc.returncode == 0, err


def test_serve_whose_own_port_is_taken_says_what_may_hold_it(tmp_path: Path) -> None:
    import socket

    from agent.local.server.loopback import preferred_port

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", preferred_port(tmp_path / "d")))
        taken.listen()
        proc = subprocess.Popen(
            [sys.executable, "-m", "agent", "serve", "--data", str(tmp_path / "d")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        out, err = proc.communicate(timeout=WAIT_S)
    assert proc.returncode == 1
    assert out == ""
    assert "Address already in use" in err
    assert "its own local backend serves this data folder on that port" in err
    assert "nemo-agent worker stop" in err
