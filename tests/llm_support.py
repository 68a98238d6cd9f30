"""The anthropic SDK over a mock transport, for tests of the LLM stages (router, translator).

anthropic 2.x sends through `httpx2`, so the mock is an `httpx2.MockTransport`; replies are
recorded API bodies under `fixtures/anthropic/`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import httpx2

from agent.config import Settings
from agent.llm import AnthropicCompleter, completer_from_settings

Handler = Callable[[httpx2.Request], httpx2.Response]

KEY_PREFIX = "-".join(("sk", "ant", ""))
"""The anthropic key prefix, built at run time so no token-shaped literal stands in the repo."""
TEST_KEY = KEY_PREFIX + "test-key"
"""The fake key the mock completer sends (never a real one)."""


def recorded_reply(fixtures_dir: Path, name: str, status: int = 200) -> Handler:
    """A transport handler answering every request with `fixtures/anthropic/NAME`."""
    body = (fixtures_dir / "anthropic" / name).read_bytes()

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(status, content=body, headers={"content-type": "application/json"})

    return handler


@asynccontextmanager
async def mock_completer(settings: Settings, handler: Handler) -> AsyncIterator[AnthropicCompleter]:
    """The real completer (real SDK, test key) sending through `handler`."""
    keyed = settings.with_overrides(anthropic_api_key=TEST_KEY)
    async with httpx2.AsyncClient(transport=httpx2.MockTransport(handler)) as http_client:
        completer = completer_from_settings(keyed, http_client=http_client)
        assert completer is not None
        try:
            yield completer
        finally:
            await completer.aclose()
