"""A background job's journal: a render id is kept before it is submitted, so an export that broke
during the download (or whose worker died) downloads that render again instead of rendering anew;
a resumed turn never posts its message again and goes on from the step it reached."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from agent.config import Settings
from agent.handlers.base import Earlier
from agent.render_record import PendingRenders
from tests.engine_support import scripted_engine
from tests.fakes import CDN_PATH, DRAFT, MP4, SID, SUBMIT, ApiScript, json_response

pytestmark = pytest.mark.integration


@dataclass
class MemoryJournal:
    """The engine's `Journal`, kept in memory (the worker's is the SQLite ledger)."""

    before: dict[str, Any] | None = None
    last: Earlier | None = None
    resume_from: Earlier | None = None
    sessions: list[str] = field(default_factory=list)
    posts: int = 0

    def opened(self, session_id: str) -> None:
        self.sessions.append(session_id)

    def posting(self, before: dict[str, Any]) -> None:
        self.posts += 1
        self.before = before

    def posted(self) -> dict[str, Any] | None:
        return self.before if self.resume_from is not None else None

    def step(self, progress: Earlier) -> None:
        self.last = progress

    def earlier(self) -> Earlier | None:
        return self.resume_from

    def resume(self) -> None:
        """What a new attempt of the job sees."""
        self.resume_from = self.last


@dataclass
class Downloads:
    """The MP4 downloads fail while `broken`."""

    broken: bool = True

    def __call__(self, _request: httpx.Request) -> httpx.Response:
        return httpx.Response(500) if self.broken else httpx.Response(200, content=MP4)


def _submits(script: ApiScript) -> int:
    return script.paths().count(f"POST {SUBMIT}")


async def test_an_export_whose_download_broke_downloads_the_same_render_again(
    settings: Settings, tmp_path: Path
) -> None:
    downloads = Downloads()
    script = ApiScript().on("POST", SUBMIT, json_response("render-submit"))
    script.on("GET", f"{SUBMIT}/*", json_response("render-a-completed"))
    script.on("GET", CDN_PATH, downloads)
    script.on("GET", "/api/render/proxy/*", downloads)
    script.on("GET", f"/api/state/nemo_agent/me/{SID}/latest", json_response("state"))
    journal = MemoryJournal()
    async with scripted_engine(settings, script, tmp_path) as (engine, _progress, _sleep):
        engine.journal = journal
        broken = await engine.run_turn("export the mp4")
        kept = PendingRenders.in_state_dir(settings.state_dir).find(SID, DRAFT)
        downloads.broken = False
        journal.resume()
        delivered = await engine.run_turn("export the mp4")
    assert broken.error is not None
    assert kept is not None  # recorded before it was submitted
    assert delivered.ok, delivered.reply
    assert len(delivered.files) == 1
    assert Path(delivered.files[0]).stat().st_size == len(MP4)  # noqa: ASYNC240
    assert _submits(script) == 1
    assert PendingRenders.in_state_dir(settings.state_dir).find(SID, DRAFT) is None


async def test_without_a_journal_the_render_id_is_not_recorded_up_front(
    settings: Settings, tmp_path: Path
) -> None:
    downloads = Downloads()
    script = ApiScript().on("POST", SUBMIT, json_response("render-submit"))
    script.on("GET", f"{SUBMIT}/*", json_response("render-a-completed"))
    script.on("GET", CDN_PATH, downloads)
    script.on("GET", "/api/render/proxy/*", downloads)
    script.on("GET", f"/api/state/nemo_agent/me/{SID}/latest", json_response("state"))
    async with scripted_engine(settings, script, tmp_path) as (engine, _progress, _sleep):
        broken = await engine.run_turn("export the mp4")
    assert broken.error is not None
    assert PendingRenders.in_state_dir(settings.state_dir).find(SID, DRAFT) is None


def _journal_steps(journal: MemoryJournal) -> Sequence[str]:
    return journal.last.done if journal.last is not None else ()


async def test_a_resumed_turn_reads_state_instead_of_posting_and_runs_what_was_left(
    settings: Settings, tmp_path: Path
) -> None:
    script = ApiScript()
    script.on("GET", f"/api/state/nemo_agent/me/{SID}/latest", json_response("state"))
    journal = MemoryJournal(
        before={"session_id": SID, "state": {"draft": {}, "video_infos": []}},
        resume_from=Earlier(done=("upload",), queue=("sse",), texts=("Added 1 file.",)),
    )
    quiet = settings.with_overrides(auto_export=False)  # the landed clip would imply an export
    async with scripted_engine(quiet, script, tmp_path) as (engine, _progress, _sleep):
        engine.journal = journal
        result = await engine.run_turn("make it 8 seconds")
    assert "POST /run_sse" not in script.paths()
    assert journal.posts == 0
    assert result.ok, result.reply
    assert result.actions[:2] == ("upload", "sse")
    assert result.reply.startswith("Added 1 file.")
    assert "nothing was sent twice" in result.reply
    assert _journal_steps(journal)[:2] == ("upload", "sse")
