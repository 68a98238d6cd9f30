"""The per-photo check: a clause giving every photo a length ("3 seconds each", 每张4秒) or
changing every photo's length by an amount ("a second off each photo", 每张照片都多放一秒) is
carried out only when every photo's share of the timeline holds that length, or changed by that
amount, all the same way.

The interpreter's readers can take such a clause for the video's length ("a second off" as 8 s,
多放一秒 as 1 s), and the coverage guard, reading with the same tables, finds the length it asked
for. This check reads the clause with its own patterns and the draft's photo shares; a plan that
misses is declined whole, naming the clause. Pure.
"""

from __future__ import annotations

import re
from typing import Any

from agent.local.interpreter.diffkinds import shares
from agent.local.interpreter.hanzi import to_simplified
from agent.local.interpreter.phrasebook import Phrasebook
from agent.local.interpreter.plan import InterpretContext, Plan, TextStep, ToolStep
from agent.local.interpreter.quantity import NUM, SEC, parse_number
from agent.local.interpreter.quoting import DOUBLE_QUOTED

__all__ = ["each_photo_asks", "each_photo_checked"]

_PHOTO = r"(?:photos?|pics?|pictures?|images?|slides?|shots?|ones?)"
_EACH = re.compile(
    rf"\b(?:each|every|per)\s+(?:single\s+|one\s+of\s+the\s+)?{_PHOTO}\b"
    rf"|\ball\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?{_PHOTO}\b|\b{_PHOTO}\b[^,.;]{{0,30}}\beach\b"
    rf"|\b\d+(?:\.\d+)?\s*{SEC}\s+each\b|\beach\b[^,.;]{{0,20}}\b{_PHOTO}\b"
    r"|每张|每一张|每幅|每个画面|各张|(?:所有|全部)(?:的)?(?:照片|相片|图片|相|图)"
    r"|(?:照片|相片|图片|三张|几张)(?:都|各)",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    rf"{NUM}\s*(?:个|個)?\s*{SEC}|\b(?:an?|one)\s+(?:extra\s+|more\s+)?(?:second|sec)\b"
)
_RELATIVE = re.compile(
    r"\b(?:off|more|less|longer|shorter|extra|add|added|adding|minus|plus|trim|shave|another|by"
    r"|reduce|cut)\b|多|少|减|加(?!到|至|成)|长|短|延长|缩短|增加"
)
_ABSOLUTE = re.compile(rf"(?:\bto|成|为|到|至|=)\s*{NUM}\s*{SEC}")
_SPLIT = re.compile(
    r"[,;!?，。；！？]|\.(?=\s|$)|\b(?:and|then|also|plus|but)\b|然后|并且|并|同埋|另外|跟住",
    re.IGNORECASE,
)
_NOT_EACH = re.compile(
    r"\b(?:rest|others|other\s+(?:ones?|two|photos?)|remaining|whole|total|overall|in\s+all|video"
    r"|clip|now|currently|too\s+(?:long|short|slow|fast))\b|其余|其他|其它|剩下|剩余|总|整|全片|视频|影片"
    r"|现在|而家|目前|太慢|太快|太长|太短|太耐"
)
"""A clause about the rest of the photos, the whole video, or the draft as it is now."""
_TOLERANCE_S = 0.35


def each_photo_asks(message: str) -> list[tuple[str, float, bool]]:
    """(clause, seconds, relative) for each clause giving every photo a length or a change (the
    last one counts: "每张3秒太慢了，改成每张2秒")."""
    out = []
    for part in (p.strip() for p in _SPLIT.split(message) if p and p.strip()):
        folded = DOUBLE_QUOTED.sub(" ", to_simplified(part).casefold())
        amount = _AMOUNT.search(folded)
        if not _EACH.search(folded) or amount is None or _NOT_EACH.search(folded):
            continue
        value = parse_number(amount.group(1)) if amount.group(1) is not None else 1.0
        if value is not None and folded[amount.end() :].startswith("半"):
            value += 0.5  # 两秒半
        if value is None or value <= 0:
            continue
        relative = bool(_RELATIVE.search(folded)) and not _ABSOLUTE.search(folded)
        out.append((part, value, relative))
    return out


def _holds(before: dict[str, Any], after: dict[str, Any], value: float, relative: bool) -> bool:
    new = [s / 1000 for s in shares(after)]
    if not relative:
        return all(abs(s - value) <= _TOLERANCE_S for s in new)
    old = [s / 1000 for s in shares(before)]
    if len(old) != len(new):
        return False
    deltas = [n - o for n, o in zip(new, old, strict=True)]
    return all(abs(abs(d) - value) <= _TOLERANCE_S for d in deltas) and (
        all(d > 0 for d in deltas) or all(d < 0 for d in deltas)
    )


def each_photo_checked(plan: Plan, ctx: InterpretContext, book: Phrasebook, *, hant: bool) -> Plan:
    """`plan`, or a plan declining the whole message when it changes the draft without giving
    every photo the length (or the change) a clause asks for all of them."""
    tools = [s for s in plan.steps if isinstance(s, ToolStep)]
    before = ctx.draft if isinstance(ctx.draft, dict) else {}
    if not tools or len(shares(before)) < 2:
        return plan
    after = tools[-1].draft
    if after == before:
        return plan
    for clause, value, relative in each_photo_asks(ctx.message)[-1:]:
        if not _holds(before, after, value, relative):
            what = book.topic(plan.language, "about_photos", hant=hant)
            said = book.say(plan.language, "unsure_clause", hant=hant, clause=clause, what=what)
            return Plan((TextStep(said),), plan.language)
    return plan
