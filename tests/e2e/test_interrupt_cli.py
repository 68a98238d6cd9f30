"""Ctrl-C as a terminal sends it (SIGINT to the whole foreground process group, render children
included) during plain-mode `--local` commands: exit 130, the one line `interrupted`, no
traceback, no `.part` file, no render child left; a second Ctrl-C ends the process at once.

Each command runs in its own session, so the test can signal its process group as a terminal
would. The signal is sent once the command has said `Rendering on this machine` on stderr (the
render waits `render_slow` seconds there, and stops as soon as it is cancelled). Each case runs a
few times: the races these tests guard against were timing-dependent.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, live_children

pytestmark = pytest.mark.e2e

WAIT_S = 120
"""A bound on each command and each wait: generous, as a loaded 2-core machine needs."""
PHOTO = FIXTURES / "media" / "harbor-small.png"
GENERATE = "turn this photo into a 5-second video"
RENDERING = "Rendering on this machine"
REPEATS = 3


class Command:
    """A `nemo-agent` command in its own session; stdout and stderr read as they come."""

    def __init__(self, *args: str, stdin: bool = False) -> None:
        self._watch(
            subprocess.Popen(  # inherits the isolated home and NEMO_WORKER=false
                [sys.executable, "-m", "agent", *args],
                stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
        )

    @classmethod
    def attach(cls, proc: subprocess.Popen[bytes]) -> Command:
        """Watch a process the test started itself (in its own session, stdout and stderr piped)."""
        command = cls.__new__(cls)
        command._watch(proc)
        return command

    def _watch(self, proc: subprocess.Popen[bytes]) -> None:
        self.proc = proc
        self.out: queue.Queue[bytes] = queue.Queue()
        self.err: queue.Queue[bytes] = queue.Queue()
        self._readers = [
            threading.Thread(target=_pump, args=(self.proc.stdout, self.out), daemon=True),
            threading.Thread(target=_pump, args=(self.proc.stderr, self.err), daemon=True),
        ]
        for reader in self._readers:
            reader.start()
        self.seen = {"out": b"", "err": b""}

    def wait_for(self, stream: str, text: str) -> None:
        """Block until `text` appeared on `stream` ("out" or "err")."""
        source = self.out if stream == "out" else self.err
        while text.encode() not in self.seen[stream]:
            chunk = source.get(timeout=WAIT_S)
            assert chunk, f"{stream} ended before {text!r}: {self.seen[stream].decode()[-2000:]}"
            self.seen[stream] += chunk

    def ctrl_c(self) -> None:
        """What a terminal does on Ctrl-C: SIGINT to the foreground process group."""
        self.signal(signal.SIGINT)

    def signal(self, signum: signal.Signals) -> None:
        """`signum` to the command's process group."""
        os.killpg(self.proc.pid, signum)

    def finish(self) -> tuple[int, str, str]:
        """Wait for the exit; its code, stdout and stderr (a command still running after
        `WAIT_S` is killed and the test fails with what it said on stderr)."""
        try:
            code: int | None = self.proc.wait(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            code = None
            # where it hangs: PYTHONFAULTHANDLER (tests/conftest.py) prints each thread's stack
            os.kill(self.proc.pid, signal.SIGABRT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=WAIT_S)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            for reader in self._readers:
                reader.join(timeout=WAIT_S)
            for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                if pipe is not None:
                    pipe.close()
        out, err = self._drain("out"), self._drain("err")
        if code is None:
            pytest.fail(f"still running after {WAIT_S} s; stderr: {err[-3000:]}")
        return code, out, err

    def _drain(self, stream: str) -> str:
        source = self.out if stream == "out" else self.err
        while not source.empty():
            self.seen[stream] += source.get_nowait()
        return self.seen[stream].decode("utf-8", "replace")


def _pump(pipe: object, into: queue.Queue[bytes]) -> None:
    read = pipe.read1  # type: ignore[attr-defined]
    while chunk := read(65536):
        into.put(chunk)
    into.put(b"")


def _poll(done: Callable[[], bool], what: str) -> None:
    """Wait for a state (never a timing assertion: the bound is only a safety net)."""
    event = threading.Event()
    for _ in range(WAIT_S * 10):
        if done():
            return
        event.wait(0.1)
    pytest.fail(f"still waiting for {what}")


def _assert_interrupted(code: int, err: str, out_dir: Path, home: Path) -> None:
    assert code == 130, err[-3000:]
    assert "Traceback" not in err, err
    assert "Task exception" not in err, err
    assert err.rstrip().endswith("interrupted"), err[-3000:]
    assert not [p.name for p in out_dir.rglob("*.part*")]
    _poll(lambda: not live_children(home), "the render children to exit")


def _turn(out: Path) -> tuple[str, ...]:
    return ("turn", "--local", "-o", str(out), "--attach", str(PHOTO), GENERATE)


def _project(out: Path) -> None:
    """A local project with a clip, for `export`."""
    done = subprocess.run(
        [sys.executable, "-m", "agent", *_turn(out)],
        capture_output=True,
        timeout=WAIT_S * 3,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]


def _ctrl_c_while_rendering(args: tuple[str, ...], presses: int) -> tuple[int, str, str]:
    """Start `nemo-agent ARGS` with a slow render, press Ctrl-C `presses` times once it renders."""
    command = Command(*args)
    command.wait_for("err", RENDERING)
    for _ in range(presses):
        command.ctrl_c()
    return command.finish()


@pytest.mark.parametrize("attempt", range(REPEATS))
@pytest.mark.parametrize("presses", [1, 2], ids=["once", "twice"])
def test_ctrl_c_during_a_plain_local_turn(
    tmp_path: Path,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    presses: int,
    attempt: int,
) -> None:
    out = tmp_path / "out"
    monkeypatch.setenv("NEMO_FAULTS", "render_slow=600")
    code, stdout, err = _ctrl_c_while_rendering(_turn(out), presses)
    _assert_interrupted(code, err, out, isolated_home)
    assert "Video ready" not in stdout


@pytest.mark.parametrize("attempt", range(REPEATS))
@pytest.mark.parametrize("presses", [1, 2], ids=["once", "twice"])
def test_ctrl_c_during_a_plain_local_export(
    tmp_path: Path,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    presses: int,
    attempt: int,
) -> None:
    out = tmp_path / "out"
    _project(tmp_path / "first")
    monkeypatch.setenv("NEMO_FAULTS", "render_slow=600")
    export = ("export", "--local", "-o", str(out / "video.mp4"))
    code, _stdout, err = _ctrl_c_while_rendering(export, presses)
    _assert_interrupted(code, err, out, isolated_home)
    assert not (out / "video.mp4").exists()


@pytest.mark.parametrize("attempt", range(REPEATS))
def test_ctrl_c_at_the_chat_prompt_quits_without_waiting_for_a_line(
    tmp_path: Path, isolated_home: Path, attempt: int
) -> None:
    command = Command("chat", "--local", stdin=True)  # stdin stays open: no line ever comes
    command.wait_for("out", "›")  # the prompt
    command.ctrl_c()
    code, _stdout, err = command.finish()
    _assert_interrupted(code, err, tmp_path / "nothing-written-here", isolated_home)


@pytest.mark.parametrize("attempt", range(REPEATS))
@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("route", "--jsonl", "--no-llm"), {"text": "export it"}),
        (("translate", "--jsonl", "--no-llm"), {"text": "Click Export to get the MP4."}),
    ],
    ids=["route", "translate"],
)
def test_ctrl_c_while_jsonl_waits_for_its_next_line(
    tmp_path: Path, isolated_home: Path, args: tuple[str, ...], line: dict[str, str], attempt: int
) -> None:
    command = Command(*args, stdin=True)  # stdin stays open: the next line never comes
    assert command.proc.stdin is not None
    command.proc.stdin.write((json.dumps(line) + "\n").encode())
    command.proc.stdin.flush()
    command.wait_for("out", "\n")  # its record is out: it is reading the next line
    command.ctrl_c()
    code, stdout, err = command.finish()
    _assert_interrupted(code, err, tmp_path / "nothing-written-here", isolated_home)
    assert len(stdout.splitlines()) == 1
    assert "error" not in json.loads(stdout)
