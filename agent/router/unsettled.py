"""An export hung on a judgement the user has not made: "if the music fits, render it",
"if it looks ok export", "如果配乐合适就导出", "要係音樂啱就出片".

The class boundary (issue #10). An export under a condition runs now only when the condition is
already settled or is one the system settles itself:

- Unsettled, the export waits (this module): a conditional ("if", "only if", "as long as",
  "provided", "assuming", "once", "when", 如果, 要是, 假如, 只要, 要係, "…的话", "…嘅話") whose
  subject is the video or a part of it ("it", "the music", "the colours", 配乐, 画面, or in
  Chinese the part just named and left unsaid: "加个配乐，如果合适就导出") and whose predicate is
  a judgement of it ("fits", "works", "looks ok", "sounds right", "is readable", 合适, 啱, 好看,
  and 没问题 of a named part). Nobody has judged yet, so nothing is asked now but the look or
  the edit: `sse`.
- Settled, not this module: the judge is the agent ("if you think it looks good", "if it looks
  ok to you", "on your side", 如果你觉得可以), our own process working ("if the render works out"),
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

__all__ = ["unsettled"]

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
_JUDGED = (
    r"(?:fits?|works?|matches|match|syncs?|lines?\s+up|flows?|holds?\s+up|checks?\s+out"
    r"|passes|pass|(?:looks?|sounds?|feels?|seems?|reads?|plays?|comes?\s+out)\s+(?:\w+\s+){0,2}"
    rf"{_GOOD}|(?:is|are|s|re)\s+(?:\w+\s+){{0,2}}{_GOOD})"
)
# "if its readable": the verb fused with "it" once the apostrophe is dropped
_FUSED = rf"(?:its|it\s+is|theyre|they\s+are)\s+(?:\w+\s+){{0,2}}{_GOOD}"
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
    r"(?:合适|合身|啱|好看|好听|好睇|顺|清楚|自然|够好|满意"
    r"|(?P<blanket>ok|okay|没问题|冇问题|无问题|对))"
)
_IF_ZH = r"(?:如果|要是|假如|假设|若是|只要|要系|如果系|万一)"
_CJK = (
    re.compile(
        rf"{_IF_ZH}\s*(?P<part>{_THING_ZH})\s*(?:都|也|够)?{_JUDGED_ZH}(?:了|咗|的话)?\s*"
        r"(?:就|便|先|再|才|,)"
    ),
    re.compile(rf"(?P<part>{_THING_ZH})\s*(?:都|也|够)?{_JUDGED_ZH}(?:了|咗)?的话"),
)
_LEAD_ZH = re.compile(rf"^.*{_IF_ZH}")
# "要是音乐啱就出片" names a part; "如果你觉得可以" or "觉得ok的话" does not
_PART_ZH = re.compile(r"[\u3400-\u9fff]{2}|[a-z]{3,}")
_NOT_A_PART = re.compile(r"^(?:可以|觉得|现在|这样|这个|那样|那个|一切|全部|整体|做完|做好|弄好)")


def unsettled(text: str) -> bool:
    """The turn hangs its export on a judgement of the video nobody has made yet (see the
    module docstring for the line): the export waits, the rest of the turn goes on."""
    if _LATIN.search(text):
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
