"""Local backend over real loopback sockets: JSON bodies are capped and must arrive in time."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from agent.local.server.app import create_app
from agent.local.server.loopback import running
from tests.local_support import local_config, local_deps

pytestmark = pytest.mark.e2e

JSON_ROUTES = (
    "/api/auth/anonymous-token",
    "/api/auth/claim-token",
    "/api/tasks/me/with-session/nemo_agent",
    "/api/render/proxy/lambda",
    "/api/render/proxy/lambda/r1/cancel",
    "/run_sse",
)


def _raw(url: str, head: bytes, body: bytes = b"") -> bytes:
    """Send a request head (and part of a body), then read what the server answers."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=60) as sock:
        sock.sendall(head + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
    return answer


def test_a_huge_content_length_is_answered_at_once_without_the_body(tmp_path: Path) -> None:
    app = create_app(local_config(tmp_path), local_deps())
    with running(app) as url:
        head = (
            b"POST /run_sse HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000000000000\r\n\r\n"
        )
        answer = _raw(url, head)
    assert answer.startswith(b"HTTP/1.1 413 ")


def test_a_body_that_trickles_past_the_deadline_gets_408(tmp_path: Path) -> None:
    app = create_app(local_config(tmp_path, body_timeout_s=0.5), local_deps())
    with running(app) as url:
        head = b"POST /run_sse HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n"
        answer = _raw(url, head, b'{"app_name"')
    assert answer.startswith(b"HTTP/1.1 408 ")


async def test_every_json_route_refuses_a_body_over_the_limit(tmp_path: Path) -> None:
    app = create_app(local_config(tmp_path, max_body_bytes=4096), local_deps())
    big = b'{"pad": "' + b"x" * 5000 + b'"}'
    with running(app) as url:
        async with httpx.AsyncClient(base_url=url, timeout=30) as client:
            answers = {path: await client.post(path, content=big) for path in JSON_ROUTES}
            small = await client.post(JSON_ROUTES[0], headers={"X-Client-Id": "c"}, content=b"{}")
    assert {path: r.status_code for path, r in answers.items()} == dict.fromkeys(JSON_ROUTES, 413)
    assert answers["/run_sse"].json()["message"] == "request body is over the 4096 bytes limit"
    assert small.status_code == 200
