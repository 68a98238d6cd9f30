"""Plans for history requests: undo, redo, "go back to the 5-second version", list versions.

Pure; the app applies the plan's `RevisionNote` to the stored history once the step ran.
"""

from __future__ import annotations

from typing import Any

from agent.local.edits import TEXT, VIDEO, segments, total
from agent.local.interpreter.editsteps import EDIT_TOOL
from agent.local.interpreter.history import HistoryRequest, resolve
from agent.local.interpreter.intents import Request
from agent.local.interpreter.phrasebook import Phrasebook
from agent.local.interpreter.plan import Plan, Revision, RevisionNote, TextStep, ToolStep
from agent.local.interpreter.quantity import seconds

__all__ = ["LISTED", "history_plan"]

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
