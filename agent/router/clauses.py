"""Clause segmentation for the keyword stage: connectors, order markers and questions.

A turn splits at punctuation, connectors ("then", "然后") and sequence words ("导出之后…");
a subordinate clause ("…once I upload it", "…after you trim it") runs before its main clause,
and "first" moves its clause ahead. Each clause remembers whether it asks a question.
Pure: compiled from the router tables' grammar once per `KeywordRouter`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from agent.router.replies import retraction_spans, retracts
from agent.router.rules import alternation

__all__ = ["Segment", "Segmenter", "ours_first"]

_CJK = re.compile(r"[\u3400-\u9fff]")
# A clause that asks rather than tells: a question word first, or a Chinese question form.
_ASKS = re.compile(
    r"^(?:(?:so|and|but|ok|okay|hey|um|uh|yo|also)\s+)*(?:what|whats|how|hows|why|which|where"
    r"|wheres|who|whos|did|does|do|is|are|am|was|has|have|will|would|should|any"
    r"|(?:can|could)\s+(?:i|we)\s+(?:\w+\s+)?afford)\b"
    r"|[吗嗎么麼呢没未]\s*$|几|多少|什么|哪|怎么|如何|咋|啥|咩|乜|未呀|了没|好不好|够不够|有没有"
    r"|是不是|是否|([\u4e00-\u9fff])[不没]\1|(?:成|得)点\s*$|\bor\s+(?:not|no)\b(?:\s+\w+)?\s*$|\banot\b"
    # Hinglish question words ("timeline mein abhi kya kya hai", "kitne credits bache")
    r"|\b(?:kitn[aei]|kaise|kaisa|kahan|kaun|kyun|kyon)\b|^\s*kya\b|\bkya(?:\s+kya)?\s+hai\b|\bkya\s*$"
)
# Asking for information without a question form: "please advise on…", "let me know how…".
_INQUIRY = re.compile(
    r"\b(?:advise\s+(?:on|me|us)|let\s+me\s+know|wondering|i\s+wonder|curious|any\s+idea"
    r"|requesting\s+an?\s+update|an\s+update\s+on|(?:im|i\s+am|i\s+was|just)\s+asking|tell\s+me\s+(?:how|what|when|where|if|whether))\b|请问|想问|问一下"
)
# "can you…", "could you…": a request in question form, not a question.
_REQUEST = re.compile(
    r"^(?:(?:so|and|but|ok|okay|hey|yo|also)\s+)*(?:can|could|would|will)\s+(?:you|u)\b"
    r"|^(?:please|pls|kindly)\b|能不能|可不可以|可以帮|帮我|麻烦"
)

# "X, then export", "X 然后导出", "配返首歌先": the clause is explicitly ordered before the next.
_THEN = re.compile(
    r"^\s*(?:then|and\s+then|after\s+that|afterwards|next|然后|接着"
    # round 6: "slap some lofi on it and render": words joined to the next by "and" come first
    r"|and|&|\+)\s*$"
)
# "字大啲，搞掂就出片", "开头短点，弄好就导出": the work named before is done, then the command
_DONE_THEN = re.compile(
    r"^\s*(?:(?:做|弄|搞|改|剪|加|换|整|调)(?:好|完|定)了?|好了)(?:之后|以后|后)?[就再]"
)


# After a subordinate clause, a main clause that asks ("if I render now will it use up my
# credits?"): where the condition ends.
_MAIN_QUESTION = re.compile(
    r"\s(?:(?:will|would|is|are|can|could|should|must)\s+(?:it|that|this|there|i|we|the|my)"
    r"|(?:do|does)\s+(?:it|that|this)|how\s+(?:many|much|long)|what\s+(?:would|will|does))\b"
)


# "I'd then like the mp4": "then" between the subject and its verb orders the whole clause
_SUBJECT_THEN = re.compile(r"\b(i|id|ill|we|wed|well|i\s+would|we\s+would)\s+then\s+(?=[a-z])")
_DISMISSES = re.compile(r"never\s*mind")
# "she wants to know if we could export": an embedded question, not a condition
_EMBEDS = re.compile(
    r"\b(?:know|ask|asked|asking|asks|wonder|wondering|wondered|check|see|tell\s+me|let\s+me\s+know"
    r"|notify\s+me|ping\s+me|ask\s+me|text\s+me|tell\s+(?:you|u)|let\s+(?:you|u)\s+know)\s*$"
)
# "render it, I mean after you fix the colours": the subordinate clause belongs to the one before
# "after you make the export": a light verb naming the export, no edit of ours
_NAMES_EXPORT = re.compile(
    r"^\s*(?:you|u)\s+(?:(?:can|could|will|should|then|just|please)\s+)*(?:make|do|start|run"
    r"|create|get)\s+(?:the|an?|your|my)\s+(?:final\s+)?(?:export|render|download)"
)
_HOW_LONG = re.compile(r"\bhow\s+(?:long|much\s+longer|many\s+\w+|soon)\s*$")
_AFTERTHOUGHT = re.compile(r"^\s*(?:i\s+mean|but|only|just|but\s+only|well|as\s+in|that\s+is)?\s*$")


# A list set off by dashes or brackets ("an overview of my project — clips, music, text — so I
# can plan"): it only names the things of the words before it, a clause of none
_ASIDE = re.compile(
    r"\s(?:[—–]|--?)\s(?:[a-z]+(?:\s[a-z]+)?(?:,\s|\s(?:and|or)\s))+[a-z]+(?:\s[a-z]+)?\s(?:[—–]|--?)\s"
    r"|\s\((?:[a-z]+(?:\s[a-z]+)?(?:,\s|\s(?:and|or)\s))+[a-z]+(?:\s[a-z]+)?\)"
)


def _break_at_retractions(text: str) -> str:
    """A change of mind is a clause of its own ("export it — wait no, …"): commas around it."""
    for start, end in reversed(retraction_spans(text)):
        head, tail = text[:start].rstrip(" -—–~."), text[end:].lstrip(" -—–~")
        head = f"{head}, " if head else ""
        # "never mind the download" dismisses its object: no break after it
        taking = _DISMISSES.match(text, start)
        joint = " " if taking else ", " if tail and tail[0] not in ",.;!?" else ""
        text = f"{head}{text[start:end]}{joint}{tail}"
    return text


@dataclass(frozen=True, slots=True)
class Segment:
    """One clause of a turn and whether it asks a question (not a request in question form)."""

    text: str
    question: bool = False
    lead: str = ""
    """The subordinator split off the front ("once", "if"): the clause runs first."""
    then: bool = False
    """A sequence word ("then", "然后", a closing "先") orders the clause before the next."""


# A subordinate clause whose doer is us: a gerund, typos and "makin the" too, or "you" ("export
# after chnaging the fnt to bold", "render once u tweek the colurs"): work ordered before its
# main clause, even in words no table reads; "after the client signs off" and "once I'm back"
# are waits, read elsewhere
_WORK_LEADS = frozenset({"after", "once", "as soon as"})
_OUR_WORK = re.compile(
    r"^\s*(?:(?:you|u|ya)(?:ve|\s+have)?\s+(?:(?:just|already|finish|finished|done)\s+)?[a-z]{2,}"
    r"|(?!(?:thing|something|nothing|anything|everything|evening|morning|spring|during)\b)"
    r"[a-z]{2,}(?:ing|i[a-z]ng|nig|ign|in(?=\s+(?:the|a|an|my|it|this|that|some|up|out)\b)))\b"
)


def ours_first(segment: Segment) -> bool:
    """The segment is work of ours put before its main clause ("after changing the font")."""
    return segment.lead in _WORK_LEADS and _OUR_WORK.match(segment.text) is not None


_OPENS_ASKING = re.compile(r"^(?:can|could)\s+(?:i|we)\s+\w+")


def _ends_asking(pieces: Sequence[str], index: int) -> bool:
    """The sentence of the piece at `index` ends in a question mark (past connector words)."""
    for mark in pieces[index + 1 :: 2]:
        if "?" in mark:
            return True
        if re.search(r"[.!;]", mark):
            return False
    return False


class Segmenter:
    """Splits a normalised turn into clauses in the order they should run."""

    def __init__(self, g: Mapping[str, Sequence[str]]) -> None:
        """Compile connectors, sequence, after and first markers from the tables' grammar."""
        late_cjk = [w for w in g["deferrals"] if _CJK.search(w)]
        # "导出之后告诉我积分" runs in order; "导出以后再说" and "以后再导出" defer instead.
        sequence = rf"(?<=\w)(?:{alternation(g['sequence_markers'])})(?!{alternation(late_cjk)})"
        # "导出后告诉我余额": after a two-character command, 后 orders the clauses too
        # ("下载后会不会变模糊" asks what the download will be: one clause)
        sequence += (
            r"|(?<=导出|下载|渲染|出片|输出|保存|上传)后"
            rf"(?![面台来]|会|能|是不是|有没有|{alternation(late_cjk)})"
        )
        self._connector = re.compile(
            rf"(\s*(?:[,;!?]|\.(?!\d)|(?!还有(?:没|多少|几|剩))(?:{alternation(g['connectors'])})"
            rf"|{sequence})\s*)"
        )
        self._after = re.compile(alternation(g["after_markers"]))
        verbs = alternation([*g["edit_verbs"], "finish", "complete"], verb=True)
        self._your_edit = re.compile(rf"^\s*(?:you|u)\s+(?:\w+\s+)?(?:{verbs})")
        first = alternation(g["first_markers"])
        # "先别导" is "not for now", not "first": a negation after it keeps the clause in place
        self._first = re.compile(rf"^(?:{first})(?!别|不|等|缓)|(?:{first})$")

    def split(self, text: str) -> list[Segment]:
        """The clauses of `text`, a subordinate one before its main clause."""
        text = _SUBJECT_THEN.sub(r"then \1 ", text)  # "id then like the mp4": one clause
        text = _ASIDE.sub(" ", text)
        pieces = self._connector.split(_break_at_retractions(text))
        ordered: list[Segment] = []
        for index in range(0, len(pieces), 2):
            part = pieces[index].strip()
            if not part:
                continue
            mark = pieces[index + 1] if index + 1 < len(pieces) else ""
            asks = "?" in mark or (bool(_ASKS.search(part)) and not _REQUEST.search(part))
            # "can I export vertical and horizontal both?": the question word opens the sentence
            asks = asks or bool(_OPENS_ASKING.match(part) and _ends_asking(pieces, index))
            asks = asks or bool(_INQUIRY.search(part))
            after = self._subordinator(part)
            if after and ordered and self._afterthought(part, after):
                rest = part[after.end() :].strip()
                ordered.insert(len(ordered) - 1, Segment(rest, asks, after.group(0)))
            elif after and after.start() > 0:
                lead = after.group(0)
                ordered.extend(
                    [Segment(part[after.end() :], asks, lead), Segment(part[: after.start()], asks)]
                )
            elif after:  # "…and after send me": the subordinator leads its own clause
                rest = part[after.end() :].strip()
                main = _MAIN_QUESTION.search(rest)
                if main:  # "if I render now | will it use up my credits?"
                    ordered.append(Segment(rest[: main.start()], asks, after.group(0)))
                    ordered.append(Segment(rest[main.start() :].strip(), question=True))
                else:
                    ordered.append(Segment(rest, asks, after.group(0)))
            elif ordered and self._first.search(part) and not retracts(part):
                ordered.insert(0, Segment(part, asks))  # "导出吧，哦对了，先把logo放大"
            else:
                ordered.append(Segment(part, asks, then=self._then(pieces, index)))
        return ordered

    def _subordinator(self, part: str) -> re.Match[str] | None:
        """The subordinator of a clause, unless it opens an embedded question ("she wants to
        know if we could export", "tell me when I can download it")."""
        after = self._after.search(part)
        if after and after.group(0) in ("if", "when", "once"):
            return None if _EMBEDS.search(part[: after.start()]) else after
        if after and _HOW_LONG.search(part[: after.start()]):  # "how long until it's done"
            return None
        return after

    def _afterthought(self, part: str, after: re.Match[str]) -> bool:
        """A subordinate clause that belongs to the clause before: "render it, I mean after you
        fix the colours", "send it, but only after you add the logo"."""
        if after.start() > 0:
            return _AFTERTHOUGHT.match(part[: after.start()]) is not None
        rest = part[after.end() :]
        if _NAMES_EXPORT.match(rest):  # "…, and after you make the export": the next step
            return False
        return after.group(0) in ("after", "once") and self._your_edit.match(rest) is not None

    @staticmethod
    def _then(pieces: Sequence[str], index: int) -> bool:
        """The piece at `index` ends in "先" or is followed (past empty pieces) by "then"."""
        if pieces[index].strip().endswith("先"):
            return True
        for at in range(index + 1, len(pieces), 2):
            following = pieces[at + 1] if at + 1 < len(pieces) else ""
            if _THEN.match(pieces[at]) or _DONE_THEN.match(following):
                return True
            if at + 1 < len(pieces) and pieces[at + 1].strip():
                return False
        return False
