"""Composition root for API work: attribution, httpx client, credentials, NemoClient, sessions.

Everything with a side effect (transport, sleep, clock, rng) can be injected; nothing is global.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Protocol

import httpx

from agent.auth import Credentials
from agent.client import NemoClient, RetryPolicy, Timeouts
from agent.config import Settings
from agent.errors import APIError
from agent.files import secure_tree
from agent.models import Clock, Sleep
from agent.session import SessionRecord, Sessions, SessionStore, registration_url

__all__ = ["AttributionSource", "Runtime"]

SESSION_FILE = "session.json"


class AttributionSource(Protocol):
    """What the runtime needs from a skill (`agent.skill.Skill`)."""

    def attribution_headers(self) -> dict[str, str]:
        """The `X-Skill-Source`, `X-Skill-Version` and `X-Skill-Platform` headers."""
        ...


@dataclass(slots=True)
class Runtime:
    """Built once per command or conversation; use `Runtime.open` as an async context manager."""

    settings: Settings
    skill: AttributionSource
    credentials: Credentials
    client: NemoClient
    sessions: Sessions
    sleep: Sleep
    """The sleep every wait uses (retries, render polling)."""
    clock: Clock
    """Epoch seconds."""

    @classmethod
    @asynccontextmanager
    async def open(
        cls,
        settings: Settings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        skill: AttributionSource | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.time,
        rng: random.Random | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
    ) -> AsyncIterator[Runtime]:
        """Build the runtime; the HTTP client is closed on exit.

        Args:
            settings: Resolved settings (`api_url` is the base URL of every API call).
            transport: An httpx transport (tests: `httpx.MockTransport`); default network.
            skill: Attribution source; default `agent.skill.load_skill(settings)`.
            sleep: Awaitable sleep for retries and polling.
            clock: Epoch seconds, for token expiry and session timestamps.
            rng: Randomness for retry jitter.
            timeouts: Connect/read/SSE time limits.
            retry: Retry policy for idempotent requests.

        Raises:
            ConfigError: The SKILL.md cannot be loaded.
        """
        if skill is None:
            from agent.skill import load_skill

            skill = load_skill(settings)
        secure_tree((settings.config_dir, settings.state_dir, settings.cache_dir))
        credentials = Credentials(settings, clock=clock)
        async with httpx.AsyncClient(
            base_url=settings.api_url, transport=transport, follow_redirects=True
        ) as http:
            client = NemoClient(
                http,
                credentials,
                attribution=skill.attribution_headers(),
                sleep=sleep,
                rng=rng,
                retry=retry,
                timeouts=timeouts or Timeouts(request=settings.request_timeout),
                upload_max_bytes=settings.upload_max_bytes,
                clock=clock,
            )
            store = SessionStore(settings.state_dir / SESSION_FILE, settings.store_scope)
            sessions = Sessions(store, client, clock=clock)
            yield cls(settings, skill, credentials, client, sessions, sleep, clock)

    async def session(self, language: str = "en", *, new: bool = False) -> SessionRecord:
        """The current session (created when there is none, or a new one when `new`)."""
        return await self.sessions.current(language, new=new)

    async def claim_link(self, session: SessionRecord) -> str | None:
        """The project's browser link, or None when the backend cannot issue a claim token."""
        try:
            return await self.sessions.claim_link(session, self.settings.web_url)
        except APIError:
            return None

    def registration_link(self, user_id: str | None) -> str | None:
        """For anonymous users (`anon_…`): the register link that keeps their projects."""
        if user_id is None or not user_id.startswith("anon_"):
            return None
        return registration_url(self.settings.web_url, user_id)
