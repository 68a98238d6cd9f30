"""The job ledger (real SQLite in a temp dir), the wire shapes and the job views."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from agent.config import Settings
from agent.templates import Templates
from agent.worker.housekeeping import owner_alive, remove_stale_parts
from agent.worker.ledger import Ledger
from agent.worker.live import LiveJob
from agent.worker.paths import WorkerPaths
from agent.worker.protocol import (
    JobRequest,
    Outcome,
    decode,
    encode,
    settings_from_wire,
    settings_to_wire,
)
from agent.worker.views import cancelled_outcome, job_row, running_view
from tests.fakes import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ledger(tmp_path: Path, clock: FakeClock) -> Ledger:
    book = Ledger(tmp_path / "jobs.db", clock=clock)
    yield book
    book.close()


def _turn(text: str = "add music", turn_id: str | None = None) -> JobRequest:
    return JobRequest("turn", text=text, turn_id=turn_id, settings={"token": "t-secret"})


def test_a_submitted_job_is_queued_with_its_turn_id_before_anything_runs(ledger: Ledger) -> None:
    job, new = ledger.submit(_turn(turn_id="host-1"), "en")
    assert new
    assert (job.status, job.turn_id, job.kind, job.text) == (
        "queued",
        "host-1",
        "turn",
        "add music",
    )
    assert job.id.startswith("job_")
    assert ledger.unfinished() == [job]


def test_a_job_without_a_turn_id_gets_its_own_id_as_turn_id(ledger: Ledger) -> None:
    job, _ = ledger.submit(_turn(), "en")
    assert job.turn_id == job.id


def test_the_same_turn_id_again_attaches_to_the_first_job(ledger: Ledger) -> None:
    first, _ = ledger.submit(_turn("one", turn_id="t"), "en")
    again, new = ledger.submit(_turn("two", turn_id="t"), "en")
    assert not new
    assert again.id == first.id
    assert again.text == "one"
    assert len(ledger.recent()) == 1


def test_get_finds_a_job_by_its_id_or_its_turn_id(ledger: Ledger) -> None:
    job, _ = ledger.submit(_turn(turn_id="mine"), "en")
    assert ledger.get(job.id) == ledger.get("mine") == job
    assert ledger.get("job_missing") is None


def test_secrets_never_reach_the_ledger_file(ledger: Ledger, tmp_path: Path) -> None:
    job, _ = ledger.submit(_turn(), "en")
    assert job.request.settings == {}
    ledger.close()
    assert b"t-secret" not in (tmp_path / "jobs.db").read_bytes()


def test_a_job_records_its_session_post_steps_progress_and_outcome(
    ledger: Ledger, clock: FakeClock
) -> None:
    job, _ = ledger.submit(_turn(), "zh")
    ledger.claim(job.id, owner=4242)
    ledger.opened(job.id, "sess-1")
    ledger.posting(job.id, {"session_id": "sess-1", "state": {"draft": {}}})
    ledger.step(job.id, ["sse"], {"done": ["sse"], "queue": ["export"]})
    clock.advance(5)
    ledger.progress(job.id, "Rendering: 40%")
    running = ledger.get(job.id)
    assert running is not None
    assert (running.status, running.owner, running.attempts) == ("running", 4242, 1)
    assert running.session_id == "sess-1"
    assert running.posted == {"session_id": "sess-1", "state": {"draft": {}}}
    assert running.actions == ("sse",)
    assert running.earlier == {"done": ["sse"], "queue": ["export"]}
    assert running.progress == "Rendering: 40%"
    assert running.updated == running.created + 5
    ledger.finish(job.id, "ok", Outcome({"status": "ok", "files": ["/a.mp4"]}, "done", "", 0))
    done = ledger.get(job.id)
    assert done is not None
    assert done.finished
    assert done.outcome == Outcome({"status": "ok", "files": ["/a.mp4"]}, "done", "", 0)
    assert ledger.unfinished() == []


def test_a_second_claim_counts_another_attempt(ledger: Ledger) -> None:
    job, _ = ledger.submit(_turn(), "en")
    ledger.claim(job.id, owner=1)
    ledger.claim(job.id, owner=2)
    again = ledger.get(job.id)
    assert again is not None
    assert (again.owner, again.attempts) == (2, 2)


def test_recent_lists_newest_first_and_unfinished_oldest_first(
    ledger: Ledger, clock: FakeClock
) -> None:
    ids = []
    for n in range(3):
        ids.append(ledger.submit(_turn(f"t{n}"), "en")[0].id)
        clock.advance(1)
    assert [j.id for j in ledger.recent()] == ids[::-1]
    assert [j.id for j in ledger.recent(limit=2)] == ids[:0:-1]
    assert [j.id for j in ledger.unfinished()] == ids


def test_two_ledgers_on_one_file_see_each_others_writes(tmp_path: Path) -> None:
    one, two = Ledger(tmp_path / "j.db"), Ledger(tmp_path / "j.db")
    job, _ = one.submit(_turn(turn_id="x"), "en")
    assert two.get("x") == job
    one.close()
    two.close()


def test_job_requests_and_outcomes_survive_the_wire() -> None:
    request = JobRequest(
        "export",
        attachments=("/a.png",),
        new=True,
        local=True,
        lang="zh",
        output_dir="/out",
        export_name="v.mp4",
        turn_id="t",
        cwd="/w",
        settings={"api_url": "http://127.0.0.1:1"},
    )
    assert JobRequest.from_wire(decode(encode(request.to_wire()))) == request
    outcome = Outcome({"status": "error"}, "error: x", "error: x", 1, error_line=True)
    assert Outcome.from_wire(decode(encode(outcome.to_wire()))) == outcome
    with pytest.raises(ValueError, match="unknown job kind"):
        JobRequest.from_wire({"kind": "rm -rf"})


def test_settings_cross_the_wire_and_the_ledger_copy_takes_secrets_from_the_worker(
    env: dict[str, str],
) -> None:
    client = Settings.from_env({**env, "NEMO_TOKEN": "t-client", "NEMO_BACKEND": "local"})
    assert settings_from_wire(settings_to_wire(client), Settings()) == client
    stored = settings_to_wire(client, secrets=False)
    assert "token" not in stored
    worker = Settings.from_env({**env, "NEMO_TOKEN": "t-worker"})
    resumed = settings_from_wire(stored, worker)
    assert (resumed.token, resumed.backend, resumed.state_dir) == (
        "t-worker",
        "local",
        client.state_dir,
    )


def test_the_running_view_has_turn_json_keys_and_says_how_to_continue(ledger: Ledger) -> None:
    job, _ = ledger.submit(_turn("加上背景音乐"), "zh")
    live = LiveJob(job.id, session_id="s-9", actions=("upload", "sse"))
    live.emit("status", "渲染中 40%")
    view = running_view(job, live, Templates())
    assert view["status"] == "running"
    assert view["job_id"] == job.id
    assert (view["language"], view["session_id"]) == ("zh", "s-9")
    assert view["actions"] == ["upload", "sse"]
    assert (view["files"], view["links"], view["error"]) == ([], [], None)
    assert "渲染中 40%" in view["reply"]
    assert f"nemo-agent wait {job.id}" in view["reply"]


def test_a_queued_job_says_it_is_queued(ledger: Ledger) -> None:
    job, _ = ledger.submit(_turn(), "en")
    assert "Queued" in running_view(job, None, Templates())["reply"]


def test_a_cancelled_job_keeps_the_turn_shape_with_a_cancelled_error(ledger: Ledger) -> None:
    job, _ = ledger.submit(_turn(), "en")
    outcome = cancelled_outcome(job, Templates())
    assert outcome.exit_code == 1
    assert outcome.data["status"] == "error"
    assert outcome.data["error"]["code"] == "cancelled"
    assert job.id in outcome.text


def test_a_jobs_row_lists_files_and_the_error(ledger: Ledger, clock: FakeClock) -> None:
    job, _ = ledger.submit(JobRequest("export"), "en")
    error = {"code": "render", "message": "encoder failed"}
    ledger.finish(job.id, "error", Outcome({"path": "/o/v.mp4", "files": [], "error": error}))
    finished = ledger.get(job.id)
    assert finished is not None
    row = job_row(finished, "/log", now=clock() + 30)
    assert (row["status"], row["files"], row["error"], row["age"]) == (
        "error",
        ["/o/v.mp4"],
        error,
        30.0,
    )


def test_stale_part_files_of_killed_downloads_are_removed_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".harbor-1.mp4.0123456789ab.part"
    keep = [out / "harbor-1.mp4", out / ".hidden", out / "x.part"]
    for path in (stale, *keep):
        path.write_bytes(b"x")
    assert remove_stale_parts(out) == [stale]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in keep)
    assert remove_stale_parts(tmp_path / "missing") == []


def test_owner_alive_knows_this_process_and_a_finished_one() -> None:
    assert owner_alive(os.getpid())
    assert not owner_alive(None)
    assert not owner_alive(2**22 + 12345)  # above the default pid_max


def test_the_socket_moves_to_a_private_temp_dir_when_the_path_is_too_long(tmp_path: Path) -> None:
    short = WorkerPaths(tmp_path / "s")
    assert short.socket == tmp_path / "s" / "worker" / "worker.sock"
    deep = WorkerPaths(tmp_path / ("d" * 120))
    assert len(os.fsencode(deep.socket)) <= 100
    assert deep.socket.parent.name == f"nemo-agent-{os.getuid()}"
    deep.prepare()
    assert (deep.root.stat().st_mode & 0o777, deep.socket.parent.stat().st_mode & 0o777) == (
        0o700,
        0o700,
    )
