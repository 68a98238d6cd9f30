"""The LLM fallback's call: the `route` tool, its prompt and its strictly parsed answer.

No network here; the `Completer` is handed in by the composition root. Every failure of the call
(timeout, API error, malformed tool input) is None, for the router's deterministic default.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, get_args

import structlog
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agent.errors import AgentError
from agent.router.route import Action

if TYPE_CHECKING:
    from agent.llm import Completer
    from agent.templates import Templates

__all__ = ["ACTIONS", "FALLBACK_TEMPLATE", "FALLBACK_TIMEOUT", "ROUTE_TOOL", "ask", "prompt"]

ACTIONS: tuple[Action, ...] = get_args(Action)
FALLBACK_TEMPLATE = "router/fallback"
FALLBACK_TIMEOUT = 6.0
"""Outer bound on one fallback call; the completer's own request timeout is shorter."""

ROUTE_TOOL: dict[str, Any] = {
    "name": "route",
    "description": "Record the ordered actions the user's message asks for.",
    "input_schema": {
        "type": "object",
        "properties": {
            "actions": {
                "type": "array",
                "items": {"type": "string", "enum": list(ACTIONS)},
                "minItems": 1,
                "maxItems": 5,
                "description": "Actions in the order they should run; upload first if present.",
            }
        },
        "required": ["actions"],
        "additionalProperties": False,
    },
}

_log = structlog.get_logger(__name__)


class _Plan(BaseModel):
    """The fallback's tool input, parsed strictly."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    actions: list[Action] = Field(min_length=1, max_length=5)


async def ask(completer: Completer, prompt: str, limit: float) -> tuple[Action, ...] | None:
    """The fallback's plan for `prompt` within `limit` seconds (runs of one action collapsed),
    or None on any failure."""
    try:
        async with asyncio.timeout(limit):
            raw = await completer.call_tool(prompt, ROUTE_TOOL)
    except (AgentError, TimeoutError) as exc:
        _log.warning("router.fallback_failed", error=type(exc).__name__)
        return None
    try:
        plan = _Plan.model_validate(raw)
    except ValidationError:
        _log.warning("router.fallback_malformed")
        return None
    actions = plan.actions
    return tuple(a for i, a in enumerate(actions) if i == 0 or a != actions[i - 1])


def prompt(templates: Templates, text: str, attachments: Sequence[str], language: str) -> str:
    """The fallback prompt (`prompts/router/fallback.j2`) for one turn."""
    return templates.render(
        FALLBACK_TEMPLATE, None, text=text, attachments=list(attachments), language=language
    )
