"""A silent run whose state diff is empty: state is re-read 3 times, 3 s apart (§4.8)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from agent.config import Settings
from agent.handlers.sse import SETTLE_DELAYS
from tests.engine_support import scripted_engine
from tests.fakes import ApiScript, api_json, json_response, sse_response

pytestmark = pytest.mark.integration

STATE = "/api/state/nemo_agent/me/5529798706024415232/latest"


def _untitled() -> dict[str, Any]:
    body: dict[str, Any] = copy.deepcopy(api_json("state"))
    body["data"]["state"]["draft"]["t"] = body["data"]["state"]["draft"]["t"][:1]
    return body


def _script(*states: Any) -> ApiScript:
    script = ApiScript()
    script.on("GET", STATE, *(json_response(s) for s in states))
    script.on("POST", "/run_sse", sse_response("silent-edit"))
    return script


async def test_a_change_that_lands_late_is_reported_after_a_few_re_reads(
    settings: Settings, tmp_path: Path
) -> None:
    script = _script(_untitled(), _untitled(), _untitled(), "state")
    async with scripted_engine(settings, script, tmp_path) as (engine, progress, sleep):
        result = await engine.run_turn("add a title 'Harbor Lights'")
    assert result.ok, result.reply
    assert '✅ Title added: "Harbor Lights"' in result.reply
    assert "nothing visible changed" not in result.reply
    assert sleep.delays == [3.0, 3.0]
    assert script.paths().count(f"GET {STATE}") == 4  # before, after, two re-reads
    assert script.paths().count("POST /run_sse") == 1
    assert ("status", "Checking progress (2/3)…") in progress.events


async def test_no_change_after_three_re_reads_says_nothing_visible_changed(
    settings: Settings, tmp_path: Path
) -> None:
    script = _script(_untitled())
    async with scripted_engine(settings, script, tmp_path) as (engine, _, sleep):
        result = await engine.run_turn("add a title 'Harbor Lights'")
    assert result.ok, result.reply
    assert "nothing visible changed" in result.reply
    assert sleep.delays == list(SETTLE_DELAYS) == [3.0, 3.0, 3.0]
    assert script.paths().count(f"GET {STATE}") == 5
    assert script.paths().count("POST /run_sse") == 1


async def test_a_change_seen_at_once_needs_no_re_read(settings: Settings, tmp_path: Path) -> None:
    script = _script(_untitled(), "state")
    async with scripted_engine(settings, script, tmp_path) as (engine, _, sleep):
        result = await engine.run_turn("add a title 'Harbor Lights'")
    assert '✅ Title added: "Harbor Lights"' in result.reply
    assert sleep.delays == []
    assert script.paths().count(f"GET {STATE}") == 2
