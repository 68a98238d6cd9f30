"""The `sse` action: send the message to the backend agent once and report what it did.

Never re-sends: a dropped stream is recovered by polling state; a run that ends with no text is
answered from a before/after state diff (re-read a few times while it is empty); a trailing
`ask_question` becomes the reply.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from contextlib import aclosing
from typing import TYPE_CHECKING, Any

import structlog

from agent.errors import APIError, StreamError, TransportError
from agent.handlers.base import ErrorInfo, HandlerContext, Reply
from agent.handlers.stream import RECOVERY_DELAYS, StreamReader, recover, with_ticks
from agent.log import redact
from agent.models import ProjectState
from agent.timeline import diff_timelines, parse_timeline

if TYPE_CHECKING:
    from agent.translate import Translation

__all__ = ["SETTLE_DELAYS", "handle_sse"]

SETTLE_DELAYS: tuple[float, ...] = (3.0, 3.0, 3.0)
"""After a silent run with no visible change: re-read state after each delay before saying so."""

_log = structlog.get_logger(__name__)


def _changes(before: ProjectState, after: ProjectState) -> list[Any]:
    old = parse_timeline(before.state.draft)
    new = parse_timeline(after.state.draft)
    return list(diff_timelines(old, new))


_EDIT_BY_STATUS = {"generating": "video", "music": "bgm", "editing": "edit"}


def _edits(reader: StreamReader, changes: Sequence[Any] = ()) -> tuple[str, ...]:
    """What the run changed: from its tool statuses and from the state diff, when there is one."""
    kinds = {_EDIT_BY_STATUS[s] for s in reader.statuses if s in _EDIT_BY_STATUS}
    kinds |= {str(c.segment.kind) for c in changes}
    return tuple(sorted(kinds))


def _answer(reader: StreamReader) -> Reply:
    if reader.failure is not None:
        # Keep what the run said and did, report the failure, and run no follow-up on top of it.
        message = redact(reader.failure)
        return Reply(
            "replies/backend_failed",
            {"texts": reader.texts, "tools": reader.tools, "message": message},
            ("sse",),
            error=ErrorInfo("backend_error", message),
            generated=reader.generated,
        )
    if reader.question is not None:
        context = {
            "texts": reader.texts,
            "question": reader.question.prompt,
            "options": list(reader.question.options),
            "tools": reader.tools,
        }
        question = reader.question
        return Reply(
            "replies/question",
            context,
            ("sse",),
            question=question.prompt,
            question_call=question.call_id or None,
        )
    return Reply(
        "replies/backend",
        {"texts": reader.texts, "tools": reader.tools},
        ("sse",),
        followups=tuple(reader.actions),
        generated=reader.generated,
        edits=_edits(reader),
    )


def _implied(reader: StreamReader, changes: Sequence[Any]) -> tuple[str, ...]:
    """The follow-ups of a run whose text was lost or never came: the translator's, else the
    export a generation implies once state shows a new video segment landed."""
    if reader.actions:
        return tuple(reader.actions)
    landed = any(c.kind == "added" and c.segment.kind == "video" for c in changes)
    return ("export",) if landed else ()


async def _silent(ctx: HandlerContext, before: ProjectState, reader: StreamReader) -> Reply:
    """Answer a run without text from the state diff, polling a little while it is empty."""
    after = await ctx.client.state(ctx.session_id)
    changes = _changes(before, after)
    for attempt, delay in enumerate(SETTLE_DELAYS, start=1):
        if changes:
            break
        # The state may land a moment after the stream closes (§4.8, whisk variant).
        await ctx.sleep(delay)
        ctx.notify.status("checking", attempt=attempt, attempts=len(SETTLE_DELAYS))
        after = await ctx.client.state(ctx.session_id)
        changes = _changes(before, after)
    return Reply(
        "replies/changes",
        {"changes": changes, "tools": reader.tools},
        ("sse",),
        followups=_implied(reader, changes),
        generated=reader.generated,
        edits=_edits(reader, changes),
    )


async def _recover(
    ctx: HandlerContext,
    before: ProjectState,
    reader: StreamReader,
    delays: tuple[float, ...] = RECOVERY_DELAYS,
) -> Reply:
    ctx.notify.status("reconnecting")

    def attempt(n: int, total: int) -> None:
        ctx.notify.status("checking", attempt=n, attempts=total)

    after = await recover(
        lambda: ctx.client.state(ctx.session_id),
        before,
        ctx.sleep,
        on_attempt=attempt,
        delays=delays,
    )
    if after is None:
        raise StreamError("the stream dropped and the session state did not change in time")
    changes = _changes(before, after)
    return Reply(
        "replies/recovered",
        {"texts": reader.texts, "changes": changes, "tools": reader.tools},
        ("sse",),
        followups=_implied(reader, changes),
        generated=reader.generated,
        edits=_edits(reader, changes),
    )


async def _baseline(ctx: HandlerContext) -> ProjectState:
    """The state before the message, for the diff; never blocks the message (an empty project
    when the read fails: a brand-new session may have no state the API can give yet)."""
    try:
        return await ctx.client.state(ctx.session_id)
    except (APIError, TransportError) as exc:
        _log.info("sse.no_baseline", error=type(exc).__name__, reason=redact(exc.message))
        return ProjectState(session_id=ctx.session_id)


def _refiner(ctx: HandlerContext) -> Callable[[str, Translation], Awaitable[Translation]] | None:
    """The translator's model stage, when the turn's translator has one."""
    from agent.translate import Translator

    translator = ctx.translate
    if isinstance(translator, Translator) and translator.completer is not None:
        return translator.refine
    return None


async def handle_sse(ctx: HandlerContext) -> Reply:
    """Post the user's message once, stream the run, and answer from text, state or a question.

    Raises:
        StreamError: The stream dropped and recovery saw no change after five reads.
        ServerError: The run failed before producing anything.
        APIError: The backend refused the message (e.g. 2001 insufficient credits).
    """
    reader = StreamReader(ctx.notify, ctx.translate, ctx.clock, refine=_refiner(ctx))
    prior = ctx.journal.posted() if ctx.journal is not None else None
    if prior is not None:
        # An earlier attempt of this job posted the message: never post it again, read state.
        _log.info("sse.resumed")
        before = ProjectState.model_validate(prior)
        return await _recover(ctx, before, reader, (0.0, *RECOVERY_DELAYS))
    before = await _baseline(ctx)
    if ctx.journal is not None:
        ctx.journal.posting(before.model_dump(mode="json", by_alias=True))
    ctx.notify.status("sending")
    try:
        stream = ctx.client.run_sse(ctx.session_id, ctx.text, answer_to=ctx.answering)
        async with aclosing(stream) as events:
            async for event in with_ticks(events, reader.tick):
                _log.debug(
                    "sse.event", kind=type(event).__name__, tool=getattr(event, "name", None)
                )
                await reader.take(event)
    except StreamError as exc:
        _log.info("sse.dropped", reason=exc.message, texts=len(reader.texts))
        return await _recover(ctx, before, reader)
    if reader.pending:
        # ADK never closes a finished run with a call unanswered: the stream was cut.
        _log.info("sse.cut", pending=len(reader.pending))
        return await _recover(ctx, before, reader)
    if reader.question is None and not reader.texts:
        return await _silent(ctx, before, reader)
    return _answer(reader)
