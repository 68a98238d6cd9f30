"""What the router's wording and property tests share: the plan one router makes of a text."""

from __future__ import annotations

import asyncio

from agent.router import Router


def plan_of(router: Router, text: str) -> tuple[str, ...]:
    """The actions `router` plans for `text` (no attachments, no LLM unless the router has one)."""
    return asyncio.run(router.route(text)).actions
