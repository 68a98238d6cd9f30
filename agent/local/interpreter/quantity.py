"""Numbers in user messages: durations, percentages, speed factors, fade lengths (time ranges
are in `timerange`).

Pure text scanning for the interpreter (EN and ZH, Arabic, English-word and Chinese numerals).
Each `take_*` returns the value found (or None) and the text with that span blanked out.
"""

from __future__ import annotations

import re

__all__ = [
    "parse_number",
    "seconds",
    "take_duration",
    "take_fade",
    "take_percent",
    "take_points",
    "take_speed",
    "take_speed_factor",
    "take_text_at",
    "with_halves",
]

_EN_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_WORDS = "|".join([f"(?:{'|'.join(_EN_TENS)})[\\s-]+(?:{_UNITS})", *_EN_WORDS, *_EN_TENS])

NUM = (
    rf"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?"
    rf"|(?<![a-z])(?:{_WORDS})(?![a-z]))"
)
SEC = r"(?:seconds?|secs?|s(?![a-z])|秒钟|秒)"
MIN = r"(?:minutes?|mins?(?![a-z])|分钟)"
_F = re.IGNORECASE


def parse_number(token: str) -> float | None:
    """Arabic digits, English number words up to a hundred, or Chinese numerals (十五, 两, 一百)."""
    token = token.strip().casefold()
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return float(token)
    if token in _EN_WORDS:
        return float(_EN_WORDS.index(token))
    if token in _EN_TENS:
        return float(_EN_TENS[token])
    if (tens := re.fullmatch(r"([a-z]+)[\s-]+([a-z]+)", token)) and tens.group(1) in _EN_TENS:
        unit = tens.group(2)
        if unit in _EN_WORDS[1:10]:
            return float(_EN_TENS[tens.group(1)] + _EN_WORDS.index(unit))
    whole, dot, tenths = token.partition("点")  # 一点五 is 1.5
    if dot and (head := _chinese(whole)) is not None and (tail := _chinese_digits(tenths)):
        return head + tail
    return _chinese(token)


def _chinese_digits(text: str) -> float | None:
    if not text or any(c not in _CN_DIGITS for c in text):
        return None
    return float("0." + "".join(str(_CN_DIGITS[c]) for c in text))


def seconds(ms: int) -> int | float:
    """Milliseconds as seconds for replies and tool args: 5000 -> 5, 2500 -> 2.5."""
    value = round(ms / 1000, 1)
    return int(value) if value == int(value) else value


def _chinese(token: str) -> float | None:
    total, digit = 0, 0
    for char in token:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in "十百":
            total += (digit or 1) * (10 if char == "十" else 100)
            digit = 0
        else:
            return None
    return float(total + digit) if token else None


def _blank(text: str, match: re.Match[str]) -> str:
    return text[: match.start()] + " " + text[match.end() :]


def _ms(token: str) -> int | None:
    value = parse_number(token)
    return None if value is None else round(value * 1000)


_FADE = re.compile(
    rf"{NUM}\s*-?\s*{SEC}\s*(?:long\s+)?(?:fade|淡)"
    rf"|fades?\b[^.,;!?]{{0,30}}?\b(?:over|of|for|lasting)\s+{NUM}\s*{SEC}"
    rf"|(?:淡入|淡出|淡入淡出)\s*{NUM}\s*{SEC}",
    _F,
)


def take_fade(text: str) -> tuple[int | None, str]:
    """Find a fade length: "a 2-second fade", "fade in over 1.5s", "淡入2秒" (ms)."""
    if match := _FADE.search(text):
        return _ms(next(g for g in match.groups() if g)), _blank(text, match)
    return None, text


_SPEED = re.compile(rf"{NUM}\s*(?:x|×)(?![a-z])|(?<![高大长多低小])\s*{NUM}\s*倍", _F)
"""提高一倍 is "twice as much", not a speed of 1x."""
_SPEED_WORDS = {"half speed": 0.5, "half-speed": 0.5, "double speed": 2.0, "twice as fast": 2.0}


_SPEED_TIMES = re.compile(rf"(?:(快|加快|提速)|(慢|放慢|减慢))\s*{NUM}\s*倍(?!速)")
_SPEED_PERCENT = re.compile(rf"{NUM}\s*%\s*(faster|slower|quicker)", _F)
_SPEED_FACTORS = (
    (r"\btwice\s+as\s+slow(?:ly)?\b|\bhalf\s+as\s+fast\b", 0.5),
    (r"(?:速度|speed)[^，,。；]{0,6}?(?:加倍|翻倍|翻一番|x\s*2)|(?:加倍|翻倍)[^，,。；]{0,4}?速度"
     r"|\b(?:double|twice|2x)\s+(?:the\s+|its\s+)?(?:\w+\s+)?speed\b", 2.0),
    (r"(?:速度|speed)[^，,。；]{0,6}?减半"
     r"|\b(?:half|halve)\s+(?:the\s+|its\s+)?(?:\w+\s+)?speed\b", 0.5),
)  # fmt: skip


_TEXT_AT = re.compile(
    rf"\b(?:at|starting\s+at)\s+(?:the\s+)?(?:second\s+)?{NUM}\s*{SEC}(?:\s+mark)?"
    rf"|在第?\s*{NUM}\s*秒(?:的时候|时)?(?:出现|显示|开始)",
    _F,
)


def take_text_at(text: str) -> tuple[int | None, str]:
    """When a title or caption starts ("at 2 seconds", 在第2秒出现), ms."""
    if match := _TEXT_AT.search(text):
        start = _ms(next(g for g in match.groups() if g))
        if start is not None:
            return start, _blank(text, match)
    return None, text


def take_speed_factor(text: str) -> tuple[float | None, str]:
    """Find a change of speed by a multiple: 快一倍 (x2), 慢一倍 (x0.5), "double the speed",
    速度减半 (before lengths, so 减半 of a speed does not halve the video)."""
    if (match := _SPEED_TIMES.search(text)) and (number := parse_number(match.group(3))):
        factor = number + 1
        return (factor if match.group(1) else 1 / factor), _blank(text, match)
    if (match := _SPEED_PERCENT.search(text)) and (number := parse_number(match.group(1))):
        sign = -1 if match.group(2).casefold() == "slower" else 1
        return max(0.1, 1 + sign * number / 100), _blank(text, match)
    for words, factor in _SPEED_FACTORS:
        if match := re.search(words, text, _F):
            return factor, _blank(text, match)
    return None, text


def take_speed(text: str) -> tuple[float | None, str]:
    """Find an explicit speed factor: "0.5x", "2×", "1.5倍速", "half speed"."""
    if match := _SPEED.search(text):
        return parse_number(next(g for g in match.groups() if g)), _blank(text, match)
    folded = text.casefold()
    for phrase, factor in _SPEED_WORDS.items():
        if (at := folded.find(phrase)) >= 0:
            return factor, text[:at] + " " + text[at + len(phrase) :]
    return None, text


_PERCENT = re.compile(
    rf"{NUM}\s*(?:%|percent|per cent)|百分之\s*{NUM}"
    rf"|(?:volume|音量)(?:(?!百分之)[^\d%，,。；;]){{0,20}}?(\d+)(?![\d.]*\s*(?:x|×|倍|:|{SEC}))"
    rf"|(?:音乐|歌|配乐|背景音乐|bgm)[^\d%]{{0,10}}?(?:调到|减到|降到|调成|开到|调低到|调高到|减至|降至)\s*"
    rf"(\d+)(?![\d.]*\s*(?:x|×|倍|{SEC}|{MIN}|张|个|分))"
    rf"|\b(?:music|bgm|song|soundtrack|audio|track)\b[^\d%]{{0,30}}?\b(?:maybe|like|to|at|about|around|~)\s*"
    rf"(\d+)(?![\d.]*(?:\s*(?:x\b|×|倍|{SEC}|{MIN}|photos?\b|pics?\b|times\b)|[a-z:/]))",
    _F,
)


_POINTS = re.compile(
    rf"\b(?:up|down|by)\s+(?:another\s+|like\s+|about\s+|around\s+|roughly\s+|maybe\s+)?{NUM}\s*(?:percentage\s+points?|points?|%|percent|per\s+cent"
    rf"|(?!\s*(?:x|×|times|{SEC}|{MIN}|\.\d|%|percent))\b)"
    rf"|\b(?:raise|lower|drop|bump|boost|increase|decrease|reduce|cut|turn\s+(?:it\s+)?(?:up|down)"
    rf"|push|pull)\w*\s+(?:(?:the\s+|its\s+)?(?:music|song|bgm|track|audio)(?:'s)?\s+)?"
    rf"(?:(?:the\s+|its\s+)?(?:volume|level|it)\s+)?(?:up\s+|down\s+)?(?:by\s+)?{NUM}\s*"
    rf"(?:percentage\s+points?|points?|pts?)\b"
    rf"|(?:减少|降低|调低|提高|增加|调高|加大|减小|调大|调小|减|降|加|提|升)了?\s*{NUM}\s*个?\s*百分点"
    rf"|[+\-−]\s*{NUM}\s*(?:percentage\s+points?|points?|pts?)\b"
    rf"|{NUM}\s*(?:percentage\s+points?|points?|pts?)\s+(?:more|higher|louder|up|less|lower|quieter"
    rf"|down)\b"
    rf"|{NUM}\s*个?\s*百分点|{NUM}\s*个\s*点(?![钟半])"
    rf"|(?:减少|降低|调低|提高|增加|调高|加大|减小|减|降|加|提|升|大|小)了?\s*{NUM}\s*(?:%|％)"
    rf"|(?:减少|降低|调低|提高|增加|调高|加大|减小|细声|大声|减|降|加|提|升|大|小)了?\s*"
    rf"(\d+|[一二两三四五六七八九]?十[一二三四五六七八九]?)\s*个?\s*点(?![钟半])"
    rf"|\b(?:up|down|by|lower|raise|drop|bump)\w*\s+(?:(?:it|the\s+\w+)\s+)?(?:by\s+)?{NUM}\s*pts?\b",
    _F,
)
"""A change of level rather than a level: "up by ten percentage points", "降低十个百分点"."""
_TENTHS = re.compile(
    r"(?<![一二两三四五六七八九十\d])([一二两三四五六七八九]|\d)\s*成(?![功为了员品本立熟绩果长型])"
)
"""七成 is seventy per cent."""


_POINTS_DOWN = re.compile(
    r"down|-|−|减|降|调低|调小|小|细声|lower|drop|decrease|reduce|cut|pull|turn\s+(?:it\s+)?down",
    _F,
)
_POINTS_AFTER = re.compile(
    r"\b(?:points?|pts?)\s+(more|higher|louder|up|less|lower|quieter|down)$", _F
)
_POINTS_UP = re.compile(
    r"up|\+|提|增|调高|调大|加|升|大|raise|bump|boost|increase|push|turn\s+(?:it\s+)?up", _F
)


def take_points(text: str) -> tuple[tuple[int, int] | None, str]:
    """Find a relative volume change in percentage points: (size, sign), the sign 0 when only
    the other words of the message say which way ("by ten points")."""
    if match := _POINTS.search(text):
        value = parse_number(next(g for g in match.groups() if g))
        if value:
            verb = match.group(0)
            sign = -1 if _POINTS_DOWN.match(verb) else 0
            sign = 1 if _POINTS_UP.match(verb) else sign
            if after := _POINTS_AFTER.search(verb):  # "15 percentage points more than now"
                sign = (
                    -1 if after.group(1).casefold() in ("less", "lower", "quieter", "down") else 1
                )
            return (round(value), sign), _blank(text, match)
    return None, text


_LEVEL_WORDS = re.compile(
    r"\b(?:at\s+|to\s+)?(?:(half)|(a\s+quarter|quarter)|(full|max(?:imum)?))\s+(?:the\s+)?volume\b"
    r"|(?:音量|声音)(?:调到|调成|开到|设为|设成|用|要)?\s*(?:(一半)|(四分之一)|(最大))"
    r"|(?:(一半)|(四分之一)|(最大))(?:的)?(?:音量|声音)",
    _F,
)
"""A level said in words: "at half volume" (50), "a quarter volume" (25), 音量一半, 最大音量."""


def take_percent(text: str) -> tuple[int | None, str]:
    """Find a volume percentage: "35%", "百分之五十", "volume to 30", "音量调到50", 七成, "half
    volume"."""
    if match := _LEVEL_WORDS.search(text):
        at = next(i for i, g in enumerate(match.groups()) if g)
        return (50, 25, 100)[at % 3], _blank(text, match)
    if match := _TENTHS.search(text):
        value = parse_number(match.group(1))
        if value is not None:
            return round(value * 10), _blank(text, match)
    if match := _PERCENT.search(text):
        value = parse_number(next(g for g in match.groups() if g))
        if value is not None:
            return round(value), _blank(text, match)
    return None, text


_DURATION = re.compile(rf"(?<![第\d.零〇一二两三四五六七八九十百]){NUM}\s*-?\s*{SEC}", _F)
"""第2秒 is a moment, never a length."""
_MINUTES = re.compile(rf"{NUM}\s*-?\s*{MIN}|(half a minute|半分钟)", _F)


def duration_at(text: str) -> int | None:
    """Where the length `take_duration` would read in `text` starts, or None."""
    found = [m.start() for m in (_DURATION.search(text), _MINUTES.search(text)) if m]
    return min(found) if found else None


def take_duration(text: str) -> tuple[int | None, str]:
    """Find a length: "5-second", "10s", "ten seconds", "十秒", "1 minute", "半分钟" (ms)."""
    if match := _DURATION.search(text):
        value = _ms(match.group(1))
        if value:
            return value, _blank(text, match)
    if match := _MINUTES.search(text):
        if match.group(2):
            return 30_000, _blank(text, match)
        value = _ms(match.group(1))
        if value:
            return value * 60, _blank(text, match)
    return None, text


_HALVES = re.compile(rf"{NUM}\s+and\s+a\s+half\b|{NUM}\s*个?半\s*(?=秒)|{NUM}\s*(?=秒半)", _F)


_A_SECOND = re.compile(
    r"\b(by|add|another|extra|plus|shave|cut|knock|take|trim|chop|lop)\s+(?:off\s+)?a\s+second\b"
    r"(?!\s+(?:title|caption|photo|one))",
    _F,
)
_A_SECOND_MORE = re.compile(r"\ba\s+second\s+(longer|shorter|more|less|later|earlier|sooner)\b", _F)
_AN_EXTRA = re.compile(r"\b(?:an\s+(extra|additional)|(another|one\s+more))\s+second\b", _F)
"""'an extra second', 'one more second': 1 second more (not the ordinal)."""


def with_halves(text: str) -> str:
    """ "three and a half seconds", 两秒半, 两个半秒 written as 3.5 / 2.5, and "by a second" as
    "by 1 second" (before the other readings, which know only numbers)."""

    def half(match: re.Match[str]) -> str:
        value = parse_number(next(g for g in match.groups() if g))
        if value is None:
            return match.group(0)
        return f"{value + 0.5:g}"

    text = _A_SECOND.sub(r"\1 1 second", text)
    text = _A_SECOND_MORE.sub(r"1 second \1", text)
    text = _AN_EXTRA.sub(lambda m: "1 extra second" if m.group(1) else "1 more second", text)
    text = _HALVES.sub(half, text)
    return re.sub(r"(?<=\.5)秒半", "秒", text)
