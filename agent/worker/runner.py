"""Runs one job through the turn engine inside the worker, journaling each step in the ledger.

The engine, handlers and templates are the ones `turn` uses; what stays warm across jobs is the
compiled router, the GUI tables, the templates and the embedded local backend.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import structlog

from agent import DISTRIBUTION
from agent.config import Settings
from agent.errors import AgentError, ConfigError
from agent.handlers.base import Earlier
from agent.worker.ledger import Job, Ledger
from agent.worker.live import LiveJob
from agent.worker.protocol import JobRequest, Outcome, settings_from_wire

if TYPE_CHECKING:
    from agent.child_call import ChildCalls
    from agent.engine import EngineParts
    from agent.output_options import OutputOptions
    from agent.worker.links import LinkPages

__all__ = ["Backends", "LedgerJournal", "Runner", "job_language"]

_EARLIER_KEYS = ("done", "queue", "texts", "files", "links")

_log = structlog.get_logger(__name__)


def job_language(request: JobRequest, settings: Settings) -> str:
    """The language a job's running replies use: its text's, else `--lang`, else the session's."""
    from agent.commands import language_of, reply_language

    if request.kind in ("turn", "send") and request.text.strip():
        return language_of(request.text)
    return reply_language(settings, request.lang)


class Backends:
    """Embedded local backends kept running for the worker's life, one per fault spec.

    Their browser links go through `LinkPages` (`links`), which say so when the worker is gone.
    They share one `ChildCalls` (`media`) with the exports' previews: the child that rendered a
    file reads it for the previews next, and stays the spare for the next turn.
    """

    def __init__(self, links: LinkPages | None = None) -> None:
        self._stack = ExitStack()
        self._urls: dict[str | None, str] = {}
        self._links = links
        self._links_written = False
        self.media: ChildCalls | None = None
        """The media children (render, probe, previews), made with the first backend."""

    def web_url(self, language: str, url: str) -> str:
        """The `web_url` for jobs on the backend at `url`: through the link page when there is
        one (written on first use; when it cannot be written, links lead straight to `url`)."""
        if self._links is None:
            return url
        if not self._links_written:
            try:
                self._links.write()
            except OSError as exc:
                _log.warning("cannot write the link pages", error=str(exc))
                return url
            self._links_written = True
        return self._links.web_url(language, url)

    def url(self, settings: Settings) -> str:
        """The URL of the embedded backend for these settings, started on first use.

        Raises:
            ConfigError: The `local` extra is missing, or the backend cannot start.
        """
        key = settings.faults
        if key not in self._urls:
            try:
                from agent.local.server.loopback import embedded_backend
            except ImportError as exc:  # the `local` extra is not installed
                raise ConfigError(
                    "the local backend needs the 'local' extra: "
                    f"pip install '{DISTRIBUTION}[local]'"
                ) from exc
            if self.media is None:
                from agent.child_call import MEDIA_MODULES, ChildCalls
                from agent.local.server.backend import Deps

                self.media = ChildCalls(preload=MEDIA_MODULES)
                self._stack.callback(self.media.close)
            deps = Deps(children=self.media)
            self._urls[key] = self._stack.enter_context(embedded_backend(settings, deps))
        return self._urls[key]

    def close(self) -> None:
        """Stop every backend and their media children."""
        self._stack.close()
        self._urls.clear()
        self.media = None


@dataclass(slots=True)
class LedgerJournal:
    """The engine's `Journal` for one attempt of one job: writes through to the ledger."""

    ledger: Ledger
    job: Job
    live: LiveJob

    def opened(self, session_id: str) -> None:
        """Record the session."""
        self.ledger.opened(self.job.id, session_id)
        self.live.session_id = session_id

    def posting(self, before: dict[str, Any]) -> None:
        """Record the state read just before the message goes out."""
        self.ledger.posting(self.job.id, before)

    def posted(self) -> dict[str, Any] | None:
        """The state an earlier attempt read before it posted, if it did."""
        return self.job.posted

    def step(self, progress: Earlier) -> None:
        """Record how far the turn got."""
        self.ledger.step(self.job.id, progress.done, dataclasses.asdict(progress))
        self.live.actions = progress.done

    def earlier(self) -> Earlier | None:
        """Where an earlier attempt stopped."""
        data = self.job.earlier
        if not data:
            return None
        return Earlier(**{key: tuple(data.get(key) or ()) for key in _EARLIER_KEYS})


@dataclass(slots=True)
class JobProgress:
    """The engine's `Progress` for a job: events for waiters, the last status in the ledger."""

    live: LiveJob
    on_status: Callable[[str], None]
    _bars: dict[str, int] = field(default_factory=dict)

    def status(self, text: str) -> None:
        """A status line."""
        self.live.emit("status", text)
        self.on_status(text)

    def stream(self, text: str) -> None:
        """Backend text as it arrives."""
        self.live.emit("stream", text)

    def bar(self, label: str, completed: float, total: float | None) -> None:
        """A bar, as `label: NN%` status lines in 10 % steps."""
        if not total:
            return
        step = max(0, min(100, int(completed * 100 / total))) // 10 * 10
        if self._bars.get(label, -1) < step:
            self._bars[label] = step
            self.status(f"{label}: {step}%")

    def bar_done(self, label: str) -> None:
        """Forget the bar."""
        self._bars.pop(label, None)


@dataclass(slots=True)
class Runner:
    """Runs jobs; holds what stays warm between them.

    Attributes:
        base: The worker's own settings (secrets for resumed jobs, defaults).
        ledger: The job ledger.
        backends: The embedded local backends.
        job_log: Where a job's log goes.
    """

    base: Settings
    ledger: Ledger
    backends: Backends
    job_log: Callable[[str], Path]
    _parts: EngineParts | None = None

    def _warm(self) -> EngineParts:
        """The router's tables and model, the GUI tables and the templates, built once."""
        if self._parts is None:
            from agent.engine import EngineParts

            self._parts = EngineParts.load()
        return self._parts

    def warm(self) -> None:
        """Compile the router and load the tables now (the worker does it at start)."""
        self._warm()

    def settings_for(self, request: JobRequest) -> Settings:
        """The job's settings: the client's, secrets from the worker when the ledger had none."""
        settings = settings_from_wire(request.settings or {}, self.base)
        if request.local:
            settings = settings.with_overrides(backend="local")
        return settings

    async def run(self, job: Job, live: LiveJob) -> tuple[str, Outcome]:
        """Run one attempt of `job`; returns its final status and outcome (never raises for an
        `AgentError`; a cancellation propagates)."""
        request = job.request
        settings = self.settings_for(request)
        log = _JobLog(self.job_log(job.id))
        progress = JobProgress(live, on_status=lambda line: self._status(job.id, line, log))
        try:
            if request.cwd and request.kind not in ("credits", "state"):
                with contextlib.suppress(OSError):  # paths in the text are the client's
                    os.chdir(request.cwd)  # (jobs that take paths run one at a time)
            if settings.backend == "local":
                url = await asyncio.to_thread(self.backends.url, settings)
                web_url = self.backends.web_url(job_language(request, settings), url)
                settings = settings.with_overrides(api_url=url, web_url=web_url)
            outcome = await self._engine_run(job, settings, progress, live)
        except AgentError as exc:
            outcome = _early_failure(request, exc, settings)
        log.write(f"finished: exit {outcome.exit_code}" + _error_text(outcome))
        return ("ok" if outcome.exit_code == 0 else "error"), outcome

    def _status(self, job_id: str, line: str, log: _JobLog) -> None:
        self.ledger.progress(job_id, line)
        log.write(line)

    async def _engine_run(
        self, job: Job, settings: Settings, progress: JobProgress, live: LiveJob
    ) -> Outcome:
        from agent.engine import open_engine

        request = job.request
        output_dir = Path(request.output_dir) if request.output_dir else settings.output_dir
        new = request.new and job.session_id is None  # a resumed job keeps its session
        async with open_engine(
            settings,
            parts=self._warm(),
            output=_output_options(request.output),
            progress=progress,
            output_dir=output_dir,
            export_name=request.export_name,
            journal=LedgerJournal(self.ledger, job, live),
            media=self.backends.media if settings.backend == "local" else None,
        ) as engine:
            if request.kind == "turn":
                result = await engine.run_turn(request.text, request.attachments, new=new)
                code = 0 if result.ok else 1
                data = result.as_json()
                return Outcome(data, result.reply, result.rest, code, question=result.question)
            return await _planned(engine, request, settings, new)


async def _planned(engine: Any, request: JobRequest, settings: Settings, new: bool) -> Outcome:
    from agent.commands import ACTIONS, SHAPES, language_of, printed_result, reply_language

    action = ACTIONS[request.kind]
    language: Any
    if request.lang in ("en", "zh"):
        language = request.lang
    elif request.kind == "send":
        language = language_of(request.text)
    else:
        language = reply_language(settings, request.lang)
    result = await engine.run_turn(
        request.text,
        request.attachments,
        new=new,
        plan=(action,),
        language=language,
        raise_errors=True,
    )
    shape = SHAPES[request.kind]
    whole = printed_result(result, action, shape)
    rest = printed_result(result, action, shape, streamed=True)
    status = "ok" if whole.exit_code == 0 else "error"
    return Outcome({"status": status, **whole.data}, whole.text, rest.text, whole.exit_code)


def _early_failure(request: JobRequest, exc: AgentError, settings: Settings) -> Outcome:
    """A job that failed before its turn could start, worded as the command would word it."""
    from agent.commands import error_line, error_payload
    from agent.turns import failed_turn

    line = error_line(exc, settings)
    if request.kind == "turn":
        result = failed_turn(exc, request.text, settings)
        return Outcome(result.as_json(), result.reply, result.reply, 1)
    return Outcome({"status": "error", **error_payload(exc)}, line, line, 1, error_line=True)


def _error_text(outcome: Outcome) -> str:
    error = outcome.data.get("error")
    if isinstance(error, dict):
        return f" ({error.get('code')}: {error.get('message')})"
    return ""


@dataclass(frozen=True, slots=True)
class _JobLog:
    """Appends timestamped lines to a job's log file (never a token: lines are redacted)."""

    path: Path

    def write(self, line: str) -> None:
        from agent.log import redact

        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        with self.path.open("a", encoding="utf-8") as out:
            out.write(f"{stamp} {redact(line)}\n")


def _output_options(data: dict[str, Any] | None) -> OutputOptions | None:
    """The job's `OutputOptions` (None when the export asked for nothing in particular)."""
    if not data:
        return None
    from agent.output_options import OutputOptions

    return OutputOptions(**data)
