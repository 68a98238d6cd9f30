"""The LLM fallback through the real anthropic SDK over a mock transport and recorded replies.

anthropic 2.x sends through `httpx2`, so the mock is an `httpx2.MockTransport`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx2
import pytest

from agent.config import Settings
from agent.errors import RateLimitError, ServerError, TransportError
from agent.llm import completer_from_settings
from agent.router import ACTIONS, ROUTE_TOOL, Route, Router, build_keyword_router
from tests.llm_support import KEY_PREFIX, TEST_KEY, Handler, mock_completer, recorded_reply

pytestmark = pytest.mark.integration

ABSTAINING = "the status of my credits"  # two question intents: the keyword stage abstains
# the keyword stage abstains on Russian (it reads Spanish export verbs since round 17, German,
# French, Malay and more since round 19: `agent.router.abroad`), and its export word is the
# evidence an LLM export needs (round 13: no later stage plans an export on a turn without one)
FOREIGN_EXPORT = "сделай красивее и потом экспортируй"


_reply = recorded_reply
_completer = mock_completer


async def _route(settings: Settings, handler: Handler, text: str = ABSTAINING) -> Route:
    async with _completer(settings, handler) as completer:
        return await Router(build_keyword_router(), completer=completer).route(text)


async def test_fallback_forces_the_route_tool_and_returns_its_plan(
    settings: Settings, fixtures_dir: Path
) -> None:
    seen: list[httpx2.Request] = []
    recorded = _reply(fixtures_dir, "tool_use_export.json")

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return recorded(request)

    assert await _route(settings, handler, FOREIGN_EXPORT) == Route(("export",), "llm", "en")
    (request,) = seen
    body = json.loads(request.content)
    assert request.url.path == "/v1/messages"
    assert KEY_PREFIX not in str(request.url)
    assert any(TEST_KEY in value for value in request.headers.values())
    assert body["model"] == settings.router_model
    assert body["tool_choice"] == {"type": "tool", "name": "route"}
    assert body["tools"][0]["name"] == ROUTE_TOOL["name"]
    assert body["tools"][0]["input_schema"]["properties"]["actions"]["items"]["enum"] == list(
        ACTIONS
    )
    assert FOREIGN_EXPORT in body["messages"][0]["content"]


async def test_an_llm_export_on_a_turn_with_no_export_word_never_runs(
    settings: Settings, fixtures_dir: Path
) -> None:
    handler = _reply(fixtures_dir, "tool_use_export.json")
    assert await _route(settings, handler) == Route(("sse",), "default", "en")


async def test_router_model_comes_from_the_environment(
    env: dict[str, str], fixtures_dir: Path
) -> None:
    settings = Settings.from_env({**env, "NEMO_ROUTER_MODEL": "claude-router-small"})
    models: list[str] = []
    recorded = _reply(fixtures_dir, "tool_use_export.json")

    def handler(request: httpx2.Request) -> httpx2.Response:
        models.append(json.loads(request.content)["model"])
        return recorded(request)

    await _route(settings, handler)
    assert models == ["claude-router-small"]


async def test_repeated_actions_in_the_tool_input_collapse(
    settings: Settings, fixtures_dir: Path
) -> None:
    handler = _reply(fixtures_dir, "tool_use_compound.json")
    route = await _route(settings, handler, FOREIGN_EXPORT)
    assert route == Route(("sse", "export"), "llm", "en")


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("tool_use_wrong_action.json", 200),
        ("tool_use_extra_field.json", 200),
        ("text_only.json", 200),
        ("error_500.json", 500),
        ("error_429.json", 429),
    ],
)
async def test_unusable_replies_give_the_default_route(
    settings: Settings, fixtures_dir: Path, name: str, status: int
) -> None:
    handler = _reply(fixtures_dir, name, status)
    assert await _route(settings, handler) == Route(("sse",), "default", "en")


async def test_invalid_json_body_gives_the_default_route(settings: Settings) -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(
            200, content=b'{"id": "msg_', headers={"content-type": "application/json"}
        )

    assert await _route(settings, handler) == Route(("sse",), "default", "en")


@pytest.mark.parametrize("error", [httpx2.ReadTimeout, httpx2.ConnectError])
async def test_transport_failures_give_the_default_route(
    settings: Settings, error: type[httpx2.TransportError]
) -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        raise error("no answer", request=request)

    assert await _route(settings, handler, "你好呀") == Route(("sse",), "default", "zh")


async def test_server_errors_are_not_retried(settings: Settings, fixtures_dir: Path) -> None:
    calls: list[int] = []
    recorded = _reply(fixtures_dir, "error_500.json", 500)

    def handler(request: httpx2.Request) -> httpx2.Response:
        calls.append(1)
        return recorded(request)

    async with _completer(settings, handler) as completer:
        with pytest.raises(ServerError) as caught:
            await completer.call_tool("hello", ROUTE_TOOL)
    assert (caught.value.status_code, len(calls)) == (500, 1)


@pytest.mark.parametrize(
    ("handler_error", "expected"),
    [("timeout", TransportError), ("rate", RateLimitError)],
)
async def test_completer_maps_sdk_errors_to_the_agent_tree(
    settings: Settings, fixtures_dir: Path, handler_error: str, expected: type[Exception]
) -> None:
    rate = _reply(fixtures_dir, "error_429.json", 429)

    def handler(request: httpx2.Request) -> httpx2.Response:
        if handler_error == "timeout":
            raise httpx2.ReadTimeout("slow", request=request)
        return rate(request)

    async with _completer(settings, handler) as completer:
        with pytest.raises(expected):
            await completer.call_tool("hello", ROUTE_TOOL)


def test_no_api_key_means_no_completer(settings: Settings) -> None:
    assert settings.anthropic_api_key is None
    assert completer_from_settings(settings) is None


async def test_keyword_decisions_never_reach_the_api(settings: Settings) -> None:
    def handler(request: httpx2.Request) -> Any:
        raise AssertionError("the keyword stage should have decided")

    assert await _route(settings, handler, "导出视频") == Route(("export",), "keyword", "zh")


async def test_the_model_cannot_export_what_the_user_declined_through_the_real_sdk(
    settings: Settings, fixtures_dir: Path
) -> None:
    text = "the status of my credits, but don't export"  # the keywords abstain
    route = await _route(settings, _reply(fixtures_dir, "tool_use_export.json"), text)
    assert route == Route(("sse",), "default", "en", ("export",))


@pytest.mark.parametrize(
    "said",
    [
        "we'll export after the client approves",  # put off until someone's word
        "等老板点头再导出",
        "I already exported it yesterday",  # only named: a past export
        'she said "export it" lol',  # only named: someone's words in quotes
    ],
)
async def test_the_model_cannot_export_what_the_rules_put_off_or_only_named_through_the_real_sdk(
    settings: Settings, fixtures_dir: Path, said: str
) -> None:
    calls: list[int] = []
    recorded = _reply(fixtures_dir, "tool_use_export.json")

    def handler(request: httpx2.Request) -> httpx2.Response:
        calls.append(1)
        return recorded(request)

    text = f"{ABSTAINING}, {said}"  # the keyword stage abstains: the model is asked
    route = await _route(settings, handler, text)
    assert calls == [1]
    assert "export" not in route.actions
    assert route.source == "default"
