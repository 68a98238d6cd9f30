"""Request-body limits of the local backend: a size cap on every JSON route and a read deadline.

An ASGI middleware: a declared `Content-Length` over the cap is refused (413) before any byte of
the body is read; a body that grows past the cap while streaming is refused as soon as it does;
a body that has not arrived in full within the deadline is refused (408). The routes then see the
buffered body. Uploads keep their own limits (multipart size checks in `routes_upload`).
"""

from __future__ import annotations

import asyncio
import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["BodyLimitMiddleware"]

UPLOAD_PREFIX = "/api/upload-video/"


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _megabytes(size: int) -> str:
    return f"{size / 2**20:g} MB" if size >= 2**20 else f"{size} bytes"


class BodyLimitMiddleware:
    """Caps JSON request bodies at `max_bytes` and their arrival at `timeout_s` seconds."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout_s: float) -> None:
        """Wrap `app`; uploads (`/api/upload-video/...`) pass through untouched."""
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Buffer the body within the limits, then hand it to the app."""
        if scope["type"] != "http" or scope.get("path", "").startswith(UPLOAD_PREFIX):
            await self.app(scope, receive, send)
            return
        try:
            self._check_declared(scope)
            body = await self._read(receive)
        except _Refused as refused:
            await _refuse(send, refused)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # later calls wait for the disconnect, as before

        await self.app(scope, replay, send)

    def _check_declared(self, scope: Scope) -> None:
        for name, value in scope.get("headers", []):
            if name.lower() != b"content-length":
                continue
            if not value.strip().isdigit():
                raise _Refused(400, "Content-Length is not a number")
            if int(value) > self.max_bytes:
                raise _Refused(413, f"request body is over the {_megabytes(self.max_bytes)} limit")

    async def _read(self, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(self.timeout_s):
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        raise _Refused(400, "the client went away before sending the body")
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    if size > self.max_bytes:
                        limit = _megabytes(self.max_bytes)
                        raise _Refused(413, f"request body is over the {limit} limit")
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        return b"".join(chunks)
        except TimeoutError:
            raise _Refused(
                408, f"the request body did not arrive within {self.timeout_s:g} s"
            ) from None


async def _refuse(send: Send, refused: _Refused) -> None:
    body = json.dumps({"code": refused.status, "message": refused.message, "data": None}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": refused.status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),  # the unread rest of the body is not waited for
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
