"""Keep-alives the cloud may send, and the "still working" reminder driven by a timer (R7).

The timer runs on the event loop; elapsed time comes from the injected fake clock, so nothing
here depends on how fast the machine is: the stream only moves on once the reminder was shown.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import structlog

from agent.handlers.stream import StreamReader, with_ticks
from agent.models import HeartbeatEvent, SseEvent, TextEvent
from agent.progress import Notifier, RecordingProgress
from agent.sse import EventParser
from agent.templates import Templates
from agent.translate import translate
from tests.fakes import FakeClock

pytestmark = pytest.mark.integration


def test_bare_keep_alive_words_are_heartbeats_and_not_warned_about() -> None:
    parser = EventParser()
    chunk = b'data: heartbeat\n\ndata: ping\n\ndata: "heartbeat"\n\n: comment\n\ndata:\n\n'
    with structlog.testing.capture_logs() as logs:
        events = parser.feed(chunk)
    assert events == [HeartbeatEvent()] * 5
    assert logs == []


class _Progress(RecordingProgress):
    def __init__(self, shown: asyncio.Event) -> None:
        super().__init__()
        self.shown = shown

    def status(self, text: str) -> None:
        super().status(text)
        if text.startswith("⏳"):
            self.shown.set()


async def test_a_silent_stream_still_gets_the_reminder_every_two_minutes() -> None:
    clock = FakeClock()
    shown = asyncio.Event()
    progress = _Progress(shown)
    reader = StreamReader(Notifier(progress, Templates(), "en"), translate, clock)

    async def silent_then_text() -> AsyncIterator[SseEvent]:
        clock.advance(125)  # a long generation with no bytes at all
        await shown.wait()  # nothing arrives until the reminder was shown
        yield TextEvent("Your video is ready.")

    async with asyncio.timeout(30):
        got = [event async for event in with_ticks(silent_then_text(), reader.tick, every=0.001)]
    assert got == [TextEvent("Your video is ready.")]
    reminders = [text for kind, text in progress.events if kind == "status"]
    assert reminders == ["⏳ Still working... (2 min)"]


async def test_ticks_never_cancel_the_pending_read() -> None:
    arrived = asyncio.Event()
    ticks: list[int] = []

    async def slow() -> AsyncIterator[int]:
        await arrived.wait()
        yield 1
        yield 2

    def tick() -> None:
        ticks.append(1)
        if len(ticks) == 3:
            arrived.set()

    async with asyncio.timeout(30):
        got = [event async for event in with_ticks(slow(), tick, every=0.001)]
    assert got == [1, 2]
    assert len(ticks) >= 3
