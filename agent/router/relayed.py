"""A command relayed now: "my boss said export it in 4K", "我老板刚说直接出片". Someone's
instruction passed on in their own imperative, with no time that puts it elsewhere, is the user's
request too: they report it so that it runs (issue #10, decided and documented here).

Not relayed, still a mention (`agent.router.mentions`): a report of what someone thinks of an
export ("my friend said exporting takes ages", "听说导出要很久"), a plan in a clause of its own
("my boss said last week that we'd export it in 4K eventually"), or an instruction placed in the
past or the future ("said yesterday to export it", "上次老板说导出"). The export runs only when the
imperative follows the speech verb directly and nothing but its object or an option follows it;
"told me to download it" is a task for the user, not passed on to us.

Pure regexes over the keyword stage's normalised clause (lower case, Simplified, apostrophes
dropped).
"""

from __future__ import annotations

import re

__all__ = ["relayed", "relayed_line"]

_SAID_EN = re.compile(r"\b(?:just\s+)?(?:said|says)\s+(?:to\s+)?(?:just\s+|go\s+ahead\s+and\s+)?$")
_SAID_ZH = re.compile(r"(?:说|讲|话)\s*(?:要|就|直接|赶紧|马上|快点?|可以)*\s*$")
# nothing after the export word but its object, a format or "now"
_PLAIN_AFTER = re.compile(
    r"^(?:\s*(?:it|this|that|the|video|vid|final|cut|file|in|as|at|to|now|asap|today|right|away"
    r"|please|pls|\w*\d\w*|hd|mp4|mov|vertical|出来|出|片|吧|啦|了|喇|嘞|给他|给她|给我|给客户|高清|就行|就好"
    r"|可以))*\W*$"
)
# a time that places the instruction elsewhere, or a plan rather than an order
_ELSEWHEN = re.compile(
    r"\b(?:last|yesterday|earlier|ago|before|eventually|someday|later|at\s+some\s+point|always"
    r"|usually|tomorrow|next)\b|上次|昨天|之前|以前|上周|上个|前几天|以后|之后|迟啲|晚点|明天"
)


def relayed(clause: str, before: str, after: str) -> bool:
    """Whether a reported export is a command passed on now (see the module docstring)."""
    said = _SAID_EN.search(before) or _SAID_ZH.search(before)
    return (
        said is not None and _PLAIN_AFTER.match(after) is not None and not _ELSEWHEN.search(clause)
    )


# round 24: the same order quoted after a speech verb and a colon ("My boss just said: 'export it
# now, we're out of time'", "Client says: please render the final with the updated end card",
# 老板刚说：直接出片): the user passes it on now, so its words are routed as the user's own. A bare
# label ("Client: make the logo bigger") or a plain past ("Client said: export the final cut
# now", a transcript) stays a report (`agent.router.reported`), and so does a speaker placed in
# another time ("my boss said last week: …").
_SPEAKER = (
    r"(?:(?:my|our|the)\s+)?(?:boss|client|customer|manager|editor|producer|director|agency"
    r"|coworker|co-worker|colleague|teammate|team|friend|mom|mum|dad|wife|husband|partner|he|she"
    r"|they)|[A-Z][a-z]{1,15}"
)
_RELAY_LINE = re.compile(
    rf"^\s*(?P<lead>(?i:{_SPEAKER})\s+(?i:(?:just|literally|also)\s+)?"
    r"(?i:says|is\s+saying|(?:just|literally)\s+(?:said|texted|messaged|told\s+me)))"
    r"\s*[:：]\s*(?P<said>\S[^\n]*)$"
    r"|^\s*(?P<lead_zh>(?:老板|老闆|客户|客戶|经理|經理|领导|領導|同事|甲方)(?:刚刚|刚才|刚|啱啱|頭先|头先)"
    r"(?:说|說|讲|講))\s*[:：]\s*(?P<said_zh>\S[^\n]*)$"
)
_QUOTES = "\"'“”‘’「」『』"
_QUOTE_MARK = re.compile(r"[\"“”‘’「」『』]|(?<![a-z])'|'(?![a-z])", re.IGNORECASE)


def relayed_line(text: str) -> str | None:
    """The order a one-line turn relays after a speech verb and a colon, unquoted, or None."""
    found = _RELAY_LINE.match(text)
    if found is None:
        return None
    lead = found["lead"] or found["lead_zh"]
    said = (found["said"] or found["said_zh"]).strip()
    if said[0] in _QUOTES and said[-1] in _QUOTES:
        said = said[1:-1].strip()  # the whole order quoted, nothing of the user's after it
    if _ELSEWHEN.search(lead.casefold()) or not said or _QUOTE_MARK.search(said):
        return None  # "Sarah said: "export it" lol": the user's own words around a quote
    if said.rstrip().endswith(("?", "？")):
        return None  # "Mei says: can you render it?": asked of the user, a report
    return said
