"""A step said by its button alone: an arrow or a pointing hand and an export control's label
("Trimmed to 15s. ↓ Download", "👉 **Export**", "下载 ⬇️"), with nothing else in the sentence.

The rules read a gesture ("click Download"); a label alone is no imperative to them (it may be
a heading, "Download:"). Pointed at by an arrow, it is the button to press: the export runs
(and still has to pass `agent.translate.evidence`). Pure; one folded sentence in.
"""

from __future__ import annotations

import re

__all__ = ["pointed_export"]

_POINTER = (
    r"[\u2192\u2193\u21e9\u25b6\u25ba\u27a1\u2b07\u2b95\U0001f446-\U0001f449\U0001f53d]\ufe0f?"
)
_LABEL = (
    r"(?:\*\*|__|[`'\"“「])?(?:download(?:\s+(?:mp4|video|it|now))?|export(?:\s+(?:mp4|video|now))?"
    r"|save\s+video|下载|导出|汇出|保存到相册)(?:\*\*|__|[`'\"”」])?"
)
_POINTED = re.compile(
    rf"\s*(?:{_POINTER}\s*)+{_LABEL}\s*[.!。！]?\s*|\s*{_LABEL}\s*(?:{_POINTER}\s*)+[.!。！]?\s*",
    re.IGNORECASE,
)


def pointed_export(sentence: str) -> bool:
    """Whether `sentence` is nothing but an arrow or a pointing hand and an export label."""
    return _POINTED.fullmatch(sentence) is not None
