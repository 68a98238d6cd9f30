"""Each idempotent request has a total time bound, retries included (injected clock, no waiting).

A silent server is simulated by a transport that moves the fake clock by the read timeout the
client gave the request, then raises `ReadTimeout`, exactly as a real silent server would.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import httpx
import pytest

from agent.config import Settings
from agent.errors import ServerError, TransportError
from agent.runtime import Runtime
from tests.fakes import API_URL, FakeClock, FakeSkill, RecordingSleep, json_response

pytestmark = pytest.mark.integration

CREDITS = "/api/credits/balance/simple"
SID = "5529798706024415232"
STATE = f"/api/state/nemo_agent/me/{SID}/latest"


@dataclass
class SilentServer:
    """Answers the token route; every other request hangs until the client's read timeout."""

    clock: FakeClock
    timeouts: list[float] = field(default_factory=list)
    status: int | None = None
    """Answer this status at once instead of hanging (a failing, not a silent, server)."""

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/auth/anonymous-token":
            return json_response("anonymous-token")
        read = request.extensions["timeout"]["read"]
        self.timeouts.append(read)
        if self.status is not None:
            self.clock.advance(0.2)
            return json_response({"detail": "down"}, self.status)
        self.clock.advance(read)
        raise httpx.ReadTimeout("silent", request=request)


@asynccontextmanager
async def runtime(settings: Settings, server: SilentServer) -> AsyncIterator[Runtime]:
    settings = settings.with_overrides(api_url=API_URL, client_id="cid-test")
    async with Runtime.open(
        settings,
        transport=httpx.MockTransport(server),
        skill=FakeSkill(),
        sleep=RecordingSleep(server.clock),
        clock=server.clock,
        rng=random.Random(3),  # noqa: S311 - deterministic jitter
    ) as rt:
        yield rt


@pytest.mark.parametrize("endpoint", ["credits", "state"])
async def test_a_silent_endpoint_fails_in_about_the_bound_with_a_clear_message(
    settings: Settings, endpoint: str
) -> None:
    server = SilentServer(FakeClock())
    start = server.clock()
    async with runtime(settings, server) as rt:
        with pytest.raises(TransportError) as caught:
            await (rt.client.credits() if endpoint == "credits" else rt.client.state(SID))
    elapsed = server.clock() - start
    assert 30 <= elapsed <= 31, elapsed  # was 4 attempts x 60 s read timeout plus back-offs
    path = CREDITS if endpoint == "credits" else STATE
    assert caught.value.message == f"no answer from api.test within 30 s (GET {path}, 1 attempt)"


async def test_the_bound_comes_from_settings_and_covers_the_retries(settings: Settings) -> None:
    server = SilentServer(FakeClock())
    start = server.clock()
    async with runtime(settings.with_overrides(request_timeout=5), server) as rt:
        server.timeouts.clear()
        with pytest.raises(TransportError, match="within 5 s"):
            await rt.client.credits()
    assert 5 <= server.clock() - start <= 6
    assert server.timeouts == [5.0]


async def test_a_failing_server_is_retried_inside_the_bound_then_reported_as_itself(
    settings: Settings,
) -> None:
    server = SilentServer(FakeClock(), status=503)
    async with runtime(settings.with_overrides(request_timeout=2), server) as rt:
        with pytest.raises(ServerError):
            await rt.client.credits()
    assert len(server.timeouts) >= 2  # at least one retry fitted in the 2 s
    assert all(t <= 2 for t in server.timeouts)


def test_the_request_bound_is_a_setting_with_a_30_second_default() -> None:
    assert Settings().request_timeout == 30
    env = {"HOME": "/tmp", "NEMO_REQUEST_TIMEOUT": "12"}
    assert Settings.from_env(env).request_timeout == 12
