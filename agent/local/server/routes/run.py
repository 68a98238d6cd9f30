"""`POST /run_sse` (interpret, check credits, stream the run) and `GET /api/state/.../latest`."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from typing import Any

import structlog
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from agent.local.interpreter.plan import Asset, InterpretContext, Plan, Revision, TextStep, ToolStep
from agent.local.server.backend import Backend
from agent.local.server.stream import (
    END,
    HEARTBEAT,
    EventFactory,
    PlanRunner,
    QueueItem,
    encode_event,
    error_event,
    heartbeat_bytes,
)
from agent.local.server.wire import RunRequest, code_error, ok, validation_detail
from agent.local.store import history as store_history
from agent.local.store.db import Session

__all__ = ["output_url", "recent_revisions", "routes"]

APP_NAME = "nemo_agent"
_DEFAULT_CANVAS = {"width": 1920, "height": 1080, "aspect": "16:9"}
log = structlog.get_logger(__name__)


def _assets(session: Session) -> tuple[Asset, ...]:
    assets = []
    for info in session.video_infos:
        duration = info.get("duration")
        assets.append(
            Asset(
                asset_id=info["asset_id"],
                filename=info["filename"],
                kind=info["file_type"],
                url=info["cdn_url"],
                width=info.get("width"),
                height=info.get("height"),
                duration_ms=round(duration * 1000) if duration else None,
            )
        )
    return tuple(assets)


def build_context(
    session: Session,
    message: str,
    post_production: bool,
    history: tuple[Revision, ...] = (),
) -> InterpretContext:
    """The interpreter's view of one message in a session (with its draft history)."""
    digest = hashlib.sha256(f"{session.session_id}:{message}".encode()).digest()
    return InterpretContext(
        message=message,
        language="zh" if session.language.lower().startswith("zh") else "en",
        assets=_assets(session),
        draft=session.draft,
        post_production=post_production,
        seed=int.from_bytes(digest[:4], "big"),
        history=history,
    )


def _silence(plan: Plan) -> Plan:
    if not any(isinstance(s, ToolStep) for s in plan.steps):
        return plan
    return replace(plan, steps=tuple(s for s in plan.steps if not isinstance(s, TextStep)))


def _unprocessable(detail: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=422)


async def _parse(request: Request) -> RunRequest | JSONResponse:
    raw = await request.body()
    try:
        body = json.loads(raw)
    except ValueError as exc:
        detail = {"type": "json_invalid", "loc": ["body", 0], "msg": "JSON decode error"}
        return _unprocessable([{**detail, "input": {}, "ctx": {"error": str(exc)}}])
    try:
        return RunRequest.model_validate(body)
    except ValidationError as exc:
        return _unprocessable(validation_detail(exc))


async def _execute(
    runner: PlanRunner, queue: asyncio.Queue[QueueItem], on_done: Callable[[], None]
) -> None:
    try:
        if await runner.run():
            on_done()
    except Exception as exc:  # the run's top level: report in-stream like ADK, never lose it
        log.exception("run failed", invocation=runner.events.invocation_id)
        queue.put_nowait(error_event(type(exc).__name__, str(exc), now=runner.events.clock()))
    finally:
        queue.put_nowait(END)


async def _drain(
    queue: asyncio.Queue[QueueItem], beat: bytes | None, drop_after: int | None
) -> AsyncIterator[bytes]:
    sent = 0
    while (item := await queue.get()) != END:
        if item == HEARTBEAT:
            if beat:
                yield beat
            continue
        assert isinstance(item, dict)  # noqa: S101 - the queue holds events and two sentinels
        yield encode_event(item)
        sent += 1
        if drop_after is not None and sent >= drop_after:
            return  # fault: drop the connection; the run goes on server-side


async def run_sse(request: Request) -> Response:
    """`POST /run_sse`: ADK Form A events, heartbeats while tools work, close at the end."""
    backend: Backend = request.app.state.backend
    account = backend.authenticate(request)
    parsed = await _parse(request)
    if isinstance(parsed, JSONResponse):
        return parsed
    if parsed.app_name != APP_NAME:
        name = parsed.app_name
        detail = f"Agent not found: '{name}'. No matching directory or module exists in '{name}'."
        return JSONResponse({"detail": detail}, status_code=404)
    session = backend.owned_session(account, parsed.session_id, None)
    config = backend.config
    store = backend.store
    history = store_history.revisions(store, session.session_id)
    ctx = build_context(session, parsed.new_message.joined_text, config.post_production, history)
    plan = backend.interpret(ctx)
    if config.faults.silent_edits:
        plan = _silence(plan)
    if config.refill and plan.credits > store.balance(account.user_id).available:
        store_history.refill(store, account.user_id, max(config.grant, plan.credits))
    if plan.credits > store.balance(account.user_id).available:
        raise code_error(2001, f"insufficient credits: this needs {plan.credits}")
    queue: asyncio.Queue[QueueItem] = asyncio.Queue()
    work = {"generate": config.work_generate_s, "edit": config.work_edit_s}
    runner = PlanRunner(
        plan=plan,
        user_id=account.user_id,
        events=EventFactory.new(backend.deps.clock),
        credits=backend.store,
        save_draft=lambda draft: backend.store.save_draft(session.session_id, draft),
        emit=queue.put_nowait,
        sleep=backend.deps.sleep,
        work_seconds=lambda kind: work.get(kind, config.work_edit_s),
        heartbeat_s=config.heartbeat_s,
    )
    backend.track(asyncio.create_task(_execute(runner, queue, _recorder(backend, session, plan))))
    body = _drain(queue, heartbeat_bytes(config.heartbeat_form), config.faults.sse_drop_after)
    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(body, media_type="text/event-stream", headers=headers)


def _recorder(backend: Backend, session: Session, plan: Plan) -> Callable[[], None]:
    """Saves the plan's revision once all its tool steps ran (nothing for a plan without one)."""
    tools = [s for s in plan.steps if isinstance(s, ToolStep)]

    def record() -> None:
        if plan.revision is not None and tools:
            store_history.save(
                backend.store, session.session_id, plan.revision, tools[-1].draft, session.draft
            )

    return record


def output_url(base_url: str, output_key: str, render_id: str, extension: str = "mp4") -> str:
    """The public (CDN-like) URL of a finished render (`extension`: its format's)."""
    return f"{base_url}/outputs/{output_key}/{render_id}.{extension}"


async def state(request: Request) -> Response:
    """`GET /api/state/nemo_agent/{user}/{session_id}/latest`."""
    backend: Backend = request.app.state.backend
    account = backend.authenticate(request)
    params = request.path_params
    session = backend.owned_session(account, params["session_id"], params["user"])
    meta = session.draft.get("m") or {}
    canvas = {k: meta[k] for k in ("width", "height", "aspect") if k in meta} or _DEFAULT_CANVAS
    base = str(request.base_url).rstrip("/")
    generated = [
        {
            "type": "video",
            "render_id": job.render_id,
            "url": output_url(base, job.output_key, job.render_id),
            "duration": getattr(job.state, "duration_s", None),
            "size": getattr(job.state, "size_bytes", None),
        }
        for job in backend.store.session_jobs(session.session_id)
        if job.status == "completed"
    ]
    state_data: dict[str, Any] = {
        "video_infos": session.video_infos,
        "draft": session.draft,
        "canvas_config": canvas,
        "video_analyses": {},
        "generated_media": generated,
    }
    revisions = recent_revisions(store_history.revisions(backend.store, session.session_id))
    if revisions:  # a local extension: absent (as on the cloud) until something was edited
        state_data["revisions"] = revisions
    data: dict[str, Any] = {
        "session_id": session.session_id,
        "task_id": session.task_id,
        "task_name": session.task_name,
        "user_id": session.user_id,
        "state": state_data,
    }
    if backend.config.null_state and not session.draft:
        # Cloud profile: nothing written yet reads as null (what a new session may answer).
        if session.video_infos:
            data["state"].update(draft=None, canvas_config=None, generated_media=None)
        else:
            data["state"] = None
    return ok(data)


def recent_revisions(history: tuple[Revision, ...], count: int = 5) -> list[dict[str, Any]]:
    """The newest revisions for the state reply (a local-backend extension of `data.state`)."""
    active = [r.seq for r in history if not r.undone]
    current = active[-1] if active else None
    return [
        {
            "seq": r.seq,
            "label": r.label,
            "duration": r.draft.get("d"),
            "current": r.seq == current,
            "undone": r.undone,
        }
        for r in history[-count:]
    ]


def routes() -> list[Route]:
    """The agent routes."""
    return [
        Route("/run_sse", run_sse, methods=["POST"]),
        Route("/api/state/{app}/{user}/{session_id}/latest", state, methods=["GET"]),
    ]
