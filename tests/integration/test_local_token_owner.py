"""The local backend never hands a live token to a second holder of the same client id; the
client that has it keeps using its private cache (cloud rule: one token per client)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from agent.config import Settings
from agent.errors import RateLimitError
from agent.runtime import Runtime
from tests.fakes import FakeClock, FakeSkill, RecordingSleep
from tests.local_support import local_deps

pytestmark = pytest.mark.integration


def _settings(home: Path) -> Settings:
    env = {"HOME": str(home), "NEMO_AGENT_HOME": str(home / "agent")}
    settings = Settings.from_env(env)
    return settings.with_overrides(api_url="http://backend.test", client_id="cid-shared")


async def _credits(settings: Settings, transport: httpx.AsyncBaseTransport) -> int:
    sleep = RecordingSleep(FakeClock())
    async with Runtime.open(settings, transport=transport, skill=FakeSkill(), sleep=sleep) as rt:
        return (await rt.client.credits()).available


async def test_a_second_holder_of_the_client_id_is_refused_and_the_owner_keeps_its_cache(
    tmp_path: Path,
) -> None:
    from agent.local.config import BackendConfig
    from agent.local.server.app import create_app

    requests: list[str] = []
    app = create_app(BackendConfig(data_dir=tmp_path / "data", grant=100), local_deps())
    owner, intruder = _settings(tmp_path / "owner"), _settings(tmp_path / "intruder")

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        transport.handle_async_request = _recording(transport, requests)  # type: ignore[method-assign]
        assert await _credits(owner, transport) == 100
        with pytest.raises(RateLimitError, match="already has an anonymous token") as refused:
            await _credits(intruder, transport)
        assert await _credits(owner, transport) == 100
    assert "nmv_usr_" not in str(refused.value.body)
    assert not (intruder.state_dir / "anonymous_token.json").exists()
    assert requests.count("/api/auth/anonymous-token") == 2  # owner once (then cached), intruder


def _recording(transport: httpx.ASGITransport, paths: list[str]) -> Any:
    send = transport.handle_async_request

    async def handle(request: httpx.Request) -> httpx.Response:
        paths.append(request.url.path)
        return await send(request)

    return handle
