"""Per-photo lengths that differ: one photo named with its length and the rest with another
("the first one 5s, the rest 2s each", 第一张5秒，其他的各2秒, 第二張4秒，其餘每張2秒).

Pure text reading on the folded message (numbers in place); the interpreter rebuilds the video
track from the lengths returned.
"""

from __future__ import annotations

import re

from agent.local.interpreter.quantity import NUM, SEC, parse_number

__all__ = ["mixed_lengths", "take_rest"]

_F = re.IGNORECASE
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_NOUN = r"(?:one|photo|pic|picture|image|slide|shot)"
_LINK = r"\s*(?:should\s+be\s+|gets?\s+|to\s+|for\s+|at\s+|is\s+|=\s*|:\s*)?"
_ONE = re.compile(
    rf"\b(?:the\s+)?({'|'.join(_ORDINALS)}|last|1st|2nd|3rd|\d+th)\s+{_NOUN}?{_LINK}{NUM}\s*{SEC}"
    rf"|第\s*([一二两三四五六七八九十\d]+)\s*(?:张|个|幅)(?:照片|图片|相片|相)?\s*"
    rf"(?:改成|改为|设为|设成|放|显示|停留|要|摆)?\s*{NUM}\s*{SEC}"
    rf"|(最后)(?:一|嗰|那)张(?:照片|相)?\s*(?:改成|改为|设为|放|显示|停留|要|摆)?\s*{NUM}\s*{SEC}"
    rf"|(头|首)一?张(?:照片|相)?\s*(?:改成|改为|设为|放|显示|停留|要|摆)?\s*{NUM}\s*{SEC}",
    _F,
)
_REST = re.compile(
    rf"\b(?:the\s+)?(?:rest|others|remaining\s+(?:ones|photos|pics|pictures|images|slides|two|three|four)"
    rf"|(?:other|remaining)\s+(?:two|three|four|\d)(?:\s+(?:ones|photos|pics|pictures|images|slides))?"
    rf"|other\s+(?:ones|photos|pics|pictures|images|slides))\b"
    rf"(?:\s+(?:of\s+them|should\s+be|get|are|at|to|for|each|all)){{0,3}}\s*{NUM}\s*{SEC}"
    rf"|{NUM}\s*{SEC}\s+(?:each\s+)?for\s+(?:the\s+)?(?:rest|others|other\s+ones)\b"
    rf"|(?:其他|其余|其它|剩下|剩余|另外|其他嘅|其余嘅|剩低)(?:的|嘅)?(?:[几两二三四\d]张|照片|图片|相片|相|张)?"
    rf"(?:照片|图片|相片|相)?\s*(?:都|各|每张|每一张)?"
    rf"\s*(?:改成|改为|设为|设成|放|显示|停留|要|摆)?\s*(?:各|每张)?\s*{NUM}\s*{SEC}",
    _F,
)


_GROUP = re.compile(
    rf"\b(?:the\s+)?(first|last)\s+(two|three|four|\d)\s*(?:{_NOUN}s?)?"
    rf"(?:\s+(?:each|all|should\s+be|get|are|at|to|for)){{0,3}}\s*{NUM}\s*{SEC}"
    rf"|(前|后|最后)\s*([两二三四\d])\s*张(?:照片|相)?\s*(?:都|各|每张)?"
    rf"\s*(?:改成|改为|设为|放|显示|停留|要|摆)?\s*(?:各|每张)?\s*{NUM}\s*{SEC}",
    _F,
)
"""The first or last N photos with one length ("the first two 3 s each", 前两张各3秒)."""


def mixed_lengths(folded: str, count: int) -> list[int | None] | None:
    """Each photo's length, ms, when the message names one photo's (or the first or last few
    photos') length and another's or the rest's, else None (not such a message, or a position
    beyond the `count` photos). With two photos named and no word for the rest ("the first 4s
    and the last one 2s"), the others are None: they keep their length."""
    if count < 2:
        return None
    ones = list(_ONE.finditer(folded))
    rest, group = _REST.search(folded), _GROUP.search(folded)
    spans = [m for m in (group, *ones, rest) if m is not None]
    if len(spans) < 2 or any(_overlap(a, b) for a in spans for b in spans if a is not b):
        return None
    lengths: list[int | None] = [None] * count
    for match in (group, *ones):
        if match is None:
            continue
        ms = _number(match, last=True)
        where = _group_indices(match, count) if match is group else _index(match, count)
        if ms is None or where is None:
            return None
        for at in where if isinstance(where, list) else [where]:
            lengths[at] = ms
    other = _number(rest, last=True) if rest is not None else None
    if rest is not None and other is None:
        return None
    if other is None and None in lengths and len(ones) < 2:
        return None  # "the first two 3 s" and nothing for the others: not this kind
    return [n if n is not None else other for n in lengths]


def _group_indices(match: re.Match[str], count: int) -> list[int] | None:
    side, token = match.group(1) or match.group(4), match.group(2) or match.group(5)
    n = _COUNTS.get(token.casefold()) or int(parse_number(token) or 0)
    if not 0 < n <= count:
        return None
    first = side.casefold() in ("first", "前")
    return list(range(n)) if first else list(range(count - n, count))


_COUNTS = {"two": 2, "three": 3, "four": 4}


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
    if match.group(7):
        return 0  # 头一张
    if word:
        at = _ORDINALS.index(word) if word in _ORDINALS else int(re.sub(r"\D", "", word)) - 1
    else:
        at = int(parse_number(zh) or 0) - 1
    return at if 0 <= at < count else None


_REST_BARE = re.compile(
    rf"\b(?:the\s+)?(?:rest|others|other\s+(?:ones|two|photos|pics)|remaining\s+(?:ones|two|photos))"
    rf"(?:\s+(?:of\s+them|should\s+be|get|are|at|to|for|each|all)){{0,3}}\s*{NUM}"
    rf"(?=\s*(?:each|apiece|s|secs?|seconds?)?\s*(?:$|[,.;!?]))"
    rf"|(?:其他|其余|其它|剩下|剩余|其他嘅|其余嘅|剩低)(?:的|嘅)?(?:照片|相片|相|张)?\s*(?:都|各|每张)?"
    rf"\s*(?:改成|改为|设为|放|要|摆)?\s*(?:各|每张)?\s*{NUM}(?=\s*(?:秒)?\s*(?:$|[,。.;!?，；]))",
    _F,
)
_UNIT = re.compile(rf"{NUM}\s*{SEC}", _F)


def take_rest(folded: str) -> tuple[int | None, str]:
    """The length said for "the rest" or "the others" (ms) and `folded` without it ("the
    lighthouse 5 seconds, the others 2", 灯塔那张5秒，其他的2秒), else (None, `folded`); a bare
    number takes the unit said elsewhere in the message."""
    match = _REST.search(folded) or (_REST_BARE.search(folded) if _UNIT.search(folded) else None)
    if match is None:
        return None, folded
    ms = _number(match, last=True)
    if ms is None:
        return None, folded
    end = match.end()
    if tail := re.match(r"\s*(?:each|apiece|a\s+piece)\b", folded[end:], _F):
        end += tail.end()  # "the rest 2 s each"
    return ms, folded[: match.start()] + " " * (end - match.start()) + folded[end:]
