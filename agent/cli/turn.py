"""`nemo-agent turn`: one conversational turn for agent hosts and scripts; continues the session.

stdout carries the reply, the backend's text as it arrives (or exactly one JSON object with
`--json`); progress goes to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import click

from agent.cli.common import CommandResult, CommonOptions, common_options, run_command
from agent.cli.jobrun import job_request, run_job, wait_options, wait_seconds, worker_wanted
from agent.config import Settings
from agent.errors import AgentError, UserInputError

__all__ = ["EMPTY_TURN", "turn"]

EMPTY_TURN = (
    "nothing to do: say what to make, e.g. "
    'nemo-agent turn --attach photo.jpg "turn this photo into a 5-second video"'
)
"""The refusal for a turn with no text (or only spaces) and no attachment."""


async def run_turn(
    settings: Settings,
    text: str,
    attachments: tuple[str, ...],
    *,
    new: bool,
    output: Path | None,
    stream_to: TextIO | None = None,
    open_engine: Callable[..., Any] | None = None,
) -> CommandResult:
    """Run one turn against the API in `settings` and package the result for `run_command`.

    Args:
        settings: Settings pointing at the API to use.
        text: The user's message.
        attachments: Paths and URLs to attach.
        new: Start a new session first.
        output: Where exported MP4s go.
        stream_to: Where backend text goes as it arrives (plain `turn`: stdout); the result's
            text is then only what was not streamed. None (`--json`): nothing is streamed.
        open_engine: Engine factory (default `agent.engine.open_engine`).
    """
    from agent.engine import failed_turn
    from agent.engine import open_engine as default_open
    from agent.progress import LineProgress

    progress = LineProgress(sys.stderr, text_out=stream_to)
    factory = open_engine or default_open
    try:
        async with factory(settings, progress=progress, output_dir=output) as engine:
            result = await engine.run_turn(text, attachments, new=new)
    except AgentError as exc:  # before the turn could start: keep the full JSON shape
        result = failed_turn(exc, text, settings)
    rest = result.rest if progress.streamed else result.reply
    return CommandResult(
        text="\n" + rest if progress.streamed and rest else rest,
        data=result.as_json(),
        exit_code=0 if result.ok else 1,
    )


@click.command()
@click.option("--new", is_flag=True, help="Start a new project session first.")
@click.option(
    "--attach",
    "attach",
    multiple=True,
    metavar="PATH|URL",
    help="Attach a file or URL (repeatable).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Where exported MP4s go (default NEMO_OUTPUT_DIR, else the current directory).",
)
@wait_options
@click.argument("text", nargs=-1)
@common_options
def turn(
    opts: CommonOptions,
    new: bool,
    attach: tuple[str, ...],
    output: Path | None,
    wait: float | None,
    detach: bool,
    turn_id: str | None,
    text: tuple[str, ...],
) -> None:
    """Run one turn: TEXT (EN or ZH), with optional attachments; prints the reply.

    With --json, stdout is one object: status, reply, language, actions, files, links,
    session_id, error. A turn not finished within --wait seconds answers status "running" with a
    job_id (get the result with `nemo-agent wait JOB_ID`); the job goes on in the background.
    """
    message = " ".join(text)
    output_dir = output.expanduser().resolve() if output else None

    def on_error(exc: AgentError, settings: Settings | None) -> CommandResult:
        from agent.engine import failed_turn

        result = failed_turn(exc, message, settings or Settings())
        return CommandResult(text=result.reply, data=result.as_json(), exit_code=1)

    if worker_wanted(opts):

        def make(settings: Settings) -> Any:
            if not message.strip() and not attach:
                raise UserInputError(EMPTY_TURN)
            return job_request(
                settings,
                "turn",
                text=message,
                attachments=attach,
                new=new,
                local=opts.local,
                output_dir=output_dir,
                turn_id=turn_id,
            )

        seconds = wait_seconds(opts, wait, detach)
        run_job(opts, make, wait=seconds, stream=True, on_error=on_error)
        return

    async def body(settings: Settings) -> CommandResult:
        if not message.strip() and not attach:
            raise UserInputError(EMPTY_TURN)
        stream_to = None if opts.json else sys.stdout
        return await run_turn(
            settings, message, attach, new=new, output=output_dir, stream_to=stream_to
        )

    run_command(opts, body, on_error=on_error)
