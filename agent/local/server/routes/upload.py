"""Upload routes: multipart `files` or JSON `urls` into a session, and media served back."""

from __future__ import annotations

import json
import secrets
import shutil
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from agent.local.server.backend import Backend
from agent.local.server.ingest import Staged, accept_file, fetch_url, safe_filename
from agent.local.server.wire import code_error, ok

__all__ = ["routes"]

_SLACK = 1024 * 1024
"""Multipart overhead allowed on top of the size cap before a request is refused unread."""
_CHUNK = 1 << 16


def _stage_dir(backend: Backend) -> Path:
    path = backend.config.data_dir / "staging" / secrets.token_hex(8)
    path.mkdir(parents=True)
    return path


async def _stage_upload(part: UploadFile, folder: Path, index: int) -> Staged:
    name = safe_filename(part.filename or "", fallback=f"upload_{index}")
    dest = folder / f"{index}_{name}"
    size = 0
    with dest.open("wb") as fh:
        while chunk := await part.read(_CHUNK):
            size += len(chunk)
            fh.write(chunk)
    return Staged(name, dest, size)


async def _multipart(request: Request, backend: Backend, folder: Path) -> list[Staged]:
    length = int(request.headers.get("content-length") or 0)
    cap = backend.config.upload_max_bytes
    if length > cap * 20 + _SLACK:
        raise code_error(4002, "upload too large")
    async with request.form(max_files=20, max_fields=20) as form:
        parts = [p for p in form.getlist("files") if isinstance(p, UploadFile)]
        if not parts:
            raise code_error(4000, "no 'files' parts in the upload")
        return [await _stage_upload(p, folder, i) for i, p in enumerate(parts)]


async def _urls(request: Request, backend: Backend, folder: Path) -> list[Staged]:
    try:
        body: Any = json.loads(await request.body())
    except ValueError:
        raise code_error(4000, "request body is not JSON") from None
    urls = body.get("urls") if isinstance(body, dict) else None
    if not isinstance(urls, list) or not urls or not all(isinstance(u, str) for u in urls):
        raise code_error(4000, "'urls' must be a non-empty list of URLs")
    return [await fetch_url(backend, url, folder / f"url_{i}") for i, url in enumerate(urls[:20])]


async def upload(request: Request) -> Response:
    """`POST /api/upload-video/nemo_agent/{user}/{session_id}`."""
    backend: Backend = request.app.state.backend
    account = backend.authenticate(request)
    params = request.path_params
    session = backend.owned_session(account, params["session_id"], params["user"])
    folder = _stage_dir(backend)
    base_url = str(request.base_url).rstrip("/")
    try:
        is_json = request.headers.get("content-type", "").startswith("application/json")
        staged = await (_urls if is_json else _multipart)(request, backend, folder)
        files = [await accept_file(backend, s, base_url) for s in staged]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for entry in files:
        asset_id, filename = entry["asset_id"], entry["filename"]
        path = backend.media_path(asset_id, filename)
        backend.store.add_upload(asset_id, session.session_id, filename, path)
    backend.store.add_media(session.session_id, files)
    return ok({"files": files, "session_state_applied": True})


async def media(request: Request) -> Response:
    """`GET /media/{asset_id}/{filename}`: an uploaded file (no auth, like a CDN)."""
    backend: Backend = request.app.state.backend
    found = backend.store.upload_path(request.path_params["asset_id"])
    if found is None or found[0] != request.path_params["filename"] or not found[1].is_file():
        return Response(status_code=404)
    return FileResponse(found[1])


def routes() -> list[Route]:
    """The upload routes."""
    return [
        Route("/api/upload-video/{app}/{user}/{session_id}", upload, methods=["POST"]),
        Route("/media/{asset_id}/{filename}", media, methods=["GET"]),
    ]
