"""An export wish followed by a question asking the agent's opinion of the video: "I'm about to
export but does the font look right to you?", 我准备导出了，但你觉得这个配色行吗？,
我想匯出喇，不過你覺得段音樂啱唔啱？ (issue #10).

The question comes after the wish: the user has not settled the look yet, and an export now
would render what they are still asking about (credits spent on a version they may reject).
Nothing is exported; the agent answers the question (`sse`), and the user says "export" again.

The class boundary:

- After the export word, a clause (a new sentence, or one opened by "but", "though", 不过, 但,
  可是 …) that asks the agent's opinion ("do you think", "what do you think", "your take",
  你觉得, 你看, 你認為) or asks a judgement of the video or a part of it in question form
  ("does the font look right?", "is the intro too long?", "is the music ok?", 配色行吗,
  字幕是不是太小, 片头够不够吸引, 段音乐啱唔啱).
- Not this class: the verdict given before the export ("looks right, export it", 字体没问题，
  导出吧: no question), the question first and the export on its answer ("does the font look
  right? if so export": `agent.router.unsettled`), or an export word after the question
  (the user's last word is the export).

Pure regexes over the prepared text (lower case, apostrophes dropped, 唔 read as 不, traditional
characters kept).
"""

from __future__ import annotations

import re

__all__ = ["opinion_after_export"]

_EXPORT = re.compile(
    r"(?<![a-z])(?:re-?)?(?:export|render|download)[a-z]*|[导導][出]|[汇匯]出|渲染|出片|下[载載]"
    r"|(?<![a-z])(?:mp4|final\s+(?:file|cut|version))(?![a-z])"
)
# where a new clause starts: punctuation, or a contrast word
_BREAK = re.compile(
    r"[,.;:!?\n~]|\s[-—–]+\s|—"
    r"|(?<![a-z])(?:but|though|although|however|except|only\s+thing\s+is)(?![a-z])"
    r"|不过|不過|但是|但係|但系|但|可是|只是|不过呢|就是|不知道"
)
# the agent's opinion asked outright
_ASKER = re.compile(
    r"(?<![a-z])(?:(?:do|does|did|would)\s+(?:you|u|ya)\s+(?:think|reckon|feel|like|find|agree)"
    r"|what\s+(?:do|did|would)\s+(?:you|u|ya)\s+(?:think|reckon|say|make\s+of)"
    r"|how\s+do\s+(?:you|u)\s+(?:feel|find|like)|(?:your|any)\s+(?:opinion|thoughts?|take|view"
    r"|verdict|feedback)|thoughts\s+on|in\s+your\s+(?:opinion|view)|to\s+you|you\s+think)(?![a-z])"
    r"|你们?(?:觉得|覺得|认为|認為|看|睇|怎么看|點睇|点睇|话|話|说|說)|依你看|在你看来"
)
# a judgement of the video or a part of it, asked in question form
_JUDGED_EN = re.compile(
    r"^\W*(?:(?:so|and|ok|okay|also|honestly|um|uh|hmm|quick\s+q|btw|like|just)\s+)*"
    r"(?:does|do|did|is|are|isnt|arent|doesnt|would|will|wont|should|hows|how\s+(?:is|are|does|do))"
    r"\s+(?:[a-z0-9]+\s+){0,5}?(?:look|looks|looking|sound|sounds|feel|feels|seem|seems|read"
    r"|reads|work|works|fit|fits|match|matches|flow|flows|land|lands|too|enough|ok|okay|alright"
    r"|right|good|fine|clear|readable|legible|weird|off|better|worse|nice|balanced)(?![a-z])"
)
_JUDGED_ZH = re.compile(
    r"(?:是不是|会不会|會不會|系咪|係咪|是否|够不够|夠不夠|合不合适|合不合適|好不好看|好不好睇"
    r"|啱不啱|ok不ok|行不行|得不得|掂不掂|似不似|靓不靓|靚不靚|搭不搭|清不清楚|大不大|小不小"
    r"|长不长|長不長|有没有问题|有冇问题|有沒有問題|怎么样|怎麼樣|如何|点样|點樣|好唔好)"
    r"|(?:合适|合適|好看|好睇|可以|ok|行|自然|清楚|协调|協調|搭|啱|对|對|够|夠|顺|順|舒服)\s*"
    r"(?:吗|嗎|么|麼|未|没有|沒有|呀\?|\?)"
)
_IDLE = re.compile(r"这样|這樣|咁样|咁樣|就这样|现在|而家|宜家|可以|我|你|吧|啦|喇|了|的|呀|啊")
_SUBSTANCE = re.compile(r"[a-z]{2,}|[\u3400-\u9fff]")
# the question put indirectly, "?" or not ("just wondering if the transitions are too fast")
_INDIRECT = re.compile(
    r"(?<![a-z])(?:wondering|wonder|curious|not\s+sure|unsure|dunno|dont\s+know|idk)\s+"
    r"(?:if|whether|about)\s+(?:[a-z0-9]+\s+){0,5}?(?:look|looks|sound|sounds|feel|feels|seem"
    r"|seems|work|works|fit|fits|too|enough|ok|okay|right|good|fine|readable|legible)(?![a-z])"
    r"|(?:不知道|唔知|不知|想问下|想問下|问一下|問一下)[^,.;!?]{0,12}?(?:是不是|会不会|會不會|系咪|係咪"
    r"|够不够|夠不夠|合不合适|合不合適|好不好看|啱不啱|太)"
)
_QUESTION = re.compile(r"\?|[吗嗎么麼呢]\W*$|([\u4e00-\u9fff])不\1")


def _clauses(text: str) -> list[tuple[int, str]]:
    """The turn's clauses with where each starts."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _BREAK.finditer(text):
        if text[start : m.start()].strip():
            out.append((start, text[start : m.start()]))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out


def _opinion(clause: str, rest: str) -> bool:
    """A clause asks the agent's opinion of the video (`rest`: the clause and what follows it,
    for the question mark)."""
    if _INDIRECT.search(clause):
        return True
    question = _QUESTION.search(rest.split(".")[0]) is not None
    if not question:
        return False
    if _ASKER.search(clause) or _JUDGED_EN.match(clause):
        return True
    judged = _JUDGED_ZH.search(clause)
    # "导出吧，行吗？", "出片得唔得？": the export's own request form, no part judged
    named = clause[: judged.start()] + clause[judged.end() :] if judged else ""
    return judged is not None and len(_SUBSTANCE.findall(_IDLE.sub("", named))) >= 2


def opinion_after_export(text: str) -> bool:
    """Whether the prepared turn `text` asks the agent's opinion of the video after its last
    export word, in a clause of its own (module docstring)."""
    words = list(_EXPORT.finditer(text))
    if not words:
        return False
    last = words[-1]
    for start, clause in _clauses(text):
        if start < last.end():
            continue
        if _opinion(clause, text[start:]):
            return True
    return False
