"""Steps the reader misses because a number, a parenthesis or a clause of the agent's own work
stands beside them; read whole sentence by sentence, and only ADDED when nothing holds them.

- An export told to go ahead after the balance is said to cover it ("Your balance covers it
  (120 left, this costs 20), so go ahead and hit Render."): the system settles the condition.
- An export control placed by location after the user's own satisfaction ("Whenever you like
  how it looks, Download is at the top right."), and 没问题就可以导出了 after a look: the user's
  own judgement still instructs (the fixtures' labels say so).

Pure; the sentence as folded (Simplified, Cantonese read in Mandarin forms).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection

from agent.translate import gates
from agent.translate.lines import Unit
from agent.translate.menu import unasked
from agent.translate.reading import Reading

__all__ = ["missed", "settle"]

_NOT = re.compile(
    r"\b(?:not|no|never|don['’]t|didn['’]t|won['’]t|can['’]t|cannot|already|isn['’]t)\b"
    r"|不|没|沒|别|別|勿|唔|未|已经|已經|[?？]",
    re.IGNORECASE,
)
_EXPORT_CONTROL = r"(?:render|export|download)"
_COVERED = re.compile(
    r"\b(?:balance|credits?|wallet|plan)\s+(?:easily\s+|fully\s+)?(?:covers?|is\s+enough|are\s+enough)"
    r"|\byou\s+have\s+(?:more\s+than\s+)?enough\b"
    r"|(?:余额|餘額|积分|積分|点数|點數)[^，。！？]{0,6}?(?:够|夠|足够|足夠|充足)",
    re.IGNORECASE,
)
_GO_AHEAD = re.compile(
    r"\b(?:so\s+)?(?:go\s+ahead\s+and|feel\s+free\s+to\s+go\s+ahead\s+and)\s+(?:hit|click|press|tap)"
    r"\s+(?:the\s+)?\*{0,2}" + _EXPORT_CONTROL + r"\b"
    r"|(?:放心|直接)(?:点|點|按|撳|㩒)(?:「|“)?(?:导出|導出|汇出|匯出|渲染|下载|下載)",
    re.IGNORECASE,
)
_SATISFIED = re.compile(
    r"^\W*(?:whenever|when|once|if)\s+(?:you(?:['’]re|\s+are)?\s+(?:like|love|happy\s+with"
    r"|satisfied\s+with|good\s+with|ok(?:ay)?\s+with)\b[^.!?]{0,40}?"
    r"|(?:it|everything|the\s+[\w-]+)\s+(?:looks?|sounds?|seems?)"
    r"\s+(?:right|good|fine|great|ok(?:ay)?)\b[^.!?,]{0,20}?),\s*"
    r"(?:the\s+)?\*{0,2}" + _EXPORT_CONTROL + r"\*{0,2}(?:\s+button)?\s+is\s+(?:at|in|on|up)\b",
    re.IGNORECASE,
)
# after a look, the export on the user's all-clear (到时间线里看一眼，没问题就可以导出了)
_LOOK_THEN = re.compile(
    r"(?:看一眼|看一下|看下|看吓|看看|检查一下|檢查一下|睇下|睇吓|确认一下|確認一下)[^。！？]{0,6}?[，,]\s*"
    r"(?P<ok>没问题|沒問題|冇问题|冇問題|没有问题|沒有問題|OK|ok|满意|滿意)(?:的话|的話)?(?:就|便)?(?:可以)?"
    r"(?:直接)?(?:导出|導出|汇出|匯出|下载|下載)",
)
# a place where progress or a result shows, followed or opened to check
_VIEW = re.compile(
    r"\b(?:follow|track|watch|monitor|keep\s+an\s+eye\s+on|check\s+on)\s+(?:it|its\s+progress"
    r"|the\s+progress)\s+(?:on|in|from)"
    r"\s+(?:the|your)\s+(?:\w+\s+){0,2}?(?:page|list|panel|tab|dashboard|queue)\b"
    r"|^\W*(?:open|go\s+to|switch\s+to|head\s+to)\s+the\s+(?:\w+\s+){1,2}?(?:track|lane)"
    r"\s+to\s+(?:check|see|review|look\s+at|confirm)\b"
    r"|[」”』](?:里|中|内|裡|內|度)?\s*(?:查看|看|睇|跟进|跟進)(?:一下|下)?(?:即时|即時|实时|實時)?"
    r"(?:状态|狀態|进度|進度)",
    re.IGNORECASE,
)
_NEG_ZH = re.compile(r"不|没有|別|别|勿|唔好|[?？]")


def missed(sentence: str) -> tuple[str, ...]:
    """The actions `sentence` gives that the reader may miss (see the module doc), in order."""
    go = _GO_AHEAD.search(sentence)
    if go and _COVERED.search(sentence) and not _NOT.search(sentence, go.start()):
        return ("export",)
    if _SATISFIED.search(sentence) and not _NOT.search(sentence):
        return ("export",)
    if _VIEW.search(sentence) and not _NOT.search(sentence):
        return ("state",)
    look = _LOOK_THEN.search(sentence)
    if look and not _NEG_ZH.search(sentence[: look.start("ok")] + sentence[look.end("ok") :]):
        return ("state", "export")
    return ()


def settle(unit: Unit, sentence: str, after: str, kept: Collection[str]) -> Reading:
    """`unit`'s reading with the steps the reader missed (see `missed`) unless `kept` holds them,
    then without those nobody asked for (`agent.translate.menu.unasked`); `after` the next
    sentence."""
    reading = unit.reading
    if more := [a for a in missed(sentence) if a not in reading.actions and a not in kept]:
        acts = (*reading.actions, *more)
        reading = dataclasses.replace(reading, actions=acts, steps_only=False, line="")
    if gone := unasked(sentence, after).intersection(reading.actions):
        reading = gates.without(reading, gone, unit.lang)
    return reading
