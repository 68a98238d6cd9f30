"""An export hung on our own work being finished (issue #10, round 32): "if you're done with the
captions, go ahead and export", "if the colour grade is finished, render it",
如果字幕弄好了就直接导出吧, 如果你搞掂咗啲字幕就出片啦.

The condition is one the system settles itself: the state says whether the work is finished,
and the export runs on its answer (`state`, then `export`), as "if you're done, export" already
does. Nothing is asked of the agent (no `sse` for the condition), and no export is added: only
a plan that already exports gains the check. The user's own work ("if I'm done"), someone
else's ("if the client is done reviewing") and a negated export are not this class.

Pure regexes over the prepared text (lower case, apostrophes dropped, Chinese as typed).
"""

from __future__ import annotations

import dataclasses
import re

from agent.router.route import Route

__all__ = ["finished_first"]

_DONE_IF = re.compile(
    r"\bif\s+(?:(?:you|u)(?:re|\s+are|ve|\s+have|r)?|(?:it|everything|(?:the|my|our)\s+"
    r"(?!client|boss|team|editor|manager)[a-z]+(?:\s+[a-z]+)?)\s+(?:is|are|s|has\s+been|have\s+been))"
    r"\s+(?:(?:all|already|completely|fully)\s+)?(?:done|finished|through|ready|complete)"
    r"(?:\s+(?:with|editing|adding|fixing|doing)\b[^,.;!?]{0,40}?"
    r"|\s+(?:the|my|our)\s+[^,.;!?]{1,40}?)?"
    r"\s*,?\s*(?:then\s+)?(?:(?:go\s+ahead\s+and|just|please|pls|feel\s+free\s+to|you\s+can)\s+)*"
    r"(?:export|render|download)\b"
    r"|(?:如果|要是|假如|若果|如果系|如果係)\s*(?:你|你哋|你们|你們)?\s*(?!我)"
    r"[\u4e00-\u9fffa-z ]{0,8}?(?:弄好|做好|搞好|整好|改好|加好|剪好|调好|調好|搞掂|搞定|完成"
    r"|做完|弄完|搞完|整完|改完|剪完|加完)(?:了|咗|晒)?(?:(?:啲|点|些|个|個|那些|嗰啲)[\u4e00-\u9fffa-z]{1,6}?)?"
    r"(?:的话|的話|嘅话|嘅話)?\s*[,，]?\s*"
    r"(?:就|便|那就|咁就)?\s*(?:直接|即刻|马上|馬上)?\s*(?:帮我|幫我)?\s*"
    r"(?:导出|導出|出片|渲染|汇出|匯出|输出|輸出)"
)
_NOT = re.compile(r"\b(?:dont|do\s+not|never|not\s+yet|wait)\b|不要|别|別|唔好|先不|先别|等")


def finished_first(routed: Route, said: str) -> Route:
    """The plan checking our work is finished before its export when the turn hangs the export
    on it; else the plan as it is."""
    if routed.actions not in (("export",), ("sse", "export")):
        return routed
    found = _DONE_IF.search(said)
    if found is None or _NOT.search(said):
        return routed
    return dataclasses.replace(routed, actions=("state", "export"))
