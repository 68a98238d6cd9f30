"""A compound request ("drop the music to 20 and stop the camera moving", 缩短3秒，然后改成方形) is
applied whole or declined whole, never half-done.

The message is read whole (a clause often needs its neighbours: "add a title 'Hi', put it at the
top"). Each clause is then read alone; a clause that alone asks for a kind of edit the whole
reading has lost (a shape, a camera move, music, quoted text) means the whole reading dropped a
part of the request, and the interpreter declines the message naming that clause. Kinds a clause
misreads without its neighbours (a title's end time read alone as the video's length, "too slow"
as a speed) are not compared. Pure.
"""

from __future__ import annotations

import re

from agent.local.interpreter.intents import Request, parse
from agent.local.interpreter.phrasebook import Language, Phrasebook
from agent.local.interpreter.plan import InterpretContext, Plan, TextStep
from agent.local.interpreter.quoting import QUOTE_MARK

__all__ = ["declined_whole", "lost_clause"]

_SPLIT = re.compile(
    r"[,;!?，。；！？]|\.(?!\d)|\b(?:and|then|also|plus)\b|然后|并且|並且|同埋|另外|跟住|顺便|順便",
    re.IGNORECASE,
)
_TOPIC = {
    "aspect": "about_framing",
    "motion": "about_motion",
    "music": "about_music",
    "text": "about_text",
}


def _kinds(req: Request, quoted: bool = True) -> set[str]:
    """The kinds of edit `req` holds; text only when quoted (a clause alone may take its other
    words for a title's wording: "set the title to appear between 2")."""
    kinds = set()
    if req.look.aspect:
        kinds.add("aspect")
    if req.look.motion:
        kinds.add("motion")
    if req.music is not None:
        kinds.add("music")
    if quoted and req.text is not None and req.text.action in ("add", "replace") and req.text.text:
        kinds.add("text")
    return kinds


def lost_clause(
    message: str, language: Language, whole: Request, book: Phrasebook
) -> tuple[str, str] | None:
    """The first clause of `message` (as written) whose kind of edit `whole` lacks, with the
    topic key naming that kind; None when every clause's edit is in the whole reading."""
    parts = [p.strip() for p in _SPLIT.split(message) if p and p.strip()]
    if len(parts) < 2:
        return None
    have = _kinds(whole)
    for part in parts:
        lost = _kinds(parse(part, language, book), bool(QUOTE_MARK.search(part))) - have
        if lost:
            return part, _TOPIC[min(lost)]
    return None


def declined_whole(ctx: InterpretContext, req: Request, book: Phrasebook) -> Plan | None:
    """A plan declining the message naming the clause the whole reading lost, or the two levels
    a relative volume comes to ("by a fifth (so 35 becomes 20)"), else None."""
    if req.level_clash is not None:
        rule, stated = req.level_clash
        said = book.say(req.language, "volume_clash", hant=req.hant, rule=rule, said=stated)
        return Plan((TextStep(said),), req.language)
    if req.history is not None or req.unsupported:
        return None
    lost = lost_clause(ctx.message, ctx.language, req, book)
    if lost is None:
        return None
    clause, topic = lost
    what = book.topic(req.language, topic, hant=req.hant)
    said = book.say(req.language, "lost_clause", hant=req.hant, clause=clause, what=what)
    return Plan((TextStep(said),), req.language)
