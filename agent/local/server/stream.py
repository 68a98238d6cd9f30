"""ADK `Event` JSON (Form A) for `/run_sse`, SSE framing, and the execution of one `Plan`.

The executor pushes events into a queue that the HTTP response drains; it runs as its own task,
so a client that disconnects does not stop the run (the draft still lands in state).
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Final, Protocol

from agent.local.config import HeartbeatForm
from agent.local.interpreter.plan import AskStep, Plan, TextStep, ToolStep

__all__ = [
    "END",
    "HEARTBEAT",
    "CreditLedger",
    "EventFactory",
    "PlanRunner",
    "QueueItem",
    "encode_event",
    "error_event",
    "heartbeat_bytes",
]

AUTHOR = "nemo_agent"
HEARTBEAT: Final = "heartbeat"
END: Final = "end"
QueueItem = dict[str, Any] | str
Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

_HEARTBEATS: dict[str, bytes] = {
    "json": b'data: {"type":"heartbeat"}\n\n',
    "comment": b": heartbeat\n\n",
    "empty": b"data: \n\n",
    "bare": b"data: heartbeat\n\n",
}


def encode_event(event: dict[str, Any]) -> bytes:
    """One SSE frame: `data: <compact JSON>` and a blank line (ADK framing)."""
    body = json.dumps(event, ensure_ascii=False, separators=(",", ":"))
    return f"data: {body}\n\n".encode()


def heartbeat_bytes(form: HeartbeatForm) -> bytes | None:
    """The keep-alive frame for a heartbeat form, or None when heartbeats are off."""
    return _HEARTBEATS.get(form)


def error_event(exc_type: str, message: str, *, now: float) -> dict[str, Any]:
    """The in-stream error google-adk 2.13 sends when the agent raises mid-run."""
    return {
        "error": f"{exc_type}: {message}",
        "error_details": {"error_type": exc_type, "error_message": message, "timestamp": now},
    }


@dataclass(frozen=True, slots=True)
class EventFactory:
    """Builds the Form A events of one invocation (same `invocationId` on all of them)."""

    clock: Clock
    invocation_id: str = ""

    @classmethod
    def new(cls, clock: Clock) -> EventFactory:
        """A factory for a new invocation `e-<uuid4>`."""
        return cls(clock=clock, invocation_id=f"e-{uuid.uuid4()}")

    def _event(self, role: str, part: dict[str, Any], **extra: Any) -> dict[str, Any]:
        # Key order and the four empty action dicts follow real ADK 2.13 bytes (samples/).
        return {
            "content": {"parts": [part], "role": role},
            "invocationId": self.invocation_id,
            "author": AUTHOR,
            "actions": {
                "stateDelta": {},
                "artifactDelta": {},
                "requestedAuthConfigs": {},
                "requestedToolConfirmations": {},
            },
            **extra,
            "nodeInfo": {"path": ""},
            "id": str(uuid.uuid4()),
            "timestamp": self.clock(),
        }

    def text(self, text: str) -> dict[str, Any]:
        """A model text event."""
        return self._event("model", {"text": text})

    def function_call(
        self, call_id: str, name: str, args: dict[str, Any], *, long_running: bool = False
    ) -> dict[str, Any]:
        """A model function-call event."""
        part = {"functionCall": {"id": call_id, "args": args, "name": name}}
        if long_running:
            return self._event("model", part, longRunningToolIds=[call_id])
        return self._event("model", part)

    def function_response(
        self, call_id: str, name: str, response: dict[str, Any]
    ) -> dict[str, Any]:
        """A function-response event (ADK gives these `role: "user"`)."""
        part = {"functionResponse": {"id": call_id, "name": name, "response": response}}
        return self._event("user", part)


def new_call_id() -> str:
    """A function-call id as ADK makes them."""
    return f"adk-{uuid.uuid4()}"


def ask_args(step: AskStep) -> dict[str, Any]:
    """The `ask_question` arguments (the MCP `questions` shape)."""
    options = [{"id": f"o{i}", "label": label} for i, label in enumerate(step.options, 1)]
    question = {"id": "q1", "prompt": step.question, "options": options, "allow_multiple": False}
    return {"questions": [question]}


class CreditLedger(Protocol):
    """What the runner needs from the credit ledger (the store satisfies it)."""

    def freeze(self, user_id: str, amount: int, ref: str) -> bool:
        """Reserve credits; False when short."""

    def settle(self, user_id: str, amount: int, ref: str, *, consume: bool) -> None:
        """Consume or release frozen credits."""


@dataclass(slots=True)
class PlanRunner:
    """Executes a plan step by step, emitting events and heartbeats into `emit`."""

    plan: Plan
    user_id: str
    events: EventFactory
    credits: CreditLedger
    save_draft: Callable[[dict[str, Any]], None]
    emit: Callable[[QueueItem], None]
    sleep: Sleep
    work_seconds: Callable[[str], float]
    heartbeat_s: float

    async def run(self) -> bool:
        """Run every step; an `AskStep` ends the run. False when a tool step could not run."""
        for step in self.plan.steps:
            if isinstance(step, ToolStep):
                if not await self._tool(step):
                    return False
            elif isinstance(step, TextStep):
                self.emit(self.events.text(step.text))
            else:
                call = self.events.function_call(
                    new_call_id(), "ask_question", ask_args(step), long_running=True
                )
                self.emit(call)
                return True
        return True

    async def _tool(self, step: ToolStep) -> bool:
        call_id = new_call_id()
        self.emit(self.events.function_call(call_id, step.name, step.args))
        if step.credits and not self.credits.freeze(self.user_id, step.credits, call_id):
            message = f"insufficient credits for {step.name}"
            self.emit(error_event("InsufficientCreditsError", message, now=self.events.clock()))
            return False
        try:
            await self._work(self.work_seconds(step.work))
            self.save_draft(step.draft)
        except BaseException:
            if step.credits:
                self.credits.settle(self.user_id, step.credits, call_id, consume=False)
            raise
        if step.credits:
            self.credits.settle(self.user_id, step.credits, call_id, consume=True)
        self.emit(self.events.function_response(call_id, step.name, step.result))
        return True

    async def _work(self, seconds: float) -> None:
        work = asyncio.ensure_future(self.sleep(seconds))
        try:
            while True:
                done, _ = await asyncio.wait({work}, timeout=self.heartbeat_s)
                if done:
                    work.result()
                    return
                self.emit(HEARTBEAT)
        finally:
            work.cancel()
