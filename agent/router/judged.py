"""A change named before the export, as an opinion, a wish reported or an edit to do first
(issue #10): "i think it needs more bass, export", "feels like it needs a warmer grade, render",
"the client wants a new intro, so download it now", 我觉得音乐再大声点好，导出吧,
覺得字幕細咗啲，出片啦, "I want download the video but first change the music to more happy",
我想下载但是先把字变大.

The user names what should change and then asks for the file: the change is an edit (`sse`) run
before the export; an export alone would render the video unchanged (credits spent on a version
the user already said is wrong). An extra `sse` costs one agent turn.

The class boundary:

- `change_before_export`: before the turn's last export word, a clause that names a change:
  a need or a comparison ("needs more bass", "could be shorter", "the music is too quiet",
  "not loud enough", 再大声点, 太长, 细了点, 不够亮), a judgement of a part given as an opinion
  ("i feel the colours are a bit dull", 我觉得片头有点拖), or a change someone wants ("the client
  wants a new intro", 老板想换个字体). Approval ("i think its perfect", 我觉得很好) and a change
  declined ("no more changes", 不用改了) name none.
- `export_after_first`: the user's own export wish, then an edit to do first ("i want export but
  first make the title red", 我想导出，但是先把字变大): the edit, then the export. With a
  negation, a hold or a question anywhere it stays as the stages planned; with a step of the
  user's own or a question first ("but first let me check the timeline", "but first, how many
  credits do I have?", 我想导出，但我先看看) the export waits (`own_step_first`).

Pure regexes over the prepared text (lower case, apostrophes dropped, mostly Simplified).
"""

from __future__ import annotations

import re
from dataclasses import replace

from agent.router.invariants import without_export
from agent.router.route import Route

__all__ = ["change_before_export", "changed_first", "export_after_first", "own_step_first"]

_EXPORT = re.compile(
    r"(?<![a-z])(?:re-?)?(?:export|render|download)[a-z]*|[导導]出|[汇匯]出|渲染|出片|下[载載]"
)
_BREAK = re.compile(
    r"[,.;:!?\n，。；：！？~]|\s[-—–]+\s|—|(?<![a-z])(?:so|and|then|but|now)(?![a-z])"
    r"|然后|然後|所以|那就|就"
)
_NO_CHANGE = re.compile(
    r"(?<![a-z])(?:nothing|no\s+(?:more\s+|other\s+|further\s+)?(?:changes?|edits?|tweaks?)"
    r"|dont\s+need|doesnt\s+need|no\s+need|not\s+too|isnt\s+too|good\s+enough|long\s+enough"
    r"|(?:ready|done)\s+(?:to|for))(?![a-z])"
    r"|不用|不需|没什么|没有什么|没有要|无需|唔使|不必|没问题|冇问题|没毛病|不要|别|別"
)
# a change declined ("not add more effects", "dont make it longer"); "not loud enough" names one
_DECLINED = re.compile(r"(?<![a-z])(?:not|dont|never|without|stop|instead\s+of)(?![a-z])")
_LACK = re.compile(r"(?<![a-z])not\s+(?:[a-z]+\s+)?enough(?![a-z])")
_COMPARATIVE = (
    r"(?:bigger|smaller|louder|quieter|softer|warmer|cooler|brighter|darker|shorter|longer|faster"
    r"|slower|punchier|bolder|higher|lower|thicker|thinner|wider|tighter|cleaner|smoother|happier"
    r"|sharper|clearer|calmer|livelier|snappier|richer|deeper|lighter|heavier|stronger|subtler)"
)
# a change named however the judgement is put: a need, a comparison, an excess, a lack
_CHANGE_EN = re.compile(
    r"(?<![a-z])(?:"
    r"needs?\s+(?:to\s+be\s+|a\s+bit\s+|a\s+little\s+|some\s+|an?\s+)?(?:more|less|fewer|extra"
    rf"|another|new|different|work|fixing|changes?|tweaks?|tweaking|adjust[a-z]*|{_COMPARATIVE})"
    r"|needs\s+(?:a|an|some)\s+(?!final|copy|file|link|export|render|download)[a-z]{3,}"
    r"|could\s+(?:use|do\s+with|be|go|have)|should\s+(?:be|have|go)|would\s+be\s+better"
    r"|(?<!no\s)(?<!any\s)(?:more|less|fewer)\s+(?!or\b|than\b)[a-z]{3,}"
    r"|too\s+[a-z]{3,}|not\s+(?:[a-z]+\s+)?enough|lacks?|lacking|missing"
    rf"|{_COMPARATIVE}"
    r")(?![a-z])"
)
# an opinion given ("i think", "feels like", "to me") …
_OPINION_EN = re.compile(
    r"(?<![a-z])(?:i\s+(?:think|feel|guess|reckon|believe|suppose)|imo|imho|in\s+my\s+(?:opinion"
    r"|view)|personally|feels?\s+like|seems?|sounds\s+like|looks\s+like|to\s+me|tbh|honestly"
    r"|kinda|kind\s+of|a\s+bit|a\s+little|a\s+tad|slightly|somewhat|rather)(?![a-z])"
)
# … of a part of the video, said to be wrong
_FAULT_EN = re.compile(
    r"(?<![a-z])(?:dull|flat|boring|muddy|harsh|quiet|loud|dark|bright|washed\s+out|off|choppy"
    r"|jarring|awkward|weak|messy|cluttered|blurry|grainy|small|tiny|huge|big|long|short|slow"
    r"|fast|abrupt|cold|cheesy|bland|busy|noisy|faint|thin|low|high|hard\s+to\s+(?:read|hear|see)"
    r"|draggy|drags|rushed)(?![a-z])"
)
# a change someone wants ("the client wants a new intro", "my boss asked for more music")
_WANTED_EN = re.compile(
    r"(?<![a-z])(?:wants?|wanted|would\s+like|asked\s+for|asks\s+for|requested|prefers?|prefer"
    r"red)\s+(?:(?:a|an|the|some|it|its|this|that|[a-z]+s)\s+)?(?:[a-z]+\s+)?"
    r"(?:new|different|another|more|less|fewer|extra|changes?|edits?|tweaks?|redo|remake"
    rf"|{_COMPARATIVE}|to\s+(?:change|add|remove|cut|trim|swap|replace|fix|make|move|shorten"
    r"|redo|drop|lose|switch))(?![a-z])"
)
_CHANGE_ZH = re.compile(
    r"再[^,.!?]{0,6}?(?:一?点|一些|些|啲)|太[^,.!?\s了的]|有点[^,.!?好]|有啲|有些|不够|唔够|不太"
    r"|(?:大|小|细|长|短|快|慢|亮|暗|响|轻|高|低|多|少|暖|冷|清楚|明显|大声|小声)了?(?:一)?(?:点|些|啲)"
    r"|了点|咗啲|应该|要(?:更|再)|可以再|还可以|需要|偏(?:大|小|暗|亮|长|短|快|慢|高|低|冷|暖)"
    r"|[换換改加删刪调調剪](?![了得过過好完])|去掉|拖"
)
# a change named plainly, no opinion word needed (字幕颜色太淡了, 音乐不够响, 片头长了点):
# an excess of a quality an edit changes, not praise (太绝了, 太好了)
_TOO_ZH = (
    r"(?:大|小|细|長|长|短|快|慢|亮|暗|响|響|吵|嘈|轻|淡|浓|暖|冷|多|少|拖|乱|花|挤|密|空|模糊|糊|黑|白"
    r"|高|低|夸张|突兀|单调|平淡|安静|小声|大声|久|硬|假|闷|悶|刺眼|刺耳|朴素|素|土)"
)
_PLAIN_ZH = re.compile(
    rf"太{_TOO_ZH}|(?<![够夠])(?:不够|唔够)(?!时间|钱|积分|点数|额度)"
    r"|偏(?:大|小|暗|亮|长|短|快|慢|高|低|冷|暖)"
    r"|(?:大|小|细|长|短|快|慢|亮|暗|响|轻|淡|浓|吵)了(?:一)?(?:点|些|啲)"
)
_OPINION_ZH = re.compile(r"觉得|覺得|感觉|感覺|认为|認為|觉|好像|似乎|我看|个人|個人|老实说|说实话")
_WANTED_ZH = re.compile(
    r"(?:客户|客戶|老板|老闆|甲方|领导|領導|他们|他們|她们|他|她|我们|我們|大家|老细|老細)"
    r"(?:想要|想|要|希望|说要|說要|话要|話要)[^,.!?]{0,8}?"
    r"(?:新|换|換|改|加|更|再|多|少|大|小|不同|别的|別的|另)"
)


def _names_change(clause: str) -> bool:
    """A clause names something to change (module docstring)."""
    if _NO_CHANGE.search(clause) or (_DECLINED.search(clause) and not _LACK.search(clause)):
        return False
    if _CHANGE_EN.search(clause) or _WANTED_EN.search(clause) or _WANTED_ZH.search(clause):
        return True
    if _OPINION_EN.search(clause) and _FAULT_EN.search(clause):
        return True
    if _PLAIN_ZH.search(clause):
        return True
    return _OPINION_ZH.search(clause) is not None and _CHANGE_ZH.search(clause) is not None


def change_before_export(text: str) -> bool:
    """Whether the prepared turn `text` names a change in a clause before its last export word."""
    words = list(_EXPORT.finditer(text))
    if not words:
        return False
    before = text[: words[-1].start()]
    return any(_names_change(clause) for clause in _BREAK.split(before) if clause.strip())


_WISH = re.compile(
    r"^\W*(?:(?:ok|okay|so|hi|hey|hello|um|well)\W+)*(?:i|we)\s+(?:really\s+|just\s+)?"
    r"(?:want|wanna|need|would\s+like|d\s+like|like)\s+(?:to\s+)?(?:export|download|render|get)\b"
    r"|^\W*我们?(?:想|要|想要|需要)(?:导出|下载|渲染|出片|汇出)"
)
_FIRST = re.compile(
    r"(?<![a-z])(?:first|before(?:\s+(?:that|this|it|you\s+do))?|beforehand)\s+(?:(?:can|could)\s+"
    r"(?:you|u)\s+|please\s+|pls\s+)?"
    r"(?!(?:let|lemme|i|im|we|tell|show|check|wait|see|ask|confirm|look|how|what|is|are|does|do"
    r"|give|send)(?![a-z]))[a-z]{3,}"
    r"|(?:你)?先(?:帮我|帮|给我|請|请)?(?:把|将|换|改|加|调|删|剪|去掉|弄|做|整|放|变|拉|缩|插|修)"
)
_HELD = re.compile(
    r"(?<![a-z])(?:no|not|dont|never|later|tomorrow|tonight|wait|hold|after|once|until|when|if"
    r"|whether)(?![a-z])|[不别別唔未冇没勿]|以后|之后|明天|等|如果|要是|[?？]|[吗嗎么麼]"
)


def export_after_first(text: str) -> bool:
    """Whether the prepared turn `text` wishes the export, then asks an edit done first."""
    wish = _WISH.search(text)
    if wish is None or _HELD.search(text):
        return False
    return _FIRST.search(text, wish.end()) is not None


def changed_first(routed: Route, text: str) -> Route:
    """The plan with the change named first run as an edit before its export ("i think it needs
    more bass, export"), or the export wished with an edit to do first ("i want export but first
    make the title red"): `sse`, then the export. Else the plan as it is."""
    actions = routed.actions
    if "export" in actions and "sse" not in actions and change_before_export(text):
        at = actions.index("export")
        return replace(routed, actions=(*actions[:at], "sse", *actions[at:]))
    if actions == ("sse",) and "export" not in routed.declined and export_after_first(text):
        return replace(routed, actions=("sse", "export"))
    if "export" in actions and own_step_first(text):
        return without_export(routed)
    return routed


# the user's own step or question put first ("…but first let me check the timeline", "…but
# first, how many credits do I have?", 我想导出，但我先看看时间线)
_OWN_FIRST = re.compile(
    r"(?<![a-z])(?:but|and)?\W*(?:first|before\s+(?:that|this|it))\W+(?:(?:can|could)\s+(?:you|u)\s+)?"
    r"(?:let\s+me|lemme|i\s+(?:want|need|have|gotta|ll|will|wanna)|ill|i|we|tell\s+me|show\s+me"
    r"|how|what|whats|is|are|does|do|did)(?![a-z])"
    r"|(?:但是|但|不过|可是)?\W*我(?:要|想|得|需要)?先(?:看|睇|检查|確認|确认|问|問|想|考虑|等)"
)


def own_step_first(text: str) -> bool:
    """Whether the prepared turn `text` wishes the export, then puts a step of the user's own
    or a question first: the export waits for it."""
    wish = _WISH.search(text)
    return wish is not None and _OWN_FIRST.search(text, wish.end()) is not None
