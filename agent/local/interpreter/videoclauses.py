"""A clause that changes the whole video's length, set apart from a title edit beside it.

In "trim the last 2 seconds off and move the title down to the bottom" or
标题改到顶部，整条片加长到8秒 each clause's edit applies to what that clause names: the
length clause is the video's (its seconds are neither the title's time range nor how long the
title stays), the title clause moves the title and leaves its times alone. Pure text scanning.
"""

from __future__ import annotations

import re

from agent.local.interpreter.phrasebook import Phrasebook, has_any
from agent.local.interpreter.quantity import NUM, SEC

__all__ = ["video_length_clauses"]

_CLAUSE = re.compile(r"([,;!?，。；！？]|\.(?!\d)|\band\b|\bthen\b|然后|并且|同埋|跟住|另外)", re.I)
_SECONDS = re.compile(rf"{NUM}\s*{SEC}", re.I)
_LENGTH_VERB = re.compile(
    r"\b(?:trim|cut|chop|shave|lop|shorten|lengthen|extend|make|set)\w*\b|\blonger\b|\bshorter\b"
    r"|缩短|加长|延长|拉长|剪|砍|裁|整长|整短|变成|改成|改为|变长|变短|长到|短到",
    re.I,
)
_TRIM_END = re.compile(
    rf"\b(?:trim|cut|chop|shave|lop)\w*\s+(?:off\s+)?the\s+(?:last|final)\s+{NUM}\s*{SEC}"
    rf"(?:\s+off\b)?(?:\s+(?:of\s+)?(?:the\s+)?(?:end|video|clip))?"
    rf"|(?:剪掉|剪走|剪去|切掉|砍掉|裁掉|去掉|删掉)(?:最后|尾)(?:的|嘅)?\s*{NUM}\s*{SEC}",
    re.I,
)
""""Trim the last 2 seconds off" of the whole video: 2 seconds shorter (cut from the end)."""
_ON_SCREEN = re.compile(
    r"\b(?:show|shows|showing|appear|appears|display|stay|stays)\b|显示|出现|停留", re.I
)
""""Show", 出现: how long something stays on screen, not the video's length."""
_RANGE = re.compile(r"\b(?:first|last|final|from|between|until|till)\b|前|最后|从|之间", re.I)
"""A part of the video ("for the first 2 seconds of the video"), not its length."""


def _cut_end(clause: str) -> str:
    """`clause` with "trim the last N seconds off" said as "cut N seconds off"."""

    def said(match: re.Match[str]) -> str:
        number = next(g for g in match.groups() if g)
        cjk = match.group(0)[0] > "\u2e7f"
        return f"剪掉{number}秒" if cjk else f"cut {number} seconds off"

    return _TRIM_END.sub(said, clause)


def _video_length(clause: str, book: Phrasebook) -> bool:
    """Whether `clause` alone changes the whole video's length (it names no title, caption,
    music or fade, and says seconds with a length verb about the video or its end)."""
    kw, clause = book.keywords, clause.casefold()
    if has_any(clause, (*kw.title, *kw.caption, *kw.music, *kw.fade)):
        return False
    if not (_SECONDS.search(clause) and _LENGTH_VERB.search(clause)):
        return False
    if _TRIM_END.search(clause):
        return True
    if _ON_SCREEN.search(clause) or _RANGE.search(clause):
        return False  # "make it show for the first 2 seconds of the video": the text's range
    return has_any(clause, kw.video_noun)


def video_length_clauses(folded: str, book: Phrasebook) -> tuple[str, str]:
    """(the rest of `folded`, its whole-video length clauses) when the message also names a
    title or caption elsewhere; else (`folded`, "")."""
    kw = book.keywords
    if not has_any(folded.casefold(), (*kw.title, *kw.caption)):
        return folded, ""
    pieces = _CLAUSE.split(folded)
    kept: list[str] = []
    video: list[str] = []
    for index in range(0, len(pieces), 2):
        clause = pieces[index]
        sep = pieces[index + 1] if index + 1 < len(pieces) else ""
        if _video_length(clause, book):
            video.append(_cut_end(clause))
            kept.append(" " + (sep if sep.strip() in (",", "，", ";", "；") else " "))
        else:
            kept.append(clause + sep)
    if not video:
        return folded, ""
    return "".join(kept), "，".join(video)
