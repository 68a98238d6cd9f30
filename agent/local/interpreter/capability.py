"""The capability check: a request that names something the local renderer cannot do (a colour
grade, a speed ramp, snow, stickers, a voice-over, 4K, new footage) changes the draft only when
every change is asked for in words of its own.

The coverage guard (coverage.py) reads the request with the interpreter's own readers, so a word
they misread is misread twice: "colour grade it teal & orange, like a movie" moves the camera for
"like a movie", and "a speed ramp on the lighthouse shot - slow at first then whoosh fast" slows
it for "slow". This check reads the message on its own terms, with its own small tables:

- the capabilities named (`named`), each a clause of the message;
- how the user weighs them (`stance`): "the whole point", 重点是, "without it don't bother",
  没有…就不用改了 make one essential; "if you can", "if not, just…", 不行就, 能…最好 make it
  optional;
- the kinds of edit each other clause names explicitly (a length in seconds, a frame shape, the
  camera, a title, the music, the photos), never from a manner word ("slow", "like a movie").

A plan that changes the draft stands only when no capability is essential, the interpreter itself
saw that something could not be done (so its reply says so), and every kind the draft changed is
named by a clause that names no capability. Otherwise the whole message is declined, saying what
cannot be done and that nothing was changed; a plan that changes nothing while the interpreter
missed the capability says what cannot be done instead of a generic answer. Pure.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from agent.local.interpreter.diffkinds import changed_kinds
from agent.local.interpreter.hanzi import to_simplified
from agent.local.interpreter.phrasebook import Phrasebook
from agent.local.interpreter.plan import InterpretContext, Plan, TextStep, ToolStep
from agent.local.interpreter.playback import names_playback_speed
from agent.local.interpreter.quoting import DOUBLE_OR_SHORT_SINGLE_QUOTED

__all__ = ["Stance", "capability_checked", "explicit_kinds", "named", "stance"]

Stance = Literal["essential", "optional", "neutral"]

_COLOURS = (
    r"green|blue|pink|red|purple|orange|gold|golden|yellow|teal|black|white|grey|gray|brown"
    r"|pinker|bluer|greener|redder|darker|brighter|lighter|warmer|cooler|colou?r\w*"
)
_CAPABILITIES = {
    "colour": re.compile(
        r"colou?r[\s-]*(?:grad\w*|correct\w*)|\bgrad(?:e|ed|ing)\b|\bluts?\b|\bteal\b|\bsepia\b"
        r"|black\s*(?:and|&|n|'n')\s*white|\bb\s*&\s*w\b|\bdesaturat\w*|\bsaturat\w*"
        r"|\b(?:instagram|vintage|retro|film|cinematic|warm|cool|cold)\s+(?:filter|look|tone)s?\b"
        r"|\bfilters?\b|\bfilm grain\b|\b(?:warm|cool|cold|moody|colou?r)\s+tones?\b"
        r"|\bold[\s-]*(?:film|photo|movie)s?\b|\bgrain\w*|\bvignett\w*|\bletterbox\w*|\bsepia\b"
        r"|\b(?:brightness|exposure|contrast)\b"
        r"|调色|滤镜|色调|黑白|复古色|胶片|颗粒|饱和度|青橙|色彩|调个色|校色|黑边|旧相|泛黄|黄黄"
        r"|亮度|对比度|曝光|调亮|调暗"
    ),
    "scene": re.compile(
        rf"\b(?:turn|make|change|paint|colou?r|dye)\s+(?:the\s+|all\s+the\s+)?(?:sky|water|sea"
        rf"|ocean|grass|clouds?|trees?|sand|waves?|sun|lighthouse|boats?)\b(?!\s*(?:photo|pic"
        rf"|picture|image|shot|one|slide)s?\b)"
        rf"|\b(?:sky|water|sea|ocean|grass|clouds?|sand|waves?)\b[^,.;!?]{{0,20}}\b(?:{_COLOURS})\b"
        rf"|\b(?:snow\w*|rain(?:ing|drops)?|fog|fireworks?|rainbow|lens flares?)\b"
        rf"|天空|天色|海水|水变|水改|下雪|雪花|飘雪|落雪|下雨|落雨|烟花|彩虹|晚霞|变成?(?:绿|蓝|粉|红)色?的?水"
    ),
    "speed": re.compile(
        r"speed[\s-]*ramp\w*|\bramp(?:s|ed|ing)?\b(?!\s+(?:up|down))|slow[\s-]*mo\b|slow[\s-]*motion|\bslo[\s-]*mo\b"
        r"|time[\s-]*lapse|hyper[\s-]*lapse|fast[\s-]*forward|\brewind\w*|\bboomerang\b"
        r"|\breverse[ds]?\s+(?:the\s+)?(?:video|clip|playback|footage)|play\w*\s+(?:it\s+)?backwards?"
        r"|freeze[\s-]*frame|慢动作|慢镜|变速|快进|倒放|倒带|延时摄影|缩时|升格|降格"
    ),
    "effects": re.compile(
        r"\bstickers?\b|\bglitch\w*|\bconfetti\b|\bparticles?\b|\bvhs\b|\blight[\s-]*leaks?\b"
        r"|\b(?:wipe|glitch|spin|swipe|flash|whip|cube|3d|zoom)\s+transitions?\b|\bwhip[\s-]*pans?\b"
        r"|\bblur\w*|\bto the beat\b|\bbeat[\s-]*sync\w*|\bpicture[\s-]*in[\s-]*picture\b"
        r"|\bsplit[\s-]*screen\b|\btypewriter\b|\bfilm[\s-]*burns?\b"
        r"|\b(?!(?:fade|fading|zoom|pan|panning|motion|camera|burns|crossfade|cross-fade)\s)"
        r"[a-z]+(?:-[a-z]+)?\s+effects?\b"
        r"|特效|贴纸|转场效果|故障风|粒子|模糊|卡点|踩点|画中画|分屏|打字机"
    ),
    "transcribe": re.compile(
        r"\bauto(?:matic(?:ally)?)?[\s-]*(?:generated\s+)?(?:subtitles?|captions?)\b"
        r"|\b(?:subtitles?|captions?)\s+(?:\w+\s+){0,2}?automatically\b|\btranscri\w*"
        r"|\bfrom what (?:people|they|he|she|i|we) (?:say|said)\b|\bspeech[\s-]*to[\s-]*text\b"
        r"|自动字幕|自动生成字幕|语音识别|识别字幕|语音转文字|听写"
    ),
    "voice": re.compile(r"voice[\s-]*overs?|\bvo\b|\bnarrat\w*|\bdub\w*|配音|旁白|解说|朗读"),
    "vocals": re.compile(
        r"\b(?:singers?'?s?|vocals?|vocalists?|treble|bass)\b"
        r"(?![\s-]*(?:heavy|boost\w*|music|track|song|line))|人声|歌声|鼓声|(?<!降)低音(?!量)"
    ),
    "blank": re.compile(
        r"\b(?:a\s+)?\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)\s+of\s+(?:black|white|blank|silence"
        r"|darkness|nothing|empty)\b|\b(?:black|white|blank|empty)\s+(?:screen|frames?|card|slate)s?\b"
        r"|黑屏|黑场|白屏|空白画面|空镜"
    ),
    "resolution": re.compile(
        r"(?<![\w.])(?:4|8)\s*k\b|\b2160p?\b|\b1440p\b|\b(?:60|120)\s*fps\b|\bhdr\b|超高清|分辨率"
    ),
    "footage": re.compile(
        r"\bdrone\s+(?:shot|clip|footage|video)s?\b|\bstock\s+(?:footage|clips?|video)\b|\bb-?roll\b"
        r"|\bai[\s-]*generat\w*|航拍|ai生成"
    ),
}
"""Things the renderer cannot make, by what they are called (simplified, case-folded)."""

_ESSENTIAL = re.compile(
    r"whole point|\bthe (?:main |only |entire |real )?point\b|\bthe main thing\b|most important"
    r"|\bis (?:the )?key\b|\bmust[\s-]have\b|\ball or nothing\b|\bonly if\b|don'?t bother"
    r"|\bwithout (?:it|that|this|them|the [\w ]{1,24}?)\b[^.;!?]{0,30}\b(?:no (?:point|reason|need)"
    r"|pointless|useless|not worth|don'?t|forget|skip|leave)"
    r"|\bno (?:point|reason) (?:to|in|doing)\b"
    r"|\botherwise,? (?:don'?t|forget|skip|leave it|no need|never ?mind)"
    r"|重点是|重点在|关键是|关键在|最重要|才是重点|核心是"
    r"|没有[^，。,.!！?？]{0,12}?(?:的话)?(?:就|都)?(?:不用|不要|别|不必|没意义|没必要|算了|免了)"
    r"|(?:不然|否则)(?:就|的话)?(?:不用|不要|别|算了)"
    r"|(?:做不到|不行|不能)(?:的话)?(?:就|都)?(?:不用|不要|别|算了|免了)"
    r"|冇[^，。,.!！?？]{0,12}?(?:嘅话|的话)?(?:就)?(?:唔使|唔洗|唔好|算数|冇意思)"
    r"|(?:唔得|做唔到)(?:嘅话|的话)?(?:就)?(?:唔使|唔洗|唔好|算数)"
    r"|\b(?:is|it'?s|that'?s) (?:a )?must\b|\bnon-?negotiable\b"
    r"|\b(?:is|are) (?:required|mandatory)\b"
    r"|\bif (?:you )?can'?t\b[^.;!?]{0,40}?\b(?:don'?t (?:change|touch|do) (?:anything|a thing)"
    r"|change nothing|leave (?:it|everything) (?:alone|as (?:it )?is))"
    r"|必须|必需|一定要|不可少|少不了|非要|(?:是|係)必要"
    r"|(?:做不到|不行|不能|办不到|唔得|做唔到)(?:的话|嘅话)?[^，。,.!！?？]{0,4}?(?:什么|乜|咩|全部)?都?"
    r"(?:不用|不要|别|唔使|唔好)(?:改|动|郁|做|搞)"
)
"""The user says the part that cannot be done is what the change is for."""
_OPTIONAL = re.compile(
    r"\bif (?:you )?(?:can|could)\b|\bif (?:it'?s |that'?s )?(?:possible|doable)\b|\bif not\b"
    r"|\bif (?:that'?s|it'?s) not possible\b|\botherwise,? just\b|\bno worries\b|don'?t worry"
    r"|\bnot a big deal\b|\boptional\b|\bnice to have\b|\bbonus\b|\bif it'?s too hard\b"
    r"|可以的话|如果可以|如果能|能[^，。,.]{0,12}最好|(?:不行|做不到|不能)(?:的话)?就|无所谓|没关系"
    r"|(?:唔得|做唔到)(?:嘅话|的话)?就|冇所谓|唔紧要|得嘅话"
)
"""The user lets the part that cannot be done go ("if you can't do the sky, just the length")."""

_SPLIT = re.compile(
    r"[,;!?，。；！？、]|\.(?=\s|$)|\s[-—–]+\s|[—–]+|\b(?:and|then|also|plus|but|so)\b"
    r"|然后|然後|并且|并|同埋|另外|跟住|仲有|再(?=把|将|加|给|帮|来|调|改|放|整)",
    re.IGNORECASE,
)
_EXPLICIT = {
    "length": re.compile(
        r"\d\s*(?:s|secs?|seconds?)\b|\b(?:seconds?|secs?)\b|\b(?:long|longer|short|shorter|length"
        r"|duration|trim|extend|shorten|lengthen|cut|twice|double|half|halve)\b|秒|时长|长度|长|短|一半|加倍"
    ),
    "aspect": re.compile(
        r"\d+\s*[:：比x]\s*\d+|\b(?:square|vertical|portrait|landscape|widescreen|horizontal"
        r"|aspect|ratio|reel|tiktok|shorts)\b|竖|横|方形|画幅|比例|直度|打直|打横"
    ),
    "motion": re.compile(
        r"\b(?:zoom\w*|pan\w*|ken\s*burns|camera|motion|movement|moving|static|still)\b"
        r"|镜头|运镜|推近|拉远|缩放|平移|动效|动态|不动|静止|郁"
    ),
    "text": re.compile(
        r"\b(?:titles?|captions?|subtitles?|text|words|heading)\b|[\"“”「」『』《》]"
        r"|(?<![a-z])'[^']{1,40}'(?![a-z])"
        r"|标题|字幕|文字|大字"
    ),
    "music": re.compile(
        r"\b(?:music|song|track|audio|volume|sound|mute|bgm|louder|quieter)\b"
        r"|音乐|歌|配乐|音量|声音|静音|大声|细声"
    ),
    "photos": re.compile(
        r"\b(?:photos?|pics?|pictures?|images?|slides?|shots?|order)\b|\.(?:jpe?g|png)\b"
        r"|\b(?:first|second|third|last|middle|other|next|final)\s+ones?\b"
        r"|照片|图片|相片|张|相|图|顺序"
    ),
}
"""The words that name a kind of edit outright (no manner words: "slow", "dramatic")."""
_LIMITS = {
    "colour": "colour",
    "scene": "scene",
    "content_motion": "speed",
    "playback": "speed",
    "playback_speed": "speed",
    "resolution": "resolution",
    "footage": "footage",
}
"""The interpreter's own limits by the capability a reply names (anything else: an effect)."""
_TOPICS = {
    "aspect": "about_framing",
    "length": "about_length",
    "motion": "about_motion",
    "music": "about_music",
    "photo_lengths": "about_photos",
    "photos": "about_photos",
    "text": "about_text",
}
_FOLLOWS = {
    "photos": {"length", "photo_lengths"},
    "photo_lengths": {"length"},
    "length": {"photo_lengths"},
}
"""Kinds a change of the key brings along (a photo's length changes the video's)."""


def _fold(text: str) -> str:
    return to_simplified(text).casefold()


def _parts(message: str) -> list[str]:
    """The message's clauses, case-folded in simplified characters, each quote left as "…"."""
    folded = DOUBLE_OR_SHORT_SINGLE_QUOTED.sub(' "…" ', _fold(message))
    return [p.strip() for p in _SPLIT.split(folded) if p and p.strip()]


def named(message: str) -> list[tuple[str, str]]:
    """(capability, clause) for each clause naming something the renderer cannot make (quoted
    words are a title's wording, not a request: 'a caption "Fireworks at nine"')."""
    out = []
    for part in _parts(message):
        for key, pattern in _CAPABILITIES.items():
            if pattern.search(part) or (key == "speed" and names_playback_speed(part)):
                out.append((key, part))
                break
    return out


def stance(message: str) -> Stance:
    """How the message weighs what cannot be done: the point of it, a nice-to-have, or neither."""
    folded = _fold(message)
    if _ESSENTIAL.search(folded):
        return "essential"
    return "optional" if _OPTIONAL.search(folded) else "neutral"


def explicit_kinds(clause: str) -> set[str]:
    """The kinds of edit a clause names outright."""
    folded = _fold(clause)
    return {kind for kind, pattern in _EXPLICIT.items() if pattern.search(folded)}


def _unaccounted(message: str, before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """The kinds the draft changed that no clause free of a capability names."""
    barred = {clause for _, clause in named(message)}
    asked = {k for p in _parts(message) if p not in barred for k in explicit_kinds(p)}
    allowed = asked | {f for k in asked for f in _FOLLOWS.get(k, set())}
    return changed_kinds(before, after) - allowed


def capability_checked(
    plan: Plan, ctx: InterpretContext, seen: tuple[str, ...], book: Phrasebook, *, hant: bool
) -> Plan:
    """`plan`, or a plan declining the whole message when it names something that cannot be done
    and the plan's changes are not all asked for in words of their own (see the module doc).
    `seen`: the limits (or the unsupported request) the interpreter itself found."""
    tools = [s for s in plan.steps if isinstance(s, ToolStep)]
    before = ctx.draft if isinstance(ctx.draft, dict) else {}
    mentions = named(ctx.message)
    if not (mentions or seen) or not before.get("t"):
        return plan
    limit = mentions[0][0] if mentions else _LIMITS.get(seen[0])
    what = book.topic(plan.language, f"cannot_{limit or 'effects'}", hant=hant)
    if not tools or not changed_kinds(before, tools[-1].draft):
        if seen:
            return plan  # its reply says what cannot be done
        said = book.say(plan.language, "capability_none", hant=hant, what=what)
        return Plan((TextStep(said),), plan.language)
    weight = stance(ctx.message) if mentions else "neutral"
    after = tools[-1].draft
    unaccounted = _unaccounted(ctx.message, before, after)
    if weight != "essential" and seen and not unaccounted:
        return plan
    if limit is None:  # a limit of the interpreter's own (a side, a font): the change is unasked
        topic = book.topic(plan.language, _TOPICS[min(unaccounted)], hant=hant)
        said = book.say(plan.language, "unasked_change", hant=hant, what=topic, clause="")
        return Plan((TextStep(said),), plan.language)
    key = "capability_essential" if weight == "essential" else "capability_whole"
    return Plan((TextStep(book.say(plan.language, key, hant=hant, what=what)),), plan.language)
