"""Transport: how one API call is sent, retried and checked, whatever the endpoint.

`Transport.send(call)` adds the attribution headers and the bearer token (an anonymous one is
issued through the `issue` callable on first use), applies the request budget, backs off on
transport errors and 5xx for idempotent calls, waits once on a 429, refreshes a rejected token
once (code 1001), and turns an error status or code envelope into an `APIError`. httpx
exceptions leave as `TransportError` / `StreamError`. No endpoint paths live here
(`agent.client.endpoints` has them).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pydantic
import structlog

from agent.auth import Credentials, Issuer, Token
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
    RateLimitError,
    ServerError,
    StreamError,
    TransportError,
    error_from_response,
)
from agent.models import Clock, Sleep
from agent.transfer import ByteProgress, open_for_upload, save_stream

__all__ = ["Call", "Transport"]

M = TypeVar("M", bound=pydantic.BaseModel)

_log = structlog.get_logger("agent.client")


@dataclass(frozen=True, slots=True)
class Call:
    """One API call as the endpoints describe it."""

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


class Transport:
    """Sends `Call`s over an injected `httpx.AsyncClient` with retries, waits and token refresh.

    Attribution headers go on every request to the API host (`attribution=False` for others).
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        credentials: Credentials,
        *,
        issue: Issuer,
        attribution: Mapping[str, str],
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        retry: RetryPolicy | None = None,
        timeouts: Timeouts | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self._http = http
        self._credentials = credentials
        self._issue = issue
        self._attribution = dict(attribution)
        self._sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not security
        self._retry = retry or RetryPolicy()
        self.timeouts = timeouts or Timeouts()
        self._clock = clock

    def is_api(self, url: str) -> bool:
        """True for a relative URL or one on the API host (it gets auth and attribution)."""
        target, base = httpx.URL(url), self._http.base_url
        return not target.is_absolute_url or (
            (target.scheme, target.host, target.port) == (base.scheme, base.host, base.port)
        )

    async def parsed(self, model: type[M], call: Call) -> M:
        """The call's payload as `model`; an unusable shape is an `APIError` naming the field."""
        return parse_model(model, unwrap(await self.body(call)), f"{call.method} {call.url}")

    async def body(self, call: Call) -> Any:
        """The call's JSON body (the whole envelope)."""
        return json_body(await self.send(call))

    async def timed_chunks(self, response: httpx.Response) -> AsyncIterator[bytes]:
        """A streamed response's bytes, under the idle and total stream time limits.

        Raises:
            StreamError: A limit was hit or the stream broke.
        """
        loop = asyncio.get_running_loop()
        end = loop.time() + self.timeouts.total
        chunks = response.aiter_bytes()
        while True:
            try:
                async with asyncio.timeout_at(min(end, loop.time() + self.timeouts.idle)):
                    chunk = await anext(chunks)
            except StopAsyncIteration:
                return
            except TimeoutError:
                limit = "total" if loop.time() >= end else "idle"
                raise StreamError(f"the event stream hit its {limit} time limit") from None
            except httpx.HTTPError as exc:
                raise StreamError(f"the event stream broke: {type(exc).__name__}") from exc
            yield chunk

    async def save(self, response: httpx.Response, dest: Path) -> int:
        """Stream a response's body into `dest` atomically and close the response; bytes written.

        Raises:
            TransportError: The transfer failed or was cut short; nothing is left at `dest`.
        """
        try:
            length = response.headers.get("content-length")
            expected = int(length) if length and length.isdigit() else None
            return await save_stream(response.aiter_bytes(), dest, expected=expected)
        except httpx.HTTPError as exc:
            raise TransportError(f"download interrupted: {type(exc).__name__}") from exc
        finally:
            await response.aclose()

    async def send(self, call: Call, *, attribution: bool = True) -> httpx.Response:
        """The response to `call` once it is not an error (a stream is left open to read).

        Raises:
            APIError: An error status or code envelope that may not be retried (any more).
            TransportError: The API could not be reached, or the budget ran out.
        """
        bounded = call.method == "GET" and not call.stream
        budget = Budget.start(self._clock, self.timeouts.request, bounded=bounded)
        tries = _Tries(budget=budget)
        while True:
            token = await self._credentials.token(self._issue) if call.auth else None
            if budget.spent():
                raise self._out_of_time(call, tries)
            try:
                limits = budget.timeout(self.timeouts)
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
        self, call: Call, error: APIError, token: Token | None, tries: _Tries
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

    def _can_back_off(self, call: Call, tries: _Tries) -> bool:
        return call.method == "GET" and tries.retries < self._retry.attempts - 1

    def _out_of_time(self, call: Call, tries: _Tries) -> TransportError:
        assert tries.budget is not None  # noqa: S101 - every call has a budget
        what = f"{call.method} {httpx.URL(call.url).path}"
        return tries.budget.exceeded(self._http.base_url.host or "the API", what, tries.retries + 1)

    async def _back_off(self, call: Call, tries: _Tries, error: APIError | None = None) -> None:
        delay = self._retry.delay(tries.retries, self._rng)
        if tries.budget is not None and tries.budget.spent(delay):
            # No time for another attempt: the server's own error says more than a timeout.
            raise error or self._out_of_time(call, tries)
        await self._sleep(delay)
        tries.retries += 1

    async def _error_of(self, call: Call, response: httpx.Response) -> APIError | None:
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
        call: Call,
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
