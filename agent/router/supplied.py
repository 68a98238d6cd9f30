"""Material someone else supplies, awaited: "once the voiceover is in, export", "when the new
footage is here, render it", "等配音好咗先出片". A recording or shot media comes from the user or
a third party, not from our work, so the export tied to its arrival waits (issue #10).

The line against our own work finishing ("when you're done, export", "once the captions are in,
export", "等字幕加好了再导出": round 22 keeps those as exports): the awaited thing must be a
supplied material (voiceover, narration, footage, photos…), and the turn must not ask us to make
or add it ("add a voiceover, once the voiceover is in export" is our work, in order).

Pure regexes over the keyword stage's normalised text (lower case, Simplified, ASCII
punctuation, apostrophes dropped).
"""

from __future__ import annotations

import re

__all__ = ["SUPPLIED_ZH", "awaits_supplied"]

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
