"""Render proxy routes (§3.8-§3.12): submit, poll (Shape A, optionally B), cancel, download,
and the public output URLs. Renders themselves run in `RenderWorkers`."""

from __future__ import annotations

import hmac
import json
import secrets
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from agent.local.renderer.output import OutputRequest, parse_output
from agent.local.server.backend import Backend
from agent.local.server.routes.run import output_url
from agent.local.server.wire import RenderRequest, fail, success
from agent.local.server.workers import RenderWorkers
from agent.local.store import jobs
from agent.local.store.db import Account
from agent.local.store.jobs import Completed, Failed, RenderJob
from agent.models import POLL_HOLD_HEADER

__all__ = ["POLL_HOLD_S", "job_body", "job_output", "routes"]

POLL_HOLD_S = 10.0
"""The longest a poll with `?wait=SECONDS` is held (said in `POLL_HOLD_HEADER`): the client
learns the end of a render as it happens instead of on its next scheduled poll."""
_HOLD = {POLL_HOLD_HEADER: f"{POLL_HOLD_S:g}"}

_ATTRIBUTION = ("x-skill-source", "x-skill-version", "x-skill-platform")


def _guard(request: Request) -> tuple[Backend, Account]:
    backend: Backend = request.app.state.backend
    account = backend.authenticate(request)
    if any(not request.headers.get(h, "").strip() for h in _ATTRIBUTION):
        raise fail(
            402, "export blocked: free plan, or the X-Skill-* attribution headers are missing"
        )
    return backend, account


def _workers(request: Request) -> RenderWorkers:
    workers: RenderWorkers = request.app.state.workers
    return workers


def _owned_job(backend: Backend, account: Account, render_id: str) -> RenderJob:
    job = backend.store.job(render_id)
    if job is None or job.user_id != account.user_id:
        raise fail(404, f"render {render_id} not found")
    return job


def _date(ms: int, iso: bool) -> int | str:
    if not iso:
        return ms
    moment = datetime.fromtimestamp(ms / 1000, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def job_body(
    job: RenderJob,
    base_url: str,
    shape: str,
    output: OutputRequest | None = None,
    *,
    iso: bool = False,
    with_url: bool = True,
) -> dict[str, Any]:
    """The poll response: Shape A (`success`/`data`), plus Shape B top-level fields for `b`,
    or only those for `b-only`. `iso` writes dates as ISO-8601 text; without `with_url` a
    completed job has no output URL yet (the cloud profile's first poll after completion).

    A completed job also reports what was rendered (`output`: format, width, height, fps),
    an extension the cloud's response does not have.
    """
    data: dict[str, Any] = {
        "id": job.render_id,
        "status": job.status,
        "progress": job.progress,
        "createdAt": _date(job.created_ms, iso),
    }
    output = output or OutputRequest()
    url = (
        output_url(base_url, job.output_key, job.render_id, output.extension) if with_url else None
    )
    state = job.state
    if isinstance(state, Completed):
        data.update(completedAt=_date(state.completed_ms, iso))
        if url:
            data["outputUrl"] = url
        data["output"] = {
            "format": output.format,
            "width": state.width,
            "height": state.height,
            "fps": output.frame_rate(),
        }
    elif isinstance(state, Failed):
        data.update(error=state.reason, completedAt=_date(state.completed_ms, iso))
    dates = {k: v for k, v in data.items() if k in ("createdAt", "completedAt")}
    body: dict[str, Any] = dates if shape == "b-only" else {"success": True, "data": data}
    if shape in ("b", "b-only"):
        body.update(taskId=job.render_id, status=job.status, progress=job.progress)
        if isinstance(state, Completed) and url:
            body["output"] = {"url": url, "duration": state.duration_s, "size": state.size_bytes}
        elif isinstance(state, Failed):
            body["error"] = state.reason
    return body


def _url_written(backend: Backend, job: RenderJob) -> bool:
    """False for the first `url_lag_polls` polls of a completed job (cloud profile)."""
    if job.status != "completed" or backend.config.url_lag_polls <= 0:
        return True
    seen = backend.url_polls.get(job.render_id, 0)
    backend.url_polls[job.render_id] = seen + 1
    return seen >= backend.config.url_lag_polls


def _has_segments(draft: dict[str, Any]) -> bool:
    tracks = draft.get("t")
    return isinstance(tracks, list) and any(isinstance(t, dict) and t.get("sg") for t in tracks)


async def submit(request: Request) -> Response:
    """`POST /api/render/proxy/lambda`."""
    backend, account = _guard(request)
    try:
        req = RenderRequest.model_validate(json.loads(await request.body()))
    except (ValueError, ValidationError) as exc:
        raise fail(400, f"invalid render request: {exc}") from None
    session = backend.store.session(req.session_id)
    if session is None or session.user_id != account.user_id:
        raise fail(404, "session not found", code=1002)
    if not _has_segments(req.draft):
        raise fail(400, "the draft has no tracks with segments: generate a video first")
    try:
        output = parse_output(req.output)
    except ValueError as exc:
        raise fail(400, f"invalid render request: {exc}") from None
    job = RenderJob(
        render_id=req.id,
        user_id=account.user_id,
        session_id=session.session_id,
        created_ms=backend.now_ms(),
        output_key=secrets.token_urlsafe(18),
    )
    if not backend.store.add_job(job, req.draft, output.encode()):
        return JSONResponse(
            {"success": False, "error": f"render id {req.id} already exists"}, status_code=409
        )
    _workers(request).submit(job.render_id)
    answer = success({"id": job.render_id, "status": job.status, "progress": job.progress})
    answer.headers.update(_HOLD)
    return answer


def _hold_for(request: Request) -> float:
    """Seconds the poll may be held (`?wait=`, at most `POLL_HOLD_S`; 0 without it)."""
    try:
        wait = float(request.query_params.get("wait") or 0)
    except ValueError:
        raise fail(400, "wait must be a number of seconds") from None
    return min(POLL_HOLD_S, wait) if wait > 0 else 0.0


async def poll(request: Request) -> Response:
    """`GET /api/render/proxy/lambda/{render_id}[?wait=SECONDS]`: with `wait`, answered when the
    job ends or `wait` seconds have passed, whichever comes first."""
    backend, account = _guard(request)
    hold = _hold_for(request)
    job = _owned_job(backend, account, request.path_params["render_id"])
    if hold and not job.finished:
        await _workers(request).settled(job.render_id, hold)
        job = _owned_job(backend, account, job.render_id)
    base = str(request.base_url).rstrip("/")
    config = backend.config
    body = job_body(
        job,
        base,
        config.render_shape,
        job_output(backend, job.render_id),
        iso=config.iso_dates,
        with_url=_url_written(backend, job),
    )
    return JSONResponse(body, headers=_HOLD)


async def cancel(request: Request) -> Response:
    """`POST /api/render/proxy/lambda/{render_id}/cancel`."""
    backend, account = _guard(request)
    job = _owned_job(backend, account, request.path_params["render_id"])
    if job.finished:
        raise fail(409, f"render {job.render_id} already {job.status}")
    cancelled = jobs.cancel(job, now_ms=backend.now_ms())
    if not backend.store.save_job(cancelled, expect=("pending", "processing")):
        raise fail(409, f"render {job.render_id} already finished")
    _workers(request).cancel(job.render_id)
    return success({"id": job.render_id, "status": cancelled.status, "cancelled": True})


def job_output(backend: Backend, render_id: str) -> OutputRequest:
    """The output options a job was submitted with."""
    return OutputRequest.decode(backend.store.job_input(render_id)[1])


def _file_for(request: Request, job: RenderJob) -> Response:
    """The job's file; FileResponse answers `Range` requests with 206 (players seek)."""
    output = job_output(request.app.state.backend, job.render_id)
    path = _workers(request).output_path(job.render_id, output.extension)
    if job.status != "completed" or not path.is_file():
        raise fail(404, f"render {job.render_id} has no output (status {job.status})")
    name = f"{job.render_id}.{output.extension}"
    return FileResponse(path, media_type=output.media_type, filename=name)


async def download(request: Request) -> Response:
    """`GET /api/render/proxy/{render_id}/download` (bearer; no `lambda` segment)."""
    backend, account = _guard(request)
    return _file_for(request, _owned_job(backend, account, request.path_params["render_id"]))


async def output(request: Request) -> Response:
    """`GET /outputs/{key}/{render_id}.{ext}`: the CDN-like output URL (no auth)."""
    backend: Backend = request.app.state.backend
    job = backend.store.job(request.path_params["name"].rsplit(".", 1)[0])
    key = request.path_params["key"]
    if job is None or not hmac.compare_digest(job.output_key.encode(), key.encode()):
        return Response(status_code=404)
    return _file_for(request, job)


def routes() -> list[Route]:
    """The render proxy routes."""
    return [
        Route("/api/render/proxy/lambda", submit, methods=["POST"]),
        Route("/api/render/proxy/lambda/{render_id}", poll, methods=["GET"]),
        Route("/api/render/proxy/lambda/{render_id}/cancel", cancel, methods=["POST"]),
        Route("/api/render/proxy/{render_id}/download", download, methods=["GET"]),
        Route("/outputs/{key}/{name}", output, methods=["GET"]),
    ]
