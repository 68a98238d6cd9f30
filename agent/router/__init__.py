"""The request router: text preparation, keyword tables, the keyword stage and the LLM fallback.

Public surface only; the stages live in the modules of this package (no network anywhere here;
the fallback's `Completer` is injected).
"""

from agent.router.keyword import Action, KeywordRouter, Route, Source
from agent.router.pipeline import (
    ACTIONS,
    FALLBACK_TEMPLATE,
    ROUTE_TOOL,
    Router,
    build_keyword_router,
    build_router,
)

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
    "build_router",
]
