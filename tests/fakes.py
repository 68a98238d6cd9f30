"""Shared scripted fakes: clock, recording sleep, and a scripted API behind httpx.MockTransport."""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import FIXTURES

__all__ = [
    "ATTRIBUTION",
    "ApiScript",
    "FakeClock",
    "FakeSkill",
    "RecordingSleep",
    "api_json",
    "json_response",
    "sse_response",
]

ATTRIBUTION = {
    "X-Skill-Source": "nemo-agent",
    "X-Skill-Version": "0.1.0",
    "X-Skill-Platform": "unknown",
}
API_URL = "https://api.test"
TURN_KEYS = (
    "status",
    "reply",
    "language",
    "actions",
    "files",
    "file_info",
    "links",
    "previews",
    "session_id",
    "error",
    "skill",
)
"""The keys of `turn --json`, in the order SKILL.md documents them."""

Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class FakeClock:
    """Epoch seconds that move only when told to."""

    now: float = 1_790_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class RecordingSleep:
    """An awaitable sleep that records each delay and advances a `FakeClock`, if given."""

    clock: FakeClock | None = None
    delays: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        if self.clock is not None:
            self.clock.advance(seconds)


@dataclass(frozen=True)
class FakeSkill:
    """Stands in for `agent.skill.Skill` where only attribution matters."""

    headers: dict[str, str] = field(default_factory=lambda: dict(ATTRIBUTION))

    def attribution_headers(self) -> dict[str, str]:
        return dict(self.headers)


def api_json(name: str) -> Any:
    """A recorded response body from `fixtures/api/<name>.json`."""
    return json.loads((FIXTURES / "api" / f"{name}.json").read_text(encoding="utf-8"))


# The export tests' shared world: the session, render paths, a draft and a tiny MP4 body.
SID = "5529798706024415232"
SUBMIT = "/api/render/proxy/lambda"
CDN_PATH = "/render-result/render_1773423613616.mp4"
DRAFT: dict[str, Any] = api_json("state")["data"]["state"]["draft"]
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 500


def json_response(
    name_or_body: str | Any, status: int = 200, headers: dict[str, str] | None = None
) -> httpx.Response:
    """A JSON response from a fixture name or a literal body."""
    body = api_json(name_or_body) if isinstance(name_or_body, str) else name_or_body
    return httpx.Response(status, json=body, headers=headers)


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, chunks: Iterable[bytes], hang: Any = None) -> None:
        self._chunks = list(chunks)
        self._hang = hang

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk
        if self._hang is not None:
            await self._hang.wait()


def sse_response(
    source: str | bytes | Path,
    *,
    chunk: int = 0,
    hang: Any = None,
    content_type: str = "text/event-stream; charset=utf-8",
) -> httpx.Response:
    """A streamed SSE response from a `fixtures/sse` name, raw bytes, or a path.

    Args:
        source: Transcript name (without `.txt`), bytes, or a file path.
        chunk: Split the body into chunks of this many bytes (0: one chunk).
        hang: An `asyncio.Event` to wait on after the last chunk (a stalled stream).
        content_type: The response content type.
    """
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, Path):
        data = source.read_bytes()
    else:
        data = (FIXTURES / "sse" / f"{source}.txt").read_bytes()
    size = chunk or max(1, len(data))
    parts = [data[i : i + size] for i in range(0, len(data), size)]
    return httpx.Response(200, headers={"content-type": content_type}, stream=_Chunks(parts, hang))


@dataclass
class ApiScript:
    """A scripted API: queued responses per `(METHOD, path)`; records every request.

    A queue's last response repeats when the queue runs out. Values may be responses or
    handlers taking the request.
    """

    routes: dict[tuple[str, str], deque[httpx.Response | Handler]] = field(
        default_factory=lambda: defaultdict(deque)
    )
    requests: list[httpx.Request] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)
    _served: set[int] = field(default_factory=set)

    def on(self, method: str, path: str, *responses: httpx.Response | Handler) -> ApiScript:
        """Queue responses for a route (path without query; a trailing `*` matches a prefix)."""
        self.routes[(method, path)].extend(responses)
        return self

    def handler(self, request: httpx.Request) -> httpx.Response:
        """The MockTransport handler."""
        self.requests.append(request)
        self.bodies.append(request.content)
        queue = self._queue(request.method, request.url.path)
        if not queue:
            return httpx.Response(404, json={"detail": f"no script for {request.url.path}"})
        item = queue.popleft() if len(queue) > 1 else queue[0]
        if callable(item):
            return item(request)
        if id(item) in self._served:
            # A repeated answer must be a fresh object: httpx binds a response to one request.
            return httpx.Response(item.status_code, headers=item.headers, content=item.content)
        self._served.add(id(item))
        return item

    def _queue(self, method: str, path: str) -> deque[httpx.Response | Handler] | None:
        if (method, path) in self.routes:
            return self.routes[(method, path)]
        for (m, pattern), queue in self.routes.items():
            if m == method and pattern.endswith("*") and path.startswith(pattern[:-1]):
                return queue
        return None

    def transport(self) -> httpx.MockTransport:
        """A MockTransport serving this script."""
        return httpx.MockTransport(self.handler)

    def paths(self) -> list[str]:
        """`METHOD path` of every request so far, in order."""
        return [f"{r.method} {r.url.path}" for r in self.requests]

    def assert_attributed(self) -> None:
        """Every request to the API host carried the three attribution headers."""
        api_host = httpx.URL(API_URL).host
        for request in self.requests:
            if request.url.host == api_host:
                sent = {key: request.headers.get(key) for key in ATTRIBUTION}
                assert sent == ATTRIBUTION, f"{request.method} {request.url.path}: {sent}"

    def json_body(self, index: int) -> Any:
        """The JSON body of request `index`."""
        return json.loads(self.bodies[index])
