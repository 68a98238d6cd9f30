"""An export hung on a judgement the user has not made: "if the music fits, render it",
"if it looks ok export", "如果配乐合适就导出", "要係音樂啱就出片".

The class boundary (issue #10). An export under a condition runs now only when the condition is
already settled or is one the system settles itself:

- Unsettled, the export waits (this module): a conditional ("if", "only if", "as long as",
  "provided", "assuming", "once", "when", 如果, 要是, 假如, 只要, 要係, "…的话", "…嘅話") whose
  subject is the video or a part of it ("it", "the music", "the colours", 配乐, 画面, or in
  Chinese the part just named and left unsaid: "加个配乐，如果合适就导出") and whose predicate is
  a judgement of it ("fits", "works", "looks ok", "sounds right", "is readable", 合适, 啱, 好看,
  and 没问题 of a named part), or the other way ("if it looks off we'll render another one",
  如果效果不好我们再导出一版). Nobody has judged yet, so nothing is asked now but the look or
  the edit: `sse`. The same for an export on the other branch of such a condition ("export it
  unless the audio is still clipping", "if you think the intro is too long, trim it; if not,
  export", 除非…, 不然就导出) and on the answer to the turn's own question about the look ("is
  the audio synced? if so, export", 咁樣得未？得就出片: the agent looks, `hangs_on_answer`).
- Not this module: the judge is the agent ("if you think it looks good", "if it looks ok to
  you", "on your side", 如果你觉得可以): the agent's verdict is not given yet either, and
  `agent.router.aftermath` holds that export back after planning; our own process working ("if
  the render works out"),
  a measure against the plan ("if it fits in my plan": the balance's question),
  a blanket all-clear naming no part ("if everything looks fine", 如果没问题的话: a formula for
  "unless something is broken"), a sequence word over our own work ("when you're done, export",
  `agent.router.deferral`), a condition on the account the system enforces ("if I've got enough
  credits left": the export cannot run without them), or a verdict already given in the past
  ("music's approved by Dana, so go ahead and render it", "since the music fits, render it":
  no conditional at all). A concession ("even if it looks rough, export it") and a hypothetical
  question ("what if it looks bad?") set no condition either.
- Someone else's verdict ("if the client likes it") and a price threshold ("if it's under 10
  credits") wait elsewhere (`agent.router.deferral`).

Pure regexes over the keyword stage's normalised text (lower case, Simplified, ASCII
punctuation, apostrophes dropped, Cantonese 係 and 嘅 read as 系 and 的).
"""

from __future__ import annotations

import re

__all__ = ["hangs_on_answer", "unsettled"]

_IF = (
    r"(?<!even\s)(?<!what\s)(?<!as\s)\b(?:if|only\s+if|as\s+long\s+as|so\s+long\s+as"
    r"|provided(?:\s+that)?|assuming(?:\s+that)?|in\s+case|once|when|whenever|as\s+soon\s+as)"
)
# The video or a part of it, never the agent, the user, someone else or "everything"
_THING = (
    r"(?:it|(?:the|my|our|this|that|these|those)\s+(?!client|boss|team|render|export|download"
    r"|upload)"
    r"(?:[a-z]+\s+){0,2}?[a-z]+|(?!(?:you|u|youre|i|im|ive|we|were|everything|everythings"
    r"|all|anything|nothing|theres|there|he|she|they|so|not|possible|needed|necessary|any|this|that"
    r"|thats|these|those|which|what|the|my|our|your|a|an|it|its|render|export|download|upload)\b)"
    r"[a-z]+(?:\s+[a-z]+)?)"
)
_GOOD = (
    r"(?:ok|okay|good|fine|right|nice|great|better|alright|correct|clean|decent|legit|cool"
    r"|balanced|smooth|natural|readable|legible|clear|well|in\s+sync|on\s+beat)"
)
# a verdict either way: "if it looks bad we'll render another one" hangs on it too
_VERDICT = (
    rf"(?:{_GOOD}|bad|off|wrong|weird|rough|ugly|awful|meh|not\s+(?:\w+\s+)?{_GOOD}"
    # "too long", never the courtesy "if it's not too much trouble" or a time ("too late")
    r"|too\s+(?!much|many|far|late|early|soon|hard|difficult|expensive|pricey|costly)[a-z]+)"
)
_JUDGED = (
    r"(?:fits?|works?|matches|match|syncs?|lines?\s+up|flows?|holds?\s+up|checks?\s+out"
    r"|passes|pass|(?:doesnt|does\s+not|dont|do\s+not)\s+(?:look|sound|feel|work|fit|match|sync"
    r"|line\s+up|flow)|(?:looks?|sounds?|feels?|seems?|reads?|plays?|comes?\s+out)\s+"
    rf"(?:\w+\s+){{0,2}}{_VERDICT}|(?:is|are|s|re)\s+(?:\w+\s+){{0,2}}{_VERDICT})"
)
# "if its readable": the verb fused with "it" once the apostrophe is dropped
_FUSED = rf"(?:its|it\s+is|theyre|they\s+are)\s+(?:\w+\s+){{0,2}}{_VERDICT}"
# judged by the agent ("to you", "on your side") or measured against the account ("fits in my
# plan"): settled by someone other than the user, or a check on the balance
_SETTLED_BY = (
    r"(?!\s+(?:(?:to|for|with|by)\s+(?:you|u)|on\s+your\s+(?:side|end)|(?:in|within|into)\s+"
    r"(?:my|our|the)\s+(?:plan|budget|balance|credits?|quota|limit))\b)"
)
_LATIN = re.compile(rf"{_IF}\s+(?:{_THING}\s+{_JUDGED}|{_FUSED})\b{_SETTLED_BY}")
_THING_ZH = r"(?:(?!你|我|大家|一切|都|全部)[\u3400-\u9fffa-z]){0,10}?"
# a judgement of some part; 没问题 and ok alone are the blanket all-clear ("如果没问题的话")
_JUDGED_ZH = (
    r"(?:合适|合身|啱|好看|好听|好睇|顺|清楚|自然|够好|满意|对得上|对上了?|对得齐|对齐了?|同步"
    r"|合拍|踩点|踩得准|踩得上|到位|没错|冇错|正确|清晰|流畅|连贯|舒服"
    # a verdict the other way: "如果效果不好我们再导出一版"
    r"|(?:不|不太|没那么|唔)(?:好|行|满意|合适|对|清楚|自然|顺|理想|ok)|有问题|难看|难听"
    r"|(?P<blanket>ok|okay|没问题|冇问题|无问题|对))"
)
_IF_ZH = r"(?:如果|要是|假如|假设|若是|只要|要系|如果系|万一)"
_CJK = (
    re.compile(
        rf"{_IF_ZH}\s*(?P<part>{_THING_ZH})\s*(?:都|也|够)?{_JUDGED_ZH}(?:了|咗|的话)?\s*"
        r"(?:我们|我|咱们|咱|你)?\s*(?:就|便|先|再|才|,)"
    ),
    re.compile(rf"(?P<part>{_THING_ZH})\s*(?:都|也|够)?{_JUDGED_ZH}(?:了|咗)?的话"),
)
_LEAD_ZH = re.compile(rf"^.*{_IF_ZH}")
# "要是音乐啱就出片" names a part; "如果你觉得可以" or "觉得ok的话" does not
_PART_ZH = re.compile(r"[\u3400-\u9fff]{2}|[a-z]{3,}")
_NOT_A_PART = re.compile(r"^(?:可以|觉得|现在|这样|这个|那样|那个|一切|全部|整体|做完|做好|弄好)")


# The export as the other branch of a condition nobody has settled: "export it unless the audio
# is still clipping", "if you think the intro is too long, trim it; if not, just export",
# "除非音频还爆音，不然就导出", "片头太长就剪短，不然直接导出" (the agent's "too long" is a look
# asked for, not a verdict given)
_UNLESS = re.compile(
    r"\bunless\s+(?!(?:you|u|youre|i|im|ive|we|were|theres|there|something|somethings|anything"
    r"|it\s+costs?|its\s+(?:too\s+)?expensive)\b)[a-z]"
    r"|除非(?!你|我)"
)
_ELSE = re.compile(
    r"(?:[,;.]|\bthen\b)\s*(?:if\s+not|if\s+no|otherwise|else|or\s+else"
    r"|if\s+(?:it|that|they)\s+(?:isnt|is\s+not|arent|doesnt|dont))\b\W*(?:\w+\s+){0,3}?"
    r"(?:export|render|download)"
    r"|(?<!要)(?:不然|否则|不是的话|不系的话|唔系的话|不的话)[^.;!?]{0,6}?"
    r"(?:导出|出片|渲染|下载|export|render|download)"
)
# the condition the other branch belongs to, before it
_CONDITION = re.compile(rf"\b(?:if|whether)\b|{_IF_ZH}")
# "if so" after a question the turn asks of the look ("is the audio synced? if so, export", "咁樣
# 得未？得就出片", "这样行不行？行就导出"): the verdict is still to come. A question whether our
# work is finished ("is it ready? if so, render", "搞掂未？得就匯出啦") is the state's to settle.
_ANSWER_ZH = (
    r"(?:如果|要是)?(?:得|可以|行|好|ok|okay|是|系|对|有|没问题|冇问题|无问题|啱)"
    r"(?:了|咗)?(?:的话)?\s*"
)
# rt29: the agent's opinion asked outright (你觉得条片得未？得的话就出片, 觉得点？无问题就出片,
# 你睇下够唔够清？够就出片): whatever the short answer, the export hangs on the agent's verdict
_OPINION_ZH = (
    r"(?:你\s*(?:觉得|认为|睇|看)|觉得(?:点样?|怎样|怎么样|如何|可以吗|ok吗)|你的意见|有什么意见)"
    r"[^.;!]{0,24}\?\s*[^,.;!?]{1,6}?(?:的话)?\s*(?:就|便)"
)
_IF_SO = re.compile(
    r"\bif\s+(?:so|yes|yeah|yep)\b"
    r"|\?\s*(?:and\s+)?if\s+(?:so|yes|yeah|yep|it\s+is|they\s+are|it\s+does|its\s+\w+|ok|okay"
    r"|good|fine)\b"
    # rt27: the other answer ("is the music too loud? if not, export")
    r"|\?\s*(?:and\s+)?if\s+(?:not|no|nope|it\s+isnt|its\s+not|they\s+arent)\b"
    rf"|{_OPINION_ZH}"
    rf"|(?:这样|那样|咁样|这么样|效果|画面)[^,.;!?]{{0,6}}\?\s*{_ANSWER_ZH}(?:就|便|再|先)"
    r"|(?:行不行|好不好|可不可以|得不得|ok不ok|对不对|啱不啱|行吗|ok吗|可以吗|好看吗|满意吗|合适吗)"
    rf"\s*\??\s*{_ANSWER_ZH}(?:就|便|再|先)"
    # the answer echoes the judgement asked ("节奏踩点了吗？踩点就导出", "音量合适吗？合适就出片"),
    # not our work finished ("整好未呀？好咗就直接出片啦": the state's)
    r"|(?P<asked>(?:(?![好得完搞做整弄掂定成])[\u4e00-\u9fff]){2,3})(?:了|咗)?(?:吗|没有?|未|不)?"
    r"[^,.;!?]{0,2}\?\s*(?P=asked)(?:了|咗)?(?:的话)?\s*(?:就|便|再)"
)
# the question before "if so" asks whether our work is finished: a state check, not a verdict
_FINISHED = re.compile(
    r"\b(?:done|finished|ready|rendered|exported|complete|completed|over|through)\b[^?]{0,20}\?"
    r"\s*(?:and\s+)?if\s+(?:so|yes|yeah|yep|it\s+is|they\s+are|its\s+\w+)\b"
)


def unsettled(text: str) -> bool:
    """The turn hangs its export on a judgement of the video nobody has made yet (see the
    module docstring for the line): the export waits, the rest of the turn goes on."""
    if _LATIN.search(text) or _UNLESS.search(text) or hangs_on_answer(text):
        return True
    other = _ELSE.search(text)
    if other is not None and _CONDITION.search(text, 0, other.start()):
        return True
    # the bare "…的话" form scans every position: only where the word stands (~9 us a turn)
    regexes = _CJK if "的话" in text else _CJK[:1]
    for found in (f for regex in regexes for f in regex.finditer(text)):
        part = _LEAD_ZH.sub("", found["part"]).strip()
        if not part:  # "加个配乐，如果合适就导出": the part just named, unless all is well
            if found["blanket"] is None:
                return True
        elif _PART_ZH.search(part) and not _NOT_A_PART.match(part):
            return True
    return False


# the question before "if so" asks the balance ("how many credits left? if it's enough, render
# it"): the credits check settles it (`deferral.checks_first`), no verdict is asked of the agent
_BALANCE_ASKED = re.compile(
    r"\b(?:credits?|points?|balance|creds)\b[^?]*\?\s*(?:and\s+)?if\b"
    r"|(?:积分|余额|餘額|点数|點數|额度|額度)[^?]*\?"
)


def hangs_on_answer(text: str) -> bool:
    """The turn's export hangs on the answer to its own question ("is the audio synced? if so,
    export", "咁樣得未？得就出片"): a verdict asked of the agent, who looks (`sse`)."""
    return (
        _IF_SO.search(text) is not None
        and _FINISHED.search(text) is None
        and _BALANCE_ASKED.search(text) is None
    )
