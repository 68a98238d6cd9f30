"""What the project page shows, as plain values: the player, the drawn timeline, uploads, exports.

Pure: built from a session's draft, uploads and finished jobs; `agent.local.server.page` renders it
(escaped HTML from `prompts/page/`). URLs are paths on the serving host, so the page works from
whichever address it was opened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from agent.local.edits import AUDIO, TEXT, VIDEO

__all__ = ["Bar", "ExportRow", "PageView", "Row", "Upload", "build_view"]

_KINDS = {VIDEO: "video", AUDIO: "music", TEXT: "title"}


@dataclass(frozen=True, slots=True)
class Bar:
    """One segment drawn on its track: position and width in % of the timeline."""

    left: float
    width: float
    start: str
    end: str
    label: str
    volume: int | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """One track: its kind (`video`, `music`, `title`) and its segments."""

    kind: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class Upload:
    """An uploaded file with the path its thumbnail is served from."""

    name: str
    kind: str
    src: str


@dataclass(frozen=True, slots=True)
class ExportRow:
    """A finished export."""

    src: str
    format: str
    size: str
    duration: str
    date: str
    resolution: str


@dataclass(frozen=True, slots=True)
class PageView:
    """Everything the page template needs."""

    title: str
    language: str
    duration: str
    rows: tuple[Row, ...]
    ticks: tuple[tuple[float, str], ...]
    uploads: tuple[Upload, ...]
    exports: tuple[ExportRow, ...]
    """Newest first; the first one is the player's."""


def _seconds(ms: float) -> str:
    return f"{ms / 1000:.1f}".rstrip("0").rstrip(".") + " s"


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} KB"


def _bar(seg: Mapping[str, Any], kind: str, total: float) -> Bar:
    start, length = float(seg.get("s", 0) or 0), float(seg.get("d", 0) or 0)
    volume = seg.get("v") if kind == "music" else None
    label = str(seg.get("n") or seg.get("syn") or "")
    return Bar(
        left=round(100 * start / total, 3),
        width=round(max(0.5, 100 * length / total), 3),
        start=_seconds(start),
        end=_seconds(start + length),
        label=label.replace("_", " ") if seg.get("syn") and not seg.get("n") else label,
        volume=round(float(volume)) if isinstance(volume, int | float) else None,
    )


def _rows(draft: Mapping[str, Any], total: float) -> tuple[Row, ...]:
    rows = []
    for track in draft.get("t") or []:
        if not isinstance(track, Mapping) or not track.get("sg"):
            continue
        kind = _KINDS.get(track["tt"], "other") if isinstance(track.get("tt"), int) else "other"
        segments = [s for s in track["sg"] if isinstance(s, Mapping)]
        rows.append(Row(kind, tuple(_bar(s, kind, total) for s in segments)))
    return tuple(rows)


def _ticks(total: float) -> tuple[tuple[float, str], ...]:
    step = next(s for s in (1000, 2000, 5000, 10_000, 30_000, 60_000) if total / s <= 10)
    count = int(total // step)
    return tuple((round(100 * i * step / total, 3), _seconds(i * step)) for i in range(count + 1))


def _path(url: str) -> str:
    """The path of a URL on this server (the page may be opened from another address)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def build_view(
    *,
    title: str,
    language: str,
    draft: Mapping[str, Any],
    uploads: Sequence[Mapping[str, Any]],
    exports: Sequence[Mapping[str, Any]],
) -> PageView:
    """The page's values.

    Args:
        title: The project title.
        language: The session language (`en`, `zh-CN`).
        draft: The timeline.
        uploads: The session's `video_infos`.
        exports: Finished exports, oldest first: `src` (path), `format`, `size` (bytes),
            `duration` (s), `completed_ms`, `width`, `height`.
    """
    ends = [
        float(s.get("s", 0) or 0) + float(s.get("d", 0) or 0)
        for t in draft.get("t") or []
        if isinstance(t, Mapping)
        for s in t.get("sg") or []
        if isinstance(s, Mapping)
    ]
    total = float(draft.get("d") or max(ends, default=0.0)) or 1000.0
    return PageView(
        title=title,
        language="zh" if language.lower().startswith("zh") else "en",
        duration=_seconds(total),
        rows=_rows(draft, total),
        ticks=_ticks(total),
        uploads=tuple(
            Upload(
                str(u.get("filename", "")), str(u.get("file_type", "")), _path(str(u["cdn_url"]))
            )
            for u in uploads
            if u.get("cdn_url")
        ),
        exports=tuple(
            ExportRow(
                src=str(e["src"]),
                format=str(e["format"]),
                size=_size(int(e["size"] or 0)),
                duration=_seconds(float(e["duration"] or 0) * 1000),
                date=datetime.fromtimestamp(e["completed_ms"] / 1000, UTC).strftime(
                    "%Y-%m-%d %H:%M UTC"
                ),
                resolution=f"{e['width']}x{e['height']}",
            )
            for e in reversed(exports)
        ),
    )
