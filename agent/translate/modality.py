"""The mood of an export step: a command to run, or a permission the user may take up later.

"Click Export to download" and "To download, click Export" instruct: the client runs the
export for the chat user. The same step said as a PERMISSION or an OPTION instructs nothing:
"Feel free to export anytime", "You can download it whenever you like", "You can now export
your video from the Export panel", 你随时可以导出, 你也可以把竖版导出 — the user has
the choice and answers in chat, so nothing runs and the sentence is kept whole. The frame is
read where the step is: a modal ("you can", "you may", "feel free to") right before the export
verb, or before a gesture whose target is an export ("you can click the Download icon"), or a
time left open ("anytime", 随时) in the clause of an export word. "You can preview it, or
click Download" permits only the preview. A conditional on the user's own judgement ("If you
like it, click Export", 想下载的话点 Export 就行) and a readiness clause ("Export whenever
you're ready", "Tap Export whenever you want the file") still instruct: the fixtures' labels
say so. Only when the condition's other branch asks for the user's word ("If you're happy
with it, hit Export; otherwise tell me what to tweak") is the export a choice made in chat
(`chooses`); "… otherwise click Export" still instructs.

Only the export is held this way: it spends credits and cannot be taken back, while a view
offered ("You can check your balance under Account > Wallet") is read-only and still runs.
Pure; no tables (the vocabulary is a closed class).
"""

from __future__ import annotations

import re

__all__ = ["chooses", "defaults", "permits"]

_ADVERBS = (
    r"(?:(?:also|always|just|now|simply|easily|still|then|already|of\s+course|certainly|go\s+ahead"
    r"\s+and|either|even|instead)\s+)*"
)
_MODAL = (
    r"\b(?:you\s+(?:can|could|may|might)(?!\s*(?:n['’]?t|not)\b)"
    r"|you(?:['’]re|\s+are)\s+(?:welcome|free|able)\s+to|(?:it['’]s|it\s+is)\s+(?:ok(?:ay)?|fine)"
    r"\s+to|don['’]t\s+hesitate\s+to)\s+"
)
_FREE = r"\bfeel\s+free\s+to\s+"
_EXPORT_VERB = r"(?:export|re-?export|render|download|re-?download|save|grab|get)\b"
_GESTURE = r"(?:click|tap|press|hit|push|use|select|choose|go\s+to|head\s+to|open)\b"
_EXPORT_WORD = r"(?:export|download|render)"
_CLAUSE = r"[^.;:!?—–()]"
_OPEN = (
    r"\b(?:any\s*time|at\s+any\s+(?:time|point|moment)|whenever\s+you(?:['’]re|\s+are)?"
    r"(?:\s+\w+){0,2}|when(?:ever)?\s+you\s+(?:like|want|wish|please|feel\s+like)"
    r"|when\s+you(?:['’]re|\s+are)\s+ready"
    r"|if\s+you\s+(?:like|want|wish|prefer)(?!\s+(?:it|the|this|that|them)\b))"
)
# the step's GUI means named beside it: how-to, not leave ("by clicking **Export**", "via the
# Export button", "from the Export panel")
_MEANS = re.compile(
    r"\b(?:by\s+(?:clicking|tapping|pressing|hitting|selecting|choosing|going|heading|opening"
    r"|using)|via|using|through|with\s+the|from\s+the|in\s+the|on\s+the|under)\b",
    re.IGNORECASE,
)
# a modal or "feel free to" right before the export verb, with the rest of its clause
_EN = re.compile(rf"(?P<frame>{_MODAL}|{_FREE}){_ADVERBS}{_EXPORT_VERB}(?P<rest>{_CLAUSE}*)", re.I)
# a modal or "feel free to" before a gesture whose target is an export
_EN_GESTURE = re.compile(
    rf"(?P<frame>{_MODAL}|{_FREE}){_ADVERBS}{_GESTURE}{_CLAUSE}{{0,40}}?\b{_EXPORT_WORD}{_CLAUSE}*",
    re.I,
)
_OPEN_AT = re.compile(_OPEN, re.IGNORECASE)
# a time left open beside an export word in one clause ("export it anytime", "Export any time")
_ANYTIME = re.compile(
    rf"\b{_EXPORT_WORD}\w*{_CLAUSE}{{0,60}}?\b(?:any\s*time|at\s+any\s+(?:time|point|moment))\b"
    rf"|\b(?:any\s*time|at\s+any\s+(?:time|point|moment))\b{_CLAUSE}{{0,30}}?\b{_EXPORT_WORD}",
    re.IGNORECASE,
)
_ZH_EXPORT = r"(?:导出|導出|汇出|匯出|下载|下載|渲染|输出|輸出|保存|儲存|储存)"
_EXPORT_AT = re.compile(rf"\b{_EXPORT_WORD}|{_ZH_EXPORT}", re.IGNORECASE)
_ZH = re.compile(
    rf"(?:随时|隨時|随意|隨意|任何时候|任何時候)[^，。；！？,;!?]{{0,8}}?{_ZH_EXPORT}"
    rf"|(?:可以|能|可)(?:随时|隨時)[^，。；！？,;!?]{{0,8}}?{_ZH_EXPORT}"
    # "you also can" right before the verb, no gesture between (你也可以把竖版导出, 你都可以匯出)
    rf"|(?:你|您)(?:也|还|還|都)(?:可以|能|可)(?:把|将|將)?[^，。；！？,;!?点點按撳选選]{{0,8}}?"
    rf"{_ZH_EXPORT}"
    # an option to choose: 你也可以选择导出为竖屏版本
    rf"|(?:你|您)?(?:也|还|還|都)?(?:可以|能|可)(?:选择|選擇|揀)(?:把|将|將)?[^，。；！？,;!?]{{0,4}}?{_ZH_EXPORT}"
    # an option to weigh: 可以考虑导出, 不妨考慮匯出
    rf"|(?:考虑|考慮|斟酌)(?:一下)?(?:把|将|將)?[^，。；！？,;!?]{{0,6}}?{_ZH_EXPORT}"
)
# the permission made the default step by its named alternative: "Otherwise, feel free to
# export as is", "Otherwise you're good to export", "Feel free to export whenever, unless you
# want me to try the alternate ending first" -- the reply's other branch is the exception the
# user must raise, so the export is what it tells the user to do now
_DEFAULT_LEAD = re.compile(r"\b(?:otherwise|if\s+not)\s*,?\s*$", re.IGNORECASE)
_DEFAULT_REST = re.compile(
    r"\bunless\s+you(?:['’]d|\s+would)?\s+(?:(?:want|like|prefer)\s+(?:me|us)\s+to"
    r"|rather\s+(?:I|we))\b",
    re.IGNORECASE,
)
# the choice said to be the user's ("… but it's your call", "up to you", 你决定)
_YOURS = re.compile(
    r"\b(?:it['’]s|that['’]s|it\s+is)\s+(?:(?:totally|entirely|really)\s+)?(?:your\s+(?:call|choice"
    r"|decision)|up\s+to\s+you)\b|(?:由你|随你|隨你|你自己)(?:决定|決定|定|拣|揀)",
    re.IGNORECASE,
)


# a condition on the user's approval before the export and, after it, the other branch asking
# for the user's word ("If you're happy with the colours, hit Export; otherwise tell me what to
# tweak", 满意的话点导出，不然告诉我要改哪里): the user chooses in chat, nothing runs yet;
# "… otherwise click Export" (the export as the other branch) still instructs
_APPROVAL = re.compile(
    r"\bif\s+(?:you(?:['’]re|\s+are)\s+(?:\w+\s+)?(?:happy|satisfied|pleased|content|good|ok(?:ay)?"
    r"|fine)|you\s+(?:like|love|approve)|(?:it|this|that|everything|all|they|the\s+[\w-]+(?:\s+[\w-]+)?)"
    r"\s+(?:looks?|sounds?|seems?|feels?)\s+(?:good|right|fine|ok(?:ay)?|great|correct))\b"
    r"|(?:满意|觉得(?:可以|没问题|不错|ok|OK|好)|没问题|冇问题|看着(?:可以|没问题))(?:的话|嘅话)?",
    re.IGNORECASE,
)
_OTHERWISE = re.compile(
    r"\b(?:otherwise|if\s+not|or\s+else|else)\b[^.!?]{0,20}?\b(?:tell|let\s+me\s+know|say|ping"
    r"|message|send)\b"
    r"|(?:否则|不然|要不然|不满意的话|不满意|如果不|唔系|不系|唔满意)[^。！？]{0,8}?"
    r"(?:告诉我|跟我说|和我说|话我知|同我讲|讲一声|说一声)",
    re.IGNORECASE,
)


def chooses(sentence: str, after: str = "") -> bool:
    """Whether `sentence` leaves the export to the user's approval with another branch that asks
    for the user's word (see `_APPROVAL`), in the sentence or opening the sentence `after` it
    ("If it looks good, click Download. If not, let me know what to change.")."""
    condition = _APPROVAL.search(sentence)
    if condition is None:
        return False
    export = _EXPORT_AT.search(sentence, condition.end())
    if export is None:
        return False
    if _OTHERWISE.search(sentence, export.end()) is not None:
        return True
    return _OTHERWISE.match(after.lstrip(" \t\n-*•>")) is not None


_GOOD = r"you(?:['’]re|\s+are)\s+(?:good|all\s+set|clear|free|welcome|fine)\s+to\s+"
_DEFAULT = re.compile(
    rf"\b(?:otherwise|if\s+not)\s*,?\s*(?:{_FREE}|{_GOOD}|{_MODAL}){_ADVERBS}{_EXPORT_VERB}"
    rf"|(?:{_FREE}|{_GOOD}|{_MODAL}){_ADVERBS}{_EXPORT_VERB}{_CLAUSE}*?,?\s*{_DEFAULT_REST.pattern}",
    re.IGNORECASE,
)


def defaults(sentence: str) -> bool:
    """Whether the sentence's permission to export is the default step, its alternative named
    ("Otherwise, feel free to export as is", "Feel free to export whenever, unless you want me
    to try the alternate ending first"): the export is asked for now (see `_DEFAULT_LEAD`)."""
    return _DEFAULT.search(sentence) is not None


def _leaves(sentence: str) -> bool:
    """A modal before the export verb leaves the export to the user unless its clause names the
    GUI means of a how-to ("You can download it by clicking Export"); a time left open ("You can
    export it anytime from the toolbar", "Whenever you're ready, you can download it from the
    export menu") leaves it whatever else the sentence says."""
    for found in _EN.finditer(sentence):
        rest, lead = found.group("rest"), sentence[: found.start()]
        if _DEFAULT_LEAD.search(lead) or _DEFAULT_REST.search(rest):
            continue
        if found.group("frame").lower().startswith("feel") or _OPEN_AT.search(rest + " | " + lead):
            return True
        if not _MEANS.search(rest):
            return True
    # a modal before a gesture names the means ("You can click Export to download"): it leaves
    # the export only with an open time; "Feel free to hit Export" always leaves it
    return any(
        m.group("frame").lower().startswith("feel") or _OPEN_AT.search(m.group(0))
        for m in _EN_GESTURE.finditer(sentence)
    )


def permits(sentence: str) -> bool:
    """Whether `sentence` gives its export as a permission or an option, not a command (see the
    module doc): nothing of it runs."""
    return bool(
        _leaves(sentence)
        or _ANYTIME.search(sentence)
        or _ZH.search(sentence)
        or _YOURS.search(sentence)
        or chooses(sentence)
    )
