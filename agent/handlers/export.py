"""The `export` action: check the draft is exportable, render, download the MP4, give the link.

Submission, adaptive polling, the one retry with a new id and the atomic download are
`agent.export.export_draft`; this handler adds the pre-check, the progress bar, the resumable
job record (a render that outlived the wait is picked up next time) and the reply.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agent.child_call import PREVIEW_MODULES, ChildCalls
from agent.draft_paths import rewrite_sandbox_paths
from agent.errors import JobFailedError, RenderError
from agent.export import TIMEOUT_REASON, ExportResult, export_draft, new_render_id
from agent.handlers.base import ErrorInfo, HandlerContext, Reply, human_duration, human_size
from agent.models import Clock, Sleep
from agent.output_options import MediaFacts, OutputOptions, options_from_text, unmet
from agent.preview import available as preview_available
from agent.render_record import PendingRenders
from agent.transfer import check_destination

__all__ = ["RenderPacer", "handle_export"]


@dataclass(slots=True)
class RenderPacer:
    """A poll sleep that waits less when the progress rate says the render is about to finish.

    `export_draft`'s adaptive schedule (2 s growing to 10 s) can overshoot a finished render by
    several seconds; with the server's progress the next poll lands just after the predicted end.
    """

    sleep: Sleep
    clock: Clock
    floor: float = 0.5
    margin: float = 0.25
    samples: list[tuple[float, float]] = field(default_factory=list)

    def start(self) -> None:
        """Mark the submission (progress 0 now)."""
        self.samples = [(self.clock(), 0.0)]

    def observe(self, percent: float) -> None:
        """Record the progress a poll reported."""
        self.samples.append((self.clock(), percent))

    def eta(self) -> float | None:
        """Seconds until the render should finish at the observed rate, or None if unknown."""
        if len(self.samples) < 2:
            return None
        (t0, p0), (t1, p1) = self.samples[0], self.samples[-1]
        if p1 <= p0 or t1 <= t0 or p1 >= 100:
            return None
        rate = (p1 - p0) / (t1 - t0)
        return max(0.0, (100 - p1) / rate - (self.clock() - t1))

    async def __call__(self, delay: float) -> None:
        """Sleep `delay`, or less when the render should be done sooner."""
        eta = self.eta()
        if eta is not None:
            delay = max(self.floor, min(delay, eta + self.margin))
        await self.sleep(delay)


async def handle_export(ctx: HandlerContext) -> Reply:
    """Export the session's draft to an MP4 in the output directory.

    A render that outlives the 10-minute wait is recorded in the state dir; the next export of
    the same draft picks that job up again instead of submitting a new one.

    Raises:
        JobFailedError: The render failed twice.
        ExportBlockedError: HTTP 402, the plan blocks export.
    """
    state = await ctx.client.state(ctx.session_id)
    if not state.exportable:
        return Reply("replies/export_not_ready", {"has_uploads": bool(state.state.video_infos)})
    # The previews' reader is started now, so its imports overlap the render and the download.
    with _previewer(ctx.media) as previewer:
        try:
            draft = rewrite_sandbox_paths(state.state.draft, state.state.video_infos)
            result = await _export(ctx, draft)
        except JobFailedError as exc:
            if exc.reason != TIMEOUT_REASON:
                raise
            return await _still_rendering(ctx, exc)
        link = await ctx.claim_link()
        path = result.path.resolve()
        facts, previews = await asyncio.to_thread(_look_at, previewer, path)
    asked = _options(ctx)
    context: dict[str, Any] = {
        "path": str(path),
        "size": human_size(result.size),
        "duration": human_duration(result.duration) if result.duration else None,
        "url": result.url,
        "link": link,
        "resumed": result.resumed,
        "result": result,
        "facts": facts,
        "unmet": result.refused or (unmet(asked, facts) if facts else ()),
        "refused": bool(result.refused),
        "previews": [str(p) for p in previews],
    }
    links = (link,) if link else ()
    return Reply(
        "replies/export_done",
        context,
        ("export",),
        files=(path,),
        links=links,
        previews=previews,
    )


def _options(ctx: HandlerContext) -> OutputOptions:
    """Flags (`export --resolution ...`) over what the message asks for ("export in 4K")."""
    return (ctx.output or OutputOptions()).over(options_from_text(ctx.text))


@contextmanager
def _previewer(shared: ChildCalls | None) -> Iterator[ChildCalls | None]:
    """A child process ready to read the delivered file (None without PyAV and Pillow).

    `shared`: the embedded backend's media children (the worker's `--local`); the child that
    renders the file is back as their spare when the previews are asked for, warm.
    """
    if not preview_available():
        yield None
        return
    if shared is not None:
        shared.warm()  # a no-op while the spare waits; else the render takes this one
        yield shared
        return
    children = ChildCalls(preload=PREVIEW_MODULES, keep_spare=False)
    children.warm()
    try:
        yield children
    finally:
        children.close()


def _look_at(
    previewer: ChildCalls | None, path: Path
) -> tuple[MediaFacts | None, tuple[Path, ...]]:
    """What the delivered file really is, and its contact sheet and poster (blocking).

    Read in a child process, so PyAV and Pillow never load in a long-lived worker.
    """
    if previewer is None:
        return None, ()
    try:
        facts, previews = previewer.call("agent.preview", "look_at", path)
    except RenderError:
        return None, ()
    return facts, previews


async def _export(ctx: HandlerContext, draft: Mapping[str, Any]) -> ExportResult:
    """Render with the progress bar and the pacer; resume a recorded job for this draft."""
    pacer = RenderPacer(ctx.sleep, ctx.clock)

    def progress(percent: float) -> None:
        pacer.observe(percent)
        ctx.notify.bar("rendering", percent, 100)

    def resuming(_render_id: str) -> None:
        pacer.samples.clear()  # the job is already part-way: its first poll is the baseline
        ctx.notify.status("render_resume")

    jobs = PendingRenders.in_state_dir(ctx.settings.state_dir)

    def render_id() -> str:
        # In a background job the id is recorded before it is submitted: a job resumed after the
        # worker stopped polls (or downloads) that render again instead of submitting another.
        new = new_render_id()
        if ctx.journal is not None:
            jobs.remember(ctx.session_id, draft, new)
        return new

    check_destination(ctx.output_dir, ctx.export_name)  # a bad target is refused before "rendering"
    ctx.notify.status("render_start")
    pacer.start()
    try:  # export_draft checks the folder before rendering and creates it only for the MP4
        return await export_draft(
            ctx.client,
            ctx.session_id,
            draft,
            ctx.output_dir,
            sleep=pacer,
            clock=ctx.clock,
            on_progress=progress,
            filename=ctx.export_name,
            jobs=jobs,
            on_resume=resuming,
            on_status=lambda raw: ctx.notify.status("render_unknown", status=raw[:60]),
            render_id_factory=render_id,
            output=_options(ctx),
        )
    finally:
        ctx.notify.bar_done("rendering")


async def _still_rendering(ctx: HandlerContext, exc: JobFailedError) -> Reply:
    """The render outlived the wait: say it is kept, how to pick it up, and give the task link."""
    link = await ctx.claim_link()
    info = ErrorInfo(code=type(exc).__name__, message=exc.message)
    links = (link,) if link else ()
    return Reply("replies/export_pending", {"link": link}, links=links, error=info)
