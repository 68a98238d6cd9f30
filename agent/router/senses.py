"""Senses of an export word other than a request or a question: put off to a later day, a look,
a part of the video drawn, the video named with a change, or another thing made.

Pure regexes over the keyword stage's normalised text; `agent.router.request` asks here once a
word is neither asked for nor asked about.
"""

from __future__ import annotations

import re
from typing import Literal

from agent.router.made import not_the_video

__all__ = ["Sense", "other_sense", "someday"]

Sense = Literal["later", "look", "part", "edit", "other"]

# A part of the video as the verb's object ("render the subtitles", "把字幕渲染成金色").
_PART = (
    r"(?:title|titles|caption|captions|subtitle|subtitles|text|texts|words|letters|lettering"
    r"|font|fonts|logo|logos|background|backgrounds|sky|skies|lower\s+third|lower\s+thirds"
    r"|shadow|shadows|light|lights|lighting|effect|effects|glow|scene|scenes|character"
    r"|characters|face|faces|particles?|smoke|fire|sparkles?|transition|transitions|colou?rs?"
    r"|clouds?|water|reflections?|overlay|overlays|sticker|stickers|intro\s+text|name|names"
    r"|watermark|border|frame|frames|outline|headline|heading|graphics?|animation|3d\s+\w+)"
)
_LINK = (
    r"(?:once|after|when|with|without|in|on|at|to|for|as|and|then|but|before|until|if|so|it"
    r"|adding|burned|burnt|is|are|me|us|again|now|out|please|pls)"
)
_PART_AFTER = re.compile(
    rf"^\s*(?:out\s+)?(?:(?:the|my|our|a|an|this|that|these|those|all\s+the|some|each)\s+)?"
    rf"(?:(?!{_LINK}\b)[a-z0-9]+\s+){{0,2}}?{_PART}\b"
)
# After "render": a determiner and a thing that is not the video ("render the snow", "render those
# sparkles"): render = draw. The video, a version or a format after it is an export.
_DRAWN = re.compile(
    r"^\s+(?:the|my|our|those|these|his|her|their|all\s+the|some|a|an)\s+"
    r"(?!(?:video|vid|videos|final|clip|clips|project|movie|film|whole|full|edit|cut|thing|reel"
    r"|slideshow|version|file|mp4|result|draft|story|vlog|montage|trailer|ad|short|output|new"
    r"|updated|latest|last|current|entire|complete|completed|finished|one|same|first|second"
    r"|preview|timeline|sequence|piece|animation|gif|highlight|highlights|footage|recording"
    r"|composition|comp|scene|scenes|intro|outro|episode|promo|teaser|it|thing|copy|quick|hd"
    r"|high|low|test|sample|proper|clean|rough|gif|webm|mov|square|vertical|horizontal|short"
    r"|longer|shorter|smaller|bigger|compressed|full|final)s?\b|\d)[a-z]"
)
# After "finalize": work on the video, not the deliverable ("finalise the audio mix", "finalize
# the edit"); the video, the file or a version after it is the export ("finalize the video")
_FINISHED = re.compile(
    r"^\s+(?:the|my|our|this|that|these|those|all\s+the|your)\s+(?!(?:video|vid|final|file|mp4"
    r"|master|deliverable|export|render|output|version|project|movie|film|clip|result|thing|it"
    r"|piece|asset|reel|ad|promo|cut)s?\b)[a-z]"
)
_PART_ZH = (
    r"(?:字幕|标题|文字|文本|字体|背景|天空|画面|光影|光线|灯光|氛围|气氛|色调|颜色|特效|效果"
    r"|logo|片头|片尾|人物|场景|阴影|质感|细节|天|云|烟|火|水|倒影|边框|贴纸|水印|名字|动画"
    r"|霓虹|光|烟|雾|雪|雨|头发|皮肤)"
)
# After 渲染: a manner, a result that is not a format, or a part of the video.
_RENDERED_AS = re.compile(
    rf"^\s*(?:一下|下)?\s*(?:[个個的]\s*)?(?:得|成(?!\s*(?:mp4|gif|mov|webm|视频|影片|片|4k|\d))"
    rf"|[^,]{{0,4}}?{_PART_ZH})"
)
_PART_BEFORE_ZH = re.compile(rf"{_PART_ZH}.{{0,4}}$")
_RENDER_ZH = re.compile(r"渲染")
# A look: "做成动图那种感觉", "that exported-from-vhs look", "look like a downloaded tiktok".
_LOOK_AFTER = re.compile(
    r"^\s*(?:的|咁|咁的|那种|这种|那样|这样|一样|一样的|那种的|咁样)?\s*(?:的)?\s*"
    r"(?:感觉|效果|风格|味道|质感|feel|feeling|look|vibe|vibes|style|aesthetic)"
    r"|^\S*\s+(?:look|feel|vibe|style|aesthetic)\b"
)
# a look framed around the export word: "那种下载下来画质变差的风格", "an old vhs render vibe"
_LOOK_FRAME_ZH = re.compile(r"那种|这种|一种|那样|这样|像|好似|类似|咁|被\s*$")
_LOOK_NOUN = re.compile(
    r"感觉|效果|风格|味道|质感|画质|[\u4e00-\u9fff]风(?!格)|\b(?:feel|look|vibe|vibes|aesthetic|style)\b(?!\s+at\b)"
)
_LOOK_BEFORE = re.compile(
    r"\b(?:look|looks|feel|feels|looking|feeling)\s+(?:like|as\s+if)\s+(?:(?:a|an|it|its)\s+)?"
    r"(?:\w+\s+)?$|\bkind\s+of\s+(?:a\s+)?$|(?:像|好似|似|仿佛|类似)\S{0,3}$"
)
# An export put off to a later day, in its own clause.
_TIME_ZH = (
    r"(?:明天|明日|听日|下个?周|下个?星期|下个?礼拜|下个?月|后天|后日|改天|回头|晚点|晚些|迟点|迟啲"
    r"|周末|过几天|过两天|下次|稍后|第日|下昼|今晚|今天晚上|下午)"
)
_LATER_ZH = re.compile(rf"{_TIME_ZH}[^,]{{0,6}}?(?:才|先|再)\s*\S{{0,3}}$|才\s*$")
# rt29: a day left open in the export's clause (我迟早都要出片给客, 找日先出片, 总有一天要导出)
_SOMEDAY_ZH = re.compile(
    r"(?:迟早|早晚|总有一[天日]|有朝一日|将来|找日|搵日|第日|改日)[^,.;!?]{0,8}$"
)
_LATER_AFTER_ZH = re.compile(
    r"^\s*(?:迟啲|迟点|晚点|晚些|稍后|之后再说|先不|不急|唔急|等等|改天|下次|先?放着|先?放一放"
    r"|先?搁着|先?放住|先?搁住|再说|等(?:阵|一阵|下|一下|会|一会)(?:先|再|啦|吧)?)"
)
_TIME_EN = re.compile(
    r"\b(?:next\s+(?:week|month|time|monday|tuesday|wednesday|thursday|friday)|tomorrow|tmrw"
    r"|later|friday|monday|tuesday|wednesday|thursday|saturday|sunday|the\s+weekend"
    r"|another\s+day|some\s+other\s+time|no\s+rush|can\s+wait|not\s+(?:yet|today|now)"
    # round 13: a time left open ("export at some point", "render it sometime next week")
    r"|at\s+some\s+point|sometime|some\s+time|one\s+of\s+these\s+days|down\s+the\s+line"
    r"|in\s+(?:a\s+(?:bit|while|sec|second|minute|moment|few\s+\w+|couple\s+(?:of\s+)?\w+)"
    r"|an?\s+(?:hour|min|minute)|\d+\s*(?:mins?|minutes?|hours?|hrs?|days?|weeks?))"
    r"|on\s+my\s+(?:cue|signal|go|word|say|mark|command|call|ok|okay))\b"
)
_DEADLINE = re.compile(
    r"\b(?:by|before|due|until\s+then\s+no)\s+(?:the\s+)?(?:next\s+)?\w*\s*$"
    r"|\b(?:need|needs|needed|due|deadline|present|presenting|meeting)\b"
    r"|\b(?:today|now|asap|tonight|right\s+away|immediately)\b"
)
# The video named with a change to make ("I need the video more fast", "the final video more
# bright and with the logo big").
_CHANGED = re.compile(
    r"^\s*(?:(?:video|clip|mp4|file|cut|version|movie|film)\s+)?(?:but\s+)?"
    r"(?:(?:needs?|is|should\s+be|must\s+be|gets?|i\s+need|i\s+want)\s+)?(?:(?:more|less|a\s+(?:bit|little|lot)|very)\s+(?!than\b)[a-z]{3,}|to\s+be|to\s+look"
    r"|to\s+feel|shorter|longer|faster|slower|brighter|darker|louder|quieter|bigger|smaller)\b"
)
_CHANGED_NOUN = re.compile(
    r"^\s*(?:with|without)\s+(?:more|less|music|song|songs|text|subtitles?|captions?|effects?"
    r"|filters?|logo|title|titles|some|of)\b|^\s*in\s+(?:black|slow|colou?r)\b"
)

# the export word inside a time clause with its own subject ("before we commit to the final
# version, …"): when something happens, not what is asked
_SUBORDINATE = re.compile(
    r"(?<![a-z])(?:before|until|till)\s+(?:we|i|you|they|she|he)\b"
    r"(?:\s+(?!(?:and|then|so|but)\b)[a-z']+){0,6}\s*$"
)


_JOINED = re.compile(r"\b(?:and|then|but|so|because|cause|cuz|while)\b")


# rt29: a day left open in the export's own clause ("I want to render this for the client
# eventually, but first fix the audio", "someday we'll export a 4k cut"): not asked now
_SOMEDAY = re.compile(
    r"\b(?:eventually|someday|some\s+day|ultimately|down\s+the\s+road|sooner\s+or\s+later"
    r"|(?:at\s+)?one\s+day(?=\s*(?:[,.;!?]|$|(?:but|though|when|once)\b)))\b"
)
_CLAUSE_END = re.compile(r"[,.;:!?]|\b(?:and|then|but|so|because|cuz|while)\b")


def someday(before: str, after: str) -> bool:
    """A day left open in the export's own clause, before or after the word."""
    if _SOMEDAY_ZH.search(before[-16:]):
        return True
    before = _CLAUSE_END.split(before)[-1]
    after = _CLAUSE_END.split(after)[0]
    return _SOMEDAY.search(before) is not None or _SOMEDAY.search(after) is not None


def _later_en(before: str, word: str, after: str) -> bool:
    """A later day named next to the export word ("we export next week", "no rush on the
    render"), not a deadline ("by friday", "I need it tomorrow"), now ("today"), or another
    verb's time ("export it and I'll check it later")."""
    before = _JOINED.split(before)[-1]
    after = _JOINED.split(after)[0]
    near = f"{before}{word}{after}"
    time = _TIME_EN.search(near)
    return time is not None and _DEADLINE.search(near[: time.start()]) is None


def other_sense(word: str, before: str, after: str, *, noun: bool) -> Sense | None:
    """An export put off, a look, a part of the video drawn, or the video named with a change."""
    later = _LATER_AFTER_ZH.match(after) or _LATER_ZH.search(before) or _SUBORDINATE.search(before)
    if later or _later_en(before[-32:], word, after[:24]) or someday(before[-48:], after[:48]):
        return "later"
    if _LOOK_AFTER.match(after) or _LOOK_BEFORE.search(before):
        return "look"
    if _LOOK_NOUN.search(after[:30]) and (
        _LOOK_FRAME_ZH.search(before) or re.search(r"[a-z]", word)
    ):
        return "look"
    if _RENDER_ZH.search(word) and (_RENDERED_AS.match(after) or _PART_BEFORE_ZH.search(before)):
        return "part"
    if not noun and re.search(r"[a-z]", word) and _PART_AFTER.match(after):
        return "part"
    if word.startswith("render") and _DRAWN.match(after):  # "render the snow falling heavier"
        return "part"
    if word.startswith("finali") and _FINISHED.match(after):  # "finalize the colour grade"
        return "edit"
    if _CHANGED.match(after) or (noun and _CHANGED_NOUN.match(after)):
        return "edit"
    return "other" if not_the_video(before, after) else None
