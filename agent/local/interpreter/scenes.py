"""Requests to change what is in the picture, as a class: add, remove, replace or recolour the
sky, the weather, birds, boats, people or other things the photo shows ("replace the grey sky
with a sunset", "add some seagulls", 把阴天换成蓝天, 加幾隻雀仔喺天上飛).

The local renderer shows a photo as it is (only the camera moves over it), so such a request is
declined with a specific reason while the message's other edits still apply. A phrase counts only
when its verb acts on a thing in the picture, never on a timeline element (title, caption, music,
a photo of the slideshow). Matched on NFKC text folded to simplified Chinese.
"""

from __future__ import annotations

import re

__all__ = ["ANIMATE", "SCENE", "SCENE_MOTION", "scene_spans"]

_THING = (
    r"(?:sky|skies|clouds?|sun|moon|stars|rainbows?|weather|rain|snow|fog|mist|storm|lightning"
    r"|birds?|seagulls?|gulls?|pigeons?|boats?|ships?|sailboats?|yachts?|planes?|airplanes?"
    r"|balloons?|kites?|drones?|fish|whales?|dolphins?|sharks?|butterfl(?:y|ies)|moon|rainbow"
    r"|people|person|crowd|tourists?|cars?|trees?|buildings?|fireworks|animals?|water|sea|ocean"
    r"|waves|man|men|woman|women|kids?|child|children|boy|girl|guy|guys"
    r"|horizon|grass|daytime|daylight|sunshine|seasons?|winter|summer|autumn"
    r"|dogs?|puppy|puppies|cats?|kittens?|horses?|ducks?|pets?)"
)
_TIMELINE = (
    r"(?:titles?|captions?|subtitles?|text|words|music|songs?|audio|sounds?|soundtrack|photos?"
    r"|pictures?|pics?|images?|shots?|slides?|ones?|video|clip|\w+\.(?:jpe?g|png|gif|webp|heic))"
)
_EN_VERB = (
    r"(?:add|adding|put|insert|place|include|replace|swap|change|turn|make|give|recolou?r|paint"
    r"|generate|remove|erase|delete|get\s+rid\s+of|take\s+out)"
)
_ZH_THING = (
    r"(?:天空|蓝天|阴天|晴天|雨天|天色|个天|块天|白云|云朵|云彩|乌云|彩虹|太阳|月亮|星星|下雨|雨水"
    r"|晚霞|朝霞|霞光|星空|银河|极光|闪电|大雾|海水|海面|海浪|浪花|湖水|河水|水面|黄昏|季节|冬天"
    r"|夏天|秋天|春天|雪(?!景)|(?:里|中|入面)(?:的|嘅)?天"
    r"|下雪|雪花|飘雪|海鸥|飞鸟|小鸟|鸟|雀仔|雀|帆船|小船|船|游艇|飞机|路人|行人|人物|游客|人群"
    r"|汽车|车子|烟花|烟火|树木|大树|建筑|高楼|天气|狗仔|小狗|狗|猫仔|小猫|猫|宠物|动物|鸭)"
)
_ZH_CHANGE = (
    r"(?:换成|改成|变成|转做|改做|换做|变做|p成|调成|改为|换为|变为|染成|整成|整做"
    r"|(?:整|弄|变|调|搞)(?:得)?(?:靓|漂亮|好看|好睇|美)|美化|变)"
)
_ZH_ADD = r"(?:加|添加|加上|加入|添|生成|p上)"

SCENE = re.compile(
    rf"\b{_EN_VERB}\s+(?:(?!{_TIMELINE}\b)[\w'-]+\s+){{0,4}}?{_THING}\b(?!\s+{_TIMELINE}\b)"
    r"(?:\s+(?:with|into|to|for)\s+(?:a\s+|an\s+|some\s+)?[\w-]+(?:\s+[\w-]+)?)?"
    r"|\b(?:make|turn)\s+(?:it|the\s+(?:photo|picture|image|scene))\s+(?:into\s+a\s+)?"
    r"(?:snow|snowy|snowing|rain|rainy|raining|sunny|cloudy|foggy|stormy|night(?:time)?|winter)"
    r"(?:\s+(?:scene|version|shot))?\b"
    r"|\b(?:put|add|insert|place|paste|stick)\s+(?:(?!titles?|captions?|text|music)[\w'-]+\s+){0,4}?"
    r"(?:into|in|onto|on)\s+(?:the|this|my)\s+(?:photo|picture|image|scene|shot|pic)\b"
    r"|\binto\s+(?:a\s+)?(?:night|nighttime|winter|snowy|rainy|sunny|sunset)\s+(?:scene|version|shot)"
    r"(?:\s+with\s+[\w-]+(?:\s+[\w-]+)?)?"
    rf"|{_ZH_THING}[^，,。；;！!？?]{{0,4}}?{_ZH_CHANGE}[^，,。；;！!？?]{{0,8}}"
    rf"|(?:给|帮|喺|在)?{_ZH_THING}(?:度|上|里|中)?{_ZH_ADD}[^，,。；;！!？?]{{0,8}}"
    rf"|(?<![标题字幕音乐])(?:在|喺)?(?:画面|照片|相|天|海|空)?(?:里|上|中|入面)?(?:面)?"
    rf"{_ZH_ADD}(?:几|一|两|些|点|啲)?(?:只|艘|条|个|朵|道|架|群|些|点|啲)?[^，,。；;！!？?标题字幕音乐]{{0,3}}?"
    rf"{_ZH_THING}(?![^，,。；;！!？?]{{0,3}}[声音])[^，,。；;！!？?]{{0,6}}",  # 海浪声 is a sound
    re.IGNORECASE,
)
"""A change to what the photo shows (blanked out once found, so its words edit nothing else)."""

SCENE_MOTION = re.compile(
    r"\b(?:can|could|should)\s+(?:the|its|those|these|that)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:beam|light|lights|waves?|water|clouds?|boats?|birds?|people|flags?|trees?|sea|ocean|sun"
    r"|smoke|leaves|grass)\s+(?:[\w'-]+\s+)?(?:move|sway|sweep|spin|rotate|turn|flow|drift|fly"
    r"|sail|flicker|flash|glow|shine|blink|wave|roll|ripple|dance|walk|run|crash|splash|break"
    r"|swirl|fall|float|swim|jump|sing|talk|smile)\w*",
    re.IGNORECASE,
)
""""Can the lighthouse beam sweep around?": something in the photo asked to move."""
ANIMATE = re.compile(
    r"\b(?:animate|move)\s+(?:the|its|those|these)\s+(?:[\w'-]+\s+)?(?:water|waves|sea|ocean"
    r"|clouds?|sky|boats?|birds?|people|flags?|trees?|leaves|smoke|lights?|beam)\b"
    r"|\banimate\s+(?:the|this|that|my|its)\s+(?:[\w.'-]+\s+){0,2}?(?:photo|picture|image|pic|shot"
    r"|one)\s+(?:so|to\s+make|and\s+make|and\s+have|where)\b[^,.;!?]*",
    re.IGNORECASE,
)
""""Animate the water so it ripples": animating a thing in the photo, not the photo."""
_FILE = re.compile(r"\w\.(?:jpe?g|png|gif|webp|heic)\b", re.IGNORECASE)


def scene_spans(text: str) -> tuple[bool, str]:
    """Whether `text` asks to change what the photo shows, and `text` with those phrases blanked
    (a phrase naming an uploaded file is a photo edit of the slideshow, not a scene change)."""
    found = False

    def blank(match: re.Match[str]) -> str:
        nonlocal found
        if _FILE.search(match.group(0)):
            return match.group(0)
        found = True
        return " "

    rest = SCENE.sub(blank, text)
    return found, rest
