"""Folding one `/run_sse` stream into an outcome, and the disconnect-recovery poll. Pure logic.

`StreamReader` never shows tool calls: it reports what is happening, translates every text, and
reminds "still working" every two minutes of the injected clock. `recover` polls state per
protocol Part 0 (30 s, then every 60 s, five unchanged reads) with an injected sleep.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from agent.errors import ServerError
from agent.models import (
    Clock,
    ErrorEvent,
    SseEvent,
    TextEvent,
    ToolCallEvent,
    ToolResultEvent,
)
from agent.sse import is_temporary_issue

if TYPE_CHECKING:
    from agent.models import ProjectState, Sleep
    from agent.progress import Notifier
    from agent.translate import Translation

__all__ = [
    "RECOVERY_DELAYS",
    "REMINDER_INTERVAL_S",
    "Question",
    "StreamReader",
    "parse_question",
    "recover",
    "state_changed",
    "tool_status",
    "with_ticks",
]

E = TypeVar("E")
REMINDER_INTERVAL_S = 120.0
TICK_S = 10.0
"""How often (real seconds) a quiet stream checks whether a "still working" reminder is due."""
RECOVERY_DELAYS: tuple[float, ...] = (30.0, 60.0, 60.0, 60.0, 60.0)
"""Wait 30 s, read state; then every 60 s; give up after five unchanged reads (§4.10)."""

_STATUS_BY_WORD: tuple[tuple[tuple[str, ...], str], ...] = (
    (("generate_video", "seedance", "image_to_video", "generate"), "generating"),
    (("music", "audio", "voiceover", "suno"), "music"),
    (("edit", "draft", "multitrack"), "editing"),
)


@dataclass(frozen=True, slots=True)
class Question:
    """A clarifying question from the backend's `ask_question` tool."""

    prompt: str
    options: tuple[str, ...] = ()
    call_id: str = ""
    """The `ask_question` call's id (ADK events carry one; the answer goes back with it)."""


def tool_status(name: str) -> str:
    """The status template for a tool name: generating, music, editing or working."""
    lowered = name.lower()
    for words, status in _STATUS_BY_WORD:
        if any(word in lowered for word in words):
            return status
    return "working"


def parse_question(args: Mapping[str, Any]) -> Question:
    """Read `ask_question` args: MCP shape `questions[{prompt, options[{label}]}]` or `question`."""
    questions = args.get("questions")
    first: Mapping[str, Any] = {}
    if isinstance(questions, list) and questions and isinstance(questions[0], Mapping):
        first = questions[0]
    prompt = first.get("prompt") or args.get("question") or args.get("prompt") or ""
    raw_options = first.get("options") or args.get("options") or []
    options = tuple(
        str(o.get("label") or o.get("id")) if isinstance(o, Mapping) else str(o)
        for o in raw_options
        if o
    )
    return Question(prompt=str(prompt), options=options)


@dataclass(slots=True)
class StreamReader:
    """Accumulates a run's events; shows statuses and translated text through the notifier."""

    notify: Notifier
    translate: Callable[[str], Translation]
    clock: Clock
    refine: Callable[[str, Translation], Awaitable[Translation]] | None = None
    """The translator's model stage for a text the rules left whole (`Translator.refine`)."""
    started: float = 0.0
    texts: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    """Names of the tools the run called, in order (never shown; `send --json` reports them)."""
    question: Question | None = None
    generated: bool = False
    tool_results: int = 0
    pending: set[str] = field(default_factory=set)
    """Tool calls without a result yet: a stream that closes now was cut, not finished."""
    failure: str | None = None
    """An error event that arrived after useful output: the run stopped part-way (§0)."""
    _statuses: set[str] = field(default_factory=set)
    _reminders: int = 0

    def __post_init__(self) -> None:
        self.started = self.clock()

    @property
    def statuses(self) -> frozenset[str]:
        """The kinds of work the run's tool calls showed (generating, music, editing, working)."""
        return frozenset(self._statuses)

    @property
    def normal_output(self) -> bool:
        """Something useful already arrived (text or a finished tool)."""
        return bool(self.texts) or self.tool_results > 0

    def feed(self, event: SseEvent) -> None:
        """Fold one event in (heartbeats only drive the reminder).

        Raises:
            ServerError: The run failed before producing anything useful.
        """
        self._remind()
        if isinstance(event, TextEvent):
            self._text(event)
        elif isinstance(event, ToolCallEvent):
            self._tool_call(event)
        elif isinstance(event, ToolResultEvent):
            self.tool_results += 1
            self.pending.discard(event.id)
        elif isinstance(event, ErrorEvent):
            if not self.normal_output:
                raise ServerError(f"the backend run failed: {event.message}")
            self.failure = self.failure or event.message

    def tick(self) -> None:
        """Time passed with no event: show the "still working" reminder if one is due."""
        self._remind()

    def _remind(self) -> None:
        elapsed = self.clock() - self.started
        due = int(elapsed // REMINDER_INTERVAL_S)
        if due > self._reminders:
            self._reminders = due
            self.notify.status("still_working", minutes=int(elapsed // 60))

    async def take(self, event: SseEvent) -> None:
        """`feed`, with a text the rules leave whole read by the model stage first (`refine`,
        bounded; the rule result on any failure).

        Raises:
            ServerError: The run failed before producing anything useful.
        """
        if self.refine is None or not isinstance(event, TextEvent) or not self._shown(event):
            self.feed(event)
            return
        self._remind()
        self._show(await self.refine(event.text, self.translate(event.text)))

    def _shown(self, event: TextEvent) -> bool:
        if event.partial or not event.text.strip():
            return False  # partial chunks are followed by the aggregate; never show both
        # the spurious trailing "temporary issue" after a normal run (§0)
        return not (self.normal_output and is_temporary_issue(event.text))

    def _text(self, event: TextEvent) -> None:
        if self._shown(event):
            self._show(self.translate(event.text))

    def _show(self, result: Translation) -> None:
        self.question = None
        for action in result.actions:
            if action not in self.actions:
                self.actions.append(action)
        if result.text.strip():
            self.texts.append(result.text.strip())
            self.notify.stream(result.text.strip())

    def _tool_call(self, event: ToolCallEvent) -> None:
        if event.name == "ask_question":
            self.question = replace(parse_question(event.args), call_id=event.id)
            return
        self.pending.add(event.id)
        self.tools.append(event.name)
        status = tool_status(event.name)
        self.generated = self.generated or status == "generating"
        if status not in self._statuses:
            self._statuses.add(status)
            self.notify.status(status)


async def with_ticks(
    events: AsyncIterator[E], tick: Callable[[], None], every: float = TICK_S
) -> AsyncIterator[E]:
    """`events`, calling `tick` every `every` seconds while no event arrives.

    The reminder must not depend on the server's keep-alives: a cloud whose heartbeats we do not
    recognise (or that sends none) still gets "still working" every two minutes. The pending
    `anext` is never cancelled by a tick, so the stream is not disturbed.
    """
    iterator = aiter(events)
    while True:
        step = asyncio.ensure_future(anext(iterator))
        try:
            while not (await asyncio.wait({step}, timeout=every))[0]:
                tick()
        except BaseException:
            step.cancel()
            await asyncio.wait({step})  # let the stream finish unwinding before it is closed
            raise
        try:
            event = step.result()
        except StopAsyncIteration:
            return
        yield event


def _fingerprint(state: ProjectState) -> tuple[int, str]:
    draft = json.dumps(state.state.draft, sort_keys=True, default=str)
    return len(state.state.video_infos), draft


def state_changed(before: ProjectState, after: ProjectState) -> bool:
    """A change is a new `video_infos` entry or a different draft (§4.10)."""
    return _fingerprint(before) != _fingerprint(after)


async def recover(
    read_state: Callable[[], Awaitable[ProjectState]],
    before: ProjectState,
    sleep: Sleep,
    *,
    on_attempt: Callable[[int, int], None] | None = None,
    delays: tuple[float, ...] = RECOVERY_DELAYS,
) -> ProjectState | None:
    """Poll state after a dropped stream until it differs from `before`; never re-sends.

    Args:
        read_state: Reads the session state.
        before: The state read before the message was sent.
        sleep: Injected sleep.
        on_attempt: Called with (attempt, attempts) before each read.
        delays: Seconds to wait before each read.

    Returns:
        The changed state, or None after `len(delays)` unchanged reads.
    """
    for attempt, delay in enumerate(delays, start=1):
        await sleep(delay)
        if on_attempt is not None:
            on_attempt(attempt, len(delays))
        after = await read_state()
        if state_changed(before, after):
            return after
    return None
