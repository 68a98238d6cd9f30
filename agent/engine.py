"""The turn engine: route -> handlers in order -> translator follow-ups -> one `TurnResult`.

Handlers return `Reply` data; this is the one place that renders it (templates, reply language =
the router's language). Errors become `errors/*` replies; nothing is ever re-sent.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import structlog

from agent.attachments import extract_attachments, inbound_path
from agent.errors import AgentError, SessionNotFoundError
from agent.files import write_atomic
from agent.handlers import build_registry
from agent.handlers.base import Earlier, HandlerContext, Journal, Language, Reply
from agent.handlers.credits import LOW_BALANCE
from agent.handlers.upload import precheck_attachments
from agent.messages import error_reply
from agent.progress import Notifier, NullProgress, Progress
from agent.templates import Templates
from agent.turns import (
    FOLLOWUP_ACTIONS,
    TurnResult,
    failed_turn,
    in_script,
    merge_followups,
    message_context,
    next_steps,
    render_turn,
    session_language,
)

if TYPE_CHECKING:
    import httpx

    from agent.child_call import ChildCalls
    from agent.config import Settings
    from agent.llm import Completer
    from agent.models import Clock, Sleep
    from agent.output_options import OutputOptions
    from agent.router import KeywordRouter, Route
    from agent.router.intents import IntentModel
    from agent.runtime import Runtime
    from agent.translate import GuiTables, Translation, Translator

__all__ = [
    "FOLLOWUP_ACTIONS",
    "Engine",
    "EngineParts",
    "TurnResult",
    "failed_turn",
    "merge_followups",
    "open_engine",
    "session_language",
]

_log = structlog.get_logger(__name__)


class Engine:
    """Runs turns against a `Runtime`: one session, one router, one translator, one renderer."""

    def __init__(
        self,
        runtime: Runtime,
        *,
        route: Callable[[str, Sequence[str]], Awaitable[Route]],
        translate: Callable[[str], Translation],
        templates: Templates | None = None,
        progress: Progress | None = None,
        sleep: Sleep,
        clock: Clock,
        output_dir: Path | None = None,
        export_name: str | None = None,
        journal: Journal | None = None,
        output: OutputOptions | None = None,
        media: ChildCalls | None = None,
    ) -> None:
        self._rt = runtime
        self._media = media
        self.journal = journal
        self._route = route
        self._translate = translate
        self.templates = templates or Templates()
        self.progress: Progress = progress or NullProgress()
        self._sleep = sleep
        self._clock = clock
        settings = runtime.settings
        self._output_dir = output_dir or settings.output_dir or Path.cwd()
        self._export_name = export_name
        self._output = output
        self._pending = settings.state_dir / "pending-question.json"
        self._handlers = build_registry()

    async def run_turn(
        self,
        text: str,
        attachments: Sequence[str] = (),
        *,
        new: bool = False,
        plan: Sequence[str] | None = None,
        language: Language | None = None,
        raise_errors: bool = False,
    ) -> TurnResult:
        """Run one turn: route (unless `plan` is given), run each action, render the reply.

        Args:
            text: The user's message.
            attachments: Paths and URLs attached to the turn.
            new: Start a new session first.
            plan: Run exactly these actions instead of routing (meta-commands, direct commands);
                the text is then used as typed (no paths are taken out of it).
            language: Reply in this language instead of the router's (meta-commands).
            raise_errors: Raise an `AgentError` that comes before any action finished instead
                of answering with an `errors/*` reply (the direct CLI commands report those like
                every other command); a later one stays a reply, so the work done is reported.

        Returns:
            The rendered reply with what was done; errors are part of the result (except early
            ones with `raise_errors`).
        """
        message, files, language, actions, declined = await self._plan(
            text, attachments, plan, language
        )
        if not text.strip() and not files and plan is None:
            return self._stamp(
                render_turn(self.templates, language, [Reply("replies/empty")], "", [])
            )
        turn = _Turn(self, language, message, files)
        turn.declined = declined
        try:
            # Every file is checked before a session exists: a missing one never costs a session.
            precheck_attachments(files, self._rt.settings.upload_max_bytes)
            await turn.open(new=new, actions=actions, planned=plan is not None)
            await turn.run()
        except AgentError as exc:
            if raise_errors and not turn.done:
                raise
            _log.info("turn.error", error=type(exc).__name__)
            turn.replies.append(error_reply(exc, message_context(self._rt.settings, turn.user_id)))
        self._remember_question(turn)
        result = render_turn(self.templates, language, turn.replies, turn.session_id, turn.done)
        return self._stamp(_in_users_script(turn.resumed(result), text, self._translate))

    def _stamp(self, result: TurnResult) -> TurnResult:
        """The result with the skill identity whose headers the requests carried."""
        headers = self._rt.skill.attribution_headers()
        skill = {
            "name": headers["X-Skill-Source"],
            "version": headers["X-Skill-Version"],
            "platform": headers["X-Skill-Platform"],
        }
        return dataclasses.replace(result, skill=skill)

    async def _plan(
        self,
        text: str,
        attachments: Sequence[str],
        plan: Sequence[str] | None,
        language: Language | None,
    ) -> tuple[str, tuple[str, ...], Language, tuple[str, ...], tuple[str, ...]]:
        """The message, files, reply language, actions and declined commands of a turn; routes
        only when needed."""
        settings = self._rt.settings
        openclaw = settings.openclaw_state_dir or settings.user_home / ".openclaw"
        attachments = [inbound_path(a, openclaw) for a in attachments]
        if plan is not None:
            # `send` posts the text as typed, but its "don't export yet" still holds the
            # follow-up export; meta-commands only need a language
            if language is None or "sse" in plan:
                route = await self._route(text, attachments)
                language = language or route.language
                declined = tuple(route.declined) if "sse" in plan else ()
                return text, tuple(attachments), language, tuple(plan), declined
            return text, tuple(attachments), language, tuple(plan), ()
        found = extract_attachments(text, exists=os.path.isfile)
        files = tuple(attachments) + found.attachments
        route = await self._route(text, files)
        message = found.text if found.attachments else text
        language = language or route.language
        return message, files, language, tuple(route.actions), tuple(route.declined)

    def _remember_question(self, turn: _Turn) -> None:
        reply = next((r for r in reversed(turn.replies) if r.question), None)
        if reply is not None and turn.session_id:
            payload = {
                "session_id": turn.session_id,
                "question": reply.question,
                "call_id": reply.question_call,
            }
            write_atomic(self._pending, json.dumps(payload, ensure_ascii=False))
        elif "sse" in turn.done:
            self._pending.unlink(missing_ok=True)

    def pending_question(self, session_id: str) -> str | None:
        """The question the backend asked last turn in this session, if it is still unanswered."""
        try:
            data = json.loads(self._pending.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if isinstance(data, dict) and data.get("session_id") == session_id:
            return str(data.get("question") or "") or None
        return None

    def pending_question_call(self, session_id: str) -> str | None:
        """The id of the unanswered `ask_question` call in this session, when it had one."""
        try:
            data = json.loads(self._pending.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if isinstance(data, dict) and data.get("session_id") == session_id:
            call = data.get("call_id")
            return call if isinstance(call, str) and call else None
        return None


def _offered(reply: Reply, templates: Templates, language: Language) -> bool:
    """The backend's text, as translated, already told the user how to export."""
    offer = templates.render("replies/export_offer", language)
    return any(offer in str(text) for text in reply.context.get("texts", ()))


class _Turn:
    """The mutable bookkeeping of one turn (session, queue, replies); private to the engine."""

    def __init__(self, engine: Engine, language: Language, text: str, files: tuple[str, ...]):
        self.engine = engine
        self.language: Language = language
        self.text = text
        self.files = files
        self.replies: list[Reply] = []
        self.done: list[str] = []
        self.queue: list[str] = []
        self.session_id = ""
        self.user_id: str | None = None
        self.ctx: HandlerContext | None = None
        self.renewed = False
        self.declined: tuple[str, ...] = ()
        """Commands the user's words held back ("don't export yet"); follow-ups obey them."""
        self.earlier: Earlier | None = None

    async def open(self, *, new: bool, actions: tuple[str, ...], planned: bool) -> None:
        """Open the session, then decide the plan (an unanswered question takes the message)."""
        engine = self.engine
        rt = engine._rt
        session = await rt.session(session_language(self.language), new=new)
        self.session_id, self.user_id = session.session_id, session.user_id
        if session.reset:
            self.replies.append(Reply("replies/session_reset"))
        answering = None
        if not planned and engine.pending_question(self.session_id):
            actions = ("upload", "sse") if self.files else ("sse",)
            answering = engine.pending_question_call(self.session_id)
        journal = engine.journal
        if journal is not None:
            journal.opened(self.session_id)
            self.earlier = journal.earlier()
            if self.earlier is not None:  # a resumed job goes on where the earlier attempt stopped
                self.done.extend(self.earlier.done)
                actions = self.earlier.queue
        self.queue = list(actions)
        _log.debug("turn.plan", actions=self.queue, language=self.language, files=len(self.files))
        local = rt.settings.backend == "local"
        notify = Notifier(engine.progress, engine.templates, self.language, local=local)
        self.ctx = HandlerContext(
            client=rt.client,
            settings=rt.settings,
            session_id=self.session_id,
            user_id=self.user_id,
            language=self.language,
            text=self.text,
            attachments=self.files,
            notify=notify,
            sleep=engine._sleep,
            clock=engine._clock,
            translate=_holding(engine._translate, self.declined, self.text),
            claim_link=lambda: rt.claim_link(session),
            output_dir=engine._output_dir,
            export_name=engine._export_name,
            answering=answering,
            journal=journal,
            output=engine._output,
            media=engine._media,
        )

    async def run(self) -> None:
        """Run the queue in order, merging follow-ups after each step."""
        if "sse" in self.queue:
            await self._low_balance_hint()
        while self.queue:
            action = self.queue.pop(0)
            _log.debug("turn.step", action=action, session_id=self.session_id, queue=self.queue)
            reply = await self._call(action)
            _log.debug(
                "turn.step_done",
                action=action,
                template=reply.template,
                followups=list(reply.followups),
                error=reply.error.code if reply.error else None,
            )
            self.replies.append(reply)
            self.done.extend(reply.actions)
            if reply.question or reply.error:
                self.queue.clear()  # a question waits for the user; nothing runs on a failed run
                break
            # The translator has already told the user "I'll export the MP4 for you".
            held = "export" in self.declined
            allow = self.engine._rt.settings.auto_export and not held
            self.queue, dropped = merge_followups(
                self.queue, reply.followups, self.done, allow_export=allow
            )
            if dropped and held:
                self.replies.append(Reply("replies/export_held"))
            elif dropped and not _offered(reply, self.engine.templates, self.language):
                self.replies.append(Reply("replies/export_hint"))
            self._journal_step()
        self._suggest()

    def _journal_step(self) -> None:
        """Tell the journal how far the turn got (a resumed job starts from there)."""
        journal = self.engine.journal
        if journal is None:
            return
        sofar = render_turn(
            self.engine.templates, self.language, self.replies, self.session_id, self.done
        )
        before = self.earlier or Earlier()
        journal.step(
            Earlier(
                done=tuple(self.done),
                queue=tuple(self.queue),
                texts=(*before.texts, *(t for t in sofar.parts if t)),
                files=(*before.files, *sofar.files),
                links=tuple(dict.fromkeys((*before.links, *sofar.links))),
            )
        )

    def resumed(self, result: TurnResult) -> TurnResult:
        """The result with what an earlier attempt already replied (a resumed job)."""
        if self.earlier is None or not self.earlier.texts:
            return result
        before = self.earlier
        return dataclasses.replace(
            result,
            reply="\n\n".join(t for t in (*before.texts, result.reply) if t),
            files=(*before.files, *result.files),
            links=tuple(dict.fromkeys((*before.links, *result.links))),
        )

    def _suggest(self) -> None:
        """After a turn that changed the timeline, suggest 2-3 next steps (§7.5)."""
        edits = {kind for reply in self.replies for kind in reply.edits}
        if not edits or any(r.question or r.error for r in self.replies):
            return
        steps = next_steps(edits, self.done, asked=self.text)
        self.replies.append(Reply("replies/next_steps", {"steps": list(steps)}))

    async def _call(self, action: str) -> Reply:
        assert self.ctx is not None  # noqa: S101 - open() always runs first
        handler = self.engine._handlers[action]
        try:
            return await handler(self.ctx)
        except SessionNotFoundError:
            if self.renewed:
                raise
        # 1002 is a rejection before any work: renew the session once and run the step again.
        rt = self.engine._rt
        record = await rt.sessions.renew(session_language(self.language))
        self.renewed = True
        self.session_id, self.user_id = record.session_id, record.user_id
        self.ctx.session_id, self.ctx.user_id = record.session_id, record.user_id
        self.ctx.claim_link = lambda: rt.claim_link(record)
        self.replies.append(Reply("replies/session_reset"))
        return await handler(self.ctx)

    async def _low_balance_hint(self) -> None:
        assert self.ctx is not None  # noqa: S101 - open() always runs first
        try:
            credits = await self.ctx.client.credits()
        except AgentError:
            return  # the hint is advisory; the real request reports real errors
        if credits.available < LOW_BALANCE:
            self.replies.append(Reply("replies/low_balance", {"available": credits.available}))


def _in_users_script(
    result: TurnResult, text: str, translate: Callable[[str], Translation]
) -> TurnResult:
    """Traditional characters in, Traditional characters out."""
    from agent.translate import Translator

    if isinstance(translate, Translator) and translate.tables.script.traditional(text):
        return in_script(result, translate.tables.script)
    return result


def _holding(
    translate: Callable[[str], Translation], declined: Sequence[str], text: str
) -> Callable[[str], Translation]:
    """The turn's translator: steps the user declined ("don't export yet") go unsaid, and the
    answer is in the user's Chinese script."""
    from agent.translate import Translator

    if not isinstance(translate, Translator):
        return translate
    return translate.holding(declined).answering(text)


@dataclass(frozen=True, slots=True)
class EngineParts:
    """What every engine shares and a long-lived worker builds once: the router's keyword
    tables and intent model, the GUI tables and the templates."""

    keyword: KeywordRouter
    model: IntentModel | None
    tables: GuiTables
    templates: Templates

    @classmethod
    def load(cls) -> EngineParts:
        """Compile the bundled tables and load the intent model.

        Raises:
            ConfigError: The router or translator tables or the intent model cannot be loaded.
        """
        from agent.router import build_keyword_router
        from agent.router.intents import load_intent_model
        from agent.translate import load_gui_tables

        return cls(build_keyword_router(), load_intent_model(), load_gui_tables(), Templates())

    def route(
        self, settings: Settings, completer: Completer | None = None
    ) -> Callable[[str, Sequence[str]], Awaitable[Route]]:
        """The router for `settings` (the LLM fallback when a key is configured, or through
        `completer` when one is given)."""
        from agent.llm import completer_from_settings
        from agent.router import Router

        completer = completer or completer_from_settings(settings)
        router = Router(
            self.keyword, model=self.model, completer=completer, templates=self.templates
        )
        return router.route

    def translator(self, settings: Settings, completer: Completer | None = None) -> Translator:
        """The GUI translator for `settings`: with auto-export off it offers the export instead
        of promising it; with `ANTHROPIC_API_KEY` set (or a `completer` given) a reply the rules
        leave whole goes through the model stage as it streams."""
        from agent.llm import completer_from_settings
        from agent.translate import Translator

        tables = self.tables
        if not settings.auto_export:  # never promise an export that will not run by itself
            offers = {
                lang: self.templates.render("replies/export_offer", lang) for lang in ("en", "zh")
            }
            tables = tables.offering("export", offers)
        completer = completer or completer_from_settings(settings)
        return Translator(tables, completer=completer, templates=self.templates)


@asynccontextmanager
async def open_engine(
    settings: Settings,
    *,
    parts: EngineParts | None = None,
    progress: Progress | None = None,
    output_dir: Path | None = None,
    export_name: str | None = None,
    output: OutputOptions | None = None,
    sleep: Sleep = asyncio.sleep,
    clock: Clock = time.monotonic,
    transport: httpx.AsyncBaseTransport | None = None,
    journal: Journal | None = None,
    media: ChildCalls | None = None,
) -> AsyncIterator[Engine]:
    """Open a `Runtime` and build the engine with the real router and translator.

    Args:
        settings: Settings pointing at the API to use.
        parts: Tables and templates built once (a worker's); loaded here when absent.
        progress: Where statuses and bars go (nothing shown by default).
        output_dir: Where exports land (default `settings.output_dir`, else the cwd).
        export_name: The exported MP4's file name (default: one made from the title).
        output: Output options for exports (`export --resolution ...`).
        sleep: Injected sleep for recovery waits and render polling.
        clock: Injected monotonic clock.
        transport: An httpx transport for the API (tests); default network.
        journal: Where a background job records its steps.
        media: Media child processes shared with the embedded backend (`HandlerContext.media`).

    Raises:
        ConfigError: The SKILL.md, router or translator tables cannot be loaded.
    """
    from agent.llm import completer_from_settings
    from agent.runtime import Runtime

    parts = parts or EngineParts.load()
    completer = completer_from_settings(settings)  # one model client for router and translator
    try:
        async with Runtime.open(settings, transport=transport, sleep=sleep) as rt:
            yield Engine(
                rt,
                route=parts.route(settings, completer),
                translate=parts.translator(settings, completer),
                templates=parts.templates,
                progress=progress,
                sleep=sleep,
                clock=clock,
                output_dir=output_dir,
                export_name=export_name,
                journal=journal,
                output=output,
                media=media,
            )
    finally:
        if completer is not None:
            await completer.aclose()
