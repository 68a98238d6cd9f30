"""Local backend, in process: tokens, sessions, ownership, claim links and credits."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.local.config import DAY_S
from tests.local_support import (
    FakeClock,
    auth,
    in_process,
    local_config,
    local_deps,
    new_session,
    new_token,
)

pytestmark = pytest.mark.integration


async def test_anonymous_token_needs_a_client_id(tmp_path: Path) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        r = await client.post("/api/auth/anonymous-token")
    assert r.status_code == 400
    assert r.json()["code"] == 400


async def test_a_client_id_with_a_live_token_is_refused_and_never_given_it(
    tmp_path: Path,
) -> None:
    """Whoever knows a client id must not get its live token (cloud: 1 token/client)."""
    clock = FakeClock()
    config = local_config(tmp_path, grant=100)
    async with in_process(config, local_deps(clock=clock)) as client:
        first = await client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "c1"})
        again = await client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "c1"})
        other = await client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "c2"})
        clock.now += 7 * DAY_S + 1
        after_expiry = await client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "c1"})
    data = first.json()["data"]
    assert first.json()["code"] == 0
    assert data["token"].startswith("nmv_usr_")
    assert data["user_id"].startswith("anon_")
    assert data["credits"] == 100
    assert data["expires_at"].endswith("Z")
    assert (again.status_code, again.json()["code"], again.json()["data"]) == (429, 429, None)
    assert data["token"] not in again.text
    assert 0 < int(again.headers["Retry-After"]) <= 7 * DAY_S
    assert other.json()["data"]["token"] != data["token"]
    assert after_expiry.json()["data"]["user_id"] == data["user_id"]
    assert after_expiry.json()["data"]["token"] != data["token"]


async def test_too_many_client_ids_from_one_address_get_429(tmp_path: Path) -> None:
    async with in_process(local_config(tmp_path, ip_cap=2), local_deps()) as client:
        codes = [
            (await client.post("/api/auth/anonymous-token", headers={"X-Client-Id": f"c{i}"}))
            for i in range(3)
        ]
    assert [r.status_code for r in codes] == [200, 200, 429]
    assert int(codes[2].headers["Retry-After"]) > 0


async def test_calls_without_a_valid_token_answer_1001_with_http_401(tmp_path: Path) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        missing = await client.get("/api/credits/balance/simple")
        bogus = await client.get(
            "/api/credits/balance/simple", headers={"Authorization": "Bearer nmv_usr_nope"}
        )
    for r in (missing, bogus):
        assert r.status_code == 401
        assert r.json()["code"] == 1001
        assert "nmv_usr_nope" not in r.text


async def test_an_expired_token_answers_1001_and_reissue_keeps_the_user(tmp_path: Path) -> None:
    clock = FakeClock()
    async with in_process(local_config(tmp_path), local_deps(clock=clock)) as client:
        first = await client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "c"})
        token = first.json()["data"]["token"]
        clock.now += 7 * DAY_S + 1
        expired = await client.get("/api/credits/balance/simple", headers=auth(token))
        fresh = await client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "c"})
        ok = await client.get(
            "/api/credits/balance/simple", headers=auth(fresh.json()["data"]["token"])
        )
    assert (expired.status_code, expired.json()["code"]) == (401, 1001)
    assert fresh.json()["data"]["token"] != token
    assert fresh.json()["data"]["user_id"] == first.json()["data"]["user_id"]
    assert ok.json()["code"] == 0


async def test_session_creation_returns_cloud_like_ids(tmp_path: Path) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client)
        r = await client.post(
            "/api/tasks/me/with-session/nemo_agent",
            headers=auth(token),
            json={"task_name": "project"},
        )
    data = r.json()["data"]
    assert len(data["session_id"]) == 19
    assert data["session_id"].isdigit()
    assert data["task_id"].startswith("task_")
    assert data["user_id"].startswith("anon_")


async def test_state_accepts_me_and_the_own_user_id_but_not_others(tmp_path: Path) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client, "a")
        other = await new_token(client, "b")
        sid = await new_session(client, token)
        me = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
        user_id = me.json()["data"]["user_id"]
        own = await client.get(f"/api/state/nemo_agent/{user_id}/{sid}/latest", headers=auth(token))
        foreign = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(other))
        unknown = await client.get(
            "/api/state/nemo_agent/me/1234567890123456789/latest", headers=auth(token)
        )
    assert me.json()["code"] == own.json()["code"] == 0
    assert me.json()["data"]["state"] == {
        "video_infos": [],
        "draft": {},
        "canvas_config": {"width": 1920, "height": 1080, "aspect": "16:9"},
        "video_analyses": {},
        "generated_media": [],
    }
    for r in (foreign, unknown):
        assert (r.status_code, r.json()["code"]) == (404, 1002)


async def test_credits_report_available_frozen_and_total(tmp_path: Path) -> None:
    async with in_process(local_config(tmp_path, grant=100), local_deps()) as client:
        token = await new_token(client)
        r = await client.get("/api/credits/balance/simple", headers=auth(token))
    assert r.json() == {
        "code": 0,
        "message": "success",
        "data": {"available": 100, "frozen": 0, "total": 100},
    }


async def test_claim_token_opens_a_project_page(tmp_path: Path) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client)
        sid = await new_session(client, token)
        state = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
        task_id = state.json()["data"]["task_id"]
        r = await client.post(
            "/api/auth/claim-token",
            headers=auth(token),
            json={"task_id": task_id, "session_id": sid},
        )
        data = r.json()["data"]
        page = await client.get("/workspace/claim", params={"ct": data["claim_token"]})
        bad = await client.get("/workspace/claim", params={"ct": "clm_nope"})
    assert data["claim_token"].startswith("clm_")
    assert data["expires_in"] == 604800
    assert page.status_code == 200
    assert "<h2>Timeline " in page.text
    assert token not in page.text
    assert bad.status_code == 404
