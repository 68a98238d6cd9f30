"""NemoClient on httpx.MockTransport: endpoints, headers, envelopes, error mapping, retries."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from agent.client import RetryPolicy
from agent.config import Settings
from agent.errors import (
    APIError,
    AuthError,
    BadRequestError,
    ExportBlockedError,
    FileTooLargeError,
    InsufficientCreditsError,
    InvalidTokenError,
    RateLimitError,
    ServerError,
    SessionNotFoundError,
    TransportError,
    UnsupportedFileError,
)
from agent.models import ClaimToken, Credits, RenderJob, SessionInfo
from agent.runtime import Runtime
from tests.fakes import (
    API_URL,
    ATTRIBUTION,
    ApiScript,
    FakeClock,
    FakeSkill,
    RecordingSleep,
    json_response,
)

pytestmark = pytest.mark.integration

TOKEN = "/api/auth/anonymous-token"
CREDITS = "/api/credits/balance/simple"
SESSION = "/api/tasks/me/with-session/nemo_agent"
SID = "5529798706024415232"


@asynccontextmanager
async def runtime(
    settings: Settings, script: ApiScript, sleep: RecordingSleep | None = None
) -> AsyncIterator[Runtime]:
    settings = settings.with_overrides(api_url=API_URL, client_id="cid-test")
    async with Runtime.open(
        settings,
        transport=script.transport(),
        skill=FakeSkill(),
        sleep=sleep or RecordingSleep(),
        clock=FakeClock(),
        rng=random.Random(7),  # noqa: S311 - deterministic jitter
    ) as rt:
        yield rt
    script.assert_attributed()


def assert_headers(script: ApiScript) -> None:
    """Every request carried attribution; bearer on all but anonymous-token, which has the id."""
    assert script.requests, "no request was made"
    for request in script.requests:
        for key, value in ATTRIBUTION.items():
            assert request.headers.get(key) == value, (request.url.path, key)
        assert "nmv_usr_" not in str(request.url)
        if request.url.path == TOKEN:
            assert request.headers["X-Client-Id"] == "cid-test"
            assert "Authorization" not in request.headers
        else:
            assert request.headers["Authorization"].startswith("Bearer nmv_usr_")


async def test_every_endpoint_parses_its_fixture_and_sends_the_headers(settings: Settings) -> None:
    script = (
        ApiScript()
        .on("POST", TOKEN, json_response("anonymous-token"))
        .on("POST", SESSION, json_response("session"))
        .on("POST", "/api/auth/claim-token", json_response("claim-token"))
        .on("GET", CREDITS, json_response("credits"))
        .on("GET", f"/api/state/nemo_agent/me/{SID}/latest", json_response("state"))
        .on("POST", "/api/render/proxy/lambda", json_response("render-submit"))
        .on("GET", "/api/render/proxy/lambda/render_1", json_response("render-b-completed"))
        .on("POST", "/api/render/proxy/lambda/render_1/cancel", json_response({"success": True}))
    )
    async with runtime(settings, script) as rt:
        c = rt.client
        assert await c.create_session("zh-CN") == SessionInfo(
            task_id="task_7f3a", session_id=SID, user_id="anon_abc123def4567890"
        )
        assert await c.claim_token("task_7f3a", SID) == ClaimToken(
            claim_token="clm_fixture42", expires_in=604800
        )
        assert await c.credits() == Credits(available=25000, frozen=40, total=25040)
        state = await c.state(SID)
        submitted = await c.submit_render("render_1", SID, state.state.draft)
        polled = await c.render_status("render_1")
        await c.cancel_render("render_1")
    assert submitted == RenderJob(
        id="render_1773423613616", status="pending", raw_status="pending", progress=5
    )
    assert (polled.status, polled.size) == ("completed", 15728640)
    assert script.paths()[0] == f"POST {TOKEN}"
    assert script.paths().count(f"POST {TOKEN}") == 1
    assert script.json_body(1) == {"task_name": "project", "language": "zh-CN"}
    assert script.json_body(2) == {"task_id": "task_7f3a", "session_id": SID}
    assert script.json_body(5) == {
        "id": "render_1",
        "sessionId": SID,
        "draft": state.state.draft,
        "output": {"format": "mp4", "quality": "high"},
    }
    assert_headers(script)


async def test_a_server_that_holds_polls_says_so_and_a_held_poll_sends_its_wait(
    settings: Settings,
) -> None:
    held = {"X-Nemo-Poll-Hold": "10"}
    poll = "/api/render/proxy/lambda/render_1"
    script = (
        ApiScript()
        .on("POST", TOKEN, json_response("anonymous-token"))
        .on("POST", "/api/render/proxy/lambda", json_response("render-submit", headers=held))
        .on("GET", poll, json_response("render-b-completed", headers=held))
    )
    async with runtime(settings, script) as rt:
        submitted = await rt.client.submit_render("render_1", SID, {"d": 3000})
        polled = await rt.client.render_status("render_1", 2.5)
        plain = await rt.client.render_status("render_1")
    assert (submitted.poll_hold, polled.poll_hold, polled.status) == (10.0, 10.0, "completed")
    held_poll, plain_poll = (r for r in script.requests if r.url.path == poll)
    assert dict(held_poll.url.params) == {"wait": "2.500"}
    assert dict(plain_poll.url.params) == {}
    assert plain.poll_hold == 10.0


@pytest.mark.parametrize("value", ["", "0", "-3", "soon", "inf", "nan"])
async def test_a_hold_header_that_is_not_a_positive_number_means_no_hold(
    settings: Settings, value: str
) -> None:
    script = (
        ApiScript()
        .on("POST", TOKEN, json_response("anonymous-token"))
        .on(
            "GET",
            "/api/render/proxy/lambda/render_1",
            json_response("render-b-completed", headers={"X-Nemo-Poll-Hold": value}),
        )
    )
    async with runtime(settings, script) as rt:
        polled = await rt.client.render_status("render_1")
    assert polled.poll_hold is None


def _error(fixture: str | dict[str, Any], status: int, **headers: str) -> httpx.Response:
    return json_response(fixture, status, headers=headers or None)


@pytest.mark.parametrize(
    ("response", "cls", "code", "status"),
    [
        (_error("error-1002", 404), SessionNotFoundError, 1002, 404),
        (_error("error-adk-404", 404), SessionNotFoundError, None, 404),
        (_error("error-2001", 200), InsufficientCreditsError, 2001, 200),
        (_error("error-4001", 200), UnsupportedFileError, 4001, 200),
        (_error("error-4002", 200), FileTooLargeError, 4002, 200),
        (_error({"detail": "X-Client-Id required"}, 400), BadRequestError, None, 400),
        (_error("error-422", 422), BadRequestError, None, 422),
        (_error("error-402", 402), ExportBlockedError, 402, 402),
        (_error("error-500", 500), ServerError, None, 500),
        (_error("render-error-duplicate", 200), APIError, None, 200),
    ],
    ids=["1002", "adk-404", "2001", "4001", "4002", "400", "422", "402", "500", "success-false"],
)
async def test_error_responses_map_by_body_code_then_status(
    settings: Settings, response: httpx.Response, cls: type[APIError], code: int | None, status: int
) -> None:
    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on("POST", SESSION, response)
    async with runtime(settings, script) as rt:
        with pytest.raises(APIError) as info:
            await rt.client.create_session("en")
    assert type(info.value) is cls
    assert (info.value.code, info.value.status_code) == (code, status)
    assert script.paths().count(f"POST {SESSION}") == 1  # POSTs are not retried
    assert_headers(script)


async def test_code_zero_with_a_message_is_success(settings: Settings) -> None:
    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on("POST", SESSION, json_response("session-2"))
    async with runtime(settings, script) as rt:
        assert (await rt.client.create_session("en")).task_id == "task_8b41"


async def test_get_retries_5xx_with_jittered_backoff_then_succeeds(settings: Settings) -> None:
    sleep = RecordingSleep()
    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on(
        "GET", CREDITS, _error("error-500", 503), _error("error-500", 502), json_response("credits")
    )
    async with runtime(settings, script, sleep) as rt:
        assert (await rt.client.credits()).available == 25000
    rng, policy = random.Random(7), RetryPolicy()  # noqa: S311 - same seed as the client
    assert sleep.delays == [policy.delay(0, rng), policy.delay(1, rng)]
    assert 0.25 <= sleep.delays[0] <= 0.5
    assert 0.5 <= sleep.delays[1] <= 1.0
    assert script.paths().count(f"GET {CREDITS}") == 3
    assert_headers(script)


async def test_get_gives_up_after_the_retry_budget(settings: Settings) -> None:
    sleep = RecordingSleep()
    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on("GET", CREDITS, _error("error-500", 500))
    async with runtime(settings, script, sleep) as rt:
        with pytest.raises(ServerError):
            await rt.client.credits()
    assert script.paths().count(f"GET {CREDITS}") == RetryPolicy().attempts
    assert len(sleep.delays) == RetryPolicy().attempts - 1


async def test_transport_errors_are_retried_for_gets_and_wrapped(settings: Settings) -> None:
    calls: list[int] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ConnectError("refused", request=request)
        return json_response("credits")

    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on("GET", CREDITS, flaky)
    async with runtime(settings, script) as rt:
        assert (await rt.client.credits()).frozen == 40
    assert len(calls) == 2


async def test_transport_error_on_post_is_not_retried(settings: Settings) -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("slow", request=request)

    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on("POST", SESSION, down)
    async with runtime(settings, script) as rt:
        with pytest.raises(TransportError) as info:
            await rt.client.create_session("en")
    assert isinstance(info.value.__cause__, httpx.ConnectTimeout)
    assert script.paths().count(f"POST {SESSION}") == 1


async def test_429_waits_retry_after_and_retries_once(settings: Settings) -> None:
    sleep = RecordingSleep()
    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on("POST", SESSION, _error({"message": "slow down"}, 429, **{"Retry-After": "7"}))
    script.on("POST", SESSION, json_response("session"))
    async with runtime(settings, script, sleep) as rt:
        assert (await rt.client.create_session("en")).session_id == SID
    assert sleep.delays == [7.0]


async def test_second_429_raises_rate_limit_error(settings: Settings) -> None:
    sleep = RecordingSleep()
    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on("GET", CREDITS, _error({"message": "slow down"}, 429))
    async with runtime(settings, script, sleep) as rt:
        with pytest.raises(RateLimitError) as info:
            await rt.client.credits()
    assert sleep.delays == [30.0]
    assert (info.value.status_code, info.value.retry_after) == (429, None)


async def test_very_long_retry_after_is_raised_without_waiting(settings: Settings) -> None:
    sleep = RecordingSleep()
    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on("GET", CREDITS, _error({"message": "later"}, 429, **{"Retry-After": "3600"}))
    async with runtime(settings, script, sleep) as rt:
        with pytest.raises(RateLimitError) as info:
            await rt.client.credits()
    assert (sleep.delays, info.value.retry_after) == ([], 3600.0)


async def test_concurrent_first_requests_share_one_anonymous_token(settings: Settings) -> None:
    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on("GET", CREDITS, json_response("credits"))
    async with runtime(settings, script) as rt:
        results = await asyncio.gather(*(rt.client.credits() for _ in range(3)))
    assert [r.available for r in results] == [25000] * 3
    assert script.paths().count(f"POST {TOKEN}") == 1


async def test_rate_limited_token_issue_waits_once_then_explains(settings: Settings) -> None:
    sleep = RecordingSleep()
    script = ApiScript().on("POST", TOKEN, _error({"code": 429}, 429, **{"Retry-After": "12"}))
    async with runtime(settings, script, sleep) as rt:
        with pytest.raises(RateLimitError, match="NEMO_TOKEN") as info:
            await rt.client.credits()
    assert sleep.delays == [12.0]
    assert info.value.retry_after == 12.0
    assert script.paths() == [f"POST {TOKEN}", f"POST {TOKEN}"]


async def test_1001_with_anonymous_token_reissues_once_and_retries(settings: Settings) -> None:
    script = ApiScript().on(
        "POST", TOKEN, json_response("anonymous-token"), json_response("anonymous-token-2")
    )
    script.on("GET", CREDITS, _error("error-1001", 401), json_response("credits"))
    async with runtime(settings, script) as rt:
        assert (await rt.client.credits()).total == 25040
        assert rt.credentials.current() is not None
    auth = [r.headers["Authorization"] for r in script.requests if r.url.path == CREDITS]
    assert auth == [
        "Bearer nmv_usr_FAKE_anon0",
        "Bearer nmv_usr_FAKE_anon1",
    ]
    assert [r.headers["X-Client-Id"] for r in script.requests if r.url.path == TOKEN] == [
        "cid-test",
        "cid-test",
    ]


async def test_repeated_1001_is_raised_after_one_refresh(settings: Settings) -> None:
    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on("GET", CREDITS, _error("error-1001", 200))
    async with runtime(settings, script) as rt:
        with pytest.raises(InvalidTokenError):
            await rt.client.credits()
    assert script.paths().count(f"GET {CREDITS}") == 2


async def test_1001_with_user_token_is_an_auth_error(env: dict[str, str]) -> None:
    settings = Settings.from_env({**env, "NEMO_TOKEN": "nmv_usr_userToken"})
    script = ApiScript().on("GET", CREDITS, _error("error-1001", 401))
    async with runtime(settings, script) as rt:
        with pytest.raises(AuthError, match="your NEMO_TOKEN was rejected") as info:
            await rt.client.credits()
    assert isinstance(info.value.__cause__, InvalidTokenError)
    assert script.paths() == [f"GET {CREDITS}"]
    assert script.requests[0].headers["Authorization"] == "Bearer nmv_usr_userToken"


async def test_unexpected_response_shape_is_an_api_error(settings: Settings) -> None:
    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on("GET", CREDITS, json_response({"code": 0, "data": {"frozen": "x"}}))
    async with runtime(settings, script) as rt:
        with pytest.raises(APIError, match="unexpected Credits"):
            await rt.client.credits()


async def test_runtime_session_and_links(settings: Settings) -> None:
    script = ApiScript().on("POST", TOKEN, json_response("anonymous-token"))
    script.on("POST", SESSION, json_response("session"))
    script.on("POST", "/api/auth/claim-token", json_response("claim-token"))
    async with runtime(settings, script) as rt:
        record = await rt.session("en")
        assert await rt.session("en") == record
        link = await rt.claim_link(record)
        register = rt.registration_link(record.user_id)
    assert link == "https://nemovideo.com/workspace/claim?ct=clm_fixture42"
    assert register == "https://nemovideo.com/register?bind=anon_abc123def4567890"
    assert script.paths().count(f"POST {SESSION}") == 1
    assert_headers(script)
