"""The translator's model stage through the real anthropic SDK over a mock transport.

anthropic 2.x sends through `httpx2`, so the mock is an `httpx2.MockTransport`. The model is
asked only when the rules and the clause classifier leave a GUI-looking reply whole, and its
answer is trusted only when its rewrites keep every quoted span, number and file name byte for
byte; the reply it yields is whole sentences and template lines, never the model's prose.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx2
import pytest

from agent.config import Settings
from agent.translate import Translation, load_gui_tables
from agent.translate.model import TRANSLATE_TOOL, translate_with_model
from tests.llm_support import Handler, mock_completer, recorded_reply

pytestmark = pytest.mark.integration

ABSTAINED = (
    "Your video is ready. Whisk it over to the Vault for the 1080p download of 'Harbor at Dawn'."
)
PLAIN = "Your video is ready. Whisk it over to the Vault for the download."


_reply = recorded_reply
_completer = mock_completer


async def _translate(settings: Settings, handler: Handler, text: str = ABSTAINED) -> Translation:
    async with _completer(settings, handler) as completer:
        return await translate_with_model(text, load_gui_tables(), completer)


async def test_an_abstained_reply_is_classified_by_the_forced_tool(
    settings: Settings, fixtures_dir: Path
) -> None:
    seen: list[httpx2.Request] = []
    recorded = _reply(fixtures_dir, "tool_use_translate.json")

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return recorded(request)

    # the instruction holds a number and a title: kept whole, its export runs
    assert await _translate(settings, handler) == Translation(ABSTAINED, ("export",))
    (request,) = seen
    body = json.loads(request.content)
    assert body["tool_choice"] == {"type": "tool", "name": "translate_gui"}
    assert body["tools"][0]["input_schema"] == TRANSLATE_TOOL["input_schema"]
    assert "1: Whisk it over to the Vault" in body["messages"][0]["content"]


async def test_an_instruction_with_nothing_else_becomes_its_template_line(
    settings: Settings, fixtures_dir: Path
) -> None:
    handler = _reply(fixtures_dir, "tool_use_translate_plain.json")
    result = await _translate(settings, handler, PLAIN)
    assert result == Translation("Your video is ready. I'll export the MP4 for you.", ("export",))


async def test_a_rewrite_that_loses_a_kept_span_leaves_the_rule_result(
    settings: Settings, fixtures_dir: Path
) -> None:
    handler = _reply(fixtures_dir, "tool_use_translate_lossy.json")
    assert await _translate(settings, handler) == Translation(ABSTAINED, ())


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("tool_use_export.json", 200),  # another tool's input: fails the strict schema
        ("text_only.json", 200),
        ("error_500.json", 500),
        ("error_429.json", 429),
    ],
)
async def test_unusable_replies_leave_the_rule_result(
    settings: Settings, fixtures_dir: Path, name: str, status: int
) -> None:
    handler = _reply(fixtures_dir, name, status)
    assert await _translate(settings, handler) == Translation(ABSTAINED, ())


@pytest.mark.parametrize("error", [httpx2.ReadTimeout, httpx2.ConnectError])
async def test_transport_failures_leave_the_rule_result(
    settings: Settings, error: type[httpx2.TransportError]
) -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        raise error("no answer", request=request)

    assert await _translate(settings, handler) == Translation(ABSTAINED, ())


@pytest.mark.parametrize(
    "text",
    [
        "Click Export to download your MP4.",  # the rules are sure
        'I set the caption to "Tap Share Now". No other changes were made.',  # no GUI target
        "Want me to make it 9:16 for Stories?",
    ],
)
async def test_the_model_is_not_asked_when_the_rules_decide_or_nothing_is_gui(
    settings: Settings, text: str
) -> None:
    calls: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        calls.append(request)
        raise AssertionError("the model was asked")

    result = await _translate(settings, handler, text)
    assert calls == []
    assert result.text == text or result.actions
