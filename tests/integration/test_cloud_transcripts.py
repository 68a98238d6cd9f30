"""Hand-written cloud-shaped transcripts, one per risk R1-R9 of the fidelity audit.

Each scripts what the real NemoVideo API may plausibly send (shapes the public sources allow or
leave open, see docs/cloud-wire.md) and runs a whole turn through the engine. Every one of them
failed on the client before the cloud-fidelity change.
"""

from __future__ import annotations

import copy
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from agent.config import Settings
from tests.engine_support import scripted_engine
from tests.fakes import CDN_PATH, MP4, SID, SUBMIT, ApiScript, FakeClock, api_json, json_response

pytestmark = pytest.mark.integration

STATE = f"/api/state/nemo_agent/me/{SID}/latest"
CDN_URL = f"https://static1.nemovideo.ai{CDN_PATH}"


def _sse(*payloads: str) -> httpx.Response:
    body = "".join(f"data: {p}\n\n" for p in payloads).encode()
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body)


def _text(text: str) -> str:
    return json.dumps({"type": "text", "content": text})


def _state(**state: Any) -> dict[str, Any]:
    return {"code": 0, "data": {"session_id": SID, "task_id": "task_7f3a", "state": state}}


def _polls(*bodies: Any) -> ApiScript:
    script = ApiScript()
    script.on("GET", STATE, json_response("state"))
    script.on("POST", SUBMIT, json_response("render-submit"))
    answers = (b if isinstance(b, httpx.Response) else json_response(b) for b in bodies)
    script.on("GET", f"{SUBMIT}/*", *answers)
    script.on("GET", CDN_PATH, httpx.Response(200, content=MP4))
    return script


# -- R1: the state of a brand-new session is null, odd-typed or missing ------------------------

NEW_SESSION_STATES = {
    "draft-null": json_response(_state(draft=None, video_infos=None, canvas_config=None)),
    "state-null": json_response({"code": 0, "data": {"session_id": SID, "state": None}}),
    "data-null": json_response({"code": 0, "data": None}),
    "draft-string": json_response(_state(draft="{}", video_infos={"harbor.jpg": {}})),
    "latest-404": json_response({"code": 404, "message": "state not found"}, status=404),
    "latest-1002": json_response({"code": 1002, "message": "no state yet"}, status=404),
}


@pytest.mark.parametrize("answer", list(NEW_SESSION_STATES), ids=list(NEW_SESSION_STATES))
async def test_r1_first_message_is_sent_whatever_the_new_sessions_state_looks_like(
    answer: str, settings: Settings, tmp_path: Path
) -> None:
    script = ApiScript().on("GET", STATE, NEW_SESSION_STATES[answer])
    script.on("POST", "/run_sse", _sse(_text("Hi! Send me a photo to start.")))
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        result = await engine.run_turn("hello, what can you do?")
    assert result.ok, result.reply
    assert "Send me a photo" in result.reply
    assert script.paths().count("POST /run_sse") == 1


# -- R2: the backend's draft points at sandbox paths; the renderer needs CDN URLs -------------


async def test_r2_sandbox_paths_in_the_draft_become_cdn_urls_before_rendering(
    settings: Settings, tmp_path: Path
) -> None:
    body = copy.deepcopy(api_json("state"))
    state = body["data"]["state"]
    state["video_infos"] = [
        {
            "filename": "harbor.jpg",
            "s3_key": "uploads/u1/harbor.jpg",
            "cdn_url": "https://cdn.example.com/u/harbor.jpg",
        }
    ]
    state["draft"]["t"][0]["sg"][0]["src"] = "/mnt/userdata/uploads/u1/harbor.jpg"
    script = _polls("render-a-completed")
    script.routes[("GET", STATE)].clear()
    script.on("GET", STATE, json_response(body))
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        result = await engine.run_turn("export")
    assert result.ok, result.reply
    submitted = next(json.loads(r.content) for r in script.requests if r.url.path == SUBMIT)
    segment = submitted["draft"]["t"][0]["sg"][0]
    assert segment["src"] == "https://cdn.example.com/u/harbor.jpg"
    assert "/mnt/userdata" not in json.dumps(submitted)


# -- R3: `completed` a moment before the output URL is written ---------------------------------


async def test_r3_completed_without_a_url_keeps_polling_until_the_url_is_there(
    settings: Settings, tmp_path: Path
) -> None:
    early = {"success": True, "data": {"id": "render_1", "status": "completed", "progress": 100}}
    script = _polls("render-a-processing", early, early, "render-a-completed")
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        result = await engine.run_turn("export")
    assert result.ok, result.reply
    assert len(result.files) == 1
    assert not any("/download" in p for p in script.paths())
    assert script.paths().count(f"GET {CDN_PATH}") == 1


async def test_r3_a_poll_that_fails_for_a_while_is_retried_on_the_same_render_id(
    settings: Settings, tmp_path: Path
) -> None:
    downs = [json_response({"message": "upstream unavailable"}, status=503) for _ in range(5)]
    script = _polls("render-a-processing", *downs, "render-a-completed")
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        result = await engine.run_turn("export")
    assert result.ok, result.reply
    assert script.paths().count(f"POST {SUBMIT}") == 1
    polled = {p for p in script.paths() if p.startswith(f"GET {SUBMIT}/")}
    assert len(polled) == 1  # the same render id every time


# -- R4: numeric ids, ISO dates, object-valued errors ------------------------------------------


async def test_r4_numeric_id_and_iso_dates_in_a_render_body_are_read(
    settings: Settings, tmp_path: Path
) -> None:
    processing = {
        "success": True,
        "data": {"id": 1773423613616, "status": "processing", "progress": "40",
                 "createdAt": "2026-03-18T00:00:00Z"},
    }  # fmt: skip
    done = {
        "success": True,
        "data": {"id": 1773423613616, "status": "completed", "outputUrl": CDN_URL,
                 "createdAt": "2026-03-18T00:00:00Z", "completedAt": "2026-03-18T00:00:31.5Z",
                 "size": "15728640"},
    }  # fmt: skip
    script = _polls(processing, done)
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        result = await engine.run_turn("export")
    assert result.ok, result.reply
    assert len(result.files) == 1


async def test_r4_an_object_valued_render_error_is_reported_with_its_reason(
    settings: Settings, tmp_path: Path
) -> None:
    failed = {
        "success": True,
        "data": {"id": 7, "status": "failed", "error": {"code": 5001, "message": "codec crashed"}},
    }
    script = _polls(failed)
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        result = await engine.run_turn("export")
    assert not result.ok
    assert result.error is not None
    assert "codec crashed" in result.error.message
    assert script.paths().count(f"POST {SUBMIT}") == 2  # one retry with a new id


# -- R5: render statuses outside the four documented ones -------------------------------------


async def test_r5_success_in_upper_case_means_completed(settings: Settings, tmp_path: Path) -> None:
    done = {"taskId": "render_1", "status": "SUCCESS", "output": {"url": CDN_URL}}
    script = _polls("render-a-processing", done)
    async with scripted_engine(settings, script, tmp_path) as (engine, _, sleep):
        result = await engine.run_turn("export")
    assert result.ok, result.reply
    assert len(result.files) == 1
    assert len(sleep.delays) < 5


async def test_r5_cancelled_means_failed_with_the_reason(
    settings: Settings, tmp_path: Path
) -> None:
    script = _polls({"success": True, "data": {"status": "cancelled"}})
    async with scripted_engine(settings, script, tmp_path) as (engine, _, sleep):
        result = await engine.run_turn("export")
    assert not result.ok
    assert result.error is not None
    assert "cancelled" in result.error.message
    assert len(sleep.delays) < 5


async def test_r5_a_truly_unknown_status_is_told_to_the_user_at_the_next_poll(
    settings: Settings, tmp_path: Path
) -> None:
    odd = {"success": True, "data": {"status": "awaiting_moderation"}}
    script = _polls(odd, odd, odd, "render-a-completed")
    async with scripted_engine(settings, script, tmp_path) as (engine, progress, _):
        result = await engine.run_turn("export")
    assert result.ok, result.reply
    said = [text for kind, text in progress.events if "awaiting_moderation" in text]
    assert len(said) == 1, progress.events  # told once, not on every poll


# -- R6: the answer to `ask_question` goes back as a function response -------------------------


async def test_r6_the_answer_to_a_question_carries_a_function_response(
    settings: Settings, tmp_path: Path
) -> None:
    call = {
        "content": {"role": "model", "parts": [{"functionCall": {
            "id": "adk-q1", "name": "ask_question",
            "args": {"questions": [{"prompt": "Which style?",
                                    "options": [{"label": "calm"}, {"label": "lively"}]}]}}}]},
        "longRunningToolIds": ["adk-q1"],
    }  # fmt: skip
    script = ApiScript().on("GET", STATE, json_response("state"))
    script.on("POST", "/run_sse", _sse(json.dumps(call)), _sse(_text("Calm it is.")))
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        first = await engine.run_turn("make it stylish")
        second = await engine.run_turn("calm")
    assert first.question == "Which style?"
    assert second.ok, second.reply
    posts = [json.loads(r.content) for r in script.requests if r.url.path == "/run_sse"]
    parts = posts[1]["new_message"]["parts"]
    response = next(p["functionResponse"] for p in parts if "functionResponse" in p)
    assert response["id"] == "adk-q1"
    assert response["name"] == "ask_question"
    assert "calm" in json.dumps(response["response"])
    assert {"text": "calm"} in parts


# -- R7: bare `data: heartbeat` keep-alives during a long generation ---------------------------


class _Paced(httpx.AsyncByteStream):
    """Chunks with the fake clock moved forward before each (a slow generation)."""

    def __init__(self, clock: FakeClock, chunks: list[tuple[float, bytes]]) -> None:
        self._clock = clock
        self._chunks = chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for seconds, chunk in self._chunks:
            self._clock.advance(seconds)
            yield chunk


async def test_r7_bare_heartbeats_are_keep_alives_and_the_reminder_fires_every_two_minutes(
    settings: Settings, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock()
    beats = [(30.0, b"data: heartbeat\n\n") for _ in range(10)]  # 5 minutes of beats
    chunks = [(0.0, b'data: {"type":"tool_call","name":"generate_video","args":{}}\n\n')]
    result = b'data: {"type":"tool_result","name":"generate_video","result":{"ok":true}}\n\n'
    chunks += [*beats, (1.0, result), (0.0, f"data: {_text('Your video is ready.')}\n\n".encode())]

    def stream(_request: httpx.Request) -> httpx.Response:
        headers = {"content-type": "text/event-stream"}
        return httpx.Response(200, headers=headers, stream=_Paced(clock, chunks))

    script = ApiScript().on("GET", STATE, json_response("state"))
    script.on("POST", "/run_sse", stream)
    settings = settings.with_overrides(auto_export=False)
    async with scripted_engine(settings, script, tmp_path, clock=clock) as (engine, progress, _):
        result = await engine.run_turn("turn my photo into a video")
    assert result.ok, result.reply
    reminders = [text for kind, text in progress.events if text.startswith("⏳")]
    assert reminders == ["⏳ Still working... (2 min)", "⏳ Still working... (4 min)"]
    assert "sse_payload_not_json" not in caplog.text


# -- R8: 402 and 403 by endpoint and body ------------------------------------------------------


async def test_r8_a_402_for_credits_on_run_sse_says_top_up_not_export_blocked(
    settings: Settings, tmp_path: Path
) -> None:
    script = ApiScript().on("GET", STATE, json_response("state"))
    body = {"code": 402, "message": "Insufficient credits"}
    script.on("POST", "/run_sse", json_response(body, status=402))
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        result = await engine.run_turn("make the video brighter")
    assert not result.ok
    assert "out of credits" in result.reply
    assert "plan" not in result.reply


async def test_r8_a_403_for_a_missing_scope_on_render_says_what_the_token_lacks(
    settings: Settings, tmp_path: Path
) -> None:
    script = _polls("render-a-completed")
    body = {"code": 403, "message": "token lacks required scope: render"}
    script.routes[("POST", SUBMIT)].clear()
    script.on("POST", SUBMIT, json_response(body, status=403))
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        result = await engine.run_turn("export")
    assert not result.ok
    assert result.error is not None
    assert result.error.code == 403
    assert "permission" in result.reply
    assert "register" in result.reply.lower()


# -- R9: scalars of other types than the examples show ----------------------------------------


async def test_r9_empty_expiry_numeric_ids_and_fractional_credits_are_read(
    settings: Settings, tmp_path: Path
) -> None:
    token = {"code": 0, "data": {"token": "nmv_usr_FAKE_r9", "user_id": 12345,
                                 "expires_at": "", "credits": 99.5}}  # fmt: skip
    session = {"code": "0", "data": {"task_id": 771, "session_id": int(SID)}}
    credits = {"code": 0, "data": {"available": 99.5, "frozen": "0.5", "total": None}}
    script = ApiScript()
    script.on("POST", "/api/auth/anonymous-token", json_response(token))
    script.on("POST", "/api/tasks/me/with-session/nemo_agent", json_response(session))
    script.on("GET", "/api/credits/balance/simple", json_response(credits))
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        result = await engine.run_turn("how many credits do I have?")
    assert result.ok, result.reply
    assert result.session_id == SID
    assert "99.5" in result.reply or "99" in result.reply
