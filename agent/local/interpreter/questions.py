"""A question about the draft as it is ("what's the aspect ratio right now?", 现在用的是什么
背景音乐？音量多少？, 而家幾多秒？) never changes anything: it is answered from the draft.

A message is such a question when it asks with a question word (what, which, how much, how long,
什么, 多少, 几多, 咩, 哪) about the draft (its shape, length, camera, music, titles) and asks
for no change: no edit verb, no request ("can you", 能不能, 帮我), no suggestion ("what about",
不如). "Don't change anything" and "just asking" are allowed
beside the question. Anything else goes to the ordinary reading. Pure.
"""

from __future__ import annotations

import re
from typing import Any

from agent.local.edits import AUDIO, TEXT, VIDEO, segments, total
from agent.local.interpreter.hanzi import to_simplified
from agent.local.interpreter.phrasebook import Language, Phrasebook
from agent.local.interpreter.plan import InterpretContext, Plan, TextStep
from agent.local.interpreter.quantity import seconds

__all__ = ["state_question"]

_ASIDE = re.compile(
    r"\b(?:please\s+)?(?:don'?t|do not|dont)\s+(?:change|touch|edit|modify)"
    r"\s+(?:anything|it|a thing)"
    r"|\bno changes?\b|\bjust (?:asking|curious|checking)\b|\bquick (?:q|question)\b"
    r"|\bleave (?:it|everything) as (?:it is|is)\b|\bfor now\b"
    r"|(?:先)?(?:别|不要|唔好|唔使|不用|毋须|无需)(?:改|动|郁)(?:住)?(?:任何)?(?:东西|嘢|野)?"
    r"|(?:只是|纯粹)?(?:想)?问(?:一下|下|吓)|请问|随便问问",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"\b(?:what|what's|whats|which|when|where|how (?:much|long|loud|many|fast)"
    r"|(?:is|are|does|did|has) (?:it|there|the|this|my))\b"
    r"|什么|多少|几多|咩|哪|几秒|几长|多长|多久|多大|几大|几时|什么时候|边度|有没有|有冇|(?:^|[，,\s])有[^，,。]{0,12}吗(?=\s*[?？]?\s*$)",
    re.IGNORECASE,
)
_ABOUT = re.compile(
    r"\b(?:aspect|ratio|shape|frame|orientation|length|long|duration|seconds?|music|song|track|bgm"
    r"|volume|loud|camera|motion|zoom|pan|title|caption|text|video|clip)\b"
    r"|画幅|比例|横屏|竖屏|时长|长度|多长|多久|秒|音乐|歌|配乐|音量|声|运镜|镜头|标题|字幕|视频|片",
    re.IGNORECASE,
)
"""What the question is about: the draft (not credits, not the weather)."""
_INTERROGATIVE = re.compile(r"多少|几多|几秒|多长|多久|咩[啊呀呢]?$|[吗呢]$")
_CHANGE = re.compile(
    r"\b(?:make|change|changing|set|switch|turn|add|put|use|swap|replace|remove|trim|cut|shorten"
    r"|lengthen|extend|speed|slow|move|give|drop|raise|lower|increase|reduce|double|halve"
    r"|can|could|would|will|should|let'?s|please|about|if|instead|want|need|try|do|bring|back"
    r"|undo|redo|restore|go|keep|get|i)\b"
    r"|改|换|加|设|调|做|变|弄|整|删|去掉|缩|延|拉|剪|放|能不能|能否|可不可以|可以|帮|请|要|想"
    r"|不如|试|唔该|麻烦|好唔好|得唔得|点样|怎么|怎样|如何",
    re.IGNORECASE,
)


_ONLY_ASKING = re.compile(
    r"\b(?:just|only|merely)\s+(?:asking|curious|wondering|checking)\b|\bhypothetically\b"
    r"|\b(?:not|no)\s+(?:a\s+)?request\b|(?:只是|纯粹|随便)(?:想)?问问|好奇(?:问|而已)|问下而已"
    r"|问问而已|随口问",
    re.IGNORECASE,
)
"""The user says the question asks for nothing: "what if it was square? just asking"."""


def _asks_only(message: str) -> bool:
    folded = to_simplified(message).casefold()
    text = _ASIDE.sub(" ", folded)
    asked = "?" in text or "？" in text or bool(_INTERROGATIVE.search(text))
    about = bool(_ABOUT.search(text))
    if asked and _ONLY_ASKING.search(folded):
        return True  # "would it look better square? just curious": a wish is not an order
    return asked and about and bool(_ASKS.search(text)) and not _CHANGE.search(text)


def state_question(
    ctx: InterpretContext, language: Language, hant: bool, book: Phrasebook
) -> Plan | None:
    """A plan answering a question about the current draft from the draft itself, else None."""
    if not _asks_only(ctx.message):
        return None
    draft = ctx.draft if isinstance(ctx.draft, dict) else {}

    def say(key: str, **values: Any) -> str:
        return book.say(language, key, hant=hant, **values)

    video = segments(draft, VIDEO)
    if not video:
        return Plan((TextStep(say("state_no_video")),), language)
    music, titles = segments(draft, AUDIO), segments(draft, TEXT)
    first = music[0] if music else {}
    style = first.get("syn")
    name = book.style_name(style, language, hant=hant) if style in book.styles else first.get("n")
    answer = say(
        "state_answer",
        aspect=book.name(language, str(draft.get("m", {}).get("aspect", "16:9")), hant=hant),
        duration=seconds(total(draft)),
        motion=book.name(language, str(video[0].get("mo", {}).get("type", "none")), hant=hant),
        music=say("state_music", name=name, volume=first.get("v", 0))
        if music
        else say("state_no_music"),
        title=say("state_title", text=titles[0].get("n", "")) if titles else say("state_no_title"),
    )
    return Plan((TextStep(answer),), language)
