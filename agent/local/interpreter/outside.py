"""Requests outside what the local renderer does, as classes, declined in part with a reason:
changing the colours or tone of the photo itself ("make the sunset more orange", 把灯塔改成红色,
"black and white"), new footage of things not in the uploads ("generate a clip of dolphins
jumping and add it", 生成一段海豚的影片加进去), writing text for the user ("write me a
wedding toast", 帮我写一段文案), text at the left or right ("move the title to the left"),
fonts (bold, italic, 宋体) and the music's tempo ("slow down the music").

Each phrase found is blanked out of the text (so "more dramatic" in a colour request does not
move the camera, and "write" does not start a caption) while the message's other edits still
apply. Matched on NFKC text folded to simplified Chinese and case-folded.
"""

from __future__ import annotations

import re

from agent.local.interpreter.hanzi import HAN_BASIC
from agent.local.interpreter.scenes import SCENE

__all__ = ["outside_spans"]

_COLOUR = (
    r"(?:orange|red|yellow|blue|green|pink|purple|golden|gold|teal|warm|cool|cold|saturated|vibrant"
    r"|vivid|colou?rful|bright|dark|moody|contrasty|punchy|faded|muted|pastel)"
)
_TONE_TAIL = (
    r"(?:\s*(?:,|and|&)\s*(?:more\s+|a\s+bit\s+more\s+)?(?:dramatic|moody|cinematic|vivid|vibrant"
    r"|punchy|intense|rich|deep|warm|warmer|cool|cooler|bright|brighter|dark|darker|saturated"
    r"|golden|orange|red|pink|purple|yellow|blue|contrasty|glowing))*"
)
_TONE_ONLY = re.compile(
    rf"\s*(?:more\s+|a\s+bit\s+more\s+)?(?:dramatic|moody|cinematic|vivid"
    rf"|vibrant|punchy|intense|rich|warm|cool|bright|dark|saturated|glowing){_TONE_TAIL}\s*[,.!]?\s*",
    re.IGNORECASE,
)
_TIMELINE_WORD = re.compile(
    r"\b(?:title|titles|caption|captions|subtitles?|text|font|words|letters|music|song|audio"
    r"|volume)\b|标题|字幕|文字|字体|字|音乐|歌|音量|声音"
)
_EN_COLOUR = re.compile(
    rf"\b(?:more|less|a\s+bit|a\s+little|slightly)\s+{_COLOUR}\b{_TONE_TAIL}"
    rf"|\b(?:warmer|cooler|brighter|darker|moodier|more\s+saturated|desaturat\w*)\b{_TONE_TAIL}"
    r"|\b(?:black\s+(?:and|&)\s+white|b\s*&\s*w|sepia|gr[ae]yscale|monochrome|colou?r\s*grad\w*"
    r"|grade|tint|exposure|contrast|saturation|brightness|white\s+balance|hdr|(?:a|an)\s+filter"
    r"|(?:film\s+)?grain|grainy|vhs|glitch\w*|(?:look\s+)?like\s+(?:it\s+was\s+)?shot\s+on\s+film"
    r"|(?:shot|filmed)\s+on\s+(?:film|8mm|16mm|35mm|a\s+\w+\s+camera)|light\s+leaks?|vignette"
    r"|filters?|(?:instagram|vintage|retro|film)\s+(?:filter|look|tone))\b"
    rf"|\b(?:make|turn|paint|colou?r|change)\s+(?:the\s+|my\s+)?(?:\w+\s+){{0,3}}?"
    rf"(?:red|orange|yellow|green|blue|pink|purple|golden)\b{_TONE_TAIL}",
    re.IGNORECASE,
)
_ZH_HUE = r"(?:红|橙|橘|黄|绿|蓝|紫|粉|金|白|黑|灰|彩|暖|冷)色?"
_ZH_COLOUR = re.compile(
    r"调色|滤镜|黑白(?:色|效果|照|风格)?|色调|饱和度?|亮度|对比度|曝光|白平衡|复古色|暖色|冷色"
    r"|(?:调|变|弄|整|改)(?:得|到|成)?(?:更|再)?(?:亮|暗|暖|冷|鲜艳|艳)(?:一点|一些|啲|点|少少)?"
    r"|(?:更|再)(?:亮|暗|暖|冷|鲜艳|艳|橙|红|黄)(?:一点|一些|啲|点)?"
    rf"|把?(?:照片|图片|相片|画面|相|图)?(?:里|中|上|入面)?(?:的|嘅)?[^，,。；;！!？?]{{0,8}}?"
    rf"(?:改成|变成|换成|染成|调成|涂成|整成|弄成|改做|变做|转做){_ZH_HUE}"
)
_OURS = r"(?:my|the|these|this|those|our|all|it|them)\b"
_FOOTAGE_NOUN = (
    r"(?:video|clip|footage|animation|shot|sequence|scene|time-?lapse|flyover|fly-?through)s?"
)
_MADE_UP = r"(?:drone|aerial|birds?[-\s]eye|overhead|underwater|cgi|time-?lapse|fpv|helicopter)"
_DOING = (
    r"(?!(?:using|showing|featuring|including|containing|zooming|panning|starting|ending"
    r"|playing|fading|going|looping|lasting|running|having)\b)[a-z]+ing\b"
    r"(?!\s+(?:over\s+|across\s+|through\s+)?(?:my|these|this|those|our|all|it|them)\b)"
)
_EN_FOOTAGE = re.compile(
    r"\b(?:stock\s+(?:footage|video|clips?)|b-?roll)\b"
    r"|\b(?:add|insert|put|include|splice|throw|stick|tack|slap|append|drop)\s+(?:in\s+|on\s+)?"
    r"(?:a|an|some)\s+(?:new\s+|short\s+|quick\s+|little\s+|\d+[-\s]?(?:s|sec|second)\s+)?"
    rf"(?:video|clip|footage|animation|shots?)\s+of\s+(?:(?!{_OURS})|(?=the\s+[\w\s]{{1,30}}?\b[a-z]+ing\b))"
    r"[^,.;!?]*"
    r"|\b(?:generate|create|make|render|film|animate|shoot|produce)\s+(?:me\s+|us\s+)?(?:a|an|some)\s+"
    r"(?:new\s+|short\s+|quick\s+|little\s+|(?:\d+(?:\.\d+)?|one|two|three|four|five|ten)[-\s]?"
    r"(?:s|secs?|seconds?)(?:[-\s]long)?\s+)*"
    rf"(?:{_MADE_UP}[\s-]+(?:\w+\s+)?{_FOOTAGE_NOUN}\b[^,.;!?]*"
    rf"|{_FOOTAGE_NOUN}\s+(?:of\s+(?!{_OURS})(?:[\w'-]+\s+){{0,4}}?|(?:\w+\s+){{0,2}}?){_DOING}"
    r"[^,.;!?]*"
    rf"|{_FOOTAGE_NOUN}\s+of\s+(?:a|an|some)\s+[^,.;!?]*)"
    rf"|\b(?:add|insert|put|include|stick|tack|append)\s+(?:in\s+|on\s+)?(?:a|an|some)\s+{_MADE_UP}"
    rf"[\s-]+(?:\w+\s+)?{_FOOTAGE_NOUN}\b[^,.;!?]*",
    re.IGNORECASE,
)
_ZH_FOOTAGE = re.compile(
    r"(?:生成|做|弄|整|拍|找|搵|揾|加|来)(?:一|几|两)?(?:段|个|条|些)[^，,。；;！!？?]{1,14}?的?"
    r"(?:影片|视频|片段|动画|镜头|素材|短片|延时摄影|缩时摄影|延时|缩时)[^，,。；;！!？?]{0,6}?"
    r"(?:加进去|加进来|加入|插入|放进|加到|放到|加上|加在|放入|塞进|接在|接到|接喺|加喺|放喺|摆喺|接)"
    r"[^，,。；;！!？?]*"
    r"|(?:拍|找|搵|揾|下载|网上找|网上搵|网上揾)(?:一|几|两)?(?:段|个|条|些)[^，,。；;！!？?]{1,14}?的?"
    r"(?:影片|视频|片段|动画|镜头|素材|短片|延时摄影|缩时摄影)[^，,。；;！!？?]*"
    r"|空镜素材|网上的(?:视频|素材)"
    r"|(?:生成|做|弄|整|拍|制作)(?:一|几|两)?(?:段|个|条|些)[^，,。；;！!？?]{0,10}?"
    r"(?:海浪|浪花|海鸥|雀|鸟|船|鱼|云|烟花|人|车|动物|狗|猫|日落|日出|瀑布|雨|雪|飞机|灯塔|星)"
    r"[^，,。；;！!？?]{0,10}?(?:影片|视频|片段|动画|镜头|短片)"
    r"(?:[^，,。；;！!？?]*[，,]\s*(?:然后|再|跟住)?(?:插|放|加|接|塞)[^，,。；;！!？?]*)?"
)
_PICTURE = r"(?:image|picture|pic|photo|drawing|illustration|painting|artwork|art|render|graphic)s?"
_EN_IMAGERY = re.compile(
    r"\b(?:ai|a\.i\.)[\s-]*(?:generated?\s+|made\s+|created\s+)?"
    rf"(?:{_PICTURE}|{_FOOTAGE_NOUN})\b[^,.;!?]*"
    r"|\b(?:use|using|with)\s+(?:ai|a\.i\.|midjourney|dall-?e|stable\s+diffusion)\s+to\s+[^,.;!?]*"
    r"|\b(?:ai|a\.i\.)[\s-]*(?:generate|create|draw|paint|make|render)\w*\s+[^,.;!?]*"
    r"|\b(?:generate|create|draw|paint|render|design|produce|make)\s+(?:me\s+|us\s+)?"
    r"(?:a|an|some|one|two|three|\d+|a\s+few|a\s+couple\s+of)\s+(?:new\s+|fresh\s+|extra\s+)?"
    r"(?:\w+[\s-]+){0,2}?"
    rf"{_PICTURE}\s+(?:of|showing|with|featuring|where)\s+(?!{_OURS})[^,.;!?]*"
    r"|\b(?:generate|create|make|produce|render)\s+(?:me\s+|us\s+)?(?:\d+|a\s+few|some|two|three|four"
    r"|five|several|a\s+couple(?:\s+of)?|a|an)\s+(?:more|new|extra|additional|other|similar)\s+"
    rf"{_PICTURE}\b[^,.;!?]*"
    rf"|\b(?:generate|create|make|produce|render)\s+(?:me\s+)?(?:\w+\s+){{1,3}}?{_PICTURE}\s+"
    r"(?:like|similar\s+to|just\s+like)\s+[^,.;!?]*"
    r"|\b(?:generate|create|render|design|produce|make)\s+(?:me\s+|us\s+)?(?:a|an|some)\s+"
    rf"(?:(?:brand|whole|completely|totally)[\s-]+)?(?:new|fresh|extra|another)\s+(?:\w+[\s-]+)?{_PICTURE}\b[^,.;!?]*"
    r"|\b(?:draw|paint|sketch|illustrate)\s+(?:me\s+|us\s+)?(?:a|an|some)\s+[^,.;!?]*"
    r"|\b(?:add|put|insert|stick|include|throw|drop)\s+(?:in\s+)?(?:a|an|some)\s+(?:\w+\s+)?"
    r"(?:3d|cgi|animated|cartoon|virtual|fake|digital)\b[^,.;!?]*",
    re.IGNORECASE,
)
"""New pictures made up for the user ("generate an AI image of fireworks", "draw a picture of a
boat and add it"): the renderer shows only the user's own uploads."""
_ZH_IMAGERY = re.compile(
    r"(?:帮我|给我)?(?:整|做|生成|画|来)?(?:一|几|两)?(?:张|幅|段|个)?"
    r"(?:用|拿|让)?(?:(?<![a-z])ai(?![a-z])|人工智能|智能)\s*(?:生成|画|绘制|绘|做|整|制作|创作|合成)?[^，,。；;！!？?]*"
    r"|(?:生成|画|绘制|绘|合成|创作)(?:一|几|两|三|多)?(?:张|幅|段|个|组|些)"
    r"[^，,。；;！!？?]{0,14}?(?:图|照片|相片|相|画面|镜头|素材|插画|画|影像|片段)[^，,。；;！!？?]*"
    r"|(?:无人机|航拍)[^，,。；;！!？?]{0,10}?(?:画面|镜头|视频|影片|片段|素材|航拍)[^，,。；;！!？?]*"
    r"|(?:接|加|插|放|补)(?:一|几)?(?:段|个|条|些)[^，,。；;！!？?]{0,10}?(?:素材|空镜)[^，,。；;！!？?]*",
    re.IGNORECASE,
)
"""新画面: AI图, 生成一张…的图, 航拍画面, 无人机镜头, 接一段…素材."""
_EN_COMPOSE = re.compile(
    r"\bwrite\s+(?:me|us|her|him)\s+[^,.;!?]*"
    r"|\b(?:write|compose|draft|come\s+up\s+with)\s+(?:a|an|some|something)\s+(?:\w+\s+){0,3}?"
    r"(?:toast|poem|speech|story|post|caption|description|message|tweet|blurb|copy|essay|letter"
    r"|song|lyrics|quote|slogan|joke|bio|summary|script|blog|article|travelogue|diary|journal|review"
    r"|paragraph|report|entry|newsletter|ad|advert|haiku|limerick|narration|voice-?over)s?\b"
    r"(?!\s+(?:saying|that\s+says|reading|which\s+says))[^,.;!?]*"
    r"|\b(?:write|compose|draft)\s+(?:me\s+)?(?:about\s+|around\s+|roughly\s+)?\d+\s+words\b[^,.;!?]*",
    re.IGNORECASE,
)
_ZH_COMPOSE = re.compile(
    r"(?:帮我|给我|替我|帮忙|请)?(?:写|想|编|作)(?:一|几|两)?(?:段|个|句|首|篇|点|些|条|份)?"
    r"[^，,。；;！!？?]{0,12}?"
    r"(?:文案|诗|祝酒词|致辞|贺词|文章|介绍|描述|故事|段子|简介|标语|口号|祝福语?|台词|脚本|歌词|游记|日记"
    r"|作文|短文|散文|随笔|帖子|推文|博客|博文|感想|心得|评论|演讲稿|稿|旁白|广告词)"
    r"(?:[，,]?\s*(?:大概|大约|约|差不多|左右)?\s*[\d一二两三四五六七八九十百千]+字(?:左右)?)?"
    r"|(?:写|作)(?:一|几)?(?:段|篇|份)?[^，,。；;！!？?]{0,12}?[\d一二两三四五六七八九十百千]+字(?:左右)?"
)

_WORD_COUNT = re.compile(
    r"\b(?:in\s+|of\s+)?(?:about|around|roughly|approx\w*|~|max|at\s+most|under)?\s*\d+\s*-?\s*words?"
    r"(?:\s+(?:long|or\s+so|max))?\b|(?:大概|大约|约|差不多)?\s*[\d一二两三四五六七八九十百千]+字(?:左右)?",
    re.IGNORECASE,
)
"""A length in words ("500 words", 五百字) once writing text was found."""

_TEXT_NOUN = re.compile(
    r"\b(?:title|titles|caption|captions|subtitles?|text|words)\b|标题|字幕|文字"
)
_CAMERA = re.compile(r"\b(?:pan\w*|camera|drift\w*|zoom\w*|motion)\b|镜头|运镜|平移|摇")
_SIDE = re.compile(
    r"\b(?:(?:to|on|at|in|towards?)\s+(?:the\s+)?)?(?:(?:top|bottom|upper|lower)[\s-]+)?"
    r"(?:left|right)(?:[\s-]+(?:hand\s+)?(?:side|corner|edge|aligned|align))?\b"
    r"(?<!\bright)(?<!\bright\s)"
    r"|\b(?:(?:to|on|at|in|towards?)\s+(?:the\s+)?)?(?:(?:top|bottom|upper|lower)[\s-]+)?right\b"
    r"(?!\s+(?:until|till|up\s+to|to\s+the\s+(?:very\s+)?end|through|now|away|after|before"
    r"|from|at\s+the\s+(?:start|end|beginning)|when|there)\b)"
    r"|\b(?:in|to|into)\s+(?:a|the)\s+corner\b"
    r"|(?:放|移|挪|摆|靠|居|在|到|去)?(?:左上角|右上角|左下角|右下角|左上|右上|左下|右下|左边|右边|左侧|右侧"
    r"|左面|右面|角落|靠左|靠右|居左|居右)"
)


_FONT = re.compile(
    r"\b(?:bold(?:er)?|italics?|underlined?|typeface|serif|sans[\s-]?serif|comic\s+sans|cursive"
    r"|outlined|outlines?|drop[\s-]shadows?|shadowed|embossed|3d|gradients?"
    r"|handwriting|handwritten|(?:a\s+)?(?:different|another|new|nicer|fancier|cool(?:er)?)\s+font"
    r"|font\s+(?:to|family|style)|(?:change|switch|swap)\s+(?:the\s+)?font(?:\s+to\s+[\w-]+)?)\b"
    r"|粗体|加粗|斜体|下划线|宋体|黑体|楷体|仿宋|手写体|艺术字|描边|阴影|投影|立体|浮雕|渐变"
    r"|(?:字体|字型)(?:换成|改成|换|改为|用)[^，,。；;！!？?]{0,6}"
)


def _font(text: str) -> tuple[bool, str]:
    """Bold, italic or another font for the text: sizes, colours and positions only."""
    if not _TEXT_NOUN.search(text) and not re.search(r"\bfont\b|字体|字型", text):
        return False, text
    rest = _FONT.sub(" ", text)
    return rest != text, rest


def _height(match: re.Match[str]) -> str:
    """What a corner says of the height: "top right corner" is at the top, 左下角 at the bottom."""
    said = match.group(0).casefold()
    if re.search(r"top|upper|上", said):
        return " 顶部 " if HAN_BASIC.search(said) else " at the top "
    if re.search(r"bottom|lower|下", said):
        return " 底部 " if HAN_BASIC.search(said) else " at the bottom "
    return " "


def _text_side(text: str) -> tuple[bool, str]:
    """ "Move the title to the left", 字幕放右下角: text goes at the top, centre or bottom only."""
    found = False
    out = []
    for clause in re.split(r"(?<=[,.;!?，。；！？])|\band\b|然后|再", text):
        if _TEXT_NOUN.search(clause) and not _CAMERA.search(clause) and _SIDE.search(clause):
            found = True
            clause = _SIDE.sub(_height, clause)
        out.append(clause)
    return found, " ".join(out) if found else text


_TEMPO = re.compile(
    r"\b(?:slow|speed|fast|quick|tempo)\w*\s+(?:up\s+|down\s+)?(?:the\s+)?(?:music|song|audio"
    r"|soundtrack|bgm|track)\b(?:\s+(?:down|up))?"
    r"|\b(?:music|song|audio|soundtrack|bgm)(?:'s)?\s+(?:\w+\s+)?(?:slower|faster|quicker|tempo|bpm)\b"
    r"|(?:音乐|歌|配乐|背景音乐)的?(?:节奏|速度|节拍)?(?:放慢|慢一点|慢点|慢啲|快一点|快点|快啲|加快|调快|调慢)"
    r"|(?:放慢|加快|调慢|调快)(?:音乐|歌|配乐|背景音乐)"
)


def _tempo(text: str) -> tuple[bool, str]:
    """ "Slow down the music", 音乐放慢: a bed plays at its pace; the camera is not meant."""
    rest = _TEMPO.sub(" ", text)
    return rest != text, rest


def _scene_only(match: re.Match[str]) -> str:
    """A colour phrase blanked when it is about a thing in the photo (the sky), else kept."""
    said = match.group(0)
    return " " if SCENE.search(said) and not _TIMELINE_WORD.search(said) else said


def _colour(text: str) -> tuple[bool, str]:
    found = hit = False
    clauses = re.split(r"(?<=[,.;!?，。；！？])", text)
    out = []
    for clause in clauses:
        if _TIMELINE_WORD.search(clause):
            # "make the title red" restyles text, "brighter music" is music; but "make the sky
            # pink and the title bigger" recolours the sky, not the title
            new = _ZH_COLOUR.sub(_scene_only, _EN_COLOUR.sub(_scene_only, clause))
            hit = new != clause
            found = found or hit
            out.append(new)
            continue
        new = _ZH_COLOUR.sub(" ", _EN_COLOUR.sub(" ", clause))
        if hit and _TONE_ONLY.fullmatch(clause):
            new = " "  # "make the sky pink, dramatic and moody": the tone words go with it
        hit = new != clause
        found = found or hit
        out.append(new)
    return found, "".join(out)


def outside_spans(text: str) -> tuple[list[str], str]:
    """The classes of request outside the renderer that `text` holds (`colour`, `footage`,
    `compose`, `music_tempo`, `font`, `text_side`), and `text` with those phrases blanked out."""
    found: list[str] = []
    for key, patterns in (
        ("footage", (_EN_FOOTAGE, _ZH_FOOTAGE, _EN_IMAGERY, _ZH_IMAGERY)),
        ("compose", (_EN_COMPOSE, _ZH_COMPOSE)),
    ):
        for pattern in patterns:
            if pattern.search(text):
                found += [] if key in found else [key]
                text = pattern.sub(" ", text)
        if key == "compose" and key in found:
            text = _WORD_COUNT.sub(" ", text)
    takes = (
        ("music_tempo", _tempo),
        ("font", _font),
        ("text_side", _text_side),
        ("colour", _colour),
    )
    for key, take in takes:
        hit, text = take(text)
        found += [key] if hit else []
    return found, text
