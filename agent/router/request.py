"""The export gate: an export is planned only when an export REQUEST is recognised.

The keyword stage finds export words; this module decides, for each one, whether it is a
request for the video's file or a word used in another sense: a question about what an export
can be or what it costs ("can you export to mov or only mp4?", "would one more render eat most
of what I've got?"), a verb whose object is a part of the video ("render the subtitles in gold",
"渲染一下氛围感"), a look ("做成动图那种感觉"), an export put off to a later day ("我们下周才
export", "we export next week"), or the video named with a change to make ("I need the video
more fast"). A plan keeps its export only while at least one export word passes; otherwise the
export becomes what the words ask (credits for a cost question, else the video agent, `sse`),
never an export. A question in no request form ("do exports keep the alpha channel?", against
"can you export it?") is a weak signal: `unsure` tells the router, which keeps the export only
when the offline intent model agrees (`Router._second_opinion`). The gate only ever removes an
export or adds the edit before it: it can make a real export a question for the agent, never
an unasked export.

The default denies: a bare export word ("export", 导出, 渲染) in none of those senses is a request
only with positive evidence of a request form (`agent.router.evidence`: the imperative at its
clause's start or after a courtesy, address or sequence marker, a wish for the file); a noun, a
modifier or an idiom ("downloads take forever", 导出来的画面, 好出片) is `other` (the agent), a
state ("still rendering", 渲染中) is `progress` (the state answer), and the rest is `unsure`.

It also restores an edit dropped in front of an export that names work to finish first
("跟刚才那个一样的处理，弄完导出", "same treatment as the last one, then export").

The senses other than a request or a question (later, look, part, edit) are read in
`agent.router.senses`. Pure regexes over the keyword stage's normalised text (lower case,
Simplified, ASCII punctuation, apostrophes dropped).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from agent.router.evidence import bare, sense
from agent.router.route import Action
from agent.router.senses import other_sense, someday

__all__ = ["Spot", "Verdict", "judge", "screen", "unsure", "work_first"]

Verdict = Literal[
    "request", "unsure", "question", "cost", "part", "look", "later", "edit", "progress", "other"
]

_BOUNDARY = re.compile(r"[,.;!?\n]|\s[-—–]+\s|—")
_ASKS = re.compile(r"(?:吗|么|嘛|㗎|呢|冇|未|不|(?<=[了过])没有)\W*$")
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不唔没冇]\1")  # 是不是, 能不能, 可唔可以
# "…or just mp4", "还是只支持MP4": an alternative offered asks what is possible, "?" or not
_ALTERNATIVE = re.compile(r"\bor\s+(?:just|only)\b|\bor\s+(?:no|not|nah|nope)\W*$|还是只|还是最多")
_QUESTION_WORD = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|hey|hi|yo|um|uh|also|btw|like|quick\s+q)\s+)*(?:can|could|would|will|does|do|is|are|was"
    r"|what|whats|which|how|hows|any|should|may)\b"
)
# A question about what an export can be: formats, limits, defaults, alternatives.
_CAPABILITY = re.compile(
    r"\bor\s+(?:only|just|is\s+it|are\s+you|do\s+you|can\s+it|does\s+it)\b|\bonly\b"
    r"|\binstead\s+of\b|\bsupport(?:s|ed)?\b|\bany\s+way\b|\bby\s+default\b|\bpossible\b"
    r"|\blimits?\b|\bmax(?:imum)?\b|\bwhat\s+(?:format|formats|aspect|resolution|resolutions"
    r"|size|fps|frame|codec|quality|kind|type|file\s+type)|\bwhich\s+(?:format|formats"
    r"|resolution|resolutions|codec)|\beven\s+a\s+thing\b|\ballowed\b|\blet\s+(?:me|you|us)\b(?!\s+have\b)"
    r"|\bhow\s+(?:long|big|large)\b|\bcome\s+out\b|\b(?:can|could|will|does)\s+(?:it|this\s+thing)\b"
    r"|支持|支援|还是只|还是最多|只|最多|最高|最大|格式|分辨率|有没有办法|有冇得|(?:成|做|为)\s*"
    r"(?:gif|mov|webm|mp4|avi|动图|竖屏|横屏).{0,3}(?:吗|㗎|么)"
)
# A question about what an export costs.
_COST = re.compile(
    r"\bcosts?\b|\bcosting\b|\bprice|\bpricey\b|\bexpensive\b|\bcheap|\bcharge|\beat\b|\beats\b"
    r"|\bdrain|\bburn(?:s|ing)?\b(?!\s+in\b)|\bset\s+(?:me|us)\s+back\b|\bhow\s+much\b|\bhow\s+many\s+(?:credits|points|coins)"
    r"|\bafford|\buse\s+up\b|\bused\s+up\b|\brun\s+out\b|\bcredits?\b|\bpoints?\b|\bbalance\b"
    r"|\bwipe\s+(?:me\s+)?out\b|\brun\s+(?:me|us)\b|\bbroke\b|\bbankrupt\b|\bwhat\s+ive\s+got\b|\bwhat\s+i\s+have\s+left\b|\bleft\b"
    r"|多少|几多|幾多|贵|貴|扣|费|用光|用完|够不够|够唔够|钱|积分|点数|好多点|额度|余额"
)
# Request forms in a question: "can you export it?", "could I get the mp4", "能帮我导出吗".
_ASK_FORM = re.compile(
    r"\b(?:can|could|would|will)\s+(?:you|u|ya)\s+(?:please\s+|pls\s+|just\s+|kindly\s+|now\s+)?$"
    r"|\b(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:(?:have|get|grab)\b|$)"
    r"|\b(?:please|pls|plz|kindly)\b|\bmind\s+$|\bhow\s+about\s+(?:you\s+)?$|\bwhy\s+not\s+$"
    r"|帮|幫|给我|俾我|畀我|请|麻烦|唔该|可以|可唔可以|能不能|能唔能|能否|能|好不好|好唔好"
)
_OBJECT = re.compile(
    r"^\s*(?:(?:it|this|that|them|these|those|everything|me|us)\b|(?:the|my|our|this|that)\s+"
    r"(?:\w+\s+)?(?:video|vid|clip|final|project|file|mp4|movie|film|edit|cut|reel|version"
    r"|result|thing|one|slideshow|output)s?\b|(?:now|for\s+me|out|again|asap|already|yet"
    r"|please|pls|plz|today|tonight|soon)\b|\W*$)"
    r"|^\s*(?:给我|俾我|畀我|出来|来|了|吧|啦|喇|未|一下|下|条片|个视频|视频|成片|片|[\u3400-\u9fff]{0,4}"
    r"(?:吧|啦|喇|嘛|得唔得|好唔好|行不行|得不得|可以吗|好吗|唔该)|\s*(?:吗|嗎|呀|啊|么)?\W*$)"
)
# Answers to the question forms that ask for the export ("得唔得", "好不好", "ok?").
_ANSWER_FORM = re.compile(r"得唔得|得不得|好唔好|好不好|行不行|行唔行|可以吗|ok\s*\?|吧\W*$")


def _requested(before: str, after: str, *, noun: bool) -> bool:
    """A question in a request form: the export asked of us ("can you export it?", "could
    you download the video for me", "能帮我导出吗", "出片得唔得?"), not asked about."""
    if _ANSWER_FORM.search(after):
        return True
    if not _ASK_FORM.search(before) and not noun:
        return False
    return noun or _OBJECT.match(after) is not None


@dataclass(frozen=True, slots=True)
class Spot:
    """One export word in the turn: where it is and whether it is a noun phrase."""

    start: int
    end: int
    noun: bool = False


_AFTERWARDS = re.compile(r"^\s*(?:了|完|好)?\s*(?:以后|之后|后|的时候|时|嘅时候|咗之后|咗以后)")
_ASKS_BACK = re.compile(
    r"^\s*(?:would|will|does|do|is|could|can|wont|doesnt)\s+(?:that|it|this|they|those)\b[^.!?]*\?"
    r"|^[^.!?]{0,30}?\b(?:that|it|this)\b[^.!?]*\?"
)
_LATER_NEXT = re.compile(
    r"^\s*(?:later|not\s+yet|not\s+now|tomorrow|next\s+week|another\s+time|nah|wait"
    # "…downloaded? no changes needed": the video final, no answer to the export
    r"|no(?!\s+(?:(?:more|other|further)\s+)?(?:changes|edits|tweaks)\b)"
    r"|hold\s+on|晚点|迟点|迟啲|等等|先不|不急|明天|改天|下次)(?![a-z])"
)


def _next_clause(text: str, end: int) -> str:
    """The text of the clause after the export word's clause."""
    right = _BOUNDARY.search(text, end)
    return text[right.end() :] if right else ""


def _clause(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The export word's clause: the words before it, after it, and the closing mark."""
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    right = _BOUNDARY.search(text, end)
    stop = right.start() if right else len(text)
    mark = right.group(0) if right else ""
    return text[left:start], text[end:stop], mark


def _asked(text: str, spot: Spot, before: str, after: str, mark: str) -> Verdict | None:
    """A question about the export (what it can be, what it costs), or None."""
    clause = f"{before}{text[spot.start : spot.end]}{after}"
    following = _next_clause(text, spot.end)
    asking = (
        mark == "?"
        or _ASKS.search(clause) is not None
        or _A_NOT_A.search(before[-8:]) is not None
        or _A_NOT_A.search(after[:8]) is not None
        or (_QUESTION_WORD.match(before) is not None and len(before.split()) <= 6)
        or _INDIRECT.search(before) is not None
    )
    if mark == "," and _ASKS_BACK.match(following):  # "rendering twice more, would that…?"
        clause, asking = f"{clause} {following}", True
    if asking and mark == "?" and _LATER_NEXT.match(following):  # "export? later."
        return "later"
    if _ALTERNATIVE.search(clause):
        return "question"
    if asking and _AFTERWARDS.match(after):  # "导出以后还能改吗？": the time after it, asked about
        return "question"
    if not asking:
        return None
    if _ready(text[spot.start : spot.end], before, after):
        return "progress"  # "可以导出了吗", "can I export it now?": is it ready, not "do it"
    if _COST.search(clause):
        return "cost"
    if _CAPABILITY.search(clause):
        return "question"
    # "add a title card, then give me the mp4?": a step of a run of commands, its "?" a tone
    if mark == "?" and (
        (spot.start > len(before) and _NEXT_STEP.match(before)) or _CHAINED.match(before)
    ):
        return "request"
    # a question in no request form ("do exports keep the alpha channel?") is a weak signal:
    # a request only when the intent model agrees (see `Router._second_opinion`)
    return "request" if _requested(before, after, noun=spot.noun) else "unsure"


# Whether the export can run yet, asked with the user (or nobody) as its doer: "可以导出了吗",
# "可以出片未?", "can I export it now?". The state answers it; asked of us ("can you export it
# now?", "可以帮我导出吗") it is a request, and so is the file asked for ("can I download it
# now?", "can I get the mp4 now?", "條片可以俾返我未": the user takes it, the file is the ask).
_MAKING = re.compile(r"(?:re)?(?:export|render)|导出|汇出|渲染|出片|输出")
_READY_BEFORE = re.compile(
    r"(?:可以|能|可唔可以|可不可以|能不能|得唔得)\s*(?:现在|而家|宜家)?\s*$"
    r"|\b(?:can|could|may)\s+i\s+(?:now\s+|already\s+|finally\s+)?(?:re\W?)?$"
)
_READY_AFTER = re.compile(
    r"^\s*(?:了|喇|啦)\s*(?:吗|么|呀|啊|未|没有|冇)?\W*$|^\s*(?:吗|么)?\s*未\W*$"
    r"|^\s*(?:it|this|the\s+(?:video|vid|final|project|edit|cut))?\s*(?:now|yet|already)\W*$"
)
_ASKED_OF_US = re.compile(r"帮|幫|给我|俾我|畀我|请|麻烦|唔该|你|\b(?:please|pls|plz)\b")


def _ready(word: str, before: str, after: str) -> bool:
    """Whether a question asks if the export can run yet (see `_READY_BEFORE`)."""
    return (
        _MAKING.fullmatch(word) is not None
        and _READY_BEFORE.search(before) is not None
        and _READY_AFTER.match(after) is not None
        and _ASKED_OF_US.search(before) is None
    )


# A question put indirectly ("I'd like to understand what rendering in 4K would set us back",
# "curious whether exporting twice costs more"): asked about, never asked for
_INDIRECT = re.compile(
    r"\b(?:understand|know|wondering|wonder|curious|confirm|find\s+out|figure\s+out|clarify)\s+"
    r"(?:about\s+)?(?:what|whats|how\s+much|how\s+many|whether)\b(?!.*\b(?:then|and\s+then)\b)"
)
_NEXT_STEP = re.compile(
    r"^\s*(?:and\s+)?(?:then|after\s+that|afterwards|next)\s+(?:(?:just|please|pls|plz)\s+)*$"
)
# the export asked of us as the last step of a run ("kannst du die Musik leiser machen und dann
# exportieren?", "can you trim the intro and then export?"), never a question about what happens
_CHAINED = re.compile(
    r"^\W*(?:please\s+)?(?:can|could|would|will)\s+(?:you|u)\b"
    r"(?!.*\b(?:if|whether|what|whats|how|when|why|happens?)\b)"
    r".*\b(?:and\s+)?(?:then|after\s+that|afterwards)\s+(?:(?:just|please|pls|plz)\s+)*$"
)
# the user handing the failed export to us ("…greyed out, can you just do it from here?")
_RETRY = re.compile(
    r"\b(?:try\s+again|retry|you\s+do\s+it|do\s+it\s+(?:for\s+me|again|from\s+(?:here|there|your\s+end))"
    r"|redo\s+it|(?:can|could|would|will)\s+(?:you|u)\s+(?:just\s+|please\s+|pls\s+)?(?:do|handle)\s+it)\b"
    r"|再试|重试|你来|你帮我|你幫我|你嚟|幫我搞|帮我搞"
)
_SENSES: dict[str, Verdict] = {"progress": "progress", "modifier": "other", "idiom": "other"}


def judge(text: str, spot: Spot) -> Verdict:
    """What one export word is: a request, or a word used in another sense.

    Default-deny: a bare export word with no other sense is a request only in a request form
    (`agent.router.evidence`), else `unsure`; a state ("still rendering", 渲染中) is `progress`,
    a noun, modifier or idiom ("downloads take forever", 导出来的画面, 好出片) is `other`."""
    word = text[spot.start : spot.end]
    before, after, mark = _clause(text, spot.start, spot.end)
    found = sense(word, before, after) if bare(word) and not spot.noun else "request"
    handed = _RETRY.search(_next_clause(text, spot.end)) is not None
    asked = _asked(text, spot, before, after, mark)
    if asked is not None and asked not in ("unsure", "request"):
        return asked
    if someday(before, after):  # "I want to render this eventually", 我迟早都要出片给客
        return "later"
    if handed:  # "the export failed, try again", "…greyed out, can you just do it?": ours now
        return "request"
    if found in _SENSES:
        return _SENSES[found]
    other = other_sense(word, before, after, noun=spot.noun)
    if other is not None:
        return other
    if asked is not None:
        return asked
    return "request" if found == "request" else "unsure"


def screen(
    text: str,
    spots: Sequence[Spot],
    plan: tuple[Action, ...],
    *,
    doubted: bool = False,
    evidence: bool = False,
) -> tuple[tuple[Action, ...], bool]:
    """The plan with its export kept only when some export word is a request (or only a weak
    one, a question in no request form, unless `doubted`: the intent model disagrees). With
    `evidence`, a plan from a later stage keeps its export only on an export word (none: no
    export, whatever the model says).

    Returns the plan and whether the export was put off to a later day (then declined).
    """
    if "export" not in plan:
        return plan, False
    verdicts = [judge(text, spot) for spot in spots]
    if not verdicts and evidence:
        return tuple(a for a in plan if a != "export"), False
    if not verdicts or "request" in verdicts or ("unsure" in verdicts and not doubted):
        return _changed_first(plan, verdicts), False
    instead: Action = (
        "credits" if "cost" in verdicts else "state" if "progress" in verdicts else "sse"
    )
    kept = [a if a != "export" else instead for a in plan]
    if instead == "credits" and "sse" in kept and "credits" in plan:
        kept = [a for a in kept if a != "sse"]
    out = tuple(a for i, a in enumerate(kept) if a not in kept[:i])
    return out, "later" in verdicts


_CHANGES: frozenset[Verdict] = frozenset({"part", "look", "edit"})


def _changed_first(plan: tuple[Action, ...], verdicts: Sequence[Verdict]) -> tuple[Action, ...]:
    """An export word that asks for a change ("finalize the color grade", "render the subtitles
    in gold") beside one that asks for the file: the change is an edit, run before the export."""
    if "sse" in plan or not _CHANGES & set(verdicts) or "request" not in verdicts:
        return plan
    at = plan.index("export")
    return (*plan[:at], "sse", *plan[at:])


# rt29: Singlish "can" with a completive particle, said not asked ("ok can render liao, but make
# the logo bigger first ah", "can export already lah"): the go-ahead, not a question
_GO_AHEAD_SG = re.compile(
    r"(?:^|[,.;!]\s*|\b(?:ok|okay|ya|yah|yes|yup|then|so|now)\s+)can\s+"
    r"(?:export|render|download)(?:\s+(?:it|this|the\s+video|already|liao|lah|la|le|orredy))*?"
    r"\s+(?:liao|already|orredy|lah|la|le)\b(?![^,.;!?]*\?)"
)


def unsure(text: str, spots: Sequence[Spot]) -> bool:
    """No export word is a plain request, and one is a question in no request form: the export
    stands on a weak signal, for the intent model to confirm or veto."""
    if _GO_AHEAD_SG.search(text):  # "ok can render liao": Singlish "can" is the go-ahead
        return False
    verdicts = [judge(text, spot) for spot in spots]
    return "request" not in verdicts and "unsure" in verdicts


# Earlier work asked for again in a clause of its own ("跟刚才那个一样的处理，弄完导出", "same
# treatment as the last one, then export", "do what you did on the previous clip and render it").
_REPEATED = re.compile(
    r"\bsame\s+(?:\w+\s+){0,2}?(?:as|like)\s+(?:the\s+|on\s+the\s+|in\s+the\s+)?(?:last|before"
    r"|previous|earlier|other)\b|\bdo\s+what\s+you\s+did\b|\brepeat\s+the\b"
    r"|\blike\s+(?:the\s+)?(?:previous|last|earlier|other)\s+(?:one|video|clip|edit)\b"
    r"|\bsame\s+(?:font|fonts|colou?rs?|music|filter|style|transitions?|captions?|look|grade"
    r"|edits?|cuts?|effects?)\b"
    r"|(?:照|跟|和|同|按|像)\s*(?:上次|之前|刚才|刚刚|上一|前面|以前|头先|上个|上条|旧)"
    r"|照旧|一样的(?:处理|调色|风格|效果|做法)"
)
# the work itself named beside "as before" ("same treatment", "一样的处理", "照上次那样调色")
_WORK = re.compile(
    r"\b(?:treatment|look|edit|edits|editing|style|grade|grading|effects?|filters?|colou?rs?"
    r"|did|changes|cuts?|transitions?|captions?|subtitles?|music|fonts?)\b"
    r"|处理|调色|风格|效果|做法|弄|加|剪|调|改|整|字幕|滤镜|音乐"
)


def work_first(text: str, spots: Sequence[Spot], plan: tuple[Action, ...]) -> tuple[Action, ...]:
    """The plan with the edit restored before an export that names work to finish first."""
    if "export" not in plan or "sse" in plan:
        return plan
    clauses = [c for c in _BOUNDARY.split(text) if c.strip()]
    spotted = {text[s.start : s.end] for s in spots}
    own = [c for c in clauses if not any(w in c for w in spotted)]  # no export word in them
    named = any(_REPEATED.search(c) for c in own) and any(_WORK.search(c) for c in own)
    if not named:
        return plan
    at = plan.index("export")
    return (*plan[:at], "sse", *plan[at:])
