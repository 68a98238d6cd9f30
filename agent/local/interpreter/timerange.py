"""Time ranges in user messages: "from 2s to 5s", "0-3s", "0:02-0:04", "first 3 seconds", 前3秒,
从第2秒显示到第4秒, "until the end", "the first half".

Pure text scanning for the interpreter; `take_range` returns the range found (or None) and the
text with that span blanked out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.local.interpreter.quantity import NUM, SEC, parse_number

__all__ = ["TO_END", "WHOLE", "TimeRange", "last_seconds", "take_range"]

_F = re.IGNORECASE
_DEFAULT_EDGE_MS = 3000


@dataclass(frozen=True, slots=True)
class TimeRange:
    """A span on the timeline, ms; `from_end` counts both ends back from the end of the video."""

    start_ms: int
    end_ms: int
    from_end: bool = False
    open_end: bool = False
    """Runs to the end of the video ("from second 2", "从第2秒开始"); `end_ms` is ignored."""

    keep_start: bool = False
    """"until the end": only the end moves (to the end of the video); `start_ms` is unused."""
    half: int = 0
    """1 for the first half of the video, 2 for the second half (`start_ms`/`end_ms` unused)."""

    def resolve(self, total_ms: int) -> tuple[int, int]:
        """Absolute (start, end) within a video of `total_ms`, clamped, at least 100 ms long."""
        if self.half:
            middle = total_ms // 2
            return (0, middle) if self.half == 1 else (middle, total_ms)
        start, end = self.start_ms, total_ms if self.open_end else self.end_ms
        if self.from_end:
            start, end = total_ms - self.start_ms, total_ms - self.end_ms
        end = min(max(end, min(100, total_ms)), total_ms)
        return max(0, min(start, end - 100)), end


def _blank(text: str, match: re.Match[str]) -> str:
    return text[: match.start()] + " " + text[match.end() :]


def _ms(token: str) -> int | None:
    value = parse_number(token)
    return None if value is None else round(value * 1000)


_SHOWN = r"(?:一直)?(?:显示|出现|停留|持续|出|放|摆|播放?|保留|现)"
_GONE = (
    r"(?:disappears?|vanish(?:es)?|goes\s+(?:away|off)|go\s+(?:away|off)|ends?|stops?|fades?\s+out"
    r"|leaves?|off|out|gone)"
)
_EXPLICIT = re.compile(
    rf"(?:(?:to\s+)?(?:show|appear|display|be\s+(?:on\s+screen|visible))\s+(?=from|between))?"
    rf"(?:from\s+|between\s+|从|由|在|喺)?(?:second\s+|第\s*)?{NUM}\s*{SEC}?\s*"
    rf"(?:(?:开始)?{_SHOWN}\s*)?(?:-|–|—|~|to|and|至|到|去到|直到|一直到)\s*(?:second\s+|第\s*)?{NUM}\s*{SEC}"
    rf"(?:\s*(?:之间|之内|期间|内|中间))?(?:\s*{_SHOWN}(?![一-龥]*(?:秒|成|为)))?"
    rf"|(?:appears?|shows?\s+up|comes?\s+(?:in|on)|starts?|pops?\s+up|on|in)\s+(?:at|after)\s+"
    rf"(?:second\s+)?"
    rf"{NUM}\s*{SEC}?\s*(?:,|and|then)?\s*(?:then\s+)?{_GONE}\s+(?:at|after)\s+(?:second\s+)?{NUM}"
    rf"\s*{SEC}?"
    rf"|(?:在|喺|由|从)?\s*第?\s*{NUM}\s*秒(?:钟)?(?:时|的时候)?\s*(?:先|就|才)?"
    rf"(?:出现|出嚟|出来|出|开始|显示|进来|入嚟|入)\s*[，,]?\s*(?:然后|之后|再)?\s*(?:一直)?"
    rf"(?:去到|到|至|在|喺)?\s*第?\s*{NUM}\s*秒(?:钟)?(?:时|的时候)?\s*(?:先|就|才|再|便)?"
    rf"(?:消失|结束|离开|走|收|停|完)"
    rf"|(?:from|between)\s+(?:second\s+)?{NUM}\s*{SEC}?\s*(?:-|to|and|until|till)\s*{NUM}"
    rf"|second\s+{NUM}\s*(?:-|to|and|until|till)\s*(?:second\s+)?{NUM}",
    _F,
)
_FAR_MS = 10**9
"""An end past any video: resolved to the video's end (the range runs to the end, whatever the
length, so a title "from 1 s to the end" ends there even when the same message changes it)."""
_END_SAID = re.compile(r"\bend\b|最后|结尾", _F)
_OPEN_TO_END = re.compile(
    rf"(?:从|由)\s*第?\s*{NUM}\s*秒(?:钟)?\s*(?:开始|起)?\s*(?:一直)?(?:显示|出现|停留|放|摆|播|出)?\s*"
    rf"(?:到|至|去到)(?:视频|影片|片|条片)?(?:的)?(?:最后|结尾|结束|尾|完|最尾)",
    _F,
)
"""从第1秒显示到影片最后: from a second to the end of the video."""
_OPEN = re.compile(
    rf"(?:from|starting\s+(?:at|from)|(?:starts?|begins?)\s+(?:\w+\s+){{0,2}}?(?:at|from)"
    rf"|(?:appears?|show(?:s)?\s+up|comes?\s+in|pops?\s+up|kicks?\s+in|fades?\s+in)\s+(?:at|after)"
    rf"|beginning\s+at|after)\s+"
    rf"(?:second\s+{NUM}|{NUM}\s*{SEC})(?:\s+(?:to|until|till)\s+the\s+(?:very\s+)?end)?"
    rf"|(?:从|由)\s*第?\s*{NUM}\s*秒(?:钟)?\s*(?:开始|起|到最后|到结尾)?"
    rf"|(?:在|喺)?第\s*{NUM}\s*秒(?:钟)?(?:时|的时候)?\s*(?:先|就|才)?(?:出现|开始|进来|出来|出嚟|响起)",
    _F,
)
_FIRST = re.compile(
    rf"(?:(?:for|during|in|over)\s+)?(?:the\s+)?first\s+{NUM}\s*{SEC}|(?:前|头)\s*{NUM}\s*{SEC}"
    rf"|(?:显示|出现|停留|保留|持续|放|摆)?到第\s*{NUM}\s*秒(?!钟?(?:开始|起))"
    rf"|(?:(?:for|during|in|over)\s+)?the\s+first\s+(second)\b",
    _F,
)
_LAST = re.compile(
    rf"(?:(?:for|during|in|over)\s+(?:the\s+)?|\bthe\s+|^\s*|\(\s*)(?:last|final)\s+{NUM}\s*{SEC}"
    rf"|(?<=[,;:])\s*(?:last|final)\s+{NUM}\s*{SEC}(?=\s+only\b)"
    rf"|(?:最后|最尾|尾|后)\s*{NUM}\s*{SEC}|(?:(?:for|during|in|over)\s+)?the\s+(?:last|final)\s+(second)\b"
    rf"|\b(?:last|final)\s+(second)\s+only\b|\bonly\s+(?:for\s+|during\s+|in\s+)?(?:the\s+)?"
    rf"(?:last|final)\s+(second)\b",
    _F,
)
_START = re.compile(
    r"(?:at|in|for)\s+the\s+(?:very\s+)?(?:beginning|start)|开头|片头|开始的时候", _F
)
_END = re.compile(r"(?:at|in|for)\s+the\s+(?:very\s+)?end|结尾|片尾|结束的时候", _F)


_CLOCK = r"(\d+):([0-5]\d)(?:\.(\d))?"
_CLOCK_RANGE = re.compile(
    rf"(?:from\s+|between\s+|从|由)?{_CLOCK}\s*(?:-|–|to|and|until|till|至|到)\s*{_CLOCK}", _F
)
_CLOCK_START = re.compile(rf"(?:from|at|starting\s+at|start\s+at|从|由)\s*{_CLOCK}", _F)


def _clock_ms(minutes: str, secs: str, tenths: str | None) -> int:
    return (int(minutes) * 60 + int(secs)) * 1000 + int(tenths or 0) * 100


def _take_clock(text: str) -> tuple[TimeRange | None, str]:
    if match := _CLOCK_RANGE.search(text):
        start, end = _clock_ms(*match.groups()[:3]), _clock_ms(*match.groups()[3:])
        if end > start:
            return TimeRange(start, end), _blank(text, match)
    if match := _CLOCK_START.search(text):
        return TimeRange(_clock_ms(*match.groups()), 0, open_end=True), _blank(text, match)
    return None, text


_TO_END = re.compile(
    r"\b(?:until|till|to|through)\s+the\s+(?:very\s+)?end\b|一直到(?:最后|结尾|结束)|直到(?:最后|结尾|结束)"
    r"|到(?:视频|影片|片|条片)?(?:的)?(?:最后|结尾|结束|最尾|尾)",
    _F,
)
_UNTIL = re.compile(
    rf"\b(?:until|till|untill|up\s+to)\s+(?:the\s+)?(?:second\s+)?{NUM}\s*{SEC}(?:\s+mark)?"
    rf"|(?:显示|出现|停留|保留|持续|留|放|摆|停)(?:在屏幕上|在画面上)?(?:到|至)\s*{NUM}\s*{SEC}"
    rf"|(?:到|在|喺)?第\s*{NUM}\s*秒(?:钟)?(?:时|的时候)?\s*(?:就|便|先|要)?(?:收起|收|消失|结束|走|离开)",
    _F,
)
"""Only the end moves: "keep the title up until 4.5 s", "标题显示到4.5秒" (the start is kept)."""
_WHOLE = re.compile(
    r"\b(?:for|during|throughout|across|over|on\s+screen\s+for)\s+the\s+(?:whole|entire|full)\s+"
    r"(?:video|clip|thing|time|duration|length|slideshow)\b|\bthe\s+(?:whole|entire)\s+time\b"
    r"|\ball\s+the\s+way\s+through\b|\b(?:from\s+)?(?:start|beginning)\s+to\s+(?:finish|end)\b"
    r"|\b(?:throughout|the\s+whole\s+(?:video|clip|thing))\s*$"
    r"|整个视频|整条视频|整段视频|全程|(?:从|由)(?:开头|头)(?:一直)?(?:显示|出现|停留|放|摆|show|播)?(?:到|至)"
    r"(?:结尾|尾|最后|完|结束)"
    r"|(?:成|整|全)(?:段|条|个)(?:片|视频|影片)(?:都|全部|由头到尾)?(?:要|会)?(?:有|显示|出现|见到|睇到|睇得到)"
    r"|(?:成|整)(?:段|条|个)(?:片|视频|影片)(?:都|全部)?(?:要)?(?:一直)?(?:显示|出现|停留|放|摆)着?"
    r"|(?:视频|影片)?全长(?:都)?(?:显示|出现|有)",
    _F,
)
_HALF = re.compile(
    r"((?:\b(?:only\s+)?(?:during|for|in|over|across)\s+)?\b(?:the\s+)?first\s+half\b"
    r"(?:\s+of\s+(?:the\s+)?(?:video|clip|thing|slideshow|it))?(?:\s+only\b)?"
    r"|(?:只)?(?:在|喺)?(?:视频|影片|片|条片)?(?:的|嘅)?(?:前半段|前一半|前半部分|上半段|上半部分)"
    r"(?:的?时间)?)"
    r"|(?:\b(?:only\s+)?(?:during|for|in|over|across)\s+)?\b(?:the\s+)?(?:second|last|latter|back)"
    r"\s+half\b(?:\s+of\s+(?:the\s+)?(?:video|clip|thing|slideshow|it))?(?:\s+only\b)?"
    r"|(?:只)?(?:在|喺)?(?:视频|影片|片|条片)?(?:的|嘅)?(?:后半段|后一半|后半部分|下半段|下半部分)(?:的?时间)?",
    _F,
)


def _take_numbers(text: str) -> tuple[TimeRange | None, str]:
    if match := _OPEN_TO_END.search(text):
        start = _ms(match.group(1))
        if start is not None:
            return TimeRange(start, _FAR_MS) if start else WHOLE, _blank(text, match)
    if match := _EXPLICIT.search(text):
        start, end = (_ms(g) for g in [g for g in match.groups() if g][:2])
        if start is not None and end is not None and end > start:
            return TimeRange(start, end), _blank(text, match)
    if match := _OPEN.search(text):
        start = _ms(next(g for g in match.groups() if g))
        if start is not None and _END_SAID.search(match.group(0)):  # "from 1s to the end"
            return TimeRange(start, _FAR_MS) if start else WHOLE, _blank(text, match)
        if start is not None:
            return TimeRange(start, 0, open_end=True), _blank(text, match)
    return None, text


_MOVED = re.compile(
    r"\b(?:move|shift|push|slide|drag|bump)\w*(?:\s+[\w'-]+){1,3}\s+$|(?<!一直)(?:移|挪|搬|放|摆)$",
    _F,
)
"""A move verb and its object (up to three words) just before "to the end"."""
TO_END = TimeRange(0, 0, open_end=True, keep_start=True)
WHOLE = TimeRange(0, 0, open_end=True)


def take_range(text: str) -> tuple[TimeRange | None, str]:
    """Find a time range: "from 2s to 5s", "0-3s", "0:02-0:04", "first 3 seconds", "前3秒"."""
    for take in (_take_clock, _take_numbers):
        span, rest = take(text)
        if span is not None:
            return span, rest
    if match := _WHOLE.search(text):  # 由头摆到尾: not "moved to the end"
        return WHOLE, _blank(text, match)
    if match := _UNTIL.search(text):
        end = _ms(next(g for g in match.groups() if g))
        if end:
            return TimeRange(0, end, keep_start=True), _blank(text, match)
    if (match := _TO_END.search(text)) and _MOVED.search(text[: match.start()]):
        # "move the title to the very end", 标题移到最后: where it goes (at the end), not how
        # long it stays (一直放到最后 and "keep it to the end" still stretch it)
        said = match.group(0)
        at = f"at{said[2:]}" if said.isascii() else " 结尾 "
        text = f"{text[: match.start()]}{at}{text[match.end() :]}"
    for pattern, whole in ((_TO_END, TO_END), (_WHOLE, WHOLE)):
        if match := pattern.search(text):
            return whole, _blank(text, match)
    if match := _HALF.search(text):
        half = 1 if match.group(1) else 2
        return TimeRange(0, 0, half=half), _blank(text, match)
    return _take_edges(text)


def last_seconds(text: str) -> int | None:
    """The N of "the last N seconds" (最后/最尾 N 秒), ms, or None."""
    if (match := _LAST.search(text)) is None:
        return None
    token = next(g for g in match.groups() if g)
    return 1000 if token.casefold() == "second" else _ms(token)


def _take_edges(text: str) -> tuple[TimeRange | None, str]:
    for pattern, from_end in ((_FIRST, False), (_LAST, True)):
        if match := pattern.search(text):
            token = next(g for g in match.groups() if g)
            length = 1000 if token.casefold() == "second" else _ms(token)
            if length:
                span = TimeRange(length, 0, True) if from_end else TimeRange(0, length)
                return span, _blank(text, match)
    if match := _START.search(text):
        return TimeRange(0, _DEFAULT_EDGE_MS), _blank(text, match)
    if match := _END.search(text):
        return TimeRange(_DEFAULT_EDGE_MS, 0, True), _blank(text, match)
    return None, text
