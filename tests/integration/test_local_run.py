"""Local backend, in process: `/run_sse` events, errors before streaming, credits, faults."""

from __future__ import annotations

import asyncio
import re
import threading
from pathlib import Path

import pytest

from agent.local.faults import parse_faults
from agent.local.server.backend import Deps
from tests.local_support import (
    auth,
    fake_probe,
    gated_sleep,
    in_process,
    in_process_app,
    local_config,
    local_deps,
    new_session,
    new_token,
    no_sleep,
    photo_session,
    run_body,
    runs_finished,
    sse_events,
    sse_headers,
    upload,
)

pytestmark = pytest.mark.integration

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
ACTIONS = {
    "stateDelta": {},
    "artifactDelta": {},
    "requestedAuthConfigs": {},
    "requestedToolConfirmations": {},
}


async def test_a_generation_run_streams_adk_form_a_events(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token, sid = await photo_session(client, fixtures_dir)
        r = await client.post(
            "/run_sse", headers=sse_headers(token), content=run_body(sid, "a video")
        )
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/event-stream; charset=utf-8"
    assert r.text.startswith('data: {"content":')
    call, response, text = sse_events(r.text)
    invocation = call["invocationId"]
    assert re.fullmatch(f"e-{UUID}", invocation)
    for event in (call, response, text):
        assert list(event) == [
            "content",
            "invocationId",
            "author",
            "actions",
            "nodeInfo",
            "id",
            "timestamp",
        ]
        assert event["invocationId"] == invocation
        assert event["author"] == "nemo_agent"
        assert event["actions"] == ACTIONS
        assert re.fullmatch(UUID, event["id"])
        assert isinstance(event["timestamp"], float)
    fc = call["content"]["parts"][0]["functionCall"]
    assert re.fullmatch(f"adk-{UUID}", fc["id"])
    assert call["content"]["role"] == "model"
    assert response["content"] == {
        "parts": [
            {
                "functionResponse": {
                    "id": fc["id"],
                    "name": "generate_video_from_images",
                    "response": {"status": "success"},
                }
            }
        ],
        "role": "user",
    }
    assert text["content"] == {
        "parts": [{"text": "Your video is ready. Click Export."}],
        "role": "model",
    }


async def test_camel_case_request_keys_are_accepted(tmp_path: Path) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client)
        sid = await new_session(client, token)
        body = {
            "appName": "nemo_agent",
            "userId": "me",
            "sessionId": sid,
            "newMessage": {"role": "user", "parts": [{"text": "hello"}]},
        }
        r = await client.post("/run_sse", headers=auth(token), json=body)
    (event,) = sse_events(r.text)
    assert event["content"]["parts"] == [{"text": "Hello! Send me a photo."}]


async def test_a_body_without_user_id_answers_adk_422(tmp_path: Path) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client)
        r = await client.post(
            "/run_sse", headers=auth(token), content='{"app_name":"nemo_agent","session_id":"1"}'
        )
        garbage = await client.post("/run_sse", headers=auth(token), content="{nope")
    assert r.status_code == 422
    assert r.content == (
        b'{"detail":[{"type":"missing","loc":["body","userId"],"msg":"Field required",'
        b'"input":{"app_name":"nemo_agent","session_id":"1"}}]}'
    )
    assert garbage.status_code == 422
    assert garbage.json()["detail"][0]["type"] == "json_invalid"


async def test_another_app_name_answers_adk_404(tmp_path: Path) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client)
        sid = await new_session(client, token)
        body = run_body(sid, "hi").replace("nemo_agent", "nope")
        r = await client.post("/run_sse", headers=auth(token), content=body)
    assert r.status_code == 404
    assert r.json()["detail"].startswith("Agent not found: 'nope'.")


async def test_unknown_or_foreign_sessions_answer_1002_before_streaming(tmp_path: Path) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client, "a")
        other = await new_token(client, "b")
        sid = await new_session(client, other)
        foreign = await client.post("/run_sse", headers=auth(token), content=run_body(sid, "hi"))
        unknown = await client.post("/run_sse", headers=auth(token), content=run_body("1", "hi"))
        no_token = await client.post("/run_sse", content=run_body(sid, "hi"))
    for r in (foreign, unknown):
        assert (r.status_code, r.json()["code"]) == (404, 1002)
    assert (no_token.status_code, no_token.json()["code"]) == (401, 1001)


async def test_a_short_balance_answers_2001_before_any_work(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    async with in_process(local_config(tmp_path, grant=120, refill=False), local_deps()) as client:
        token, sid = await photo_session(client, fixtures_dir)
        first = await client.post("/run_sse", headers=auth(token), content=run_body(sid, "a video"))
        second = await client.post(
            "/run_sse", headers=auth(token), content=run_body(sid, "a video")
        )
        credits = await client.get("/api/credits/balance/simple", headers=auth(token))
    assert len(sse_events(first.text)) == 3
    assert second.status_code == 200
    assert second.json()["code"] == 2001
    assert credits.json()["data"] == {"available": 20, "frozen": 0, "total": 20}


async def test_credits_are_frozen_while_work_runs_and_draft_lands_before_the_end(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    gate, entered = threading.Event(), threading.Event()
    deps = local_deps(sleep=gated_sleep(gate, entered))
    async with in_process(local_config(tmp_path, grant=500), deps) as client:
        token, sid = await photo_session(client, fixtures_dir)
        run = asyncio.create_task(
            client.post("/run_sse", headers=auth(token), content=run_body(sid, "a video"))
        )
        async with asyncio.timeout(5):
            await asyncio.to_thread(entered.wait, 5)
        during = await client.get("/api/credits/balance/simple", headers=auth(token))
        gate.set()
        async with asyncio.timeout(5):
            r = await run
        after = await client.get("/api/credits/balance/simple", headers=auth(token))
    assert during.json()["data"] == {"available": 400, "frozen": 100, "total": 500}
    assert after.json()["data"] == {"available": 400, "frozen": 0, "total": 400}
    assert len(sse_events(r.text)) == 3


async def test_ask_step_becomes_an_ask_question_call_and_ends_the_run(tmp_path: Path) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client)
        sid = await new_session(client, token)
        r = await client.post("/run_sse", headers=auth(token), content=run_body(sid, "which one"))
    (event,) = sse_events(r.text)
    call = event["content"]["parts"][0]["functionCall"]
    assert call["name"] == "ask_question"
    assert event["longRunningToolIds"] == [call["id"]]
    assert call["args"] == {
        "questions": [
            {
                "id": "q1",
                "prompt": "Which style?",
                "options": [{"id": "o1", "label": "calm"}, {"id": "o2", "label": "lively"}],
                "allow_multiple": False,
            }
        ]
    }


@pytest.mark.parametrize(
    ("form", "frame"),
    [("json", 'data: {"type":"heartbeat"}'), ("comment", ": heartbeat"), ("empty", "data: ")],
)
async def test_heartbeats_arrive_in_the_configured_form_while_a_tool_works(
    tmp_path: Path, fixtures_dir: Path, form: str, frame: str
) -> None:
    gate, entered = threading.Event(), threading.Event()

    async def slow(_seconds: float) -> None:
        entered.set()
        await asyncio.to_thread(gate.wait, 0.3)

    config = local_config(tmp_path, heartbeat_s=0.05, heartbeat_form=form)
    async with in_process(config, local_deps(sleep=slow)) as client:
        token, sid = await photo_session(client, fixtures_dir)
        r = await client.post("/run_sse", headers=auth(token), content=run_body(sid, "a video"))
    frames = r.text.split("\n\n")
    assert frame in frames
    assert 0 < frames.index(frame) < len(frames) - 3
    assert len(sse_events(r.text)) == 3


async def test_heartbeats_can_be_turned_off(tmp_path: Path, fixtures_dir: Path) -> None:
    gate, entered = threading.Event(), threading.Event()

    async def slow(_seconds: float) -> None:
        entered.set()
        await asyncio.to_thread(gate.wait, 0.2)

    config = local_config(tmp_path, heartbeat_s=0.05, heartbeat_form="off")
    async with in_process(config, local_deps(sleep=slow)) as client:
        token, sid = await photo_session(client, fixtures_dir)
        r = await client.post("/run_sse", headers=auth(token), content=run_body(sid, "a video"))
    frames = [f for f in r.text.split("\n\n") if f]
    assert len(frames) == 3
    assert all(f.startswith('data: {"content":') for f in frames)


async def test_silent_edits_fault_drops_text_but_keeps_the_tool_events(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    config = local_config(tmp_path, faults=parse_faults("silent_edits"))
    async with in_process(config, local_deps()) as client:
        token, sid = await photo_session(client, fixtures_dir)
        r = await client.post("/run_sse", headers=auth(token), content=run_body(sid, "add a title"))
        hello = await client.post("/run_sse", headers=auth(token), content=run_body(sid, "hello"))
    events = sse_events(r.text)
    assert [list(e["content"]["parts"][0]) for e in events] == [
        ["functionCall"],
        ["functionResponse"],
    ]
    assert len(sse_events(hello.text)) == 1


async def test_sse_drop_fault_closes_the_stream_early_but_the_run_finishes(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    gate, entered = threading.Event(), threading.Event()
    config = local_config(tmp_path, faults=parse_faults("sse_drop_after=1"))
    async with in_process_app(config, local_deps(sleep=gated_sleep(gate, entered))) as (
        client,
        app,
    ):
        token, sid = await photo_session(client, fixtures_dir)
        r = await client.post("/run_sse", headers=auth(token), content=run_body(sid, "a video"))
        before = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
        gate.set()
        await runs_finished(app)
        after = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
        credits = await client.get("/api/credits/balance/simple", headers=auth(token))
    assert len(sse_events(r.text)) == 1
    assert before.json()["data"]["state"]["draft"] == {}
    assert after.json()["data"]["state"]["draft"]["t"][0]["sg"][0]["n"] == "harbor-small.png"
    assert credits.json()["data"]["available"] == 10_000 - 100


async def test_chinese_sessions_pass_zh_to_the_interpreter(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client)
        sid = await new_session(client, token, language="zh-CN")
        await upload(client, token, sid, fixtures_dir / "media" / "harbor-small.png")
        r = await client.post("/run_sse", headers=auth(token), content=run_body(sid, "生成视频"))
    assert sse_events(r.text)[-1]["content"]["parts"] == [{"text": "视频已生成。"}]


async def test_the_real_interpreter_charges_the_configured_generation_cost(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    config = local_config(tmp_path, grant=500, cost_generate=7)
    deps = Deps(probe=fake_probe, sleep=no_sleep)  # the default interpreter
    async with in_process(config, deps) as client:
        token, sid = await photo_session(client, fixtures_dir)
        r = await client.post(
            "/run_sse", headers=auth(token), content=run_body(sid, "make a 5 second video")
        )
        credits = await client.get("/api/credits/balance/simple", headers=auth(token))
    call = sse_events(r.text)[0]
    assert call["content"]["parts"][0]["functionCall"]["name"] == "generate_video_from_images"
    assert credits.json()["data"] == {"available": 493, "frozen": 0, "total": 493}
