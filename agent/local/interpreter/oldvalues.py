"""An amount the message names as the one there is now, beside the one it asks for: "5 seconds
is too long, make it 3", "3s each is sooo slow, do 2 each", "instead of 3 seconds each, do 1.5
each", "it's 9 seconds now, make it 12", 每张3秒太慢了，改成每张2秒, 35%太大声了，调到20%,
由5秒改成10秒; and a length said with a bare number after a cutting verb ("cut it down to 3").

The old amount (with the complaint about it, so "slow" there does not slow the camera) is blanked
out, and a bare number the new amount is said with takes the old one's unit. Nothing is blanked
unless a new amount of the same kind is left to read. Pure text work on NFKC text folded to
simplified Chinese, before the quantity readings.
"""

from __future__ import annotations

import re

from agent.local.interpreter.hanzi import HAN_BASIC
from agent.local.interpreter.quantity import MIN, NUM, SEC

__all__ = ["settle_amounts"]

_F = re.IGNORECASE
_UNIT = rf"(?:{SEC}|%|％|percent|per\s*cent)"
_VAL = rf"{NUM}\s*-?\s*{_UNIT}"
_EACH = (
    r"(?:\s*(?:each|apiece|a\s+(?:photo|pic|picture|slide|shot|piece|pop)"
    r"|per\s+(?:photo|pic|picture|image|slide|shot)|for\s+each(?:\s+one)?))?"
)
_ZH_EACH = r"(?:每\s*(?:张|个|幅)?\s*(?:照片|图片|相片|相|图)?\s*)?"
_TOO = (
    r"(?:long|longer|short|slow|slower|fast|quick|much|loud|louder|quiet|soft|boring|draggy"
    r"|sluggish|low|high|big|small|little)\b"
)
_FILLER = (
    r"(?:(?:actually|really|only|just|already|basically|currently|now|like|about|around|roughly"
    r"|exactly|still)\s+)*"
)
"""'It's actually 5 seconds now': words between "it's" and the amount there is."""
_OLD = re.compile(
    rf"{_VAL}{_EACH}\s*(?:is|are|'s|feels?|seems?|looks?|sounds?)\s+"
    rf"(?:(?:way|so+|too+|a\s+bit|kinda|kind\s+of|a\s+little|really|just|honestly|super|pretty"
    rf"|rather|still|much)\s+)*{_TOO}(?:\s+(?:lol|lmao|tbh|imo|haha))?"
    rf"|{_VAL}{_EACH}\s+(?:drags?|is\s+dragging)\b"
    rf"|\b(?:is|are|'s|feels?|seems?|looks?)\s+(?:(?:way|so+|too+|a\s+bit|kinda|really|super|pretty)\s+)*"
    rf"{_TOO}\s+(?:at|with)\s+{_VAL}{_EACH}"
    rf"|\b(?:it'?s|its|it\s+is|currently|now\s+it'?s|right\s+now\s+it'?s"
    rf"|(?:the\s+)?(?:music|song|volume|video|bgm)(?:'s|\s+is))\s+{_FILLER}(?:at\s+)?{_VAL}{_EACH}"
    rf"(?:\s+(?:now|currently|right\s+now|atm))?\b"
    rf"|\b(?:instead\s+of|rather\s+than)\s+{_VAL}{_EACH}"
    rf"|{_ZH_EACH}{_VAL}(?:\s*一张)?\s*(?:就|都|真系|真的|实在|有点|有啲|好|太|过|咁)+"
    rf"(?:长|短|慢|快|耐|拖|久|大声|小声|细声|吵|响|大|小)(?:了|啦|喇|咯|啊|呀|吧)?"
    rf"|(?:其实|实际上)?(?:现在|目前|而家|宜家|依家|原本|本来|原来)(?:其实|实际上|只|都)?(?:是|系|有|得|都)?(?:只有|得)?\s*{_ZH_EACH}{_VAL}"
    rf"|(?:由|从)\s*{_ZH_EACH}{_VAL}(?=\s*(?:改|变|调|加|减|缩|延|拉|砍|剪|换))"
    rf"|(?:不要|唔要|唔好|不是|唔系|而不是)\s*{_ZH_EACH}{_VAL}",
    _F,
)
_SETTER = (
    r"(?:make\s+(?:it|them|each|every\s+one)|do|go\s+(?:with|for)|try|set\s+(?:it|them)\s+to"
    r"|(?:squeeze|fit|squash|cram)\s+(?:it|them|everything)\s+(?:in)?to"
    r"|change\s+(?:it|them)\s+to|to|改成|改做|改为|调到|调成|变成|换成|设成|设为|要|用|转做|整成|得)"
)
_BARE = re.compile(
    rf"{_SETTER}\s*(?:每\s*(?:张|个)?\s*)?{NUM}(?![\d.]*\s*(?:%|％|x|×|:|倍|张|个|点|成|分|{SEC}|{MIN}"
    r"|percent|per\s*cent|times|photos?|pics?))",
    _F,
)
_TRIM_TO = re.compile(
    r"\b(?:cut|trim|shorten|chop|bring|get|take|drop)\w*\s+(?:(?:it|this|that|the\s+(?:video|clip|thing))\s+)?"
    rf"(?:down\s+)?to\s+(?:just\s+|only\s+)?{NUM}(?![\d.]*(?:[a-z]|\s*(?:%|x|×|:|/|{SEC}|{MIN}|percent"
    r"|times|photos?|pics?|pictures?|images?|slides?|shots?|ones?)))"
    rf"|(?:剪|缩|砍|减|截|裁)(?:短|掉)?(?:到|成|剩|剩返)\s*{NUM}(?![\d.]*\s*(?:秒|%|张|个|倍|成|分|点|半))",
    _F,
)


_OTHER_THING = re.compile(
    r"\b(?:music|song|bgm|audio|soundtrack|volume|vol|loud\w*|quiet\w*|title|caption|text|fade)s?\b"
    r"|音乐|歌|配乐|音量|声|标题|字幕|文字|淡",
    _F,
)
"""'The music is too loud, bring it down to 20': a bare number then is not the video's length."""


def _unit_of(text: str) -> str:
    return "%" if re.search(r"%|％|percent|per\s*cent", text, _F) else "s"


def _with_unit(text: str, pattern: re.Match[str], unit: str) -> str:
    """`text` with `unit` written after the number `pattern` found."""
    end = pattern.end()
    zh = HAN_BASIC.search(pattern.group(0)) is not None
    word = (" 秒" if zh else " s ") if unit == "s" else "%"
    return text[:end] + word + text[end:]


_NOT_TIME = rf"(?![\d.]*\s*(?:{SEC}|{MIN}|:|-\s*\d|x|×))"
_LEVEL_CHANGE = re.compile(
    rf"\b(?:music|volume|bgm|song|vol)\b[^\d]{{0,8}}?(?:from\s+)?(\d+){_NOT_TIME}\s*%?\s*"
    rf"(?:->|→|=>|to)\s*(\d+){_NOT_TIME}\s*%?"
    rf"|(?:音乐|音量|背景音乐|声音)[^\d]{{0,4}}?(?:由|从)?\s*(\d+){_NOT_TIME}\s*%?\s*"
    rf"(?:->|→|=>|改成|改为|调到|调成|变成|到|改做)\s*(\d+){_NOT_TIME}\s*%?",
    _F,
)
"""'music 35 -> 50', 音量由35改成15: the level goes from the first to the second."""
_ASPECT = (
    r"(?:横屏|横版|横向|横幅|竖屏|竖版|竖向|直向|直版|方形|landscape|horizontal|portrait|vertical"
    r"|square|16:9|9:16|1:1|4:5)"
)
_ASPECT_CHANGE = re.compile(
    rf"(?:\bfrom\s+)?{_ASPECT}\s*(?:->|→|=>|\bto\b|改成|改为|转成|转做|变成|换成|改做|改|转|换)\s*(?={_ASPECT}"
    r"|横|竖|直|方)",
    _F,
)
"""横屏改竖屏, 'landscape -> vertical': the first is the aspect there is."""
_PACE = re.compile(
    r"\b(?:speed\s+up|slow\s+down|quicken)\s+(?:the\s+)?(?:slideshow|slides|photos|pace|pacing)\b"
    r"|\b(?:slideshow|slides|pace|pacing)\s+(?:faster|slower|quicker)\b",
    _F,
)
"""'Speed up the slideshow, 2 seconds a photo': the pace of the photos, not the camera."""


_WAS_END = re.compile(
    rf"\b(?:instead\s+of|rather\s+than|not)\s+(?:just\s+)?(?:stopping|ending|disappearing|vanishing"
    rf"|going\s+(?:away|off)|cutting\s+(?:out|off)|fading\s+out|finishing|leaving)\s+(?:at|after)\s+"
    rf"(?:second\s+)?{NUM}\s*{SEC}?(?:\s+mark)?"
    rf"|(?:而不是|不要|唔好|唔系|不是)(?:在|喺)?第?\s*{NUM}\s*秒(?:钟)?(?:就|便)?(?:消失|结束|收|走|停)",
    _F,
)
"""'Keep the title until the end instead of stopping at 3s': when it stops now, not a length."""


def settle_amounts(text: str) -> str:
    """`text` with an amount named as the current one blanked out (when a new amount of its kind
    is left), a bare new amount given the old one's unit, and "cut it down to 3" read as seconds."""
    text = _WAS_END.sub(" ", text)
    if (match := _TRIM_TO.search(text)) and not _OTHER_THING.search(text):
        text = _with_unit(text, match, "s")
    match = _LEVEL_CHANGE.search(text)
    if match and ("%" in match.group(0) or max(int(g) for g in match.groups() if g) > 5):
        zh = match.group(4) is not None  # "music from 1 to 4" is a time, not levels
        new = match.group(4) or match.group(2)
        level = f" 音量{new}% " if zh else f" volume {new}% "
        text = text[: match.start()] + level + text[match.end() :]
    text = _ASPECT_CHANGE.sub(" ", text)
    if _PACE.search(text) and re.search(rf"{NUM}\s*-?\s*{SEC}", text, _F):
        text = _PACE.sub(" ", text)
    match = _OLD.search(text)
    if match is None:
        return text
    unit = _unit_of(match.group(0))
    zh = HAN_BASIC.search(match.group(0)) is not None
    topic = " " if unit == "s" else (" 音量 " if zh else " volume ")  # "35%太大声了" is the volume
    rest = text[: match.start()] + topic + text[match.end() :]
    same = rf"{NUM}\s*-?\s*{SEC}" if unit == "s" else rf"{NUM}\s*(?:%|％|percent)"
    has_unit = re.compile(same, _F)
    if has_unit.search(rest):
        return rest
    if (bare := _BARE.search(rest)) is not None:
        return _with_unit(rest, bare, unit)
    return text
