"""The video track (`tt` 0): generation from uploads, slideshow timing, motion and framing edits.

Pure functions over the draft (docs/draft.md); every one returns a new draft.
A generation replaces the video track and keeps the other tracks, fitted to the new duration.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from agent.local.edits import CANVAS, VIDEO, IdSource, fit_tracks, segments, total, with_segments
from agent.local.interpreter.plan import Asset
from agent.local.renderer.framing import aspect_for

__all__ = [
    "Motion",
    "VideoSpec",
    "default_motion",
    "default_ms",
    "generate",
    "look_of",
    "orientation",
    "photo_lengths",
    "set_fit",
    "set_motion",
    "slideshow_timing",
]

Draft = dict[str, Any]
FPS = 30
DEFAULT_MS = 5000


def _intensity(value: float) -> float:
    return round(max(0.02, min(0.5, value)), 3)


def _speed(value: float) -> float:
    return round(max(0.25, min(4.0, value)), 3)


@dataclass(frozen=True, slots=True)
class Motion:
    """Camera motion of a segment: `kind` (a `spec.MOTION_KINDS`), intensity 0.02-0.5, speed."""

    kind: str = "zoom_in"
    intensity: float = 0.12
    speed: float = 1.0

    def as_json(self) -> dict[str, Any]:
        """The draft's `mo` object."""
        return {"type": self.kind, "i": _intensity(self.intensity), "sp": _speed(self.speed)}


@dataclass(frozen=True, slots=True)
class VideoSpec:
    """What to generate: the visuals in order, total length, canvas, motion, framing, title."""

    visuals: tuple[Asset, ...]
    duration_ms: int
    aspect: str = "16:9"
    motion: Motion = Motion()
    fit: str = "cover"
    title: str = ""
    lengths: tuple[int, ...] = ()
    """Each visual's own share of the video, ms (empty: equal shares); scaled to `duration_ms`."""


def slideshow_timing(
    total_ms: int, count: int, lengths: tuple[int, ...] = ()
) -> list[tuple[int, int, int]]:
    """(start, duration, crossfade) per segment so that `count` segments span `total_ms`.

    Each segment's share follows `lengths` (equal shares when it does not fit `count`).
    Neighbours overlap by the crossfade: 0.5-1 s by default, less only when the shares are short.
    """
    if count <= 1:
        return [(0, total_ms, 0)]
    weights = lengths if len(lengths) == count and min(lengths) > 0 else (1,) * count
    shares = [w * total_ms / sum(weights) for w in weights]
    fade = min(max(round(min(shares) * 0.25), 500), 1000, total_ms // (count + 1))
    marks = [sum(shares[:i]) for i in range(count)]
    starts = [round(m * (total_ms - fade) / total_ms) for m in marks]
    ends = [start + fade for start in starts[1:]] + [total_ms]
    return [
        (s, e - s, 0 if i == 0 else fade) for i, (s, e) in enumerate(zip(starts, ends, strict=True))
    ]


def generate(draft: Draft, spec: VideoSpec, ids: IdSource) -> Draft:
    """Replace the video track with `spec`; titles and music are kept and fitted to its length."""
    if not spec.visuals:
        raise ValueError("generate needs at least one visual")
    old_ms = total(draft)
    video = [
        {
            "id": ids.next(),
            "s": start,
            "d": length,
            "n": asset.filename,
            "a": asset.asset_id,
            "u": asset.url,
            "k": "video" if asset.kind == "video" else "image",
            "mo": spec.motion.as_json(),
            "fit": spec.fit,
            "x": fade,
        }
        for asset, (start, length, fade) in zip(
            spec.visuals,
            slideshow_timing(spec.duration_ms, len(spec.visuals), spec.lengths),
            strict=True,
        )
    ]
    width, height = CANVAS[spec.aspect]
    out = with_segments(draft, VIDEO, video)
    out["d"] = spec.duration_ms
    title = spec.title or draft.get("m", {}).get("title", "")
    out["m"] = {"title": title, "width": width, "height": height, "aspect": spec.aspect, "fps": FPS}
    return fit_tracks(out, old_ms or spec.duration_ms)


def look_of(draft: Draft) -> VideoSpec | None:
    """The current video track as a `VideoSpec` (to regenerate it differently), or None."""
    video = segments(draft, VIDEO)
    if not video:
        return None
    first = video[0]
    mo = first.get("mo", {})
    visuals = tuple(
        Asset(
            sg.get("a", ""),
            sg.get("n", ""),
            "video" if sg.get("k") == "video" else "image",
            sg.get("u", ""),
        )
        for sg in video
    )
    return VideoSpec(
        visuals=visuals,
        duration_ms=total(draft),
        aspect=draft.get("m", {}).get("aspect", "16:9"),
        motion=Motion(mo.get("type", "zoom_in"), mo.get("i", 0.12), mo.get("sp", 1.0)),
        fit=first.get("fit", "cover"),
        title=draft.get("m", {}).get("title", ""),
        lengths=photo_lengths(draft),
    )


def photo_lengths(draft: Draft) -> tuple[int, ...]:
    """Each video segment's own share of the video, ms (the inverse of `slideshow_timing`):
    what a photo keeps when others are removed, inserted or moved."""
    video = segments(draft, VIDEO)
    total_ms = total(draft)
    if len(video) <= 1:
        return (total_ms,) if video else ()
    fade = int(video[1].get("x", 0))
    scale = total_ms / max(1, total_ms - fade)
    marks = [round(int(sg.get("s", 0)) * scale) for sg in video] + [total_ms]
    shares = [max(1, b - a) for a, b in pairwise(marks)]
    if max(shares) - min(shares) <= total_ms / len(video) * 0.1:
        return tuple(_even(total_ms, len(video)))  # rounding and older timings: equal shares
    return tuple(shares)


def _even(total_ms: int, count: int) -> list[int]:
    base = [total_ms // count] * count
    base[-1] += total_ms - sum(base)
    return base


def set_motion(
    draft: Draft,
    kind: str | None = None,
    intensity: float | None = None,
    speed: float | None = None,
    *,
    intensity_factor: float = 1.0,
    speed_factor: float = 1.0,
) -> Draft:
    """Change the motion of every video segment; None keeps a value, factors scale it."""
    video = segments(draft, VIDEO)
    for sg in video:
        mo = sg.get("mo", {})
        new_i = intensity if intensity is not None else mo.get("i", 0.12) * intensity_factor
        new_sp = speed if speed is not None else mo.get("sp", 1.0) * speed_factor
        sg["mo"] = Motion(kind or mo.get("type", "zoom_in"), new_i, new_sp).as_json()
    return with_segments(draft, VIDEO, video)


def set_fit(draft: Draft, fit: str) -> Draft:
    """Set `cover` or `contain` framing on every video segment."""
    video = segments(draft, VIDEO)
    for sg in video:
        sg["fit"] = fit
    return with_segments(draft, VIDEO, video)


def orientation(visuals: tuple[Asset, ...]) -> str:
    """No aspect asked: follow the first photo's orientation (closest of the four canvases)."""
    return aspect_for(visuals[0].width, visuals[0].height)


def default_motion(visuals: tuple[Asset, ...]) -> Motion:
    """No camera asked: still clips stay still, a slideshow pans and zooms, one photo zooms in."""
    if all(a.kind == "video" for a in visuals):
        return Motion("none", 0.02, 1.0)
    return Motion("ken_burns", 0.1, 1.0) if len(visuals) > 1 else Motion("zoom_in", 0.1, 1.0)


def default_ms(visuals: tuple[Asset, ...]) -> int:
    """No length asked: 5 s, or a single clip's own length when shorter."""
    lengths = [a.duration_ms for a in visuals if a.kind == "video" and a.duration_ms]
    return min(DEFAULT_MS, *lengths) if len(visuals) == 1 and lengths else DEFAULT_MS
