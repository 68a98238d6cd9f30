"""An export ordered before new work that makes another deliverable (issue #10, round 32):
"render it, and after that cut me a 10-second teaser", "download this one, then make a vertical
copy for reels", 导出之后再帮我剪一个15秒的预告.

Without the word "first" the plan's invariant runs the edit before the export
(`agent.router.invariants.edits_first`): right for "export it, then add the music" (the music
belongs in the render), wrong when what follows makes another thing (a teaser, a copy, a
shorter version): the export asked is of the video as it is now. Only the order of an export
and an edit the plan already has changes; nothing is added or dropped, so no export runs that
the plan did not already hold.

Pure regexes over the prepared text (lower case, apostrophes dropped, Chinese as typed).
"""

from __future__ import annotations

import re

__all__ = ["another_after_export"]

# the export said as an order at the turn's start ("ok render it", "pls download this one")
_EXPORT_EN = re.compile(
    r"^\W*(?:(?:ok|okay|so|pls|please|right|alright|cool|great|can\s+you|could\s+you|go\s+ahead"
    r"|and|just)\W+)*(?:export|render|download|bounce)\b"
    r"(?P<object>(?:(?!\b(?:but|after|once|when|until|till|before|if|unless)\b)[^,.;!?]){0,30}?)"
    r"\s*(?:[,.;:]|\s[-—–]+)?\s*(?:and\s+)?"
    r"(?:then|after\s+that|afterwards|after\s+which|next|once\s+(?:thats|that\s+is|its|it\s+is)"
    r"\s+(?:done|out|finished|through))\b"
)
_MAKE_EN = re.compile(
    r"^[\s,]*(?:(?:can\s+you|could\s+you|please|pls|also|maybe|go\s+ahead\s+and|id\s+like\s+you\s+to)\s+)*"
    r"(?:make|do|cut|create|build|give|get|put\s+together|spin\s+up|whip\s+up|knock\s+out"
    r"|prepare|produce|render|export|(?:i|we)\s+(?:(?:also\s+)?(?:want|need)|would\s+like)|id\s+like"
    r"|wed\s+like|(?:i|we)ll\s+(?:need|want|take))\b(?:\s+(?:me|us|out))?\s+"
    r"(?:a|an|another|one|one\s+more|a\s+second|second|two|three|[2-9]|some|a\s+couple\s+of)\s+"
    r"(?:[\w\-]+\s+){0,4}?"
    r"(?:version|copy|copies|cutdown|cut\s*-?\s*down|teaser|trailer|short|variant|reel|promo"
    r"|clip|gif|remix|recap|highlight|bumper|snippet|preview|edit|cut)s?\b"
)
_EXPORT_ZH = (
    r"(?:导出|導出|汇出|匯出|输出|輸出|渲染|出片|下载|下載|出(?:返|番)?(?:一)?[条條个個版])"
)
_FIRST_ZH = re.compile(
    rf"^[^,，.。;；!！?？]{{0,6}}?{_EXPORT_ZH}[^,，.。;；!！?？]{{0,8}}?"
    r"[,，.。;；!！\s]*(?:然后|然後|之后|之後|跟住|接着|接著|完再|完了再|好再)"
)
_MAKE_ZH = re.compile(
    r"^[\s,，]*(?:再|又|也)?\s*(?:帮我|幫我|给我|俾我|帮手|幫手)?\s*(?:再|另外|另)?\s*"
    r"(?:做|剪|出|整|弄|搞|生成|制作|製作|剪辑|剪輯)\s*(?:多|另)?\s*"
    r"(?:一|两|兩|二|三|几|幾|[1-9])?\s*(?:个|個|版|条|條|段|支|份)"
    r"[^,，.。;；!！?？]{0,12}?"
    r"(?:版|预告|預告|副本|精华|精華|花絮|屏|片(?![头頭尾])|短视频|短視頻|cut|teaser|trailer|reel|gif)"
)
# a wait or condition before the export ("once the music is in, render it, then …")
_WAITS = re.compile(
    r"\b(?:once|after|when|whenever|if|unless|until|till|before|dont|do\s+not|never|no|not)\b"
    r"|等|如果|要是|假如|之前|以前|唔好|不要|别|別|未|先别|先不"
)


def another_after_export(said: str) -> bool:
    """Whether the prepared turn `said` orders its export, then asks for another deliverable
    made after it (a teaser, a copy, a shorter version): the export keeps its place first."""
    said = said.strip()
    found = _EXPORT_EN.search(said)
    if found is not None:
        if _WAITS.search(found["object"] or ""):
            return False
        return _MAKE_EN.search(said[found.end() :]) is not None
    found = _FIRST_ZH.search(said)
    if found is None or _WAITS.search(said, 0, found.start() + 8) is not None:
        return False
    return _MAKE_ZH.search(said[found.end() :]) is not None
