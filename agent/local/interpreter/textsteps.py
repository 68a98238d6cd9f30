"""Title and caption steps of one message: add, replace, remove, move, retime and restyle, by
what the text is ("the title", "the second caption"). Used by `EditSteps`; pure.

A time range places new text without changing the video's length. Without new text, a position,
range or hold changes the matching text already on the timeline; with none there, it asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agent.local import edits as ed
from agent.local.edits import TEXT, TextSpec, segments, total
from agent.local.interpreter.intents import StyleOp, TextOp
from agent.local.interpreter.quantity import seconds
from agent.local.interpreter.textedits import TextChange, change_texts, pick
from agent.local.interpreter.timerange import WHOLE

if TYPE_CHECKING:
    from agent.local.interpreter.editsteps import EditSteps

__all__ = ["TITLE_MS", "apply_style", "apply_text", "edits_existing"]

TITLE_MS = 3000


def edits_existing(steps: EditSteps, op: TextOp) -> bool:
    """Whether a text request without new text changes text already on the timeline."""
    if op.action != "ask" or op.fresh:
        return False
    wants = op.position is not None or op.span is not None or op.hold_ms is not None
    wants = wants or bool(op.shift_ms) or op.at_ms is not None
    return wants and bool(pick(steps.draft, op.kind, op.ordinal))


def apply_text(steps: EditSteps, op: TextOp) -> None:
    """Apply a title/caption request to `steps.draft`."""
    if op.action == "remove":
        _remove(steps, op)
    elif edits_existing(steps, op):
        _change(steps, op)
    elif op.action == "replace" and _replace(steps, op):
        return
    elif op.action in ("add", "replace"):
        _add(steps, op)


def _remove(steps: EditSteps, op: TextOp) -> None:
    kind_name = steps.topic(op.kind)
    ids = pick(steps.draft, None if op.every else op.kind, op.ordinal)
    if op.text:  # "remove the title 'Old'": the text segments showing those words
        ids = [sg["id"] for sg in segments(steps.draft, TEXT) if sg.get("n") == op.text]
    elif op.ordinal is None and not ids:
        ids = pick(steps.draft, None, None)  # "remove the caption" when only titles exist
        ids = ids if op.kind == "caption" and _all_bottom(steps, ids) else []
    if not ids:
        steps.note(steps.say("nothing_to_remove", what=kind_name), loud=True)
        return
    kept = [sg for sg in segments(steps.draft, TEXT) if sg["id"] not in ids]
    draft = ed.with_segments(steps.draft, TEXT, kept)
    steps.step({"op": f"remove_{op.kind}", "count": len(ids)}, draft, loud=False)
    steps.note(steps.say("text_removed", count=len(ids)), loud=False, claim="text")


def _all_bottom(steps: EditSteps, ids: list[str]) -> bool:
    return all(sg.get("pos") == "bottom" for sg in segments(steps.draft, TEXT) if sg["id"] in ids)


def _change(steps: EditSteps, op: TextOp) -> None:
    ids = pick(steps.draft, op.kind, op.ordinal)
    if op.ordinal is None and op.kind == "title":
        ids = ids[:1]
    start = end = None
    at = op.at_ms
    if op.span is not None:
        start, end = op.span.resolve(total(steps.draft))
        if op.span.keep_start:  # "until the end" or "until 4.5 s": only the end moves
            start, end = None, total(steps.draft) if op.span.open_end else end
        elif op.span is WHOLE:  # "keep the title up for the whole video"
            start, end = 0, total(steps.draft)
        elif op.span.open_end:  # "from second 2": it starts there, as long as it was
            start, end = None, None
            at = op.span.start_ms if op.at_ms is None else op.at_ms
    change = TextChange(op.position, start, end, op.hold_ms, op.shift_ms or 0, at)
    draft = change_texts(steps.draft, ids, change)
    changed = [sg for sg in segments(draft, TEXT) if sg["id"] in ids]
    first = changed[0]
    if _visible(draft) == _visible(steps.draft):
        where = steps.name(first["pos"])
        start_s, end_s = seconds(first["s"]), seconds(first["s"] + first["d"])
        reply = steps.say("text_same", text=first["n"], start=start_s, end=end_s, position=where)
        steps.note(reply, loud=True)
        return
    args = {
        "op": f"move_{op.kind}",
        "start": seconds(first["s"]),
        "end": seconds(first["s"] + first["d"]),
        "position": first["pos"],
    }
    steps.step(args, draft, loud=False)
    steps.note(
        steps.say(
            "text_retimed" if "length" in steps.claims else "text_moved",  # the length did change
            text=first["n"],
            start=args["start"],
            end=args["end"],
            position=steps.name(first["pos"]),
        ),
        loud=False,
        claim="text",
    )


def _visible(draft: dict[str, object]) -> list[dict[str, object]]:
    return [{k: v for k, v in sg.items() if k != "kd"} for sg in segments(draft, TEXT)]


def _replace(steps: EditSteps, op: TextOp) -> bool:
    ids = pick(steps.draft, op.kind, op.ordinal)[:1] or pick(steps.draft, None, op.ordinal)[:1]
    if not ids:
        return False
    span = op.span.resolve(total(steps.draft)) if op.span is not None else (None, None)
    # "change the title to X and show it for the whole video" also retimes it
    change = TextChange(op.position, span[0], span[1], op.hold_ms, at_ms=op.at_ms, text=op.text)
    draft = change_texts(steps.draft, ids, change)
    changed = next(sg for sg in segments(draft, TEXT) if sg["id"] == ids[0])
    steps.step({"op": f"replace_{op.kind}", "text": op.text}, draft, loud=False)
    start, end = seconds(changed["s"]), seconds(changed["s"] + changed["d"])
    steps.note(
        steps.say("title_replaced", text=op.text, start=start, end=end), loud=False, claim="text"
    )
    return True


def _add(steps: EditSteps, op: TextOp) -> None:
    length = total(steps.draft)
    title = op.kind == "title"
    if op.span is not None:
        start, end = op.span.resolve(length)
    else:
        start, end = 0, min(TITLE_MS, length) if title else length
    if op.at_ms is not None and op.span is None:  # "add a title 'Hi' at 2 seconds"
        start = min(op.at_ms, max(0, length - 500))
        end = min(length, start + TITLE_MS) if title else length
    if op.hold_ms:
        end = min(length, start + op.hold_ms)
    position = op.position or ("center" if title else "bottom")
    spec = TextSpec(op.text, start, end, position, op.kind, 72 if title else 48)
    args = {
        "op": f"add_{op.kind}",
        "text": op.text,
        "start": seconds(start),
        "end": seconds(end),
        "position": position,
    }
    steps.step(args, ed.add_text(steps.draft, spec, steps.ids), loud=False)
    steps.note(
        steps.say(
            "title_added" if title else "caption_added",
            text=op.text,
            start=seconds(start),
            end=seconds(end),
            position=steps.name(position),
        ),
        loud=False,
        claim="text",
    )


def apply_style(steps: EditSteps, op: StyleOp) -> None:
    """Resize or recolour the named text (all text when none is named)."""
    ids = pick(steps.draft, op.kind, op.ordinal)
    if not ids and op.kind is not None and op.ordinal is None:
        ids = pick(steps.draft, None, None)
    if not ids:
        steps.note(steps.say("no_text"), loud=True)
        return
    draft = change_texts(steps.draft, ids, TextChange(size_factor=op.size_factor, colour=op.colour))
    first = next(sg for sg in segments(draft, TEXT) if sg["id"] == ids[0])
    steps.step({"op": "style_text", "size": first["sz"], "colour": first["c"]}, draft, loud=False)
    steps.note(
        steps.say("text_styled", size=first["sz"], colour=first["c"]), loud=False, claim="text"
    )
