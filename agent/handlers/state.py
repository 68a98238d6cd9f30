"""The `state` action: the timeline summary in the seeds' format plus what has been uploaded."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from agent.handlers.base import HandlerContext, Reply
from agent.timeline import parse_timeline

__all__ = ["handle_state", "upload_names", "versions"]


def upload_names(video_infos: list[Any]) -> list[str]:
    """Display names of the uploaded assets in `video_infos` (file name, else the URL's tail)."""
    names: list[str] = []
    for info in video_infos:
        if not isinstance(info, Mapping):
            continue
        name = info.get("filename") or info.get("name")
        url = info.get("cdn_url") or info.get("url")
        if not name and isinstance(url, str):
            name = url.rstrip("/").rsplit("/", 1)[-1]
        if name:
            names.append(str(name))
    return names


def versions(revisions: list[Any]) -> list[dict[str, Any]]:
    """Recent draft revisions (local backend) as `seq`, `seconds`, `current`, `undone`; empty
    unless there are at least two to move between."""
    rows = [r for r in revisions if isinstance(r, Mapping) and isinstance(r.get("seq"), int)]
    if len(rows) < 2:
        return []
    return [
        {
            "seq": r["seq"],
            "seconds": _seconds(r.get("duration")),
            "current": bool(r.get("current")),
            "undone": bool(r.get("undone")),
        }
        for r in rows[-5:]
    ]


def _seconds(ms: Any) -> str:
    if not isinstance(ms, int | float) or isinstance(ms, bool):
        return "?"
    value = round(ms / 1000, 1)
    return str(int(value)) if value == int(value) else str(value)


async def handle_state(ctx: HandlerContext) -> Reply:
    """Summarise the session's timeline and uploads.

    Raises:
        APIError: The state endpoint failed.
    """
    state = await ctx.client.state(ctx.session_id)
    context = {
        "timeline": parse_timeline(state.state.draft),
        "uploads": upload_names(state.state.video_infos),
        "project": state,
        "revisions": versions(state.state.revisions),
    }
    return Reply("replies/state", context, ("state",))
