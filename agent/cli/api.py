"""Direct API commands: `credits`, `state`, `upload`, `export`, `send`, `link`.

Each runs the turn engine with a fixed plan (the handlers `turn` and `chat` use), so every word
it prints comes from `prompts/`. Results go to stdout (one JSON object with `--json`), progress
to stderr, errors as for every command. Heavy modules are imported inside the command bodies.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from agent.cli.common import CommandResult, CommonOptions, common_options, run_command
from agent.cli.jobrun import wait_options
from agent.cli.planned import CliDeps, Planned, cli_deps, command_result, run_planned
from agent.commands import SHAPES, language_of
from agent.commands import reply_language as _reply_language
from agent.config import Settings

if TYPE_CHECKING:
    pass

__all__ = ["CliDeps", "credits", "export", "language_of", "link", "send", "state", "upload"]


_lang_option = click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default=None,
    help="Reply language (default: the current session's, else en).",
)


@click.command()
@_lang_option
@common_options
def credits(lang: str | None, opts: CommonOptions) -> None:
    """Show the credit balance."""
    run_planned(opts, lambda s: Planned("credits", _reply_language(s, lang)), SHAPES["credits"])


@click.command()
@_lang_option
@common_options
def state(lang: str | None, opts: CommonOptions) -> None:
    """Show the current timeline."""
    run_planned(opts, lambda s: Planned("state", _reply_language(s, lang)), SHAPES["state"])


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH|URL...")
@click.option("--new", is_flag=True, help="Start a new project session first.")
@_lang_option
@common_options
def upload(sources: tuple[str, ...], new: bool, lang: str | None, opts: CommonOptions) -> None:
    """Upload images, videos or audio (paths or URLs)."""

    def make(settings: Settings) -> Planned:
        return Planned("upload", _reply_language(settings, lang), attachments=sources, new=new)

    run_planned(opts, make, SHAPES["upload"])


_FILE_SUFFIXES = (".mp4", ".gif", ".webm")


def _destination(output: Path | None, settings: Settings) -> tuple[Path, str | None]:
    if output is None:
        return settings.output_dir or Path.cwd(), None
    if output.suffix.lower() in _FILE_SUFFIXES:
        return output.parent, output.name
    return output, None


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="A directory, or a .mp4/.gif/.webm file name (default: NEMO_OUTPUT_DIR or here).",
)
@click.option("--resolution", type=click.Choice(["720p", "1080p", "1440p", "4k"]), default=None)
@click.option("--quality", type=click.Choice(["high", "medium", "low"]), default=None)
@click.option("--fps", type=click.Choice(["24", "30", "60"]), default=None)
@click.option("--format", "fmt", type=click.Choice(["mp4", "gif", "webm"]), default=None)
@_lang_option
@wait_options
@common_options
def export(
    output: Path | None,
    resolution: str | None,
    quality: str | None,
    fps: str | None,
    fmt: str | None,
    lang: str | None,
    wait: float | None,
    detach: bool,
    turn_id: str | None,
    opts: CommonOptions,
) -> None:
    """Render the current project and download it (never overwrites a file).

    --resolution, --quality, --fps and --format choose the file (default: the project's canvas,
    high quality, 30 fps, MP4); a GIF is 480 px wide, looping and at most 15 s.
    """
    from agent.output_options import OutputOptions

    def make(settings: Settings) -> Planned:
        folder, name = _destination(output, settings)
        named = name.rsplit(".", 1)[-1].lower() if name else None  # -o clip.gif: a GIF
        options = OutputOptions(resolution, quality, int(fps) if fps else None, fmt or named)
        language = _reply_language(settings, lang)
        return Planned("export", language, output_dir=folder, export_name=name, output=options)

    run_planned(opts, make, SHAPES["export"], wait=wait, detach=detach, turn_id=turn_id)


@click.command()
@click.argument("text")
@click.option("--new", is_flag=True, help="Start a new project session first.")
@wait_options
@common_options
def send(
    text: str,
    new: bool,
    wait: float | None,
    detach: bool,
    turn_id: str | None,
    opts: CommonOptions,
) -> None:
    """Send one message to the backend agent and print its reply as it arrives."""

    def make(_settings: Settings) -> Planned:
        if not text.strip():
            from agent.errors import UserInputError

            raise UserInputError('nothing to send: give the message, e.g. nemo-agent send "hi"')
        return Planned("sse", language_of(text), text=text, new=new, stream=not opts.json)

    run_planned(opts, make, SHAPES["send"], wait=wait, detach=detach, turn_id=turn_id)


@click.command()
@_lang_option
@common_options
def link(lang: str | None, opts: CommonOptions) -> None:
    """Print the browser link for the current project."""
    deps = cli_deps()

    async def body(settings: Settings) -> CommandResult:
        from agent.handlers.base import Reply
        from agent.runtime import Runtime
        from agent.templates import Templates
        from agent.turns import render_turn, session_language

        language = _reply_language(settings, lang)
        async with Runtime.open(settings, **deps.injected()) as rt:
            outcome = await rt.sessions.run(
                lambda s: rt.sessions.claim_link(s, settings.web_url), session_language(language)
            )
            register = rt.registration_link(outcome.session.user_id)
        keys = {"link": outcome.value, "register": register}
        replies = [Reply("replies/session_reset")] if outcome.reset else []
        replies.append(Reply("replies/link", keys, ("link",), links=(outcome.value,)))
        result = render_turn(Templates(), language, replies, outcome.session.session_id, [])
        return command_result(result, "link", dict)

    run_command(opts, body)
