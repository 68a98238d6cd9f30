"""A deferral that points back: a clause names something still awaited (an arrival, someone's
reply, a day ahead), and the export is tied to it by a word pointing back ("VO arrives monday
so render after that", "the client replies friday, then render", "配音听日先到，搞掂嗰样先出片",
"客户明天回复，之后再导出"). The export waits for what the earlier clause awaits.

Without an awaited clause the same words only order our own work ("fix the typo, export after
this", "字幕改大啲，搞掂嗰样先出片"): an edit, then the export.

A time ahead named for the export itself, with the word that puts it after now ("今晚先改好配乐，
明早再匯出", "聽日先出片", "星期一再导出", "下昼才render"): the export waits for that time, the
edit for now goes on (`set_for_later`). A sequence word ("改好之后再导出") is no time: it orders
our work.

The same from the allow side, over the read clauses (`waits_on_step`): an export ordered after
a first step runs only when that step is an edit the turn asks for.

Pure regexes over the keyword stage's normalised text (lower case, Simplified, ASCII
punctuation, apostrophes dropped).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from agent.router.clauses import Segment
from agent.router.reading import Clause

__all__ = ["points_back", "set_for_later", "waits_on_step"]

_EXPORT_EN = r"(?:export|render|download|send\s+(?:me\s+)?the\s+(?:mp4|file|video))\w*"
_EXPORT_ZH = r"(?:导出|汇出|下载|渲染|出片|输出)"
_AHEAD_EN = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tmrw|tonight"
    r"|later|next\s+\w+|this\s+(?:afternoon|evening|weekend)|end\s+of\s+(?:the\s+)?(?:day|week)"
    r"|eod|eow|in\s+(?:a|an|\d+)\s+\w+|on\s+the\s+\d+\w*)"
)
# something that is not our work, still to come: an arrival or a reply, on a day ahead
_COMING_EN = (
    r"(?:arrives?|comes?\s+(?:in|through|back)|lands?|gets?\s+here"
    # "the VO is due monday"; "the video is due friday" is a deadline for us, not a wait
    r"|(?<!\bit\s)(?<!\bits\s)(?<!video\s)(?<!\bcut\s)(?<!\bedit\s)(?<!\bis\s)(?<!\bare\s)(?:is\s+|are\s+)?due"
    r"|replies|responds|gets?\s+back|approves|signs?\s+off|decides|confirms|delivers"
    r"|(?:is|are)\s+(?:coming|arriving|landing)|sends?\s+(?:it|them|the\s+\w+)(?:\s+over)?)"
)
_AWAITED_EN = re.compile(
    rf"\b{_COMING_EN}\b[^,.;!?]{{0,30}}?\b{_AHEAD_EN}\b"
    rf"|\b{_AHEAD_EN}\b[^,.;!?]{{0,30}}?\b{_COMING_EN}\b"
    r"|\b(?:will|ll|is\s+going\s+to|are\s+going\s+to|gonna)\s+(?:\w+\s+)?(?:arrive|come\s+in"
    r"|land|get\s+here|reply|respond|get\s+back|approve|sign\s+off|decide|confirm)\b"
)
# the export tied back to it: "render after that", "export once that's in", "then render"
_BACK_EN = re.compile(
    rf"\b{_EXPORT_EN}\b(?:\s+\w+){{0,3}}?\s+(?:after|once|when)\s+(?:that|thats|this|then"
    r"|those|them|it|its)\b"
    rf"|\b(?:then|after\s+that|afterwards|after\s+which|at\s+that\s+point)\s+(?:\w+\s+){{0,3}}?"
    rf"{_EXPORT_EN}\b"
)
_AHEAD_ZH = (
    r"(?:明天|明日|听日|下个?周|下个?星期|下个?礼拜|下个?月|后天|后日|改天|晚点|晚些|迟点|迟些"
    r"|周末|过几天|过两天|稍后|今晚|今天晚上|下午|下昼|星期[一二三四五六日天]|周[一二三四五六日])"
)
_COMING_ZH = r"(?:到|来|发过来|发来|寄来|送来|交|回复|答复|确认|批|同意|拍板|出来|给)"
_AWAITED_ZH = re.compile(
    rf"(?<!你){_AHEAD_ZH}[^,.;!?你]{{0,6}}?{_COMING_ZH}|才(?:会|能)?{_COMING_ZH}"
)
_BACK_ZH = re.compile(
    rf"(?:之后|以后|然后|到时候?|届时|那时候?|那阵|那时先)[^,.;!?]{{0,4}}?{_EXPORT_ZH}"
    rf"|(?:做好|弄好|搞好|搞定|做完|弄完)(?:那样|那个|这个|这样|之后|以后)(?:先|再|才|就)"
    rf"[^,.;!?]{{0,2}}?{_EXPORT_ZH}"
)


# a time ahead, not a sequence word ("之后", "以后" order our own work); "今晚先导出" may be now
_LATER_ZH = (
    r"(?:明天|明日|明早|明朝|明晚|明夜|听日|听朝|听早|听晚|后天|后日|改天|过几天|过两天|下午|下昼"
    r"|晏昼|晚点|晚些|晚啲|迟点|迟些|迟啲|稍后|回头|等阵|过阵|周末|下个?(?:周|星期|礼拜|月)"
    r"|(?:星期|礼拜|周)[一二三四五六日天])[^,.;!?]{0,3}?(?:再|才|先)"
    r"|(?:今晚|今夜|今天晚上|晚上|夜晚)[^,.;!?]{0,3}?(?:再|才)"
)
_SET_FOR_LATER_ZH = re.compile(
    rf"(?:{_LATER_ZH})\s*(?:帮我|给我|同我|一起)?\s*(?:{_EXPORT_ZH}|export|render|download)"
)


def set_for_later(text: str) -> bool:
    """Whether the turn sets its export for a time ahead (see the module docstring)."""
    return _SET_FOR_LATER_ZH.search(text) is not None


def points_back(text: str) -> bool:
    """Whether the turn ties its export back to something a clause before it still awaits
    (see the module docstring)."""
    for awaited, back in ((_AWAITED_EN, _BACK_EN), (_AWAITED_ZH, _BACK_ZH)):
        found = awaited.search(text)
        if found is not None and back.search(text, found.end()):
            return True
    return False


# the step ordered first: "client review first", "先客户审核", "客户审核先"
_FIRST = re.compile(r"\bfirst\b|^\s*先|先\s*$")
# a step named, not "ok first" or "先这样": a noun past the courtesy and the order words
_STEP = re.compile(
    r"\b(?!(?:ok|okay|then|and|so|well|alright|first|just|this|that|it)\b)[a-z]{3,}"
    r"|(?!这样|那样|这个|咁样|噉样)(?:(?![先再])[\u4e00-\u9fff]){2}"
)
# an imperative with its object ("chop the intro first"): our edit, whatever the verb
_VERB_OBJECT = re.compile(
    r"^\s*(?:(?:pls|please|plz|just|ok|okay|so|and|also)\s+)*[a-z]+\s+(?:(?:up|out|off|down|in)\s+)?"
    r"(?:the|my|our|a|an|this|that|these|those|all|some|it|them|every|each)\b"
)


def waits_on_step(segments: Sequence[Segment], clauses: Sequence[Clause]) -> bool:
    """Whether an export follows a step ordered first that asks nothing of us ("client review
    first, then render", "legal approval first, then export", "客户审核先，然后再导出"): a
    noun phrase with no edit verb is someone else's step, and the export waits for it. An edit
    the turn asks for first ("trim the intro first, then render", "chop the end first") is our
    step: it runs.

    A waiting export clause loses its "runs now": its "meanwhile" ("then render — meanwhile tone
    down the grain") is the time of the other request, not the export's."""
    waits = False
    for (segment, step), (_, clause) in pairwise(zip(segments, clauses, strict=False)):
        if "export" not in clause.actions or step.firm or step.strong:
            continue
        text = f"{segment.lead} {segment.text}".strip()
        named = (step.soft and step.actions == ["sse"]) or (not step.actions and _STEP.search(text))
        if named and _FIRST.search(text) and not _VERB_OBJECT.match(text):
            clause.now = False
            waits = True
    return waits
