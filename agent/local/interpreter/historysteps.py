"""Plans for history requests: undo, redo, "go back to the 5-second version", list versions.

Pure; the app applies the plan's `RevisionNote` to the stored history once the step ran.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from agent.local.edits import TEXT, VIDEO, segments, total
from agent.local.interpreter.editsteps import EDIT_TOOL
from agent.local.interpreter.history import (
    HistoryRequest,
    edit_after_step,
    resolve,
    steps_after_edit,
    taken_back_then,
)
from agent.local.interpreter.intents import Request, parse
from agent.local.interpreter.phrasebook import Phrasebook
from agent.local.interpreter.plan import (
    InterpretContext,
    Plan,
    Revision,
    RevisionNote,
    TextStep,
    ToolStep,
)
from agent.local.interpreter.quantity import seconds

__all__ = [
    "LISTED",
    "Build",
    "history_plan",
    "redone_after_take_back",
    "rest_not_applied",
    "undone_within",
]

Build = Callable[[InterpretContext, Request], Plan]
"""Plans one (part of a) message: the interpreter's planner."""

LISTED = 6
"""How many recent revisions a history listing shows."""


def history_plan(
    req: Request, hreq: HistoryRequest, history: tuple[Revision, ...], book: Phrasebook
) -> Plan:
    """The plan that answers a history request (free: moving through history costs nothing)."""

    def say(key: str, **values: Any) -> str:
        return book.say(req.language, key, hant=req.hant, **values)

    if hreq.kind == "list":
        return Plan((TextStep(_listing(history, say)),), req.language)
    move = resolve(hreq, history)
    if move is None:
        key = {"undo": "nothing_to_undo", "redo": "nothing_to_redo"}.get(hreq.kind, "no_version")
        length = seconds(hreq.length_ms) if hreq.length_ms else ""
        return Plan((TextStep(say(key, duration=length)),), req.language)
    summary = _summary(move.draft, say)
    if hreq.kind == "restore":
        text = say("restored", summary=summary)
        note = RevisionNote(text)
    elif hreq.kind == "undo":
        text = say("undone", count=len(move.undo_seqs), summary=summary)
        note = RevisionNote(text, undo=move.undo_seqs)
    else:
        text = say("redone", count=len(move.redo_seqs), summary=summary)
        note = RevisionNote(text, redo=move.redo_seqs)
    step = ToolStep(EDIT_TOOL, {"op": hreq.kind, "count": hreq.count}, move.draft, 0)
    claims = ("history",)
    return Plan((step, TextStep(text)), req.language, claims, note)


def _summary(draft: dict[str, Any], say: Any) -> str:
    if not segments(draft, VIDEO):
        return str(say("summary_empty"))
    texts = [sg.get("n", "") for sg in segments(draft, TEXT)]
    music = say("summary_music") if segments(draft, 1) else ""
    return str(
        say(
            "summary",
            duration=seconds(total(draft)),
            photos=len(segments(draft, VIDEO)),
            texts=len(texts),
            music=music,
        )
    )


def _listing(history: tuple[Revision, ...], say: Any) -> str:
    if not history:
        return str(say("history_empty"))
    active = [r for r in history if not r.undone]
    current = active[-1].seq if active else None
    lines = []
    for rev in history[-LISTED:]:
        mark = say("history_current") if rev.seq == current else ""
        mark = say("history_undone") if rev.undone else mark
        label = rev.label or _summary(rev.draft, say)
        lines.append(str(say("history_item", seq=rev.seq, label=label, mark=mark)))
    return str(say("history_list", items="\n".join(lines)))


def rest_not_applied(plan: Plan, ctx: InterpretContext, req: Request, book: Phrasebook) -> Plan:
    """ "Undo that and make it 8 seconds": the history step is taken; the reply says the edit
    after it was not (one history move per message), so nothing is silently dropped."""
    rest = edit_after_step(ctx.message)
    if not rest or not parse(rest, ctx.language, book).edits:
        return plan
    note = book.say(req.language, "rest_not_applied", hant=req.hant, rest=rest)
    steps = list(plan.steps)
    at = max((i for i, s in enumerate(steps) if isinstance(s, TextStep)), default=-1)
    last = steps[at] if at >= 0 else None
    if isinstance(last, TextStep):
        steps[at] = TextStep((" " if req.language == "en" else "").join((last.text, note)))
    else:
        steps.append(TextStep(note))
    return replace(plan, steps=tuple(steps))


def undone_within(
    ctx: InterpretContext, req: Request, book: Phrasebook, build: Build
) -> Plan | None:
    """ "Make it 10 seconds. Actually, undo that" (and "..., undo, redo"): the edit and its undo
    in one message. The edit stands when the last step is a redo; else nothing changes."""
    split = steps_after_edit(ctx.message)
    if split is None:
        return None
    head, kinds = split
    head_req = replace(parse(head, ctx.language, book), language=req.language, script=req.script)
    plan = build(replace(ctx, message=head), head_req)
    if not any(isinstance(s, ToolStep) for s in plan.steps) or head_req.history is not None:
        return None
    if kinds[-1] == "redo":
        return plan
    draft = ctx.draft if isinstance(ctx.draft, dict) else {}
    text = book.say(
        req.language, "undone_in_message", hant=req.hant, duration=seconds(total(draft))
    )
    return Plan((TextStep(text),), req.language)


def redone_after_take_back(
    ctx: InterpretContext, req: Request, book: Phrasebook, build: Build
) -> Plan | None:
    """ "Make it 12 seconds. No, go back to the 5 second version, but make it 9:16": the first
    edit is taken back within the message, so the later edits apply to the project as it was."""
    split = taken_back_then(ctx.message)
    if split is None:
        return None
    head, tail, length = split
    draft = ctx.draft if isinstance(ctx.draft, dict) else {}
    if length is not None and length != total(draft):
        return None  # "go back to the 8 second version": an older revision, not this message's
    head_req = parse(head, ctx.language, book)
    tail_req = parse(tail, ctx.language, book)
    if not head_req.edits or head_req.history or not tail_req.edits or tail_req.history:
        return None
    tail_req = replace(tail_req, language=req.language, script=req.script)
    return build(replace(ctx, message=tail), tail_req)
