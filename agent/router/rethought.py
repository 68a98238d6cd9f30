"""Second thoughts around an export just asked (issue #10, round 32).

- a correction that puts an edit before it: "render it. wait, before that, swap the font",
  导出吧。等等，导出之前先把字体换了, 出片啦，唔係，出之前幫我換咗個字體先: the edit, then
  the export (the caller checks the rest firmly asks an edit, with no hold of its own);
- an edit floated, then taken back before the export: "maybe an outro... nah, forget it.
  export", 加个片尾？算了，不要了，直接导出: only what follows the taking back is asked.

Pure regexes over the prepared text (lower case, apostrophes dropped, Chinese as typed).
"""

from __future__ import annotations

import re

__all__ = ["after_taken_back", "edit_before_just_asked"]

_CUE_EN = r"(?:oh|ah|hmm+|um+|wait|hold\s+on|hang\s+on|actually|no|sorry|oops|scratch\s+that|sec)"
_CUE_ZH = (
    r"(?:不系|不係|不是|等等|等一下|等一等|等阵|等陣|等下|唔系|唔係|不对|不對|啊|哦|噢|咦|诶|欸"
    r"|其实|其實|sorry|wait)"
)
_EXPORT_ZH = (
    r"(?:导出|導出|汇出|匯出|输出|輸出|渲染|出片|下载|下載|出(?:返|番)?(?:一)?[条條个個版])"
)
_CORRECTED = re.compile(
    r"^\W*(?:(?:ok|okay|so|pls|please|just|go\s+ahead\s+and)\W+)*(?:export|render|download|bounce)\b"
    r"[^,.;!?—–]{0,30}?(?:[,.;!?—–]|\s-)+\s*"
    rf"(?:{_CUE_EN}(?:[\s,.;!?—–-]+|$))+(?=before\b)"
    rf"|^[^,，。.!！?？]{{0,6}}?{_EXPORT_ZH}[^,，。.!！?？]{{0,6}}?[,，。.!！\s]+"
    rf"(?:{_CUE_ZH}[,，。.!！\s]*)+"
)
_BEFORE = re.compile(
    r"^before\s+(?:that|this|then|you\s+do(?:\s+(?:that|it|so))?|doing\s+(?:that|it|so)"
    r"|(?:(?:you|u)\s+)?(?:export|render|download)(?:ing|s)?(?:\s+(?:it|this|that))?)"
    r"\s*[,:—–-]?\s*(?P<en>\S.*)$"
    rf"|^(?:在那|在这|喺咁|那|咁)?(?:{_EXPORT_ZH}|出)?\s*(?:之前|以前|前)\s*[,，]?\s*(?P<zh>\S.*)$"
)
_HOLD = re.compile(
    r"\b(?:dont|do\s+not|never|no|not|wait|hold|later|tomorrow|let\s+me|i\s+will|ill|i\s+need"
    r"|we\s+need|i\s+have\s+to|i\s+must)\b|不要|别|別|唔好|不用|先不|未|等|我要|我想先|我先|等我"
    r"|export|render|导出|導出|渲染|出片|[?？]"
)

_FIRST_CLAUSE = re.compile(r"[^,.;!?，。；！？—–]*")
_WAITED = re.compile(
    r"\b(?:tomorrow|later|tonight|once|when|if|after|until|till|next|dont|do\s+not|never|not"
    r"|wait|hold|ill|we\s+will|well|i\s+will)\b"
    r"|明天|听日|聽日|晚点|晚點|稍后|稍後|之后|之後|以后|以後|如果|要是|不要|唔好|别|別|先别|先不|未|等"
)


def edit_before_just_asked(said: str) -> str | None:
    """The edit a correction puts before the export the turn has just asked, or None."""
    found = _CORRECTED.match(said.strip())
    first = _FIRST_CLAUSE.search(said.strip())
    if found is None or (first is not None and _WAITED.search(first.group())):
        return None  # "render it tomorrow. wait, before that, …": the export waits anyway
    before = _BEFORE.match(said.strip()[found.end() :].strip())
    if before is None:
        return None
    rest = before["en"] or before["zh"] or ""
    return None if _HOLD.search(rest) else rest


_CLAUSES = re.compile(r"[^,.;!?…，。；！？]+")
_TAKEN_BACK = re.compile(
    r"^\s*(?:(?:nah|no|nope|hmm+|actually|ok|okay|oh|eh|meh|on\s+second\s+thought)\s+)*"
    r"(?:never\s*mind|nvm|forget\s+(?:it|that|about\s+(?:it|that))|scratch\s+that|skip\s+(?:it|that)"
    r"|leave\s+it|not\s+needed|dont\s+bother|nah|nope|no)\s*$"
    r"|^\s*(?:其实|其實|嗯|唔)?\s*(?:算了|算啦|算吧|罢了|罷了|唔要了|唔要啦|不要了|不用了|唔使了|唔使啦"
    r"|冇所谓|冇所謂|没所谓|沒所謂|还是不要了|還是不要了)\s*$"
)


def after_taken_back(said: str) -> str | None:
    """What follows the last clause taking back an idea floated before it, when an idea comes
    before it and something follows; else None. The caller routes the rest alone."""
    clauses = list(_CLAUSES.finditer(said))
    back = [i for i, c in enumerate(clauses) if _TAKEN_BACK.match(c.group())]
    if not back or back[-1] == 0 or back[-1] == len(clauses) - 1:
        return None
    rest = said[clauses[back[-1]].end() :]
    return rest if rest.strip(" ,.;!?…，。；！？") else None
