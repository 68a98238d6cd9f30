"""Direct API commands: `credits`, `state`, `upload`, `export`, `send`, `link`.

Results go to stdout (one JSON object with `--json`), progress to stderr. Heavy modules
(httpx, the runtime) are imported inside the command bodies, never at module top.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from agent.cli.common import CommandResult, CommonOptions, common_options, run_command
from agent.config import Settings

if TYPE_CHECKING:
    from contextlib import AbstractAsyncContextManager

    from agent.models import ProjectState, SseEvent
    from agent.runtime import Runtime
    from agent.session import Outcome, SessionLanguage, SessionRecord

__all__ = ["CliDeps", "credits", "export", "link", "send", "state", "upload"]

STILL_WORKING_EVERY = 120.0
"""Seconds between "still working" notices while only heartbeats arrive."""
RESET_NOTICE = "note: the previous session had expired; started a new one (upload your files again)"


@dataclass(frozen=True, slots=True)
class CliDeps:
    """Injected side effects; pass as click's `obj` (tests use an httpx.MockTransport)."""

    transport: Any = None
    sleep: Any = None
    clock: Any = None


def _deps() -> CliDeps:
    ctx = click.get_current_context(silent=True)
    found = ctx.find_object(CliDeps) if ctx is not None else None
    return found or CliDeps()


def _open(settings: Settings, deps: CliDeps) -> AbstractAsyncContextManager[Runtime]:
    from agent.runtime import Runtime

    extra = {k: v for k, v in (("sleep", deps.sleep), ("clock", deps.clock)) if v is not None}
    return Runtime.open(settings, transport=deps.transport, **extra)


def language_of(text: str) -> SessionLanguage:
    """Session language for a message (`zh-CN` or `en`), detected as `turn` and `chat` do."""
    from agent.router_text import prepare
    from agent.turns import session_language

    return session_language(prepare(text).language)


def _note_reset(outcome: Outcome[Any]) -> None:
    if outcome.reset:
        click.echo(RESET_NOTICE, err=True)


def timeline_text(project: ProjectState) -> str:
    """A short plain-text timeline listing (kept minimal; the chat replies have the full view)."""
    from agent.timeline import format_range, parse_timeline

    timeline = parse_timeline(project.state.draft)
    uploads = len(project.state.video_infos)
    if timeline.empty:
        return f"Timeline is empty ({uploads} uploaded file(s)). Ask for a video with `send`."
    lines = [f"Timeline ({len(timeline.tracks)} tracks, {uploads} uploaded file(s)):"]
    for n, track in enumerate(timeline.tracks, 1):
        parts = [
            f"{seg.name} ({format_range(seg.start_ms, seg.duration_ms)}"
            + (f", {seg.volume}%)" if seg.volume is not None else ")")
            for seg in track.segments
        ]
        lines.append(f"  {n}. {track.kind.capitalize()}: {'; '.join(parts) or '(empty)'}")
    return "\n".join(lines)


def _run(
    opts: CommonOptions, body: Callable[[Settings, CliDeps], Awaitable[CommandResult]]
) -> None:
    deps = _deps()

    async def bound(settings: Settings) -> CommandResult:
        return await body(settings, deps)

    run_command(opts, bound)


@click.command()
@common_options
def credits(opts: CommonOptions) -> None:
    """Show the credit balance."""

    async def body(settings: Settings, deps: CliDeps) -> CommandResult:
        async with _open(settings, deps) as rt:
            balance = await rt.client.credits()
        total = balance.total_credits
        data = {"available": balance.available, "frozen": balance.frozen, "total": total}
        text = f"Credits: {balance.available} available, {balance.frozen} reserved, {total} total"
        return CommandResult(text=text, data={"credits": data})

    _run(opts, body)


@click.command()
@common_options
def state(opts: CommonOptions) -> None:
    """Show the current timeline."""

    async def body(settings: Settings, deps: CliDeps) -> CommandResult:
        async with _open(settings, deps) as rt:
            outcome = await rt.sessions.run(lambda s: rt.client.state(s.session_id))
        _note_reset(outcome)
        project = outcome.value
        data = {
            "session_id": outcome.session.session_id,
            "session_reset": outcome.reset,
            "exportable": project.exportable,
            "uploads": len(project.state.video_infos),
            "draft": project.state.draft,
        }
        return CommandResult(text=timeline_text(project), data=data)

    _run(opts, body)


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH|URL...")
@click.option("--new", is_flag=True, help="Start a new project session first.")
@common_options
def upload(sources: tuple[str, ...], new: bool, opts: CommonOptions) -> None:
    """Upload images, videos or audio (paths or URLs)."""

    async def body(settings: Settings, deps: CliDeps) -> CommandResult:
        from agent.handlers.upload import precheck_attachments, split_attachments

        precheck_attachments(sources, settings.upload_max_bytes)
        paths, urls = split_attachments(sources)
        async with _open(settings, deps) as rt:

            async def send_all(record: SessionRecord) -> list[Any]:
                files: list[Any] = []
                if paths:
                    files += (await rt.client.upload_files(record.session_id, paths)).files
                if urls:
                    files += (await rt.client.upload_urls(record.session_id, urls)).files
                return files

            outcome = await rt.sessions.run(send_all, new=new)
        _note_reset(outcome)
        rows = [{"filename": f.filename, "type": f.file_type, "url": f.url} for f in outcome.value]
        text = "\n".join(f"uploaded {r['filename'] or r['url']}" for r in rows)
        data = {"session_id": outcome.session.session_id, "files": rows}
        return CommandResult(text=text, data={**data, "session_reset": outcome.reset})

    _run(opts, body)


def _destination(output: Path | None, settings: Settings) -> tuple[Path, str | None]:
    if output is None:
        return settings.output_dir or Path.cwd(), None
    if output.suffix.lower() == ".mp4":
        return output.parent, output.name
    return output, None


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="A directory, or a file name ending in .mp4 (default: NEMO_OUTPUT_DIR or here).",
)
@common_options
def export(output: Path | None, opts: CommonOptions) -> None:
    """Render the current project to MP4 and download it."""

    async def body(settings: Settings, deps: CliDeps) -> CommandResult:
        from agent.errors import UserInputError
        from agent.export import export_draft
        from agent.handlers.base import human_size
        from agent.render_record import PendingRenders

        dest_dir, filename = _destination(output, settings)
        async with _open(settings, deps) as rt:
            found = await rt.sessions.run(lambda s: rt.client.state(s.session_id))
            _note_reset(found)
            record, project = found.session, found.value
            if not project.exportable:
                raise UserInputError("nothing to export yet: make a video first with `send`")
            result = await export_draft(
                rt.client,
                record.session_id,
                project.state.draft,
                dest_dir,
                sleep=rt.sleep,
                clock=rt.clock,
                on_progress=lambda p: click.echo(f"rendering… {p:.0f}%", err=True),
                filename=filename,
                jobs=PendingRenders.in_state_dir(settings.state_dir),
                on_resume=lambda rid: click.echo(
                    f"resuming render {rid} (not resubmitted)", err=True
                ),
            )
            browser = await rt.claim_link(record)
        data = {
            "path": str(result.path.resolve()),
            "size": result.size,
            "duration": result.duration,
            "url": result.url,
            "render_id": result.render_id,
            "resumed": result.resumed,
            "link": browser,
        }
        text = f"saved {data['path']} ({human_size(result.size)})"
        return CommandResult(
            text=text + (f"\nopen in browser: {browser}" if browser else ""), data=data
        )

    _run(opts, body)


@dataclass(slots=True)
class _Reply:
    """Collects one run's events; prints texts as they arrive and progress on stderr."""

    quiet: bool
    clock: Callable[[], float]
    texts: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    error: str | None = None
    noticed: float | None = None

    def take(self, event: SseEvent) -> None:
        from agent.models import ErrorEvent, HeartbeatEvent, TextEvent, ToolCallEvent

        if isinstance(event, TextEvent) and not event.partial:
            self._text(event.text)
        elif isinstance(event, ToolCallEvent):
            self.tools.append(event.name)
            click.echo(f"working… ({event.name})", err=True)
        elif isinstance(event, HeartbeatEvent):
            self._still_working()
        elif isinstance(event, ErrorEvent):
            self.error = event.message

    def _text(self, text: str) -> None:
        from agent.sse import is_temporary_issue

        if self.texts and is_temporary_issue(text):
            return  # the backend's spurious trailer after a normal reply (protocol §0)
        self.texts.append(text)
        if not self.quiet:
            click.echo(text)

    def _still_working(self) -> None:
        now = self.clock()
        if self.noticed is None:
            self.noticed = now
        elif now - self.noticed >= STILL_WORKING_EVERY:
            self.noticed = now
            click.echo("still working…", err=True)


async def _consume(events: AsyncIterator[SseEvent], reply: _Reply) -> _Reply:
    async for event in events:
        reply.take(event)
    return reply


@click.command()
@click.argument("text")
@click.option("--new", is_flag=True, help="Start a new project session first.")
@common_options
def send(text: str, new: bool, opts: CommonOptions) -> None:
    """Send one message to the backend agent and print its reply."""

    async def body(settings: Settings, deps: CliDeps) -> CommandResult:
        from contextlib import aclosing

        from agent.errors import APIError, UserInputError

        if not text.strip():
            raise UserInputError('nothing to send: give the message, e.g. nemo-agent send "hi"')
        async with _open(settings, deps) as rt:

            async def post(record: SessionRecord) -> _Reply:
                async with aclosing(rt.client.run_sse(record.session_id, text)) as events:
                    return await _consume(events, _Reply(opts.json, rt.clock, noticed=rt.clock()))

            outcome = await rt.sessions.run(post, language_of(text), new=new)
        _note_reset(outcome)
        reply = outcome.value
        if reply.error is not None:
            raise APIError(f"the backend agent failed: {reply.error}")
        data = {
            "session_id": outcome.session.session_id,
            "texts": reply.texts,
            "tools": reply.tools,
        }
        silent = "" if reply.texts else "done (no text reply; run `nemo-agent state` to see it)"
        return CommandResult(text=silent, data={**data, "session_reset": outcome.reset})

    _run(opts, body)


@click.command()
@common_options
def link(opts: CommonOptions) -> None:
    """Print the browser link for the current project."""

    async def body(settings: Settings, deps: CliDeps) -> CommandResult:
        async with _open(settings, deps) as rt:
            outcome = await rt.sessions.run(lambda s: rt.sessions.claim_link(s, settings.web_url))
            register = rt.registration_link(outcome.session.user_id)
        _note_reset(outcome)
        text = outcome.value + (f"\nregister to keep your projects: {register}" if register else "")
        return CommandResult(text=text, data={"link": outcome.value, "register": register})

    _run(opts, body)
