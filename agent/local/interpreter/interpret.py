"""The local backend's deterministic bilingual instruction interpreter: `interpret(ctx) -> Plan`.

Silent-completion rule (protocol §4.8), stable per request kind: a plan that generates nothing and
whose every step is a title/caption edit (add, change, remove, restyle) or a fade change has tool
steps and NO text step; generation, music, volume, length, motion and framing always have text.
"""

from __future__ import annotations

from dataclasses import replace

from agent.local.interpreter.capability import capability_checked
from agent.local.interpreter.compound import declined_whole
from agent.local.interpreter.coverage import covered_or_declined
from agent.local.interpreter.eachphoto import each_photo_checked
from agent.local.interpreter.editsteps import EDIT_TOOL, MUSIC_TOOL
from agent.local.interpreter.frozen import frozen_checked, frozen_clauses, without_frozen
from agent.local.interpreter.historysteps import (
    redone_after_take_back,
    rest_not_applied,
    undone_within,
)
from agent.local.interpreter.intents import Request, parse
from agent.local.interpreter.phrasebook import Phrasebook, load_phrasebook
from agent.local.interpreter.plan import InterpretContext, Plan
from agent.local.interpreter.planner import DEFAULT_COSTS, GENERATE_TOOL, Costs, Planner
from agent.local.interpreter.questions import state_question
from agent.local.interpreter.retract import retracted
from agent.local.interpreter.textpair import text_pair

__all__ = ["DEFAULT_COSTS", "EDIT_TOOL", "GENERATE_TOOL", "MUSIC_TOOL", "Costs", "interpret"]


def interpret(
    ctx: InterpretContext, *, phrases: Phrasebook | None = None, costs: Costs = DEFAULT_COSTS
) -> Plan:
    """Turn one user message and the session state into a plan. Pure; never raises on any text.

    Args:
        ctx: The message, uploads, current draft, post-production flag and seed.
        phrases: A loaded phrase table (loaded from the package when omitted).
        costs: Credits per generation and per message with edits.

    Raises:
        ConfigError: only if the bundled phrase table is invalid.
    """
    book = phrases or load_phrasebook()
    if (said_again := retracted(ctx.message)) is not None:
        ctx = replace(ctx, message=said_again)  # "make it square... no wait, keep it 16:9"
    frozen = frozen_clauses(ctx.message)
    if frozen:  # "音量不变" asks for no edit; read the rest, then hold the plan to it
        ctx = replace(ctx, message=without_frozen(ctx.message))
    plan = _planned(ctx, book, costs)
    hant = parse(ctx.message, ctx.language, book).hant
    return frozen_checked(plan, ctx.draft, frozen, book, hant=hant)


def _planned(ctx: InterpretContext, book: Phrasebook, costs: Costs) -> Plan:
    req = parse(ctx.message, ctx.language, book)
    if (answer := state_question(ctx, req.language, req.hant, book)) is not None:
        return answer  # "what's the aspect ratio right now?" changes nothing

    def build(ctx: InterpretContext, req: Request) -> Plan:
        return Planner(ctx, req, book, costs).build()

    if req.history is not None and req.history.kind in ("undo", "restore"):
        redone = redone_after_take_back(ctx, req, book, build)
        if redone is not None:
            return redone
    if req.history is not None and req.history.kind in ("undo", "redo"):
        within = undone_within(ctx, req, book, build)
        if within is not None:
            return within
        return rest_not_applied(build(ctx, req), ctx, req, book)
    if (declined := declined_whole(ctx, req, book)) is not None:
        return declined
    plan = text_pair(ctx, req, book, build) or build(ctx, req)
    if req.history:
        return plan
    plan = covered_or_declined(plan, ctx, book, hant=req.hant)
    plan = each_photo_checked(plan, ctx, book, hant=req.hant)
    seen = req.limits + ((req.unsupported,) if req.unsupported else ())
    return capability_checked(plan, ctx, seen, book, hant=req.hant)
