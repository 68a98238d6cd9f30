"""The NemoVideo API client: the only package that sends HTTP or catches httpx exceptions.

    endpoints   NemoClient: one async method per endpoint of protocol §3 (paths, bodies, the
                reading of each answer)
    transport   Transport: sending one call (attribution, bearer token, budget, back-off, one
                429 wait, one 1001 refresh) and turning error answers into `APIError`s

httpx exceptions leave it as `TransportError` / `StreamError`.
"""

from __future__ import annotations

from agent.client.endpoints import APP_NAME, NemoClient
from agent.envelope import RetryPolicy, Timeouts, unwrap

__all__ = ["APP_NAME", "NemoClient", "RetryPolicy", "Timeouts", "unwrap"]
