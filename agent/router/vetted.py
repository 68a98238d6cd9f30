"""The export's last gate, read over the whole turn after every other stage: an export runs only
where nothing in the turn leaves it open (issue #10, round 31).

The earlier stages name the conditions that hold an export back, class by class
(`agent.router.unsettled`, `agent.router.deferral`, `agent.router.aftermath`); every new writer
found one more. This gate turns the default around for the commonest shapes:

- **A condition governs the export** ("if it's under 30 seconds, export it", "provided the logo
  is visible, render", "export only if it runs under a minute", 如果时长不到30秒就导出,
  只要logo看得清就出片, 要係夠短就出片): the export waits, the rest of the turn goes to the
  agent, *unless* the condition is one the system settles itself. Settled are: our own work
  being finished ("once that's done", "if you've fixed the typo", 改好了就导出), the account
  ("if I have enough credits": the export checks the balance), a courtesy ("if you can", "if
  that's ok", "if possible", 方便的话, 可以的话), a blanket all-clear naming nothing ("if
  everything looks fine", 没问题的话) and "if so" after a question about our work (the earlier
  stages read those). A time word ("once", "when", "as soon as", 等…) sets a sequence, not a
  condition, unless it measures the video ("once it's under 50 MB").
- **The export's object is a topic, not a file**: "I want to export my feelings about this cut",
  "let me download my thoughts on the intro", "rendering my verdict on it": a possessed thing
  followed by what it is about is never the video.
- **Another deliverable, a decision still to come, a later day's work**: "export the clip list
  to a spreadsheet", "export the audio only, as an mp3"; "Export? Hmm. Let me sleep on it.",
  导出？我再想想; "tomorrow I'll add the outro and export", 明天我再加片尾然后导出: no export now.
- **What the export cannot carry** (`agent.router.carried`): a change inside its clause goes to
  the agent first, another file than the video exports nothing, files fetched as input neither.
- **A fault named beside a bare export** ("export it, the ending is kinda abrupt tho", "render
  it - the music's too loud btw", 导出吧，不过字幕有错字): the fault is an edit asked; the agent
  sees it before the export (`sse` first), unless the user waves it off ("but whatever",
  "doesn't matter", 算了, 无所谓).

Pure regexes over the prepared text (lower case, apostrophes dropped, traditional characters
kept, 嘅 read as 的, 咗 as 了, 冇 as 没).
"""

from __future__ import annotations

import dataclasses
import re

from agent.router.carried import deliverable, fetched_input, uncarried_change
from agent.router.invariants import edit_before, without_export
from agent.router.route import Route

__all__ = ["vetted"]

_EXPORT_EN = r"(?:re-?)?(?:export|render|download|bounce|finali[sz]e)(?:s|ed|ing)?"
_SEND_EN = r"send\s+(?:it|(?:it\s+)?(?:over|to\s+me|me\s+the\s+(?:file|video|mp4)))"
_EXPORT_ZH = (
    r"(?:导出|導出|汇出|匯出|渲染|出片|下载|下載|输出|輸出|压制|出一版|出条片|出條片|export|render)"
)
_EXPORT = re.compile(rf"\b(?:{_EXPORT_EN}|{_SEND_EN})\b|{_EXPORT_ZH}")

# --- 1. a condition over the export ------------------------------------------------------
_IF_EN = re.compile(
    r"(?<!even\s)(?<!what\s)(?<!as\s)(?<!only\s)\b(?:only\s+if|if|as\s+long\s+as|so\s+long\s+as"
    r"|provided(?:\s+that)?|providing|assuming(?:\s+that)?|unless|on\s+condition\s+that)"
    r"\s+(?!so\b|yes\b|not\b|possible\b|necessary\b|needed\b|any\b|applicable\b)"
)
_WHEN_EN = re.compile(r"\b(?:once|when|whenever|as\s+soon\s+as)\s+(?!(?:you|u|ya|we|i)\b)")
# where a condition's words end: a clause mark or the main clause's "then"
_CONDITION_END = re.compile(r"[,;:.!?\n\u2014\u2013]|\s-\s|\bthen\b|\bjust\b|\bgo\s+ahead\b")
_CONTRAST = re.compile(
    r"\W*(?:but|otherwise|else|for\s+now|anyway|in\s+the\s+meantime|meanwhile)\b"
)
_MAIN_LEAD = re.compile(r"^[\s,;:]*(?:(?:then|just|go\s+ahead(?:\s+and)?|and|so)\s+)+")
_CLAUSE_END = re.compile(r"[,;.!?\n]|\bthen\b|\band\s+(?:also\s+)?(?:then\s+)?(?=[a-z]+\s)")
_SETTLED_EN = re.compile(
    # our work finished, or put there
    r"\b(?:done|finished|through|complete|completed|ready|fixed|sorted|applied|updated|changed"
    r"|added|removed|swapped|trimmed|replaced|adjusted|in\s+place|taken\s+care)\b"
    # the account: the export itself checks the balance
    r"|\b(?:credits?|points?|balance|budget|quota|afford|enough|sufficient|cover|covers|cost|costs"
    r"|price|plan)\b"
    # a courtesy, or leave to the agent's ability
    r"|^(?:you|u|ya)\s+(?:can|could|would|will|dont\s+mind|have\s+(?:the\s+)?time|get\s+a\s+(?:sec"
    r"|chance|moment)|are\s+able|want|like|wish|please|may)\b|^(?:its|thats|that\s+is|it\s+is)\s+"
    r"(?:ok|okay|alright|fine|cool|not\s+too\s+much|no\s+trouble|possible|easy)\b|^(?:i|we)\s+may\b"
    # the agent's own judgement left to it ("unless you think the colours are off"; "if you
    # think it's good" is held by `agent.router.aftermath`), a courtesy about the request ("if
    # that works"), our own process working ("if the render works out")
    r"|^(?:you|u|ya)\s+(?:think|feel|reckon|believe|see|find|spot|notice|object|say)\b"
    r"|^(?:that|this)\s+(?:works|is\s+(?:ok|okay|fine|possible))\b"
    r"|\b(?:render|renders|export|exports|download|upload)\b"
    # a blanket all-clear naming nothing
    r"|^(?:everything|everythings|all|it\s+all|nothing\s+else|theres\s+nothing|no\s+(?:issues?"
    r"|problems?|objections?)|all\s+is|all\s+good|all\s+ok)\b"
)
# a condition that measures the video (a time word sets one only so)
_MEASURED_EN = re.compile(
    r"\b(?:under|over|below|above|less|more|fewer|shorter|longer|smaller|bigger|larger|at\s+least"
    r"|at\s+most|exceeds?|within|short\s+enough|small\s+enough|long\s+enough)\b"
)
_IF_ZH = re.compile(
    r"如果|假如|假设|假設|要是|要系|要係|只要|除非|万一|萬一|若是|倘若|如若|若果|假使"
)
_TALE_ZH = re.compile(r"的话|的話")
_CONDITION_END_ZH = re.compile(r"就|便|[,，;；:：。!！?？\n]|的话|的話|再|先|那|咁")
_SETTLED_ZH = re.compile(
    r"完成|完了|好了|做好|改好|弄好|搞好|改完|弄完|做完|搞定|搞掂|处理好|處理好|加好|换好|換好|剪好"
    r"|积分|積分|余额|餘額|点数|點數|额度|額度|(?:够|夠)(?![短长長细細小大快慢亮暗清])|预算|預算"
    r"|^(?:你)?(?:可以|方便|有空|需要|有必要|得|能|行|愿意|願意)$"
    r"|^(?:都|全部|一切|全都|全部都|整体|整體)?(?:没问题|沒問題|没有问题|沒有問題|没什么问题|ok|OK"
    r"|可以|没事|沒事|冇问题|无问题|無問題)$"
)
_MEASURED_ZH = re.compile(
    r"不到|不超过|不超過|超过|超過|少于|少於|多于|多於|以内|以內|以下|以上|小于|小於|大于|大於|短过|长过|\d"
)
_WHEN_ZH = re.compile(r"(?:等到?|一旦|待)(?=[^,，。!！?？]{1,20}(?:就|便|再|的时候|的時候|后|後))")


def _governed_en(said: str) -> bool:
    for found in _IF_EN.finditer(said):
        start = found.end()
        stop = _CONDITION_END.search(said, start)
        end = stop.start() if stop is not None else len(said)
        condition = said[start:end].strip()
        if not condition or _SETTLED_EN.search(condition):
            continue
        before = said[: found.start()]
        # "export it if …": the export in the clause the condition closes
        opened = max(before.rfind(mark) for mark in (".", "!", "?", ";", "\n"))
        if _EXPORT.search(before[opened + 1 :]) and not re.search(
            r"\bthen\b", before[opened + 1 :]
        ):
            return True
        # "if …, export it": the export in the clause after the condition
        # the main clause's lead words ("go ahead and", "just", "then") open it, never end it
        after = _MAIN_LEAD.sub(" ", said[end:], count=1)
        if _CONTRAST.match(after):
            continue  # "if the client hates it we'll redo it, but for now export"
        close = _CLAUSE_END.search(after, 1)
        if _EXPORT.search(after[: close.start() if close is not None else len(after)]):
            return True
    for found in _WHEN_EN.finditer(said):
        stop = _CONDITION_END.search(said, found.end())
        end = stop.start() if stop is not None else len(said)
        condition = said[found.end() : end]
        if not _MEASURED_EN.search(condition) or _SETTLED_EN.search(condition):
            continue
        if _EXPORT.search(said[end : end + 40]) or _EXPORT.search(said[: found.start()][-40:]):
            return True
    return False


def _governed_zh(said: str) -> bool:
    marks = [*_IF_ZH.finditer(said), *_WHEN_ZH.finditer(said)]
    measured_only = {m.start() for m in _WHEN_ZH.finditer(said)}
    for found in marks:
        stop = _CONDITION_END_ZH.search(said, found.end())
        end = stop.start() if stop is not None else len(said)
        condition = said[found.end() : end].strip()
        if not condition or _SETTLED_ZH.search(condition):
            continue
        if found.start() in measured_only and not _MEASURED_ZH.search(condition):
            continue
        after = said[end:]
        close = re.search(r"[。!！?？;；\n]|然后|然後|之后|之後", after[1:])
        if _EXPORT.search(after[: close.start() + 1 if close is not None else len(after)]):
            return True
    # "时长够短的话就导出": the bare "…的话" form, its condition the clause before it
    for found in _TALE_ZH.finditer(said):
        opened = max(said.rfind(mark, 0, found.start()) for mark in "，,。!！?？;；\n")
        condition = said[opened + 1 : found.start()]
        if _IF_ZH.search(condition) or not condition.strip() or _SETTLED_ZH.search(condition):
            continue
        after = said[found.end() :]
        close = re.search(r"[。!！?？;；\n]", after)
        if _EXPORT.search(after[: close.start() if close is not None else len(after)]):
            return True
    return False


# --- 2. a topic exported -------------------------------------------------------------------
_TOPIC = re.compile(
    rf"\b{_EXPORT_EN}\s+(?:out\s+)?(?:my|our|his|her|their|your|some\s+of\s+my|all\s+my)\s+"
    r"(?!(?:video|vid|clip|cut|edit|project|film|movie|reel|final|version|file|mp4|vlog|story"
    r"|montage|slideshow|trailer|ad|promo|short|footage|recording|work|draft|piece|creation"
    r"|masterpiece|baby|thing|stuff|content|highlights?|episode|intro|outro)s?\b)"
    r"[a-z]+(?:\s+[a-z]+)?\s+(?:about|on|regarding|re|of|towards?|for\s+the\s+(?:edit|cut|video))\b"
)

# Another deliverable than the video: a list to a spreadsheet, the audio or the subtitles alone
# ("export the clip list to a spreadsheet", "export the audio only, as an mp3")
_OTHER_FILE = re.compile(
    rf"\b{_EXPORT_EN}\b[^.;!?]{{0,40}}?\bto\s+(?:a\s+|an\s+|my\s+)?(?:spreadsheet|csv|excel"
    r"|sheets?|google\s+sheets?|pdf|doc|document|text\s+file|txt|json|notion)\b"
    rf"|\b{_EXPORT_EN}\s+(?:out\s+)?(?:just\s+)?(?:the\s+)?(?:audio|sound|soundtrack|music|voiceover"
    r"|subtitles?|captions?|srt|transcript|script|thumbnail|screenshot|still)"
    r"(?:\s+(?:only|track|file|alone)|\s*,?\s+as\s+(?:an?\s+)?(?:mp3|wav|aac|m4a|srt|vtt|txt|png|jpe?g))\b"
)
# The user still deciding ("Export? Hmm. Let me sleep on it.", 导出？我再想想)
_DECIDING = re.compile(
    r"\b(?:let\s+me|lemme|ill|i\s+will|i\s+need\s+to|gotta)\s+(?:sleep\s+on\s+it|think\s+(?:about"
    r"\s+it|it\s+over|on\s+it)|mull\s+it\s+over|decide\s+later)\b|\bsleep\s+on\s+it\b"
    r"|我再想想|让我想想|讓我想想|考虑一下|考慮一下|等我諗下|等我谂下|我再諗下|我再谂下"
)
# A later day's own work with the export ("tomorrow I'll add the outro and export")
_LATER_DAY = re.compile(
    r"\b(?:tomorrow|tmr|tmrw|tonight|later\s+(?:today|on)|next\s+week|on\s+(?:mon|tues|wednes|thurs"
    r"|fri|satur|sun)day)\b[^.;!?]{0,12}?\b(?:ill|i\s+will|well|we\s+will|i\s+can|we\s+can|i\s+might)\b"
    rf"[^.;!?]{{0,50}}?\b{_EXPORT_EN}\b"
    rf"|(?:明天|听日|聽日|今晚|下周|下週|改天)[^,，。;；!！?？]{{0,12}}?(?:我|我们|我們)?(?:再)?"
    rf"[^,，。;；!！?？]{{0,16}}?{_EXPORT_ZH}"
)

# --- 3. a fault beside a bare export ---------------------------------------------------------
_FAULT_EN = re.compile(
    r"\b(?:too\s+(?:loud|quiet|soft|long|short|dark|bright|fast|slow|big|small|busy|washed|blurry"
    r"|abrupt|sudden|harsh|saturated)|(?:kinda|kind\s+of|a\s+bit|a\s+little|bit|slightly|super"
    r"|really|way|pretty|quite|still)\s+(?:abrupt|off|loud|quiet|dark|blurry|choppy|laggy|long"
    r"|slow|fast|sudden|harsh|muddy|grainy|shaky|crooked|low)|misspel+ed|(?:a\s+)?typos?"
    r"|out\s+of\s+sync|cut\s+off|drags|glitch\w*|clipping|off\s+beat|is\s+wrong|are\s+wrong)\b"
)
_FAULT_ZH = re.compile(
    r"太(?:大声|大聲|小声|小聲|长|長|短|暗|亮|快|慢|吵|模糊|突然)|有(?:点|點|些)(?:暗|吵|长|長|快|慢|模糊|突兀|怪)"
    r"|错别字|錯別字|错字|錯字|不同步|唔同步|对不上|對不上|卡顿|卡頓|拖沓"
)
_WAVED = re.compile(
    r"\b(?:whatever|doesnt\s+matter|does\s+not\s+matter|dont\s+care|never\s+mind|nvm|no\s+biggie"
    r"|leave\s+it|its\s+fine|it\s+is\s+fine|thats\s+fine|ignore|as\s+is|anyway|anyways|dont\s+fix"
    r"|no\s+need\s+to|not\s+a\s+big\s+deal|good\s+enough|live\s+with)\b"
    r"|算了|无所谓|無所謂|唔紧要|唔緊要|没关系|沒關係|不用管|不用改|不管了|就这样|就這樣"
)


def _fault_beside(said: str) -> bool:
    fault = _FAULT_EN.search(said) or _FAULT_ZH.search(said)
    # a fault inside a condition is no fault named ("export it unless the intro is too long")
    conditional = _IF_EN.search(said) or _IF_ZH.search(said)
    return fault is not None and _WAVED.search(said) is None and conditional is None


def vetted(routed: Route, said: str) -> Route:
    """The plan with an export the turn leaves open taken out, or its named fault put first (see
    the module docstring): `said` is the prepared text of the user's own words."""
    if "export" not in routed.actions:
        return routed
    if (
        _governed_en(said)
        or _governed_zh(said)
        or _TOPIC.search(said)
        or _OTHER_FILE.search(said)
        or _DECIDING.search(said)
        or _LATER_DAY.search(said)
        or fetched_input(said)
        or deliverable(said) == "only"
    ):
        # "if it's under 30 secs export, otherwise trim it first" waits too (round 34): the
        # agent looks and either way the user says "export" again; writers split on it, the
        # safe side won
        held = without_export(routed)
        if "sse" in held.actions or set(held.actions) & {"state", "credits"}:
            return held
        return dataclasses.replace(held, actions=(*held.actions, "sse"))
    if _fault_beside(said) or uncarried_change(said) or deliverable(said) == "also":
        return edit_before(routed)
    return routed
