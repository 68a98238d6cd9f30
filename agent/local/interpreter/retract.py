"""An edit taken back within the message and said again ("make it square... no wait, keep it
widescreen", 改成竖屏……算了，还是横屏吧): only the words after the take-back are the request.
Someone else's suggestion that the user then turns down ("my friend said to drop the music, but I
like it", 朋友叫我删音乐，不过我钟意) is a mention, not a request: it is left out.

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
_WHO = (
    r"(?:friend|mom|mum|mother|dad|father|boss|client|customer|wife|husband|partner|colleague"
    r"|co-?worker|sister|brother|girlfriend|boyfriend|gf|bf|teacher|editor|manager|roommate|kids?)"
)
_TURNED_DOWN = re.compile(
    rf"(?:\b(?:my|our|a|the|his|her)\s+(?:\w+\s+){{0,2}}?{_WHO}s?|\b(?:someone|somebody|people"
    r"|everyone|everybody|they|he|she)\b|\bi\s+was)\s+(?:\w+\s+)?(?:told|tells|said|says|suggested"
    r"|suggests|thinks?|thought|reckons?|wants?|wanted|keeps?\s+saying|asked|recommended)\b"
    r"[^.;!?]*?(?=[,.;]?\s*\b(?:but|however|though|tbh\s+i|honestly)\b)"
    r"|(?:朋友|老婆|老公|老板|客户|同事|妈妈|老妈|阿妈|爸爸|老豆|家人|有人|人哋|佢|他|她|女朋友|男朋友)"
    r"[^，。,.；;]{0,6}?(?:说|话|讲|叫我|建议|觉得|认为|想我)[^。；;!！?？]*?"
    r"(?=[，,]?\s*(?:不过|但是|但系|但|可是|然而))",
    re.IGNORECASE,
)
"""Someone else's suggestion, followed by the user's "but" (the user's own words come after)."""
_LAST_NUMBER = re.compile(rf"({_NUMBER})(?!.*(?:{_NUMBER}))", re.DOTALL)


def _turned_down(message: str) -> str | None:
    """`message` without someone else's suggestion that the user turns down, or None."""
    spans = [m.span() for m in _TURNED_DOWN.finditer(to_simplified(message))]  # char for char
    if not spans:
        return None
    for start, end in reversed(spans):
        message = message[:start] + " " + message[end:]
    return message


def retracted(message: str) -> str | None:
    """The message as it stands after its last take-back, or None when it has none (or an undo
    follows it). A bare number after the take-back ("make it 10 seconds, actually no make it 8")
    takes the place of the number taken back, so the thing it measures is kept. Someone else's
    suggestion turned down is left out (the message without it, when that is the only change)."""
    kept = _turned_down(message)
    message = kept or message
    marks = list(_MARK.finditer(message))
    if not marks:
        return kept
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
