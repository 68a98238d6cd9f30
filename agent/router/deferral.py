"""Deferral: a turn that puts its export off until the user or someone else acts.

A temporal or conditional subordinate clause ("once I upload the logo", "after the client
approves", "pending sign-off", "等我确认之后再", "客户同意以后") defers the command it governs;
one about our own work ("once done", "when you're finished", "做好之后") only orders it. The
user's own export to come ("I'll export it myself", "我自己导出") is not a command either.

Pure regexes over the keyword stage's normalised text (apostrophes dropped: "I'm" is "im").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.router.awaited import points_back, set_for_later, waits_on_step
from agent.router.clauses import Segment
from agent.router.reading import Clause
from agent.router.route import Action
from agent.router.supplied import SUPPLIED_ZH, awaits_supplied, still_missing
from agent.router.unsettled import hangs_on_answer, unsettled

__all__ = [
    "acted_by_others",
    "checks_done",
    "checks_first",
    "condition",
    "deferred",
    "runs_now",
    "without_later_word",
]

_SUBORDINATOR = (
    r"(?:once|after|when|whenever|as\s+soon\s+as|until|till|til|if|only\s+if|unless"
    r"|provided(?:\s+that)?|as\s+long\s+as|by\s+the\s+time|assuming(?:\s+that)?|supposing"
    r"|presuming|on\s+condition\s+that|so\s+long\s+as)"
)
# Who acts in the subordinate clause: the user, a third party, or something of theirs. "you",
# "it", "that", "everything" or no subject at all ("once done") is our own work.
_PEOPLE = (
    r"(?:client|clients|boss|team|manager|customer|customers|stakeholders?|director|producer"
    r"|agency|lawyers?|legal|marketing|management|compliance|committee|family|wife|husband"
    r"|partner|friend|friends|mom|mum|dad|sister|brother|colleague|colleagues|coworker"
    r"|supervisor|teacher|editor|higher\s+ups|approver|reviewer|photographer|videographer"
    r"|designer|creator|writer|copywriter|artist|owner|founder|ceo|cmo|producer|vendor|printer"
    r"|others|rest\s+of\s+the\s+team|agent|lawyer|accountant|assistant|intern|girlfriend"
    r"|boyfriend|parents|kids|son|daughter|bride|groom|couple|coach|students?)"
)
_PRODUCT = (
    r"(?:video|clip|movie|film|edit|edits|changes|change|project|draft|slideshow|reel|title"
    r"|titles|music|render|export|fixes|tweaks|version|cut)"
)
_SUBJECT = (
    r"(?:i|im|ive|id|ill|we|were|weve|wed|he|hes|she|shes|they|theyre|theyve|someone|somebody"
    rf"|everyone|everybody|anyone|people|{_PEOPLE}"
    rf"|(?:the|our|my|his|her|their)\s+(?:\w+\s+)?{_PEOPLE}"
    rf"|(?:my|our|his|her|their)\s+(?!{_PRODUCT}\b)\w+)"
)
_JUDGED = (
    r"(?:approves?|approved|signs?\s+off|signed\s+off|confirms?|confirmed|reviews?|reviewed"
    r"|checks?|checked|decides?|decided|picks?|picked|chooses?|chose|likes?|liked|loves?"
    r"|sees?|seen|saw|says?|said|gives?\s+(?:the|you\s+the|it\s+the)\s+(?:ok|okay|go|green)"
    r"|gets?\s+back|replies|replied|responds?|responded|agrees?|agreed|happy|satisfied"
    # round 9: a verdict in other words ("once Sarah okays it", "after legal clears it")
    r"|okays?|okayed|oks|okd|greenlights?|greenlit|clears?|cleared|blesses|blessed|accepts?"
    r"|accepted|verifies|verified|validates?|validated|nods?|nodded|weighs\s+in|chimes\s+in"
    r"|is\s+(?:ok|okay|fine|good)\s+with)"
)
_ARRIVES = (
    r"(?:arrives?|arrived|comes?\s+(?:in|through)|came\s+(?:in|through)|lands?"
    r"|landed|gets?\s+here|is\s+delivered|are\s+delivered"
    r"|(?:is|are|gets?|get)\s+(?:sent|emailed)\s+(?:over|to\s+(?:me|us))|goes\s+live|go\s+live)"
)
_UNTIL = r"(?:once|after|when|whenever|as\s+soon\s+as|until|till|til)"
_EXPORTING = r"(?:export|render|download|send|deliver)\w*"
_EVENT = (
    r"(?:meeting|call|review|approval|sign\s*-?\s*off|signoff|feedback|lunch|dinner|weekend"
    r"|break|holidays?|class|school|shoot|presentation|launch|vacation|trip|conference)"
)
_LATIN = re.compile(
    rf"\b{_SUBORDINATOR}\s+{_SUBJECT}\b"
    rf"|\b{_SUBORDINATOR}\s+(?!you\b|youre\b|youve\b)(?:\w+\s+){{0,3}}?{_JUDGED}\b"
    rf"|\b(?:after|until|till|til|before)\s+(?:\w+\s+){{0,2}}?{_EVENT}\b"
    r"|\bpending\b|\bsubject\s+to\s+(?:\w+\s+)?(?:approval|review|sign)"
    # someone's word still awaited: "waiting on the client's sign-off, then export"
    rf"|\bwait(?:ing|s)?\s+(?:on|for)\s+(?:(?:the|my|our|his|her|their)\s+)?(?:\w+\s+)?{_PEOPLE}\b"
    r"|\bwait(?:ing|s)?\s+(?:on|for)\s+(?:\w+\s+){0,3}?(?:approval|sign\s*-?\s*off|signoff"
    r"|feedback|ok|okay|green\s+light|go\s*-?\s*ahead|review|reply|answer|response"
    r"|confirmation|verdict|decision)\b"
    # a condition in a language the tables do not read ("cuando el cliente apruebe, exporta",
    # "sobald der Kunde zustimmt", "quand le client valide", "jab boss approve kare tab"): the
    # export waits; the video agent reads the rest
    r"|\b(?:cuando|sobald|wenn|nachdem|quand|lorsque|quando|jab|agar|si\s+(?:el|la|mi"
    r"|los|las|nuestro|nuestra|le|les|mon|ma|notre|der|die|das|mein|meine))\b"
    rf"|\b{_PEOPLE}\b(?:\s+\S+){{0,4}}?\s+(?:kare|karein|karenge|karega|bole|bolein|bolega"
    r"|de\s+de|dega|dein|ke\s+baad)\b"
    # someone else's verdict still to come: "the client will approve tomorrow, export then"
    # someone else's export to come: "my boss will export it", "the client is gonna render it"
    rf"|\b(?:(?:the|my|our)\s+(?:\w+\s+)?{_PEOPLE}|he|she|they)\s+(?:will|ll|is\s+going\s+to"
    r"|is\s+gonna|gonna|wants\s+to|can|could|would\s+rather)\s+(?:\w+\s+){0,2}?(?:export|render"
    r"|download)"
    rf"|\b(?:(?:(?:the|my|our)\s+(?:\w+\s+)?)?{_PEOPLE}|he|she|they)\s+(?:still\s+)?(?:will|ll"
    r"|is\s+going\s+to|needs?\s+to|has\s+to|have\s+to|must|should|hasnt|has\s+not|havent"
    rf"|gotta|got\s+to)\s+(?:\w+\s+){{0,2}}?{_JUDGED}"
    r"|\bcircle\s+back\b|\bon\s+hold\b"
    # round 13: something still to arrive, not our work ("render it once the logo arrives",
    # "export when the final voiceover comes in", "after the new photos land")
    rf"|\b{_EXPORTING}\b[^,.;!?]{{0,30}}?\b{_UNTIL}\s+(?:\w+\s+){{0,3}}?{_ARRIVES}\b"
    rf"|\b{_UNTIL}\s+(?:\w+\s+){{0,3}}?{_ARRIVES}\b\W*(?:then\s+)?(?:\w+\s+){{0,3}}?{_EXPORTING}"
    # the user's own export still to come: "I'll do the export myself", "let you know when to"
    r"|\b(?:ill|i\s+will|im\s+going\s+to|im\s+gonna|i\s+can|i\s+could|i\s+might|well|we\s+will"
    r"|were\s+going\s+to|were\s+gonna|we\s+might|we\s+may)\s+"
    r"(?:(?:just|probably|then|maybe|do|go\s+ahead\s+and|handle|take\s+care\s+of|the|it"
    r"|myself|that|one|final)\s+)*(?:export|render|download)"
    r"|\b(?:export|render|download)\w*\s+(?:\w+\s+){0,3}?(?:myself|ourselves|on\s+my\s+own)\b"
    r"|\b(?:tell|ask|let\s+you\s+know|say)\s+(?:\w+\s+){0,2}?(?:when|once)\s+to\s+"
    r"(?:export|render|download)"
    # a decision on the export still to come: "we'll decide on the final export then"
    r"|\b(?:ill|i\s+will|well|we\s+will|theyll|they\s+will|(?:the|my|our)\s+\w+\s+will)\s+"
    r"(?:\w+\s+)?(?:decide|talk|think)\s+(?:on|about)\b[^,.;!?]{0,30}?\b(?:export|render|download)"
    # the user's own decision still to come: "then I'll tell you if it's ready to export"
    r"|\b(?:ill|i\s+will|im\s+going\s+to|im\s+gonna|i\s+can|let\s+me|i\s+need\s+to|i\s+have\s+to"
    r"|well|we\s+will)\s+(?:\w+\s+)?(?:tell\s+(?:you|u)|let\s+(?:you|u)\s+know|decide|see|think"
    r"|check|confirm)\s+(?:about\s+)?(?:if|whether|when)\b[^,.;!?]{0,40}?\b(?:export|render"
    r"|download|ready|good\s+to\s+go)"
    r"|\b(?:ill|i\s+will|well|we\s+will)\s+(?:\w+\s+)?tell\s+(?:you|u)\s+(?:when\s+|once\s+)?to\s+"
    r"(?:export|render|download)"
    # a step of the user's still to come before the export: "I'll upload it and we can export"
    r"|\b(?:ill|i\s+will|im\s+going\s+to|im\s+gonna)\s+(?:\w+\s+)?(?:upload|send|record|find"
    r"|check|look|get|grab|shoot|think|decide|ask)\b.*\b(?:and|then)\b.*\b(?:export|render"
    r"|download)"
)
_WHO_ZH = (
    r"(?:我|我们|咱|咱们|客户|老板|领导|甲方|老师|朋友|家人|大家|他|她|他们|她们|别人|同事|经理"
    r"|上司|主管|老婆|老公|妈|爸|男朋友|女朋友|对方|老细|客)"
)
_CJK = re.compile(
    rf"等{_WHO_ZH}"
    rf"|(?<!你)(?:确认|同意|审核|批准|看过|看完|过目|检查|决定|选好|满意|点头|通过|批了|签字"
    r"|回复|拍板|审|批|(?<!标)签)(?:了|完|好|过)?(?:之后|以后|后|再|就|才|先可以|先能|先至)"
    rf"|(?:只要|如果|要是|等到){_WHO_ZH}.{{0,6}}(?:说|讲|叫|喊|同意|确认|觉得|满意|没意见|没问题"
    r"|点头|ok|好)"
    # the user still has to ask someone first ("我还要问下客户", "我得先跟老板确认")
    rf"|我(?:还|要|得|需要|先)+(?:(?:跟|和|同){_WHO_ZH}(?:问|确认|商量|请示)"
    rf"|(?:问|问问|请示)(?:一?下)?{_WHO_ZH})"
    # the user's own decision still to come ("我再告诉你要不要导出", "我看完再决定")
    r"|我(?:再|会|到时|等下|之后)[^,.!?你]{0,4}?(?:告诉你|跟你说|决定|通知你)[^,.!?]{0,3}?"
    r"(?:要不要|能不能|可不可以|是否|行不行)[^,.!?]{0,4}?(?:导出|下载|渲染|出片|输出)"
    r"|我自己.{0,3}(?:导出|下载|渲染|输出)|(?<![帮给替让叫])我来(?:导出|下载|渲染)"
    # the user's own step first ("等阵我睇完先再匯出"), or someone's word ("老公说可以了你再导出")
    r"|(?<![帮给替让叫把将])我(?!的)[^你,.!?]{0,6}?(?:完|过|好)(?:先)?(?:之后|以后|后)?[你就]?再"
    rf"|{_WHO_ZH}[^,.!?你已]{{0,4}}?(?:看完|看过|说|讲|话|同意|确认|觉得|点头|批准|ok|okay|批|审"
    r"|过目|拍板|签字)[^,.!?]{0,4}?"
    # 再 before a comparison is "more" ("我觉得音乐再大声点"), no later step
    r"你?(?:再(?![^,.!?]{0,5}?(?:一?点|一些|些|啲))|就|才|先好|先至|(?<=了)先)"
)
# A wait for what is not our work, then the command: someone's word or an event ("等市场部那边ok了
# 再渲染", "等阿sir批咗先出片", "等上面批下来再导出", "等审核通过再导出"). Our own work awaited
# ("等字幕加好了再导出", "等你弄完再导出") only orders the command; a bare moment ("等一下先导出
# 一版") is no wait for anyone.
_AWAITED_ZH = re.compile(
    r"(?<!、)等(?![不等于同级再才先就])(?P<what>[^,.;!?\n]{1,14}?)"
    r"(?P<done>(?:了|完|好|过|下来|之后|以后|后)*)\s*(?P<then>再|才|先|就)"
)
_OUR_WORK_ZH = re.compile(
    r"你|[做弄剪改调换加减删修配拼接整搞]|生成|渲染|处理|合成|制作|导出|出片|下载|输出|完成"
)
_MOMENT_ZH = re.compile(r"^(?:一下|下|一会儿?|会儿?|阵|一阵|片刻|一?两?[几一二三四五两]?分钟)$")
# Someone's approval in a party's own words, with or without 等: "市场部那边ok了再渲染", "上面批下来
# 再导出", "阿sir批咗先出片" (Cantonese "…咗先": only once it is done).
_APPROVED_ZH = re.compile(
    r"(?:那边|那头|方面|上面|上头|上级|部门|sir|boss|[部组方])\s*(?:都|也|已经)?\s*"
    r"(?:ok|okay|批|过|放行|同意|认可|点头|拍板|签字?|确认|通过|没问题|首肯|答应)"
    r"(?:了|完|好|下来)*(?:之后|以后|后)?(?:再|才|就)"
    r"|(?<![你我做弄剪改调加])(?:批|批准|放行|认可|首肯|拍板|点头|同意|确认|通过|签字?|ok|okay)"
    r"(?:了|下来)(?:之后|以后|后)?先"
)


def _awaits_zh(text: str, *, media: bool) -> bool:
    """A Chinese wait for someone's word or an event before the command (see `_AWAITED_ZH`);
    with a file, a wait for its upload ("等我上传完再导出") is this very upload."""
    if _APPROVED_ZH.search(text):
        return True
    for found in _AWAITED_ZH.finditer(text):
        what = found["what"]
        if media and _UPLOADING.search(what):
            continue
        if _MOMENT_ZH.match(what):
            if found["then"] in "再才":
                return True  # "等一下再导出": later
            continue  # "等一下先导出": a moment, then the command now
        if re.search(_WHO_ZH, what) or not _OUR_WORK_ZH.search(SUPPLIED_ZH.sub("", what)):
            return True
    return False


_OTHERS = re.compile(rf"^{_SUBORDINATOR}\s+{_SUBJECT}\b")
# "once it's rendered", "when that's done": our own work finished, a condition that asks nothing.
_DONE = re.compile(
    rf"^{_SUBORDINATOR}\s+(?:it|its|that|thats|this|everything|the\s+\w+)\s+"
    r"(?:is\s+|are\s+|has\s+been\s+|gets\s+|got\s+)?(?:not\s+|still\s+not\s+)?"
    r"(?:done|finished|ready|rendered|exported|complete|completed|over|through)(?:\s+yet)?\W*$"
    # "when you finish the video", "once you're done": our whole work, not one part of it
    rf"|^{_SUBORDINATOR}\s+(?:you|youre|youve)\s+(?:(?:are|have)\s+)?(?:finish|finished|complete"
    rf"|completed|done|wrap\s+up|wrapped\s+up)(?:\s+(?:with|up))?(?:\s+(?:the|my|this|that|it)"
    rf"(?:\s+{_PRODUCT})?)?\W*$"
)
# "if I could get the mp4", "if we may", "if I have enough credits", "when I said export": a
# polite request, a condition on the account, or the user's earlier word, not a wait.
_NOT_WAITING = re.compile(
    r"(?:if|when|once)\s+(?:i|we)\s+(?:could|may|might|can|said|have\s+enough|still\s+have"
    r"|have\s+(?:the\s+|any\s+)?(?:credits?|points?|balance))\b"
    r"|(?:if|when|once)\s+(?:ive|weve|i|we)\s+(?:still\s+)?got\s+enough\b"
)
_UPLOADING = re.compile(r"\b(?:upload|uploads|uploaded|send|sent|attach|attached)\b|上传|发")


# A condition we can check, on the account or on what the video already holds ("if it's under 10
# credits, export", "如果积分够的话就导出", "if the music's already in there, go ahead and
# export"): the check is the answer, and the user decides on the export after seeing it.
_IN_PLACE = (
    r"(?:the\s+|my\s+|our\s+)?\w+\s+(?:is\s+|are\s+|s\s+)?(?:already\s+)?(?:in\s+there"
    r"|in\s+it|in\s+already|already\s+in|included|added|on\s+there)\b"
)
_ACCOUNT = re.compile(
    r"(?<!even\s)\b(?:if|only\s+if|as\s+long\s+as|provided(?:\s+that)?)\s+(?:\w+\s+){0,5}?"
    r"(?:credits?|points?|balance|tokens?)\b"
    r"|(?<!even\s)\bif\s+(?:theres|there\s+is|there\s+are|i\s+have|we\s+have|its|it\s+is)\s+"
    r"(?:still\s+)?enough\b"
    # round 17: the balance left unsaid ("first: check credits. second: if enough, render")
    r"|(?<!even\s)\bif\s+(?:still\s+)?enough\b(?!\s+(?!(?:export|render|download)\b)[a-z])"
    # round 6: the price named without the word ("if it's cheap enough", "if I can afford it")
    r"|(?<!even\s)\b(?:if|only\s+if|as\s+long\s+as|provided(?:\s+that)?)\s+(?:\w+\s+){0,4}?"
    r"(?:cheap|cheaper|pricey|expensive|costs?|costing|price|priced|afford|budget|free)\b"
    r"|(?:如果|要是|假如|只要|若是)[^,.!?]{0,6}?(?:贵|便宜|钱|价|费|免费)"
    r"|(?:如果|要是|假如|只要|若是|若)[^,.!?]{0,8}?(?:积分|余额|点数|额度|credits?|points?|钱)"
    r"|(?:积分|余额|点数|额度)[^,.!?]{0,4}?(?:够|足够|不够|超过|不到|少于|多于|以内|以下)"
    r"[^,.!?]{0,4}?(?:的话|就|才)"
)
_CONTENT = re.compile(
    rf"(?<!even\s)\bif\s+{_IN_PLACE}"
    r"|(?:如果|要是|只要|若是)[^,.!?]{0,8}?(?:已经)?(?:加|放|配)?(?:进去|在里面|在里头)了?(?:的话)?"
)
_PLACED = re.compile(rf"^if\s+{_IN_PLACE}\W*$")


# Enough credits, the condition the system enforces itself: an export cannot run without them
# ("if I've got enough credits left, export it"), so the balance and the export both run; "only
# if" and a price named ("if it's under 10 credits") stay the check alone
_ENOUGH = (
    r"(?<!only\s)\bif\s+(?:(?:i|we)\s+(?:still\s+)?(?:have|got|have\s+got)|(?:ive|weve)\s+"
    r"(?:still\s+)?got|theres|there\s+is|there\s+are)\s+(?:still\s+)?enough(?:\s+(?:credits?"
    r"|points?|balance))?(?:\s+left)?"
)
_ENFORCED = re.compile(
    rf"{_ENOUGH}(?=\s*(?:,|then\b|(?:\w+\s+){{1,3}}(?:export|render|download)|\W*$))"
)
_ENOUGH_CLAUSE = re.compile(rf"^{_ENOUGH}(?:\s+(?:just|so|then|go\s+ahead|and))*\W*$")
# round 24: enough of the balance just asked about ("how many credits left? if enough export"),
# and enough credits in Chinese with the go-ahead given (积分够的话就直接导出): the balance and the
# export both run; without "直接" ("如果积分够的话就导出吧") or with "才" (only then) the user
# decides after the check (round 5)
_ENOUGH_BARE = re.compile(
    r"(?<!only\s)\bif\s+(?:its\s+|it\s+is\s+|thats\s+)?(?:still\s+)?enough\b"
    r"(?=\s*(?:,|then\b|(?:\w+\s+){0,3}(?:export|render|download)|\W*$))"
)
_BALANCE_ASKED = re.compile(r"\b(?:credits?|points?|balance|creds)\b[^?.!]*\?")
_ENFORCED_ZH = re.compile(
    r"(?:如果|要是|假如|只要)?(?:积分|余额|点数|额度)(?:还)?(?:够|足够)(?:用)?(?:的话)?"
    r"(?![^,.!?]*才)(?=\s*,?\s*(?:那)?(?:就|再)?\s*直接\s*(?:帮我|给我)?\s*"
    r"(?:导出|渲染|出片|下载|export|render|download))"
)


def checks_first(text: str) -> Action | None:
    """The check a turn hangs its export on, on the account ("if it's under 10 credits,
    export": credits) or on the video's content ("if the music's already in there": state);
    the check runs, the export waits for the user; on the answer to the turn's own question
    ("is the audio synced? if so, export": sse, the agent looks). None for any other turn, and
    for enough credits alone (`_ENFORCED`: the balance and the export both run)."""
    enforced = _ENFORCED.search(text) or _ENFORCED_ZH.search(text)
    if enforced is None:
        bare = _ENOUGH_BARE.search(text)
        asked = bare is not None and _BALANCE_ASKED.search(text, 0, bare.start()) is not None
        enforced = bare if asked else None
    if enforced is not None:
        text = text[: enforced.start()] + text[enforced.end() :]
    if _ACCOUNT.search(text):
        return "credits"
    if _CONTENT.search(text):
        return "state"
    return "sse" if hangs_on_answer(text) else None  # "咁樣得未？得就出片": the agent's look


_NOW = re.compile(r"\b(?:for\s+now|in\s+the\s+meantime|meanwhile|anyway|regardless)\b")


def runs_now(clause: str) -> bool:
    """The clause says its command runs now whatever waits ("but for now export")."""
    return _NOW.search(clause) is not None


def deferred(
    text: str,
    *,
    media: bool = False,
    steps: tuple[Sequence[Segment], Sequence[Clause]] = ((), ()),
) -> bool:
    """Whether the turn puts its export off: until the user or someone else acts, an event
    passes, or the user exports themselves.

    Args:
        text: The keyword stage's normalised turn.
        media: The turn carries a file: "once I upload it" is then this very upload.
        steps: The turn's segments and their read clauses, for an export after someone
            else's step ("client review first, then render": `waits_on_step`).
    """
    if _awaits_zh(text, media=media) or points_back(text) or waits_on_step(*steps):
        return True
    if set_for_later(text):  # "今晚先改好配乐，明早再匯出"
        return True
    if unsettled(text) or awaits_supplied(text) or still_missing(text):
        return True  # nobody has judged yet; a VO still to come; two photos not here yet
    for match in (*_CJK.finditer(text), *_LATIN.finditer(text)):
        if _NOT_WAITING.match(text, match.start()):
            continue
        if not (media and _UPLOADING.search(text, match.start(), match.end() + 24)):
            return True
    return False


def checks_done(clause: str) -> bool:
    """A condition that our work is finished ("if the render is done"): a state check."""
    return _DONE.match(clause) is not None


def acted_by_others(clause: str) -> bool:
    """A subordinate clause whose subject is the user or someone else ("if I make 3 more",
    "once the client approves"), or that only says our work is done ("once it's rendered"): it
    sets a condition and asks nothing of us."""
    if _NOT_WAITING.match(clause):
        return False
    return _OTHERS.match(clause) is not None or _DONE.match(clause) is not None


# "after you finish the subtitle": one part of the work to finish, an edit asked for
_PART = re.compile(
    rf"^{_SUBORDINATOR}\s+(?:you|youre|youve)\s+(?:(?:are|have)\s+)?(?:finish|finished|complete"
    rf"|completed|done\s+with|wrap\s+up)\s+(?:the|my|this|that)\s+(?!{_PRODUCT}\b)\w+(?:\s+\w+)?\W*$"
)


# "once the captions are in", "when the logo is added": a part of the work to put in first
_PUT_IN = re.compile(
    rf"^(?:once|after|when|as\s+soon\s+as)\s+(?:the|my|our)\s+(?!{_PEOPLE}\b|{_PRODUCT}\b)\w+"
    r"(?:\s+\w+)?\s+(?:is|are|s|have\s+been|has\s+been|gets?|got)\s+(?:in|added|in\s+there"
    r"|in\s+place|on|fixed|changed|updated|swapped|sorted|completed|complete|done|finished)\W*$"
)


# "an error when exporting", "it froze while rendering": when it happened, not a command
_CIRCUMSTANCE = re.compile(r"^(?:when|while)\s+[a-z]+ing\b(?:\s+\w+){0,3}\W*$")


_WHEN_ASKED = re.compile(
    r"^when\s+(?:can|could|will|should|do|does|did|would|shall)\s+(?:i|we|it|you|u|they)\b"
)


def condition(segment: Segment) -> Clause | None:
    """A subordinate clause that only sets a condition: our work being done checks its state
    ("if the render is done, send it"); the user or someone else acting asks nothing ("if I
    make 3 more", "once the client approves"); None for any other clause."""
    led = f"{segment.lead} {segment.text}".strip()
    if _ENOUGH_CLAUSE.match(led):  # "if I've got enough credits left, export it"
        return Clause(actions=["credits"])
    if led.startswith("if ") and (checks_done(led) or _PLACED.match(led)):
        return Clause(actions=["state"])
    if _PART.match(led) or _PUT_IN.match(led):
        return Clause(actions=["sse"], firm=True)
    if _CIRCUMSTANCE.match(led):  # "I got an error when exporting"
        return Clause()
    if segment.question and _WHEN_ASKED.match(led):  # "when can I export?": asked, not asked for
        return Clause()
    return Clause() if acted_by_others(led) else None


# the user's instruction still to come: "I'll tell you what to do with them later"
_LATER_WORD = re.compile(
    r"\b(?:ill|i\s+will|i\s+can)\s+(?:\w+\s+)?(?:tell|let)\s+(?:you|u)\s+(?:know\s+)?(?:what|how|when)"
    r"\b[^,.;!?]*|我(?:再|会|等下|之后)[^,.!?]{0,4}?(?:告诉你|跟你说)[^,.!?]*"
)


def without_later_word(text: str) -> str:
    """`text` without the user's instruction still to come ("I'll tell you what to do with them
    later", "我再告诉你怎么弄"): words that ask nothing yet."""
    return _LATER_WORD.sub(" ", text)
