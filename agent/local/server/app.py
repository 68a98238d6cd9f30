"""The local backend's ASGI app: the NemoVideo skill API on loopback (Starlette).

`create_app(config, deps)` is the composition root; the store, render workers and recovery of
unfinished work live in the app's lifespan, so nothing is opened before the server starts.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from agent.errors import APIError
from agent.local.config import BackendConfig
from agent.local.datalock import DataLock
from agent.local.faults import FaultCounter
from agent.local.server.backend import Backend, Deps
from agent.local.server.limits import BodyLimitMiddleware
from agent.local.server.routes import auth, render, run, upload
from agent.local.server.wire import error_response

__all__ = ["create_app"]

log = structlog.get_logger(__name__)


class FaultMiddleware:
    """Answers injected HTTP errors (`http429`, `http500`, `status=`) on counted API calls."""

    def __init__(self, app: ASGIApp, counter: FaultCounter) -> None:
        """Wrap `app`; `counter` decides which call gets which status."""
        self.app = app
        self.counter = counter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Count API calls and short-circuit the ones a fault hits."""
        path = scope.get("path", "")
        if scope["type"] == "http" and (path.startswith("/api/") or path == "/run_sse"):
            status = self.counter.status_for(path)
            if status is not None:
                headers = {"Retry-After": "1"} if status == 429 else {}
                body = {"code": status, "message": f"injected fault: HTTP {status}", "data": None}
                await JSONResponse(body, status_code=status, headers=headers)(scope, receive, send)
                return
        await self.app(scope, receive, send)


async def _api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, APIError)  # noqa: S101 - registered for APIError only
    return error_response(exc)


def create_app(config: BackendConfig, deps: Deps | None = None) -> Starlette:
    """Build the app; state opens in its lifespan (run it, e.g. under uvicorn).

    Args:
        config: Data directory, costs, faults and the other backend settings.
        deps: Interpreter, renderer, probe, clock, sleep; the real ones by default.
    """
    from agent.local.server.workers import RenderWorkers

    resolved = deps or Deps()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        lock = DataLock(config.data_dir)
        alone = lock.acquire()
        backend = Backend(config, resolved)
        workers = RenderWorkers(backend)
        if alone:  # work left by a server that is gone: release its credits, resume its renders
            swept = workers.sweep_parts()
            released = backend.store.release_all_frozen()
            requeued = workers.recover()
            if released or requeued or swept:
                log.info(
                    "recovered after restart",
                    released_users=released,
                    requeued=requeued,
                    parts_removed=[p.name for p in swept],
                )
        app.state.backend = backend
        app.state.workers = workers
        try:
            yield
        finally:
            await backend.aclose_runs()
            workers.shutdown()
            backend.close()
            lock.release()

    routes = [
        *auth.routes(),
        *upload.routes(),
        *run.routes(),
        *render.routes(),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={APIError: _api_error})
    app.add_middleware(FaultMiddleware, counter=FaultCounter(config.faults))
    app.add_middleware(
        BodyLimitMiddleware, max_bytes=config.max_body_bytes, timeout_s=config.body_timeout_s
    )
    return app
