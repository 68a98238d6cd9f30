"""What the router's wording and property tests share: the plan one router makes of a text, and
a fallback model that always says export."""

from __future__ import annotations

import asyncio

from agent.router import Router


def plan_of(router: Router, text: str, attachments: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The actions `router` plans for `text` with `attachments` (no LLM unless it has one)."""
    return asyncio.run(router.route(text, attachments)).actions


class SaysExport:
    """A fallback model (`Completer`) that always plans an edit and an export, recording the
    prompts it was asked: what the user's words must beat."""

    def __init__(self) -> None:
        self.prompts: list[str] = []

    async def call_tool(self, prompt: str, tool: object) -> object:
        self.prompts.append(prompt)
        return {"actions": ["sse", "export"]}
