"""The pure keyword stage of the router: clauses, keyword matches, negation, content and order.

No network and no files: a `KeywordRouter` is built from validated `RouterTables` and compiles
its regexes once. It returns a `Route`, or None to abstain when a turn carries no usable signal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Literal

from agent.router.abroad import read_abroad
from agent.router.attached import undescribed
from agent.router.clauses import Segment, Segmenter, ours_first
from agent.router.deferral import (
    checks_first,
    condition,
    deferred,
    runs_now,
    without_later_word,
)
from agent.router.garbled import GarbledEdit
from agent.router.mentions import asked_about, capability, how_to, mentioned, offered
from agent.router.negation import DEFERRABLE, Negation
from agent.router.planning import plan_clauses
from agent.router.reading import (
    Clause,
    Decision,
    Match,
    attributive,
    content_of,
    implies_edit,
    reread,
    resolve_collision,
    subject,
    with_check,
    works_first,
)
from agent.router.replies import (
    accepted_offer,
    advice,
    refuses,
    retracts,
    told,
    without_earlier_settings,
)
from agent.router.request import Spot, screen, unsure, work_first
from agent.router.romance import read_romance
from agent.router.route import Action, Route, Source
from agent.router.rules import INTENTS, RouterTables, alternation
from agent.router.shown import ContentMarkers, set_apart
from agent.router.text import MASK, Prepared, marked, normalize, prepare
from agent.router.unread import UnreadWords

__all__ = ["Action", "Decision", "KeywordRouter", "Route", "Source"]


_CJK = re.compile(r"[\u3400-\u9fff]")
_MEANINGFUL = re.compile(r"[a-z0-9\u3400-\u9fff]")
_CJK_SEQUENCE = re.compile(r"然后|之后|以后|后|再|并|就|完")
_FOLLOWS = re.compile(rf"{_CJK_SEQUENCE.pattern}|[—–]|\s-\s")  # "here's a pic — animate it"
_NOUNS = frozenset({"credits", "state"})  # after an edit verb these are content, not commands
# "no music", "without the intro", "不要字幕": a clause that takes a topic out asks for an edit.
_REMOVAL = r"^\s*(?:(?:and|but|also|so|plus)\s+)*(?:no|without|no\s+more|不要|不需要|别要|去掉)\s*"
_SAID = re.compile(r"[a-z]{3,}")
# "I want the video to end on the sunset photo": what it should do, not a delivery ("… to download")
_TO_DO = re.compile(
    r"\s*to\s+(?!(?:download|export|render|save|send|share|have|keep|be)\b)[a-z]{2,}"
)
# "export it again but this time with captions": a change for the export before
_AMENDS = re.compile(r"^\s*(?:this\s+time\s+|now\s+)?(?:with|without|minus)\s+\w")
_SPEC = re.compile(r"^\s*[a-z\u3400-\u9fff][a-z0-9\s\u3400-\u9fff]{0,20}?\s*:\s*\S")  # "length: 8s"


class KeywordRouter:
    """Table-driven keyword stage; `route(text, attachments)` is pure and sub-millisecond."""

    def __init__(self, tables: RouterTables) -> None:
        """Compile the tables' keywords and grammar lists into regexes (once per instance)."""
        g = tables.grammar
        self._intents = [
            (
                intent,
                kind == "noun",
                re.compile(alternation(tables.words(intent, kind), suffix=True)),
            )
            for intent in INTENTS
            for kind in ("keyword", "noun")
        ]
        self._asked = [
            (intent, re.compile(alternation(words, suffix=True)))
            for intent in INTENTS
            if (words := tables.words(intent, "asked"))
        ]
        polite = rf"(?:\s*(?:{alternation(g['politeness'])}))*\s*"
        self._alone = [
            (intent, re.compile(rf"{polite}(?:{alternation(words, suffix=True)}){polite}"))
            for intent in INTENTS
            if (words := tables.words(intent, "alone"))
        ]
        self._typos = tables.typos
        self._respell = tables.respell
        self._fold = tables.fold
        self._words = re.compile(r"[a-z]{4,}")
        handing = [*tables.words("upload", "keyword"), *g["presentations"], *g["politeness"]]
        self._handing = re.compile(alternation(handing, suffix=True))
        self._compile_clauses(g)
        self._negation = Negation(g)
        self._compile_content(g)
        english = (ws for name, ws in g.items() if not name.startswith("foreign_"))
        phrases = [*(k.text for k in tables.keywords), *(w for ws in english for w in ws)]
        self._unread = UnreadWords.from_phrases(phrases, self._typos, self._noun)
        edit_words = [*g["edit_verbs"], *g["topic_nouns"]]
        self._garbled = GarbledEdit.from_words(edit_words, self._unread.known, self._typos)

    def _compile_clauses(self, g: Mapping[str, Sequence[str]]) -> None:
        """Segmentation, fillers and dismissals: how a turn splits into clauses."""
        self._segmenter = Segmenter(g)
        # "做好了" is a filler; "做好了吗" and "是不是已经做好了" are questions.
        fillers = alternation(g["fillers"])
        # "字幕改好就导出": after a topic noun the work is named, an edit asked for, not a filler
        parts = [n for n in g["topic_nouns"] if not n.isascii() and n != "视频"]  # the whole
        named = "".join(f"(?<!{re.escape(n)})" for n in parts)
        self._filler = re.compile(rf"(?<!已经){named}(?:{fillers})(?!\s*(?:吗|没|么|\?))")
        self._dismissal = re.compile(rf"^\s*(?:{alternation(g['dismissals'])})")

    def _compile_content(self, g: Mapping[str, Sequence[str]]) -> None:
        """Content markers, edit verbs and the words that make a command word a thing."""
        self._content = ContentMarkers(g["content_markers"], g["marker_exceptions"])
        self._verb = re.compile(alternation(g["edit_verbs"], verb=True))
        self._light = re.compile(rf"(?:{alternation(g['light_verbs'])})\s*$")
        self._determined = re.compile(rf"(?:{alternation(g['determiners'])})\s*$")
        self._described = re.compile(alternation(g["predicates"]))
        self._predicate = re.compile(rf"^\s*(?:{self._described.pattern})")
        # "导出的视频" describes a video; "导出的时候" (when) and "导出的话" (if) still ask.
        self._attributive = re.compile(rf"^\s*(?:{alternation(g['attributives'])})(?!时|话)")
        self._preposition = re.compile(alternation(g["prepositions"]))
        self._disposal = re.compile(rf"(?:{alternation(g['disposals'])}).{{0,4}}$")
        self._handled = re.compile(rf"^\s*(?:{alternation(g['disposals'])})[\u3400-\u9fff]")
        self._export = next(r for i, noun, r in self._intents if i == "export" and not noun)
        self._failure = re.compile(alternation(g["failures"]))
        self._delegation = re.compile(alternation(g["delegations"]))
        self._noun = re.compile(alternation(g["topic_nouns"], suffix=True))
        self._removal = re.compile(
            rf"{_REMOVAL}(?:(?:the|any|more)\s+)?(?:{self._noun.pattern})(?:\W|please|pls|吧|了)*$"
        )

    def route(self, text: str, attachments: Sequence[str] = ()) -> Route | None:
        """Route one turn by keywords, or return None to abstain (no signal, or ambiguous).

        Args:
            text: The user's message.
            attachments: Names or paths of files attached to the turn.
        """
        return self.analyse(text, attachments).route

    def garbled_edit(self, text: str) -> bool:
        """Before the turn's last sequence word, a typo of an edit word the stage cannot read
        ("cna u ad a fdae out at teh end thn expoort"): an edit the export must not drop."""
        return self._garbled.before_export(prepare(text.translate(self._fold)).text)

    def analyse(self, text: str, attachments: Sequence[str] = ()) -> Decision:
        """The keyword stage's whole view of a turn: its route (None = abstain), the commands
        it declines, and whether any clause firmly asks for an edit or names content."""
        prepared = prepare((accepted_offer(text) or text).translate(self._fold))
        media = prepared.media + len(attachments) > 0
        respelled = self._respelled(text, prepared)
        segments = self._segmenter.split(respelled)
        clauses = [self._analyse(segment) for segment in segments]
        reread(segments, clauses)
        firm = any(c.strong or c.firm for c in clauses) or how_to(respelled)
        waits = deferred(respelled, media=media, steps=(segments, clauses))
        checked = checks_first(respelled)  # "if it's under 10 credits, export": the check only
        # a refusal or wait mark anywhere beside an export word ("send me the mp4 ❌")
        marks = marked(text) and bool(self.export_spots(respelled))
        holds = waits or checked is not None or marks
        # a turn that puts its export off declines it, named or implied (the automatic export)
        held: list[Action] = ["export"] if holds else []
        named = self._named(text, respelled, clauses)
        if any(c.ambiguous for c in clauses):
            asked = {a for c in clauses if not c.ambiguous for a in c.actions}
            declined = tuple(
                dict.fromkeys(a for c in clauses for a in [*c.declined, *held] if a not in asked)
            )
            return Decision(None, declined, firm, holds, named)
        plan = plan_clauses(clauses, waits, holds, media, lambda: self._asks_more(respelled))
        plan = with_check(plan, checked, clauses)
        plan = self._same_as_before(respelled, plan, attachments)
        # the export gate: an export word used in another sense never plans an export
        if "export" in plan:
            spots = self.export_spots(respelled)
            plan, put_off_later = screen(respelled, spots, plan)
            plan = work_first(respelled, spots, plan)
            held += ["export"] if put_off_later else []
        declined = tuple(
            dict.fromkeys(a for c in [*clauses, Clause(declined=held)] for a in c.declined)
        )
        declined = tuple(a for a in declined if a not in plan)
        route = Route(plan, "keyword", prepared.language, declined) if plan else None
        return Decision(route, declined, firm, holds, named)

    def _same_as_before(
        self, text: str, plan: tuple[Action, ...], attachments: Sequence[str]
    ) -> tuple[Action, ...]:
        """ "same as last time, just export": the earlier export's settings are no edit, when
        the rest of the turn asks for the export alone."""
        rest = without_earlier_settings(text) if plan == ("sse", "export") else None
        if rest is None:
            return plan
        route = self.analyse(rest, attachments).route
        return ("export",) if route is not None and route.actions == ("export",) else plan

    def _named(self, text: str, respelled: str, clauses: Sequence[Clause]) -> tuple[Action, ...]:
        """Commands the turn only names: in a mention and asked for by no clause, or an export
        word only inside quotes or text to show ("she said 'export it' lol")."""
        asked = {a for c in clauses for a in c.actions}
        named = {a for c in clauses for a in c.named} - asked
        quoted = not self.export_spots(respelled) and self.export_spots(
            normalize(text).translate(self._fold)
        )
        if quoted and "export" not in asked:
            named.add("export")
        return tuple(a for a in ("export", "upload") if a in named)

    def export_spots(self, text: str) -> list[Spot]:
        """Every export word in the keyword stage's normalised text (keywords, noun phrases and
        misspellings), for the export gate (`agent.router.request`)."""
        spots = [
            Spot(m.start(), m.end(), noun)
            for intent, noun, regex in self._intents
            if intent == "export"
            for m in regex.finditer(text)
        ]
        spots += [
            Spot(w.start(), w.end())
            for w in self._words.finditer(text)
            if self._typos.get(w.group(0)) == "export"
        ]
        return spots

    def screen(
        self, text: str, plan: tuple[Action, ...], *, doubted: bool = False, evidence: bool = False
    ) -> tuple[Action, ...]:
        """`plan` through the export gate again: for a plan made by a later stage (the intent
        model), `doubted` when the model disagrees with a weak export, with `evidence` when the
        export needs an export word the rules read."""
        respelled = self._respelled(text)
        spots = self.export_spots(respelled)
        return screen(respelled, spots, plan, doubted=doubted, evidence=evidence)[0]

    def unsure(self, text: str) -> bool:
        """The turn's export stands only on a question in no request form (see
        `agent.router.request.unsure`)."""
        respelled = self._respelled(text)
        return unsure(respelled, self.export_spots(respelled))

    def _respelled(self, text: str, prepared: Prepared | None = None) -> str:
        if prepared is None:
            prepared = prepare((accepted_offer(text) or text).translate(self._fold))
        # "y luego lo exportas" = "and then export it"; "tolong export" = "please export"
        said = read_romance(read_abroad(prepared.text))
        respelled = self._words.sub(lambda m: self._respell.get(m[0], m[0]), said)
        return set_apart(respelled, MASK)

    def _asks_more(self, text: str) -> bool:
        """With a file, words beyond handing it over or a later word ask for something."""
        text = self._words.sub(lambda m: " " if self._typos.get(m[0]) == "upload" else m[0], text)
        text = undescribed(text, self._asks_for_edit)  # "clip final v2.mov", "from yesterday"
        return bool(_MEANINGFUL.search(self._handing.sub(" ", without_later_word(text))))

    def _talk(self, text: str, said: str) -> Clause | None:
        """A clause read whole: a keyword alone ("timeline pls"), news told (see `told`), a
        failure reported or a command handed over, a retraction or a dismissal (noise)."""
        alone = next((i for i, regex in self._alone if regex.fullmatch(text)), None)
        if alone is not None:
            return Clause(actions=[alone])
        if news := told(text, said):  # "I'm done editing", "我之前做的那些片子都在哪"
            return Clause(actions=[news], soft=news == "sse", firm=news == "sse")
        if advice(text):  # "what music would suit this?": the agent suggests, no state answer
            return Clause(actions=["sse"], firm=True)
        handed = self._handing_over(text)
        if handed == "failed" and self._hands_back(text):
            return Clause(actions=["export"])  # "the render button doesnt work, can u do it"
        if handed:  # "the export button isn't working" / "can you just do it"
            return Clause(actions=["sse"], soft=True, handed=handed)
        if refuses(text):  # asks nothing itself; takes back an export before it
            return Clause(retracts=True)
        taken_back = retracts(text)
        if taken_back or self._dismissal.match(text):
            return Clause(actions=["sse"], soft=True, retracts=taken_back)
        return None

    def _handing_over(self, clause: str) -> Literal["", "failed", "delegates"]:
        failure = self._failure.search(clause)
        if failure and self._export.search(clause[: failure.start()]):
            return "failed"  # an export word, then its failure
        handing = self._delegation.search(clause)  # "… try again", never "don't try again"
        if handing is None or self._negation.negated("sse", clause[: handing.start()], ""):
            return ""
        return "delegates"

    def _hands_back(self, clause: str) -> bool:
        """After the failure reported in the same clause, the command handed to us."""
        failure = self._failure.search(clause)
        rest = clause[failure.end() :] if failure else ""
        handing = self._delegation.search(rest)
        return handing is not None and not self._negation.negated(
            "sse", rest[: handing.start()], ""
        )

    def _matches(self, clause: str, question: bool) -> list[Match]:
        found = [
            Match(m.start(), m.end(), intent, noun)
            for intent, noun, regex in self._intents
            for m in regex.finditer(clause)
        ]
        if question:  # "can I afford two more?", "剪到哪了"
            found += [
                Match(m.start(), m.end(), intent, asked=True)
                for intent, regex in self._asked
                for m in regex.finditer(clause)
                if not attributive(clause, m.start(), m.end())
            ]
        for word in self._words.finditer(clause):
            intent = self._typos.get(word.group(0))
            if intent is not None:
                found.append(Match(word.start(), word.end(), intent))
        chosen: list[Match] = []
        for match in sorted(found, key=lambda m: (m.start - m.end, m.start)):
            if all(match.end <= c.start or match.start >= c.end for c in chosen):
                chosen.append(match)
        return sorted((subject(c, found) for c in chosen), key=lambda m: m.start)

    def _edited(self, match: Match, before: str) -> bool:
        """An edit verb precedes the match, other than a light verb naming a command or a verb
        whose reach a preposition ends ("how many videos can I make with my credits")."""
        verbs = list(self._verb.finditer(before))
        if not verbs:
            return False
        if match.intent in _NOUNS:
            return not self._preposition.search(before[verbs[-1].end() :])
        return match.noun or not self._light.search(before)

    def _object(self, match: Match, edited: bool, before: str, after: str) -> bool:
        """The match is content, not a request: what an edit works on ("make the credits big",
        "add a download icon", "把成片调亮") or a thing described ("导出的视频", "the export looks
        blurry")."""
        if match.intent in _NOUNS:  # "make the credits big", "把人物状态调得更开心"
            return edited or bool(self._disposal.search(before) and self._verb.search(after))
        determined = bool(self._determined.search(before))
        if self._attributive.match(after) or (determined and self._predicate.match(after)):
            return True
        if match.noun:  # "I want the video shorter", "... the video file to look vintage"
            described = self._verb.search(after) or self._noun.search(after) or _TO_DO.match(after)
            return edited or bool(described or self._described.search(after))
        return edited and determined

    def _edit_after(self, result: Clause, tail: str, question: bool) -> bool:
        """An edit asked after the clause's last command: after a sequence word ("先查余额再生成
        视频"; after a question it is the question's purpose, "积分够不够再做一个"), or straight
        after a file handed over ("new photo attached turn it into a vertical video")."""
        if not question and self._edit_follows(tail):
            return True
        return result.actions[-1:] == ["upload"] and self._asks_for_edit(tail)

    def _edit_follows(self, tail: str) -> bool:
        """After the last command, a sequence word leads to an edit ("…再生成视频")."""
        sequence = _FOLLOWS.search(tail)
        return sequence is not None and self._asks_for_edit(tail[sequence.end() :])

    def _asks_for_edit(self, text: str) -> bool:
        """An edit verb that is not itself negated ("不用加音乐" asks for nothing)."""
        verb = self._verb.search(text)
        return verb is not None and not self._negation.negated("sse", text[: verb.start()], "")

    def _analyse(self, segment: Segment) -> Clause:
        clause = segment.text
        conditional = condition(segment)
        if conditional is not None:
            return conditional
        text, content = self._content.mask(self._filler.sub(" ", clause), MASK)
        talk = self._talk(text, clause)
        if talk is not None:
            return talk
        matches = self._matches(text, segment.question)
        result = Clause(
            strong=content, now=runs_now(text), ordered=segment.then or ours_first(segment)
        )
        previous = 0
        mention = named = ""
        for index, match in enumerate(matches):
            following = matches[index + 1].start if index + 1 < len(matches) else len(text)
            before, after = text[previous : match.start], text[match.end : following]
            edited = not match.asked and self._edited(match, before)
            # "…with the new song", "整个滤镜再出片"
            edited |= match.intent == "export" and (implies_edit(after) or works_first(before))
            # "pon la musica mas fuerte y luego exporta": words it cannot read before the export
            edited |= match.intent == "export" and self._unread.editish(before, most=True)
            if match.intent == "sse" or (
                not match.asked and self._object(match, edited, before, after)
            ):
                named = content_of(result, match, edited, text)
            elif match.intent in DEFERRABLE and (
                mentioned(match.intent, text, (match.start, match.end), before, after)
                or (segment.question and capability(text, (match.start, match.end)))
                or (segment.question and offered(text, (match.start, match.end)))
                or (match.intent == mention and len(before.split()) <= 2)  # "…export in 4k"
            ):
                mention = match.intent
                result.named.append(match.intent)
                result.strong = True  # "I exported it yesterday", "show my past renders"
                result.queried |= asked_about(
                    text, match.start, match.intent
                ) and not self._described.search(after)
            elif not self._negation.negated(match.intent, before, after):
                result.sequenced |= bool(result.actions and _CJK_SEQUENCE.search(before))
                result.actions.extend(("sse", match.intent) if edited else (match.intent,))
            else:
                result.declined.append(match.intent)
            previous = match.end
        commands = [a for a in result.actions if a != "sse"]
        if len(set(commands)) > 1 and not result.sequenced:
            resolve_collision(result, commands)
        if commands and self._edit_after(result, text[previous:], segment.question):
            result.actions.append("sse")
        if not commands:
            edits = self._asks_for_edit(text)
            self._without_command(result, text)
            # "what does export do? does it cost credits?": a question that only names a
            # command is noise beside an answer
            asked = mention and segment.question and result.actions == ["sse"]
            result.soft |= bool(asked and not named and not content)
            result.named_only = bool(mention and not named and not content and not edits)
            result.unread = self._unread.editish(text)
        return result

    def _without_command(self, result: Clause, text: str) -> None:
        """A clause that asks for no command: a question about an export asks for state; an
        edit, content or the disposal form ("把标题移到下方", whatever the verb) is firm."""
        edits = self._asks_for_edit(text)
        if result.queried and not edits:
            result.actions = ["state"]
            return
        removal = self._removal.match(text) or self._handled.search(text)  # "no music", "把…"
        result.amends = bool(_AMENDS.match(text))
        firm = result.strong or edits or bool(removal or _SPEC.match(text) or result.amends)
        result.firm = firm
        # "can u do the thing where the pic floats, then export": words ordered before a
        # command ask for something even without an edit verb
        said = len(_SAID.findall(text)) >= 3 or len(_CJK.findall(text)) >= 4
        result.soft = not firm and (bool(self._noun.search(text)) or (result.ordered and said))
        result.actions = ["sse"] if firm or result.soft else []
