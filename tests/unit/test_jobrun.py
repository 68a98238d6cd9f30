"""The thin client's side of a wait: progress lines under a fake clock, the wait it picks, and
what it prints for a finished or a still-running job."""

from __future__ import annotations

import io
import json

import pytest

from agent.cli.common import CommonOptions
from agent.cli.jobrun import HEARTBEAT_S, Heartbeat, print_wait, wait_seconds
from agent.config import Settings
from agent.worker.client import WaitResult
from agent.worker.protocol import Outcome
from tests.fakes import FakeClock

RUNNING = {
    "status": "running",
    "job_id": "job_1",
    "reply": "⏳ Still working. nemo-agent wait job_1",
    "language": "en",
    "actions": ["sse"],
    "files": [],
    "links": [],
    "session_id": "s",
    "error": None,
}


def _beat(clock: FakeClock, out: io.StringIO | None = None) -> tuple[Heartbeat, io.StringIO]:
    err = io.StringIO()
    return Heartbeat(err, out, "job_1", clock=clock), err


def test_backend_text_never_goes_to_stderr_with_json() -> None:
    beat, err = _beat(FakeClock())
    beat({"kind": "stream", "text": "Your clip is ready."})
    assert err.getvalue() == ""
    assert not beat.streamed


def test_status_lines_go_to_stderr_as_they_come() -> None:
    beat, err = _beat(FakeClock())
    beat({"kind": "status", "text": "Rendering: 40%"})
    assert err.getvalue() == "Rendering: 40%\n"


def test_a_quiet_wait_prints_a_line_at_least_every_20_seconds() -> None:
    clock = FakeClock()
    beat, err = _beat(clock)
    stamps = []
    for _ in range(60):  # the worker ticks every 5 s for five minutes
        clock.advance(5)
        before = err.getvalue()
        beat({"kind": "tick", "text": ""})
        if err.getvalue() != before:
            stamps.append(clock())
    gaps = [b - a for a, b in zip([clock() - 300, *stamps], stamps, strict=False)]
    assert stamps
    assert max(gaps) <= 20
    assert "Still working on job_1" in err.getvalue()


def test_ticks_right_after_a_status_line_print_nothing() -> None:
    clock = FakeClock()
    beat, err = _beat(clock)
    beat({"kind": "status", "text": "Generating"})
    clock.advance(HEARTBEAT_S - 1)
    beat({"kind": "tick", "text": ""})
    assert err.getvalue() == "Generating\n"


def test_backend_text_streams_to_stdout_in_plain_mode() -> None:
    out = io.StringIO()
    beat, err = _beat(FakeClock(), out)
    beat({"kind": "stream", "text": "Your clip is ready."})
    beat({"kind": "stream", "text": "Exporting."})
    assert out.getvalue() == "Your clip is ready.\n\nExporting.\n"
    assert err.getvalue() == ""
    assert beat.streamed


@pytest.mark.parametrize(
    ("json_", "wait", "detach", "expected"),
    [
        (True, None, False, 90.0),
        (False, None, False, None),
        (True, 8.0, False, 8.0),
        (False, 30.0, False, 30.0),
        (True, 8.0, True, 0.0),
    ],
)
def test_the_wait_is_detach_else_wait_else_90_with_json_else_until_done(
    json_: bool, wait: float | None, detach: bool, expected: float | None
) -> None:
    assert wait_seconds(CommonOptions(json=json_), wait, detach)(Settings()) == expected


def test_nemo_wait_changes_the_json_default() -> None:
    settings = Settings(default_wait=8)
    assert wait_seconds(CommonOptions(json=True), None, False)(settings) == 8.0


def test_a_running_job_prints_one_json_object_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    beat, _ = _beat(FakeClock())
    print_wait(CommonOptions(json=True), WaitResult("job_1", "running", RUNNING), beat, None)
    assert json.loads(capsys.readouterr().out) == RUNNING


def test_a_wait_ended_by_sigterm_still_prints_the_running_object_and_exits_143(
    capsys: pytest.CaptureFixture[str],
) -> None:
    beat, _ = _beat(FakeClock())
    with pytest.raises(SystemExit) as exit_:
        print_wait(CommonOptions(json=True), WaitResult("job_1", "running", RUNNING), beat, 15)
    assert exit_.value.code == 143
    assert json.loads(capsys.readouterr().out)["job_id"] == "job_1"


def test_plain_mode_prints_the_running_reply(capsys: pytest.CaptureFixture[str]) -> None:
    beat, _ = _beat(FakeClock())
    print_wait(CommonOptions(), WaitResult("job_1", "running", RUNNING), beat, None)
    assert capsys.readouterr().out == RUNNING["reply"] + "\n"


def test_a_finished_job_prints_its_outcome_with_its_exit_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = {**RUNNING, "status": "error", "error": {"code": "x", "message": "y"}}
    done = WaitResult("job_1", "error", data, Outcome(data, "whole reply", "rest", 1))
    beat, _ = _beat(FakeClock())
    with pytest.raises(SystemExit) as exit_:
        print_wait(CommonOptions(json=True), done, beat, None)
    assert exit_.value.code == 1
    assert json.loads(capsys.readouterr().out) == data
    with pytest.raises(SystemExit):
        print_wait(CommonOptions(), done, beat, None)
    assert capsys.readouterr().out == "whole reply\n"


def test_after_streaming_only_the_rest_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    beat, _ = _beat(FakeClock(), out)
    beat({"kind": "stream", "text": "streamed"})
    done = WaitResult("job_1", "ok", {"status": "ok"}, Outcome({"status": "ok"}, "all", "rest"))
    print_wait(CommonOptions(), done, beat, None)
    assert capsys.readouterr().out == "\nrest\n"


def test_an_error_line_goes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    data = {"status": "error", "error": {"code": "UserInputError", "message": "no"}}
    done = WaitResult("job_1", "error", data, Outcome(data, "error: no", "error: no", 1, True))
    beat, _ = _beat(FakeClock())
    with pytest.raises(SystemExit):
        print_wait(CommonOptions(), done, beat, None)
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "error: no\n")
