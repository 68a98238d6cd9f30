"""Commands as thin clients of the worker: submit a job, wait a bounded time, print the result.

While waiting, status lines go to stderr (at least one every 20 s), backend text streams to stdout
in plain mode. SIGTERM or SIGINT stops only the waiting: the job goes on in the worker and stdout
still gets exactly one object with `--json` (`running` and the `job_id`). Stdout is never empty.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from agent.cli.common import CommandResult, CommonOptions, build_settings
from agent.cli.interrupt import EXIT_CODES, Interrupts
from agent.commands import error_line, error_payload
from agent.config import Settings
from agent.errors import AgentError
from agent.log import configure_logging, redact

if TYPE_CHECKING:
    from agent.output_options import OutputOptions
    from agent.templates import Language

__all__ = [
    "HEARTBEAT_S",
    "Heartbeat",
    "job_request",
    "print_wait",
    "run_job",
    "running_data",
    "wait_for_job",
    "wait_options",
    "wait_seconds",
    "worker_wanted",
]

F = TypeVar("F", bound=Callable[..., Any])

HEARTBEAT_S = 15.0
"""A quiet wait prints a line after this long (the worker ticks every 5 s: at most 20 s apart)."""


def wait_options(func: F) -> F:
    """Add `--wait SECONDS`, `--detach` and `--turn-id ID` to a command."""
    options = [
        click.option(
            "--wait",
            type=click.FloatRange(min=0),
            default=None,
            metavar="SECONDS",
            help="Answer 'running' with a job id after this long (default: 90 with --json, "
            "else until done); the job goes on in the background.",
        ),
        click.option("--detach", is_flag=True, help="Same as --wait 0: submit and return."),
        click.option(
            "--turn-id",
            default=None,
            metavar="ID",
            help="Your idempotency key: the same ID again attaches to that job, never re-sends.",
        ),
    ]
    decorated: Any = func
    for option in reversed(options):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]


def wait_seconds(
    opts: CommonOptions, wait: float | None, detach: bool
) -> Callable[[Settings], float | None]:
    """How long to wait: `--detach` 0, else `--wait`, else `NEMO_WAIT` (90) with `--json`, else
    until done (None)."""

    def pick(settings: Settings) -> float | None:
        if detach:
            return 0.0
        if wait is not None:
            return wait
        return float(settings.default_wait) if opts.json else None

    return pick


def worker_wanted(opts: CommonOptions) -> bool:
    """Run through the worker unless `NEMO_WORKER=false` or side effects are injected (tests)."""
    from agent.cli.planned import cli_deps

    if cli_deps().injected():
        return False
    try:
        return build_settings(opts).worker
    except AgentError:
        return True  # the job path reports the bad setting like every command


def job_request(
    settings: Settings,
    kind: str,
    *,
    text: str = "",
    attachments: tuple[str, ...] = (),
    new: bool = False,
    local: bool = False,
    output_dir: Path | None = None,
    export_name: str | None = None,
    lang: str | None = None,
    turn_id: str | None = None,
    output: OutputOptions | None = None,
) -> Any:
    """A `JobRequest` with the client's settings, cwd and an absolute output folder."""
    from agent.worker.protocol import JobRequest, settings_to_wire

    folder = (output_dir or settings.output_dir or Path.cwd()).expanduser().resolve()
    return JobRequest(
        kind=kind,  # type: ignore[arg-type]
        text=text,
        attachments=attachments,
        new=new,
        local=local or settings.backend == "local",
        lang=lang,
        output_dir=str(folder),
        export_name=export_name,
        turn_id=turn_id,
        cwd=str(Path.cwd()),
        settings=settings_to_wire(settings),
        output=dataclasses.asdict(output) if output is not None else None,
    )


@dataclass(slots=True)
class Heartbeat:
    """`on_progress` for the CLI: statuses to `err`, backend text to `out` (plain mode), and a
    `still working` line when nothing was printed for `every` seconds."""

    err: TextIO
    out: TextIO | None
    job_id: str
    language: str = "en"
    clock: Callable[[], float] = time.monotonic
    every: float = HEARTBEAT_S
    streamed: bool = False
    started: float = field(default=0.0)
    last: float = field(default=0.0)

    def __post_init__(self) -> None:
        self.started = self.last = self.clock()

    def __call__(self, event: dict[str, Any]) -> None:
        """Show one progress event."""
        kind, text = event.get("kind"), str(event.get("text") or "")
        now = self.clock()
        if kind == "stream":
            if self.out is not None:  # plain mode: as `turn` streams it (never to stderr)
                self.out.write(("\n" if self.streamed else "") + text + "\n")
                self.out.flush()
                self.streamed = True
                self.last = now
        elif kind == "status":
            self._line(text, now)
        elif now - self.last >= self.every:
            from agent.templates import Templates

            seconds = int(now - self.started)
            language: Language = "zh" if self.language == "zh" else "en"
            line = Templates().render(
                "status/job_waiting", language, job_id=self.job_id, seconds=seconds
            )
            self._line(line.strip(), now)

    def _line(self, text: str, now: float) -> None:
        self.last = now
        if text:
            self.err.write(text + "\n")
            self.err.flush()


async def wait_for_job(
    settings: Settings,
    job_id: str,
    wait: float | None,
    heartbeat: Heartbeat,
    *,
    backlog: bool,
    interrupts: Interrupts,
) -> tuple[Any, int | None]:
    """Wait for a job (None: until done); SIGTERM/SIGINT end the wait early (a second one ends
    the command at once, with `interrupts.last_words`).

    Returns:
        The `WaitResult`, and the signal that ended the wait (None if it ended by itself).
    """
    from agent.worker.client import WaitResult, WorkerClient

    client = WorkerClient(settings)

    async def waiting() -> WaitResult:
        chunk = 3600.0 if wait is None else wait
        while True:
            result = await client.wait_result(job_id, chunk, heartbeat, backlog=backlog)
            if result.done or wait is not None:
                return result

    task = asyncio.create_task(waiting())
    with interrupts.scope(lambda _signum: task.cancel()) as scope:
        try:
            return await task, None
        except asyncio.CancelledError:
            if scope.caught is None:
                raise
            return await _running_now(client, job_id), scope.caught


async def _running_now(client: Any, job_id: str) -> Any:
    """The job's state right now, after the wait was interrupted (a minimal one if the worker
    cannot answer)."""
    from agent.worker.client import WaitResult

    try:
        return await asyncio.wait_for(client.wait_result(job_id, 0.0), 5.0)
    except (AgentError, TimeoutError, OSError):
        return WaitResult(job_id, "running", running_data(job_id))


def running_data(job_id: str) -> dict[str, Any]:
    """The minimal `running` object of a job whose state is not known right now."""
    from agent.templates import Templates

    context = {"job_id": job_id, "status": "", "actions": [], "queued": False}
    reply = Templates().render("replies/running", "en", **context).strip()
    return {
        "status": "running",
        "job_id": job_id,
        "reply": reply,
        "language": "en",
        "actions": [],
        "files": [],
        "links": [],
        "session_id": "",
        "error": None,
    }


def print_wait(opts: CommonOptions, result: Any, heartbeat: Heartbeat, caught: int | None) -> None:
    """Print a wait's result and exit with its code (0 for `running`; 130/143 after a signal)."""
    if result.done:
        outcome = result.outcome
        if opts.json:
            click.echo(json.dumps(outcome.data, ensure_ascii=False))
            if outcome.error_line:
                click.echo(redact(outcome.text), err=True)
        elif outcome.error_line:
            click.echo(redact(outcome.text), err=True)
        else:
            rest = outcome.rest if heartbeat.streamed else outcome.text
            text = "\n" + rest if heartbeat.streamed and rest else rest
            if text:
                click.echo(text)
        code = outcome.exit_code
    else:
        if opts.json:
            click.echo(json.dumps(result.data, ensure_ascii=False))
        else:
            click.echo(result.data["reply"])
        code = 0
    if caught is not None:
        code = EXIT_CODES.get(caught, 1)
    if code:
        sys.exit(code)


def run_job(
    opts: CommonOptions,
    make: Callable[[Settings], Any],
    *,
    wait: Callable[[Settings], float | None],
    stream: bool,
    on_error: Callable[[AgentError, Settings | None], CommandResult] | None = None,
) -> None:
    """Submit the job `make` builds and wait for it (None: until done), then print and exit.

    Args:
        opts: The common options.
        make: Builds the `JobRequest` from the settings (may raise `UserInputError`).
        wait: Seconds to wait before answering `running` (None: until done), from the settings.
        stream: Write backend text to stdout as it arrives (plain mode).
        on_error: Words an error before the job was submitted (default: the one-line message).
    """
    if opts.verbose or opts.log_json:  # a thin client logs nothing otherwise (skip structlog)
        configure_logging(verbosity=opts.verbose, json=opts.log_json)
    with Interrupts() as interrupts:
        outcome = _submit(opts, make, wait, stream, on_error, interrupts)
        print_wait(opts, *outcome)


def _submit(
    opts: CommonOptions,
    make: Callable[[Settings], Any],
    wait: Callable[[Settings], float | None],
    stream: bool,
    on_error: Callable[[AgentError, Settings | None], CommandResult] | None,
    interrupts: Interrupts,
) -> tuple[Any, Heartbeat, int | None]:
    """Submit and wait; an error or an interruption before the job was submitted exits here."""
    settings: Settings | None = None
    try:
        settings = build_settings(opts)
        request = make(settings)
        seconds = wait(settings)
        live = stream and not opts.json
        waiting = _submit_and_wait(settings, request, seconds, live, interrupts, json_out=opts.json)
        return interrupts.run(waiting)
    except AgentError as exc:
        result = on_error(exc, settings) if on_error is not None else None
        click.echo(error_line(exc, settings), err=True)
        if opts.json:
            data = result.data if result is not None else error_payload(exc)
            click.echo(json.dumps({"status": "error", **data}, ensure_ascii=False))
        sys.exit(1)
    except KeyboardInterrupt:  # before the job was submitted
        click.echo("interrupted", err=True)
        if opts.json:
            message = "interrupted before the job was submitted"
            data = {
                "status": "error",
                "reply": message,
                "language": "en",
                "actions": [],
                "files": [],
                "links": [],
                "session_id": "",
                "error": {"code": "interrupted", "message": message},
            }
            click.echo(json.dumps(data))
        sys.exit(interrupts.exit_code)


async def _submit_and_wait(
    settings: Settings,
    request: Any,
    wait: float | None,
    stream: bool,
    interrupts: Interrupts,
    *,
    json_out: bool,
) -> tuple[Any, Heartbeat, int | None]:
    from agent.worker.client import WorkerClient

    submitted = await WorkerClient(settings).submit_result(request)
    job_id = submitted.job_id
    language = "zh" if any("\u4e00" <= c <= "\u9fff" for c in request.text) else "en"
    heartbeat = Heartbeat(sys.stderr, sys.stdout if stream else None, job_id, language)
    if wait == 0 or submitted.done:  # `--detach`, or a turn id that already finished
        return submitted, heartbeat, None
    if json_out:  # a second signal still leaves the one object stdout must carry
        interrupts.last_words = (json.dumps(running_data(job_id)) + "\n").encode("utf-8")
    result, caught = await wait_for_job(
        settings, job_id, wait, heartbeat, backlog=True, interrupts=interrupts
    )
    interrupts.last_words = b""
    return result, heartbeat, caught
