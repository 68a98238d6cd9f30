"""The chat's turns as background jobs: the same `run_turn` the REPL calls, run by the worker.

Ctrl-C stops only the waiting: the job goes on in the worker and the chat says how to get its
result (`nemo-agent wait JOB_ID`, or ask for the status).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from agent.cli.jobrun import job_request
from agent.config import Settings
from agent.progress import Progress
from agent.templates import Language, Templates

__all__ = ["ChatResult", "WorkerTurns"]

_KINDS: dict[tuple[str, ...], str] = {
    ("export",): "export",
    ("credits",): "credits",
    ("state",): "state",
    ("upload",): "upload",
}


@dataclass(frozen=True, slots=True)
class ChatResult:
    """What the chat shows of a finished job (the fields of `TurnResult` it reads)."""

    language: Language
    question: str | None
    parts: tuple[str, ...]
    unstreamed: tuple[str, ...]


class WorkerTurns:
    """`Engine.run_turn` for the chat, through the worker; `detached` is the job a Ctrl-C left."""

    def __init__(self, settings: Settings, progress: Progress, templates: Templates) -> None:
        self.settings = settings
        self.progress = progress
        self.templates = templates
        self.detached: str | None = None

    def _on_progress(self, event: dict[str, Any]) -> None:
        if event.get("kind") == "status":
            self.progress.status(str(event.get("text") or ""))
        elif event.get("kind") == "stream":
            self.progress.stream(str(event.get("text") or ""))

    async def run_turn(
        self,
        text: str,
        attachments: Sequence[str] = (),
        *,
        new: bool = False,
        plan: Sequence[str] | None = None,
        language: Language | None = None,
    ) -> ChatResult:
        """Submit the turn (or meta-command) as a job and wait for it; a cancelled wait leaves
        the job running (its id in `detached`)."""
        from agent.worker.client import WorkerClient

        if plan is None:
            kind = "turn"
        elif not plan:  # /new: open the new session (shown as the state of the empty project)
            kind = "state"
        else:
            kind = _KINDS[tuple(plan)]
        request = job_request(
            self.settings,
            kind,
            text=text,
            attachments=tuple(attachments),
            new=new,
            lang=language if plan is not None else None,
        )
        client = WorkerClient(self.settings)
        job_id = await client.submit(request)
        self.detached = job_id
        while True:
            result = await client.wait_result(job_id, 3600.0, self._on_progress, backlog=True)
            if result.outcome is not None:
                break
        self.detached = None
        outcome = result.outcome
        data = outcome.data
        reply_language: Language = "zh" if data.get("language") == "zh" else "en"
        if outcome.error_line:
            print(outcome.text, file=sys.stderr)
            return ChatResult(reply_language, None, (), ())
        if not plan and plan is not None:
            return ChatResult(reply_language, None, (), ())
        return ChatResult(reply_language, outcome.question, (outcome.text,), (outcome.rest,))
