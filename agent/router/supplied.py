"""Material someone else supplies, awaited: "once the voiceover is in, export", "when the new
footage is here, render it", "等配音好咗先出片". A recording or shot media comes from the user or
a third party, not from our work, so the export tied to its arrival waits (issue #10).

The line against our own work finishing ("when you're done, export", "once the captions are in,
export", "等字幕加好了再导出": round 22 keeps those as exports): the awaited thing must be a
supplied material (voiceover, narration, footage, photos…), and the turn must not ask us to make
or add it ("add a voiceover, once the voiceover is in export" is our work, in order).

The same wait said the other way round (`still_missing`): the material named as not here yet,
then the export tied to its arrival ("two photos haven't arrived yet, export once they're in",
"还有两张图没到，到了再一起导出", "啲相仲未齊，齊咗先 render"). Our own work not done yet
("字幕还没加好，加好再导出") is an order, not a wait.

Pure regexes over the keyword stage's normalised text (lower case, Simplified, ASCII
punctuation, apostrophes dropped).
"""

from __future__ import annotations

import re

__all__ = ["SUPPLIED_ZH", "awaits_supplied", "still_missing"]

_MATERIAL = (
    r"(?:voice\s*-?\s*overs?|vos?|narrations?|voice\s+recordings?|recordings?|footage|b\s*-?\s*roll"
    r"|raw\s+files|raws|photos|pictures|pics|interviews?|drone\s+shots|new\s+shots|new\s+clips"
    r"|assets|stock\s+footage)"
)
_HERE = (
    r"(?:(?:is|are|s|has\s+been|have\s+been|gets?|get)\s+(?:\w+\s+)?(?:in|here|ready|recorded"
    r"|done|finished|back|delivered|uploaded|available|shot|sent(?:\s+over)?|through)"
    r"|arrives?|comes?\s+(?:in|through|back)|lands?|shows\s+up)"
)
_UNTIL = r"(?:once|after|when|whenever|as\s+soon\s+as|until|till|by\s+the\s+time)"
_AWAITED = re.compile(
    rf"\b{_UNTIL}\s+(?:(?:the|my|our|his|her|their|some|a)\s+)?(?:\w+\s+)?{_MATERIAL}\s+{_HERE}\b"
)
# the turn makes the material itself: "add a voiceover", "generate the narration"
_MADE = re.compile(
    rf"\b(?:add|adding|generate|create|make|record|put|insert|write)\s+(?:\w+\s+){{0,2}}?"
    rf"{_MATERIAL}\b"
)
SUPPLIED_ZH = re.compile(r"配音|旁白|口播|录音|人声|新素材|素材|照片|相片|采访|航拍")
"""A supplied material named in Chinese: stripped from an awaited phrase before asking whether
the phrase names our work ("等配音好咗先" waits; "等配音加好了再" is our 加)."""


def awaits_supplied(text: str) -> bool:
    """Whether the turn ties its command to a supplied material still to arrive (see the module
    docstring); the Chinese "等…先/再" form is read by `agent.router.deferral`."""
    found = _AWAITED.search(text)
    return found is not None and _MADE.search(text, 0, found.start()) is None


# the material not here yet: "two photos haven't arrived yet", "the rest of the clips aren't in"
_MISSING = re.compile(
    rf"\b{_MATERIAL}\s+(?:(?:are|is)\s+still\s+(?:coming|missing|on\s+(?:the|their|its)\s+way"
    r"|to\s+come|uploading|being\s+\w+)|(?:arent|isnt|are\s+not|is\s+not|havent|hasnt|have\s+not"
    r"|has\s+not|didnt)\s+(?:\w+\s+)?(?:(?:in|here)(?=\s*(?:yet\b|[,.;!?]|$))|arrived|come\s+in"
    r"|landed|uploaded|been\s+(?:uploaded|sent|delivered|shot|recorded)|shown\s+up|ready)"
    r"(?:\s+yet)?)\b"
    rf"|\bstill\s+(?:missing|waiting\s+(?:on|for)|need)\s+(?:\w+\s+){{0,3}}?{_MATERIAL}\b"
)
# the export tied to their arrival: "once they're in", "when they arrive", "after that"
_ON_ARRIVAL = re.compile(
    r"\b(?:once|when|whenever|after|as\s+soon\s+as|until|till)\s+(?:they|theyre|it|its|those"
    r"|these|them|that|thats|all|everything|the\s+rest)\b|\bthen\b"
)
_THINGS_ZH = (
    r"(?:图|相|照片|相片|素材|片段|视频|clip|片|配音|旁白|录音|音频|音乐|歌|文件|材料|镜头)"
)
_MISSING_ZH = re.compile(
    rf"{_THINGS_ZH}[^,.;!?]{{0,4}}?(?:还|仍|都)?(?:没|未|冇)(?:有)?(?:到|齐|来|发|传|上传|拍|录|交)"
    rf"|(?:还|仍)(?:差|缺|少)[^,.;!?]{{0,4}}?{_THINGS_ZH}|{_THINGS_ZH}(?:还|仍|都)(?:差|缺|少)"
)
# "到了再", "齐了先", "到齐之后再", "传完再": the arrival, then the export
_ON_ARRIVAL_ZH = re.compile(
    r"(?:到|齐|来|发|传|交|拍|录)(?:了|完|好|齐|过来)*(?:之后|以后|后)?(?:再|先|才|就|一起)"
)


def still_missing(text: str) -> bool:
    """Whether the turn names supplied material as not here yet and ties its export to the
    arrival (see the module docstring)."""
    for missing, arrival in ((_MISSING, _ON_ARRIVAL), (_MISSING_ZH, _ON_ARRIVAL_ZH)):
        found = missing.search(text)
        if found is not None and arrival.search(text, found.end()) is not None:
            return True
    return False
