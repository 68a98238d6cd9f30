"""Local backend over real sockets: error answers as the client sees them, clean shutdown."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import httpx
import pytest

from agent.config import Settings
from agent.errors import (
    ExportBlockedError,
    InvalidTokenError,
    RateLimitError,
    SessionNotFoundError,
    error_from_response,
)
from agent.local.config import DAY_S, BackendConfig
from agent.local.faults import parse_faults
from agent.local.server.app import create_app
from agent.local.server.backend import Deps
from agent.local.server.loopback import embedded_backend, preferred_port, running
from tests.local_support import (
    FakeClock,
    auth,
    local_deps,
    new_session,
    new_token,
    run_body,
    upload,
)

pytestmark = pytest.mark.e2e


def _error(r: httpx.Response) -> Exception:
    retry = r.headers.get("Retry-After")
    return error_from_response(r.status_code, r.json(), retry_after=float(retry) if retry else None)


async def test_error_answers_map_to_the_client_error_tree(tmp_path: Path) -> None:
    clock = FakeClock()
    config = BackendConfig(data_dir=tmp_path / "data", ip_cap=1)
    with running(create_app(config, local_deps(clock=clock))) as url:
        async with httpx.AsyncClient(base_url=url, timeout=5) as client:
            token = await new_token(client, "a")
            sid = await new_session(client, token)
            capped = await client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "b"})
            no_token = await client.get("/api/credits/balance/simple")
            no_session = await client.get(
                "/api/state/nemo_agent/me/1234567890123456789/latest", headers=auth(token)
            )
            blocked = await client.get(
                "/api/render/proxy/lambda/x", headers={"Authorization": f"Bearer {token}"}
            )
            clock.now += 7 * DAY_S
            expired = await client.get(
                f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token)
            )
    assert isinstance(_error(capped), RateLimitError)
    assert _error(capped).retry_after == 3600  # type: ignore[attr-defined]
    assert isinstance(_error(no_token), InvalidTokenError)
    assert isinstance(_error(no_session), SessionNotFoundError)
    assert isinstance(_error(blocked), ExportBlockedError)
    assert isinstance(_error(expired), InvalidTokenError)


async def test_every_body_code_and_adk_error_is_reachable_over_http(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    config = BackendConfig(
        data_dir=tmp_path / "data", grant=50, refill=False, upload_max_bytes=30_000
    )
    with running(create_app(config, local_deps())) as url:
        async with httpx.AsyncClient(base_url=url, timeout=5) as client:
            token = await new_token(client, "a")
            other = await new_token(client, "b")
            sid = await new_session(client, token)
            small = await upload(client, token, sid, fixtures_dir / "media" / "harbor-small.png")
            too_big = await upload(client, token, sid, fixtures_dir / "media" / "harbor.jpg")
            fake = await upload(client, token, sid, fixtures_dir / "media" / "not-an-image.jpg")
            short = await client.post(
                "/run_sse", headers=auth(token), content=run_body(sid, "a video")
            )
            foreign = await client.post(
                "/run_sse", headers=auth(other), content=run_body(sid, "hi")
            )
            unknown_app = await client.post(
                "/run_sse",
                headers=auth(token),
                content=run_body(sid, "hi").replace("nemo_agent", "x"),
            )
            malformed = await client.post(
                "/run_sse",
                headers=auth(token),
                content='{"app_name":"nemo_agent","session_id":"1"}',
            )
    assert small["code"] == 0
    assert (too_big["code"], fake["code"]) == (4002, 4001)
    assert (short.status_code, short.json()["code"]) == (200, 2001)
    assert (foreign.status_code, foreign.json()["code"]) == (404, 1002)
    assert (unknown_app.status_code, malformed.status_code) == (404, 422)


async def test_faults_from_settings_reach_the_embedded_backend(env: dict[str, str]) -> None:
    settings = Settings.from_env({**env, "NEMO_FAULTS": "http500=1"})
    with embedded_backend(settings, local_deps()) as url:
        async with httpx.AsyncClient(base_url=url, timeout=5) as client:
            first = await client.get("/api/credits/balance/simple")
            second = await client.get("/api/credits/balance/simple")
    assert (first.status_code, second.status_code) == (500, 401)
    assert parse_faults(settings.faults).statuses[0].code == 500


def test_embedded_backend_stops_cleanly_and_frees_its_port(settings: Settings) -> None:
    before = {t.name for t in threading.enumerate()}
    with embedded_backend(settings, Deps(sleep=local_deps().sleep)) as url:
        port = int(url.rsplit(":", 1)[1])
        r = httpx.post(f"{url}/api/auth/anonymous-token", headers={"X-Client-Id": "x"})
        assert r.status_code == 200
        assert "nemo-local-backend" in {t.name for t in threading.enumerate()}
    after = {t.name for t in threading.enumerate()}
    assert "nemo-local-backend" not in after
    assert not {n for n in after - before if n.startswith("nemo-render")}
    with socket.socket() as probe, pytest.raises(ConnectionRefusedError):
        probe.connect(("127.0.0.1", port))


def test_embedded_backend_prefers_a_stable_port_and_falls_back_when_taken(
    settings: Settings,
) -> None:
    with embedded_backend(settings, local_deps()) as first:
        with embedded_backend(settings, local_deps()) as second:
            assert second != first
        port = int(first.rsplit(":", 1)[1])
    with embedded_backend(settings, local_deps()) as again:
        pass
    assert port == preferred_port(settings.state_dir / "local-backend")
    assert again == first
