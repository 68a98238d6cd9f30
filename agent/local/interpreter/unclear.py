"""The reply to a message with no edit the interpreter understood: never the generic list.

A message that names a part of the video ("revrese the photo order", "the music thing") gets
a reply naming that part and saying nothing was changed; a message that names none (the weather,
cooking, a toast to write) is answered as outside what the local backend does. Pure.
"""

from __future__ import annotations

import re

from agent.local.interpreter.phrasebook import Language, Phrasebook, has_any

__all__ = ["not_understood"]

_PHOTOS = re.compile(
    r"\b(?:photos?|pictures?|pics?|images?|slides?|slideshow|order|jpe?g|png)\b"
    r"|照片|图片|相片|相|顺序|次序|幻灯片|张"
)
_MOTION = re.compile(
    r"\b(?:camera|motion|movement|zoom\w*|pan\w*|ken\s*burns|speed)\b|镜头|运镜|推拉|平移|速度"
)


def _topics(folded: str, book: Phrasebook) -> list[str]:
    kw = book.keywords
    found = {
        "photos": bool(_PHOTOS.search(folded)),
        "text": has_any(folded, kw.title) or has_any(folded, kw.caption),
        "music": has_any(folded, kw.music) or has_any(folded, kw.volume),
        "length": has_any(folded, kw.duration),
        "motion": bool(_MOTION.search(folded))
        or any(has_any(folded, w) for w in kw.motion.values()),
        "framing": any(has_any(folded, w) for w in kw.aspect.values()),
    }
    named = [key for key, hit in found.items() if hit]
    if not named and has_any(folded, kw.video_noun):
        named = ["video"]
    return named


def not_understood(
    folded: str, book: Phrasebook, lang: Language, *, hant: bool
) -> tuple[str, dict[str, str]]:
    """(reply key, values) for a message with no understood edit."""
    topics = _topics(folded, book)
    if not topics:
        return "no_edit_found", {}
    names = [book.topic(lang, "about_" + t, hant=hant) for t in topics[:3]]
    joiner = book.say(lang, "joiner", hant=hant)
    return "unclear_edit", {"topics": joiner.join(names)}
