"""Files handed over with an export and more words: "stitch em, sunset last, then export pls".

A turn that attaches files and asks for an export plans `upload, export` only when it says
nothing else: "upload these and export", "here you go, render it". Any other words are work the
files are for ("slideshow, 15 sec", 音乐用这个，封面用这张); an export planned without `sse` then
renders the video without them, the harmful route. This reader splits the prepared turn into
clauses (punctuation and sequence words), takes the last one holding an export word as the export
clause, and asks whether any other clause says more than handing the files over (a presentation,
a courtesy, an upload). An extra `sse` costs one agent turn; a file never reaching the video
costs a render.

Pure regex work over the keyword stage's prepared text (lower case, Simplified, quotes masked).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from agent.router.route import Route
from agent.router.text import MEDIA

__all__ = ["files_for_work", "turned_into", "undescribed", "work_before_export"]

_CLAUSE = re.compile(
    r"[,.;:!?\n，。；：！？、~]|\s[-—–]+\s|—|\b(?:then|thn|and|n|after\s+that|afterwards|next)\b"
    r"|然后|然後|接着|之后|之後|再|搞完|做完|弄完|整完|完成后|完成後|好了就|好就"
)
# an export word as the rules read it (a request for the file, in any register)
_EXPORT = re.compile(
    r"(?<![a-z])(?:export|render|download|mp4|final\s+(?:file|version|cut|video)"
    r"|(?:send|give|get)\s+(?:it\s+)?(?:to\s+)?(?:me|us)\b)"
    r"|[导導]出|[汇匯]出|渲染|出片|下[载載]|成片|直接出|发(?:给)?我|给我"
)
# words that only hand the files over, greet or thank: no work asked
_HANDOVER = re.compile(
    r"(?<![a-z])(?:here|heres|u|you|ya|go|are|is|its|this|these|those|that|them|em|it|the|my|our"
    r"|a|an|some|one|ones|two|three|four|five|few|\d+|pics?|photos?|images?|files?|clips?"
    r"|videos?|vids?|attached|attachment|attaching|upload(?:ed|ing)?|too|also|as\s+well"
    r"|please|pls|plz|thanks|thank|thx|ty|ok|okay|hi|hey|hello|yo|so|now|just|new|latest"
    r"|all|both|for|i|we|got|have|sending|sent|pm|cheers|asap)(?![a-z])"
    r"|这是|这些|这几张|这张|这个|这|那张|给你|发你|发给你|附件|上传|一张|几张|图片|照片|图|视频"
    r"|文件|素材|了|的|我的|哦|啊|喏|请|谢谢|麻烦|帮我|一下|吧|啦|好|ok"
)
_SUBSTANCE = re.compile(r"[a-z]|[\u3400-\u9fff]")
_MASK = "§"
# one thing made into another, said with an arrow ("📸➡️🎬 pls", "pics -> reel"): a generation
_ARROW = re.compile(r"\S\s*(?:\u27a1\ufe0f?|\u2192|->|=>|\u21d2|\u27f6)\s*\S")
# a terse target for the files, not the file's resolution ("this → 9:16", "15s", 竖屏): the split
# on colons and the handover's numbers would lose it
_SPEC = re.compile(
    r"(?<![\d:])\d{1,2}\s*[:：]\s*\d{1,2}(?![\d:])"
    r"|(?<![a-z\d])\d+(?:\.\d+)?\s*(?:s|secs?|seconds?|mins?|minutes?)(?![a-z])|\d+\s*秒"
    r"|(?<![a-z])(?:vertical|square|landscape|portrait|widescreen)(?![a-z])|竖屏|横屏|方形|竖版|横版"
)


def files_for_work(text: str) -> bool:
    """Whether the prepared turn `text` says more than handing files over and the export: a
    target spec or an arrow anywhere, or a clause other than the export clause holding words no
    handover accounts for."""
    if _SPEC.search(text) or _ARROW.search(text):
        return True
    clauses = [c.strip() for c in _CLAUSE.split(text.replace(_MASK, " "))]
    clauses = [c for c in clauses if c]
    exporting = [i for i, c in enumerate(clauses) if _EXPORT.search(c)]
    at = exporting[-1] if exporting else len(clauses) - 1
    rest = (c for i, c in enumerate(clauses) if i != at)
    return any(_SUBSTANCE.search(_HANDOVER.sub(" ", c)) for c in rest)


def work_before_export(routed: Route, media: bool, text: str) -> Route:
    """The plan with `sse` before its export when the turn's files come with words for work
    (see `files_for_work`); else the plan as it is."""
    actions = routed.actions
    if not media or "export" not in actions or "sse" in actions or "upload" not in actions:
        return routed
    if not files_for_work(text):
        return routed
    at = actions.index("export")
    return replace(routed, actions=(*actions[:at], "sse", *actions[at:]))


def turned_into(routed: Route, media: bool, text: str) -> Route:
    """The plan with `sse` after its upload when the raw turn `text` says with an arrow what the
    files become ("📸➡️🎬 pls"): the emoji are gone from the prepared text, the ask is not."""
    if not media or routed.actions != ("upload",) or not _ARROW.search(text):
        return routed
    return replace(routed, actions=("upload", "sse"))


# a file name with spaces ("~/Desktop/clip final v2.mov"): the words between its masked parts
_NAME_GAP = re.compile(rf"{MEDIA}(?:\s+[a-z0-9_-]+){{1,3}}\s+(?={MEDIA})")
# where or when the file was made ("the clips from the wedding", 昨天拍的片段): a description
_ORIGIN = re.compile(
    r"\bfrom\s+(?:(?:the|my|our|this|that|last|yesterdays|todays)\s+)?[a-z]+\b"
    r"|(?:昨天|今天|前天|昨晚|今早|上周|上次|刚才|刚刚)(?:拍|录|剪|做)?(?:的|嘅)?"
)


def undescribed(text: str, asks_for_edit: Callable[[str], bool]) -> str:
    """The prepared turn `text` without what only describes its file: the rest of a file name
    with spaces (unless an edit verb is there) and where or when the file was made."""
    text = _NAME_GAP.sub(lambda m: m[0] if asks_for_edit(m[0]) else " ", text)
    return _ORIGIN.sub(" ", text)
