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

__all__ = ["relayed"]

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
