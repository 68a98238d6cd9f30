"""Two title/caption changes in one message ("remove the title and add a caption 'bye'",
删掉标题，再加一个字幕“再见”): each clause is planned in turn, the second on the draft the
first made, so neither is dropped. Only when both clauses are text changes of their own."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from agent.local.interpreter.intents import Request, parse
from agent.local.interpreter.phrasebook import Phrasebook
from agent.local.interpreter.plan import InterpretContext, Plan, RevisionNote, ToolStep
from agent.local.interpreter.snippet import quoted

__all__ = ["text_pair"]

Build = Callable[[InterpretContext, Request], Plan]

_JOINT = re.compile(
    r"\s*(?:,|;)?\s+(?:and\s+then|and|then|also|plus)\s+|\s*[,;]\s+"
    r"|\s*[，,；;。]\s*(?:然后|再|并且|并|同时|还有|顺便)?|然后|并且|(?<=[\u4e00-\u9fff])再(?=加|添|放|把|写)",
    re.IGNORECASE,
)


def _splits(message: str) -> list[tuple[str, str]]:
    """Places to cut `message` in two, outside quoted text."""
    taken = [
        (m.start(), m.end()) for m in re.finditer(r"“[^”]*”|「[^」]*」|\"[^\"]*\"|'[^']*'", message)
    ]
    out = []
    for match in _JOINT.finditer(message):
        if any(a <= match.start() < b for a, b in taken):
            continue
        head, tail = message[: match.start()].strip(), message[match.end() :].strip()
        if head and tail:
            out.append((head, tail))
    return out


def text_pair(ctx: InterpretContext, req: Request, book: Phrasebook, build: Build) -> Plan | None:
    """The plan of two text changes in turn, or None when the message is not two of them."""
    if req.text is None or (not quoted(ctx.message)[0] and req.text.action != "remove"):
        return None
    for head, tail in _splits(ctx.message):
        first, second = (
            replace(parse(part, ctx.language, book), language=req.language, script=req.script)
            for part in (head, tail)
        )
        if (
            first.text is None
            or second.text is None
            or "ask"
            in (
                first.text.action,
                second.text.action,
            )
        ):
            continue
        if (first.text.action, first.text.kind) == (second.text.action, second.text.kind):
            continue
        if any(
            op.action != "remove" and not quoted(part)[0]
            for op, part in ((first.text, head), (second.text, tail))
        ):
            continue  # new words for a title come in quotes; "keep the title as is" is none
        one = build(replace(ctx, message=head), first)
        tools = [s for s in one.steps if isinstance(s, ToolStep)]
        draft = tools[-1].draft if tools else ctx.draft
        two = build(replace(ctx, message=tail, draft=draft), second)
        charged = bool(tools) and any(s.credits for s in tools)
        rest = tuple(
            replace(s, credits=0) if charged and isinstance(s, ToolStep) else s for s in two.steps
        )
        labels = [p.revision.label for p in (one, two) if p.revision is not None]
        note = RevisionNote(" ".join(labels)[:160]) if labels else None
        claims = tuple(dict.fromkeys((*one.claims, *two.claims)))
        return Plan((*one.steps, *rest), req.language, claims, note)
    return None
