"""Small readings of a message for the interpreter: negated clauses, ordinals of titles and
captions, an explicit project name, and requests the local backend cannot honour as asked.

Pure text work on NFKC-normalised messages folded to simplified Chinese; quoted text is looked
up in the caller's list (kept byte for byte from the original message).
"""

from __future__ import annotations

import re
import unicodedata

from agent.local.interpreter.hanzi import HAN_BASIC, to_simplified
from agent.local.interpreter.outside import outside_spans
from agent.local.interpreter.phrasebook import Phrasebook, has_any
from agent.local.interpreter.playback import playback_speed
from agent.local.interpreter.quantity import parse_number
from agent.local.interpreter.scenes import ANIMATE, SCENE_MOTION, scene_spans
from agent.local.interpreter.shapes import unsupported_aspect, without_shape

__all__ = [
    "camera_direction",
    "drop_negated",
    "limits",
    "project_name",
    "retouch",
    "text_clauses",
    "text_ordinal",
    "wants_new_text",
]

_NEGATED = re.compile(
    r"\b(?:don't|do\s+not|dont|never|no\s+need\s+to|without\s+(?:changing|touching))\s+"
    r"(?:add|put|include|change|touch|export|use|render|download|alter|modify|changing|touching)"
    r"\b[^,.;!?]*"
    r"|\bbut\s+(?:no|not\s+(?:a|an|the|any))\s+\w+"
    r"|(?:前面|前边|其他|其它|其余|别的|另外|剩下)(?:的|嘅)?(?:[一二两三四五六七八九十\d]*张)?"
    r"(?:照片|相片|图片)?"
    r"(?:都|就)?(?:不动|不变|保持不变|别动|不要动|唔郁|唔好郁|照旧|保持原样)"
    r"|(?:长度|时长|长短|片长|总长|时间|音乐|音量|标题|字幕|比例|画幅|顺序)(?:就|也|都)?"
    r"(?:不动|别动|不要动|唔郁|唔好郁|唔好动|不用动|唔使郁)"
    r"|\b(?:leave|keep)\s+the\s+(?:first\s+(?:two|three|\d)|rest|others?|other\s+(?:ones|photos))"
    r"\s+(?:alone|as\s+(?:they\s+are|is)|unchanged|the\s+same)\b"
    r"|(?:不要|别|不用|唔好|唔使|毋须|无需|先不要|暂时不要|不必)\s*"
    r"(?:加|添加|放|改|动(?!态|效|画)|导出|加上|换|用|出|拉|推|缩|平移|移|摇)[^，,。；;！!？?]*"
    r"|\b(?:[\w'-]+\s+){1,3}?(?:is|are|looks?)\s+(?:fine|ok|okay|good|great|perfect)\b"
    r"(?=\s*(?:,|but\b))"
    r"|\b(?:instead\s+of|rather\s+than)\s+(?:the\s+|a\s+|that\s+|this\s+)?"
    r"(?:slow\s+|fast\s+)?(?:zoom|zooming|pan|panning|ken\s*burns|motion|movement|camera\s+move"
    r"|push(?:ing)?\s+in|dolly|tilt)\w*(?:\s+(?:in|out|left|right|up|down|effect|motion))?"
    r"|而不是\s*(?:放大|推近|拉近|缩小|拉远|平移|推拉|运镜)[^，,。；;！!？?]*",
    re.IGNORECASE,
)
_EN_ORD = ("first", "second", "third", "fourth", "fifth")
_TEXT_ORDINAL = re.compile(
    r"\b(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+"
    r"(?:title|caption|subtitle|text|line)s?\b"
    r"|第\s*([一二两三四五\d])\s*(?:条|个|句|行|段)?\s*(?:字幕|标题|文字)|(最后)一?(?:条|个|句|行)\s*(?:字幕|标题)"
)
_NAME_MARKER = re.compile(
    r"\b(?:called|named|titled|name\s+it|name\s+the\s+(?:project|video)"
    r"|rename\s+(?:it|the\s+project|the\s+video)(?:\s+to)?|project\s+(?:name|title)(?:\s+to)?"
    r"|call\s+(?:it|the\s+(?:project|video)))"
    r"\s*[:=]?\s*$"
    r"|(?:项目名称?|项目标题|片名|视频名称?|命名为|取名为?|名字)(?:改成|改为|叫做?|为|是|设为)?\s*[:：]?\s*$"
    r"|(?:叫做?|命名为|取名叫?)\s*$",
    re.IGNORECASE,
)
_COLOURS = ("色", "gold", "golden", "silver", "white", "black", "red", "pink", "blue", "green")
_AFTER_COLOUR = "|".join(f"(?<={word}{gap})" for word in _COLOURS for gap in ("", " "))
"""Just after a colour word: a sparkle there (金色✨, "gold ✨") is a sparkly look; only the
sparkle is blanked, so the colour is still read as the colour (not as a title's wording)."""
_LIMITS = {
    "resolution": re.compile(
        r"(?<![a-z0-9])(?:4k|8k|2k|2160p|1440p|1080p|720p|480p|uhd|ultra\s*hd|full\s*hd)(?![a-z0-9])"
        r"|(?<!\d)(?:3840|4096|7680|2560)\s*(?:x|×|\*|by)\s*\d{3,4}(?!\d)"
        r"|(?<!\d)\d{3,4}\s*(?:x|×|\*|by)\s*(?:2160|4320|1440)(?!\d)"
        r"|超高清|蓝光|高清|分辨率|解析度|\bresolution\b",
        re.IGNORECASE,
    ),
    "playback": re.compile(
        r"\b(?:loop|loops|looped|looping|boomerang)\b(?!\s+(?:music|song|track|audio))"
        r"|\b(?:play|run|show)\w*\s+(?:it\s+|the\s+(?:video|clip|whole\s+thing)\s+|this\s+)?"
        r"(?:in\s+)?(?:reverse|backwards?|back\s*to\s*front)\b"
        r"|\breverse\s+(?:the\s+)?(?:video|clip|playback)\b|\brewind\s+effect\b"
        r"|倒放|倒播|倒带|倒转播放|倒着播|倒过来播|反向播放|循环播放|循环|重复播放|播(?:两|三|几|\d)(?:遍|次)",
        re.IGNORECASE,
    ),
    "effects": re.compile(
        r"\b(?:transitions?|sparkles?|sparkly|glitter|particles?|confetti|lens\s+flares?|glow(?:s|ing|y)?"
        r"|neon|blur(?:s|red|ry)?|bokeh|shake|shaking|wipe|dissolve\s+effect|flash\s+effect|stickers?"
        r"|emojis?\s+(?:flying|raining|popping)|green\s*screen|split\s*screen|picture[\s-]in[\s-]picture)\b"
        r"|\b(?:sync|synch?ronis?e|time|cut|match)\w*\s+(?:\w+\s+){0,3}?(?:to|with)\s+the\s+"
        r"(?:beat|beats|rhythm|bpm)\b|\bon\s+the\s+beat\b|\bbeat[\s-]*sync\w*"
        r"|转场|过场|特效|闪光|闪闪|粒子|发光|霓虹|模糊|虚化|抖动|贴纸|分屏|画中画|卡点|踩点|跟节拍|跟住节奏"
        # a colour with a sparkle after it (金色✨, "gold ✨"): a sparkly look, not the colour alone
        rf"|(?:{_AFTER_COLOUR})[✨💫🌟⭐]",
        re.IGNORECASE,
    ),
    "content_motion": re.compile(
        r"\bslow[\s-]*mo(?:tion)?\b|\bslowmo\b|慢动作|慢镜"
        r"|\b(?:make|let|have)\s+"
        r"(?!(?:the\s+|my\s+|a\s+)?(?:camera|photos?|pictures?|images?|videos?|clips?|titles?|text"
        r"|captions?|music|songs?|zoom|motion|slideshow|slides?|whole\s+(?:video|thing|clip)|it|this"
        r"|that|them)\b)(?:the\s+|my\s+)?"
        r"\w+(?:\s+\w+){0,5}?\s+(?:move|moving|walk|flow|run|sway|fly|drive|sail|crash|roll|ripple|splash"
        r"|dance|blink|smile|fall|spin|swim|wave|blow|flicker|talk|jump|bob|bobbing|sweep|sweeping"
        r"|wag|wags|nod|turn|turns|rotate|twinkle|shine|glow|flash|drift|float|flap|flutter|sing"
        r"|light\s+up|come\s+alive)\b(?!\s+(?:into|in\s+to)\b)"
        r"|(?:让|使|令|整|要)[^，,。]{0,8}?(?:海浪|海水|浪花|浪|水|人|云|树|鸟|车|船|花|草|瀑布|灯|光|狗|猫"
        r"|动物|旗|星|海鸥|游客|(?<!镜)头|眼|尾巴|叶)"
        r"[^，,。]{0,4}?(?:流动|飘动|摇动|动|走|流|飘|飞|摇|跑|闪|亮|转|眨|摆|郁|笑|跳|游|扫|挥)"
        r"|一闪一闪|摇尾巴|眨眼|转过头",
        re.IGNORECASE,
    ),
}


_SOUND = re.compile(
    r"\b(?:music|song|audio|bgm|soundtrack|track|beat)s?\b|音乐|配乐|歌|背景乐", re.IGNORECASE
)


_COMPLAINT = re.compile(
    r"\b(?:the\s+|this\s+|that\s+|all\s+(?:the|that|this)\s+)?(?:ken\s*burns|zoom\w*|pan\w*"
    r"|motion|movement|camera\s+(?:move\w*|motion|work)|effect)(?:\s+(?:effect|thing|move))?"
    r"\s+(?:is|are|feels?|looks?|seems?|'s)\s+(?:(?:way|a\s+bit|kinda|kind\s+of|a\s+little"
    r"|just|honestly)\s+)*(?:too\s+much|overkill|too\s+busy|annoying|distracting|boring"
    r"|dizzying|nauseating|over\s+the\s+top|cheesy|tacky|excessive|a\s+lot)\b"
    r"|(?:推拉|平移|缩放|运镜|镜头|肯伯恩斯|ken\s*burns|放大|拉近|推近)(?:效果|运动)?(?:有点|太|好|过于)"
    r"(?:多|夸张|晃|乱|花|晕|过|强)了?",
    re.IGNORECASE,
)
"""A complaint about the current motion ("ken burns is too much"): the motion it names is
not the one asked for; it asks for less movement."""


_STILL = re.compile(
    r"\b(?:don't|do\s+not|dont|stop|quit|no\s+more|not|no|without(?:\s+any)?|ditch|kill|lose|drop"
    r"|scrap|remove|get\s+rid\s+of|enough(?:\s+with)?|(?:not\s+a\s+|no\s+)(?:big\s+)?fan\s+of"
    r"|(?:i\s+)?(?:hate|dislike))\s+(?:any\s+|the\s+|that\s+|this\s+|all\s+(?:the|that|this)\s+)?"
    r"(?:more\s+)?(?:zoom|pan|ken\s*burns|push(?:ing)?\s+in|dolly|tilt)\w*"
    r"(?:\s+(?:in|out|left|right|up|down|around|effect|motion|anymore|any\s+more|thing|stuff"
    r"|move|please|pls|plz))*\b"
    r"(?!\s+(?:so|too|as|that|this|quite|fast|slow|quick|much))"
    r"|(?:不要|别|不用|唔好|唔使|唔要|毋须|无需|不需要|唔需要|冇需要|不必|停止|莫)\s*(?:再|咁)?\s*"
    r"(?:zoom(?:\s*(?:in|out))?|pan|ken\s*burns|肯伯恩斯|平移缩放|推近|推进|拉近|拉远|放大|缩小|平移|运镜"
    r"|推拉|摇镜|镜头移动|移动镜头)(?:效果)?"
    r"(?:了|啦|喇|嘞|咯|呀|喎)?(?![^，,。；;！!？?]{0,3}(?:太|那么|这么|咁|得|快|慢|多|少))"
    r"|定住(?:就得|就好|就行|就可以)?"
    r"|\b(?:stop|keep)\s+the\s+camera\s+(?:from\s+)?moving\b|\bkeep\s+the\s+camera\s+(?:still|static)\b"
    r"|(?:镜头|画面|运镜)(?:都|就|可以)?(?:唔使|不用|不要|别|唔好|无需|不需要|唔需要)(?:再)?"
    r"(?:郁|动|移动|摇|郁动)",
    re.IGNORECASE,
)
"""Asking the camera not to move ("don't zoom", 唔好zoom啦，定住就得): no motion, unless another
motion is asked for in the same message ("don't pan, zoom in")."""
_MOTION_WORD = re.compile(
    r"\b(?:zoom|pan|ken\s*burns|push\s+in|pull\s+(?:out|back)|dolly|tilt|drift)\w*"
    r"|推近|推进|拉近|拉远|放大|缩小|平移|左移|右移|上移|下移"
    r"|\b(?:left|right)\s+to\s+(?:left|right)\b|\b(?:bottom\s+to\s+top|top\s+to\s+bottom)\b"
    r"|(?:从|由)(?:左|右|上|下)(?:边|面)?(?:到|向|往)(?:左|右|上|下)"
    r"|(?:往|向|朝)(?:左|右|上|下)(?:边|面)?(?:慢慢)?(?:摇|平移|扫|移)",
    re.IGNORECASE,
)
_TEXT_WORD = re.compile(
    r"\b(?:title|caption|subtitle|text|font|music)s?\b|标题|字幕|文字|字体|音乐"
)


_NOT_SO = re.compile(
    r"\b(?:don't|do\s+not|dont|not)\s+(?:\w+\s+){0,3}?(?:so|too|that|as)\s+(?:(fast|quick\w*)|slow\w*)\b"
    r"|(?:不要|别|唔好)[^，,。；;！!？?]{0,4}?(?:那么|这么|咁|太)(?:(快)|慢)",
    re.IGNORECASE,
)
"""Not so fast ("don't zoom so fast", 不要推那么快): slower; not so slow: faster."""


def _not_so(match: re.Match[str]) -> str:
    zh = HAN_BASIC.search(match.group(0)) is not None
    slower = bool(match.group(1) or match.group(2))
    return (" 慢一点 " if slower else " 快一点 ") if zh else (" slower " if slower else " faster ")


_DESTROY = re.compile(
    r"(ditch|kill|lose|drop|scrap|remove|get\s+rid\s+of)\s+(?:the\s+|that\s+|this\s+|all\s+the\s+)?"
    r"(?:zoom|pan|ken\s*burns|push(?:ing)?\s+in|dolly|tilt)",
    re.IGNORECASE,
)
"""'Remove the zoom and the title': the verb stays for the title once the zoom is read."""


def _touches(clause: str) -> bool:
    """Whether `clause` asks the camera not to move (a text or music clause only when its verb
    removes the camera move itself: "drop the ken burns and the music")."""
    if not _STILL.search(clause):
        return False
    return not _TEXT_WORD.search(clause) or _DESTROY.search(clause) is not None


_STILL_CLAUSE = re.compile(
    r"(?<=[,.;!?，。；！？])|(?=\b(?:and|then|also|plus)\s+(?!(?:the|a|an|my|this|that|its|all|any)\b))"
    r"|(?=然后|并且|同埋|另外|跟住|顺便|并(?![不非没]))",
    re.IGNORECASE,
)
"""Where a clause ends for the camera: "drop the music to 20 and stop the camera moving"."""


def _still(text: str) -> str:
    clauses = _STILL_CLAUSE.split(text)
    if not any(_touches(c) for c in clauses):
        return text
    rest = " ".join(_STILL.sub(" ", c) for c in clauses)
    word = " " if _MOTION_WORD.search(rest) else " static "

    def read(clause: str) -> str:
        if not _touches(clause):
            return clause
        if not _TEXT_WORD.search(clause):
            return _STILL.sub(word, clause)
        return _STILL.sub(  # the verb stays for the title or music of this clause
            lambda m: f" {v.group(1)} {word} " if (v := _DESTROY.match(m.group(0))) else word,
            clause,
        )

    return "".join(read(c) for c in clauses)


_LATER_MINE = re.compile(
    r"\bi(?:'m|\s+am)\s+(?:going\s+to|gonna|planning\s+to)\b[^.;!?]*"
    r"|\bi(?:'ll|\s+will|\s+plan\s+to)\s+[^.;!?]*?\b(?:later|afterwards|myself|my\s+own|another\s+app"
    r"|elsewhere)\b[^.;!?]*"
    r"|我(?:之后|稍后|等下|等一下|晚点|迟啲|迟些|会|打算)[^，,。；;！!？?]*?(?:自己|另外|再)[^，,。；;！!？?]*",
    re.IGNORECASE,
)
"""What the user will do themselves later ("I'm going to add my own track in another app later",
我之后自己再配): a mention, not a request to this editor."""


def drop_negated(text: str) -> str:
    """`text` with negated clauses ("don't export", "but no title", 不要加标题) and the user's own
    later plans blanked out, asking the camera not to move read as no motion, and a complaint
    about the motion read as asking for less of it."""
    text = _LATER_MINE.sub(" ", text)
    text = _NEGATED.sub(" ", _still(_NOT_SO.sub(_not_so, text)))
    return _COMPLAINT.sub(
        lambda m: " 幅度小一点 " if HAN_BASIC.search(m.group(0)) else " less motion ",
        text,
    )


def text_ordinal(folded: str) -> int | None:
    """Which title or caption the message names: 0-based, -1 for the last, None for none."""
    match = _TEXT_ORDINAL.search(folded)
    if not match:
        return None
    if match.group(3):
        return -1
    if en := match.group(1):
        if en == "last":
            return -1
        return _EN_ORD.index(en) if en in _EN_ORD else int(en[0]) - 1
    return int(parse_number(match.group(2)) or 1) - 1


_CLAUSE = re.compile(r"[,;!?，。；！？]|\.(?!\d)|\band\s+also\b|\balso\b|顺便|同埋|然后|另外|并且")
_TEXT_NOUN = re.compile(r"\b(?:title|caption|subtitle|text|heading|headline)s?\b|标题|字幕|文字")


def text_clauses(folded: str) -> str:
    """The clauses of `folded` that name a title or caption ("加背景音乐，顺便把标题放到底部":
    the 加 is the music's, the title is moved); the whole text when none does."""
    found = [c for c in _CLAUSE.split(folded) if _TEXT_NOUN.search(c)]
    return " , ".join(found) if found else folded


def wants_new_text(folded: str) -> bool:
    """Whether the message asks for a new title or caption rather than changing one."""
    return bool(
        re.search(
            r"\b(?:add|insert|new|another|create)\b|(?<!刚才)(?<!之前)(?<!刚刚)(?<!头先)(?<!啱啱)(?<!刚)"
            r"加(?!长|快|大|粗|多|的|咗嘅|嘅|上的|上去的)|添加(?!的)|(?<!重)新(?!加的)",
            folded,
        )
    )


_TEXT_BEFORE = re.compile(
    r"\b(?:title|caption|subtitle|text|heading|headline)s?\s*(?:that\s+is\s+|which\s+is\s+)?$"
    r"|(?:标题|字幕|文字|大标题)(?:就|要)?\s*$"
)
"""'A title called "Summer"', 标题叫「维港」: the words on the video, not the project's name."""


def project_name(raw: str, quotes: list[str]) -> str:
    """The quoted text that an explicit project-name phrase introduces ("called 'Trip'"), or ""."""
    for text in quotes:
        at = raw.find(text)
        prefix = to_simplified(unicodedata.normalize("NFKC", raw[:at])).casefold()
        marker = _NAME_MARKER.search(prefix.rstrip(" \"'“‘「『《"))
        if at > 0 and marker and not _TEXT_BEFORE.search(prefix[: marker.start()]):
            return text
    return ""


_ANIMATE_PHOTO = re.compile(
    r"\banimate\s+(?:the|this|that|my|its)\s+(?:[\w.'-]+\s+){0,2}?(?:photo|picture|image|pic|shot"
    r"|one)\b(?:\s+(?:so|and))?",
    re.IGNORECASE,
)


def limits(text: str) -> tuple[list[str], str]:
    """What the message asks that the local backend cannot do as asked (`resolution`, ...),
    and the text with those phrases blanked out (so "slow motion" does not slow the camera)."""
    found = []
    for key, pattern in _LIMITS.items():
        if key == "playback" and _SOUND.search(text):
            continue  # "let the music loop to the end": the bed is as long as the video
        if pattern.search(text):
            found.append(key)
            text = pattern.sub(" ", text)
    rate, text = playback_speed(text)  # "play it at 2x": not the camera's speed
    found += ["playback_speed"] if rate else []
    for pattern in (SCENE_MOTION, ANIMATE):
        if pattern.search(text):
            found += [] if "content_motion" in found else ["content_motion"]
            text = pattern.sub(" ", text)
    if "content_motion" in found:  # "animate that lighthouse one and make the light flash"
        text = _ANIMATE_PHOTO.sub(" ", text)
    if unsupported_aspect(text) is not None:
        found.append("aspect")
        text = without_shape(text)
    beyond, text = outside_spans(text)
    scene, text = scene_spans(text)
    return [*found, *beyond, "scene"] if scene else [*found, *beyond], text


_RETOUCH = re.compile(
    r"\b(?:erase|remove|delete|get\s+rid\s+of|take\s+out|clean\s+up|hide|blur)\s+"
    r"(?:the\s+|all\s+(?:the\s+|of\s+the\s+)?|that\s+|those\s+)?(?:\w+\s+){0,2}?"
    r"(?:man|men|woman|women|person|people|guy|girl|boy|kids?|child|children|tourists?|crowd"
    r"|strangers?|passers?-?by|cars?|boats?|birds?|wires?|poles?|trash|rubbish|watermark|logo"
    r"|photobomber|dog|cat|sign)\b(?!\s*(?:photos?|pictures?|images?|pics?|shots?|slides?|one)\b)"
    r"|\b(?:remove|delete|erase|get\s+rid\s+of|take\s+out)\s+"
    r"(?!(?:the\s+|all\s+(?:the\s+)?)?(?:titles?|captions?|subtitles?|text|words|music|songs?|audio"
    r"|photos?|pictures?|images?|fades?|zoom|motion|effects?)\b)[^,.;!?]{1,30}?\s+"
    r"(?:from|in|out\s+of|on)\s+(?:the|this|that|my)\s+(?:\w+\s+)?(?:photo|picture|image|shot|pic"
    r"|background|foreground|distance|corner|frame|scene)\b"
    r"|(?:照片|图片|相片|画面|相|图)(?:里|中|上|入)(?:面|边|头)?(?:的|嘅)?[^，,。；]{0,8}?"
    r"(?:去掉|删掉|删除|抹掉|擦掉|移除|拿掉|去除|删|p掉|p走|攞走|整走)"
    r"|(?:去掉|删掉|删除|抹掉|擦掉|p掉|p走)(?:照片|图片|相片|画面|相|图)(?:里|中|上)"
    r"|p掉|p走|修掉|抹掉|擦掉"
    r"|(?:执走|攞走|整走|p走|删走|拎走)[^，,。；]{0,4}?(?:照片|图片|相片|画面|相|图)(?:入面|里面|里|中)"
)


def retouch(folded: str) -> bool:
    """Whether the message asks to erase or remove something inside a photo (a retouch)."""
    return _RETOUCH.search(folded) is not None


_DIRECTION = re.compile(
    r"\b(?:drift|move|slide|glide|travel|sweep|track|head|roll|scroll|crawl|float|pan|swing)\w*"
    r"\s+(?:(?:slowly|gently|gradually|smoothly|a\s+bit|a\s+little|over|across)\s+)*"
    r"(?:(?:to(?:wards?)?|toward|over\s+to)\s+(?:the\s+)?)?(left|right)\b"
    r"|\b(?:drift|slide|glide|tilt|scroll|float|rise|sink|crawl)\w*\s+(?:(?:slowly|gently)\s+)?"
    r"(up|upwards?|down|downwards?)\b"
    r"|(?:镜头|画面|运镜)[^，,。；]{0,6}?(?:往|向|朝)(左|右|上|下)(?:边|面)?(?:慢慢)?"
    r"(?:移|平移|摇|走|飘|滑|扫|推|动)"
    r"|(?<![镜面])(?:往|向|朝)(左|右|上|下)(?:边|面)?(?:慢慢)?(?:摇|平移|扫|pan)",
    re.IGNORECASE,
)
"""A camera direction said with another verb ("drift slowly to the right", 镜头往左摇)."""
_WAYS = {"left": "pan_left", "right": "pan_right", "up": "pan_up", "down": "pan_down",
         "左": "pan_left", "右": "pan_right", "上": "pan_up", "下": "pan_down"}  # fmt: skip


def camera_direction(folded: str, book: Phrasebook) -> str | None:
    """A camera direction said with another verb (`pan_left`...), or None."""
    if has_any(folded, book.keywords.title) or has_any(folded, book.keywords.caption):
        return None  # "move the caption to the left" places text
    photo = re.search(
        r"\b(?:photo|picture|image|pic|one)s?\b|\bslides\b|\bthe\s+slide\b|\.(?:jpe?g|png)|照片|图片|相片|张",
        folded,
    )
    if photo and not re.search(r"\bcamera\b|镜头|运镜", folded):
        return None  # "move harbor.jpg to the right" reorders the slideshow
    match = _DIRECTION.search(folded)
    if not match:
        return None
    way = next(g for g in match.groups() if g).rstrip("s").removesuffix("ward")
    return _WAYS.get(way)
