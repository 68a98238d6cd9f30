"""Direct commands as planned turns: one fixed action through the turn engine, then the result.

The engine and handlers do the work and `prompts/` words the reply, exactly as for `turn` and the
chat's meta-commands; this module only packages the result as a `CommandResult`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from agent.cli.common import CommandResult, CommonOptions, run_command
from agent.commands import Shape, printed_result
from agent.config import Settings

if TYPE_CHECKING:
    from agent.engine import TurnResult
    from agent.output_options import OutputOptions
    from agent.templates import Language

__all__ = ["CliDeps", "Planned", "Shape", "cli_deps", "command_result", "run_planned"]


@dataclass(frozen=True, slots=True)
class CliDeps:
    """Injected side effects; pass as click's `obj` (tests use an httpx.MockTransport)."""

    transport: Any = None
    sleep: Any = None
    clock: Any = None

    def injected(self) -> dict[str, Any]:
        """The side effects that were set, as keyword arguments for the runtime or engine."""
        pairs = (("transport", self.transport), ("sleep", self.sleep), ("clock", self.clock))
        return {name: value for name, value in pairs if value is not None}


@dataclass(frozen=True, slots=True)
class Planned:
    """One direct command as a turn with a fixed plan.

    Attributes:
        action: The one action to run (`credits`, `state`, `upload`, `export`, `sse`).
        language: The reply language.
        text: The message (`sse`), sent as typed.
        attachments: Paths and URLs (`upload`).
        new: Start a new session first.
        stream: Write the backend's text to stdout as it arrives.
        output_dir: Where the MP4 goes (`export`; default NEMO_OUTPUT_DIR, else the cwd).
        export_name: The MP4's file name (`export -o FILE.mp4`).
        output: Output options (`export --resolution/--quality/--fps/--format`).
    """

    action: str
    language: Language
    text: str = ""
    attachments: tuple[str, ...] = ()
    new: bool = False
    stream: bool = False
    output_dir: Path | None = None
    export_name: str | None = None
    output: OutputOptions | None = None


def cli_deps() -> CliDeps:
    """The `CliDeps` given as click's `obj`, else the real ones."""
    ctx = click.get_current_context(silent=True)
    found = ctx.find_object(CliDeps) if ctx is not None else None
    return found or CliDeps()


async def _turn(settings: Settings, deps: CliDeps, request: Planned) -> tuple[TurnResult, bool]:
    """Run the request through the engine; returns the result and whether text was streamed."""
    from agent.engine import open_engine
    from agent.progress import LineProgress

    progress = LineProgress(sys.stderr, text_out=sys.stdout if request.stream else None)
    async with open_engine(
        settings,
        progress=progress,
        output_dir=request.output_dir,
        export_name=request.export_name,
        output=request.output,
        **deps.injected(),
    ) as engine:
        result = await engine.run_turn(
            request.text,
            request.attachments,
            new=request.new,
            plan=(request.action,),
            language=request.language,
            raise_errors=True,
        )
    return result, progress.streamed


def command_result(
    result: TurnResult, action: str, shape: Shape, *, streamed: bool = False
) -> CommandResult:
    """`agent.commands.printed_result` as a `CommandResult`.

    Raises:
        UserInputError: The handler declined without an error (nothing to export yet).
    """
    done = printed_result(result, action, shape, streamed=streamed)
    return CommandResult(text=done.text, data=done.data, exit_code=done.exit_code)


def run_planned(
    opts: CommonOptions,
    make: Callable[[Settings], Planned],
    shape: Shape,
    *,
    wait: float | None = None,
    detach: bool = False,
    turn_id: str | None = None,
) -> None:
    """Run a direct command: build its request from the settings, run it, print the result.

    In the background worker (the default) as a job, else inside the command.

    Args:
        opts: The common options.
        make: Builds the request (may raise `UserInputError` for bad arguments).
        shape: The command's own `--json` keys.
        wait: `--wait` (seconds before answering `running`).
        detach: `--detach` (`--wait 0`).
        turn_id: `--turn-id`, the caller's idempotency key.
    """
    from agent.cli.jobrun import job_request, run_job, wait_seconds, worker_wanted

    if worker_wanted(opts):

        def request(settings: Settings) -> Any:
            planned = make(settings)
            kind = "send" if planned.action == "sse" else planned.action
            return job_request(
                settings,
                kind,
                text=planned.text,
                attachments=planned.attachments,
                new=planned.new,
                local=opts.local,
                output_dir=planned.output_dir,
                export_name=planned.export_name,
                lang=planned.language,
                turn_id=turn_id,
                output=planned.output,
            )

        run_job(opts, request, wait=wait_seconds(opts, wait, detach), stream=True)
        return
    deps = cli_deps()

    async def body(settings: Settings) -> CommandResult:
        request = make(settings)
        result, streamed = await _turn(settings, deps, request)
        return command_result(result, request.action, shape, streamed=streamed)

    run_command(opts, body)
