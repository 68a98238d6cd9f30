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
    assert done["actions"] == ["upload", "sse", "state", "export"]
    assert "harbor.jpg" in done["reply"]  # the earlier attempt's replies are kept
    assert "✅ Video ready" in done["reply"]
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
    assert f"nemo-agent wait {data['job_id']}" in data["reply"]
    assert "Traceback" not in err
    worker_world.gate.release()
    done = worker_world.json("wait", data["job_id"], "--json", "--wait", "120")
    assert done["status"] == "ok", done


def test_ctrl_c_twice_during_turn_json_still_prints_one_running_object(
    worker_world: WorkerWorld,
) -> None:
    command = worker_world.start(*TURN[:2], "--wait", "60", *TURN[2:])
    poll(worker_world.gate.started.is_set, "the render to start")
    command.send_signal(signal.SIGINT)
    command.send_signal(signal.SIGINT)  # the second one ends the command at once
    out, err = command.communicate(timeout=30)
    assert command.returncode == 130, err
    [line] = out.strip().splitlines()
    data = json.loads(line)
    assert data["status"] == "running"
    assert f"nemo-agent wait {data['job_id']}" in data["reply"]
    assert "Traceback" not in err
    worker_world.gate.release()
    done = worker_world.json("wait", data["job_id"], "--json", "--wait", "120")
    assert done["status"] == "ok", done  # the job went on in the worker


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


def test_cancel_stops_a_running_job_and_wait_reports_it_cancelled(
    worker_world: WorkerWorld,
) -> None:
    first = worker_world.json(*TURN[:2], "--detach", *TURN[2:])
    poll(worker_world.gate.started.is_set, "the render to start")
    answer = worker_world.json("cancel", first["job_id"], "--json")
    assert (answer["status"], answer["job_status"]) == ("ok", "cancelling")
    done = worker_world.run("wait", first["job_id"], "--json", "--wait", "120")
    data = json.loads(done.stdout)
    assert done.returncode == 1
    assert data["status"] == "error"
    assert data["error"]["code"] == "cancelled"
    assert data["actions"][:2] == ["upload", "sse"]
    assert [r["status"] for r in worker_world.jobs()] == ["cancelled"]


def test_the_worker_exits_by_itself_when_idle(worker_world: WorkerWorld) -> None:
    from agent.worker.ledger import Ledger

    worker_world.env["NEMO_WORKER_IDLE"] = "1"
    assert worker_world.json("credits", "--json")["status"] == "ok"
    ledger = Ledger(worker_world.state_dir / "worker" / "jobs.db")
    assert [j.kind for j in ledger.recent()] == ["credits"]  # it ran in a worker
    ledger.close()
    poll(lambda: worker_world.worker_pid() is None, "the idle worker to exit")
    status = worker_world.json("worker", "status", "--json")
    assert status == {"status": "ok", "running": False}


def test_a_retired_worker_finishes_its_job_while_a_new_one_takes_over(
    worker_world: WorkerWorld,
) -> None:
    import asyncio

    from agent.config import Settings
    from agent.worker.client import WorkerClient

    first = worker_world.json(*TURN[:2], "--detach", *TURN[2:])
    poll(worker_world.gate.started.is_set, "the render to start")
    queued = worker_world.json("turn", "--json", "--detach", "add a title 'Night Harbor'")
    old = worker_world.worker_pid()
    client = WorkerClient(Settings.from_env(worker_world.env))
    assert asyncio.run(client._ask({"op": "retire"}))["ok"]  # what a client of another version does
    waiter = worker_world.start("wait", queued["job_id"], "--json", "--wait", "120")
    assert worker_world.json("credits", "--json")["status"] == "ok"  # served by a new worker
    new = worker_world.worker_pid()
    assert new not in (None, old)
    worker_world.gate.release()
    done = worker_world.json("wait", first["job_id"], "--json", "--wait", "120")
    assert done["status"] == "ok", done
    after = json.loads(waiter.communicate(timeout=150)[0])  # run by the new worker
    assert after["status"] == "ok", after
    assert "Night Harbor" in after["reply"]
    from agent.worker.housekeeping import owner_alive

    poll(lambda: not owner_alive(old), "the retired worker to exit")
    assert worker_world.count(RUN_SSE) == 2  # one per job, none twice
    assert worker_world.count(RENDER_SUBMIT) == 1  # the title edit exports nothing


def test_chat_runs_its_turns_in_the_worker_and_ctrl_c_detaches_from_the_job(
    worker_world: WorkerWorld,
) -> None:
    chat = worker_world.start("chat")
    assert chat.stdin is not None
    chat.stdin.write(f"{GENERATE} {PHOTO}\n")
    chat.stdin.flush()
    poll(worker_world.gate.started.is_set, "the render to start")
    job_id = _running_job(worker_world)
    chat.send_signal(signal.SIGINT)
    chat.stdin.write("/quit\n")
    chat.stdin.flush()
    out, err = chat.communicate(timeout=60)
    assert chat.returncode == 0, err
    assert f"nemo-agent wait {job_id}" in out
    worker_world.gate.release()
    done = worker_world.json("wait", job_id, "--json", "--wait", "120")
    assert done["status"] == "ok", done
    _mp4(done)


def test_the_client_api_a_host_uses(
    worker_world: WorkerWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from agent.config import Settings
    from agent.worker.client import WorkerClient
    from agent.worker.protocol import JobRequest

    events: list[dict[str, object]] = []

    async def progress(event: dict[str, object]) -> None:
        events.append(event)
        worker_world.gate.release()  # the render goes on once someone is listening

    async def scenario() -> None:
        client = WorkerClient(Settings.from_env(worker_world.env))
        assert await client.status() is None
        assert not await client.stop()
        turn = JobRequest("turn", text=GENERATE, attachments=(str(PHOTO),), turn_id="mcp-1")
        job_id = await client.submit(turn)
        assert await client.submit(JobRequest("turn", text="again", turn_id="mcp-1")) == job_id
        poll(worker_world.gate.started.is_set, "the render to start")
        running = await client.wait(job_id, 0)
        assert (running["status"], running["job_id"]) == ("running", job_id)
        done = await client.wait(job_id, 120, on_progress=progress)
        assert done["status"] == "ok", done
        assert Path(done["files"][0]).parent == worker_world.out  # the client's cwd
        assert any(e["kind"] == "status" for e in events)
        [row] = await client.jobs()
        assert (row["job_id"], row["turn_id"], row["status"]) == (job_id, "mcp-1", "ok")
        status = await client.status()
        assert status is not None
        assert status["running"] == []
        assert await client.stop()

    monkeypatch.chdir(worker_world.out)
    asyncio.run(scenario())
    poll(lambda: worker_world.worker_pid() is None, "the stopped worker to exit")
    assert worker_world.count(RUN_SSE) == 1


def test_the_worker_is_detached_from_the_command_that_started_it(
    worker_world: WorkerWorld,
) -> None:
    import os

    done = worker_world.run("credits", "--json")  # returns only once stdout/stderr are closed
    assert json.loads(done.stdout)["status"] == "ok"
    pid = worker_world.worker_pid()
    assert pid is not None
    assert os.getsid(pid) != os.getsid(0)
    fds = {n: os.readlink(f"/proc/{pid}/fd/{n}") for n in (0, 1, 2)}
    assert fds[0] == "/dev/null"
    assert fds[1] == fds[2] == str(worker_world.state_dir / "worker" / "worker.log")
