"""Turns read whole, whatever a word in them says on its own (issue #10, round 28):

- `format_asked`: whether the file can come in a format, asked with the user as the one who
  gets it ("can i get it in 4k", "could I have it as a gif?", "is it possible to get a vertical
  version?"): the agent answers, nothing is exported. Without a "?" only a quality tier the
  plan may not offer is asked about ("can i get it in 4k"); "can I have it as a gif", "can i get
  a gif version too" ask for the file, and mp4 is the file itself. Asked of us in a request
  form ("give me it in 4k", "can you export it in 4k please", 可以帮我导出4K吗) it stays an
  export; asked with nobody doing it for the user (可以出4K吗, 能唔能出个gif) it is a question.
- `impatient`: the wait complained about in other words than a progress question ("still not
  ready??", 仲未整好咩？好耐喎, "how much longer"): the state answer.
- `balance_asked`: whether the balance is enough, asked in the formal register ("I am writing
  to ask whether my remaining balance is sufficient for three more videos"): the credits answer.
- `earlier_turn`: a reference to what the user said in earlier turns ("do what I asked two
  messages ago", "like I said before", 照之前讲的做): the agent, who has the conversation, does
  it; never a balance or state answer read from "two" or "ago".

Pure regexes over the prepared text (lower case, apostrophes dropped, mostly Simplified).
"""

from __future__ import annotations

import re
from dataclasses import replace

from agent.router.invariants import without_export
from agent.router.route import Action, Route

__all__ = ["balance_asked", "earlier_turn", "format_asked", "impatient", "reread"]

# a quality tier the plan may not offer ("in 4k", "in 1080p") and another kind of file ("as a gif",
# "vertical"); mp4 is the file itself, always there ("can I have it as an mp4" asks for it)
_TIER = (
    r"(?:\d{3,4}\s*p|[2-8]\s*k|uhd|full\s+hd|hd|\d+\s*fps|hdr|higher\s+res(?:olution)?"
    r"|(?:better|higher|best|max(?:imum)?)\s+quality)"
)
_KIND = (
    r"(?:gif|webm|mov|avi|mkv|vertical|portrait|landscape|square|widescreen|prores"
    r"|(?:9|16|4|1)\s*[:x]\s*(?:16|9|3|1|5))"
)
_FORMAT_ASKED = re.compile(
    r"^\W*(?:(?:so|and|hey|hi|ok|okay|um|uh|btw|also|quick\s+q(?:uestion)?)\W+)*(?:"
    r"(?:can|could|may|might)\s+(?:i|we)\s+(?:also\s+|still\s+|even\s+|maybe\s+)?"
    r"(?:get|have|grab|download|export|receive)"
    r"|(?:is|would)\s+it\s+(?:be\s+)?possible\s+(?:for\s+(?:me|us)\s+)?to\s+(?:get|have|export"
    r"|download|render|receive)"
    r"|(?:can|could|will)\s+(?:it|this|that|the\s+\w+)\s+(?:be\s+)?(?:exported|rendered"
    r"|downloaded|made|come)"
    r")(?![a-z])[^.!;]{0,30}?(?:in\s+(?P<tier>" + _TIER + r")|(?:in|as|at|into)\s+(?:a\s+|an\s+)?"
    r"(?:" + _TIER + "|" + _KIND + r")|(?:a|an)\s+(?:" + _TIER + "|" + _KIND + r")\s+"
    r"(?:version|copy|file|one|cut))(?![a-z])"
    r"(?:\s+(?:version|copy|file|format|instead))?\s*(?P<asked>\?+)?$"
)
# 可以出4K吗, 能唔能出个gif, 有冇得出直版 (唔 read as 不): asked with nobody to do it for the user
_FORMAT_ASKED_ZH = re.compile(
    r"^\W*(?:请问|想问下?|问下|问一下)?\W*(?:可以|可不可以|能|能不能|能否|有没有得|有冇得|得不得)"
    r"(?:导出|汇出|渲染|出|导|做|转|变)(?:成|做|一个|个|一条|条)?\W*"
    r"(?:4k|8k|2k|\d{3,4}p|gif|动图|webm|mov|mp4|竖版|直版|横版|竖屏|横屏|方形|高清|超清|60帧|\d+帧)"
    r"(?:版本?|的|格式|画质|出来)?\W*(?:吗|么|嗎|呀|啊|㗎|不|未|呢)*\W*$"
)
_ASKED_OF_US = re.compile(r"(?<![a-z])(?:please|pls|plz|kindly|for\s+me)(?![a-z])")


def format_asked(text: str) -> bool:
    """Whether the prepared turn `text` asks only whether the file can come in a format."""
    text = text.strip()
    if _FORMAT_ASKED_ZH.match(text):
        return True
    # with no "?", only a tier asked ("can i get it in 4k"): "can I have it as a gif" asks for it
    found = _FORMAT_ASKED.match(text)
    if found is None or _ASKED_OF_US.search(text) is not None:
        return False
    return bool(found["asked"] or found["tier"])


_CLAUSE = re.compile(r"[,.;:!?\n~]+|\s[-—–]+\s")
_IMPATIENT = re.compile(
    r"^(?:(?:so|hey|um|uh|ok|yo|hello|hi|guys|bro|man|dude|seriously|and|but)\s+)*(?:"
    r"(?:is\s+it\s+|its\s+|it\s+is\s+|is\s+the\s+\w+\s+|the\s+\w+\s+is\s+)?still\s+(?:not|isnt"
    r"|aint|no)\s+(?:ready|done|finished|there|out|complete|up)"
    r"|(?:is\s+it\s+|its\s+)?(?:still\s+)?not\s+(?:ready|done|finished)\s+yet"
    r"|still\s+(?:nothing|waiting|no\s+(?:video|file|news))"
    r"|how\s+(?:much|many\s+more)\s+(?:longer|minutes|hours|mins)(?:\s+(?:now|still|more))?"
    r"|how\s+long\s+(?:now|still|more)|(?:why\s+is\s+(?:it|this)\s+)?taking\s+(?:so|too)\s+long"
    r"|whats\s+the\s+hold\s*up|(?:its\s+been|been)\s+(?:ages|forever|so\s+long|an?\s+\w+)"
    r")(?:\s+(?:yet|already|now|bro|man|dude|guys|lol|ugh|seriously|or\s+what|huh))*$"
    r"|^(?:你|个|条|那个|這個|这个|视频|片)*(?:怎么|咋|为什么|点解|點解|做乜|做咩)?(?:还没|还未)有?"
    r"(?:[做弄搞整剪处理生成渲染]|处理)?(?:好|完|掂|定|出来|成)"
    r"(?:[了啊呀么吗嗎咩吖啦喇喎嘛]|什么)*$"
    r"|^(?:[搞整做弄]成|[搞整做弄]到)(?:点|點|怎样|怎么样|怎樣|怎麼樣)(?:[了啊呀么吗嗎咩吖啦喇喎]|什么)*$"
    r"|^(?:仲要|还要|要)(?:等)?(?:几耐|幾耐|多久|几久)(?:[了啊呀么吗嗎咩吖啦喇喎]|什么)*$"
)
# what goes with the complaint: a groan, a "been ages", an emoji's leftover
_GROAN = re.compile(
    r"^(?:ugh+|come\s+on|cmon|seriously|lol|bro|man|dude|wtf|omg|hello+|hurry(?:\s+up)?"
    r"|its\s+been\s+(?:ages|forever|so\s+long)|been\s+(?:ages|forever)|i\s+(?:have\s+)?been\s+waiting"
    r"|im\s+waiting|waiting)\W*$"
    r"|^(?:好耐|好久|等了好久|等好久|很久|等咗好耐|等了很久|等到|快点|快啲|喂|唉|真系|真是)"
    r"(?:[了啊呀喎啦喇嘛吖]|了吧|呀喂)*$"
)


def impatient(text: str) -> bool:
    """Whether every clause of the prepared turn `text` complains of the wait (a groan beside
    one is fine): the state answers it."""
    clauses = [c.strip() for c in _CLAUSE.split(text) if c.strip()]
    found = [bool(_IMPATIENT.search(c)) for c in clauses]
    return any(found) and all(f or _GROAN.match(c) for f, c in zip(found, clauses, strict=True))


_BALANCE_FORMAL = re.compile(
    r"(?<![a-z])(?:balance|credits?|points|account|funds|allowance)(?![a-z])[^.?!]{0,60}?"
    r"(?<![a-z])(?:sufficient|suffice|adequate|enough|cover)(?![a-z])"
    r"|(?<![a-z])(?:sufficient|adequate|enough)\s+(?:remaining\s+)?(?:balance|credits?|points"
    r"|funds)(?![a-z])"
    r"|(?:余额|积分|点数|额度|账户|户口|钱)[^,.!?]{0,12}?(?:是否|够不够|够吗|够么|足够|足以|够用)"
)
_INQUIRY = re.compile(
    r"(?<![a-z])(?:whether|ask|inquire|enquire|confirm|advise|let\s+me\s+know|tell\s+me"
    r"|wondering|would\s+like\s+to\s+know|do\s+i\s+have|is\s+there)(?![a-z])|\?"
    r"|是否|够不够|[吗么]|请问|告知|想问|确认"
)


# the export named as what the balance should cover ("sufficient for another export",
# 是否足够再导出一次), not a step after the check ("…and, if it is sufficient, proceed")
_FOR_EXPORT = re.compile(
    r"(?<![a-z])(?:sufficient|enough|adequate|cover|suffice)(?:\s+(?:for|to))?[^,.;!?]{0,30}?"
    r"(?:export|render|download)|(?:足够|够)(?:再|多)?[^,.;!?]{0,8}?(?:导出|渲染|下载|出片)"
)


def _spend_asked(text: str) -> bool:
    return balance_asked(text) and _FOR_EXPORT.search(text) is not None


def balance_asked(text: str) -> bool:
    """Whether the prepared turn `text` asks, in any register, if the balance is enough."""
    return _BALANCE_FORMAL.search(text) is not None and _INQUIRY.search(text) is not None


_EARLIER = re.compile(
    r"(?<![a-z])(?:(?:two|2|three|3|four|4|few|couple(?:\s+of)?|some|several|a)\s+(?:messages?"
    r"|msgs?|texts?|turns?|replies|posts|chats?)\s+(?:ago|back|up|earlier|before|above)"
    r"|(?:like|as|what|the\s+way|how)\s+i\s+(?:already\s+)?(?:said|asked|mentioned|told\s+you"
    r"|wrote|requested|typed|explained|described)"
    r"|i\s+(?:already\s+)?(?:said|asked|mentioned|told\s+you)\s+(?:before|earlier|already"
    r"|previously|above)"
    r"|(?:my\s+)?(?:earlier|previous|last|prior|first|original)\s+(?:message|request|msg"
    r"|instructions?|ask)"
    r"|same\s+as\s+(?:before|last\s+time|earlier)|as\s+(?:discussed|mentioned|requested))"
    r"(?![a-z])"
    r"|(?:照|按照?|跟返?|依照|同返)(?:我)?(?:之前|上次|刚才|头先|先前|前面|啱先)"
    r"|(?:之前|刚才|头先|上次|前面|啱先|上面)(?:我)?(?:讲|说|講|說|提|要求|问|問)"
    r"|我(?:已经)?(?:讲过|说过|講過|說過|提过|提過)"
    r"|[几两三]条(?:信息|消息|讯息|訊息)(?:之前|前|以前)"
)


def earlier_turn(text: str) -> bool:
    """Whether the prepared turn `text` points at what the user said in earlier turns."""
    return _EARLIER.search(text) is not None


def reread(routed: Route, said: str, media: bool) -> Route:
    """The plan of a turn read whole (module docstring): no export for a format asked about, a
    lone `sse` that complains of the wait
    or asks if the balance is enough becomes that answer, and a plan guessed by a model for a
    turn pointing at earlier turns goes to the agent."""
    actions = routed.actions
    if "export" in actions and format_asked(said):  # "can i get it in 4k": the agent answers
        return without_export(routed)
    if actions in (("state",), ("credits",)) and format_asked(
        said
    ):  # "could we also have it as a webm?"
        return replace(routed, actions=("sse",))
    if "credits" in actions and set(actions) <= {"credits", "sse", "export"} and _spend_asked(said):
        return without_export(replace(routed, actions=("credits",)))  # 是否足够再导出一次
    if actions == ("sse",) and not media:
        answer: Action | None = (
            "state" if impatient(said) else "credits" if balance_asked(said) else None
        )
        if answer is not None:
            declined = tuple(a for a in routed.declined if a != answer)
            return replace(routed, actions=(answer,), declined=declined)
    if (
        routed.source != "keyword"
        and set(actions) <= {"upload", "sse", "state", "credits"}
        and earlier_turn(said)
    ):
        return replace(routed, actions=("upload", "sse") if "upload" in actions else ("sse",))
    return routed
