"""The explicit action -> handler registry (`build_registry`); one module per action.

Handler modules are imported inside `build_registry`, so importing `agent.handlers.base` (the
`Reply` data) stays cheap.
"""

from __future__ import annotations

from agent.handlers.base import Handler, HandlerContext, Reply

__all__ = ["Handler", "HandlerContext", "Reply", "build_registry"]


def build_registry() -> dict[str, Handler]:
    """Map every action the router and translator can produce to its handler."""
    from agent.handlers.credits import handle_credits
    from agent.handlers.export import handle_export
    from agent.handlers.sse import handle_sse
    from agent.handlers.state import handle_state
    from agent.handlers.upload import handle_upload

    return {
        "upload": handle_upload,
        "sse": handle_sse,
        "export": handle_export,
        "credits": handle_credits,
        "state": handle_state,
    }
