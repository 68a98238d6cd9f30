"""Replies read whole before any sentence is: a menu listed over several lines and closed by a
pick, and a walkthrough of how a feature works closed by an offer (issue #10, round 32).

- A LIST MENU: two or more list items ("1. Add subtitles", "- Export a 9:16 version", "• 换音乐")
  and a last sentence asking the user to pick ("Which one would you like?", "Which do you
  prefer?", "Pick one and I'll start", 你想选哪个？, 你揀邊個？). Each item is an option; the
  user answers in chat. `agent.translate.menu` reads the one-sentence menus.
- A WALKTHROUGH: the reply says how a feature works ("Here's how exporting works in our app:
  click Export, choose a resolution…", 导出的流程是这样的：点导出，选分辨率…) and ends offering
  more ("Want me to walk you through the settings?"): an explanation, nothing to run now.

Both are kept byte for byte and run nothing: when a reply is only options or an explanation, a
rewrite could only lose words or run what nobody asked for.
"""

from __future__ import annotations

import re

__all__ = ["left_whole"]

_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[.)、]|[-*•·▪‣]|[①-⑩]|[A-Ea-e][.)])[ \t]+\S", re.MULTILINE)
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


def left_whole(text: str) -> bool:
    """Whether the reply is a list menu closed by a pick or a walkthrough closed by an offer
    (module docstring): kept as written, no action run."""
    last = _LAST.search(text.strip())
    if last is None:
        return False
    asked = last.group(1)
    if len(_ITEM.findall(text)) >= 2 and _PICK.search(asked):
        return True
    return _HOW_IT_WORKS.search(text) is not None and _OFFER.search(asked) is not None
