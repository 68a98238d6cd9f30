"""Account routes: anonymous tokens, projects/sessions, claim tokens and page, credit balance."""

from __future__ import annotations

import json
import math
import secrets
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agent.local.server import page
from agent.local.server.backend import Backend
from agent.local.server.wire import code_error, ok, rate_limited
from agent.local.store.db import TokenRefusal

__all__ = ["routes"]


def _backend(request: Request) -> Backend:
    backend: Backend = request.app.state.backend
    return backend


async def _json_body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except ValueError:
        raise code_error(4000, "request body is not JSON") from None
    if not isinstance(body, dict):
        raise code_error(4000, "request body must be a JSON object")
    return body


async def anonymous_token(request: Request) -> Response:
    """`POST /api/auth/anonymous-token`: one live token per client id (a second request gets 429
    until it expires), new ids capped per client address."""
    backend = _backend(request)
    client_id = request.headers.get("x-client-id", "").strip()
    if not client_id or len(client_id) > 128:
        return JSONResponse(
            {"code": 400, "message": "X-Client-Id header is required", "data": None},
            status_code=400,
        )
    config = backend.config
    addr = request.client.host if request.client else "unknown"
    issued = backend.store.issue_token(
        client_id, addr, ttl_s=config.token_ttl_s, grant=config.grant, ip_cap=config.ip_cap
    )
    if isinstance(issued, TokenRefusal) and issued.reason == "live":
        # The id alone proves nothing: whoever holds the live token keeps it (cloud: 1/client).
        wait = max(1, math.ceil(issued.retry_after))
        raise rate_limited("this client id already has a valid token (1 token/client)", wait)
    if isinstance(issued, TokenRefusal):
        raise rate_limited("too many anonymous tokens from this address", config.ip_retry_after_s)
    token, user_id, expires = issued
    balance = backend.store.balance(user_id)
    expires_at = datetime.fromtimestamp(expires, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    data = {"token": token, "user_id": user_id, "expires_at": expires_at}
    if not config.token_expiry:
        del data["expires_at"]  # the newer examples show only token and credits (protocol §3.1)
    return ok({**data, "credits": balance.available})


async def create_session(request: Request) -> Response:
    """`POST /api/tasks/me/with-session/nemo_agent`: a project and its session."""
    backend = _backend(request)
    account = backend.authenticate(request)
    body = await _json_body(request)
    task_name = str(body.get("task_name") or "project")[:200]
    language = str(body.get("language") or "en")[:16]
    session = backend.store.create_session(account.user_id, task_name, language)
    data = {"task_id": session.task_id, "session_id": session.session_id}
    return ok({**data, "user_id": account.user_id})


async def claim_token(request: Request) -> Response:
    """`POST /api/auth/claim-token`: a `clm_...` token that opens the project in a browser."""
    backend = _backend(request)
    account = backend.authenticate(request)
    body = await _json_body(request)
    session = backend.owned_session(account, str(body.get("session_id") or ""), None)
    task_id = body.get("task_id")
    if task_id not in (None, "", session.task_id):
        raise code_error(1002, "task not found")
    token = "clm_" + secrets.token_urlsafe(24)
    ttl = backend.config.claim_ttl_s
    backend.store.add_claim(token, session.session_id, backend.deps.clock() + ttl)
    return ok({"claim_token": token, "expires_in": ttl})


async def balance(request: Request) -> Response:
    """`GET /api/credits/balance/simple`."""
    backend = _backend(request)
    account = backend.authenticate(request)
    b = backend.store.balance(account.user_id)
    return ok({"available": b.available, "frozen": b.frozen, "total": b.available + b.frozen})


def routes() -> list[Route]:
    """The account routes."""
    return [
        Route("/api/auth/anonymous-token", anonymous_token, methods=["POST"]),
        Route("/api/auth/claim-token", claim_token, methods=["POST"]),
        Route("/api/tasks/me/with-session/{app}", create_session, methods=["POST"]),
        Route("/api/credits/balance/simple", balance, methods=["GET"]),
        Route("/workspace/claim", page.claim_page, methods=["GET"]),
    ]
