"""NemoClient: one async method per endpoint of protocol §3; how each is sent is `Transport`'s.

Paths, bodies and the reading of each answer live here; retries, waits, the token refresh and
every httpx error live in `agent.client.transport`.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncGenerator, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx

from agent.auth import Credentials
from agent.client.transport import Call, Transport
from agent.config import DEFAULT_UPLOAD_MAX_BYTES
from agent.envelope import RetryPolicy, Timeouts, json_body
from agent.errors import NotFoundError, RateLimitError, StreamError
from agent.models import (
    POLL_HOLD_HEADER,
    AnonymousToken,
    ClaimToken,
    Clock,
    Credits,
    ProjectState,
    RenderJob,
    SessionInfo,
    Sleep,
    SseEvent,
    UploadResult,
)
from agent.sse import EventParser, check_content_type
from agent.transfer import ByteProgress, check_upload, check_url

__all__ = ["APP_NAME", "DEFAULT_OUTPUT", "NemoClient"]

APP_NAME = "nemo_agent"
DEFAULT_OUTPUT = {"format": "mp4", "quality": "high"}


def _hold_seconds(value: str | None) -> float | None:
    """The `POLL_HOLD_HEADER` value as seconds (None when absent, unreadable or not positive)."""
    try:
        hold = float(value) if value else 0.0
    except ValueError:
        return None
    return hold if 0 < hold < float("inf") else None


def _message_parts(text: str, answer_to: str | None) -> list[dict[str, Any]]:
    if not answer_to:
        return [{"text": text}]
    response = {"id": answer_to, "name": "ask_question", "response": {"answer": text}}
    return [{"functionResponse": response}, {"text": text}]


class NemoClient:
    """The NemoVideo skill API. Attribution headers go on every request to the API host."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        credentials: Credentials,
        *,
        attribution: Mapping[str, str],
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        retry: RetryPolicy | None = None,
        timeouts: Timeouts | None = None,
        upload_max_bytes: int = DEFAULT_UPLOAD_MAX_BYTES,
        clock: Clock = time.monotonic,
    ) -> None:
        self._transport = Transport(
            http,
            credentials,
            issue=self.anonymous_token,
            attribution=attribution,
            sleep=sleep,
            rng=rng,
            retry=retry,
            timeouts=timeouts,
            clock=clock,
        )
        self._upload_max = upload_max_bytes

    # -- endpoints -------------------------------------------------------------------------

    async def anonymous_token(self, client_id: str) -> AnonymousToken:
        """`POST /api/auth/anonymous-token` with `X-Client-Id` (no bearer).

        Raises:
            RateLimitError: Still rate limited after one wait.
        """
        call = Call(
            "POST", "/api/auth/anonymous-token", auth=False, headers={"X-Client-Id": client_id}
        )
        try:
            return await self._transport.parsed(AnonymousToken, call)
        except RateLimitError as exc:
            # One live token per client id: another copy of this id (another state folder or
            # skill) holds it, and the id alone never gets it handed over again.
            per_client = "client" in exc.message.lower()
            raise RateLimitError(
                "this client id already has an anonymous token that this machine has not "
                "cached; set NEMO_TOKEN to your own token, or NEMO_CLIENT_ID to a new id"
                if per_client
                else "too many anonymous tokens were requested from this network (the limits "
                "are per 7 days); set NEMO_TOKEN to your own token",
                code=exc.code,
                body=exc.body,
                retry_after=exc.retry_after,
            ) from exc

    async def create_session(self, language: str, task_name: str = "project") -> SessionInfo:
        """`POST /api/tasks/me/with-session/nemo_agent`: a new project and session."""
        body = {"task_name": task_name, "language": language}
        call = Call("POST", f"/api/tasks/me/with-session/{APP_NAME}", json=body)
        return await self._transport.parsed(SessionInfo, call)

    async def claim_token(self, task_id: str, session_id: str) -> ClaimToken:
        """`POST /api/auth/claim-token`: a token for the browser link (never the bearer)."""
        body = {"task_id": task_id, "session_id": session_id}
        call = Call("POST", "/api/auth/claim-token", json=body)
        return await self._transport.parsed(ClaimToken, call)

    async def credits(self) -> Credits:
        """`GET /api/credits/balance/simple`."""
        return await self._transport.parsed(Credits, Call("GET", "/api/credits/balance/simple"))

    async def state(self, session_id: str) -> ProjectState:
        """`GET /api/state/nemo_agent/me/<session_id>/latest`.

        A session with no state yet (null data or state, or HTTP 404 without the session code
        1002) is an empty project: no source shows what a brand-new session answers.
        """
        call = Call("GET", f"/api/state/{APP_NAME}/me/{session_id}/latest")
        try:
            return await self._transport.parsed(ProjectState, call)
        except NotFoundError:  # HTTP 404 alone; 1002 is a SessionNotFoundError, not this
            return ProjectState(session_id=session_id)

    async def upload_files(
        self,
        session_id: str,
        paths: Sequence[Path],
        *,
        on_progress: ByteProgress | None = None,
    ) -> UploadResult:
        """Upload local files (multipart `files`, streamed from disk) after the pre-checks.

        Args:
            session_id: The session the files are for.
            paths: Local files.
            on_progress: Called with (bytes sent, total bytes) as the files are read for sending.

        Raises:
            UnsupportedFileError: A file is missing, empty, a folder or not an accepted format.
            FileTooLargeError: A file is over the upload cap.
        """
        files = tuple((Path(p), check_upload(Path(p), self._upload_max).mime) for p in paths)
        if not files:
            raise ValueError("upload_files needs at least one path")
        call = Call("POST", _upload_path(session_id), files=files, on_progress=on_progress)
        return await self._transport.parsed(UploadResult, call)

    async def upload_urls(self, session_id: str, urls: Sequence[str]) -> UploadResult:
        """Upload by URL (JSON `urls`, `source_type: url`); only http(s) URLs are accepted."""
        body = {"urls": [check_url(u) for u in urls], "source_type": "url"}
        call = Call("POST", _upload_path(session_id), json=body)
        return await self._transport.parsed(UploadResult, call)

    async def submit_render(
        self,
        render_id: str,
        session_id: str,
        draft: Mapping[str, Any],
        output: Mapping[str, Any] | None = None,
    ) -> RenderJob:
        """`POST /api/render/proxy/lambda` with the draft unchanged (`output`: the default MP4)."""
        body = {
            "id": render_id,
            "sessionId": session_id,
            "draft": draft,
            "output": dict(output or DEFAULT_OUTPUT),
        }
        return await self._render_job(
            Call("POST", "/api/render/proxy/lambda", json=body), render_id
        )

    async def render_status(self, render_id: str, wait: float | None = None) -> RenderJob:
        """`GET /api/render/proxy/lambda/<id>`, read from either response shape.

        `wait`: ask the server to hold the answer until the job ends or `wait` seconds pass
        (only for a server that said it can: `RenderJob.poll_hold`).
        """
        query = f"?wait={wait:.3f}" if wait else ""
        return await self._render_job(
            Call("GET", f"/api/render/proxy/lambda/{render_id}{query}"), render_id
        )

    async def _render_job(self, call: Call, render_id: str) -> RenderJob:
        response = await self._transport.send(call)
        job = RenderJob.from_body(json_body(response), f"{call.method} {call.url}")
        update: dict[str, Any] = {} if job.id else {"id": render_id}
        hold = _hold_seconds(response.headers.get(POLL_HOLD_HEADER))
        if hold:
            update["poll_hold"] = hold
        return job.model_copy(update=update) if update else job

    async def cancel_render(self, render_id: str) -> None:
        """`POST /api/render/proxy/lambda/<id>/cancel`."""
        await self._transport.body(Call("POST", f"/api/render/proxy/lambda/{render_id}/cancel"))

    async def download_render(self, render_id: str, dest: Path) -> int:
        """Fallback download `GET /api/render/proxy/<id>/download`, atomically into `dest`."""
        return await self.download(f"/api/render/proxy/{render_id}/download", dest)

    async def download(self, url: str, dest: Path) -> int:
        """Stream `url` into `dest` atomically; auth and attribution only for the API host.

        Returns:
            Bytes written.

        Raises:
            TransportError: The transfer failed or was cut short; nothing is left at `dest`.
        """
        ours = self._transport.is_api(url)
        call = Call("GET", url, auth=ours, stream=True, headers={"Accept-Encoding": "identity"})
        return await self._transport.save(await self._transport.send(call, attribution=ours), dest)

    async def run_sse(
        self, session_id: str, text: str, *, answer_to: str | None = None
    ) -> AsyncGenerator[SseEvent, None]:
        """Post one message to `/run_sse` (never re-posted) and yield its typed events.

        Close the iterator (`contextlib.aclosing`) if you stop early. With `answer_to` (the id
        of the backend's `ask_question` call) the message also carries the answer as that
        call's `functionResponse`, the way ADK resumes a long-running tool; the text part stays.

        Raises:
            SessionNotFoundError: The session is unknown (code 1002 or ADK 404).
            APIError: The answer is not an event stream (never a dropped stream).
            StreamError: Idle or total timeout, or a broken stream.
        """
        body = {
            "app_name": APP_NAME,
            "user_id": "me",
            "session_id": session_id,
            "new_message": {"parts": _message_parts(text, answer_to)},
        }
        t = self._transport.timeouts
        timeout = httpx.Timeout(t.idle, connect=t.connect)
        headers = {"Accept": "text/event-stream"}
        call = Call("POST", "/run_sse", json=body, stream=True, headers=headers, timeout=timeout)
        response = await self._transport.send(call)
        try:
            check_content_type(response.headers.get("content-type"))
            parser = EventParser()
            async for chunk in self._transport.timed_chunks(response):
                for event in parser.feed(chunk):
                    yield event
            if parser.close():
                raise StreamError("the event stream ended in the middle of an event")
        finally:
            await response.aclose()


def _upload_path(session_id: str) -> str:
    return f"/api/upload-video/{APP_NAME}/me/{session_id}"
