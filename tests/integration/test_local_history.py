"""Local backend, in process, with the real interpreter: draft revisions are saved in the store,
undo/redo/go-back move through them (also after a restart), and local credits refill."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.local_support import (
    auth,
    in_process,
    local_config,
    local_deps,
    photo_session,
    run_body,
    sse_events,
)

pytestmark = pytest.mark.integration


async def _say(client: httpx.AsyncClient, token: str, sid: str, text: str) -> str:
    r = await client.post("/run_sse", headers=auth(token), content=run_body(sid, text))
    assert r.status_code == 200
    parts = [p for e in sse_events(r.text) for p in e.get("content", {}).get("parts", [])]
    return " ".join(p["text"] for p in parts if "text" in p)


async def _draft(client: httpx.AsyncClient, token: str, sid: str) -> dict[str, Any]:
    r = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
    draft: dict[str, Any] = r.json()["data"]["state"]["draft"]
    return draft


async def test_undo_redo_and_go_back_move_through_saved_revisions(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    deps = local_deps(interpret=None)
    async with in_process(local_config(tmp_path), deps) as client:
        token, sid = await photo_session(client, fixtures_dir)
        await _say(client, token, sid, "make a 5-second video")
        await _say(client, token, sid, "make it 8 seconds")
        await _say(client, token, sid, "twice as long")
        lengths = [(await _draft(client, token, sid))["d"]]
        await _say(client, token, sid, "undo")
        lengths.append((await _draft(client, token, sid))["d"])
        await _say(client, token, sid, "redo")
        lengths.append((await _draft(client, token, sid))["d"])
        await _say(client, token, sid, "go back to the 5-second version")
        lengths.append((await _draft(client, token, sid))["d"])
        listing = await _say(client, token, sid, "show the history")
    assert lengths == [16_000, 8000, 16_000, 5000]
    assert "(current)" in listing
    assert listing.count("\n") >= 4


async def test_history_survives_a_restart(tmp_path: Path, fixtures_dir: Path) -> None:
    deps = local_deps(interpret=None)
    async with in_process(local_config(tmp_path), deps) as client:
        token, sid = await photo_session(client, fixtures_dir)
        await _say(client, token, sid, "make a 5-second video")
        await _say(client, token, sid, "add a title 'Harbor'")
    async with in_process(local_config(tmp_path), deps) as client:
        await _say(client, token, sid, "撤销")
        draft = await _draft(client, token, sid)
    assert draft["d"] == 5000
    assert [t["tt"] for t in draft["t"]] == [0]


async def test_local_credits_refill_so_offline_work_never_stops(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    deps = local_deps(interpret=None)
    async with in_process(local_config(tmp_path, grant=120), deps) as client:
        token, sid = await photo_session(client, fixtures_dir)
        replies = [await _say(client, token, sid, f"make a {n}-second video") for n in (4, 6, 7)]
        draft = await _draft(client, token, sid)
        credits = await client.get("/api/credits/balance/simple", headers=auth(token))
    assert all(replies)
    assert draft["d"] == 7000
    assert credits.json()["data"]["available"] >= 20


async def test_the_state_lists_recent_revisions_and_the_state_reply_shows_them(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    from agent.handlers.state import versions
    from agent.templates import Templates
    from agent.timeline import parse_timeline

    deps = local_deps(interpret=None)
    async with in_process(local_config(tmp_path), deps) as client:
        token, sid = await photo_session(client, fixtures_dir)
        await _say(client, token, sid, "make a 5-second video")
        await _say(client, token, sid, "make it 8 seconds")
        await _say(client, token, sid, "undo")
        r = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
    state = r.json()["data"]["state"]
    marks = [(v["seq"], v["duration"], v["current"], v["undone"]) for v in state["revisions"]]
    assert marks == [(1, 5000, True, False), (2, 8000, False, True)]
    reply = Templates().render(
        "replies/state",
        "en",
        timeline=parse_timeline(state["draft"]),
        uploads=[],
        revisions=versions(state["revisions"]),
    )
    assert reply.splitlines()[-1] == (
        'Versions: 1. 5s (current), 2. 8s (undone) — say "undo", "redo" or '
        '"go back to the 5-second version".'
    )
