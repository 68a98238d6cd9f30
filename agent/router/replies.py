"""Clause forms the keyword stage reads whole or first: a retraction ("scratch that", "不对"),
a bare refusal ("Export? Nah, not yet."), and a text given "as the title".

Pure regexes over the keyword stage's normalised clauses.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = [
    "accepted_offer",
    "advice",
    "named_as",
    "refuses",
    "retraction_spans",
    "retracts",
    "told",
    "without_earlier_settings",
]

# "wait no export": a "no" right before an export word refuses it; it takes nothing back
_REFUSES_EXPORT = r"(?!\s+(?:export|render|download)|\s*(?:导出|匯出|汇出|渲染|出片|下载))"
_RETRACTION = re.compile(
    r"^\s*(?:(?:oh|um|uh|hmm|ok|okay|no|wait|actually)[\s,]+)*"
    rf"(?:actually\s+(?:no|not|dont){_REFUSES_EXPORT}|actually\s+(?:wait|hold\s+on)|no\s+wait"
    rf"|wait\s+no{_REFUSES_EXPORT}|scratch\s+that"
    r"|never\s*mind|forget\s+(?:that|it)|cancel\s+(?:that|it)|on\s+second\s+thought"
    r"|不对|不是(?!再|要|让|叫)|等等|算了|先等等|不系|不啱|唔系|唔啱)(?![a-z])"
)
# A change of mind inside a run-on clause ("export it — wait no, change the music first",
# "render it actually scratch that"): where a new clause starts. Only unmistakable forms; a
# bare "wait" or "hold on" may be content ("hold on the last frame").
_MIDWAY = re.compile(
    r"(?:(?<=[\s\-—–~.])|^)(?:no\s+wait|actually\s+wait|scratch\s+that"
    rf"|(?:wait|actually)\s+no{_REFUSES_EXPORT}"
    r"|never\s*mind|on\s+second\s+thought|cancel\s+that)(?![a-z])"
    r"|(?:(?<=[\u3400-\u9fff\s.~])|^)(?:算了|等等|不对|不啱|不系)"
)
# "Export? Nah, not yet.": a bare refusal answers the command asked before it.
_REFUSAL = re.compile(
    r"^\s*(?:(?:nah|no|nope|naw)\s*)?(?:not\s+(?:just\s+)?(?:yet|now|today)|nah|no|nope|naw)"
    # round 9: "i wanna export but not yet lol": a tone word after it changes nothing
    r"(?:\s+(?:lol|lmao|haha+|tho|though|bro|man|dude|pls|please|thanks|for\s+now|ok|okay))*\W*$"
    r"|^\s*(?:先不|还不|先别|不了|未住|还没)\W*$"
)
# "put Export Day 2024 as the title": the words before "as the title" are its text.
_NAMED_AS = re.compile(
    r"\b(?:put|use|set|make|have|write|type)\s+(.+?)\s+as\s+(?:the\s+|a\s+|my\s+|our\s+)?"
    r"(?:title|caption|subtitle|heading|headline|text|label|tagline)\b"
)


def retracts(clause: str) -> bool:
    """The clause takes back what came before ("actually no", "scratch that", "不对")."""
    return _RETRACTION.match(clause) is not None


def retraction_spans(clause: str) -> list[tuple[int, int]]:
    """Where a change of mind stands in a clause: a clause of its own ("send me the file, on
    second thought fix the typo" = "send me the file", "on second thought", "fix the typo")."""
    return [m.span() for m in _MIDWAY.finditer(clause)]


def refuses(clause: str) -> bool:
    """The clause is a bare refusal ("nah, not yet", "先不"): it asks nothing itself and takes
    back an export asked before it."""
    return _REFUSAL.match(clause) is not None


def named_as(clause: str) -> re.Match[str] | None:
    """The words given "as the title" ("put Export Day 2024 as the title text"), group 1."""
    return _NAMED_AS.search(clause)


# An offer quoted from our earlier reply ("> Would you like me to export it?") and the user's
# bare yes below it: the offer is what they ask for. An offer of alternatives asks nothing.
_OFFER = re.compile(
    r"(?:would\s+you\s+like\s+me\s+to|do\s+you\s+want\s+me\s+to|want\s+me\s+to|shall\s+i"
    r"|should\s+i|may\s+i|can\s+i|要我|需要我|要不要我|要不要)\s*(?P<offer>[^?？]+?)\s*[?？]",
    re.IGNORECASE,
)
_YES = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|sure|ok|okay|please\s+do|go\s+ahead|do\s+it|sounds\s+good|好的?"
    r"|可以|行|要|嗯|係|得)(?:\W+|\s*(?:please|pls|thanks|thank\s+you|吧|啊|呀|喇|啦))*\W*$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^\s*[>＞]")


def accepted_offer(text: str) -> str | None:
    """The offer a bare yes accepts, quoted from our earlier reply; None for any other turn."""
    lines = text.splitlines()
    own = " ".join(line for line in lines if not _QUOTED.match(line))
    quoted = " ".join(line.lstrip(" >＞") for line in lines if _QUOTED.match(line))
    offer = _OFFER.search(quoted) if quoted and _YES.match(own) else None
    if offer is None or re.search(r"\bor\b|还是", offer["offer"]):
        return None
    return offer["offer"]


# The user's news that their own editing is over ("I'm done editing", "we're finished with the
# changes", "我改好了"): no edit asked for, noise beside a command.
_FINISHED = re.compile(
    r"^\s*(?:(?:ok|okay|so|alright|right|finally)\s+)*(?:(?:im|i\s+am|were|we\s+are|ive|i\s+have"
    r"|weve|we\s+have)\s+)?(?:all\s+|been\s+|finally\s+)?(?:done|finished|through)\s+"
    r"(?:with\s+(?:the\s+|my\s+|all\s+(?:the\s+|my\s+)?)?)?(?:editing|edits|changes|tweaking"
    r"|tweaks|fixing|fixes)\W*$"
    # round 6: "all edits are done", "edits look good", "no more changes"
    r"|^\s*(?:(?:ok|okay|so|alright)\s+)*(?:all\s+)?(?:the\s+|my\s+)?(?:edits|changes|tweaks"
    r"|fixes)\s+(?:are\s+)?(?:all\s+)?(?:done|finished|complete|completed|look\s+good"
    r"|looks\s+good|are\s+good)\W*$|^\s*(?:(?:ok|okay|so)\s+)*no\s+more\s+(?:changes|edits"
    r"|tweaks)\W*$"
    r"|^\s*(?:好了?|ok)?\s*我?(?:已经)?都?(?:改|剪|弄|编辑|调|搞)(?:好|完)晒?了?\W*$"
    # round 24: the session closed ("ok so I think we're done here, can you just go ahead",
    # 搞掂喇 read as 做好喇, "that's a wrap"), and an edit put off to a later version ("we'll add
    # the logo in a later version", 下个版本再加字幕): nothing asked of this one
    r"|^\s*(?:(?:ok|okay|so|alright|right|well|i\s+think|think|guess|i\s+guess)\s+)*"
    r"(?:(?:im|i\s+am|were|we\s+are)\s+(?:all\s+)?(?:done|finished|good)(?:\s+here)?"
    r"|thats\s+(?:a\s+wrap|it\s+for\s+(?:the\s+)?edits))"
    r"(?:\s+(?:so\s+)?(?:can|could)\s+(?:you|u)\s+(?:just\s+)?go\s+ahead)?\W*$"
    r"|^\s*(?:搞|做|弄|整)(?:好|掂|定|完)(?:晒)?(?:喇|啦|了|咯)?\W*$"
    r"|^\s*(?:well|we\s+will|ill|i\s+will|we\s+can|i\s+can|lets|let\s+us)\s[^,.!?]*"
    r"\b(?:in|for)\s+(?:a|the)\s+(?:later|next|future)\s+(?:version|revision|cut|draft"
    r"|iteration|round)\W*$"
    r"|(?:下个|下一个|下一|之后的|以后的|下次的?)(?:版本|版)(?:里|中|时|先)?再[^,.!?]{0,12}$"
)
# Where the user's earlier works went ("我之前做的那些片子都在哪"): a question about the state.
_WHERE_EARLIER = re.compile(
    r"(?:之前|以前|上次|昨天|前几天|早前)[^,.!?]{0,4}?(?:做|弄|生成|剪|整)(?:好|过)?的[^,.!?]{0,8}?"
    r"(?:在哪|在哪里|在哪儿|去哪|去咗边)"
)


# round 13: praise or someone's approval told, no edit asked ("the cut slaps fr fr", "this
# looks fire", "client signed off this morning"): noise beside a command
_TAIL = (
    r"(?:\s+(?:fr|ngl|tbh|lol|lowkey|af|bro|so|now|go\s+ahead|already|honestly"
    r"|(?:can|could)\s+(?:you|u)\s+(?:just\s+)?go\s+ahead))*\W*$"
)
_FINE = (
    r"(?:fire|sick|lit|dope|perfect|amazing|awesome|great|clean|gorgeous|beautiful|incredible"
    r"|good|fine|spot\s+on|solid)"
)
_PRAISED = re.compile(
    r"^\W*(?:(?:yo|ok|okay|so|wow|omg|bro|dude|honestly|ngl|lol|man|thx|thanks|ty|tysm"
    r"|thank\s+you)\s+)*(?:(?:the|this|that|my|our|your|it|its)\s+)?(?:\w+\s+)?(?:slaps|slapped"
    r"|goes\s+hard|bangs|rocks|hits\s+different"
    rf"|(?:is|are|looks|look|looking|sounds|sound)\s+(?:so\s+|really\s+|super\s+)?{_FINE})"
    rf"{_TAIL}"
    # "thx that's perfect": the apostrophe is dropped ("thats", "its")
    r"|^\W*(?:(?:ok|okay|so|wow|omg|thx|thanks|ty|tysm|thank\s+you)\s+)*(?:thats|its|this\s+is"
    rf"|that\s+is)\s+(?:so\s+|really\s+|super\s+|just\s+)?{_FINE}{_TAIL}"
    # Hinglish praise: "bhai video ekdum mast hai", "yeh edit badhiya lag raha hai"
    r"|^\W*(?:(?:bhai|yaar|bro|arre|wah)\s+)*(?:(?:ye|yeh|the|this)\s+)?(?:\w+\s+)?(?:ekdum\s+"
    r"|bahut\s+|bohot\s+|kaafi\s+|bilkul\s+|ek\s+dum\s+)?(?:mast|badhiya|badiya|zabardast"
    r"|jhakaas|shandaar|kamaal|sahi|accha|achha|acha)\s+(?:hai|h|he|lag\s+raha\s+hai|laga)"
    rf"{_TAIL}"
    # someone's verdict given, by role or by name ("Dana signed off on the cut"), or the thing
    # judged in the passive ("music's approved by Dana"): settled, a plain go-ahead
    r"|^\W*(?:(?:the|my|our)\s+)?(?!(?:you|u|pls|please|dont|not|if|once|when)\b)[a-z]+\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:already\s+|finally\s+|just\s+)?"
    r"(?:signed\s+off|approved|okayed|loved|liked|is\s+happy|was\s+happy|gave\s+the\s+(?:ok"
    r"|okay|green\s+light))"
    r"(?:\s+(?:on\s+)?(?:it|this|that|the\s+\w+))?(?:\s+(?:this\s+morning|today|yesterday"
    rf"|earlier|last\s+night))?{_TAIL}"
    r"|^\W*(?:(?:the|my|our|this|that)\s+)?[a-z]+\s+(?:s\s+|is\s+|was\s+|has\s+been\s+|got\s+)?"
    r"(?:already\s+|finally\s+|just\s+)?(?:approved|signed\s+off|okayed|cleared|greenlit)"
    rf"(?:\s+by\s+(?:the\s+|my\s+|our\s+)?[a-z]+)?{_TAIL}"
    # round 24: Chinese praise of what came out (頭先出嗰條片好正 read as 刚才出那视频好正,
    # 条片几靓), no request marker in the clause
    r"|^(?![^,.!?]*(?:帮|幫|请|麻烦|给我|俾我|可以|能不能|要))[^,.!?]{0,12}?"
    r"(?:好|很|超|几|真|挺|非常|太)(?:正|靓|好看|好睇|赞|棒|满意|喜欢)(?:呀|啊|喔|哦|啦|喇|了|呢)?\W*$"
)


# A suggestion asked for ("what music would suit this video?", "请问这个视频适合配什么音乐",
# "呢条片配咩歌好"): creative advice from the video agent, never a state answer
_THING = (
    r"(?:music|song|songs|track|tracks|soundtrack|font|fonts|colou?rs?|filter|filters|transition"
    r"|transitions|title|titles|effect|effects|style|styles|mood|vibe|caption\s+style|bgm)"
)
_ADVICE = re.compile(
    rf"\b(?:what|which)\s+(?:kind\s+of\s+|sort\s+of\s+)?{_THING}\s+(?:would|should|could|might"
    r"|will|do\s+you\s+think\s+would|goes|go|fits?|suits?|works?|matches)\b"
    rf"|\b(?:suggest|recommend)\s+(?:me\s+)?(?:a|an|some|any|the)?\s*(?:good\s+)?{_THING}\b"
    rf"|\b(?:any\s+)?(?:suggestions?|recommendations?|ideas?)\s+(?:for|on)\s+(?:a\s+|the\s+)?{_THING}"
    r"|适合(?:配|加|用|放)?什么|配什么(?:音乐|歌|字体|颜色|滤镜|转场|bgm)|推荐(?:一下|几首|一首|些|个)?"
    r"(?:音乐|歌|字体|颜色|滤镜|转场|bgm)|(?:用|加|配)什么(?:音乐|歌|字体|颜色|滤镜|转场|bgm)?(?:比较)?好"
)


def advice(clause: str) -> bool:
    """The clause asks for a suggestion for the video (see `_ADVICE`)."""
    return _ADVICE.search(clause) is not None


# "make sure the colors look good": a result asked for, not praise (the fillers drop "make sure")
_ASKED_RESULT = re.compile(r"\b(?:make\s+sure|ensure|check\s+that|see\s+that|so\s+that)\b")


def told(clause: str, said: str = "") -> Literal["", "sse", "state"]:
    """A clause that tells rather than asks: the user's editing finished or praise or an
    approval told (`sse`, noise beside a command), or where their earlier works went
    (`state`); "" for any other clause. `said` is the clause before fillers were dropped."""
    praised = _PRAISED.search(clause) is not None and not _ASKED_RESULT.search(said)
    if _FINISHED.search(clause) or praised:
        return "sse"
    return "state" if _WHERE_EARLIER.search(clause) else ""


# "same as last time, just export", "export it like last time": the earlier export's settings
# named beside the export, no edit of their own; "same as last time, then export" orders a
# repeat of the last edit before it
_EARLIER = (
    r"(?:(?:do\s+(?:it\s+)?)?(?:the\s+|exactly\s+the\s+)?same(?:\s+settings|\s+way)?\s+as"
    r"\s+(?:last\s+time|before|the\s+last\s+one|last\s+one|yesterday)|like\s+last\s+time)"
)
_EARLIER_FIRST = re.compile(
    rf"^\W*(?:(?:ok|okay|yeah|so|just|and|pls|please)\s+)*{_EARLIER}\W+"
    r"(?!\W|then\b|after\b|and\s+then\b)"
)
_EARLIER_LAST = re.compile(rf"[\s,;.]+(?:just\s+)?{_EARLIER}\W*$")


def without_earlier_settings(text: str) -> str | None:
    """The turn without a reference to the last export's settings at its start or end ("same
    as last time, just export" = "export"); None when it holds none, or nothing else."""
    match = _EARLIER_FIRST.match(text) or _EARLIER_LAST.search(text)
    if match is None:
        return None
    rest = f"{text[: match.start()]} {text[match.end() :]}".strip()
    return rest or None
