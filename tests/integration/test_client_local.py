"""NemoClient against the embedded local backend in-process (ASGITransport): the wire contract."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import aclosing, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from agent.config import Settings
from agent.errors import SessionNotFoundError, UnsupportedFileError
from agent.export import export_draft
from agent.models import SseEvent, TextEvent, ToolCallEvent, ToolResultEvent
from agent.runtime import Runtime
from tests.fakes import FakeClock, FakeSkill, RecordingSleep
from tests.local_support import local_deps

pytestmark = pytest.mark.integration


@asynccontextmanager
async def local_runtime(settings: Settings, **config: Any) -> AsyncIterator[Runtime]:
    from agent.local.config import BackendConfig
    from agent.local.server.app import create_app

    backend = BackendConfig.from_settings(settings).with_overrides(**config)
    app = create_app(backend, local_deps())
    local = settings.with_overrides(api_url="http://backend.test", client_id="cid-local")
    async with (
        app.router.lifespan_context(app),
        Runtime.open(
            local,
            transport=httpx.ASGITransport(app=app),
            skill=FakeSkill(),
            sleep=RecordingSleep(FakeClock()),
        ) as rt,
    ):
        yield rt


async def _events(rt: Runtime, session_id: str, text: str) -> list[SseEvent]:
    async with aclosing(rt.client.run_sse(session_id, text)) as stream:
        return [event async for event in stream]


@pytest.mark.parametrize("shape", ["a", "b"])
async def test_upload_generate_and_export_round_trip(
    settings: Settings, fixtures_dir: Path, tmp_path: Path, shape: str
) -> None:
    photo = Path(shutil.copy(fixtures_dir / "media" / "harbor-small.png", tmp_path / "harbor.png"))
    async with local_runtime(settings, render_shape=shape) as rt:
        session = await rt.session("en")
        uploaded = await rt.client.upload_files(session.session_id, [photo])
        events = await _events(rt, session.session_id, "make a video")
        state = await rt.client.state(session.session_id)
        clock = FakeClock()
        result = await export_draft(
            rt.client,
            session.session_id,
            state.state.draft,
            tmp_path / "out",
            sleep=RecordingSleep(clock),
            clock=clock,
        )
        credits = await rt.client.credits()
    assert [f.filename for f in uploaded.files] == ["harbor.png"]
    assert [type(e) for e in events if not isinstance(e, TextEvent)] == [
        ToolCallEvent,
        ToolResultEvent,
    ]
    assert TextEvent("Your video is ready. Click Export.") in events
    assert state.exportable
    assert result.path.read_bytes().startswith(b"\x00\x00\x00\x18ftypmp42")
    assert result.size == result.path.stat().st_size
    assert credits.available + credits.frozen == (credits.total or 0)


async def test_local_backend_reissues_the_cached_token_and_keeps_the_session(
    settings: Settings,
) -> None:
    async with local_runtime(settings) as rt:
        first = await rt.session("zh-CN")
        token = rt.credentials.current()
    async with local_runtime(settings) as rt:
        again = await rt.session("zh-CN")
        assert rt.credentials.current() == token
    assert again == first


async def test_local_backend_errors_map_to_the_same_exceptions(
    settings: Settings, fixtures_dir: Path
) -> None:
    async with local_runtime(settings) as rt:
        with pytest.raises(SessionNotFoundError):
            await _events(rt, "999", "hello")
        session = await rt.session()
        with pytest.raises(UnsupportedFileError):
            await rt.client.upload_files(
                session.session_id, [fixtures_dir / "media" / "not-an-image.jpg"]
            )
