"""A routing decision: the plan for one user turn, who decided it, and how sure it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Action", "Route", "Source"]

Action = Literal["upload", "sse", "export", "credits", "state"]
Source = Literal["keyword", "model", "llm", "default"]


@dataclass(frozen=True, slots=True)
class Route:
    """Where a user turn goes: ordered actions, which stage decided, and the reply language.

    `declined` holds the commands the user negated or deferred ("don't export yet") and did not
    ask for elsewhere in the turn: no stage and no implied follow-up may run them this turn.
    """

    actions: tuple[Action, ...]
    source: Source
    language: Literal["en", "zh"]
    declined: tuple[Action, ...] = ()
    confidence: float = field(default=1.0, compare=False)
    """How sure the deciding stage is: 1.0 for a firm rule reading, less for a vague one, the
    intent model's probability, `LLM_CONFIDENCE` for the LLM, 0.0 for the default (nothing
    decided). Not part of equality: two routes to the same plan are the same route."""
