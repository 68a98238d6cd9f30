"""What the keyword stage reads in one clause: keyword matches and the clause's reading.

Pure data and two small rules over them (a status question about credits, and two commands
colliding in one clause); `agent.router.keyword` builds them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from agent.router.clauses import Segment
from agent.router.mentions import asked_about, supposes
from agent.router.route import Action, Route
from agent.router.rules import Intent

__all__ = [
    "Clause",
    "Decision",
    "Match",
    "content_of",
    "implies_edit",
    "later",
    "put_off",
    "reread",
    "resolve_collision",
    "subject",
    "with_check",
    "works_first",
]


@dataclass(frozen=True, slots=True)
class Match:
    """One keyword found in a clause: where, which intent, and of which kind."""

    start: int
    end: int
    intent: Intent
    noun: bool = False
    asked: bool = False
    """A question-only word ("afford", "剪到哪"): never the object of an edit."""


@dataclass(slots=True)
class Clause:
    """The keyword stage's reading of one clause: what it asks for, declines or names."""

    actions: list[Action] = field(default_factory=list)
    strong: bool = False
    ambiguous: bool = False
    soft: bool = False
    """Only topic nouns ("the video"): content when alone, noise beside a command."""
    sequenced: bool = False
    """A sequence word stands between two commands ("先查积分再导出"): both run, in order."""
    declined: list[Action] = field(default_factory=list)
    """Commands named under a negation or deferral ("先不要导出", "export later")."""
    firm: bool = False
    """An edit verb asks for something ("make it warmer"): the clause is a real request."""
    retracts: bool = False
    """The clause takes back what came before ("actually no", "scratch that", "不对")."""
    handed: Literal["", "failed", "delegates"] = ""
    """The clause reports an export failing for the user, or hands the command to us."""
    now: bool = False
    """The clause says its command runs now whatever else waits ("but for now export")."""
    ordered: bool = False
    """A sequence word orders the clause before the next ("X, then export"): its edit is never
    dropped beside a command that follows."""
    amends: bool = False
    """Only a change ("this time with captions"): the export before it carries it, after it."""
    queried: bool = False
    """A question names an export ("did the render finish?"): a state question unless it also
    asks for an edit."""
    named: list[Action] = field(default_factory=list)
    """Commands the clause only names: an earlier export, a question about one, a capability."""
    unread: bool = False
    """Most of the clause's words are in a language the tables do not read ("bhai thoda fast kar
    do video"): before an export it keeps its edit for the video agent (an extra `sse` costs
    nothing; an edit dropped before an export is harmful)."""
    named_only: bool = False
    """The clause only names an export or upload ("I'll tell you whether to export"): nothing
    beside a command when the turn puts its export off."""


@dataclass(frozen=True, slots=True)
class Decision:
    """The keyword stage's view of a turn (see `KeywordRouter.analyse`)."""

    route: Route | None
    declined: tuple[Action, ...]
    firm: bool
    """Some clause asks for an edit or names quoted content: a later stage must not overrule
    its `sse` with a read-only answer."""
    waits: bool = False
    """The turn puts an export off until the user or someone else acts (`deferred`)."""
    named: tuple[Action, ...] = ()
    """Commands the turn only names, asked for in no clause: an earlier export, a question
    about one, someone's words in quotes. A later stage (the intent model, the LLM) never runs
    them, as it never runs what is declined or put off."""


# Within one clause a cost or status question names other commands only as its subject:
# "do I have enough credits to export?" is a credits question.
_DOMINANCE: tuple[Intent, ...] = ("credits", "state", "upload", "export")


# "could you send me the finished mp4 file now?": a state word between a determiner and the
# thing it describes is an adjective, not a status question
_DETERMINER = re.compile(r"\b(?:the|my|our|your|this|that|a)\s+$")
_DESCRIBED_THING = re.compile(
    r"^\s+(?:(?:mp4|mov|hd|4k|1080p|final|full)\s+)?(?:mp4|mov|file|files|video|vid|clip"
    r"|version|cut|product|edit|render|export|project)\b"
)


def attributive(clause: str, start: int, end: int) -> bool:
    """The word at `start:end` describes a thing after a determiner ("the finished mp4")."""
    return bool(_DETERMINER.search(clause[:start]) and _DESCRIBED_THING.match(clause[end:]))


def subject(match: Match, found: Sequence[Match]) -> Match:
    """A status question about credits asks for credits ("积分用完了吗", "show credit summary")."""
    if match.intent == "state" and any(
        f.intent == "credits" and match.start <= f.start and f.end <= match.end for f in found
    ):
        return Match(match.start, match.end, "credits", match.noun, match.asked)
    return match


def resolve_collision(result: Clause, commands: Sequence[Action]) -> None:
    """Two commands in one clause. A credits or state question names export/upload only as its
    subject ("导出要多少积分", "export status"); state before credits is ambiguous."""
    winner = next(i for i in _DOMINANCE if i in commands)
    result.actions = [winner]
    result.ambiguous = {"credits", "state"} <= set(commands) and commands[0] != winner


_CHECKS = frozenset({"credits", "state"})


def reread(segments: Sequence[Segment], clauses: list[Clause]) -> None:
    """Clauses read beside their neighbours: a supposition followed by a question is only
    asked about ("假如现在导出，音乐会在里面吗"), and what follows a change of mind corrects an
    edit ("标题用红色，不对，用白色，然后导出")."""
    for index, segment in enumerate(segments[:-1]):
        if supposes(segment.text, question_follows=segments[index + 1].question):
            # "要是超过20积分就先别导出了，告诉我要多少": the check in it is still asked for
            checks = [a for a in clauses[index].actions if a in _CHECKS]
            declined = clauses[index].declined
            clauses[index] = Clause(
                checks or ["sse"], soft=not checks, strong=True, declined=declined
            )
        if (
            clauses[index].retracts
            and not set(clauses[index + 1].actions) - {"sse"}
            and not _AS_IS.match(segments[index + 1].text)
        ):
            clauses[index + 1] = Clause(["sse"], firm=True, ordered=segments[index + 1].then)
        if clauses[index + 1].amends and "export" in clauses[index].actions:
            clauses[index], clauses[index + 1] = clauses[index + 1], clauses[index]
        # "my coworker asked if we already exported this one, did we?": the tag asks about it
        following = segments[index + 1]
        if following.question and _TAG.match(following.text) and "export" in clauses[index].named:
            clauses[index] = Clause(["state"], strong=True)


# After a change of mind, the thing left as it is or a change not wanted ("never mind the zoom,
# leave it", "算了，不加滤镜了"): no correction follows, nothing to edit
_AS_IS = re.compile(
    r"^\W*(?:(?:just|ok|okay|no|nah)\W+)*(?:(?:leave|keep)\s+(?:it|that|this|them)\b"
    r"|(?:its|it\s+is|thats|that\s+is)\s+(?:fine|ok|okay|good)\b|as\s+is\b"
    r"|(?:dont|do\s+not|no\s+need\s+to)\s"
    r"|(?:就)?(?:这样|这样吧|保持原样|不用改|不改了|照旧)|(?:不[用要]?|别|唔使|唔好)[加改换剪调放配])"
)
_TAG = re.compile(
    r"^\W*(?:(?:so|and|but|well)\s+)?(?:did|have|has|had|was|were|is|are|do|does)\s+(?:we|you|u"
    r"|i|it|they|he|she)(?:\s+(?:already|yet|or\s+not|though))?\W*$"
)


# After an export word, a change named ("render it once more with the new song", "export it
# with the bigger logo"): the edit comes first. Output options ("in 4k", "with a transparent
# background") are not changes.
_CHANGED = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:with|using|including)\s+(?:the\s+|my\s+|a\s+|an\s+)?(?:new|updated"
    r"|changed|fixed|bigger|smaller|louder|different|other|corrected|revised)\b"
    # round 13: the thing, then its change ("export it with the typo fixed")
    r"|^\s*(?:\w+\s+){0,3}?(?:with|without)\s+(?:the\s+|my\s+|that\s+|this\s+)?(?:\w+\s+){1,2}?"
    r"(?:fixed|corrected|removed|gone|changed|swapped|replaced|updated|trimmed|deleted|taken\s+out"
    r"|sorted|cleaned\s+up)\b"
)


# After an export word, a new version in another shape or length ("export a vertical version",
# "帮我 export 一个 vertical version", "render me a 15 sec cut", "出一个竖屏版本"): the video
# agent makes it first. A definite one ("download the vertical version") is one that exists, and
# a resolution or a container ("a 4k version", "an mp4 copy") is an export option, no edit.
_RESHAPED = (
    r"(?:vertical|square|portrait|horizontal|landscape|widescreen|\d+\s*x\s*\d+|\d+\s*(?:s|sec"
    r"|secs|second|seconds)|shorter|longer|short|cut\s*down|black\s+and\s+white|silent|mute"
    r"|竖屏|横屏|方形|竖版|横版|短|\d+\s*秒)"
)
_NEW_VERSION = re.compile(
    r"^\s*(?:(?:me|us)\s+)?(?:a|an|another|one\s+more|(?:一|再一)?(?:个|版|条))\s*(?:new\s+)?"
    rf"(?:\w+\s+)?{_RESHAPED}\s*(?:\w+\s+)?(?:version|cut|copy|edit|one|versions|版本|版|的版本)"
)


def implies_edit(after: str) -> bool:
    """The words after an export word name a change to make first ("…with the new song", "a
    vertical version")."""
    return _CHANGED.match(after) is not None or _NEW_VERSION.match(after) is not None


# Before a Chinese export word in the same clause, work named then a sequence word ("整个滤镜再
# 出片", "上个复古滤镜 完了导出"): four or more characters of it, not an approval ("好的再导出").
_WORK_FIRST = re.compile(r"(?P<work>[^,.!?]*?)\s*(?:再|然后|完了?|之后|以后)\s*$")
_APPROVAL = re.compile(
    r"好的|可以|没问题|不错|满意|ok|行|我再|你再|看看|等等|稍后|一下|一样|照旧"
    # the thing sent again, not work to do ("上次导出的那个版本再发我一次")
    r"|上次|之前|刚才|以前|导出|下载|版本|那个|那条"
)
_HAN = re.compile(r"[\u3400-\u9fff]")


def works_first(before: str) -> bool:
    """The words before an export word in its clause name work to do first ("整个滤镜再出片")."""
    found = _WORK_FIRST.search(before)
    if found is None:
        return False
    work = found["work"]
    return len(_HAN.findall(work)) >= 4 and _APPROVAL.search(work) is None


def later(flags: Sequence[bool]) -> list[bool]:
    """For each position, whether any flag after it is set (one pass, not one per position)."""
    out, seen = [False] * len(flags), False
    for index in range(len(flags) - 1, -1, -1):
        out[index], seen = seen, seen or flags[index]
    return out


def with_check(
    plan: tuple[Action, ...], check: Action | None, clauses: Sequence[Clause]
) -> tuple[Action, ...]:
    """The plan of a turn whose export hangs on `check` ("if I have enough points, export"):
    the check first, in place of the put-off export's bare `sse` (an edit asked for stays).
    A verdict asked (`check` is `sse`) is the agent's look in place of a state read."""
    put_off = any("export" in c.declined for c in clauses)
    if check == "sse" and put_off:  # a verdict asked ("咁樣得未？得就出片"): a look, no state read
        return tuple(dict.fromkeys("sse" if a == "state" else a for a in plan))
    if check is None or not put_off or _CHECKS & set(plan):
        return plan
    edits = any(c.firm for c in clauses)
    return (check, *(a for a in plan if a != "sse" or edits))


def put_off(clauses: Sequence[Clause], commands: set[Action]) -> None:
    """Decline `commands` in every clause that does not run now ("we'll export after the client
    approves"), and the export before a clause taking it back ("export it. actually no, wait")."""
    retracted = later([c.retracts for c in clauses])  # one pass: many clauses stay linear
    for index, clause in enumerate(clauses):
        off = set() if clause.now else set(commands)
        # "…, I'll let you know whether to export": the export put off, only named
        clause.soft |= bool(off and clause.named_only)
        off |= {"export"} if retracted[index] else set()
        if off & set(clause.actions):
            clause.declined.extend(a for a in clause.actions if a in off)
            left = [a for a in clause.actions if a not in off]
            # a command put off and nothing else: noise beside another command
            clause.soft |= not left and not (clause.strong or clause.firm)
            clause.actions = left or ["sse"]


def content_of(result: Clause, match: Match, edited: bool, text: str) -> Action:
    """A match that is content, or the object of an edit ("make the credits big"): the clause
    is firm, an edit on a named thing is asked ("加埋片尾字幕就export啦"), and where the exported
    video went asks for state ("我上次下载的视频在哪")."""
    result.strong = True
    if match.intent == "sse" and edited:
        result.actions.append("sse")
    result.queried |= match.intent == "export" and asked_about(text, match.start)
    return match.intent
