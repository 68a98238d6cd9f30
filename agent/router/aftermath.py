"""Export words that ask no export now (issue #10, round 30), read over the whole turn after
every other stage, so no stage's export survives them:

- A progress question about a render under way: "when will the render be done?", 幾時render完？,
  几时导出好？, 條片幾時出到？, "how long until the export finishes?": the state's answer
  (`state`), never a new export.
- A problem reported after a past export: "after I exported, the audio was gone",
  导出之后字幕不见了, 出咗片之後個聲冇咗, 匯出後畫面變黑了: the agent looks into it (`sse`).
- An export hung on the agent's own opinion, with or without a question mark: "if you think it's
  good enough, go ahead and render", "if you reckon it's fine, export", 你覺得OK嘅話就出片啦,
  你觉得可以的话就导出吧: the agent gives its view first (`sse`); the user says "export" again.
- An earlier version asked for: "export the version from before I changed the music",
  把改音乐之前那版导出来, "render the old version": restoring it is an edit (`sse`, then the
  export).

Pure regexes over the prepared text (lower case, apostrophes dropped, 咗 read as 了, 冇 as 没,
嘅 as 的, traditional characters kept).
"""

from __future__ import annotations

import dataclasses
import re

from agent.router.invariants import edit_before, without_export
from agent.router.route import Route

__all__ = ["after_the_fact"]

_EXPORT_EN = r"(?:re-?)?(?:export|render|download|bounce)(?:s|ed|ing)?"
_EXPORT_ZH = r"(?:导出|導出|汇出|匯出|输出|輸出|渲染|出片|下载|下載|render|export)"

# 1. a progress question: when / how long, an export word, and its being done
_PROGRESS_EN = re.compile(
    rf"\b(?:when\s+(?:will|is|does|should|would|can|do)|how\s+long|how\s+much\s+longer"
    rf"|what\s+time|eta)\b[^.;!]{{0,40}}?"
    rf"\b{_EXPORT_EN}\b[^.;!]{{0,30}}?\b(?:be\s+)?(?:done|ready|finished|finish|finishes|complete"
    r"|completed|over|through|out)\b"
    rf"|\b(?:is|are)\s+(?:the|my|it|that)\s*(?:\w+\s+)?{_EXPORT_EN}\s+(?:done|ready|finished"
    r"|complete)\s+yet\b"
    rf"|\beta\b[^.;!]{{0,20}}?\b{_EXPORT_EN}\b"
)
_WHEN_ZH = (
    r"(?:几时|幾時|几点|幾點|什么时候|甚麼時候|什麼時候|幾耐|几耐|多久|多长时间|多長時間|要几|要幾)"
)
_DONE_ZH = r"(?:完|好|到|出来|出來|搞掂|搞定|得|完成|结束|結束)"
_PROGRESS_ZH = re.compile(
    rf"{_WHEN_ZH}[^,，.。;；!！]{{0,6}}?(?:{_EXPORT_ZH}|出)[^,，.。;；!！]{{0,4}}?{_DONE_ZH}"
    rf"|{_EXPORT_ZH}[^,，.。;；!！]{{0,6}}?{_WHEN_ZH}[^,，.。;；!！]{{0,4}}?{_DONE_ZH}"
    # how far it has got: 渲染到百分之几了, 导出到多少%, 出片进度去到边
    rf"|{_EXPORT_ZH}(?:到|去到|咗)(?:百分之)?(?:几|幾|多少|边|邊)"
    rf"|{_EXPORT_ZH}(?:的)?(?:进度|進度)(?:到|去到)?(?:哪|边|邊|几|幾|多少|怎|点|點)"
)

# 2. a past export, then a problem
_PAST_EN = re.compile(
    r"\b(?:after|since|when|once)\s+(?:i|we|you|it)\s+(?:\w+\s+)?(?:exported|rendered|downloaded)\b"
    r"|\b(?:i|we|you)\s+(?:just\s+|already\s+)?(?:exported|rendered|downloaded)\b"
    r"|\b(?:the|my|last|that)\s+(?:exported|rendered|downloaded)\s+(?:file|video|version|cut|mp4)\b"
    r"|\b(?:the|my|last|that)\s+(?:export|render|download)\s+(?:came\s+out|is|was|has|had|looks"
    r"|sounds)\b"
)
_PAST_ZH = re.compile(
    rf"{_EXPORT_ZH}(?:了|完|好|出来|出來)?[^,，.。;；!！]{{0,3}}?(?:之后|之後|以后|以後|后|後|嗰陣|的时候|的時候)"
    rf"|{_EXPORT_ZH}[^,，.。;；!！]{{0,3}}?(?:出来|出來)的|(?:出|导|導|匯|汇)了(?:片|出)"
    rf"|(?:上次|之前|头先|頭先|啱啱|刚才|刚刚|剛剛)[^,，.。;；!！]{{0,3}}?{_EXPORT_ZH}"
)
_PROBLEM = re.compile(
    r"\b(?:gone|missing|disappeared|vanished|lost|broken|broke|wrong|blank|black|silent|muted"
    r"|corrupt(?:ed)?|glitch(?:y|ed|es)?|messed|out\s+of\s+sync|no\s+(?:sound|audio|subtitles"
    r"|captions|music)|doesnt\s+(?:play|work|open)|wont\s+(?:play|open)|cut\s+off|washed\s+out"
    r"|blurry|pixelated|choppy|laggy|stutter\w*|issue|problem|bug|dark|grainy|distorted|stretched"
    r"|squished|low\s+quality)\b"
    r"|没了|没有了|不见|不見|消失|冇晒|没晒|唔见|唔見|变黑|變黑|黑屏|没声|沒聲|无声|無聲|错位|錯位"
    r"|不同步|花屏|卡顿|卡頓|模糊|坏了|壞了|出错|出錯|有问题|有問題|怪怪|唔啱|不对|不對|掉了|少了"
    r"|[好太很超](?:暗|糊|卡)|变暗|變暗|变形|變形|失真|走样|走樣|难看|難看|難睇"
)

# 3. the agent's opinion as the condition
_YOUR_CALL = re.compile(
    r"\b(?:if|as\s+long\s+as|provided|assuming|when)\s+(?:youre|ur)\s+(?:happy|ok|okay|satisfied"
    r"|fine|good|cool)\b"
    r"|\b(?:if|as\s+long\s+as|provided|assuming|when|whenever|once|as\s+soon\s+as)\s+(?:you|u|ya)"
    r"\s+(?:think|reckon|feel|believe"
    r"|find|consider|are\s+(?:happy|ok|okay|satisfied|fine)|re\s+(?:happy|ok|okay|satisfied"
    r"|fine)|say\s+so|like\s+it|approve)\b"
    r"|\bif\s+(?:it|its|this|thats|that|the\s+\w+)\s+(?:\w+\s+){0,3}?(?:to\s+you|in\s+your\s+(?:view"
    r"|opinion|eyes)|by\s+you|on\s+your\s+(?:side|end))\b"
    r"|\b(?:up\s+to\s+you|your\s+call)\b"
    r"|(?:如果|要是|假如|若果?|要系|要係)?(?:你们?|妳|您)(?:觉得|覺得|认为|認為|睇|看)[^,，.。;；!！?？]{0,12}?"
    r"(?:的话|的話|就|便|咪|再)"
)

# 4. an earlier version
_EARLIER_EN = re.compile(
    r"\b(?:version|cut|edit|copy|one|draft)\s+(?:from\s+)?before\s+(?:i|we|you|the|my|our"
    r"|adding|changing|swapping|the\s+\w+)\b"
    r"|\b(?:yesterdays|last\s+weeks|this\s+mornings|mondays|fridays)\s+(?:version|cut|edit|draft)\b"
    r"|\b(?:the\s+)?(?:old|older|previous|earlier|original|last|prior|first)\s+(?:version|cut"
    r"|edit|draft)\b"
    r"|\b(?:version|cut|draft)\s+(?:from|of)\s+(?:yesterday|earlier|before|last\s+\w+)\b"
)
_EARLIER_ZH = re.compile(
    r"(?:之前|以前|原来|原來|旧|舊|上一|上个|上個|前一)[^,，.。;；!！]{0,3}?(?:那|嗰|呢|个|個)?"
    r"(?:版|个版本|個版本|版本)"
)
# a new export asked after the problem ("…had no music, add some and render again",
# 唔見咗，可唔可以再俾我一次, 今次幫我配返首歌再出): the export is asked again, not reported
_ANEW = re.compile(
    r"\b(?:again|re-?(?:export|render|download|send)\w*|one\s+more|another|this\s+time|resend"
    r"|send\s+(?:it|me)|new\s+(?:one|copy|version)|(?:i|we)\s+(?:need|want)|can\s+(?:i|we)"
    r"\s+(?:get|have))\b"
    r"|再|重新|今次|这次|這次|多一|又|我要|我想要|我需要|俾我|给我|發我|发我"
)
_AGAIN = re.compile(rf"\b{_EXPORT_EN}\b|{_EXPORT_ZH}|出")
_NOT_NOW = re.compile(r"\b(?:dont|do\s+not|never|not)\b|不要|别|別|唔好|不用")


def _progress(said: str) -> bool:
    return bool(_PROGRESS_EN.search(said) or _PROGRESS_ZH.search(said))


def _complaint(said: str) -> bool:
    past = _PAST_EN.search(said) or _PAST_ZH.search(said)
    problem = _PROBLEM.search(said, past.start()) if past is not None else None
    if problem is None:
        return False
    # an export word after the problem asks for the file anew ("…export this one")
    return not (_ANEW.search(said, problem.end()) or _AGAIN.search(said, problem.end()))


def after_the_fact(routed: Route, said: str) -> Route:
    """The plan with an export the turn never asks for now taken out (module docstring):
    `state` for a progress question, `sse` for a problem after a past export or an export on
    the agent's opinion, and `sse` before the export of an earlier version."""
    if _progress(said) and ("export" in routed.actions or routed.actions == ("sse",)):
        return dataclasses.replace(without_export(routed), actions=("state",))
    if "export" not in routed.actions:
        return routed
    if _complaint(said) or _YOUR_CALL.search(said):
        return without_export(routed)
    earlier = _EARLIER_EN.search(said) or _EARLIER_ZH.search(said)
    if earlier and not _NOT_NOW.search(said):
        return edit_before(routed)
    return routed
