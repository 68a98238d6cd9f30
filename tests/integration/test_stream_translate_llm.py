"""The reply stream's translator asks the model stage for a reply the rules leave whole.

The real anthropic SDK over a mock transport (`tests.llm_support`): the model's rewrite is taken
only when it passes the verbatim checks; a failure, a malformed answer or a model that never
answers leaves the rule result, and the stream waits no longer than the translator's bound.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx2
import pytest

from agent.config import Settings
from agent.engine import EngineParts
from agent.handlers.stream import StreamReader
from agent.llm import Completer
from agent.models import TextEvent
from agent.progress import Notifier, RecordingProgress
from agent.templates import Templates
from agent.translate import Translation, Translator, load_gui_tables
from tests.engine_support import scripted_engine
from tests.fakes import ApiScript, FakeClock, sse_response
from tests.llm_support import Handler, mock_completer, recorded_reply

pytestmark = pytest.mark.integration

ABSTAINED = "Your video is ready. Whisk it over to the Vault for the download."
TITLED = (
    "Your video is ready. Whisk it over to the Vault for the 1080p download of 'Harbor at Dawn'."
)
# the model classifies the step; the sentence becomes the export's template line
REWRITTEN = "Your video is ready. I'll export the MP4 for you."


async def _read(settings: Settings, handler: Handler, text: str, bound_s: float = 4.0) -> Any:
    async with mock_completer(settings, handler) as completer:
        translator = Translator(load_gui_tables(), completer=completer, bound_s=bound_s)
        progress = RecordingProgress()
        reader = StreamReader(
            Notifier(progress, Templates(), "en"), translator, FakeClock(), refine=translator.refine
        )
        await reader.take(TextEvent(text))
        return reader


async def test_a_reply_the_rules_leave_whole_is_rewritten_by_the_model_as_it_streams(
    settings: Settings, fixtures_dir: Path
) -> None:
    seen: list[httpx2.Request] = []
    recorded = recorded_reply(fixtures_dir, "tool_use_translate_plain.json")

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return recorded(request)

    reader = await _read(settings, handler, ABSTAINED)
    assert reader.texts == [REWRITTEN]
    assert reader.actions == ["export"]
    (request,) = seen
    assert json.loads(request.content)["tool_choice"] == {"type": "tool", "name": "translate_gui"}


async def test_a_reply_the_rules_translate_never_reaches_the_model(
    settings: Settings, fixtures_dir: Path
) -> None:
    seen: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return recorded_reply(fixtures_dir, "tool_use_translate_plain.json")(request)

    reader = await _read(settings, handler, "Your video is ready. Click Export to download it.")
    assert reader.texts == ["Your video is ready. I'll export the MP4 for you."]
    assert reader.actions == ["export"]
    assert seen == []


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("tool_use_translate_lossy.json", 200),
        ("tool_use_export.json", 200),
        ("error_500.json", 500),
    ],
)
async def test_an_unusable_model_answer_leaves_the_rule_result_in_the_stream(
    settings: Settings, fixtures_dir: Path, name: str, status: int
) -> None:
    reader = await _read(settings, recorded_reply(fixtures_dir, name, status), TITLED)
    assert reader.texts == [TITLED]
    assert reader.actions == []


async def test_a_model_that_never_answers_costs_the_stream_only_the_bound(
    settings: Settings,
) -> None:
    never = asyncio.Event()

    async def handler(request: httpx2.Request) -> httpx2.Response:
        await never.wait()  # the model never answers: only the translator's bound ends it
        raise AssertionError("unreachable")

    reader = await _read(settings, handler, ABSTAINED, bound_s=0.01)  # type: ignore[arg-type]
    assert reader.texts == [ABSTAINED]
    assert reader.actions == []


class _ModelParts:
    """The bundled parts, with the translator's model stage on an injected completer."""

    def __init__(self, parts: EngineParts, completer: Completer) -> None:
        self.parts = parts
        self.templates = parts.templates
        self.completer = completer

    def route(self, settings: Settings, completer: Completer | None = None) -> Any:
        return self.parts.route(settings, completer)

    def translator(self, settings: Settings, completer: Completer | None = None) -> Translator:
        return self.parts.translator(settings, self.completer)


def _text_event(text: str) -> bytes:
    event = {"content": {"parts": [{"text": text}], "role": "model"}, "author": "nemo_agent"}
    return f"data: {json.dumps(event)}\n\n".encode()


async def test_an_engine_turn_shows_the_models_rewrite_and_runs_its_action(
    settings: Settings, fixtures_dir: Path, tmp_path: Path
) -> None:
    script = ApiScript()
    script.on("POST", "/run_sse", sse_response(_text_event(ABSTAINED)))
    handler = recorded_reply(fixtures_dir, "tool_use_translate_plain.json")
    async with mock_completer(settings, handler) as completer:
        parts = _ModelParts(EngineParts.load(), completer)
        async with scripted_engine(settings, script, tmp_path, parts=parts) as (engine, _, _):
            result = await engine.run_turn("make it feel like a harbour at dawn")
    assert REWRITTEN in result.reply
    assert "Vault" not in result.reply
    # the model's "export" ran as the turn's follow-up (the scripted project has nothing yet)
    assert "nothing to export yet" in result.reply


async def test_without_a_key_the_engines_translator_has_no_model_stage(
    settings: Settings,
) -> None:
    keyless = settings.with_overrides(anthropic_api_key="")
    translator = EngineParts.load().translator(keyless)
    assert translator.completer is None
    ruled = translator(ABSTAINED)
    assert await translator.refine(ABSTAINED, ruled) == Translation(ABSTAINED, ())
