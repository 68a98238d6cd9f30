"""Language-model completions behind a small `Completer` protocol; the anthropic SDK lives here.

`anthropic` is imported only when a client is built (it is slow to import). The installed SDK
(2.x) runs on `httpx2`, so an injected `http_client` must be an `httpx2.AsyncClient`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

import structlog

from agent.errors import ConfigError, TransportError, error_from_response

if TYPE_CHECKING:
    import anthropic
    import httpx2
    from anthropic.types import ToolParam

    from agent.config import Settings

__all__ = ["DEFAULT_TIMEOUT", "AnthropicCompleter", "Completer", "completer_from_settings"]

DEFAULT_TIMEOUT = 5.0
"""Seconds the router waits for the model before it falls back to the default route."""

_MAX_TOKENS = 256
_log = structlog.get_logger(__name__)


class Completer(Protocol):
    """Anything that can force one tool call from a model (the router's fallback seam)."""

    async def call_tool(self, prompt: str, tool: Mapping[str, Any]) -> Mapping[str, Any] | None:
        """Ask the model to call `tool` for `prompt`.

        Args:
            prompt: The full user prompt.
            tool: An Anthropic-style tool: `name`, `description`, `input_schema`.

        Returns:
            The tool input the model produced, or None when the reply held no usable call.

        Raises:
            TransportError: The model API could not be reached or timed out.
            APIError: The model API answered with an error status.
        """
        ...


class AnthropicCompleter:
    """`Completer` over the anthropic SDK: one forced tool call, no retries, a short timeout."""

    def __init__(self, client: anthropic.AsyncAnthropic, *, model: str) -> None:
        """Wrap a configured client (see `completer_from_settings`)."""
        self._client = client
        self._model = model

    async def call_tool(self, prompt: str, tool: Mapping[str, Any]) -> Mapping[str, Any] | None:
        """Send `prompt` with `tool_choice` forced to `tool`; see `Completer.call_tool`."""
        import anthropic

        name = str(tool["name"])
        spec: ToolParam = {
            "name": name,
            "description": str(tool.get("description", "")),
            "input_schema": dict(tool["input_schema"]),
        }
        try:
            message = await self._client.messages.create(
                model=self._model,
                max_tokens=_MAX_TOKENS,
                messages=[{"role": "user", "content": prompt}],
                tools=[spec],
                tool_choice={"type": "tool", "name": name},
            )
        except anthropic.APIStatusError as exc:
            raise error_from_response(exc.status_code, exc.body) from exc
        except anthropic.APIConnectionError as exc:  # includes APITimeoutError
            raise TransportError(f"the model API could not be reached: {exc}") from exc
        except (anthropic.AnthropicError, ValueError) as exc:  # unparseable body (JSON, schema)
            _log.warning("llm.bad_reply", error=type(exc).__name__)
            return None
        return _tool_input(message.content, name)

    async def aclose(self) -> None:
        """Close the SDK client (and its HTTP connections)."""
        await self._client.close()


def _tool_input(content: object, name: str) -> Mapping[str, Any] | None:
    # The SDK does not validate response bodies, so every field is checked here.
    for block in content if isinstance(content, list) else []:
        if getattr(block, "type", None) == "tool_use" and getattr(block, "name", None) == name:
            value = getattr(block, "input", None)
            return value if isinstance(value, dict) else None
    return None


def completer_from_settings(
    settings: Settings,
    *,
    http_client: httpx2.AsyncClient | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> AnthropicCompleter | None:
    """Build the anthropic completer when `settings.anthropic_api_key` is set, else None.

    Args:
        settings: Supplies the API key and `router_model`.
        http_client: An `httpx2.AsyncClient` to send requests through (tests inject a mock).
        timeout: Seconds per request; the SDK's retries are off.

    Raises:
        ConfigError: The anthropic package is missing from this installation.
    """
    if not settings.anthropic_api_key:
        return None
    try:
        import anthropic
    except ImportError as exc:  # pragma: no cover - anthropic is a hard dependency
        raise ConfigError("the anthropic package is not installed") from exc
    client = anthropic.AsyncAnthropic(
        api_key=settings.anthropic_api_key,
        http_client=http_client,
        max_retries=0,
        timeout=timeout,
    )
    return AnthropicCompleter(client, model=settings.router_model)
