"""A running job's in-memory side: its progress events and its waiters.

The ledger is the record; `LiveJob` only lets waiters connected to this worker see progress as
it happens and wake up the moment the job ends.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

__all__ = ["LiveJob"]


@dataclass(slots=True)
class LiveJob:
    """Progress events (`status` lines, `stream` text) and the end of one job in this worker."""

    job_id: str
    events: list[dict[str, Any]] = field(default_factory=list)
    session_id: str | None = None
    actions: tuple[str, ...] = ()
    done: asyncio.Event = field(default_factory=asyncio.Event)
    _queues: list[asyncio.Queue[dict[str, Any]]] = field(default_factory=list)
    task: asyncio.Task[tuple[str, Any]] | None = None
    cancel_requested: bool = False

    def emit(self, kind: str, text: str) -> None:
        """Record an event and hand it to every subscriber."""
        event = {"event": "progress", "kind": kind, "text": text}
        self.events.append(event)
        for queue in self._queues:
            queue.put_nowait(event)

    def subscribe(self, *, backlog: bool) -> asyncio.Queue[dict[str, Any]]:
        """A queue of events from now on (with `backlog`, every earlier one first)."""
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        if backlog:
            for event in self.events:
                queue.put_nowait(event)
        self._queues.append(queue)
        return queue

    @property
    def followed(self) -> bool:
        """Someone waits on this job (a `wait` follows its events)."""
        return bool(self._queues)

    def unsubscribe(self, queue: asyncio.Queue[dict[str, Any]]) -> None:
        """Stop handing events to `queue`."""
        if queue in self._queues:
            self._queues.remove(queue)

    def last_status(self) -> str:
        """The latest status line, or ''."""
        return next((e["text"] for e in reversed(self.events) if e["kind"] == "status"), "")
