"""A music level said relative to the current one: a rule ("lower it by a fifth", "to 80% of its
current level", 调降为目前的60%, 降低两成, 原来的五分之四), a stated result ("so 35 becomes 28",
从现在的35降到25, 35的六成), or both.

- A stated result is the level to set: the number the user computed wins over our arithmetic.
- A rule and a result (or a rule with its base, "35的六成") must agree within a point; when they do
  not, nothing is changed and the reply names both numbers (`LevelRule.clash`).
- A rule alone is a factor of whatever the level is now (`LevelRule.factor`).

Works on simplified, NFKC text (any case); the phrases read are replaced by a plain level
("volume to 28%", 音量调到28%) or by the word for the volume, so the other readers see no
stray numbers. Only in a message about the sound. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from agent.local.interpreter.hanzi import HAN_BASIC
from agent.local.interpreter.quantity import parse_number

__all__ = ["LevelRule", "relative_level"]


@dataclass(frozen=True, slots=True)
class LevelRule:
    """What a relative level comes to: a `level` to set, a `factor` of the current level, or a
    `clash` (the rule's result, the stated result) when the two disagree."""

    level: int | None = None
    factor: float | None = None
    clash: tuple[int, int] | None = None


_SOUND = re.compile(r"\b(?:music|volume|song|track|audio|bgm|sound|louder|quieter)\b|音乐|音量|声")
_N = r"(\d+(?:\.\d+)?)\s*%?"
_P = r"(\d+(?:\.\d+)?)\s*%"
_ZH_NUM = r"([一二两三四五六七八九十\d])"
_NOW = r"(?:目前|现在|原来|原本|当前|而家|宜家|本来)"
_EN_FRACTION = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2}
_EN_FRACTION |= {"tenth": 0.1}
_DOWN = re.compile(
    r"\b(?:lower|reduce|cut|drop|decrease|down|quieter|turn\w*\s+down)\b|降|减|低|小|细声|轻"
)
_UP = re.compile(r"\b(?:raise|increase|boost|up|louder|bump)\b|升|提|加|高|大")

_BY_FRACTION = re.compile(
    r"\bby\s+(?:a|one)\s+(half|third|quarter|fourth|fifth|tenth)\b(?:\s+of\s+(?:its|the)\s+"
    r"(?:current\s+)?(?:level|volume)|\s+of\s+what\s+it\s+is(?:\s+now)?)?",
    re.IGNORECASE,
)
_OF_CURRENT = re.compile(
    rf"(?:\bto\s+)?{_P}\s+of\s+(?:its|the|what\s+it\s+is)\s*(?:current|present|existing|now)?"
    r"\s*(?:level|volume)?(?:\s+now)?",
    re.IGNORECASE,
)
_PART_OF = re.compile(
    r"\b(half|a\s+third|a\s+quarter|two\s+thirds|three\s+quarters)\s+(?:of\s+)?(?:its|the"
    r"|what\s+it\s+is)(?:\s+(?:current|present|existing))?(?:\s+(?:level|volume))?(?:\s+now)?",
    re.IGNORECASE,
)
_PARTS = {"half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "two thirds": 2 / 3}
_PARTS |= {"three quarters": 0.75}
_ZH_PERCENT_OF_NOW = re.compile(rf"{_NOW}的?\s*{_P}")
_ZH_HALF_OF_NOW = re.compile(rf"{_NOW}的?\s*一半")
_ZH_TENTHS_OF_NOW = re.compile(rf"{_NOW}的?\s*{_ZH_NUM}成")
_ZH_PART_OF_NOW = re.compile(rf"{_NOW}的?\s*{_ZH_NUM}分之{_ZH_NUM}")
_ZH_DOWN_TENTHS = re.compile(rf"(?:降低|减少|调低|调降|降|减|少|细声|小声|轻)了?\s*{_ZH_NUM}成")
_ZH_DOWN_PART = re.compile(rf"(?:降低|减少|调低|调降|降|减|少)了?\s*{_ZH_NUM}分之{_ZH_NUM}")
_PCT_THAN_NOW = re.compile(
    rf"(?:\bby\s+)?{_P}\s+(?:(quieter|softer|lower|louder|higher)\b"
    r"(?:\s+than\s+(?:now|before|it\s+is(?:\s+now)?|currently))?"
    r"|(?:from|off|below|above)\s+(?:where\s+it\s+is|its\s+current\s+(?:level|volume)"
    r"|the\s+current\s+(?:level|volume)|now)(?:\s+now)?)",
    re.IGNORECASE,
)
"""'20% quieter', '20% from where it is': a share of the current level, not points."""
_ZH_PCT_FROM_NOW = re.compile(
    rf"(?:在|比)?{_NOW}的?(?:基础上|水平上|基础)?\s*(?:再|又)?\s*"
    rf"(?:(降低|减少|调低|调小|降|减|少|低|小|细声)|(提高|增加|调高|调大|升|加|高|大))了?\s*{_P}"
)
"""在现在的基础上降低20%, 比原来低20%: a share of the current level."""
_BASE_TENTHS = re.compile(rf"(\d+)\s*%?\s*的\s*{_ZH_NUM}成")
_BASE_PERCENT = re.compile(rf"(\d+)\s*%?\s*的\s*{_N}")

_BECOMES = re.compile(
    rf"{_N}\s*(?:becomes|would\s+be|will\s+be|turns\s+into|goes\s+to|ends\s+up\s+(?:at|as)"
    rf"|->|→|=>|变成|变为|就是|会变成)\s*(?:about\s+|around\s+|roughly\s+|~)?{_N}",
    re.IGNORECASE,
)
_FROM_TO = re.compile(
    rf"(?:\bfrom\s+(?:the\s+|its\s+)?(?:current\s+)?|(?:由|从){_NOW}?的?\s*){_N}\s*"
    rf"(?:(?:all\s+the\s+way\s+)?(?:down\s+|up\s+)?to\s+|降到|降至|减到|调到|调低到|调成|改成|变成"
    rf"|到|升到|提高到|加到|->|→){_N}",
    re.IGNORECASE,
)


def _zh(token: str) -> float:
    return parse_number(token) or 0.0


def _rules(text: str) -> tuple[list[float], list[int], list[tuple[int, int]]]:
    """(factors, levels computed from a stated base, spans read)."""
    factors: list[float] = []
    levels: list[int] = []
    spans: list[tuple[int, int]] = []
    down = bool(_DOWN.search(text)) and not _UP.search(text.replace("提示", ""))
    for m in _BY_FRACTION.finditer(text):
        part = _EN_FRACTION[m.group(1).casefold()]
        factors.append(1 - part if down or not _UP.search(text) else 1 + part)
        spans.append(m.span())
    readers: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], float]], ...] = (
        (_OF_CURRENT, lambda m: float(m.group(1)) / 100),
        (_PART_OF, lambda m: _PARTS[" ".join(m.group(1).casefold().split())]),
        (_ZH_PERCENT_OF_NOW, lambda m: float(m.group(1)) / 100),
        (_ZH_HALF_OF_NOW, lambda m: 0.5),
        (_ZH_TENTHS_OF_NOW, lambda m: _zh(m.group(1)) / 10),
        (_ZH_PART_OF_NOW, lambda m: _zh(m.group(2)) / (_zh(m.group(1)) or 1)),
        (_ZH_DOWN_TENTHS, lambda m: 1 - _zh(m.group(1)) / 10),
        (_ZH_DOWN_PART, lambda m: 1 - _zh(m.group(2)) / (_zh(m.group(1)) or 1)),
    )
    for pattern, read in readers:
        for m in pattern.finditer(text):
            factors.append(read(m))
            spans.append(m.span())
    for m in _PCT_THAN_NOW.finditer(text):
        word = (m.group(2) or "").casefold()
        lower = word in ("quieter", "softer", "lower") or (not word and down)
        factors.append(1 - float(m.group(1)) / 100 if lower else 1 + float(m.group(1)) / 100)
        spans.append(m.span())
    for m in _ZH_PCT_FROM_NOW.finditer(text):
        share = float(m.group(3)) / 100
        factors.append(1 - share if m.group(1) else 1 + share)
        spans.append(m.span())
    for pattern, base in ((_BASE_TENTHS, 10.0), (_BASE_PERCENT, 100.0)):
        for m in pattern.finditer(text):
            levels.append(round(float(m.group(1)) * _zh(m.group(2)) / base))
            spans.append(m.span())
    return factors, levels, spans


def relative_level(text: str) -> tuple[LevelRule | None, str]:
    """The relative level `text` states (see the module doc) and `text` with it replaced."""
    if not _SOUND.search(text) or re.search(r"\d\s*(?:s|secs?|seconds?|秒)\b", text):
        return None, text
    factors, computed, spans = _rules(text)
    stated = None
    for pattern in (_BECOMES, _FROM_TO):
        for m in pattern.finditer(text):
            base, result = float(m.group(1)), float(m.group(2))
            if max(base, result) > 5:
                stated = (base, round(result))
                spans.append(m.span())
    if not spans:
        return None, text
    if stated is not None:
        computed += [round(stated[0] * f) for f in factors]
    levels = [*computed, *([stated[1]] if stated else [])]
    zh = HAN_BASIC.search(text) is not None
    if levels:
        wanted = levels[-1]
        clash = next((lv for lv in levels if abs(lv - wanted) > 1), None)
        if clash is not None:
            word = " 音量 " if zh else " volume "
            return LevelRule(clash=(clash, wanted)), _blank(text, spans, word)
        level = f" 音量调到{wanted}% " if zh else f" volume to {wanted}% "
        return LevelRule(level=wanted), _blank(text, spans, level)
    if len({round(f, 3) for f in factors}) > 1:
        return None, text  # two rules and no number: left to the other readers
    return LevelRule(factor=factors[0]), _blank(text, spans, " 音量 " if zh else " volume ")


def _blank(text: str, spans: list[tuple[int, int]], first: str) -> str:
    """`text` with the spans read taken out, `first` in place of the first one."""
    out, at = [], 0
    for i, (start, end) in enumerate(sorted(set(spans))):
        if start < at:
            continue
        out += [text[at:start], first if i == 0 else " "]
        at = end
    return "".join(out) + text[at:]
