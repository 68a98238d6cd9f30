"""Jobs that outlive the command: the worker over real processes and loopback sockets.

Every command runs as a real `nemo-agent` process; the worker is the real detached process; the
backend is the real local backend over loopback, counting the requests it gets. Renders are held
at a gate so the tests can kill the command or the worker mid-render; every wait is a poll on a
condition with a generous bound.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from tests.worker_support import (
    GENERATE,
    PHOTO,
    RENDER_SUBMIT,
    RUN_SSE,
    WorkerWorld,
    kill,
    poll,
    worker_world,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

__all__ = ["worker_world"]  # the fixture, imported for pytest

TURN = ("turn", "--json", "--attach", str(PHOTO), GENERATE)


def _mp4(data: dict[str, object]) -> Path:
    files = data["files"]
    assert isinstance(files, list), data
    assert len(files) == 1, data
    path = Path(str(files[0]))
    assert path.suffix == ".mp4"
    assert path.stat().st_size > 10_000
    return path


def _running_job(world: WorkerWorld) -> str:
    rows = poll(lambda: [r for r in world.jobs() if r["status"] == "running"], "a running job")
    return str(rows[0]["job_id"])


def test_turn_wait_0_answers_running_at_once_and_wait_returns_the_mp4(
    worker_world: WorkerWorld,
) -> None:
    first = worker_world.json(*TURN[:2], "--wait", "0", *TURN[2:])
    assert first["status"] == "running"
    assert set(first) == {
        "status",
        "job_id",
        "reply",
        "language",
        "actions",
        "files",
        "file_info",
        "links",
        "session_id",
        "error",
        "skill",
    }
    assert f"nemo-agent wait {first['job_id']}" in first["reply"]
    worker_world.gate.release()
    done = worker_world.json("wait", str(first["job_id"]), "--json", "--wait", "120")
    assert done["status"] == "ok", done
    assert done["actions"] == ["upload", "sse", "state", "export"]
    assert _mp4(done).parent == worker_world.out
    assert worker_world.count(RUN_SSE) == 1


def test_kill_9_of_the_command_mid_turn_leaves_the_job_running_to_the_mp4(
    worker_world: WorkerWorld,
) -> None:
    command = worker_world.start(*TURN)
    poll(worker_world.gate.started.is_set, "the render to start")
    job_id = _running_job(worker_world)
    kill(command.pid)
    command.communicate(timeout=30)
    worker_world.gate.release()
    done = worker_world.json("wait", job_id, "--json", "--wait", "120")
    assert done["status"] == "ok", done
    _mp4(done)
    assert (worker_world.count(RUN_SSE), worker_world.count(RENDER_SUBMIT)) == (1, 1)


def test_kill_9_of_the_worker_mid_render_resumes_without_posting_or_rendering_again(
    worker_world: WorkerWorld,
) -> None:
    first = worker_world.json(*TURN[:2], "--detach", *TURN[2:])
    poll(worker_world.gate.started.is_set, "the render to start")
    pid = worker_world.worker_pid()
    assert pid is not None
    kill(pid)
    poll(lambda: worker_world.worker_pid() is None, "the killed worker to be gone")
    worker_world.gate.release()
    done = worker_world.json("wait", str(first["job_id"]), "--json", "--wait", "120")
    assert done["status"] == "ok", done
    _mp4(done)
    assert worker_world.count(RUN_SSE) == 1
    assert worker_world.count(RENDER_SUBMIT) == 1
    assert worker_world.gate.renders == 1
    [row] = [r for r in worker_world.jobs() if r["job_id"] == first["job_id"]]
    assert row["status"] == "ok"
    assert not [p for p in worker_world.out.iterdir() if p.name.endswith(".part")]


def test_sigterm_during_turn_json_wait_60_prints_one_running_object(
    worker_world: WorkerWorld,
) -> None:
    command = worker_world.start(*TURN[:2], "--wait", "60", *TURN[2:])
    poll(worker_world.gate.started.is_set, "the render to start")
    command.send_signal(signal.SIGTERM)
    out, err = command.communicate(timeout=30)
    assert command.returncode == 143, err
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    data = json.loads(lines[0])
    assert data["status"] == "running"
    assert data["actions"][:2] == ["upload", "sse"]
    assert "Traceback" not in err
    worker_world.gate.release()
    done = worker_world.json("wait", data["job_id"], "--json", "--wait", "120")
    assert done["status"] == "ok", done


def test_the_same_turn_id_twice_is_one_job_and_one_post(worker_world: WorkerWorld) -> None:
    args = (*TURN[:2], "--detach", "--turn-id", "host-turn-1", *TURN[2:])
    first = worker_world.json(*args)
    again = worker_world.json(*args)
    assert first["job_id"] == again["job_id"]
    worker_world.gate.release()
    done = worker_world.json("wait", first["job_id"], "--json", "--wait", "120")
    repeat = worker_world.json(*args)  # after it finished: the same result, nothing re-sent
    assert done["status"] == repeat["status"] == "ok"
    assert repeat["files"] == done["files"]
    assert [r["turn_id"] for r in worker_world.jobs()] == ["host-turn-1"]
    assert worker_world.count(RUN_SSE) == 1


def test_two_waiters_on_one_job_both_get_the_result(worker_world: WorkerWorld) -> None:
    first = worker_world.json(*TURN[:2], "--detach", *TURN[2:])
    poll(worker_world.gate.started.is_set, "the render to start")
    waiters = [
        worker_world.start("wait", first["job_id"], "--json", "--wait", "120") for _ in range(2)
    ]
    worker_world.gate.release()
    results = [json.loads(w.communicate(timeout=150)[0]) for w in waiters]
    assert [r["status"] for r in results] == ["ok", "ok"]
    assert results[0]["files"] == results[1]["files"]
    _mp4(results[0])
