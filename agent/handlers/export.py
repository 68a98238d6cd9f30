"""The `export` action: check the draft is exportable, render, download the MP4, give the link.

Submission, adaptive polling, the one retry with a new id and the atomic download are
`agent.export.export_draft`; this handler adds the pre-check, the progress bar and the reply.
"""

from __future__ import annotations

from typing import Any

from agent.export import export_draft
from agent.handlers.base import HandlerContext, Reply, human_duration, human_size

__all__ = ["handle_export"]


async def handle_export(ctx: HandlerContext) -> Reply:
    """Export the session's draft to an MP4 in the output directory.

    Raises:
        JobFailedError: The render failed twice or timed out.
        ExportBlockedError: HTTP 402, the plan blocks export.
    """
    state = await ctx.client.state(ctx.session_id)
    if not state.exportable:
        return Reply("replies/export_not_ready", {"has_uploads": bool(state.state.video_infos)})

    def progress(percent: float) -> None:
        ctx.notify.bar("rendering", percent, 100)

    ctx.notify.status("render_start")
    ctx.output_dir.mkdir(parents=True, exist_ok=True)
    try:
        result = await export_draft(
            ctx.client,
            ctx.session_id,
            state.state.draft,
            ctx.output_dir,
            sleep=ctx.sleep,
            clock=ctx.clock,
            on_progress=progress,
        )
    finally:
        ctx.notify.bar_done("rendering")
    link = await ctx.claim_link()
    path = result.path.resolve()
    context: dict[str, Any] = {
        "path": str(path),
        "size": human_size(result.size),
        "duration": human_duration(result.duration) if result.duration else None,
        "url": result.url,
        "link": link,
    }
    links = (link,) if link else ()
    return Reply("replies/export_done", context, ("export",), files=(path,), links=links)
