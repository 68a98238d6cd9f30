"""Response envelopes (protocol §3.0), model parsing, and the retry and timeout policies.

Pure: no requests are sent here; `agent.client` applies these to each response.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from agent.errors import APIError, TransportError, error_from_response
from agent.models import parse_model

__all__ = [
    "Budget",
    "RetryPolicy",
    "Timeouts",
    "envelope_error",
    "json_body",
    "parse_model",
    "retry_after_seconds",
    "unwrap",
]


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds. `idle` and `total` apply to `/run_sse`; any received bytes reset `idle`."""

    connect: float = 30.0
    read: float = 60.0
    idle: float = 600.0
    total: float = 900.0
    request: float = 30.0
    """Bound on one idempotent request (a GET that is not a download), retries included."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """GETs retry transport errors and 5xx with jittered exponential backoff; 429 waits once."""

    attempts: int = 4
    base: float = 0.5
    cap: float = 8.0
    rate_limit_wait: float = 30.0
    """Wait after a 429 without `Retry-After`."""
    max_rate_limit_wait: float = 300.0
    """A longer `Retry-After` is not waited out: the 429 is raised at once."""

    def delay(self, retry: int, rng: random.Random) -> float:
        """Backoff before retry number `retry` (0-based): half fixed, half random."""
        ceiling = min(self.cap, self.base * 2.0**retry)
        return ceiling / 2 + rng.random() * ceiling / 2


@dataclass(slots=True)
class Budget:
    """The time one request may still take, retries included; unbounded when `deadline` is None.

    Idempotent requests get `Timeouts.request` seconds in all; a silent server then fails in
    about that time instead of attempts x read timeout.
    """

    clock: Callable[[], float]
    total: float
    deadline: float | None = None

    @classmethod
    def start(cls, clock: Callable[[], float], total: float, *, bounded: bool) -> Budget:
        """A budget from now (`bounded`) or an unbounded one."""
        return cls(clock, total, clock() + total if bounded else None)

    def left(self) -> float | None:
        """Seconds left (None: unbounded); 0 or less when it is spent."""
        return None if self.deadline is None else self.deadline - self.clock()

    def spent(self, wait: float = 0.0) -> bool:
        """True when no time is left now, or would be after waiting `wait` seconds."""
        left = self.left()
        return left is not None and left - wait <= 0

    def extend(self, seconds: float) -> None:
        """Give more time (a wait the server asked for: busy, not silent)."""
        if self.deadline is not None:
            self.deadline += seconds

    def timeout(self, timeouts: Timeouts) -> httpx.Timeout:
        """The httpx timeout of the next attempt: never past the deadline."""
        left = self.left()
        if left is None:
            return httpx.Timeout(timeouts.read, connect=timeouts.connect)
        return httpx.Timeout(min(timeouts.read, left), connect=min(timeouts.connect, left))

    def exceeded(self, host: str, what: str, attempts: int) -> TransportError:
        """The error for a request that found no answer within the budget."""
        tries = "1 attempt" if attempts == 1 else f"{attempts} attempts"
        return TransportError(f"no answer from {host} within {self.total:g} s ({what}, {tries})")


def unwrap(body: Any) -> Any:
    """The payload of a successful body: `data` of a code or success envelope, else the body."""
    if isinstance(body, dict):
        if "code" in body:
            return body.get("data")
        if "success" in body:
            return body.get("data", body)
    return body


def envelope_error(status: int, body: Any, *, endpoint: str | None = None) -> APIError | None:
    """The error a 2xx body reports (`code != 0` or `success: false`), else None."""
    if isinstance(body, dict):
        if "code" in body and body["code"] not in (0, "0", 200, "200"):
            return error_from_response(status, body, endpoint=endpoint)
        if body.get("success") is False:
            return error_from_response(status, body, endpoint=endpoint)
    return None


def retry_after_seconds(response: httpx.Response) -> float | None:
    """`Retry-After` in seconds, when the header is a number."""
    try:
        return max(0.0, float(response.headers.get("retry-after", "")))
    except ValueError:
        return None


def json_body(response: httpx.Response) -> Any:
    """The decoded JSON body, or None when it is not JSON."""
    try:
        return response.json()
    except ValueError:
        return None
