"""The turn engine: route -> handlers in order -> translator follow-ups -> one `TurnResult`.

Handlers return `Reply` data; this is the one place that renders it (templates, reply language =
the router's language). Errors become `errors/*` replies; nothing is ever re-sent.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import structlog

from agent.attachments import extract_attachments
from agent.errors import AgentError, SessionNotFoundError
from agent.files import write_atomic
from agent.handlers import build_registry
from agent.handlers.base import HandlerContext, Language, Reply
from agent.handlers.credits import LOW_BALANCE
from agent.handlers.upload import precheck_attachments
from agent.messages import error_reply
from agent.progress import Notifier, NullProgress, Progress
from agent.templates import Templates
from agent.turns import (
    FOLLOWUP_ACTIONS,
    TurnResult,
    failed_turn,
    merge_followups,
    message_context,
    next_steps,
    render_turn,
    session_language,
)

if TYPE_CHECKING:
    import httpx

    from agent.config import Settings
    from agent.models import Clock, Sleep
    from agent.output_options import OutputOptions
    from agent.router import Route
    from agent.runtime import Runtime
    from agent.translate import Translation

__all__ = [
    "FOLLOWUP_ACTIONS",
    "Engine",
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
        output: OutputOptions | None = None,
    ) -> None:
        self._rt = runtime
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
        message, files, language, actions = await self._plan(text, attachments, plan, language)
        if not text.strip() and not files and plan is None:
            return render_turn(self.templates, language, [Reply("replies/empty")], "", [])
        turn = _Turn(self, language, message, files)
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
        return render_turn(self.templates, language, turn.replies, turn.session_id, turn.done)

    async def _plan(
        self,
        text: str,
        attachments: Sequence[str],
        plan: Sequence[str] | None,
        language: Language | None,
    ) -> tuple[str, tuple[str, ...], Language, tuple[str, ...]]:
        """The message, files, reply language and actions of a turn; routes only when needed."""
        if plan is not None:
            if language is None:
                language = (await self._route(text, attachments)).language
            return text, tuple(attachments), language, tuple(plan)
        found = extract_attachments(text, exists=os.path.isfile)
        files = tuple(attachments) + found.attachments
        route = await self._route(text, files)
        message = found.text if found.attachments else text
        return message, files, language or route.language, tuple(route.actions)

    def _remember_question(self, turn: _Turn) -> None:
        asked = next((r.question for r in reversed(turn.replies) if r.question), None)
        if asked and turn.session_id:
            payload = {"session_id": turn.session_id, "question": asked}
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

    async def open(self, *, new: bool, actions: tuple[str, ...], planned: bool) -> None:
        """Open the session, then decide the plan (an unanswered question takes the message)."""
        engine = self.engine
        rt = engine._rt
        session = await rt.session(session_language(self.language), new=new)
        self.session_id, self.user_id = session.session_id, session.user_id
        if session.reset:
            self.replies.append(Reply("replies/session_reset"))
        if not planned and engine.pending_question(self.session_id):
            actions = ("upload", "sse") if self.files else ("sse",)
        self.queue = list(actions)
        notify = Notifier(engine.progress, engine.templates, self.language)
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
            translate=engine._translate,
            claim_link=lambda: rt.claim_link(session),
            output_dir=engine._output_dir,
            export_name=engine._export_name,
            output=engine._output,
        )

    async def run(self) -> None:
        """Run the queue in order, merging follow-ups after each step."""
        if "sse" in self.queue:
            await self._low_balance_hint()
        while self.queue:
            reply = await self._call(self.queue.pop(0))
            self.replies.append(reply)
            self.done.extend(reply.actions)
            if reply.question or reply.error:
                self.queue.clear()  # a question waits for the user; nothing runs on a failed run
                break
            # The translator has already told the user "I'll export the MP4 for you".
            allow = self.engine._rt.settings.auto_export
            self.queue, dropped = merge_followups(
                self.queue, reply.followups, self.done, allow_export=allow
            )
            if dropped:
                self.replies.append(Reply("replies/export_hint"))
        self._suggest()

    def _suggest(self) -> None:
        """After a turn that changed the timeline, suggest 2-3 next steps (§7.5)."""
        edits = {kind for reply in self.replies for kind in reply.edits}
        if not edits or any(r.question or r.error for r in self.replies):
            return
        steps = next_steps(edits, self.done)
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


@asynccontextmanager
async def open_engine(
    settings: Settings,
    *,
    progress: Progress | None = None,
    output_dir: Path | None = None,
    export_name: str | None = None,
    output: OutputOptions | None = None,
    sleep: Sleep = asyncio.sleep,
    clock: Clock = time.monotonic,
    transport: httpx.AsyncBaseTransport | None = None,
) -> AsyncIterator[Engine]:
    """Open a `Runtime` and build the engine with the real router and translator.

    Args:
        settings: Settings pointing at the API to use.
        progress: Where statuses and bars go (nothing shown by default).
        output_dir: Where exports land (default `settings.output_dir`, else the cwd).
        export_name: The exported MP4's file name (default: one made from the title).
        output: Output options for exports (`export --resolution ...`).
        sleep: Injected sleep for recovery waits and render polling.
        clock: Injected monotonic clock.
        transport: An httpx transport for the API (tests); default network.

    Raises:
        ConfigError: The SKILL.md, router or translator tables cannot be loaded.
    """
    from agent.gui_tables import load_gui_tables
    from agent.llm import completer_from_settings
    from agent.router import Router, build_keyword_router
    from agent.runtime import Runtime
    from agent.translate import translate

    tables = load_gui_tables()
    templates = Templates()
    router = Router(
        build_keyword_router(), completer=completer_from_settings(settings), templates=templates
    )
    async with Runtime.open(settings, transport=transport, sleep=sleep) as rt:
        yield Engine(
            rt,
            route=router.route,
            translate=functools.partial(translate, tables=tables),
            templates=templates,
            progress=progress,
            sleep=sleep,
            clock=clock,
            output_dir=output_dir,
            export_name=export_name,
            output=output,
        )
