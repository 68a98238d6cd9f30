"""A GUI step put as a suggestion, an invitation, a polite question or a hedge, read as the step.

The backend often words a step politely rather than as an imperative ("Why not hit Export
now?", "Feel free to give the Preview a spin", "It might be worth peeking at the Layers panel",
"Would you mind opening Render Queue …?", 不妨 tap 一下 Download, 建议先到 Storyboard 看一遍,
麻烦您移步至「作品管理」查看), and names a page indirectly ("the project page", "follow it on My
Works", 项目页面). `plain_step` says such a sentence as the plain step the tables read: the
frame cut, a gerund after it made an imperative, the indirect name said the tables' way.

Only the READING sees the result (`agent.translate.translator` reads it, the user gets the
sentence as written or one template line): so a clumsy paraphrase can cost a rewrite, never
garble one. Safety stays with the readers: an offer, a deferral, a negation or someone else's
step inside the frame are read as they are today ("Feel free to tell me if you want me to
export" is still an offer), and a frame that asks the user's preference ("Perhaps you'd like
to …?", "How about …?", 要不要…？) is SOFT: its cheap steps run, never an export. A question
that is no frame ("Do you want me to export?", "Would you like to export now?") stays one.

Pure: one sentence in (folded to Simplified), a `Framed` out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from agent.translate.modality import defaults

__all__ = ["Framed", "plain_step"]

# where a frame may stand: the sentence's open or a clause's ("Looks great — why not …")
# (a masked quote, or a quote closing a sentence, ends the words before it)
_AT = (
    r"(?:^|(?<=[,;:—–，；：\U000f0000-\U000fffff])|(?<=[.!?][\"”’»」]))"
    r"\s*(?:(?:so|well|oh|hey|ok(?:ay)?)\s*,?\s+)?"
)
# frames that instruct, even as a question ("Why not hit Export now?")
_FIRM_EN = (
    # "please" asks: "Please feel free to proceed to Export"; a bare "feel free to", "you're
    # welcome to", "don't hesitate to" leave the export to the user (`modality.permits`)
    r"(?:please|kindly)\s+(?:do\s+)?feel\s+free\s+to\s+(?:just\s+)?"
    r"|why\s+not\s+(?:just\s+)?|why\s+don['’]t\s+you\s+(?:just\s+)?"
    r"|would\s+you\s+mind\s+(?:just\s+)?"
    r"|(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+|just\s+)?"
    r"(?=(?:click|tap|hit|press|open|go|head|check|take|give|have|try|proceed|jump|hop|pop)\b)"
    r"|kindly\s+"
)
# frames that hedge: a step when said, a preference asked when a question
_HEDGE_EN = (
    r"(?:perhaps|maybe|possibly)\s*,?\s+(?:you['’]d\s+like\s+to|you\s+(?:could|might|may|can)"
    r"(?:\s+(?:want|like)\s+to)?|you['’]ll\s+want\s+to|it['’]s\s+worth)?\s*"
    r"|you\s+(?:might|may|could)\s+(?:also\s+)?(?:want|like|wish)\s+to\s+"
    # "it might be worth", "it'd be good to", "might be worth", "worth peeking at"
    r"|(?:(?:it\s+)?(?:might|may|could|would)|it['’]d)\s+(?:also\s+|probably\s+)?be\s+"
    r"(?:worth|a\s+good\s+idea\s+to|wise\s+to|helpful\s+to|nice\s+to|good\s+to|best\s+to)\s+"
    r"|it['’]s\s+(?:probably\s+|also\s+)?(?:worth|a\s+good\s+idea\s+to|best\s+to)\s+"
    r"|worth\s+(?=\w+ing\b)"
    r"|(?:i['’]d|i\s+would|we['’]d)\s+(?:suggest|recommend)\s+"
    r"|(?:how|what)\s+about\s+|consider\s+|take\s+a\s+moment\s+to\s+"
)
# frames that leave the step to the user: its cheap steps run, an export never does (the
# permission of `agent.translate.modality`: "Feel free to hit Export once you've had a look")
_LEAVE_EN = (
    r"(?:do\s+)?feel\s+free\s+to\s+(?:just\s+)?|don['’]t\s+hesitate\s+to\s+"
    r"|you(?:['’]re|\s+are)\s+(?:welcome|free)\s+to\s+"
)
_FRAME_EN = re.compile(
    rf"{_AT}(?:(?P<firm>{_FIRM_EN})|(?P<hedge>{_HEDGE_EN})|(?P<leave>{_LEAVE_EN}))", re.IGNORECASE
)
# a Chinese frame opens its sentence or clause, said by the agent to the user (我建议你, 请您不妨,
# 麻烦您移步): one after a negation (我不建议, 唔建議) or someone else (他们建议) is none
_FRAME_ZH = re.compile(
    r"(?:^|(?<=[，,；;：:。！!～~\s]))(?:请|麻烦|劳驾)?(?:你|您|我|我们)?(?:也|还|都)?"
    r"(?:(?P<firm>不妨|何不|不如|建议|考虑一下|欢迎|麻烦|劳驾)"
    r"|(?P<hedge>要不要|要唔要|或许可以|也许可以)"
    # an option to weigh (可以考虑导出: the user's call): its cheap steps run, no export; a
    # gesture after it (可以考虑点一下「导出」) names the step and still instructs
    r"|(?P<leave>(?:可以|可|能)(?:考虑|考慮)(?!(?:先|再)?(?:点|點|按|撳|tap|click|hit)))"
    r"|(?P<firm2>(?:可以|可|能)(?:考虑|考慮)))(?:你|您)?"
)
# the verbs a gerund after a frame stands for ("consider giving" -> "give")
_GERUNDS = {
    f"{g}ing": v
    for v, g in (
        ("peek", "peek"), ("give", "giv"), ("open", "open"), ("hit", "hitt"), ("take", "tak"),
        ("click", "click"), ("tap", "tapp"), ("have", "hav"), ("check", "check"),
        ("head", "head"), ("go", "go"), ("proceed", "proceed"), ("use", "us"),
        ("download", "download"), ("export", "export"), ("watch", "watch"), ("look", "look"),
        ("review", "review"), ("preview", "preview"), ("scroll", "scroll"), ("swipe", "swip"),
        ("press", "press"), ("visit", "visit"), ("glance", "glanc"), ("switch", "switch"),
        ("jump", "jump"), ("hop", "hopp"), ("compare", "compar"), ("follow", "follow"),
        ("browse", "brows"), ("play", "play"), ("refresh", "refresh"), ("reload", "reload"),
    )
}  # fmt: skip
_GERUND = re.compile(r"\s*(\w+ing)\b", re.IGNORECASE)

_THING = r"(?:the\s+|your\s+|this\s+|that\s+)?(?:[\w\U000f0000-\U000fffff-]+\s+){0,2}?"
# indirect gestures and names, said the tables' way (each a probe, never shown)
_PLAIN_EN = (
    (r"\bproceed\s+to\s+", "go to "),
    # the default step after its named alternative ("Otherwise you're good to export"):
    # the step itself (`modality.defaults`)
    (
        r"\b(?P<alt>otherwise|if\s+not)\s*,?\s+you(?:['’]re|\s+are)\s+(?:good|all\s+set|clear"
        r"|fine)\s+to\s+(?=(?:export|download)\b)",
        "{alt}, ",
    ),
    # what is left to do said as the step ("All that's left is to hit Export and you're done")
    (
        r"\b(?:all\s+(?:that['’]s|that\s+is|you\s+need\s+to\s+do\s+is)\s+(?:left\s+)?"
        r"(?:to\s+do\s+)?(?:is\s+)?|the\s+only\s+thing\s+left(?:\s+to\s+do)?\s+is\s+)(?:to\s+)?"
        r"(?=(?:hit|click|tap|press|export|download)\b)",
        "",
    ),
    # a symbol opening the step (" 🔥 Export whenever you're ready"): the step read plainly
    (r"^\s*[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?\s*(?=[A-Za-z])", ""),
    # "give the Activity tab a glance", "give it one more watch"
    (
        rf"\bgive\s+(?P<obj>{_THING}[\w\U000f0000-\U000fffff-]+)\s+(?:a|an|one\s+more|another)\s+"
        r"(?:quick\s+|final\s+|last\s+|little\s+|good\s+|closer\s+)?"
        r"(?:spin|watch|look|glance|peek|try|listen|view|once-over|go|whirl|play|review|check)\b",
        "check {obj}",
    ),
    (
        r"\b(?:take|have|grab|sneak)\s+a\s+(?:quick\s+|closer\s+|brief\s+|little\s+|final\s+)?"
        r"(?:peek|glance|look|gander|peep)\s+(?:at|in|inside|into|through|over)\b"
        r"|\b(?:peek|glance|peep)\s+(?:at|in|into|inside|over)\b",
        "look at",
    ),
    (
        r"\blook\s+at\s+how\s+(?:things|it|everything|(?:your|the)\s+[\w-]+)\s+"
        r"(?:is|are|['’]s)\s+(?:coming\s+along|going|progressing|shaping\s+up)\b",
        "check the progress",
    ),
    (
        r"\b(?:follow|track|monitor)\s+(?:it|them|its\s+progress)\s+(?=(?:on|in|under)\b)",
        "check it ",
    ),
    (r"\bcompare\s+(?:it|them|the\s+\w+)\s+(?=(?:in|on|under)\s+the\b)", "check it "),
    # where the progress is said to be ("Progress is on the project page", "Live progress
    # shows in the Works tab"): the view to open
    (
        r"^\W*(?:the\s+|your\s+)?(?:live\s+|render\s+)?progress\s+(?:is|shows|appears|can\s+be"
        r"\s+(?:seen|followed|tracked))\s+(?=(?:on|in|under)\s+(?:the\s+|your\s+)?[\w-])",
        "check the progress ",
    ),
    (
        r"\b(?:open|visit|check(?:\s+out)?|look\s+at|go\s+to|head\s+(?:over\s+)?to|view|browse)"
        r"\s+(?:the\s+|your\s+)?(?:project|projects)\s+(?:page|list|overview|dashboard)"
        r"|\b(?:open|visit|check(?:\s+out)?|look\s+at|view)\s+(?:the\s+)?(?:render|export)\s+queue"
        r"(?!\s*,?\s*(?:and|then)\b)",
        "check the progress page",
    ),
    (r"\b(?:clip\s+strip|film\s*strip)\b", "timeline"),
    # the balance named as what is left ("take a peek at what you've got left this month")
    (
        r"\b(?:what|how\s+much)\s+you(?:['’]ve|\s+have)(?:\s+got)?\s+left(?:\s+(?:this|for\s+the)"
        r"\s+month)?\b",
        "your balance",
    ),
    # an account page said to tell what to know ("your usage page would give you a sense …")
    (
        r"(?:^\W*|(?<=[—–;:]\s))(?P<v>(?:the|your)\s+(?:usage|billing|wallet|credits?)\s+(?:page|tab|screen|section))"
        r"\s+(?:would|will|should|can|could)\s+(?:give|show|tell)\b",
        "check {v} ",
    ),
    # a casual way to go ("pop over to the Works tab", "hop into the Layers panel")
    (r"\b(?:pop|hop|swing|nip|duck)\s+(?:over\s+|back\s+)?(?:to|into)\b", "go to"),
    # the progress named as a question of where the work is ("see how far along it is under …",
    # "glance at where the project's at")
    (
        r"\b(?:how\s+far\s+along\s+(?:it|things|(?:the|your)\s+[\w-]+)\s+(?:is|are)"
        r"|where\s+(?:it|things|(?:the|your)\s+[\w-]+)(?:['’]s|\s+is|\s+are)\s+at)\b",
        "the progress",
    ),
    # a view said to show what to see ("The project page shows live progress", "The tracks
    # view lays it out nicely"): the view to open; never an export's own page
    (
        r"^\W*(?P<v>(?:the|your)\s+(?!(?:[\w-]+\s+)?(?:export|download|render|pricing|billing"
        r"|account|usage|plans?|wallet|credits?)\w*\b)"
        r"(?:[\w-]+\s+){0,2}?(?:page|view|tab|panel|overview|screen))\s+(?:shows|displays"
        r"|lays\s+(?:it|them|everything)\s+out|has\s+(?:the\s+)?(?:live\s+)?progress)\b",
        "check {v} ",
    ),
    # the work said visible in a view ("The updated project is visible in your project overview")
    (
        r"^\W*(?:the\s+|your\s+)?(?:[\w-]+\s+){0,2}?(?:project|video|clip|draft|edit)\s+(?:is|are)"
        r"\s+(?:now\s+)?visible\s+(?:in|on|under)\s+(?P<v>(?:the\s+|your\s+)?(?!(?:[\w-]+\s+)?"
        r"(?:export|download|render)\w*\b)(?:[\w-]+\s+){0,2}?(?:page|view|tab|panel|overview"
        r"|list))\b",
        "check {v}",
    ),
    # "Review the cut in the Timeline": the work itself named, looked at in a view
    (
        r"\b(?P<v>review|check|watch|preview|see|look\s+at|play)\s+(?:the|your)\s+(?:rough\s+|final\s+)?"
        r"(?:cut|draft|edit|result|version|video|clip)\s+(?=(?:in|on)\s+(?:the\s+)?[\w\U000f0000-\U000fffff])",
        "{v} it ",
    ),
)
_PLAIN_ZH = (
    (r"移步(?:至|到)?", "到"),
    (r"相簿", "相册"),
    (r"储存到(?=相册|手机|本地|电脑)", "保存到"),  # the file saved to the device: an export's end
    (r"看下|看吓|睇下|睇吓|睇睇|瞄一眼|瞄下|看一眼", "查看"),
    # the Traditional word for export after a gesture read as the Simplified one (滿意的話再按匯出;
    # 等你確認再匯出 is the agent's own, unread)
    (r"(?<=[按撳点击])\s*汇出", "导出"),
    # the step after the user's verdict with a closing particle: 没问题就下载吧, 没问题就 export 吧~
    (r"就\s*(?:导出|汇出|export)\s*(?:吧|啦|喇)", "就可以导出"),
    (r"就\s*(?:下载|download)\s*(?:吧|啦|喇)", "就可以下载"),
    # a Latin-named view reached first: 先到 Storyboard 看一遍
    (
        r"(?:到|去|在)\s*(?:the\s+)?(?:storyboard|timeline|preview|tracks)\s*(?:面板|页面|页|窗口)?"
        r"(?=\s*(?:看|查看|预览|检查|确认))",
        "打开预览",
    ),
    # a page where the work stands, reached to see it: 在 Workspace 查看进度
    (r"(?:在|去)(?=\s*[A-Za-z][\w ]{0,20}?\s*(?:查看|看))", "到"),
    # the page of the user's work opened: 打开项目页面
    (r"(?P<go>打开|点开|去|到)(?:项目|作品)(?:页面|页)", "{go}作品管理"),
    # the page of the user's work said to show the progress: 作品页面会显示实时进度
    (
        r"^\W*(?:项目|作品)(?:页面|页)(?:上|里)?(?:会|都)?(?:显示|展示)(?=[^。！？]{0,6}进度)",
        "打开作品管理查看",
    ),
    # the page of the user's work as where to look: 可以在项目页查看每个镜头的缩略图
    (r"在(?:项目|作品)(?:页面|页)(?=\s*(?:查看|看))", "到作品管理"),
    # a view as where to listen or look: 到時間軸上可以聽聽效果
    (
        r"(?:到|去|在)(?P<v>时间轴|时间线|预览|轨道)(?:上|里|度)?(?:就)?可以(?:听听|看看|查看|听一下|试听)",
        "打开{v}查看",
    ),
)
_COMPILED_EN = tuple((re.compile(p, re.IGNORECASE), r) for p, r in _PLAIN_EN)
_COMPILED_ZH = tuple((re.compile(p, re.IGNORECASE), r) for p, r in _PLAIN_ZH)
# a step put off until something not the user's is done ("feel free to hit Download once the
# render finishes", 渲染完成后不妨点导出): a frame around it runs its cheap steps only
_PENDING = re.compile(
    r"\b(?:once|when|after|as\s+soon\s+as|until|till)\s+(?!you\b|you['’])(?:[\w'’-]+\s+){0,4}?"
    r"(?:finish\w*|(?:is|are|['’]s|has|have)\s+(?:been\s+)?(?:done|ready|finished|complete\w*"
    r"|through|over|up|processed|rendered|uploaded|approved)|complete[sd]?|approv\w*|arriv\w*"
    r"|process\w*|render\w*|upload\w*|comes?\s+(?:in|through|back)|signs?\s+off|repl\w*"
    r"|respond\w*)\b|\b(?:later|tomorrow|next\s+time|afterwards)\b"
    r"|(?:完成|好了|结束|确认|批准|回复|上传)(?:之?后|以后)|等[^。！？，]{0,12}(?:再|后)",
    re.IGNORECASE,
)
# a suggestion turned down ("I wouldn't recommend exporting yet", 我不建议现在点导出, 唔建議):
# the step it names is advised against, its cheap steps still run, an export never does
_AGAINST = re.compile(
    r"(?:不|唔|没|沒|别|別)(?:太|是很|大)?(?:建议|推荐|鼓励|欢迎)"
    r"|\b(?:wouldn['’]t|would\s+not|don['’]t|do\s+not|can['’]t|cannot|couldn['’]t)\s+(?:really\s+)?"
    r"(?:suggest|recommend|advise)\b|\bnot\s+(?:really\s+)?(?:recommended|advised|advisable"
    r"|a\s+good\s+idea)\b|\b(?:advise|recommend|suggest)\s+against\b",
    re.IGNORECASE,
)
# the frame's step set against the agent doing it or waiting ("Will you click Export, or should
# I?", "… or would you rather I wait for the music?", 还是我来): a choice answered in chat
_CHOICE = re.compile(
    r"\bor\s+(?:should|shall|would|do|can|could|will)\s+(?:i|we)\b|\bor\s+(?:i|we)\s+(?:can|could"
    r"|will|['’]ll)\b|\bor\s+(?:would|do)\s+you\s+(?:rather|prefer|want)\b|\bwould\s+you\s+rather\b"
    r"|还是(?:我|由我|让我|等)|定系(?:我|等)|定係(?:我|等)",
    re.IGNORECASE,
)
# a setting weighed against another ("I'd suggest exporting at 1080p rather than 4K", 建议导出
# 1080p 而不是 4K): advice on how, the step left to the user
_WEIGHED = re.compile(r"\b(?:rather\s+than|instead\s+of)\b|而不是|而唔系|而非", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff]")
_QUESTION = re.compile(r"[?？]\s*$")


@dataclass(frozen=True, slots=True)
class Framed:
    """A sentence as the plain step it puts politely."""

    text: str
    """The sentence with its frame cut and its indirect words said plainly (the reading's)."""
    frame: str = ""
    """"" when no frame opens it; "firm" when the frame instructs (even as a question: "Why
    not hit Export now?"); "soft" when it asks the user's preference or puts the step off
    until something else is done, leaves it to the user ("Feel free to …") or advises against it
    (我不建议现在导出): its cheap steps run, never an export."""

    @property
    def soft(self) -> bool:
        return self.frame == "soft"


# a view asked as a question at a clause's open, the step the point (点预览看看效果？): an
# invitation, its cheap steps run, never an export
_INVITE_ZH = re.compile(
    r"(?:^|(?<=[，,～~：:\s]))(?:点|点开|打开)\s*(?:预览|时间轴|时间线|轨道)[^，。？?]{0,6}?"
    r"(?:看看|看一下|看下|查看|睇下|睇吓|睇睇)(?:效果)?(?:吧|呀|啊|啦)?[？?]\s*$"
)


def plain_step(sentence: str) -> Framed:
    """`sentence` (or its clause) said as the plain step its frame puts politely; its question
    mark goes when a frame opens it (the step is the point, not an answer in chat)."""
    question = _QUESTION.search(sentence) is not None
    if _INVITE_ZH.search(sentence):
        return Framed(_QUESTION.sub("。", sentence), "soft")
    text, frame = _unframe(sentence)
    for rx, to in _COMPILED_ZH if _CJK.search(text) else _COMPILED_EN:
        text = rx.sub(_filled(to), text)
    if _AGAINST.search(sentence):
        return Framed(text, "soft")
    if not frame:
        return Framed(text)
    if question:
        text = _QUESTION.sub(".", text)
    soft = (
        (frame == "hedge" and question)
        or (frame == "leave" and not defaults(sentence))
        or _PENDING.search(text) is not None
        or _CHOICE.search(text) is not None
        or _WEIGHED.search(text) is not None
    )
    return Framed(text, "soft" if soft else "firm")


def _filled(template: str) -> Callable[[re.Match[str]], str]:
    def fill(match: re.Match[str]) -> str:
        return template.format(**{k: v or "" for k, v in match.groupdict().items()})

    return fill


def _unframe(sentence: str) -> tuple[str, str]:
    """The sentence without its frame (a gerund after it made a verb) and the frame's kind."""
    if _CJK.search(sentence):
        zh = _FRAME_ZH.search(sentence)
        if zh is None:
            return sentence, ""
        kind = next(k for k in ("firm", "firm2", "leave", "hedge") if zh.group(k) is not None)
        kind = "firm" if kind == "firm2" else kind
        return sentence[: zh.start()] + "请" + sentence[zh.end() :], kind
    en = _FRAME_EN.search(sentence)
    if en is None:
        return sentence, ""
    kind = next(k for k in ("firm", "hedge", "leave") if en.group(k) is not None)
    rest = sentence[en.end() :]
    gerund = _GERUND.match(rest)
    if gerund and gerund.group(1).casefold() in _GERUNDS:
        verb = _GERUNDS[gerund.group(1).casefold()]
        rest = verb + rest[gerund.end() :]
    return sentence[: en.start()] + rest, kind
