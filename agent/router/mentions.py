"""Mentions, not commands: an export or upload named in a question, in the past, before an
earlier/past noun, or waiting on someone else ("we'll export after the client approves").

Pure regexes over the keyword stage's normalised clauses; the keyword stage asks, per match.
"""

from __future__ import annotations

import re

from agent.router.relayed import relayed

__all__ = [
    "asked_about",
    "capability",
    "how_to",
    "mentioned",
    "offered",
    "set_aside",
    "supposes",
    "whether",
]

_CJK = re.compile(r"[\u3400-\u9fff]")
# A mention, not a command (rule 3 of the language layer): a question about the command, the
# command in the past, or one that waits on someone else. Only export and upload are guarded:
# those are the commands that change things outside the chat.
_QUESTION = re.compile(
    r"^(?:(?:so|and|but|ok|okay|hey|um|uh)\s+)*(?:what|whats|how|hows|why|which|did|does|wheres"
    r"|where\s+(?:do|does|did|is|are|was|were)"
    r"|do\s+(?:i|we|you|they|re-?\w+s)"
    r"|is|are|was|were|has|have|should|would\s+it|will\s+it"
    # round 13: when it can happen, asked ("when can I export?")
    r"|when\s+(?:can|could|will|should|do|does|did|would|shall)\s+(?:i|we|it|you|u|they)"
    # round 6: the export as the subject of a question ("will the export have a watermark?")
    r"|(?:will|would|can|could|should|might|may)\s+(?:the|my|this|that|an?|our|your)(?:\s+\w+)?)\b"
    r"(?!\s+(?:i|we)\s+(?:get|have))"
)
# Questions about whether or how often it happened, or where its file went, not about how it
# looks or what it will be.
_ASKED = re.compile(
    r"^(?:(?:so|and|but|ok|okay|hey|um|uh)\s+)*(?:did|has|have|is|are|was|were|how\s+many"
    r"|wheres|where\s+(?:is|are|was|were|do|does|can)"
    r"|(?:what|which|when|where)\s+(?:did|have|has))\b(?!\s+there\s+a\s+way|\s+it\s+possible)"
)
# "which photos did I already upload?", "what have we uploaded so far?"
_WHICH_DONE = re.compile(
    r"^(?:(?:so|and|but|ok|okay|hey|um|uh)\s+)*(?:what|which)\s+(?:\w+\s+){0,2}?(?:did|have|has)"
    r"\s+(?:i|we|you)\s+(?:already\s+|just\s+|actually\s+)?$"
)
# "is 'download' the same as export?": the export compared or defined, not asked about.
_COMPARED = re.compile(
    r"\b(?:same\s+as|different\s+from|difference\s+between|than|vs|versus|instead\s+of"
    r"|(?:what|whats)\s+(?:does|is)|mean\s+by)\s+(?:(?:an?|the)\s+)?$"
    # a judgement asked ("is it worth rendering in 4k?"), not the work's state
    r"|\b(?:worth|better\s+to|best\s+to|ok\s+to|okay\s+to|good\s+idea\s+to|wise\s+to|smart\s+to"
    r"|safe\s+to)\b"
)
# "我上次下载的视频在哪": where an earlier export went is a question about the work; "导出了吗",
# "出咗片未": whether it has happened.
_CJK_ASKED = re.compile(
    r"在哪|哪里|哪儿|去哪|成功了?[吗没未]|好了[吗没]|了[吗么没未][有呀啊呢吖]?\s*$"
)
# After the command word: the perfective asked ("导出了吗", "出片了未呀", "下载过没有").
_PERFECTIVE = re.compile(
    r"^\s*(?:成功|好|完|做好)?\s*(?:(?:了|过)+\s*(?:吗|么|嘛|没有?|未)|未|没有?)[呀啊呢吖]?\s*$"
)
# "can export already or not ah": a yes/no question whether it can be done, not a request.
# "下載咗啦，多謝": the export reported done, not asked for ("可以导出了" still asks)
_DONE_ZH = re.compile(r"^\s*(?:好|完)?\s*(?:了|咗)\s*(?:啦|喇|嘞|喔|哦)\W*$")
_REQUESTED_ZH = re.compile(r"可以|能|要|该|帮|给|请|麻烦|就|准备|再|快|赶紧|直接")
_WHETHER = re.compile(
    r"\bor\s+(?:not|no|nah|nope)\b(?:\s+(?:ah|ar|lah|leh|hor|huh|eh|one))?\s*$|\banot\b"
)
# A supposition ("假如现在导出", "要是下载的话"): a condition to ask about, when a question follows.
_SUPPOSED = re.compile(
    r"^(?:如果|假如|假设|假使|要是|万一|若是|若|hypothetically|suppose|supposing|say)(?![a-z])"
)
# "the export from this morning", "that render you did": an export described, not asked for.
_DETERMINED = re.compile(r"\b(?:the|that|this|my|your|our)\s*$")
_DESCRIBED = re.compile(
    r"^\s*(?:from|of\s+(?:yesterday|earlier|before|last)|you\s+(?:did|made|sent|gave)"
    r"|that\s+you|i\s+got|we\s+did|ive\s+(?:done|made|had)|i\s+(?:did|made|had)"
    r"|weve\s+(?:done|made)|we\s+made)\b"
)
# round 6: one made elsewhere ("this is a render from blender"), the user's own work under way
# ("I'm exporting photos from lightroom"), a file fetched from a place ("我喺IG下載咗張相")
_ELSEWHERE = re.compile(r"\b(?:a|an)\s+$")
# an upload somewhere else, not to us: "re-upload to capcut", "upload it to youtube", "上传到抖音"
_PLATFORM = (
    r"(?:capcut|youtube|yt|tiktok|instagram|insta|ig|facebook|fb|drive|google\s+drive|dropbox"
    r"|icloud|onedrive|vimeo|twitter|reels|shorts|premiere|davinci|canva|wechat|whatsapp"
    r"|(?:my|our|the|their)\s+(?:channel|cloud|page|account|feed|story|site|website))"
)
_UPLOADED_ELSEWHERE = re.compile(
    rf"^\s*(?:(?:it|them|this|that|the\s+\w+)\s+)?(?:back\s+)?(?:to|onto|on|into)\s+"
    rf"(?:the\s+)?{_PLATFORM}\b"
    r"|^\s*(?:到|去|上)\s*(?:抖音|快手|b站|小红书|微信|视频号|朋友圈|youtube|tiktok|微博|网盘|云盘)"
)
_AGAIN_ELSEWHERE = re.compile(r"\bre\s*-?\s*$")
_UNDER_WAY = re.compile(
    r"(?:^|\b)(?:im|i\s+am|we\s+are|were|i\s+was|we\s+were|ive\s+been|weve\s+been|you|u"
    r"|are\s+you|r\s+u|youre)\s+"
    r"(?:just\s+|currently\s+|still\s+|now\s+|already\s+)?$"
)
_FETCHED = re.compile(r"(?:从|在|喺|由)[^,.!?]{1,8}?$")
_FETCHED_AFTER = re.compile(
    r"^\s*(?:了|咗)?\s*(?:[张首个些段条]|一张|几张)?\s*(?:图|相|照片|歌|音乐|素材|视频)"
)
_CJK_QUESTION = re.compile(r"多久|多少|要几|什么|怎么|为什么|哪里|哪儿|在哪|哪个")
_PAST_FORM = re.compile(r"ed$")
# The user's own report in a bare present form with a past time ("already I download the video
# yesterday", "we render it last week"): the subject before the verb, the time anywhere.
_BARE_SUBJECT = re.compile(r"^\W*(?:already\s+)?(?:i|we)\s+(?:already\s+|also\s+|just\s+)?$")
_PAST_TIME = re.compile(
    r"\b(?:already|yesterday|last\s+(?:night|week|month|time)|ago|earlier|before)\b"
)
_WANTED = re.compile(r"\b(?:want|wanted|need|needs|like|get|got|have|had|has|be|been|being|keep)\b")
_EARLIER = re.compile(
    r"\b(?:past|previous|earlier|old|older|prior|last|yesterdays)\s+(?:\w+\s+)?$"
    r"|\b(?:last\s+time|yesterday|the\s+other\s+day|this\s+morning|earlier)\s+(?:\w+\s+){0,2}$"
    r"|(?:已经|上次|之前|昨天|刚才|刚刚|以前|上一次|前几天).{0,3}$"
    # one of several made ("the other export", "the 2nd render")
    r"|\b(?:the|that|this|my)\s+(?:other|first|second|third|\d+(?:st|nd|rd|th))\s+$"
    # round 6: thanks for one done, or one already sent on ("we sent the render to the client")
    r"|\b(?:thanks|thank\s+you|thx|ty)\s+(?:so\s+much\s+|a\s+lot\s+)?for\s+(?:the\s+|my\s+|that\s+)?$"
    r"|\b(?:sent|shared|showed|shown|gave|posted|emailed|forwarded|watched|checked|reviewed"
    r"|played|opened|published)\s+(?:\w+\s+)?(?:the|my|our|that|your|this)\s+(?:\w+\s+)?$"
)
# Someone else's words reported ("my friend said exporting takes ages", "听说导出要很久"), or the
# user's own instruction still to come ("I'll tell you to export", "到时候我再叫你导出"). The
# user's own "I said export" is a command repeated, not a report.
_REPORTED = re.compile(
    r"(?<!\bi )\b(?:said|says|told\s+me|heard|hear|reckons|thinks)\b(?:\s+that)?(?:\s+\S+){0,3}\s*$"
    r"|(?<!\bi )\b(?:said|says|told\s+(?:me|us))(?:\s+\S+){1,4}?\s+that(?:\s+\S+){0,3}\s*$"
    r"|\b(?:asked|asks|wants|wanted)\s+(?:me|us)\s+to\s+(?:\S+\s+)?$"
    r"|(?:听说|据说|(?<!我)说|(?<!我)讲|(?<![我的电说])话).{0,3}$"
    r"|\b(?:ill|i\s+will|i\s+might|i\s+may|id|i\s+would|ill\s+probably|im\s+going\s+to)\s+"
    r"(?:\w+\s+)?(?:tell|ask|let\s+you\s+know|say|give\s+you)\b(?:\s+\S+){0,3}\s*$"
    r"|(?:我会|我再|等我|到时候?我|我到时候?).{0,4}(?:告诉你|叫你|跟你说|通知你|让你|说).{0,4}$"
)
# Someone else's habit ("my editor always renders in 60fps", "they export in 4k"), a question
# embedded in a report or a decision ("they asked whether we can export", "决定要不要导出"),
# and the command as the subject of a question ("would exporting now lose my edits?", "草稿会保存
# 吗"): the command named, not asked for.
_HABIT = re.compile(
    r"\b(?:he|she|they|people|everyone|everybody|someone|somebody)"
    r"(?:\s+(?:always|usually|often|normally|never|also|sometimes|just|all))?\s+$"
)
_OWNER = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?!video|clip|file|mp4|final|project)[a-z]+"
    r"(\s+(?:always|usually|often|normally|never|sometimes))?\s+$"
)
_EMBEDDED = re.compile(
    r"\bwhether\s+(?:or\s+not\s+)?(?:to\s+|(?:we|i|you|they|it)\s+(?:\w+\s+){0,2})$"
    r"|\b(?:asked|ask|asking|asks|wonder|wondering|wondered|know|check)\s+if\s+(?:\w+\s+){0,3}$"
    # a question reported ("my friend asked how she can download it"): someone else's how-to
    r"|\b(?:asked|asks|asking|wonders|wondered|wants\s+to\s+know|wanted\s+to\s+know)\s+(?:me\s+|us\s+)?"
    r"(?:how|where|why|what|when|if|whether)\s+(?:\w+\s+){0,4}$"
    r"|\b(?:tell|let|ask|notify|ping|message|text)\s+(?:me|us)\s+(?:know\s+)?(?:when|if|once|whether)"
    r"\s+(?:\w+\s+){0,3}$"
    r"|(?:要不要|要唔要|是否|需不需要|该不该|应不应该)(?:需要|要|先)?\s*$"
)
_SUBJECT_OF = re.compile(
    r"^(?:(?:so|and|but|ok|okay|hey|um|uh)\s+)*(?:would|will|does|do|is|can|could|should|did"
    r"|might|may)\s+$"
)
# "exporting it is the last step": the command as the subject of a statement
_GERUND_SUBJECT = re.compile(
    r"^(?:\s+(?:it|this|that|them|the\s+\w+))?\s+(?:is|was|will\s+be|would\s+be|takes|took"
    r"|costs|cost|seems|sounds|should\s+be|has\s+to\s+be|comes|isnt|wasnt)\b"
)
# "export or keep editing?", "导出还是继续改？": one of the alternatives a question offers
_OFFERED = re.compile(r"^\s+or\b|^\s*还是")
_OFFERED_BEFORE = re.compile(r"\bor\s+(?:just\s+|should\s+i\s+|do\s+i\s+)?$|还是\s*$")
_WHILE = re.compile(r"\b(?:when|while|during|whilst)\s+$")
# "导出的时候会不会掉帧": the export as the time of a question
_WHEN_ZH = re.compile(r"^\s*的?时候?")
_ZH_ASKS = re.compile(r"([\u4e00-\u9fff])[不没]\1|[吗么呢]\W*$|什么|怎么|多少|几|为什么")
# "fix the music so that it can be exported": the export as the purpose of an edit
_PURPOSE = re.compile(
    r"\bso\s+(?:that\s+(?:\w+\s+){0,3}|(?:i|we|it|they|you|u)\s+(?:can|could|will|may|might)\s+"
    r"(?:be\s+)?)$|\bin\s+order\s+to\s+$|(?:以便|方便)\s*$"
)
# round 13: the user's or someone's own report ("我导出了", "我匯出咗", "客户下载过"), and a
# question reported ("客户问能不能导出", "老板问过要不要渲染"): the export named, not asked for
_REPORTED_ZH = re.compile(
    r"(?<![帮给替让叫请跟同和把将])(?:我|我们|咱们|他|她|他们|她们|客户|老板|同事|朋友)"
    r"(?:刚|刚刚|昨天|早就|都|也|已|之前|上次|前天|今早)?\s*$"
)
_DONE_AFTER_ZH = re.compile(r"^\s*(?:好|完)?\s*(?:了|过)")
_ASKED_ZH = re.compile(r"(?<![请询])问(?!题)(?:过|了|我|你|我们|一下|下)?[^,.:;!?]{0,6}$")
_WERE = re.compile(r"^\s*were\s+(?:\w+ly\s+|also\s+|still\s+|just\s+)?$")
_WILL_IT = re.compile(r"(?<![学不])会\s*$")
# "导出来会有水印吗", "渲染出来是什么格式": what the export will hold or be, asked
_RESULT_ZH = re.compile(
    r"^\s*(?:出来|来|后|之后|以后|完)?(?:的\S{0,3}?)?(?:会|能|可以|是|有没有|带不带|有)"
)
_ENDS_ASKING = re.compile(r"(?:吗|么|嘛)\W*$")


def _aside(word: str, clause: str, start: int, before: str) -> bool:
    if _HABIT.search(before) or _EMBEDDED.search(before) or _PURPOSE.search(before):
        return True
    owner = _OWNER.search(before)
    if owner and (word.endswith("s") or owner.group(1)):
        return True
    if word.endswith("ing") and (
        _SUBJECT_OF.match(clause[:start])
        or _GERUND_SUBJECT.match(clause[start + len(word) :])
        or _WHILE.search(before)  # "it froze while exporting"
    ):
        return True
    after = clause[start + len(word) :]
    if (_WHEN_ZH.match(after) or _RESULT_ZH.match(after)) and _ZH_ASKS.search(after):
        return True
    return bool(_WILL_IT.search(before) and _ENDS_ASKING.search(clause))


_AWAITS = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:after|once|when|until|as\s+soon\s+as)\s+(?:the\s+|my\s+|our\s+)?"
    r"(?:client|boss|team|manager|customer|they|he|she|everyone|someone|legal|marketing)\b"
)

# "can I export in 4K?", "can you export with a transparent background?", "可以导出4K吗？": whether
# an export can be made so, a question to the agent. With an object ("can you export it in 4K?",
# "可以下载了吗") the question form is a request.
_ABLE = re.compile(
    r"^(?:(?:so|and|but|ok|okay|hey|um|uh|yo|also)\s+)*(?:can|could|is\s+it\s+possible\s+to"
    r"|are\s+you\s+able\s+to|am\s+i\s+able\s+to)(?:\s+(?:i|we|you))?(?:\s+(?:even|also))?\s*$"
    # the passive: "can the video be exported in 4k?"
    r"|^(?:can|could)\s+(?:it|this|that|the\s+\w+|my\s+\w+)\s+(?:even\s+|also\s+)?be\s*$"
    r"|(?:可以|可不可以|能不能|能否|能|支持|有没有办法)\s*$"
)
_SPECIFIED = re.compile(
    r"^\s*(?:in|with|without|as|at|into|using|vertical|horizontal|square|portrait|landscape"
    r"|both|separately|multiple|twice)\b"
    r"|^\s*(?:[0-9a-z]|成|为|透明|高清|无水印|超清|竖|横|带).*(?:吗|么|不)\s*$"
)


def capability(clause: str, span: tuple[int, int]) -> bool:
    """A question whether an export can be made some way ("can I export in 4K?", "可以导出4K
    吗"), not a request for one: nothing to export is named, only how."""
    start, end = span
    return bool(_ABLE.search(clause[:start]) and _SPECIFIED.match(clause[end:]))


def mentioned(intent: str, clause: str, span: tuple[int, int], before: str, after: str) -> bool:
    """An export or upload named, not asked for: in a question about it ("how long does an
    export take", "导出要多久"), in the past ("I exported it yesterday", "上次导出过"), or waiting
    on someone else ("we'll export after the client approves"), reported from someone else ("my
    friend said exporting takes ages") or left for the user's own later word ("I'll tell you to
    export", "到时候我再叫你导出")."""
    start, end = span
    word = clause[start:end]
    # "see attached" hands a file over; only an export in the past is a mention
    past = intent == "export" and bool(_PAST_FORM.search(word))
    past = past and not _WANTED.search(before[-30:])
    # "were exporting tomorrow" is "we're exporting tomorrow" (apostrophes are dropped)
    were = word.endswith("ing") and _WERE.match(clause[:start]) is not None
    return bool(
        (_QUESTION.search(clause[:start]) and not were)
        or (_CJK.search(word) and _CJK_QUESTION.search(clause))
        or past
        or (_EARLIER.search(before) is not None and not before.endswith("再"))
        or (_BARE_SUBJECT.match(clause[:start]) is not None and _PAST_TIME.search(clause))
        or after.startswith("过")
        or (_PERFECTIVE.match(after) is not None and not _ABLE.search(clause[:start]))
        or (_DONE_ZH.match(after) is not None and _REQUESTED_ZH.search(before) is None)
        or whether(clause)
        or (_DETERMINED.search(before) is not None and _DESCRIBED.match(after) is not None)
        or (_ELSEWHERE.search(before) is not None and after.lstrip().startswith("from "))
        or (intent == "export" and word.endswith("ing") and _UNDER_WAY.search(before) is not None)
        or (_FETCHED.search(before) is not None and _FETCHED_AFTER.match(after) is not None)
        or _AWAITS.search(after)
        or (_REPORTED.search(before) is not None and not relayed(clause, before, after))
        or (_REPORTED_ZH.search(before) is not None and _DONE_AFTER_ZH.match(after) is not None)
        or _ASKED_ZH.search(before) is not None
        or _aside(word, clause, start, before)
        or (intent == "upload" and _uploaded_elsewhere(before, after))
    )


def _uploaded_elsewhere(before: str, after: str) -> bool:
    """An upload to another platform ("re-upload to capcut", "上传到抖音"): not to us."""
    return bool(_UPLOADED_ELSEWHERE.match(after) or _AGAIN_ELSEWHERE.search(before[-4:]))


def asked_about(clause: str, start: int, intent: str = "export") -> bool:
    """The clause asks about the export it names ("did the render finish?", "how many times
    have I exported this?", "where's the file from the last export?") or about what was
    uploaded ("which photos did I already upload?"): a question about the work, answered from
    its state. Not a comparison ("is 'download' the same as export?")."""
    before = clause[:start]
    if _WERE.match(before):  # "we're exporting tomorrow": told, not asked
        return False
    if intent != "export":
        return intent == "upload" and _WHICH_DONE.search(before) is not None
    if _COMPARED.search(before):
        return False
    # "can export already or not ah": whether it may run yet, the agent's call; "exported
    # already or not?" asks what was done, the state's answer
    able = _CAN_BEFORE.search(before) is not None
    return bool(
        _ASKED.search(before) or _CJK_ASKED.search(clause) or (whether(clause) and not able)
    )


_CAN_BEFORE = re.compile(r"\b(?:can|could|may)\s+(?:(?:i|we|u|you)\s+)?(?:\w+\s+)?$")


# Two things compared ("the difference between render and export", "导出和下载有什么区别",
# "render vs export"): named, never asked for; the pair is masked like quoted content.
_PAIR = re.compile(
    r"\b(?:difference|differences|diff|choose|choice|pick|decide|compare|comparing)\s+between\s"
    r"(?:[^\s,.;!?]+\s){0,2}?[^\s,.;!?]+\s(?:and|&)\s(?:[^\s,.;!?]+\s){0,2}?[^\s,.;!?]+(?=[,.;!?]|$)"
    # each word tried from its start only: a long word costs one pass, not one per character
    r"|(?<![a-z0-9\u3400-\u9fff])[a-z0-9\u3400-\u9fff]+\s*\b(?:vs|versus)\b\.?\s*"
    r"[a-z0-9\u3400-\u9fff]+"
    r"|(?:(?<![a-z0-9])[a-z0-9]+|[\u3400-\u9fff]{1,6})\s*(?:和|跟|与|同)\s*"
    r"(?:[a-z0-9]+|[\u3400-\u9fff]{1,6}?)"
    r"(?=\s*(?:有|之间)?(?:什么|的)?"
    r"(?:区别|不同|差别|差异|分别))"
)


# "is exporting the same thing as downloading?": the pair after the question word
_SAME = re.compile(
    r"\b(is|are|does|do)\s+[^,.;!?]+?\s(?:the\s+same(?:\s+thing)?\s+as|same\s+as"
    r"|different\s+(?:from|than))\s[^,.;!?]+"
)


# A quote introduced as someone's words ("you said 'Click Export'", "it says 'insufficient
# credits'", 系统提示“余额不足”): reported, neither a command nor content to put in the video.
_REPORTED_QUOTE = re.compile(
    r"\b(?:said|says|say|told\s+me|replied|replies|wrote|shows|showed|displays|displayed|message"
    r"|error|prompt|popup|notice|warning)\s*:?\s*(?:the\s+words\s+)?{mask}"
    r"|(?:说|说了|提示|显示|报错|弹出|回复|写着说)\s*:?\s*{mask}"
)


_COMPARING = re.compile(r"区别|不同|差别|差异|分别|\b(?:vs|versus|between|same|different)\b")


def set_aside(text: str, mask: str) -> str:
    """`text` with each pair of things compared replaced by `mask` (the comparison word too),
    and each quote reported as someone's words replaced by a clause break, with its verb."""
    if _COMPARING.search(text):  # the pair patterns only where a comparison is named
        text = _SAME.sub(rf"\1 {mask} ", _PAIR.sub(f" {mask} ", text))
    return re.sub(_REPORTED_QUOTE.pattern.replace("{mask}", re.escape(mask)), " , ", text)


# "how do I get it onto my phone?", "怎么把视频传到手机上": how to do something, a question for
# the video agent (never a state or credits guess over it).
_HOW_TO = re.compile(
    r"(?:^|[,.;!?]\s*)(?:(?:so|and|but|ok|okay|hey|um|uh)\s+)*how\s+(?:do|can|would|should|could)"
    r"\s+(?:i|we|you)\b|怎么(?:把|才能|样才能|弄|用|设置)|如何|点样(?:先)?(?:可以|至可以|把|将)"
)


def how_to(text: str) -> bool:
    """The turn asks how to do something ("how do I share it?", "怎么把视频传到手机上")."""
    return _HOW_TO.search(text) is not None


def offered(clause: str, span: tuple[int, int]) -> bool:
    """In a question, the command is one of the alternatives offered ("what would you do,
    export or keep editing?")."""
    start, end = span
    return bool(_OFFERED.match(clause[end:]) or _OFFERED_BEFORE.search(clause[:start]))


def whether(clause: str) -> bool:
    """A yes/no question whether something can be done ("can export already or not ah")."""
    return _WHETHER.search(clause) is not None


def supposes(condition: str, *, question_follows: bool) -> bool:
    """A supposition followed by a question ("假如现在导出，音乐会在里面吗"): its command is
    hypothetical, asked about, never run."""
    return question_follows and _SUPPOSED.match(condition.strip()) is not None
