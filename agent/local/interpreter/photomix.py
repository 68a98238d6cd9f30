"""Per-photo lengths that differ: one photo named with its length and the rest with another
("the first one 5s, the rest 2s each", 第一张5秒，其他的各2秒, 第二張4秒，其餘每張2秒).

Pure text reading on the folded message (numbers in place); the interpreter rebuilds the video
track from the lengths returned.
"""

from __future__ import annotations

import re

from agent.local.interpreter.quantity import NUM, SEC, parse_number

__all__ = ["mixed_lengths"]

_F = re.IGNORECASE
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_NOUN = r"(?:one|photo|pic|picture|image|slide|shot)"
_LINK = r"\s*(?:should\s+be\s+|gets?\s+|to\s+|for\s+|at\s+|is\s+|=\s*|:\s*)?"
_ONE = re.compile(
    rf"\b(?:the\s+)?({'|'.join(_ORDINALS)}|last|1st|2nd|3rd|\d+th)\s+{_NOUN}?{_LINK}{NUM}\s*{SEC}"
    rf"|第\s*([一二两三四五六七八九十\d]+)\s*(?:张|个|幅)(?:照片|图片|相片|相)?\s*"
    rf"(?:改成|改为|设为|设成|放|显示|停留|要|摆)?\s*{NUM}\s*{SEC}"
    rf"|(最后)(?:一|嗰|那)张(?:照片|相)?\s*(?:改成|改为|设为|放|显示|停留|要|摆)?\s*{NUM}\s*{SEC}",
    _F,
)
_REST = re.compile(
    rf"\b(?:the\s+)?(?:rest|others|other\s+(?:ones|photos|pics|pictures|images|slides))\b"
    rf"(?:\s+(?:of\s+them|should\s+be|get|are|at|to|for|each|all)){{0,3}}\s*{NUM}\s*{SEC}"
    rf"|{NUM}\s*{SEC}\s+(?:each\s+)?for\s+(?:the\s+)?(?:rest|others|other\s+ones)\b"
    rf"|(?:其他|其余|其它|剩下|剩余|其他嘅|其余嘅)的?(?:几张|照片|图片|相片|相|张)?\s*(?:都|各|每张|每一张)?"
    rf"\s*(?:改成|改为|设为|设成|放|显示|停留|要|摆)?\s*(?:各|每张)?\s*{NUM}\s*{SEC}",
    _F,
)


def mixed_lengths(folded: str, count: int) -> list[int] | None:
    """Each photo's length, ms, when the message names one photo's length and the rest's, else
    None (not such a message, or a position beyond the `count` photos)."""
    one, rest = _ONE.search(folded), _REST.search(folded)
    if one is None or rest is None or count < 2 or _overlap(one, rest):
        return None
    own, other = _number(one, last=True), _number(rest, last=True)
    index = _index(one, count)
    if own is None or other is None or index is None:
        return None
    lengths = [other] * count
    lengths[index] = own
    return lengths


def _overlap(a: re.Match[str], b: re.Match[str]) -> bool:
    return a.start() < b.end() and b.start() < a.end()


def _number(match: re.Match[str], *, last: bool) -> int | None:
    groups = [g for g in match.groups() if g]
    value = parse_number(groups[-1] if last else groups[0])
    return round(value * 1000) if value else None


def _index(match: re.Match[str], count: int) -> int | None:
    word, zh, final = match.group(1), match.group(3), match.group(5)
    if final or word == "last":
        return count - 1
    if word:
        at = _ORDINALS.index(word) if word in _ORDINALS else int(re.sub(r"\D", "", word)) - 1
    else:
        at = int(parse_number(zh) or 0) - 1
    return at if 0 <= at < count else None
