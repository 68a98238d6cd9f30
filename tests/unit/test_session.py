"""Sessions: persistence per API, `new`, renewal after 1002, claim and registration links."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import structlog.testing

from agent.errors import NotFoundError, SessionNotFoundError
from agent.models import ClaimToken, SessionInfo
from agent.session import (
    Outcome,
    SessionRecord,
    Sessions,
    SessionStore,
    claim_url,
    registration_url,
)
from tests.fakes import FakeClock


class FakeApi:
    """Hands out numbered sessions and records the create calls."""

    def __init__(self) -> None:
        self.created: list[tuple[str, str]] = []

    async def create_session(self, language: str, task_name: str = "project") -> SessionInfo:
        self.created.append((language, task_name))
        n = len(self.created)
        return SessionInfo(task_id=f"task_{n}", session_id=f"100{n}", user_id="anon_9")

    async def claim_token(self, task_id: str, session_id: str) -> ClaimToken:
        return ClaimToken(claim_token=f"clm_{task_id}_{session_id}")


def _sessions(path: Path, api: FakeApi, url: str = "https://api") -> Sessions:
    return Sessions(SessionStore(path, url), api, clock=FakeClock(50.0))


def test_first_call_creates_and_persists_a_session(tmp_path: Path) -> None:
    api = FakeApi()
    record = asyncio.run(_sessions(tmp_path / "s.json", api).current("zh-CN"))
    assert record == SessionRecord("task_1", "1001", "anon_9", "zh-CN", 50.0)
    again = asyncio.run(_sessions(tmp_path / "s.json", api).current("en"))
    assert again == record
    assert api.created == [("zh-CN", "project")]


def test_new_starts_another_session(tmp_path: Path) -> None:
    api = FakeApi()
    sessions = _sessions(tmp_path / "s.json", api)
    first = asyncio.run(sessions.current())
    second = asyncio.run(sessions.current(new=True))
    assert (first.session_id, second.session_id) == ("1001", "1002")
    assert asyncio.run(sessions.current()) == second


def test_sessions_are_kept_per_api_url(tmp_path: Path) -> None:
    api = FakeApi()
    cloud = asyncio.run(_sessions(tmp_path / "s.json", api, "https://cloud").current())
    local = asyncio.run(_sessions(tmp_path / "s.json", api, "http://127.0.0.1:8765").current())
    assert cloud != local
    assert asyncio.run(_sessions(tmp_path / "s.json", api, "https://cloud").current()) == cloud


def test_session_not_found_renews_once_and_flags_the_reset(tmp_path: Path) -> None:
    api = FakeApi()
    sessions = _sessions(tmp_path / "s.json", api)
    seen: list[str] = []

    async def op(record: SessionRecord) -> str:
        seen.append(record.session_id)
        if record.session_id == "1001":
            raise SessionNotFoundError("gone", code=1002)
        return "done"

    outcome = asyncio.run(sessions.run(op, "en"))
    assert outcome == Outcome(
        "done", SessionRecord("task_2", "1002", "anon_9", "en", 50.0, reset=True)
    )
    assert outcome.reset is True
    assert seen == ["1001", "1002"]
    assert asyncio.run(sessions.current()).reset is False


def test_other_errors_are_not_treated_as_a_lost_session(tmp_path: Path) -> None:
    async def op(record: SessionRecord) -> str:
        raise NotFoundError("missing", status_code=404)

    with pytest.raises(NotFoundError):
        asyncio.run(_sessions(tmp_path / "s.json", FakeApi()).run(op))


def test_corrupt_session_file_means_no_session(tmp_path: Path) -> None:
    (tmp_path / "s.json").write_text('{"https://api": {"task_id": 1}}', encoding="utf-8")
    assert SessionStore(tmp_path / "s.json", "https://api").load() is None


def test_claim_link_uses_the_claim_token(tmp_path: Path) -> None:
    sessions = _sessions(tmp_path / "s.json", FakeApi())
    record = asyncio.run(sessions.current())
    link = asyncio.run(sessions.claim_link(record, "https://nemovideo.com"))
    assert link == "https://nemovideo.com/workspace/claim?ct=clm_task_1_1001"


def test_links_are_built_from_the_web_url() -> None:
    assert claim_url("https://w.test/", "clm_a b") == "https://w.test/workspace/claim?ct=clm_a%20b"
    assert registration_url("https://w.test", "anon_1") == "https://w.test/register?bind=anon_1"


@pytest.mark.parametrize(
    "content",
    [b'{"https://api": {"session_id": "12', b"\xff\xfe\x00", b'["a list"]'],
    ids=["truncated", "not-utf8", "not-an-object"],
)
def test_an_unreadable_session_file_is_kept_aside_with_a_warning(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "session.json"
    path.write_bytes(content)
    store = SessionStore(path, "https://api")
    with structlog.testing.capture_logs() as logs:
        assert store.load() is None
    assert (tmp_path / "session.json.corrupt").read_bytes() == content
    assert not path.exists()
    assert [e["log_level"] for e in logs] == ["warning"]
    assert logs[0]["kept_as"] == str(tmp_path / "session.json.corrupt")
