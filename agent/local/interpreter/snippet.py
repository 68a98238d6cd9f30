"""User text the interpreter keeps verbatim: quoted strings, unquoted title text, the subject.

Pure string work on NFKC-normalised messages; the caller has already blanked out numbers.
"""

from __future__ import annotations

import re
import unicodedata

from agent.local.interpreter.hanzi import HAN, to_simplified
from agent.local.interpreter.phrasebook import Phrasebook
from agent.local.interpreter.quoting import PAIRED_QUOTED

__all__ = ["as_written", "extract_text", "quoted", "subject_of"]

_I = re.IGNORECASE
_NOUN = r"(?:title|caption|subtitle|text|headline|heading)s?"
_MARKERS = (
    re.compile(rf"\b{_NOUN}\s*[:=]\s*(?P<t>.+)", _I),
    re.compile(
        rf"\b{_NOUN}\s+(?:that\s+|which\s+)?(?:says|saying|reads|reading|to|as|with)\s+(?P<t>.+)",
        _I,
    ),
    re.compile(r"\b(?:titled|called|named)\s+(?P<t>.+)", _I),
    re.compile(r"\bwrite\s+(?P<t>.+)", _I),
    re.compile(rf"\b(?:add|put|insert|show)\s+(?:a|an|the)?\s*{_NOUN}\s+(?P<t>.+)", _I),
    re.compile(
        r"(?:标题|字幕|文字|文案)(?:改成|改为|换成|写成|写上|写住|写着|写|是|为|内容是|内容为|叫做|叫|名为"
        r"|就叫|改叫|改名为|改名叫)\s*[:：]?\s*(?P<t>.+)"
    ),
    re.compile(r"(?:加|添加|加上|加个|加一个)(?:标题|字幕|文字)\s*[:：]\s*(?P<t>.+)"),
    re.compile(r"(?:写住|写着|写上)\s*[:：]?\s*(?P<t>.+)"),
)
_POSITION = re.compile(
    r"(?:at|on|to|in|along)\s+the\s+(?:very\s+)?(?:top|bottom|center|centre|middle)"
    r"(?:\s+of\s+the\s+\w+)?|(?:放在|放到|在)?(?:顶部|底部|上方|下方|中间|居中)",
    _I,
)
_PLACE_ONLY = re.compile(
    r"(?:(?:at|on|to|in|along)\s+)?(?:the\s+)?(?:very\s+)?(?:top|bottom|center|centre|middle|up\s+top"
    r"|down\s+low|left|right)|(?:放在|放到|在)?(?:顶部|底部|上面|下面|上方|下方|中间|居中)",
    _I,
)
"""'title: bottom': where the title goes, not what it says."""
_WHEN = re.compile(
    r"(?:只|仅|僅|淨係|净系)?(?:在|喺|於|于)?\s*(?:最后|最後|最尾|前|后|後|第)?[\s\d.]*(?:秒|s\b)?"
    r"\s*(?:才|先|就|再|开始|開始)?(?:出现|出現|显示|顯示|消失|出嚟|出来|出來|出|开始|開始|结束|結束|停留)\s*$"
)
"""'标题改成(只在)最后两秒(才)出现': when the title shows (numbers blanked), not what it says."""
_CUT = re.compile(
    r"[,;!?，。；！？]|\.(?:\s|$)|(?:^|\s+)(?:and|then|please|and then)\b"
    r"|\s+(?:for|from|at|on|in|to|with|over)\s+(?:the\s+)?"
    r"(?:top|bottom|center|centre|middle|screen|video|clip|beginning|start|end|first|last|\d)"
    r"|然后|并且|再加|\s{2,}",
    _I,
)
_TOKENS = re.compile(rf"[A-Za-z][A-Za-z'-]*|[{HAN}]+")
_MAX_SUBJECT_WORDS = 3
_MAX_SUBJECT_CJK = 8


def quoted(text: str) -> tuple[list[str], str]:
    """The quoted strings in `text` (stripped, non-empty) and the text without them."""
    found = [
        next(g for g in m.groups() if g is not None).strip() for m in PAIRED_QUOTED.finditer(text)
    ]
    return [q for q in found if q], PAIRED_QUOTED.sub(" ", text)


def as_written(text: str, original: str) -> str:
    """`text` (found in the message folded to simplified) as the message wrote it: 維港夜色
    stays traditional."""
    norm = unicodedata.normalize("NFKC", original)
    folded = to_simplified(norm)
    at = folded.find(text)
    if at < 0 or len(folded) != len(norm):
        return text
    return norm[at : at + len(text)]


def extract_text(text: str) -> str:
    """Unquoted title/caption text after a marker ("title: X", "标题改成X", "write X"), or ""."""
    text = _POSITION.sub("  ", text)
    for marker in _MARKERS:
        if match := marker.search(text):
            candidate = _CUT.split(match.group("t"), maxsplit=1)[0]
            # "rename it to Harbour Nights (british spelling pls)": an aside in brackets is a note
            candidate = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", candidate)
            candidate = candidate.strip(" :：\"'“”‘’").removesuffix("吧").strip()
            if candidate and not _PLACE_ONLY.fullmatch(candidate) and not _WHEN.match(candidate):
                return candidate
    return ""


def subject_of(text: str, book: Phrasebook) -> str:
    """What the video is about: the message's words minus every keyword and filler word, or ""."""
    words = _all_keywords(book)
    folded = text.casefold()
    for phrase in sorted((w for w in words if " " in w or not w.isascii()), key=len, reverse=True):
        folded = folded.replace(phrase, " ")
    latin = [t for t in _TOKENS.findall(folded) if t.isascii() and t not in words]
    if latin:
        return " ".join(latin[:_MAX_SUBJECT_WORDS])
    return "".join(t for t in _TOKENS.findall(folded) if not t.isascii())[:_MAX_SUBJECT_CJK]


def _all_keywords(book: Phrasebook) -> set[str]:
    words: set[str] = set()
    for value in book.keywords.model_dump(exclude={"photo_subject"}).values():
        for group in value.values() if isinstance(value, dict) else [value]:
            words.update(w.casefold() for w in group)
    return words
