"""An export asked again with a new option after the earlier one is named: "last time you
exported it was 720p, this time I want 1080p please", "上次导出是720p，这次要1080p".

The earlier export is context (a mention, never a command on its own); the clause after it that
says only what this time's file should be (a resolution, a container, a frame rate) asks for the
export again with that option. It is read as the English the tables hold ("this time export it
in 1080p"), so the keyword stage, the export gate and the retraction gate read it as they read
any export request: a question ("this time 1080p?") or a change ("this time make it sharper")
is no option and stays as it is.

Pure regexes over the keyword stage's normalised text (lower case, Simplified, quotes masked).
"""

from __future__ import annotations

import re

__all__ = ["read_again"]

# An earlier export named ("last time you exported it", "the last render was", "上次导出的")
_EARLIER_EXPORT = re.compile(
    r"\b(?:exported|rendered|downloaded)\b|\b(?:last|previous|earlier|old|first)\s+(?:export"
    r"|render|download|version|file|one)\b|(?:上次|上一次|之前|上回|头先|寻日|昨天)[^,.;!?]{0,4}?"
    r"(?:导出|渲染|下载|出片|出)"
)
_OPTION = (
    r"(?:\d{3,4}\s*p|[248]\s*k|uhd|full\s*hd|hd|mp4|mov|gif|webm|\d{2,3}\s*fps|\d{2,3}\s*帧"
    r"|higher\s+res(?:olution)?|better\s+quality|高清|超清)"
)
# After a clause break, only an option for this time ("this time I want 1080p please", "这次要
# 1080p", "今次要4k"), up to the end of the turn
_THIS_TIME = re.compile(
    r"(?P<lead>[,.;!]\s*|^)(?:(?:but|and|so|ok|okay)\s+)*(?:this\s+time|now|这次|这回|今次|今回)"
    r"\W*(?:(?:i|we)\s+(?:want|need|would\s+like|d\s+like)\s+(?:it\s+)?|(?:can|could)\s+(?:you|u)"
    r"\s+(?:do|make)\s+(?:it\s+)?|give\s+me\s+|make\s+it\s+|do\s+(?:it\s+)?|lets\s+do\s+"
    r"|go\s+for\s+|要|我要|想要|用|出|导)?(?:in\s+|at\s+)?(?:a\s+|an\s+)?(?:full\s+)?"
    rf"(?P<option>{_OPTION})(?:\s*(?:one|version|please|pls|plz|thanks|thx|instead|版|吧|啦|喇"
    r"|呀|先|唔该|谢谢))*\s*[.!]*\s*$"
)


# The earlier export only reported by its option ("上次导出嘅系720p", "last time it was 720p"):
# context, no news of its own
_OPTION_REPORTED = re.compile(
    rf"^[^,.;!?]*?(?:was|were|is|in|as|是|系|为|用|的)\s*(?:a\s+|an\s+)?{_OPTION}"
    r"(?:\s+(?:yesterday|last\s+time|before))?\s*[,.;!]?\s*$"
)


def read_again(text: str) -> str:
    """`text` with an option for this time after an earlier export named read as the export
    asked again ("… , this time export it in 1080p"); any other text as it is."""
    found = _THIS_TIME.search(text)
    if found is None or not _EARLIER_EXPORT.search(text, 0, found.start()):
        return text
    earlier = text[: found.start()]
    if _OPTION_REPORTED.match(earlier):
        earlier = ""  # "上次导出嘅系720p，今次要1080p": only the option this time is news
    return f"{earlier}{found['lead']}this time export it in {found['option']}"
