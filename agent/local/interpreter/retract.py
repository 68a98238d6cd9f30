"""An edit taken back within the message and said again ("make it square... no wait, keep it
widescreen", 改成竖屏……算了，还是横屏吧): only the words after the take-back are the request.

Pure text work on the raw message; an undo or revert word after the take-back is left to the
history reading (agent/local/interpreter/history.py), which applies and then undoes the edit.
"""

from __future__ import annotations

import re

from agent.local.interpreter.hanzi import to_simplified

__all__ = ["retracted"]

_MARK = re.compile(
    r"(?:^|(?<=[\s,.;:!?，。；：！？…—–-]))"
    r"(?:actually,?\s+(?:no\b(?!\s+(?:music|titles?|text|captions?|zoom|pan|motion|songs?|sound"
    r"|audio|more|need))|never\s*mind|scratch\s+that|wait)|no,?\s+wait|wait,?\s+no\b|no,?\s+scratch\s+that"
    r"|scratch\s+that|never\s*mind(?:\s+that)?|on\s+second\s+thoughts?|actually(?=\s*,?\s*\d))"
    r"|算了|不对|唔对|唔啱|唔好喇|唔好啦|再想想|想深一层",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:[\s,.;:!?，。；：！？…—–-]*(?:\bgo\s+back\b|\b(?:so|then|and|instead|just|hmm)\b"
    r"|\bno\b(?=\s*[,.;!?—–-])))*[\s,.;:!?，。；：！？…—–-]*",
    re.IGNORECASE,
)
_HISTORY = re.compile(
    r"\b(?:undo|revert|redo|version)\b|撤销|撤回|撤消|复原|还原|恢复|返转头|重做", re.IGNORECASE
)
_NUMBER = r"\d+(?:\.\d+)?|[零一二两三四五六七八九十百]+"
_BARE = re.compile(
    rf"^(?:(?:make|set|change|put|turn)\s+(?:it|that|this)\s+(?:to\s+)?|to\s+|改成|改为|改到|调到|要|就)?"
    rf"({_NUMBER})\s*(?:instead|then|吧|啦|喇|la)?[\s.!。！]*$",
    re.IGNORECASE,
)
_LAST_NUMBER = re.compile(rf"({_NUMBER})(?!.*(?:{_NUMBER}))", re.DOTALL)


def retracted(message: str) -> str | None:
    """The message as it stands after its last take-back, or None when it has none (or an undo
    follows it). A bare number after the take-back ("make it 10 seconds, actually no make it 8")
    takes the place of the number taken back, so the thing it measures is kept."""
    marks = list(_MARK.finditer(message))
    if not marks:
        return None
    mark = marks[-1]
    head = message[: mark.start()].strip(" \t,.;:!?，。；：！？…—–-")
    tail = _LEAD.sub("", message[mark.end() :], count=1).strip()
    if not head or not tail.strip(" .!。！") or _HISTORY.search(to_simplified(tail)):
        return None
    if mark.group(0).casefold() == "actually" and not _LAST_NUMBER.search(head):
        return None  # "it's actually 5 seconds now, make it 10": a fact, not a new amount
    bare = _BARE.match(tail)
    if bare and _LAST_NUMBER.search(head):
        return _LAST_NUMBER.sub(bare.group(1), head, count=1)
    return tail
