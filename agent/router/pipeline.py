"""The request router: keyword stage first, then an injected LLM fallback, then the default.

No network here; the fallback is a `Completer` handed in by the composition root. Every failure
of the fallback (timeout, API error, malformed tool input) yields the deterministic default.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, get_args

import structlog
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agent.errors import AgentError
from agent.router.keyword import Action, KeywordRouter, Route, Source
from agent.router.rules import RouterTables, load_tables
from agent.router.text import prepare

if TYPE_CHECKING:
    from agent.llm import Completer
    from agent.templates import Templates

__all__ = [
    "ACTIONS",
    "FALLBACK_TEMPLATE",
    "ROUTE_TOOL",
    "Action",
    "KeywordRouter",
    "Route",
    "Router",
    "Source",
    "build_keyword_router",
]

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


def build_keyword_router(tables: RouterTables | None = None) -> KeywordRouter:
    """A keyword router over the bundled tables (or the given ones); callers may cache it.

    Raises:
        ConfigError: A bundled table is missing or invalid.
    """
    return KeywordRouter(tables if tables is not None else load_tables())


class Router:
    """Routes a turn: keywords decide when they can; otherwise the fallback, else the default."""

    def __init__(
        self,
        keywords: KeywordRouter,
        *,
        completer: Completer | None = None,
        templates: Templates | None = None,
        timeout: float = FALLBACK_TIMEOUT,
    ) -> None:
        """Combine a keyword stage with an optional LLM fallback.

        Args:
            keywords: The pure keyword stage.
            completer: The LLM fallback; None means abstentions go straight to the default.
            templates: Renders `prompts/router/fallback.j2` (built on demand when None).
            timeout: Seconds before a fallback call is abandoned.
        """
        self._keywords = keywords
        self._completer = completer
        self._templates = templates
        self._timeout = timeout

    async def route(self, text: str, attachments: Sequence[str] = ()) -> Route:
        """Route one user turn; never raises for a routing miss (the default is `sse`).

        Args:
            text: The user's message.
            attachments: Names or paths of files attached to the turn.
        """
        decided = self._keywords.route(text, attachments)
        if decided is not None:
            return decided
        prepared = prepare(text)
        declined = self._keywords.declined(text)
        # The default still uploads what the turn carries; dropping a file would lose it.
        media = prepared.media + len(attachments) > 0
        default = Route(
            ("upload", "sse") if media else ("sse",), "default", prepared.language, declined
        )
        if self._completer is None or not text.strip():
            return default
        plan = await self._ask(self._completer, text, attachments, prepared.language)
        # The user's "don't" beats the model: a declined command never runs.
        kept = tuple(a for a in plan or () if a not in declined)
        return Route(kept, "llm", prepared.language, declined) if kept else default

    async def _ask(
        self, completer: Completer, text: str, attachments: Sequence[str], language: str
    ) -> tuple[Action, ...] | None:
        prompt = self._render(text, attachments, language)
        try:
            async with asyncio.timeout(self._timeout):
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

    def _render(self, text: str, attachments: Sequence[str], language: str) -> str:
        if self._templates is None:
            from agent.templates import Templates

            self._templates = Templates()
        return self._templates.render(
            FALLBACK_TEMPLATE, None, text=text, attachments=list(attachments), language=language
        )
