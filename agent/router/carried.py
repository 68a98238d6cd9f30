"""What an export can carry (issue #10, round 33): the export handler renders the project as it
stands, with output settings only (resolution, quality, frame rate, format; see
`agent.output_options`). Anything else said in the export's clause is work for the agent first,
or another file than the video:

- **A change the export cannot carry** ("render it vertical for tiktok", "export it in black and
  white", "download it without the music", "export w/o the intro", 导出竖版, 导出黑白版本,
  出一版冇字幕嘅): an edit; the agent makes it, then the export runs (`sse`, `export`).
- **Another deliverable** ("export the cover image", "send me the thumbnail only, not the video",
  导出一下封面图, 把字幕文件发我): not the video; the agent answers (`sse`), no render. Beside an
  export of the video itself ("export the video and also give me the srt") both run.
- **Files fetched as input** ("grab my files from <link> and make a recap"): an upload's wording,
  never an export.

Pure regexes over the prepared text (lower case, apostrophes dropped, traditional characters kept).
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["Deliverable", "deliverable", "fetched_input", "uncarried_change"]

Deliverable = Literal["", "only", "also"]

_VERB_EN = r"(?:re-?)?(?:export|render|download|bounce|send|give|grab|get)(?:s|ed|ing)?"
_VERB_ZH = r"(?:导出|導出|汇出|匯出|渲染|出片|下载|下載|输出|輸出|发我|發我|给我|給我|俾我|出)"

# the change inside the export's clause: an aspect, a look, a part left out or put in
_CHANGE_EN = (
    r"(?:vertical(?:ly)?|portrait|square|landscape|horizontal|widescreen|9\s*[:x]\s*16|16\s*[:x]\s*9"
    r"|1\s*[:x]\s*1|4\s*[:x]\s*5|black\s+(?:and|&|n)\s+white|b\s*&\s*w|b/w|sepia|gr[ae]yscale"
    r"|mono(?:chrome)?|(?:without|w/o|minus|no|sans)\s+(?:the\s+|any\s+)?(?:[\w'\"“”‘’§]+\s+){0,2}?"
    r"(?!changes?\b|edits?"
    r"\b|watermark\b|delay\b|asking\b|waiting\b|fuss\b|problem\b|issues?\b|further\b|more\b)"
    r"(?:intro|outro|music|audio|sound|song|soundtrack|voiceover|narration|captions?|subtitles?"
    r"|titles?|text|logo|labels?|banners?|stickers?|overlays?|borders?|bars|lower\s+thirds?|timestamps?"
    r"|end\s+card|credits\s+roll|transitions?|filter|effects?|first\s+\w+"
    r"|last\s+\w+))"
)
_CHANGE = re.compile(
    rf"\b{_VERB_EN}\b(?:\s+(?:it|this|that|the\s+\w+|a\s+(?:\w+\s+)?(?:version|cut|copy)|one))?"
    rf"(?:\s+(?:out|again|as|in|at|for|to|a|an|the|version|copy|cut|\d+p|4k|hd|mp4|please|pls)){{0,4}}"
    rf"\s+(?P<change>{_CHANGE_EN})\b"
    rf"|{_VERB_ZH}(?:一下|一版|一个|一個|一条|一條|个|個|条|條)?(?:竖版|豎版|竖屏|豎屏|横版|橫版|方形|正方形"
    r"|黑白|无声|無聲|静音|靜音|冇字幕|没字幕|沒字幕|没有字幕|沒有字幕|无字幕|無字幕|冇声|冇聲|没声|沒聲"
    r"|不带音乐|不帶音樂"
    r"|去掉(?:音乐|音樂|字幕|片头|片頭|片尾))"
    # "導出，但係唔要片尾個logo": a part left out after the export word
    rf"|{_VERB_ZH}[^，,。;；!！?？]{{0,6}}[，,]?\s*(?:但(?:係|系|是)?|不过|不過|不過要|但要)\s*"
    r"(?:唔要|不要|去掉|拎走|拿走|删掉|刪掉|冇|没有|沒有|唔好有|不要有)"
)
# another file than the video
_OTHER_EN = (
    r"(?:cover(?:\s+(?:image|photo|pic|art))?|thumbnail|thumb|poster|still\s+(?:image|frame|photo)"
    r"|screenshot|srt|vtt"
    r"|subtitle\s+file|subtitles\s+file|captions?\s+file|transcript|audio(?:\s+(?:file|track))?"
    r"|mp3|wav|project\s+file|gif\s+of\s+the\s+logo|(?:voiceover\s+|vo\s+)?script|lyrics"
    r"|shot\s+list|edl|xml|(?:subtitles|captions)(?!\s+(?:burned|burnt|baked|on|in|included)))"
)
_OTHER = re.compile(
    rf"\b{_VERB_EN}\s+(?:me\s+)?(?:just\s+|only\s+)?(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?{_OTHER_EN}\b"
    # anything exported as a document or an image ("export the captions as text")
    rf"|\b{_VERB_EN}\s+(?:me\s+)?(?:the\s+|a\s+|an\s+|my\s+)?(?:\w+\s+){{0,3}}?as\s+(?:a\s+|an\s+|plain\s+)?"
    r"(?:text|txt|pdf|docx?|word\s+doc|csv|spreadsheet|png|jpe?g|image|still)\b"
    rf"|{_VERB_ZH}(?:一下|一份|个|個)?(?:封面图|封面圖|封面|缩略图|縮略圖|字幕文件|字幕檔|srt|音频文件"
    r"|音頻文件|音频|音頻|mp3|工程文件)"
    r"|(?:把|将|將)?(?:封面图|封面圖|缩略图|縮略圖|字幕文件|字幕檔|srt|音频文件|音頻文件|工程文件)"
    r"(?:发|發|给|給|传|傳|俾)(?:我|给我|給我)"
)
# the video itself named beside it ("export the video and also give me the srt")
_VIDEO = re.compile(
    rf"\b{_VERB_EN}\s+(?:out\s+)?(?:it|this|the\s+(?:video|vid|final|cut|edit|mp4|film|movie)"
    r"|the\s+(?:whole|entire|full)\s+(?:thing|video|cut|edit))\b|(?:导出|導出|匯出|汇出)(?:视频|視頻|影片|成片)"
    r"|出片"
)
_NOT_THE_VIDEO = re.compile(
    r"\bnot\s+the\s+(?:video|vid|mp4|whole\s+thing)\b|不要视频|不要視頻|唔要條片"
)
_MEANT = re.compile(
    r"\b(?:no|nah|sorry|oops|wait|actually)\b\W+(?:\w+\W+){0,2}?i\s+mean|不是|唔系|唔係|我是说|我意思是"
)
_FETCHED = re.compile(
    r"\b(?:grab|get|take|pull|download|fetch)\s+(?:my|our|the|these|those|all\s+(?:the|my))\s+"
    r"(?:\w+\s+)?(?:files?|photos?|pics?|pictures?|clips?|videos?|footage|images?|assets?|shots)"
    r"\s+from\b"
)


def uncarried_change(said: str) -> bool:
    """The export's clause asks a change the export cannot carry (an aspect, a look, a part left
    out): the agent makes it first. A version named with "the" exists already ("download the
    vertical version")."""
    for found in _CHANGE.finditer(said):
        start = found.start("change")
        if start < 0 or not said[:start].endswith("the "):
            return True
    return False


def deliverable(said: str) -> Deliverable:
    """Another file than the video asked: "only" when it is all the export words ask, "also"
    when the video itself is exported beside it, "" when there is none."""
    other = _OTHER.search(said)
    if other is None:
        return ""
    if _MEANT.search(said, other.end()):
        return ""  # "export the audio? no, I meant the whole video": taken back
    if _NOT_THE_VIDEO.search(said):
        return "only"
    rest = said[: other.start()] + " " + said[other.end() :]
    return "also" if _VIDEO.search(rest) else "only"


def fetched_input(said: str) -> bool:
    """Files fetched as the video's input ("grab my clips from the drive link"): no export."""
    return _FETCHED.search(said) is not None
