"""The `credits` action: the balance, answered locally and never forwarded to the backend agent."""

from __future__ import annotations

from agent.handlers.base import HandlerContext, Reply

__all__ = ["LOW_BALANCE", "handle_credits"]

LOW_BALANCE = 10
"""Below this many available credits, warn before credit-consuming work (protocol §6.3)."""


async def handle_credits(ctx: HandlerContext) -> Reply:
    """Read the balance: available, frozen (reserved by running jobs) and total.

    Raises:
        APIError: The credits endpoint failed.
    """
    credits = await ctx.client.credits()
    total = credits.total_credits
    context = {"available": credits.available, "frozen": credits.frozen, "total": total}
    return Reply("replies/credits", context, ("credits",))
