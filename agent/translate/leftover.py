"""What a sentence's probe leaves once its steps are cut out: nothing but filler and the
objects of a step (so one template line may stand for the sentence whole), and which kind's
template the probe wrote. Pure; reads the compiled tables' lines and filler words only.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from agent.translate.prose import Masked, protected_tokens
from agent.translate.rewrite import language_of
from agent.translate.tables import GuiTables, LanguageTable

__all__ = ["fixed_lines", "kind_of", "quiet", "steps_only"]

_FIELD = re.compile(r"\{[a-z_]+\}")
_WORDY = re.compile(r"[A-Za-z0-9\u3400-\u9fff]")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# what a step acts on, which the template line names for it
_OBJECTS = frozenset(
    ("video", "videos", "clip", "clips", "mp4", "file", "files", "project", "movie", "my",
     "slideshow", "version", "it's",
     "视频", "文件", "档案", "作品", "成品", "你的", "您的", "的")
)  # fmt: skip
# what is fetched, named past the line's own object: a state of it ("your finished video",
# "the updated preview", 剪好的影片) or a thing fetched that the line never names ("save the
# clip"; "double-click the clip" only points at it)
_NAMED = re.compile(
    r"\b(?:finished|updated|latest|edited|rendered|completed|trimmed|new)\s+"
    r"(?:[\w-]+\s+)?(?:videos?|clips?|cuts?|reels?|mp4|files?|versions?|previews?|movies?)\b"
    r"|\b(?:download|save|export|get|grab|render)\s+(?:[\w-]+\s+){0,2}"
    r"(?:clips?|reels?|movies?|slideshows?)\b|\bcredit\s+balance\b"
    r"|(?:剪好|做好|完成|更新|最新|修改|改好|渲染好)(?:了|後|后)?的(?:视频|視頻|影片|片段|版本|预览|預覽)",
    re.IGNORECASE,
)

# the user's verdict as the condition of a step put after another with 再
# (先在時間軸上預覽一下，滿意的話再按匯出): the line would drop it
# ("打开时间线看看，满意的话点击导出" is still said by the lines, the fixtures' label)
_VERDICT = re.compile(r"(?:满意|滿意|没问题|沒問題|冇问题|冇問題)(?:的话|的話|嘅话|嘅話)再")


def fixed_lines(lang: LanguageTable) -> list[str]:
    """The lines of a language's kinds that have no slot: `bare`, `short`, and slot-free
    body lines ("I'll retry the export for you")."""
    texts = [t for k in lang.kinds.values() for t in (k.bare, k.short, *(r.text for r in k.body))]
    return [t for t in dict.fromkeys(texts) if t and not _FIELD.search(t)]


def steps_only(new: str, content: str, labels: list[str], tables: GuiTables, m: Masked) -> bool:
    """Whether a masked sentence holds nothing but its GUI steps: the probe `new` of it is
    template text and filler only (the rules found nothing else around the steps: "Click the
    Export button to download your video", "点击右上角的导出按钮即可"), and no quoted span,
    number or file name is in it beyond the button labels the steps name ("Click 'Export'"),
    and it names no more of what is fetched than the line says ("Grab your finished video
    with the Export button" keeps its words: the line would lose them)."""
    if Counter(protected_tokens(content)) - Counter(labels) or _NAMED.search(content):
        return False
    if _VERDICT.search(content, 1):
        return False  # "先预览一下，满意的话再按导出": the condition after a step is said too
    rest = new.casefold()
    for piece in _pieces(tables):
        rest = rest.replace(piece, " ")
    return quiet(rest, language_of(content, tables, m))


def quiet(text: str, lang: LanguageTable, louder: frozenset[str] = frozenset()) -> bool:
    """Whether `text` holds nothing but filler and objects of a step (`louder` words say
    more: "Done, click Export" reports)."""
    quiet = _quiet_words(lang) - louder
    rest = text.casefold()
    if lang.lang == "en":
        return all(w.replace("’", "'") in quiet for w in _WORD.findall(rest))
    for word in sorted(quiet, key=len, reverse=True):
        rest = rest.replace(word, " ")
    return _WORDY.search(rest) is None


def _pieces(tables: GuiTables) -> tuple[str, ...]:
    """Every fixed piece of the tables' lines (slots cut out), longest first, case-folded."""
    texts: list[str] = []
    for lang in tables.languages:
        texts += [lang.joiner, lang.alt_joiner]
        for kind in lang.kinds.values():
            texts += [kind.bare, kind.short, *(rule.text for rule in kind.body)]
    return _cut(tuple(texts))


@cache
def _cut(texts: tuple[str, ...]) -> tuple[str, ...]:
    found = {p.strip(" ,，").casefold() for text in texts for p in _FIELD.split(text)}
    return tuple(sorted((p for p in found if len(p) >= 3), key=len, reverse=True))


def _quiet_words(lang: LanguageTable) -> frozenset[str]:
    """Words that say nothing beside a step: the tables' filler and the objects a step names
    ("the video", "你的视频")."""
    return lang.filler | lang.empty | _OBJECTS


def kind_of(new: str, lang: LanguageTable) -> str:
    """The kind whose template the probe wrote (the highest priority first), or ""."""
    folded = new.casefold()
    for kind in sorted(lang.kinds.values(), key=lambda k: -k.priority):
        texts = (kind.bare, kind.short, *(rule.text for rule in kind.body))
        pieces = (p.strip(" ,，").casefold() for t in texts for p in _FIELD.split(t))
        if any(len(p) >= 4 and p in folded for p in pieces):
            return kind.name
    return ""
