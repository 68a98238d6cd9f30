"""A typed, display-only view of a draft (docs/draft.md) and the diff between two of them.

Pure: no I/O. Server data is never trusted, so parsing tolerates any shape and never raises.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "Change",
    "ChangeKind",
    "Segment",
    "SegmentKind",
    "Timeline",
    "Track",
    "diff_timelines",
    "format_range",
    "parse_timeline",
]

SegmentKind = Literal["video", "bgm", "title", "other"]
ChangeKind = Literal["added", "removed", "changed"]

_TRACK_KINDS: dict[int, SegmentKind] = {0: "video", 1: "bgm", 7: "title"}


def _seconds(ms: int) -> str:
    tenths = (max(ms, 0) + 50) // 100
    whole, frac = divmod(tenths, 10)
    return f"{whole}.{frac}" if frac else str(whole)


def format_range(start_ms: int, duration_ms: int, unit: str = "s") -> str:
    """A time range for people: `0-3s`, with a decimal only when needed (`0-2.5s`).

    Args:
        start_ms: Start on the timeline, in milliseconds.
        duration_ms: Length, in milliseconds.
        unit: Appended after the end (`s`, or `秒` for Chinese replies).
    """
    return f"{_seconds(start_ms)}-{_seconds(start_ms + max(duration_ms, 0))}{unit}"


@dataclass(frozen=True, slots=True)
class Segment:
    """One clip as shown to people: what it is, where it sits, how loud it plays."""

    kind: SegmentKind
    name: str
    start_ms: int
    duration_ms: int
    volume: int | None = None
    """Volume 0-100 (`v`), when the draft gives one."""

    @property
    def end_ms(self) -> int:
        """Where the segment ends on the timeline, in milliseconds."""
        return self.start_ms + self.duration_ms

    @property
    def span(self) -> str:
        """The range without a unit (`0-2.5`), for templates that add `s` or `秒`."""
        return format_range(self.start_ms, self.duration_ms, unit="")


@dataclass(frozen=True, slots=True)
class Track:
    """One track of the draft, in paint order (later tracks are drawn above earlier ones)."""

    kind: SegmentKind
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True, slots=True)
class Timeline:
    """The whole draft as shown to people."""

    tracks: tuple[Track, ...] = ()
    duration_ms: int = 0
    title: str | None = None
    width: int | None = None
    height: int | None = None
    aspect: str | None = None

    @property
    def exportable(self) -> bool:
        """Ready for export (protocol §5.2): at least one track has a segment."""
        return any(track.segments for track in self.tracks)

    @property
    def empty(self) -> bool:
        """Nothing to show: no track holds a segment (the opposite of `exportable`)."""
        return not self.exportable

    def segments(self) -> tuple[Segment, ...]:
        """Every segment, track by track."""
        return tuple(seg for track in self.tracks for seg in track.segments)


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two timelines; `before` is the old version of a changed segment."""

    kind: ChangeKind
    segment: Segment
    before: Segment | None = None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if isinstance(value, int | float) and math.isfinite(value):
        return float(value)
    return None


def _ms(value: Any) -> int:
    number = _number(value)
    return max(int(number), 0) if number is not None else 0


def _optional_int(value: Any) -> int | None:
    number = _number(value)
    return int(number) if number is not None else None


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return "" if value is None or isinstance(value, bool | Mapping | list) else str(value)


def _track_kind(value: Any) -> SegmentKind:
    number = _number(value)
    if number is None or not number.is_integer():
        return "other"
    return _TRACK_KINDS.get(int(number), "other")


def _segment(kind: SegmentKind, raw: Mapping[str, Any]) -> Segment:
    return Segment(
        kind=kind,
        name=_text(raw.get("n")),
        start_ms=_ms(raw.get("s")),
        duration_ms=_ms(raw.get("d")),
        volume=_optional_int(raw.get("v")),
    )


def _track(raw: Mapping[str, Any]) -> Track:
    kind = _track_kind(raw.get("tt"))
    items = raw.get("sg")
    if not isinstance(items, Sequence) or isinstance(items, str | bytes):
        return Track(kind)
    return Track(kind, tuple(_segment(kind, s) for s in items if isinstance(s, Mapping)))


def parse_timeline(draft: Mapping[str, Any] | None) -> Timeline:
    """Read a draft (`data.state.draft`) into a `Timeline`; never raises on server data.

    Unknown track types become `other`; missing or malformed values become 0, "" or None.
    """
    if not isinstance(draft, Mapping):
        return Timeline()
    raw_tracks = draft.get("t")
    if not isinstance(raw_tracks, Sequence) or isinstance(raw_tracks, str | bytes):
        raw_tracks = ()
    tracks = tuple(_track(t) for t in raw_tracks if isinstance(t, Mapping))
    meta = draft.get("m")
    meta = meta if isinstance(meta, Mapping) else {}
    ends = [seg.end_ms for track in tracks for seg in track.segments]
    duration = _ms(draft.get("d")) or max(ends, default=0)
    return Timeline(
        tracks=tracks,
        duration_ms=duration,
        title=_text(meta.get("title")) or None,
        width=_optional_int(meta.get("width")),
        height=_optional_int(meta.get("height")),
        aspect=_text(meta.get("aspect")) or None,
    )


def _pair(
    before: list[Segment], after: list[Segment]
) -> tuple[list[tuple[Segment | None, Segment]], list[Segment]]:
    """Match segments of one kind: same start first, then by position among the rest.

    Returns every new segment (in order) with its old version or None, and the old leftovers.
    """
    pairs: dict[int, Segment] = {}
    left = list(before)
    for i, seg in enumerate(after):
        match = next((old for old in left if old.start_ms == seg.start_ms), None)
        if match is not None:
            left.remove(match)
            pairs[i] = match
    rest = [i for i in range(len(after)) if i not in pairs]
    for i, old in zip(rest, list(left), strict=False):
        left.remove(old)
        pairs[i] = old
    return [(pairs.get(i), seg) for i, seg in enumerate(after)], left


def _by_kind(timeline: Timeline) -> dict[SegmentKind, list[Segment]]:
    groups: dict[SegmentKind, list[Segment]] = {}
    for seg in timeline.segments():
        groups.setdefault(seg.kind, []).append(seg)
    return groups


def diff_timelines(before: Timeline, after: Timeline) -> tuple[Change, ...]:
    """What changed from `before` to `after`: additions and changes first, then removals.

    Segments of the same kind are matched by start time, then by position among the rest; a
    matched pair that differs in any displayed field is a change.
    """
    old, new = _by_kind(before), _by_kind(after)
    changes: list[Change] = []
    removed: list[Change] = []
    for kind in dict.fromkeys([*new, *old]):
        pairs, gone = _pair(old.get(kind, []), new.get(kind, []))
        for prev, seg in pairs:
            if prev is None:
                changes.append(Change("added", seg))
            elif prev != seg:
                changes.append(Change("changed", seg, prev))
        removed.extend(Change("removed", seg) for seg in gone)
    return (*changes, *removed)
