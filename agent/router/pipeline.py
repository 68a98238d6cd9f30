"""The request router: keyword stage first, then an injected LLM fallback, then the default.

No network here; the fallback is a `Completer` handed in by the composition root. Every failure
of the fallback (timeout, API error, malformed tool input) yields the deterministic default.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from agent.router.abroad import read_abroad
from agent.router.adopted import adopted, joined
from agent.router.aftermath import after_the_fact
from agent.router.asked_whole import reread
from agent.router.attached import turned_into, work_before_export
from agent.router.chatter import chatter_only
from agent.router.depicted import as_content
from agent.router.fallback import (
    ACTIONS,
    FALLBACK_TEMPLATE,
    FALLBACK_TIMEOUT,
    ROUTE_TOOL,
    ask,
    prompt,
)
from agent.router.finished import finished_first
from agent.router.garbled import edit_before_export
from agent.router.intents import IntentModel, load_intent_model
from agent.router.invariants import arrived, edits_first, files_only, without_export
from agent.router.judged import changed_first
from agent.router.keyword import Action, KeywordRouter, Route, Source
from agent.router.narrowed import narrowed
from agent.router.opined import opinion_after_export
from agent.router.ordered import in_said_order
from agent.router.paraphrase import plain
from agent.router.pictured import pictured_edit
from agent.router.reading import Decision
from agent.router.relayed import relayed_line
from agent.router.reported import reported
from agent.router.resent import asked_again
from agent.router.respecified import respecified
from agent.router.rethought import after_taken_back
from agent.router.retraction import retracted
from agent.router.rules import RouterTables, load_tables
from agent.router.sequenced import edit_in_sequence
from agent.router.spent import credits_as_reason
from agent.router.text import Prepared, prepare
from agent.router.unmeant import (
    credits_elsewhere,
    edits_called_off,
    export_unmeant,
    praise_only,
)
from agent.router.vetted import vetted
from agent.router.wrapped import wrapped_up

if TYPE_CHECKING:
    from agent.llm import Completer
    from agent.templates import Templates

__all__ = [
    "ACTIONS",
    "FALLBACK_TEMPLATE",
    "ROUTE_TOOL",
    "Action",
    "KeywordRouter",
    "Route",
    "Router",
    "Source",
    "build_keyword_router",
    "build_router",
]

MODEL_CONFIDENCE = 0.85
"""The intent model's plan is taken at this probability or above, else the turn goes on."""
MODEL_EXPORT_CONFIDENCE = 0.97
"""An export from the model needs more: an export nobody asked for is the costly mistake."""
MODEL_AGREES = 0.5
"""An export standing on a weak signal runs only when the model's best plan has it at least so."""
VAGUE_CONFIDENCE = 0.5
"""A rule plan of `sse` from topic words only ("the video"): the rules' weakest reading."""
LLM_CONFIDENCE = 0.8
"""The LLM's plan (it gives no probability): below a rule, above the default."""
_OVERRULABLE = frozenset({("sse",), ("upload", "sse")})
_READ_ONLY = frozenset({("state",), ("credits",)})
_COURTESY = re.compile(
    r"\b(?:please|thanks|thank|you|thx|ty|ok|okay|hi|hey|hello|yo|so|much|bye|cheers|thats\s+all"
    r"|thats\s+it|all\s+good|for\s+(?:today|now)|good\s+night|see\s+you)\b|请|谢谢|谢|麻烦|你好|拜拜"
)
# the user's own prohibition ("don't export anything"), not an order ("before we finalize")
_FORBIDS = re.compile(r"\b(?:dont|do\s+not|never)\b|不要|别|不用")
# A negation or "not yet" in any language the turn may be in: the model never exports past it
_NEGATION = re.compile(
    r"\b(?:no|not|dont|never|nothing|mat|nahi|nahin|nai|pas|ne|nicht|kein|keine|nunca|jamais|nao"
    r"|todavia|aun|encore|noch|yet|later|wait|hold|baad\s+mein|kal)\b|[不别別唔未冇没勿]"
)
# An export word's stem in any language ("exportar", "exportieren", "匯出"): with a negation the
# rules could not place, the turn declines the export
_EXPORTISH = re.compile(r"export|render|download|导出|匯出|汇出|渲染|出片|下载")
# An export word the rules do not read, in a language the fallback model does ("expórtalo",
# "esportalo", "書き出して", "내보내줘", "экспортируй"): evidence enough for the model's export.
# Without one (nor an export word the rules read) no later stage plans an export.
_FOREIGN_EXPORT = re.compile(
    r"exp[oó]rt|esport|render|download|descarg|t[eé]l[eé]charg|herunterlad|scaric|baix[ae]"
    r"|書き出|エクスポート|ダウンロード|レンダリング|내보내|다운로드|렌더링|экспорт|скача|рендер"
    r"|выгруз|\bmp4\b|导出|匯出|汇出|渲染|出片|下载|下載"
)
# A question asking for a reason ("why is the start so dark?", 点解冇声): a read-only answer
# shows what is there, it does not say why
_WHY = re.compile(r"\b(?:why|how\s+come|whys)\b|[为為](?:什[么麼]|何)|怎[么麼]会|[点點]解")
# What the work so far has cost, asked whole ("how much did that last edit cost me",
# 做到这一步已经花掉了多少): the balance's answer, whatever the question names as spent
_SPEND_ASKED = re.compile(
    r"^\W*(?:(?:out\s+of\s+curiosity|just\s+curious|quick\s+q(?:uestion)?|btw|so|ok|hey)\W+)*"
    r"how\s+much\s+(?:did|has|have)\s+(?:\w+\s+){0,5}?(?:cost|set\s+(?:me|us)\s+back|run\s+(?:me|us))"
    r"(?:\s+(?:me|us))?(?:\s+(?:so\s+far|in\s+total|altogether))?\W*$"
    r"|(?:花掉|花了|用掉|用了|消耗|耗)了?(?:大概|大约|一共|总共)?多少(?:积分|点数|点|钱)?\W*(?:了|呢|啊)?\W*$"
)
# The user correcting themself ("show me the timeline— sorry, typo brain, I meant my balance",
# 看时间线，不对，我是说余额): only what they meant is asked
_CORRECTED = re.compile(
    r"\b(?:sorry|oops|typo|my\s+bad|wrong|wait|no|nah|actually)\b[^.?!]{0,40}?"
    r"\b(?:i\s+meant(?:\s+to\s+(?:say|ask))?|i\s+mean(?!\s+it)|meant\s+to\s+(?:say|ask))\b\W*"
    r"|(?:不对|打错了?|说错了?|搞错了?|讲错了?)\W*(?:我是说|我是想问|我意思是|我想问的是|我系想问)\W*"
)
# A hold in the user's own words around what they adopt ("not yet, go for it tomorrow")
_OUTSIDE_HOLD = re.compile(
    r"\b(?:not\s+yet|later|tomorrow|tonight|after|once|until|till|when|wait|hold|dont|do\s+not"
    r"|never|monday|tuesday|wednesday|thursday|friday|next\s+week)\b|先别|先不|不要|别|等|之后|以后|明天"
)
_SUBSTANCE = re.compile(r"[a-z]{2,}|\d{2,}|[\u3400-\u9fff]")
_QUESTION = re.compile(
    r"[?？]\s*$|[吗嗎么麼呢]\s*$"
    r"|^\s*(?:what|whats|how|hows|why|which|when|does|did|do|is|are|was|were|has|have|can|could|will)\b"
)


def build_router(
    *, completer: Completer | None = None, templates: Templates | None = None
) -> Router:
    """The full router over the bundled tables and intent model (the LLM when given).

    Raises:
        ConfigError: A bundled table or the intent model is invalid.
    """
    return Router(
        build_keyword_router(),
        model=load_intent_model(),
        completer=completer,
        templates=templates,
    )


def build_keyword_router(tables: RouterTables | None = None) -> KeywordRouter:
    """A keyword router over the bundled tables (or the given ones); callers may cache it.

    Raises:
        ConfigError: A bundled table is missing or invalid.
    """
    return KeywordRouter(tables if tables is not None else load_tables())


class Router:
    """Routes a turn: keywords decide when they can; otherwise the fallback, else the default."""

    def __init__(
        self,
        keywords: KeywordRouter,
        *,
        model: IntentModel | None = None,
        completer: Completer | None = None,
        templates: Templates | None = None,
        timeout: float = FALLBACK_TIMEOUT,
    ) -> None:
        """Combine a keyword stage with an optional LLM fallback.

        Args:
            keywords: The pure keyword stage.
            model: The offline intent model, asked when the keywords abstain or find only a
                vague `sse` (no edit verb, no content); None skips it.
            completer: The LLM fallback; None means abstentions go straight to the default.
            templates: Renders `prompts/router/fallback.j2` (built on demand when None).
            timeout: Seconds before a fallback call is abandoned.
        """
        self._keywords = keywords
        self._model = model
        self._completer = completer
        self._templates = templates
        self._timeout = timeout

    async def route(self, text: str, attachments: Sequence[str] = ()) -> Route:
        """Route one user turn; never raises for a routing miss (the default is `sse`).

        Args:
            text: The user's message.
            attachments: Names or paths of files attached to the turn.
        """
        # a loose wording read as its plain form: "video ready? send it over" = "send it over"
        # (the fallback model still reads the user's own words)
        # credits named as a reason ("export it in 720p to save credits", "spend the credits"),
        # the file asked again after a failed delivery ("the link expired, can I get it again?")
        routed = await self._turn(
            plain(asked_again(credits_as_reason(text))), attachments, words=text
        )
        # "render first, then add …", "导出之前先把标题的错字改了"
        said = prepare(text).text
        ordered = in_said_order(routed, said, lambda r: self._keywords.analyse(r).firm)
        routed = after_the_fact(ordered, said)  # "when will the render be done?", a past export
        routed = vetted(routed, said)  # "if it's under 30 s, export it", a fault beside an export
        return finished_first(routed, said)  # "if you're done with the captions, export"

    async def _turn(self, text: str, attachments: Sequence[str], *, words: str) -> Route:
        prepared = prepare(text)
        media = prepared.media + len(attachments) > 0
        own = adopted(text)
        if own is not None and own.text.strip() != text.strip():
            # a quote or checklist the user adopts; an open box of work goes to the agent first
            routed = await self.route(own.text, attachments)
            if own.work and "sse" not in routed.actions:
                routed = edits_first(dataclasses.replace(routed, actions=("sse", *routed.actions)))
            own_words = self._keywords.analyse(own.outside)
            if "export" in routed.actions and (
                own_words.waits
                or "export" in own_words.declined
                or _OUTSIDE_HOLD.search(prepare(own.outside).text)
            ):
                return without_export(routed)  # "- [ ] export … not yet, go for it tomorrow"
            mine = await self.route(own.own, attachments) if own.own.strip() else None
            firm = (
                mine is not None and mine.source != "default" and mine.confidence > VAGUE_CONFIDENCE
            )
            return joined(mine, routed) if mine is not None and firm else routed
        mentioned = await self._mentioned(text, attachments)
        if mentioned is not None:
            return mentioned
        corrected = _CORRECTED.search(text.casefold())
        if corrected is not None and text[corrected.end() :].strip():
            return await self.route(text[corrected.end() :], attachments)
        if (setting := respecified(text)) is not None:  # "render at 480p — no wait, 720p"
            return await self.route(setting, attachments)
        said = prepared.text
        routed = await self._route(text, attachments, prepared, words)
        routed = narrowed(self._work_first(routed, text, said, media), said)
        routed = reread(routed, said, media)  # "can i get it in 4k", "still not ready??"
        if not media and set(routed.actions) <= {"sse", "state"} and _SPEND_ASKED.search(said):
            return dataclasses.replace(routed, actions=("credits",), source="keyword")
        routed = await self._as_meant(routed, text, said, attachments)
        if "export" in routed.actions or "export" in routed.declined:
            return routed
        if _NEGATION.search(said) and _EXPORTISH.search(said):
            # "no exportar aun": a "no" beside an export word the rules could not place; the
            # automatic export after a generation waits too
            return dataclasses.replace(routed, declined=(*routed.declined, "export"))
        return routed

    async def _as_meant(
        self, routed: Route, text: str, said: str, attachments: Sequence[str]
    ) -> Route:
        """The plan through the last gates, whatever stage made it: an edit called off beside
        the export (算了，字幕不用改了，直接导出吧), a balance word about something else
        (信用卡额度, "balance beam"), and an export taken back or meant otherwise."""
        rest_of_turn = edits_called_off(said) if {"sse", "export"} <= set(routed.actions) else None
        if rest_of_turn is not None:
            called_off = await self.route(rest_of_turn, attachments)
            if "export" in called_off.actions and "sse" not in called_off.actions:
                return called_off
        taken_back = after_taken_back(said) if {"sse", "export"} <= set(routed.actions) else None
        if taken_back is not None:
            # "maybe an outro... nah, forget it. export": the idea floated is taken back
            dropped = await self.route(taken_back, attachments)
            if dropped.actions == ("export",):
                return dropped
        if praise_only(said) and routed.actions != ("sse",):
            # praise alone ("😍😍😍 love it!! 💯"): no export, balance or state asked
            kept = tuple(a for a in routed.actions if a == "upload")
            return dataclasses.replace(routed, actions=(*kept, "sse"))
        if routed.actions in _READ_ONLY and chatter_only(said):
            # "this is the best thing I've made 🥹", "my boss said 'meh', now what?"
            return dataclasses.replace(routed, actions=("sse",))
        if "credits" in routed.actions and credits_elsewhere(said):
            rest = tuple(a for a in routed.actions if a != "credits") or ("sse",)
            routed = dataclasses.replace(routed, actions=rest)
        routed = as_content(routed, said, self._keywords.route)  # a timeline shown, "so grainy"
        if routed.actions == ("state",) and opinion_after_export(said):
            # "ready to hit export - what do you think of the grade?": no readiness asked
            return dataclasses.replace(routed, actions=("sse",))
        if "export" in routed.actions and (
            retracted(read_abroad(said)) or export_unmeant(said, text) or opinion_after_export(said)
        ):
            # a cue anywhere in the turn takes the export back ("…actually scratch the export
            # part", 算了不导了), or the export word is meant otherwise (sarcasm, a
            # counterfactual, "export manager", "how do I export", praise alone), or the look
            # asked after it ("about to export, but does the font look right to you?")
            return without_export(routed)
        return routed

    def _work_first(self, routed: Route, text: str, said: str, media: bool) -> Route:
        """The plan with the work the turn asks for before its export, however it is said."""
        routed = arrived(files_only(edits_first(routed), media), media, said)
        if "export" in routed.actions and "sse" not in routed.actions:
            edited = self._keywords.garbled_edit(text) or pictured_edit(text)  # "🎵➕🎉➡️📥"
            routed = edit_before_export(routed, edited)
        routed = changed_first(routed, said)  # "i think it needs more bass, export"
        routed = work_before_export(routed, media, said)  # "stitch em, sunset last, then export"
        routed = turned_into(routed, media, text)
        routed = edit_in_sequence(routed, said)  # "…smooth一点，然后render出来给我"
        return wrapped_up(routed, said)  # "都搞掂晒啦 出片": the wrap-up asks no edit

    async def _mentioned(self, text: str, attachments: Sequence[str]) -> Route | None:
        """The route of a turn quoting someone else on a labelled line ("Boss: 把视频导出来发我"):
        the user's own words, or with none the reported line without its export; None when the
        turn has no such line or the user adopts it. An order passed on now after a speech verb
        ("My boss just said: 'export it now'") is the user's own."""
        relay = relayed_line(text)
        if relay is not None:
            return await self.route(relay, attachments)
        others = reported(text)
        if others is None or others.adopts:
            return None
        if not others.own:
            return without_export(await self.route(others.said, attachments))
        return await self.route(others.own, attachments)

    async def _route(
        self, text: str, attachments: Sequence[str], prepared: Prepared, words: str
    ) -> Route:
        """The turn's route from the rules, the intent model, else the fallback model asked with
        the user's own `words` (`text` is them read plainly, see `agent.router.paraphrase`)."""
        decision = self._keywords.analyse(text, attachments)
        declined = decision.declined
        # The default still uploads what the turn carries; dropping a file would lose it.
        media = prepared.media + len(attachments) > 0
        decided = decision.route
        if decided is not None and "export" in decided.actions:
            decided = self._second_opinion(text, decided)
        if decided is not None:
            # with a file, any words ask for something ("Ken Burns effect"): never overruled
            if decision.firm or decision.waits or decided.actions != ("sse",):
                return decided
            vague = dataclasses.replace(decided, confidence=VAGUE_CONFIDENCE)
            if _WHY.search(prepared.text):
                return vague  # a reason asked about the video: the agent explains, no state shows
            return self._guess(text, media, decision, read_only=True) or vague
        # a turn that only puts its export off ("if it looks good I'll render tomorrow") or
        # declines a command ("brb, don't export anything while I'm gone") asks nothing the
        # model could name
        quiet = decision.waits or bool(declined and _FORBIDS.search(prepared.text))
        held = self._held(decision)
        # still, a question beside the wait gets its read-only answer ("please confirm the
        # current timeline composition before we sign off"): state and credits change nothing
        guessed = self._guess(text, media, decision, read_only=quiet)
        if guessed is not None:
            return guessed
        default = Route(
            ("upload", "sse") if media else ("sse",), "default", prepared.language, declined, 0.0
        )
        if self._completer is None or not text.strip():
            return default
        asked = prompt(self._templates_in_use(), words, attachments, prepared.language)
        plan = await ask(self._completer, asked, self._timeout)
        # The user's words beat the model: a command declined, put off or only named never
        # runs, and its export passes the same gate as the rules' own.
        kept = tuple(a for a in plan or () if a not in held)
        if "export" in kept and (
            _NEGATION.search(prepared.text) or _QUESTION.search(text.casefold())
        ):  # a "no" the rules could not place; a question never changes anything
            kept = tuple(a for a in kept if a != "export")
        kept = self._screened(text, kept)
        kept = tuple(a for i, a in enumerate(kept) if a not in kept[:i])
        return Route(kept, "llm", prepared.language, declined, LLM_CONFIDENCE) if kept else default

    def _screened(self, text: str, plan: tuple[Action, ...]) -> tuple[Action, ...]:
        """The LLM's plan through the export gate: its export runs only on positive evidence,
        an export word in a request form (or one in a language the rules do not read, for the
        model to place). The intent model, trained on labelled turns, needs no export word
        ("send the link", "出一版给我看看"); a general model does."""
        if "export" not in plan:
            return plan
        foreign = _FOREIGN_EXPORT.search(prepare(text).text) is not None
        return self._keywords.screen(text, plan, evidence=not foreign)

    @staticmethod
    def _held(decision: Decision) -> tuple[Action, ...]:
        """What no later stage may run: commands the user declined or only named, and the
        export of a turn that puts it off ("once legal signs off we'll export")."""
        held = [*decision.declined, *decision.named, *(("export",) if decision.waits else ())]
        return tuple(dict.fromkeys(held))

    def _second_opinion(self, text: str, decided: Route) -> Route:
        """An export standing only on a question in no request form ("do exports keep the
        alpha channel?") runs only when the intent model agrees; else (or with no model) it goes
        to the agent."""
        if not self._keywords.unsure(text):
            return decided
        guess = self._model.predict(text) if self._model is not None else None
        if guess is not None and "export" in guess.actions and guess.confidence >= MODEL_AGREES:
            return decided  # no model, no second opinion: the weak signal goes to the agent
        plan = self._keywords.screen(text, decided.actions, doubted=True)
        return dataclasses.replace(decided, actions=plan)

    def _guess(
        self, text: str, media: bool, decision: Decision, *, read_only: bool
    ) -> Route | None:
        """The intent model's plan when it is sure enough and breaks no rule: nothing the user
        declined, put off or only named (`_held`), no export or upload from a question, and over
        a vague `sse` only a state or credits answer (read-only)."""
        if (
            self._model is None
            or len(_SUBSTANCE.findall(_COURTESY.sub(" ", prepare(text).text))) < 2
        ):
            return None  # "🎵 pls 🙏": too little to go on, whatever the model says
        guess = self._model.predict(text)
        plan = tuple(a for a in guess.actions if a in ACTIONS)
        needed = MODEL_EXPORT_CONFIDENCE if "export" in plan else MODEL_CONFIDENCE
        held = self._held(decision)
        if guess.confidence < needed or not plan or any(a in held for a in plan):
            return None
        if plan in _OVERRULABLE or (read_only and plan not in _READ_ONLY):
            return None  # "send it to the video agent" is what the default does anyway
        if _QUESTION.search(text.casefold()) and {"export", "upload"} & set(plan):
            return None  # a question never changes anything
        if "export" in plan and _NEGATION.search(prepare(text).text):
            return None  # "no exportar aun", "export mat karna": a "no" the rules could not place
        if media and "upload" not in plan:
            plan = ("upload", *plan)
        plan = self._keywords.screen(text, plan)  # the export gate holds for the model too
        actions = tuple(a for a in plan if a in ACTIONS)
        language = prepare(text).language
        return Route(actions, "model", language, decision.declined, guess.confidence)

    def _templates_in_use(self) -> Templates:
        if self._templates is None:
            from agent.templates import Templates

            self._templates = Templates()
        return self._templates
