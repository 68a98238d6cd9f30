"""The file an upload step names ("点击「上传」选择你的视频文件", "Click Upload and select your
logo (PNG)"), so the upload line that replaces the step names it too: nothing the user needs
is lost. The object is a span of the reply, copied byte for byte (never cut mid-word); when
the step names none the rules are sure of, the generic line stands. The line is rendered by
the jinja2 templates (`prompts/translate/upload.<lang>.j2`), the one place that renders text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from agent.templates import Templates

__all__ = ["named_line", "named_upload", "upload_object"]

_SENTINEL = "\ue000"  # stands for the object while the template's own words change script

_ZH_NOUN = (
    r"文件|檔案|档案|照片|相片|图片|圖片|图像|圖像|视频|視頻|影片|片段|音乐|音樂|音频|音頻|素材|歌曲|歌"
    r"|配音|旁白|录音|錄音|封面图?|封面圖|字幕|图|圖|相|片|(?i:logo|png|jpe?g|mp4|mov|mp3|wav)"
)
_ZH_VERB = (
    r"选择|選擇|选取|選取|挑选|挑選|上传|上傳|上载|上載|导入|導入|添加|加入|拖入|拖進|拖进|揀|拣"
    r"|加多|放入|放进|放進"
)
# the last verb of sending a file and what it takes, to the end of the sentence
_ZH = re.compile(
    rf"^.*(?:{_ZH_VERB})(?P<obj>[^\s，。、；：！？!?,;:「」『』“”\"'()（）《》【】]{{1,12}}?(?:{_ZH_NOUN}))"
    r"(?:即可|就行|就可以了?|就得|吧|啦|呀)?\s*$",
    re.DOTALL,
)
_EN_DET = r"(?:your|the|a|an|this|that|these|those|another|new|any|some|all|each)"
_EN = re.compile(
    r"(?:^|\s)(?:upload|select|choose|pick|add|attach|import|drag|drop|send|re-?upload)"
    rf"\s+(?P<obj>{_EN_DET}(?:\s+(?!(?:onto|into|to|in|on|from|and|or|then)\b)[\w'-]+){{1,4}}"
    r"(?:\s+\([\w ./,-]{1,20}\))?)"
    rf"(?:\s+(?:onto|into|to|in|on|from)\s+{_EN_DET}?(?:\s*[\w-]+){{1,3}})?\s*$",
    re.IGNORECASE,
)
_EN_GENERIC = re.compile(r"^(?:the|a|an|your|this|that)\s+(?:file|files|one)$", re.IGNORECASE)


def upload_object(content: str, lang: str) -> str:
    """The file the upload step of `content` (a sentence without its closing mark) names, as
    written, or "" when it names none the rules are sure of."""
    found = (_ZH if lang == "zh" else _EN).search(content)
    if found is None:
        return ""
    obj = found.group("obj")
    if lang != "zh" and _EN_GENERIC.match(obj):
        return ""
    return obj


@lru_cache(maxsize=1)
def _templates() -> Templates:
    return Templates()


def named_upload(content: str, lang: str, script: Callable[[str], str]) -> str:
    """The upload line naming the file of `content`'s step, the template's own words passed
    through `script` (Traditional when the reply is) and the object as written; "" when the
    step names none."""
    obj = upload_object(content, lang)
    if not obj:
        return ""
    line = script(
        _templates().render("translate/upload", "zh" if lang == "zh" else "en", obj=_SENTINEL)
    )
    return line.replace(_SENTINEL, obj) if line.count(_SENTINEL) == 1 else ""


@lru_cache(maxsize=1)
def _said() -> re.Pattern[str]:
    heads = []
    for lang in ("en", "zh"):
        head, _, tail = (
            _templates().render("translate/upload", lang, obj=_SENTINEL).partition(_SENTINEL)
        )
        heads.append(rf"{re.escape(head)}\S.{{0,60}}?{re.escape(tail)}")
    return re.compile(rf"^\s*(?:{'|'.join(heads)})\s*[.。!！]?\s*$", re.DOTALL)


def named_line(sentence: str) -> bool:
    """Whether `sentence` (Simplified, as the rules read it) is an upload line naming a file: a
    reply translated before says it already, nothing of it runs again."""
    return _said().match(sentence) is not None
