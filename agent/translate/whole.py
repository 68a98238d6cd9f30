"""Replies read whole before any sentence is: a menu listed over several lines and closed by a
pick, and a walkthrough of how a feature works closed by an offer (issue #10, round 32).

- A LIST MENU: two or more list items ("1. Add subtitles", "- Export a 9:16 version", "• 换音乐")
  and a last sentence asking the user to pick ("Which one would you like?", "Which do you
  prefer?", "Pick one and I'll start", 你想选哪个？, 你揀邊個？). Each item is an option; the
  user answers in chat. `agent.translate.menu` reads the one-sentence menus.
- A WALKTHROUGH: the reply says how a feature works ("Here's how exporting works in our app:
  click Export, choose a resolution…", 导出的流程是这样的：点导出，选分辨率…) and ends offering
  more ("Want me to walk you through the settings?"): an explanation, nothing to run now.

- A CONTROL DESCRIBED ("The **Export** button renders your project into one MP4…") with no step
  pointed at anywhere in the reply.
- A LIST WHOSE ITEM WAITS ("1. Wait for the progress bar to reach the end 2. Then click
  Download", 1. 等渲染完成 2. 点下载): the later steps wait with it.

All are kept byte for byte and run nothing: when a reply is only options or an explanation, a
rewrite could only lose words or run what nobody asked for.
"""

from __future__ import annotations

import re

__all__ = ["left_whole"]

_MARK = r"^[ \t]*(?:\d{1,2}[.)、]|[-*•·▪‣]|[①-⑩]|[A-Ea-e][.)])[ \t]+"
_ITEM = re.compile(rf"{_MARK}\S", re.MULTILINE)
_LAST = re.compile(r"([^\n.!?。！？]*[?？])[\s*_)\]」』”\"']*$")
_PICK = re.compile(
    r"\bwhich\b|\bpick\b|\bchoose\b|\bprefer\b|\bwhat\s+(?:sounds|works)\b|\bany\s+of\s+(?:these|those)\b"
    r"|哪个|哪個|哪一个|哪一個|哪种|哪種|边个|邊個|边样|邊樣|选哪|選哪|揀边|揀邊|拣边|要哪",
    re.IGNORECASE,
)
_HOW_IT_WORKS = re.compile(
    r"\b(?:here(?:'|’)?s|this\s+is)\s+how\s+(?:\w+\s+){0,3}?(?:works?|is\s+done)\b"
    r"|\bhow\s+(?:\w+ing)\s+works\b"
    r"|(?:的)?(?:流程|步骤|步驟|操作方法|做法)(?:是这样的|是這樣的|如下)",
    re.IGNORECASE,
)
_OFFER = re.compile(
    r"\b(?:want|would\s+you\s+like|shall|should|do\s+you\s+need)\b[^?？]*\b(?:me|I)\b[^?？]*[?？]"
    r"|要(?:不要|唔要)我|需要我|要我[^？?]*[？?]|使唔使我",
    re.IGNORECASE,
)


# a control described, not pointed at ("The **Export** button renders your project into one
# MP4"), with no step anywhere in the reply
_DESCRIBES = re.compile(
    r"\b(?:the\s+)?[*\"“'‘]*(?:export|download|render|save|share|publish)[*\"”'’]*\s+(?:button|icon"
    r"|option)\s+(?:renders|exports|downloads|saves|creates|converts|sends|turns|takes|uses|makes"
    r"|only|just|never|does|doesn['’]?t|won['’]?t|can['’]?t)\b",
    re.IGNORECASE,
)
_STEP = re.compile(
    r"\b(?:click|tap|press|hit|select|choose|open|go\s+to|head\s+to|use|check|look|watch|see|view"
    r"|refresh|reload)\b|点击|點擊|点|點|按|选择|選擇|查看|看",
    re.IGNORECASE,
)
# a list whose item waits ("1. Wait for the progress bar to reach the end", 等渲染完成) before a
# later item's step: the steps wait with it
_WAIT_ITEM = re.compile(
    rf"{_MARK}(?:\*\*)?"
    r"(?:wait\s+(?:for|until|till)|let\s+(?:it|the\s+\w+)\s+finish|等(?:待|到)?)",
    re.IGNORECASE | re.MULTILINE,
)


def left_whole(text: str) -> bool:
    """Whether the reply is a list menu closed by a pick, a walkthrough closed by an offer, a
    control described with no step, or a list whose steps wait on an item still running (module
    docstring): kept as written, no action run."""
    waiting = _WAIT_ITEM.search(text)
    if waiting is not None and len(_ITEM.findall(text, waiting.end())) >= 1:
        return True
    if _DESCRIBES.search(text) and not _STEP.search(text):
        return True
    last = _LAST.search(text.strip())
    if last is None:
        return False
    asked = last.group(1)
    if len(_ITEM.findall(text)) >= 2 and _PICK.search(asked):
        return True
    return _HOW_IT_WORKS.search(text) is not None and _OFFER.search(asked) is not None
