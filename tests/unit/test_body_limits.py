"""The local backend's body limit: any body size, declared or streamed, in any chunking."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.local.server.limits import BodyLimitMiddleware

_FAST = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


async def _echo(scope: Any, receive: Any, send: Any) -> None:
    """An app that reads the whole body and answers with its length."""
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": str(len(body)).encode()})


def _call(
    chunks: list[bytes], limit: int, *, declared: int | None, path: str = "/run_sse"
) -> tuple[int, bytes, int]:
    """(status, response body, chunks the client had to send) for one request."""
    headers = [] if declared is None else [(b"content-length", str(declared).encode())]
    scope = {"type": "http", "method": "POST", "path": path, "headers": headers}
    queue = list(chunks) or [b""]
    sent: list[dict[str, Any]] = []
    taken = 0

    async def receive() -> dict[str, Any]:
        nonlocal taken
        if taken >= len(queue):
            await asyncio.Event().wait()  # nothing more: the client is silent
        taken += 1
        return {"type": "http.request", "body": queue[taken - 1], "more_body": taken < len(queue)}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    app = BodyLimitMiddleware(_echo, max_bytes=limit, timeout_s=5)
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], sent[1]["body"], taken


@_FAST
@given(
    chunks=st.lists(st.binary(max_size=400), max_size=8),
    limit=st.integers(min_value=1, max_value=1500),
    declare=st.booleans(),
)
def test_a_body_over_the_limit_is_refused_and_one_within_it_reaches_the_route(
    chunks: list[bytes], limit: int, declare: bool
) -> None:
    size = sum(map(len, chunks))
    status, body, taken = _call(chunks, limit, declared=size if declare else None)
    if size > limit:
        assert status == 413
        assert json.loads(body)["code"] == 413
        if declare:
            assert taken == 0  # refused from Content-Length alone: no byte of the body read
    else:
        assert (status, body) == (200, str(size).encode())


@_FAST
@given(declared=st.integers(min_value=1025, max_value=10**15))
def test_a_huge_declared_length_is_refused_without_waiting_for_the_body(declared: int) -> None:
    status, body, taken = _call([], 1024, declared=declared)
    assert (status, taken) == (413, 0)
    assert json.loads(body)["message"] == "request body is over the 1024 bytes limit"


def test_a_body_that_stops_arriving_is_refused_at_the_deadline() -> None:
    scope = {"type": "http", "method": "POST", "path": "/run_sse", "headers": []}
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(BodyLimitMiddleware(_echo, max_bytes=100, timeout_s=0.01)(scope, receive, send))
    assert sent[0]["status"] == 408


def test_uploads_keep_their_own_limits() -> None:
    status, body, _ = _call([b"x" * 300], 100, declared=300, path="/api/upload-video/a/me/1")
    assert (status, body) == (200, b"300")
