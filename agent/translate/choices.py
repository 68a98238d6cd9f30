"""A list laid out as the choices of an offer: "Would you like me to:\\n1. Export it now as MP4,
or\\n2. Add background music first?", 要不要我：\\n- 现在导出\\n- 先加配乐？

Each item reads like a step ("Export it now as MP4"), but the list is what the agent offers
to do, and the user picks one in chat: no item runs. A list is read so when the line before it
ends in a colon or a question mark and offers or asks for a pick ("Would you like me to:",
"What would you like next?", "Let me know which you'd prefer:", 接下来你想：) or names them
("Here are your options:", 你可以选择：, 有以下几种方式：), when the line after it asks for a pick
by number ("Just reply with 1, 2 or 3", 回复数字即可, 揀一個), or when its items
are alternatives ("…, or", 或者, 还是) and the last one, or the line after the list, asks
("…first?", "Which would you like?", "Let me know!", 你选哪个？). A list only named as
options or picked from by number may still look up the balance an item names ("1. Top up your
wallet (Profile > Wallet)"): the user needs it to pick. A numbered procedure
("To download:\\n1. Click Export\\n2. Pick MP4", "Ready to export?\\n1. Click Export") still
runs. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from agent.translate.lines import Line
from agent.translate.structure import StructureTables

__all__ = ["choice_lines"]

_HEADS = re.compile(r"[:：?？]\W*$")
# a pick offered or asked for in the line that heads a list
_PICK = re.compile(
    r"\b(?:would\s+you\s+like|do\s+you\s+want|want\s+me\s+to|shall\s+(?:I|we)|should\s+I"
    r"|which|prefer|would\s+you\s+rather|what\s+(?:would|do)\s+you\s+(?:like|want)|pick\s+one"
    r"|choose\s+one)\b"
    r"|你想|您想|要不要|要唔要|需要我|想我|想要我|哪个|哪一个|边个|邊個|选哪|選哪|还是|還是",
    re.IGNORECASE,
)
# a list named as the choices in the line that heads it
_NAMES = re.compile(
    r"\b(?:options|choices|alternatives)\b|可以选择|可以選擇|以下几种|以下幾種|几个选择|幾個選擇"
    r"|几种方式|幾種方式|可选|可選",
    re.IGNORECASE,
)
# the line after a list asks for one item by its number or name
_PICKED = re.compile(
    r"\b(?:reply|respond|answer|tell\s+me|let\s+me\s+know)\b[^.!?\n]{0,30}"
    r"\b(?:number|\d\s*(?:,|or)\s*\d|which\s+one|your\s+(?:pick|choice))"
    r"|\b(?:pick|choose)\s+(?:one|a\s+number)\b"
    r"|回复(?:数字|編號|编号|序号)|回覆(?:數字|編號|序號)|回(?:复|覆)\s*\d|揀一個|拣一个|选一个|選一個"
    r"|告诉我(?:你)?选|告訴我(?:你)?選",
    re.IGNORECASE,
)
_OR = re.compile(r"(?:\bor|或者|或是|还是|還是|定係|定系|抑或|或)\W*$", re.IGNORECASE)
_ASKS = re.compile(r"[?？]\W*$")
# the line after a list of alternatives asks the user's word ("Which would you like?", "Let me
# know!", 你选哪个？, 话我知)
_CLOSES = re.compile(
    r"[?？]|\b(?:let\s+me\s+know|tell\s+me|your\s+call|up\s+to\s+you|just\s+say)\b"
    r"|告诉我|告訴我|话我知|話我知|同我讲|同我講|跟我说|跟我說|你决定|你決定|由你|随你|隨你",
    re.IGNORECASE,
)


def choice_lines(
    lines: list[Line], structure: StructureTables, read: Callable[[str], str]
) -> tuple[set[int], set[int]]:
    """The indices of `lines` that are items of a list of offered choices, and those of a list
    named as options or picked from by number (see the module doc); `read` folds a sentence as
    the rules read it."""
    chosen: set[int] = set()
    named: set[int] = set()
    at = 0
    while at < len(lines):
        if not lines[at].item:
            at += 1
            continue
        end = at
        while end < len(lines) and (lines[end].item or not _said(lines[end])):
            end += 1
        items = [i for i in range(at, end) if lines[i].item]
        alternatives = _alternatives([lines[i] for i in items], lines[end:])
        if _offers(lines[:at], structure, read) or alternatives:
            chosen.update(items)
        elif _named(lines[:at], read) or _picked_after(lines[end:]):
            named.update(items)
        at = end
    return chosen, named


def _said(line: Line) -> str:
    return "".join(unit.raw for unit in line.units).strip()


def _offers(before: list[Line], structure: StructureTables, read: Callable[[str], str]) -> bool:
    """Whether the last line said before a list heads it (a colon or a question mark) and
    offers or asks for a pick."""
    said = [line for line in before if _said(line)]
    if not said or not _HEADS.search(_said(said[-1])):
        return False
    last = read(said[-1].units[-1].raw)
    if _PICK.search(last):
        return True
    # an offer's opener heads choices only before a colon ("Ready to export?" heads the steps)
    return _ASKS.search(last) is None and structure.asks_offer(last)


def _picked_after(after: list[Line]) -> bool:
    """Whether the first line said after a list asks for one of its items by number."""
    said = next((_said(line) for line in after if _said(line)), "")
    return _PICKED.search(said) is not None


def _named(before: list[Line], read: Callable[[str], str]) -> bool:
    """Whether the last line said before a list heads it and names its items as options."""
    said = [line for line in before if _said(line)]
    if not said or not _HEADS.search(_said(said[-1])):
        return False
    return _NAMES.search(read(said[-1].units[-1].raw)) is not None


def _alternatives(items: list[Line], after: list[Line]) -> bool:
    """Whether a list's items are alternatives ("…, or") and its last item, or the first line
    said after the list, asks which ("Which would you like?", "Let me know!", 你选哪个？)."""
    texts = [_said(line) for line in items]
    if len(texts) < 2 or not any(_OR.search(text) for text in texts[:-1]):
        return False
    closing = next((_said(line) for line in after if _said(line)), "")
    return _ASKS.search(texts[-1]) is not None or _CLOSES.search(closing) is not None
