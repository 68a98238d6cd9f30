"""The interruption policy in the commands that are not client commands, as real processes:
`mcp`, `serve` and `install` (`translate` and `route` read stdin: test_interrupt_cli.py).

Each signal is sent once the command has said it reached the state under test (an answer on
stdout, a line on stderr), never after a sleep.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.e2e.test_interrupt_cli import WAIT_S, Command

pytestmark = pytest.mark.e2e

SIGNALS = [(signal.SIGINT, 130), (signal.SIGTERM, 143)]


def _assert_stopped(code: int, err: str, expected: int) -> None:
    assert code == expected, err[-3000:]
    assert "Traceback" not in err, err
    assert "Aborted!" not in err, err
    assert err.rstrip().endswith("interrupted"), err[-3000:]


@pytest.mark.parametrize(("signum", "expected"), SIGNALS, ids=["sigint", "sigterm"])
def test_mcp_waiting_for_the_hosts_next_message_stops_at_the_first_signal(
    isolated_home: Path, signum: signal.Signals, expected: int
) -> None:
    command = Command("mcp", stdin=True)
    hello = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "test", "version": "0"},
        },
    }
    assert command.proc.stdin is not None
    command.proc.stdin.write((json.dumps(hello) + "\n").encode())
    command.proc.stdin.flush()
    command.wait_for("out", '"id":1')  # answered: now it waits on stdin, which stays open
    command.signal(signum)
    code, _out, err = command.finish()
    _assert_stopped(code, err, expected)


def test_a_second_ctrl_c_while_serve_waits_for_a_request_ends_it_at_once(tmp_path: Path) -> None:
    command = Command("serve", "--port", "0", "--data", str(tmp_path / "d"))
    command.wait_for("out", "use it with:")
    url = command.seen["out"].decode().split(" on ", 1)[1].split(" ", 1)[0]
    host, port = url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=WAIT_S) as held:
        # A request whose body never comes: the graceful stop waits for it (up to 30 s). The
        # server says `100 Continue` once the app reads the body: the request is under way.
        held.sendall(
            b"POST /api/auth/anonymous-token HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
            b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
        )
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = held.recv(4096)
            assert chunk, answer
            answer += chunk
        assert answer.startswith(b"HTTP/1.1 100 "), answer
        command.ctrl_c()
        command.wait_for("err", "Waiting for connections to close")
        command.ctrl_c()
        code, _out, err = command.finish()
    _assert_stopped(code, err, 130)
    assert "nemo-agent local backend stopped" not in err


_INSTALL = textwrap.dedent(
    """
    import os, sys
    import agent.hosts.install as install
    from agent.cli import main

    apply_step = install._apply_step

    def one_step_then_hold(step):
        apply_step(step)
        os.write(2, b"step applied\\n")
        os.read(0, 1)  # held until the test, having pressed Ctrl-C, lets it go on

    install._apply_step = one_step_then_hold
    main(sys.argv[1:])
    """
)


def test_ctrl_c_during_install_finishes_the_step_being_written_and_starts_no_other(
    isolated_home: Path,
) -> None:
    args = ["install", "--host", "agents", "--host", "claude", "--mcp", "--json"]
    proc = subprocess.Popen(
        [sys.executable, "-c", _INSTALL, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    command = Command.attach(proc)
    command.wait_for("err", "step applied")
    command.ctrl_c()
    assert proc.stdin is not None
    proc.stdin.write(b"\n")
    proc.stdin.flush()
    code, out, err = command.finish()
    _assert_stopped(code, err, 130)
    report = json.loads(out)
    assert report["error"]["code"] == "interrupted"
    assert len(report["steps"]) == 1
    assert err.count("step applied") == 1
    undo = subprocess.run(
        [sys.executable, "-m", "agent", *args[:-1]],
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=False,
    )
    assert undo.returncode == 0, undo.stderr  # the rest installs on a rerun
