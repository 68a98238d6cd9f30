"""NemoClient: one async method per endpoint of protocol §3 over an injected `httpx.AsyncClient`.

The only module that sends HTTP or catches httpx exceptions; they leave it as `TransportError` /
`StreamError`. Envelopes, retries, 429 waits and the 1001 token refresh live here.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncGenerator, AsyncIterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pydantic
import structlog

from agent.auth import Credentials, Token
from agent.config import DEFAULT_UPLOAD_MAX_BYTES
from agent.envelope import (
    Budget,
    RetryPolicy,
    Timeouts,
    envelope_error,
    json_body,
    parse_model,
    retry_after_seconds,
    unwrap,
)
from agent.errors import (
    APIError,
    AuthError,
    InvalidTokenError,
    NotFoundError,
    RateLimitError,
    ServerError,
    StreamError,
    TransportError,
    error_from_response,
)
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
from agent.transfer import ByteProgress, check_upload, check_url, open_for_upload, save_stream

__all__ = ["APP_NAME", "NemoClient", "RetryPolicy", "Timeouts", "unwrap"]

M = TypeVar("M", bound=pydantic.BaseModel)

APP_NAME = "nemo_agent"
_log = structlog.get_logger(__name__)
DEFAULT_OUTPUT = {"format": "mp4", "quality": "high"}


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    url: str
    json: Any = None
    files: tuple[tuple[Path, str], ...] = ()
    auth: bool = True
    stream: bool = False
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout: httpx.Timeout | None = None
    on_progress: ByteProgress | None = None


@dataclass(slots=True)
class _Tries:
    retries: int = 0
    rate_limited: bool = False
    refreshed: bool = False
    budget: Budget | None = None
    """The time the request may take in all (bounded for idempotent requests)."""


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
        self._http = http
        self._clock = clock
        self._credentials = credentials
        self._attribution = dict(attribution)
        self._sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not security
        self._retry = retry or RetryPolicy()
        self._timeouts = timeouts or Timeouts()
        self._upload_max = upload_max_bytes

    # -- endpoints -------------------------------------------------------------------------

    async def anonymous_token(self, client_id: str) -> AnonymousToken:
        """`POST /api/auth/anonymous-token` with `X-Client-Id` (no bearer).

        Raises:
            RateLimitError: Still rate limited after one wait.
        """
        call = _Call(
            "POST", "/api/auth/anonymous-token", auth=False, headers={"X-Client-Id": client_id}
        )
        try:
            return await self._parsed(AnonymousToken, call)
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
        call = _Call("POST", f"/api/tasks/me/with-session/{APP_NAME}", json=body)
        return await self._parsed(SessionInfo, call)

    async def claim_token(self, task_id: str, session_id: str) -> ClaimToken:
        """`POST /api/auth/claim-token`: a token for the browser link (never the bearer)."""
        body = {"task_id": task_id, "session_id": session_id}
        return await self._parsed(ClaimToken, _Call("POST", "/api/auth/claim-token", json=body))

    async def credits(self) -> Credits:
        """`GET /api/credits/balance/simple`."""
        return await self._parsed(Credits, _Call("GET", "/api/credits/balance/simple"))

    async def state(self, session_id: str) -> ProjectState:
        """`GET /api/state/nemo_agent/me/<session_id>/latest`.

        A session with no state yet (null data or state, or HTTP 404 without the session code
        1002) is an empty project: no source shows what a brand-new session answers.
        """
        call = _Call("GET", f"/api/state/{APP_NAME}/me/{session_id}/latest")
        try:
            return await self._parsed(ProjectState, call)
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
        call = _Call("POST", self._upload_path(session_id), files=files, on_progress=on_progress)
        return await self._parsed(UploadResult, call)

    async def upload_urls(self, session_id: str, urls: Sequence[str]) -> UploadResult:
        """Upload by URL (JSON `urls`, `source_type: url`); only http(s) URLs are accepted."""
        body = {"urls": [check_url(u) for u in urls], "source_type": "url"}
        call = _Call("POST", self._upload_path(session_id), json=body)
        return await self._parsed(UploadResult, call)

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
            _Call("POST", "/api/render/proxy/lambda", json=body), render_id
        )

    async def render_status(self, render_id: str, wait: float | None = None) -> RenderJob:
        """`GET /api/render/proxy/lambda/<id>`, read from either response shape.

        `wait`: ask the server to hold the answer until the job ends or `wait` seconds pass
        (only for a server that said it can: `RenderJob.poll_hold`).
        """
        query = f"?wait={wait:.3f}" if wait else ""
        return await self._render_job(
            _Call("GET", f"/api/render/proxy/lambda/{render_id}{query}"), render_id
        )

    async def _render_job(self, call: _Call, render_id: str) -> RenderJob:
        response = await self._send(call)
        job = RenderJob.from_body(json_body(response), f"{call.method} {call.url}")
        update: dict[str, Any] = {} if job.id else {"id": render_id}
        hold = _hold_seconds(response.headers.get(POLL_HOLD_HEADER))
        if hold:
            update["poll_hold"] = hold
        return job.model_copy(update=update) if update else job

    async def cancel_render(self, render_id: str) -> None:
        """`POST /api/render/proxy/lambda/<id>/cancel`."""
        await self._body(_Call("POST", f"/api/render/proxy/lambda/{render_id}/cancel"))

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
        ours = self._is_api(url)
        call = _Call("GET", url, auth=ours, stream=True, headers={"Accept-Encoding": "identity"})
        response = await self._send(call, attribution=ours)
        try:
            length = response.headers.get("content-length")
            expected = int(length) if length and length.isdigit() else None
            return await save_stream(response.aiter_bytes(), dest, expected=expected)
        except httpx.HTTPError as exc:
            raise TransportError(f"download interrupted: {type(exc).__name__}") from exc
        finally:
            await response.aclose()

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
        t = self._timeouts
        timeout = httpx.Timeout(t.idle, connect=t.connect)
        headers = {"Accept": "text/event-stream"}
        call = _Call("POST", "/run_sse", json=body, stream=True, headers=headers, timeout=timeout)
        response = await self._send(call)
        try:
            check_content_type(response.headers.get("content-type"))
            parser = EventParser()
            async for chunk in self._timed_chunks(response):
                for event in parser.feed(chunk):
                    yield event
            if parser.close():
                raise StreamError("the event stream ended in the middle of an event")
        finally:
            await response.aclose()

    # -- plumbing --------------------------------------------------------------------------

    def _upload_path(self, session_id: str) -> str:
        return f"/api/upload-video/{APP_NAME}/me/{session_id}"

    def _is_api(self, url: str) -> bool:
        target, base = httpx.URL(url), self._http.base_url
        return not target.is_absolute_url or (
            (target.scheme, target.host, target.port) == (base.scheme, base.host, base.port)
        )

    async def _timed_chunks(self, response: httpx.Response) -> AsyncIterator[bytes]:
        loop = asyncio.get_running_loop()
        end = loop.time() + self._timeouts.total
        chunks = response.aiter_bytes()
        while True:
            try:
                async with asyncio.timeout_at(min(end, loop.time() + self._timeouts.idle)):
                    chunk = await anext(chunks)
            except StopAsyncIteration:
                return
            except TimeoutError:
                limit = "total" if loop.time() >= end else "idle"
                raise StreamError(f"the event stream hit its {limit} time limit") from None
            except httpx.HTTPError as exc:
                raise StreamError(f"the event stream broke: {type(exc).__name__}") from exc
            yield chunk

    async def _data(self, call: _Call) -> Any:
        return unwrap(await self._body(call))

    async def _parsed(self, model: type[M], call: _Call) -> M:
        """The call's payload as `model`; an unusable shape is an `APIError` naming the field."""
        return parse_model(model, await self._data(call), f"{call.method} {call.url}")

    async def _body(self, call: _Call) -> Any:
        response = await self._send(call)
        return json_body(response)

    async def _send(self, call: _Call, *, attribution: bool = True) -> httpx.Response:
        bounded = call.method == "GET" and not call.stream
        budget = Budget.start(self._clock, self._timeouts.request, bounded=bounded)
        tries = _Tries(budget=budget)
        while True:
            token = await self._credentials.token(self.anonymous_token) if call.auth else None
            if budget.spent():
                raise self._out_of_time(call, tries)
            try:
                limits = budget.timeout(self._timeouts)
                response = await self._attempt(call, token, attribution, limits, tries.retries)
            except TransportError as exc:
                if budget.spent():
                    raise self._out_of_time(call, tries) from exc
                if not self._can_back_off(call, tries):
                    raise
                await self._back_off(call, tries)
                continue
            error = await self._error_of(call, response)
            if error is None:
                return response
            await self._recover(call, error, token, tries)

    async def _recover(
        self, call: _Call, error: APIError, token: Token | None, tries: _Tries
    ) -> None:
        """Wait or refresh before a retry, or raise `error` when it may not be retried."""
        wait = self._rate_limit_wait(error)
        if wait is not None and not tries.rate_limited:
            tries.rate_limited = True
            if tries.budget is not None:  # the server said how long: busy, not silent
                tries.budget.extend(wait)
            await self._sleep(wait)
        elif isinstance(error, InvalidTokenError) and token is not None and not tries.refreshed:
            tries.refreshed = True
            try:
                self._credentials.reject(token)
            except AuthError as auth_error:
                raise auth_error from error
        elif isinstance(error, ServerError) and self._can_back_off(call, tries):
            await self._back_off(call, tries, error)
        else:
            raise error

    def _rate_limit_wait(self, error: APIError) -> float | None:
        if not isinstance(error, RateLimitError):
            return None
        wait = self._retry.rate_limit_wait if error.retry_after is None else error.retry_after
        return wait if wait <= self._retry.max_rate_limit_wait else None

    def _can_back_off(self, call: _Call, tries: _Tries) -> bool:
        return call.method == "GET" and tries.retries < self._retry.attempts - 1

    def _out_of_time(self, call: _Call, tries: _Tries) -> TransportError:
        assert tries.budget is not None  # noqa: S101 - every call has a budget
        what = f"{call.method} {httpx.URL(call.url).path}"
        return tries.budget.exceeded(self._http.base_url.host or "the API", what, tries.retries + 1)

    async def _back_off(self, call: _Call, tries: _Tries, error: APIError | None = None) -> None:
        delay = self._retry.delay(tries.retries, self._rng)
        if tries.budget is not None and tries.budget.spent(delay):
            # No time for another attempt: the server's own error says more than a timeout.
            raise error or self._out_of_time(call, tries)
        await self._sleep(delay)
        tries.retries += 1

    async def _error_of(self, call: _Call, response: httpx.Response) -> APIError | None:
        if call.stream:
            json_reply = "json" in response.headers.get("content-type", "")
            if response.is_success and not json_reply:
                return None
            # An error (or a 200 code envelope from the auth layer) instead of the stream.
            try:
                await response.aread()
            except httpx.HTTPError as exc:
                await response.aclose()
                raise TransportError(f"request failed: {type(exc).__name__}") from exc
            error = self._error_in(response)
            if error is not None:
                await response.aclose()
            return error
        return self._error_in(response)

    def _error_in(self, response: httpx.Response) -> APIError | None:
        body = json_body(response)
        if not response.is_success:
            return error_from_response(
                response.status_code,
                body,
                retry_after=retry_after_seconds(response),
                endpoint=response.request.url.path,
            )
        return envelope_error(response.status_code, body, endpoint=response.request.url.path)

    async def _attempt(
        self,
        call: _Call,
        token: Token | None,
        attribution: bool,
        limits: httpx.Timeout,
        retry: int = 0,
    ) -> httpx.Response:
        """One request; logged at debug (`-vv`) with method, path (never the query: it may hold
        a claim token), status, ms and retry number."""
        headers = dict(self._attribution) if attribution else {}
        headers.update(call.headers)
        if token is not None:
            headers["Authorization"] = f"Bearer {token.value}"
        with ExitStack() as stack:
            files = open_for_upload(call.files, stack, call.on_progress)
            request = self._http.build_request(
                call.method,
                call.url,
                json=call.json,
                files=files or None,
                headers=headers,
                timeout=call.timeout or limits,
            )
            start, status = self._clock(), None
            try:
                response = await self._http.send(request, stream=call.stream)
                status = response.status_code
            except httpx.HTTPError as exc:
                host = request.url.host or "the API"
                raise TransportError(f"could not reach {host}: {type(exc).__name__}") from exc
            finally:
                ms = round((self._clock() - start) * 1000)
                fields = {"path": request.url.path, "status": status, "ms": ms, "retry": retry}
                _log.debug("http.request", method=call.method, **fields)
            return response
