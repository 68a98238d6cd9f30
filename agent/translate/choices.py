"""A list laid out as the choices of an offer: "Would you like me to:\\n1. Export it now as MP4,
or\\n2. Add background music first?", 要不要我：\\n- 现在导出\\n- 先加配乐？

Each item reads like a step ("Export it now as MP4"), but the list is what the agent offers
to do, and the user picks one in chat: no item runs. A list is read so when the line before it
ends in a colon or a question mark and offers or asks for a pick ("Would you like me to:",
"What would you like next?", "Let me know which you'd prefer:", 接下来你想：), or when its items
are alternatives ("…, or", 或者, 还是) and the last one asks ("…first?"). A numbered procedure
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
_OR = re.compile(r"(?:\bor|或者|或是|还是|還是|定係|定系|抑或|或)\W*$", re.IGNORECASE)
_ASKS = re.compile(r"[?？]\W*$")


def choice_lines(
    lines: list[Line], structure: StructureTables, read: Callable[[str], str]
) -> set[int]:
    """The indices of `lines` that are items of a list of offered choices (see the module doc);
    `read` folds a sentence as the rules read it."""
    chosen: set[int] = set()
    at = 0
    while at < len(lines):
        if not lines[at].item:
            at += 1
            continue
        end = at
        while end < len(lines) and (lines[end].item or not _said(lines[end])):
            end += 1
        items = [i for i in range(at, end) if lines[i].item]
        if _offers(lines[:at], structure, read) or _alternatives([lines[i] for i in items]):
            chosen.update(items)
        at = end
    return chosen


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


def _alternatives(items: list[Line]) -> bool:
    """Whether a list's items are alternatives and its last item asks which."""
    texts = [_said(line) for line in items]
    return (
        len(texts) > 1
        and _ASKS.search(texts[-1]) is not None
        and any(_OR.search(text) for text in texts[:-1])
    )
