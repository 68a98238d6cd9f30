"""Pure edits of the draft (docs/draft.md): every function returns a new draft, never mutates.

Segment keys are this project's convention. Ids are deterministic (`IdSource`, from the seed).
Durations: the video track defines `d`; titles clamp into it and music follows it.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "AUDIO",
    "CANVAS",
    "TEXT",
    "VIDEO",
    "IdSource",
    "MusicSpec",
    "TextSpec",
    "add_music",
    "add_text",
    "fit_tracks",
    "remove_music",
    "remove_text",
    "replace_text",
    "segments",
    "set_duration",
    "set_fades",
    "set_volume",
    "style_text",
    "text_kind",
    "total",
    "with_segments",
]

Draft = dict[str, Any]
Segment = dict[str, Any]
VIDEO, AUDIO, TEXT = 0, 1, 7
CANVAS: dict[str, tuple[int, int]] = {
    "16:9": (1920, 1080),
    "9:16": (1080, 1920),
    "1:1": (1080, 1080),
    "4:5": (1080, 1350),
}
MIN_TEXT_MS = 500


class IdSource:
    """Deterministic segment ids `sg_<hex>` from a seed, skipping ids the draft already uses."""

    def __init__(self, seed: int, taken: Iterable[str] = ()) -> None:
        self._seed, self._taken, self._counter = seed, set(taken), 0

    @classmethod
    def for_draft(cls, seed: int, draft: Draft) -> IdSource:
        """An id source that never repeats an id already in `draft`."""
        return cls(seed, (sg.get("id", "") for tr in draft.get("t", []) for sg in tr.get("sg", [])))

    def next(self) -> str:
        """The next unused id."""
        while True:
            self._counter += 1
            digest = hashlib.sha256(f"{self._seed}:{self._counter}".encode()).hexdigest()
            candidate = f"sg_{digest[:8]}"
            if candidate not in self._taken:
                self._taken.add(candidate)
                return candidate


@dataclass(frozen=True, slots=True)
class TextSpec:
    """A title or caption to place on the text track."""

    text: str
    start_ms: int
    end_ms: int
    position: str = "center"
    kind: str = "title"
    size: int = 72
    colour: str = "#ffffff"
    fade_in_ms: int = 500
    fade_out_ms: int = 500


@dataclass(frozen=True, slots=True)
class MusicSpec:
    """A background music bed: a synthesized style (`syn`) or an uploaded asset (`a`, `u`)."""

    name: str
    volume: int = 35
    fade_in_ms: int = 1000
    fade_out_ms: int = 1500
    style: str | None = None
    asset_id: str | None = None
    url: str | None = None
    start_ms: int = 0
    end_ms: int | None = None
    """Where the bed ends (None: the end of the video)."""


def segments(draft: Draft, track_type: int) -> list[Segment]:
    """Copies of the segments of the track of `track_type` (empty when there is none)."""
    for track in draft.get("t", []):
        if track.get("tt") == track_type:
            return copy.deepcopy(list(track.get("sg", [])))
    return []


def with_segments(draft: Draft, track_type: int, new: list[Segment]) -> Draft:
    """A copy of `draft` whose `track_type` track holds `new` (dropped when empty)."""
    out = copy.deepcopy(draft)
    tracks = [t for t in out.get("t", []) if t.get("tt") != track_type]
    if new:
        tracks.append({"tt": track_type, "sg": sorted(new, key=lambda sg: sg.get("s", 0))})
    out["t"] = sorted(tracks, key=lambda t: t.get("tt", 0))
    return out


def total(draft: Draft) -> int:
    """The draft's duration in ms (0 when empty or malformed)."""
    value = draft.get("d", 0)
    return value if isinstance(value, int) else 0


def text_kind(segment: Segment) -> str:
    """The segment's `kd` (`title` or `caption`); without one, `caption` for bottom or small
    text, else `title`."""
    if segment.get("kd") in ("title", "caption"):
        return str(segment["kd"])
    small = segment.get("sz", 72) < 60
    return "caption" if segment.get("pos") == "bottom" or small else "title"


def _of_kind(draft: Draft, kind: str) -> list[Segment]:
    texts = segments(draft, TEXT)
    return [sg for sg in texts if text_kind(sg) == kind] or texts


def add_text(draft: Draft, spec: TextSpec, ids: IdSource) -> Draft:
    """Add a text segment; text at the same position overlapping it is replaced."""
    start, end = spec.start_ms, spec.end_ms
    kept = [
        sg
        for sg in segments(draft, TEXT)
        if sg.get("pos") != spec.position or sg["s"] >= end or sg["s"] + sg["d"] <= start
    ]
    segment = {
        "id": ids.next(),
        "s": start,
        "d": end - start,
        "n": spec.text,
        "pos": spec.position,
        "fi": min(spec.fade_in_ms, (end - start) // 2),  # a short text fades within itself
        "fo": min(spec.fade_out_ms, (end - start) // 2),
        "sz": spec.size,
        "c": spec.colour,
        "kd": spec.kind,
    }
    return with_segments(draft, TEXT, [*kept, segment])


def replace_text(draft: Draft, kind: str, text: str) -> tuple[Draft, Segment | None]:
    """Change the text of the first title (or caption) in place; None when there is none."""
    targets = _of_kind(draft, kind)
    if not targets:
        return copy.deepcopy(draft), None
    target_id = targets[0]["id"]
    texts = segments(draft, TEXT)
    for sg in texts:
        if sg["id"] == target_id:
            sg["n"] = text
            changed = sg
    return with_segments(draft, TEXT, texts), changed


def remove_text(draft: Draft, kind: str | None) -> tuple[Draft, int]:
    """Remove every title (or caption; None = all text); returns the count removed."""
    doomed = {sg["id"] for sg in (segments(draft, TEXT) if kind is None else _of_kind(draft, kind))}
    kept = [sg for sg in segments(draft, TEXT) if sg["id"] not in doomed]
    return with_segments(draft, TEXT, kept), len(doomed)


def style_text(draft: Draft, size_factor: float, colour: str | None) -> Draft:
    """Scale every text segment's size (clamped 24-200 px) and optionally recolour it."""
    texts = segments(draft, TEXT)
    for sg in texts:
        sg["sz"] = max(24, min(200, round(sg.get("sz", 72) * size_factor)))
        if colour:
            sg["c"] = colour
    return with_segments(draft, TEXT, texts)


def add_music(draft: Draft, spec: MusicSpec, ids: IdSource) -> Draft:
    """Put one music bed under the video (or its span), replacing any previous one."""
    end = total(draft) if spec.end_ms is None else min(spec.end_ms, total(draft))
    start = max(0, min(spec.start_ms, end - MIN_TEXT_MS))
    segment: Segment = {"id": ids.next(), "s": start, "d": end - start, "n": spec.name}
    segment["v"] = max(0, min(100, spec.volume))
    half = (end - start) // 2
    segment |= {"fi": min(spec.fade_in_ms, half), "fo": min(spec.fade_out_ms, half)}
    if spec.asset_id:
        segment |= {"a": spec.asset_id, "u": spec.url or ""}
    else:
        segment["syn"] = spec.style
    return with_segments(draft, AUDIO, [segment])


def remove_music(draft: Draft) -> Draft:
    """Drop the music track."""
    return with_segments(draft, AUDIO, [])


def set_volume(draft: Draft, volume: int) -> Draft:
    """Set every music segment's volume (clamped 0-100)."""
    music = segments(draft, AUDIO)
    for sg in music:
        sg["v"] = max(0, min(100, volume))
    return with_segments(draft, AUDIO, music)


def set_fades(
    draft: Draft, track_types: Iterable[int], fade_in_ms: int | None, fade_out_ms: int | None
) -> Draft:
    """Set fade in/out on music/text segments (None keeps the current one), each at most half."""
    out = copy.deepcopy(draft)
    for track_type in track_types:
        changed = segments(out, track_type)
        for sg in changed:
            half = sg["d"] // 2
            fade_in = sg.get("fi", 0) if fade_in_ms is None else fade_in_ms
            fade_out = sg.get("fo", 0) if fade_out_ms is None else fade_out_ms
            sg["fi"], sg["fo"] = max(0, min(fade_in, half)), max(0, min(fade_out, half))
        out = with_segments(out, track_type, changed)
    return out


def set_duration(draft: Draft, new_ms: int) -> Draft:
    """Stretch the video track to `new_ms`; titles clamp into it and music follows it."""
    old_ms = total(draft) or new_ms
    video = [_scaled(sg, new_ms / old_ms) for sg in segments(draft, VIDEO)]
    if video:
        video[-1]["d"] = new_ms - video[-1]["s"]
    out = with_segments(draft, VIDEO, video)
    out["d"] = new_ms
    return fit_tracks(out, old_ms)


def _scaled(segment: Segment, ratio: float) -> Segment:
    segment |= {key: round(segment.get(key, 0) * ratio) for key in ("s", "d", "x")}
    return segment


def fit_tracks(draft: Draft, old_ms: int) -> Draft:
    """Clamp text and music into the draft's (new) duration; music that reached the end follows."""
    new_ms = total(draft)
    music = segments(draft, AUDIO)
    for sg in music:
        if sg["s"] + sg["d"] >= old_ms:
            sg["d"] = max(0, new_ms - sg["s"])
        _clamped(sg, new_ms)
    texts = [_clamped(sg, new_ms) for sg in segments(draft, TEXT)]
    out = with_segments(draft, AUDIO, [sg for sg in music if sg["d"] > 0])
    return set_fades(with_segments(out, TEXT, texts), (AUDIO, TEXT), None, None)


def _clamped(segment: Segment, total_ms: int) -> Segment:
    end = min(segment["s"] + segment["d"], total_ms)
    start = min(segment["s"], max(0, end - min(segment["d"], MIN_TEXT_MS)))
    segment["s"], segment["d"] = start, end - start
    return segment
