"""Length changes that are not a plain new length: "+2 s", "twice as long", "3 seconds each".

Pure text scanning for the interpreter (EN and simplified ZH; traditional and Cantonese are
folded to simplified before). `take_length` returns the change (or None) and the text with its
span blanked out, like the `quantity.take_*` functions; absolute lengths stay with
`quantity.take_duration`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.local.interpreter.quantity import NUM, SEC, duration_at, parse_number

__all__ = [
    "LengthOp",
    "new_length",
    "relative_after",
    "take_length",
    "take_text_hold",
    "take_text_shift",
]

_F = re.IGNORECASE
_ITEM = r"(?:photos?|pictures?|pics?|images?|slides?|shots?|clips?)"
_ZH_ITEM = r"(?:张|个|幅|段)?(?:照片|图片|相片|相|图)?"


@dataclass(frozen=True, slots=True)
class LengthOp:
    """`each_ms` (per photo), `delta_each_ms`, or a multiplier then a delta: a chain of relative
    changes ("twice as long, then 2 more seconds") composes into `factor` and `delta_ms`."""

    delta_ms: int = 0
    factor: float = 1.0
    each_ms: int = 0
    delta_each_ms: int = 0
    """"one more second for each photo": added once per photo."""
    vague: bool = False
    """"A bit longer" with no number: 2 seconds, unless the message also names a length."""

    def resolve(self, current_ms: int, items: int) -> int:
        """The new total length, ms, for a video of `current_ms` with `items` photos."""
        if self.each_ms:
            return self.each_ms * max(1, items)
        if self.delta_each_ms:
            return current_ms + self.delta_each_ms * max(1, items)
        return round(current_ms * self.factor) + self.delta_ms


_EACH = re.compile(
    rf"{NUM}\s*-?\s*{SEC}\s*(?:each|apiece|a\s+piece|per\s+{_ITEM}|for\s+each\s+{_ITEM}"
    rf"|(?:a|every)\s+{_ITEM}\b)"
    rf"|\b(?:each|every)\s+(?:one|{_ITEM})\b(?!\s+(?:a\s+|an\s+)?(?:extra|more|fewer|less))"
    rf"[^,.;!?\d]{{0,24}}?{NUM}\s*{SEC}(?![a-z])(?!\s*(?:longer|shorter|more|less|extra))"
    rf"|每\s*{_ZH_ITEM}[^，,。；;！!？?\d多加少减延缩长短]{{0,10}}?{NUM}\s*{SEC}"
    rf"|\ball\s+(?:the\s+|of\s+the\s+)?{_ITEM}\b[^,.;!?\d]{{0,20}}?{NUM}\s*{SEC}"
    rf"|(?:所有|全部)的?(?:照片|图片|相片|相)\s*都?\s*(?:显示|改成|改为|设为|停留)?\s*{NUM}\s*{SEC}",
    _F,
)
_EVERY = rf"(?:each|every|all\s+(?:the\s+|of\s+the\s+)?)\s*(?:one|{_ITEM})"
_ZH_EVERY = rf"(?:每\s*一?{_ZH_ITEM}|(?:所有|全部)的?(?:照片|图片|相片|相)?)\s*(?:都|各)?\s*"
_ZH_SHOWN = r"(?:放|显示|停留|停|播|展示|留)?"
_MORE_EACH = re.compile(
    rf"{NUM}\s*(?:more\s+|extra\s+)?{SEC}\s+(?:more\s+|longer\s+)?(?:to|for|on|per|with)\s+{_EVERY}"
    rf"|\b(?:make|let|have)\s+{_EVERY}\b[^,.;!?\d]{{0,16}}?{NUM}\s*{SEC}\s*(?:longer|more|extra)\b"
    rf"|\b{_EVERY}\b[^,.;!?\d]{{0,24}}?(?:gets?|another|an?\s+extra|extra|plus|\+)\s*{NUM}\s*"
    rf"(?:more\s+|extra\s+)?{SEC}"
    rf"|\b{_EVERY}\b[^,.;!?\d]{{0,32}}?{NUM}\s*{SEC}\s*(?:longer|more|extra)\b"
    rf"|\b{_EVERY}\b[^,.;!?\d]{{0,16}}?{NUM}\s*(?:more|extra|additional)\s+{SEC}"
    rf"|\b(?:extend|lengthen)\s+{_EVERY}\s+by\s+{NUM}\s*{SEC}"
    rf"|{_ZH_EVERY}(?:再)?(?:加多|多加|再加|长多|增加|延长|加长|拉长|多{_ZH_SHOWN}|加{_ZH_SHOWN}"
    rf"|(?:放|显示|停留|停|播|留)(?:多|长))"
    rf"\s*(?:了)?\s*{NUM}\s*{SEC}",
    _F,
)
_LESS_EACH = re.compile(
    rf"(?:trim|cut|shave|take|knock|chop|lop|drop|remove)\w*\s+(?:off\s+)?{NUM}\s*{SEC}\s+"
    rf"(?:off\s+|from\s+)?(?:of\s+)?{_EVERY}"
    rf"|{NUM}\s*{SEC}\s+(?:shorter|less)\s+(?:for|on|per)\s+{_EVERY}"
    rf"|\b{_EVERY}\b[^,.;!?\d]{{0,32}}?{NUM}\s*{SEC}\s*(?:shorter|less)\b"
    rf"|\b(?:shorten|trim|cut)\w*\s+{_EVERY}\s+(?:down\s+)?by\s+{NUM}\s*{SEC}"
    rf"|{_ZH_EVERY}(?:再)?(?:减少|缩短|剪短|减掉|剪掉|短|少{_ZH_SHOWN}|减{_ZH_SHOWN}"
    rf"|(?:放|显示|停留|停|播|留)(?:少|短))"
    rf"\s*(?:了)?\s*{NUM}\s*{SEC}",
    _F,
)
_ZH_THAN_NOW = r"(?:比|较)\s*(?:现在|而家|原来|原本|目前|宜家|依家|之前)(?:的)?\s*(?:要|再|还)?\s*"
"""比现在长3秒: longer than now by 3 s (短 is read by `_LESS` already)."""
_MORE = re.compile(
    rf"{NUM}\s+(?:more|extra|additional)\s+{SEC}"
    rf"|(?:add|another|extra|plus|by)\s+(?:an?\s+)?(?:extra\s+|more\s+)?{NUM}\s*(?:more\s+)?{SEC}"
    rf"|{NUM}\s*(?:more\s+|extra\s+)?{SEC}\s*(?:longer|more|extra)"
    rf"|(?:加长|延长|拉长|整长|加多|多加|再加|增加|再长|长多|长返|多|加)(?:咗|多|返)?(?:佢|它)?\s*{NUM}\s*{SEC}"
    rf"|{_ZH_THAN_NOW}长\s*(?:多|咗)?\s*{NUM}\s*{SEC}",
    _F,
)
_LESS = re.compile(
    rf"{NUM}\s*{SEC}\s*(?:shorter|less)|\b(?:shorter|less)\s+by\s+{NUM}\s*{SEC}"
    rf"|(?:shorten|trim|cut|take|remove|drop|shave)\w*\s+(?:it\s+|the\s+video\s+)?(?:down\s+)?"
    rf"(?:by\s+)?"
    rf"{NUM}\s*{SEC}"
    rf"(?!\s*(?:long|total))"
    rf"|(?:chop|lop|knock|shave|cut)\w*\s+{NUM}\s*{SEC}\s+off\b"
    rf"|(?:缩短|减少|剪短|整短|剪掉|砍掉|砍|减掉|剪去|裁掉|裁剪|去掉|缩减|少掉|减|短|少)(?:返|咗|多|走|去)?(?:佢|它)?\s*{NUM}\s*{SEC}",
    _F,
)
_TIMES = re.compile(
    rf"{NUM}\s*(?:times|x|×)\s*(?:as\s+long|longer|the\s+length|(?:the\s+|its\s+)?(?:length|duration))"
    rf"|{NUM}\s*倍\s*(?:长|时长)",
    _F,
)
_ZH_TIMES = re.compile(
    rf"(?:时长|长度|原来的?)[^，,。；]{{0,8}}?{NUM}\s*倍"
    rf"|(?:加长|延长|拉长|增长|变长|长)(?:到|至|为|成)\s*(?:原来的?)?{NUM}\s*倍"
)
"""延长至两倍 is twice as long (延长两倍 is three times: see `_ZH_MORE_TIMES`)."""
_ZH_MORE_TIMES = re.compile(rf"(?:加长|延长|拉长|长多|(?<![时片])长)(?:返|多|咗)?\s*{NUM}\s*倍")
"""延长一倍 is "longer by one times the length": twice as long."""
_PERCENT = re.compile(rf"{NUM}\s*(?:%|percent)\s*(longer|shorter)", _F)
_ZH_PERCENT = re.compile(
    rf"(?:(?:时长|长度|片长|(?<![a-z])(?:duration|length)(?![a-z]))[^，,。；;\d]{{0,4}}?"
    rf"(加长|延长|拉长|增加|加|缩短|减少|减短|剪短|减)|(加长|延长|拉长|缩短|减短|剪短))"
    rf"\s*{NUM}\s*(?:%|％|percent)",
    _F,
)
"""时长加50% / duration加50% (an English target inside Chinese) / 缩短20%: by a share of it."""
_WORD_FACTORS = (
    (r"twice\s+as\s+long|double\s+(?:the\s+|its\s+)?(?:length|duration|it)|翻倍"
     r"|(?:时长|长度|片长|秒数)[^，,。；;\d]{0,3}?(?:加倍|翻一番|加长一倍|x\s*2)"
     r"|(?:加倍|加长一倍)[^，,。；;\d]{0,3}?(?:时长|长度|片长)", 2.0),
    (r"\btriple\s+(?:the\s+|its\s+)?(?:length|duration|it)\b|\bthree\s+times\s+as\s+long\b", 3.0),
    (r"(?:加长|延长|拉长|长多|再长)(?:多)?一半|half\s+again\s+as\s+long|longer\s+by\s+half"
     r"|(?:one\s+and\s+a\s+half|1\.5)\s+times\s+(?:as\s+long|longer)", 1.5),
    (r"\b(?:a|one)\s+third\s+(?:shorter|less)\b|\bshorter\s+by\s+(?:a|one)\s+third\b"
     r"|\b(?:cut|trim|shorten|reduce)\w*\s+(?:it\s+|the\s+\w+\s+)?by\s+(?:a|one)\s+third\b"
     r"|(?:缩短|减少|剪短|缩|减|剪|砍)(?:掉|短)?三分之一", 2 / 3),
    (r"\b(?:a|one)\s+third\s+longer\b|\blonger\s+by\s+(?:a|one)\s+third\b"
     r"|\b(?:extend|lengthen|stretch)\w*\s+(?:it\s+|the\s+\w+\s+)?by\s+(?:a|one)\s+third\b"
     r"|(?:加长|延长|拉长|长多|增加)三分之一", 4 / 3),
    (r"\b(?:a|one)\s+quarter\s+(?:shorter|less)\b|\bshorter\s+by\s+(?:a|one)\s+quarter\b"
     r"|\b(?:cut|trim|shorten|reduce)\w*\s+(?:it\s+|the\s+\w+\s+)?by\s+(?:a|one)\s+quarter\b"
     r"|(?:缩短|减少|剪短|缩|减|剪|砍)(?:掉|短)?四分之一", 0.75),
    (r"\b(?:a|one)\s+quarter\s+longer\b|\blonger\s+by\s+(?:a|one)\s+quarter\b"
     r"|\b(?:extend|lengthen|stretch)\w*\s+(?:it\s+|the\s+\w+\s+)?by\s+(?:a|one)\s+quarter\b"
     r"|(?:加长|延长|拉长|长多|增加)四分之一", 1.25),
    (r"half\s+as\s+long|halve|half\s+(?:of\s+)?(?:the|its)\s+(?:current\s+)?(?:length|duration)"
     r"|shorter\s+by\s+half"
     r"|(?:剪|缩|砍|截|裁|整|变|改)(?:短|细)?(?:到|成|为)?(?:得返|只剩|剩返|剩|得|只有)"
     r"(?:而家|现在|原来|目前|宜家|依家)?(?:的|嘅)?一半"
     r"|(?:cut|shorten|trim|reduce)\s+(?:[a-z]+\s+){0,3}?(?:(?:in|by)\s+|down\s+to\s+|to\s+)half"
     r"|(?:缩短|减少|剪短|缩|减|变|改|剪|砍|截|裁|去)(?:掉|短)?(?:到|为|成)?(?:原来的?)?一半|减半"
     r"|短一半", 0.5),
)  # fmt: skip


def take_length(text: str) -> tuple[LengthOp | None, str]:
    """Find a relative length, a multiplier or a per-photo length in `text`; several relative
    changes ("时长变成原来的两倍，再多加2秒", "add 2 seconds, then double it") apply in order."""
    if match := _EACH.search(text):
        value = _ms(match)
        if value:
            return LengthOp(each_ms=value), _blank(text, match)
    for pattern, sign in ((_LESS_EACH, -1), (_MORE_EACH, 1)):
        if (match := pattern.search(text)) and (value := _ms(match)):
            return LengthOp(delta_each_ms=sign * value), _blank(text, match)
    found: list[tuple[int, LengthOp]] = []
    rest = text
    while len(found) < _MAX_CHAIN and (one := _one_relative(rest)) is not None:
        op, match = one
        found.append((match.start(), op))
        rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
    if not found:
        return _take_vague(text)
    factor, delta = 1.0, 0
    for op in _distinct_steps(text, sorted(found, key=lambda x: x[0])):
        factor, delta = factor * op.factor, round(delta * op.factor) + op.delta_ms
    return LengthOp(delta_ms=delta, factor=factor), rest


_MAX_CHAIN = 3
_AGAIN = re.compile(
    r"\b(?:then|again|after\s+that|another|once\s+more)\b|再|然后|之后|跟住|然後", _F
)
"""Words that make a repeated change a second step ("double it, then double it again")."""


_CORRECTION = re.compile(
    r"\b(?:i\s+mean|i\s+meant|sorry|actually|no\s+wait|correction|make\s+that|rather)\b"
    r"|我是说|我是說|我的意思是|不对|不對|唔係|即系|即係|应该是|應該係|應該是|更正",
    _F,
)
"""Words that put a second change in the place of the first ("triple it, I mean twice as long")."""


def _distinct_steps(text: str, found: list[tuple[int, LengthOp]]) -> list[LengthOp]:
    """One message asks for one final length: the same change said twice with no "then" or
    "again" between ("triple it? yeah, three times as long") is one request, applied once, and
    a change after a correction ("triple it, I mean twice as long") replaces the one before."""
    steps: list[LengthOp] = []
    last_at = 0
    for at, op in found:
        between = text[last_at:at]
        if steps and not _AGAIN.search(between):
            if op == steps[-1]:
                continue
            if _CORRECTION.search(between):
                steps[-1] = op
                last_at = at
                continue
        steps.append(op)
        last_at = at
    return steps


def new_length(
    op: LengthOp | None, absolute: int | None, current_ms: int, items: int, after: bool
) -> int | None:
    """The length a message asks for: a relative change `after` an absolute length applies to it
    ("make it 6 seconds, then 2 seconds longer": 8); before one, the absolute length is the
    result ("add 2 seconds, then make it 8": 8); a relative change that restates the absolute
    one ("add 2 seconds so it's 7") agrees with it; a vague one gives way to it."""
    if op is None or (op.vague and absolute):
        return absolute
    relative = op.resolve(current_ms, items)
    if absolute is None or relative == absolute or op.each_ms:
        return relative
    return op.resolve(absolute, items) if after else absolute


def relative_after(before: str, after: str) -> bool:
    """Whether the relative change `take_length` blanked out of `before` (giving `after`) comes
    after an absolute length still in `after`."""
    changed = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), None)
    absolute = duration_at(after)
    return changed is not None and absolute is not None and absolute < changed


def _one_relative(text: str) -> tuple[LengthOp, re.Match[str]] | None:
    """The first relative change found in `text` (a delta before a multiplier), with its match."""
    for pattern, sign in ((_LESS, -1), (_MORE, 1)):
        if (match := pattern.search(text)) and (value := _ms(match)):
            return LengthOp(delta_ms=sign * value), match
    return _factor_match(text)


def _factor_match(text: str) -> tuple[LengthOp, re.Match[str]] | None:
    if (match := _ZH_MORE_TIMES.search(text)) and (number := parse_number(match.group(1))):
        return LengthOp(factor=number + 1), match
    if (match := _ZH_TIMES.search(text)) and (number := parse_number(_group(match))):
        return LengthOp(factor=number), match
    if match := _PERCENT.search(text):
        number = parse_number(match.group(1)) or 0.0
        sign = 1 if match.group(2).casefold() == "longer" else -1
        return LengthOp(factor=max(0.1, 1 + sign * number / 100)), match
    if (match := _ZH_PERCENT.search(text)) and (number := parse_number(match.group(3))):
        sign = -1 if (match.group(1) or match.group(2))[0] in "缩减剪" else 1
        return LengthOp(factor=max(0.1, 1 + sign * number / 100)), match
    if (match := _TIMES.search(text)) and (
        number := parse_number(next(g for g in match.groups() if g))
    ):
        return LengthOp(factor=number), match
    for words, factor in _WORD_FACTORS:
        if match := re.search(words, text, _F):
            return LengthOp(factor=factor), match
    return None


def _group(match: re.Match[str]) -> str:
    return next(g for g in match.groups() if g)


def _take_vague(text: str) -> tuple[LengthOp | None, str]:
    for pattern, sign in ((_VAGUE_LONGER, 1), (_VAGUE_SHORTER, -1)):
        if match := pattern.search(text):
            return LengthOp(delta_ms=sign * VAGUE_MS, vague=True), _blank(text, match)
    return None, text


VAGUE_MS = 2000
_VAGUE_LONGER = re.compile(
    r"\b(?:make\s+it|a\s+(?:bit|little|tad|touch)|slightly|bit)\s+longer\b|\blonger\s+(?:please|video)\b"
    r"|\bextend\s+(?:it|the\s+video)\b(?!\s+(?:to|by))|长一点|长一些|长点|长啲|加长(?!到|\d)",
    _F,
)
_VAGUE_SHORTER = re.compile(
    r"\b(?:make\s+it|a\s+(?:bit|little|tad|touch)|slightly|bit)\s+shorter\b|\bshorter\s+(?:please|video)\b"
    r"|短一点|短一些|短点|短啲",
    _F,
)


_HOLD = re.compile(
    rf"\b(?:title|caption|subtitle|text)s?\b[^,.;!?]{{0,48}}?"
    rf"\b(?:for|last|lasts|stay|stays|show|shows|run)\s+(?:for\s+)?{NUM}\s*{SEC}"
    rf"|(?:show|keep|display)\s+the\s+(?:title|caption|subtitle|text)\s+(?:on\s+)?(?:for\s+)?"
    rf"{NUM}\s*{SEC}"
    rf"|(?:标题|字幕|文字)\s*(?:显示|持续|停留|出现|保留)\s*{NUM}\s*{SEC}"
    rf"|(?:标题|字幕|文字)(?:(?!视频|影片|整体|总|全片|片子|整条|整段|时长)[^。；;！!？?\d]){{0,14}}?"
    rf"(?:延长|加长|缩短|显示|停留|持续|保留)(?:时间)?(?:到|至|为|成)\s*{NUM}\s*{SEC}"
    rf"|\b(?:keep|leave|have)\s+(?:it|the\s+(?:title|caption|text))\s+(?:on\s+screen\s+|up\s+"
    rf"|visible\s+|there\s+)?for\s+{NUM}\s*{SEC}",
    _F,
)


def take_text_hold(text: str) -> tuple[int | None, str]:
    """How long a title or caption should stay on screen ("show the title for 4 seconds")."""
    if match := _HOLD.search(text):
        return _ms(match), _blank(text, match)
    return None, text


def _ms(match: re.Match[str]) -> int | None:
    value = parse_number(next(g for g in match.groups() if g))
    return round(value * 1000) if value else None


def _blank(text: str, match: re.Match[str]) -> str:
    return text[: match.start()] + " " + text[match.end() :]


_LATER = r"(?:later|back|afterwards)"
_EARLIER = r"(?:earlier|sooner|forward)"
_SHIFT = re.compile(
    rf"\b(?:move|shift|push|delay|nudge|bring|start|show|slide)\w*\s+(?:(?:it|the\s+\w+|them)\s+)?"
    rf"(?:(?P<a>{_LATER}|{_EARLIER})\s+)?(?:by\s+)?{NUM}\s*{SEC}(?:\s+(?P<b>{_LATER}|{_EARLIER}))?"
    rf"|\bdelay\w*\s+(?:(?:it|the\s+\w+)\s+)?(?:by\s+)?{NUM}\s*{SEC}"
    rf"|{NUM}\s*{SEC}\s+(?P<c>later|earlier|sooner)\b"
    rf"|(?P<zl>往后|向后|延后|推迟|推后|延迟|后移|晚)(?:挪|移|推|延|放)?(?:了)?\s*{NUM}\s*{SEC}"
    rf"|(?P<ze>往前|向前|提前|前移|早)(?:挪|移|推|放)?(?:了)?\s*{NUM}\s*{SEC}",
    _F,
)


def take_text_shift(text: str) -> tuple[int | None, str]:
    """How far to move a title or caption in time ("move the title 1 second later", 往后挪一秒,
    提前两秒): ms, negative for earlier; None when no direction is said."""
    match = _SHIFT.search(text)
    if not match:
        return None, text
    way = match.group("a") or match.group("b") or match.group("c") or ""
    if match.group("ze") or re.fullmatch(_EARLIER, way, _F):
        sign = -1
    elif (
        match.group("zl")
        or re.fullmatch(_LATER, way, _F)
        or match.group(0).casefold().startswith("delay")
    ):
        sign = 1
    else:
        return None, text
    named = {match.span(name) for name in ("a", "b", "c", "zl", "ze")}
    number = next(
        (g for i, g in enumerate(match.groups(), 1) if g and match.span(i) not in named), None
    )
    value = parse_number(number) if number else None
    return (sign * round(value * 1000), _blank(text, match)) if value else (None, text)
