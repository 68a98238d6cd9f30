"""A step given for later: a tip or a condition that only a later day or a later file meets.

"Tip for later: when you've got more photos, drag them onto the canvas", "If the client asks for
a square version next week, just open the timeline", 如果下周客户要方形版，打开时间线就行: the
step is told for a day that has not come, so the client runs nothing now and the sentence is kept
whole. Only a sentence that OPENS so is read this way: "Open the timeline now; if you need a
square one next week, tell me" still opens the timeline. "Come back later and check My Work"
is a return, not a condition, and still shows the work. A condition on the work finishing
("When the render hits 100%, hit Download", 导出完成后，去 My Work 检查, 渲染完成后再点击下载) waits
for a render or an export nobody has seen end, and one on a file the user has yet to make
("After the voiceover is re-recorded, drag the new file in", 等配音錄好先再上傳) for that file: the
step after it is for later too (`after_work` finds the first in the words before a step). So is
a retry put off ("請稍後重新整理頁面再試一次", "try again later"). Pure; a closed class of words.
"""

from __future__ import annotations

import re

__all__ = ["after_work", "for_later", "waits_on_unfinished", "waits_on_work"]

_LEAD = r"^[\W_]*(?:(?:also|and|oh|btw|ps|p\.s\.|one\s+more\s+thing)\b[,:]?\s*)?"
_FUTURE = (
    r"(?:next\s+(?:week|month|year|time)|later\s+on|tomorrow|someday|some\s+day"
    r"|in\s+the\s+future|down\s+the\s+line|at\s+some\s+point)"
)
# the work finishing: a render, an export, a job reaching its end
_DONE = (
    r"(?:\b(?:when|once|after|as\s+soon\s+as)\s+(?:the\s+|your\s+|it\s+|this\s+)?"
    r"(?:render(?:ing)?|export(?:ing)?|generation)\s+"
    r"(?:is\s+|has\s+)?(?:done|finished|finishes|finish|completes?|completed|ends"
    r"|(?:hits|reaches|gets\s+to)\s+100\s*%)"
    r"|(?:渲染|导出|汇出|匯出|生成|合成)[^，。,；;]{0,4}?"
    r"(?:完成|完毕|结束|好|完|到\s*100\s*%)(?:了|咗)?(?:之后|以后|后|後|之後|以後|再|先))"
)
_AFTER_WORK = re.compile(_DONE, re.IGNORECASE)
# the work or its progress bar finishing (进度条走完后: with no report of unfinished work, the
# fixtures read the step after it as asked now)
_AFTER_BAR = re.compile(
    rf"{_DONE}|\b(?:when|once|after|as\s+soon\s+as)\s+the\s+progress\s+bar\s+(?:is\s+)?(?:done"
    r"|finished|finishes|completes|fills\s+up|(?:hits|reaches|gets\s+to)\s+100\s*%)"
    r"|(?:进度条|進度條)[^，。,；;]{0,4}?(?:完成|完毕|结束|好|完|到\s*100\s*%)(?:了|咗)?"
    r"(?:之后|以后|后|後|之後|以後|再|先)",
    re.IGNORECASE,
)
# a file the user has yet to make ("After the voiceover is re-recorded, …", 等配音錄好先再上傳)
_MADE = (
    r"(?:after|once|when)\s+(?:the|your)\s+(?:[\w-]+\s+){0,2}(?:is|are|has\s+been|have\s+been)"
    r"\s+(?:re-?)?(?:recorded|shot|filmed|redone|remade)\b"
    r"|(?:等|等到)[^，。,]{0,8}?(?:录|錄|拍|重录|重錄|重拍)(?:好|完)"
)
_LATER = re.compile(
    # a tip or note for later, whatever follows it
    rf"{_LEAD}(?:(?:a\s+|one\s+)?(?:quick\s+)?(?:tip|note|heads[-\s]up|idea|reminder)\s+"
    r"for\s+(?:later|next\s+time|the\s+future)|for\s+(?:later|next\s+time|the\s+future)\s*[:—–-])"
    # a condition opening the sentence that a later day meets
    rf"|{_LEAD}(?:if|when|whenever|once|should|in\s+case)\b[^.!?;:—–]{{0,80}}?\b{_FUTURE}\b"
    r"|^[\W_]*(?:如果|要是|假如|万一|萬一|等到?)[^。！？；，,]{0,24}?"
    r"(?:下次|下周|下週|下星期|下个月|下個月|改天|以后|以後|之后|之後|日后|日後|明天|将来|將來)"
    rf"|{_LEAD}{_DONE}|{_LEAD}{_MADE}"
    # a view the user can always take later ("Tip: you can always open the Tracks panel later")
    r"|\byou\s+can\s+always\b[^.!?]{0,60}?\blater\b|(?:随时|隨時)都?可以[^。！？]{0,20}?(?:之后|之後|以后|以後)"
    # a fix for a fault the user may meet ("If the preview looks off on your phone, refresh …")
    r"|^[\W_]*(?:if|when)\s+(?:the\s+|your\s+)?(?:preview|video|page|player|playback|it)\s+"
    r"(?:ever\s+|still\s+)?(?:looks?|seems?|is|appears?|gets?)\s+(?:off|wrong|broken|weird|blank|stuck"
    r"|blurry|glitchy|frozen)\b"
    r"|^[\W_]*(?:如果|要是|若)(?:预览|视频|页面|画面)[^，。]{0,6}?(?:不对|怪怪|有问题|空白|卡住|显示不正常)"
    # a retry put off to a later moment, whatever comes before it (刷新页面, reload the page)
    r"|(?:稍后|稍後|晚点|晚點|迟啲|遲啲|过一会|過一會|等一阵|等一陣)[^。！？!?]{0,20}?"
    r"(?:再试|再試|重试|重試)|\b(?:try|retry)(?:\s+it)?(?:\s+again)?\s+(?:a\s+bit\s+)?later\b",
    re.IGNORECASE,
)


# a render reported unfinished ("still rendering (about 2 min left)", 还在渲染, 正在导出)
_UNFINISHED = re.compile(
    r"\bstill\s+(?:rendering|processing|exporting|generating|being\s+(?:rendered|processed))\b"
    r"|\b(?:about|around|roughly|~)?\s*\d+\s*(?:min(?:ute)?s?|sec(?:ond)?s?)\s+(?:left|to\s+go|remaining)\b"
    r"|(?:还|還|仲|正)(?:在|喺)?(?:渲染|导出|導出|匯出|汇出|生成|合成|处理|處理)"
    r"|(?:渲染|导出|導出|匯出|生成|合成)(?:中|紧|緊)|(?:渲染|导出|導出|生成|合成)(?:还|還|仲)?(?:没|沒|未|冇)(?:有)?(?:完成|好|搞掂)"
    r"|\b(?:render|export)\w*\s+(?:hasn['’]t|has\s+not|isn['’]t|is\s+not)\s+(?:finished|done|complete)"
    # the video itself reported unfinished ("The video isn't ready yet", 影片尚未完成)
    r"|\b(?:video|clip|it)(?:['’]s|\s+is)?\s*(?:n['’]t|not)\s+(?:quite\s+)?(?:ready|done|finished)"
    r"\s+yet\b|(?:影片|视频|視頻|作品|片子)(?:还|還|仍)?(?:尚未|未|没|沒|冇)(?:有)?(?:完成|好|做好|生成)",
    re.IGNORECASE,
)
# "once it's done", 好咗之后: the work named by "it", finished
_IT_DONE = re.compile(
    r"\b(?:once|when|after|as\s+soon\s+as)\s+(?:it|that|this)(?:['’]s|\s+is|\s+has)\s+"
    r"(?:been\s+)?(?:done|finished|ready|complete[d]?|through)\b"
    r"|\b(?:once|when|after|as\s+soon\s+as)\s+(?:it|that|this)\s+(?:finishes|completes|ends"
    r"|wraps\s+up|gets\s+there|hits\s+100\s*%)"
    r"|(?:好了|好咗|完成了?|完成咗|搞掂|搞定)(?:之后|之後|以后|以後|后|後|再|先)",
    re.IGNORECASE,
)


def waits_on_work(sentence: str, before: str = "") -> bool:
    """Whether a step in `sentence` waits on a render or an export finishing, wherever the wait
    stands ("Hit Download once the render finishes", "Click Export after the render is done"), or
    on "it" finishing when the sentence `before` it reports the render unfinished
    ("The video is still rendering (about 2 min left). Once it's done, tap Download."): the
    step is for later, not run now."""
    if _AFTER_WORK.search(sentence):
        return True
    # the report in the sentence before only here; a report anywhere before the step, in the
    # same sentence too ("视频渲染中（约 1 分钟），完成后请点击下载"), is read by
    # `agent.translate.pending`
    return bool(_IT_DONE.search(sentence) and _UNFINISHED.search(before))


def for_later(sentence: str) -> bool:
    """Whether `sentence` opens as a step for later (see the module doc): it runs nothing now."""
    return _LATER.search(sentence) is not None


def after_work(before: str) -> bool:
    """Whether the words `before` a step wait on a render or an export finishing ("…; when the
    render hits 100%, hit", 渲染完成后再点击): the step is for later."""
    return _AFTER_WORK.search(before) is not None


def waits_on_unfinished(sentence: str, before: str = "") -> bool:
    """Whether the steps of `sentence` wait on work that the sentence or the one `before` it
    reports unfinished ("影片尚未完成，等進度條跑完後再到 My Projects 下載即可", "The video isn't
    ready yet. Once the progress bar fills up, find it in My Projects"): the fetch and the view
    of the finished file are both for later, nothing runs now."""
    return bool(
        _AFTER_BAR.search(sentence) and (_UNFINISHED.search(sentence) or _UNFINISHED.search(before))
    )
