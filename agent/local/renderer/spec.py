"""Render specification: typed values the renderer consumes, built from a draft (docs/draft.md).

Pure: no media decoding and no encoder here; asset ids are resolved through an injected callable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import KW_ONLY, dataclass
from pathlib import Path
from typing import Any, Literal

from agent.errors import RenderError
from agent.local.edits import AUDIO, CANVAS, TEXT, VIDEO
from agent.media import media_type_for

__all__ = [
    "MOTION_KINDS",
    "QUALITY_CRF",
    "SYNTH_STYLES",
    "AudioClip",
    "Motion",
    "RenderSpec",
    "TextClip",
    "VisualClip",
    "spec_from_draft",
]

MotionKind = Literal[
    "none", "zoom_in", "zoom_out", "pan_left", "pan_right", "pan_up", "pan_down", "ken_burns"
]
MOTION_KINDS: frozenset[str] = frozenset(MotionKind.__args__)  # type: ignore[attr-defined]
SYNTH_STYLES: frozenset[str] = frozenset(
    {"ambient_pad", "soft_piano", "lofi_pulse", "upbeat_pluck"}
)
QUALITY_CRF: dict[str, int] = {"high": 20, "medium": 23, "low": 28}
_MAX_SIDE = 4096


@dataclass(frozen=True, slots=True)
class Motion:
    """Camera motion over one visual clip.

    Attributes:
        kind: One of `MOTION_KINDS`.
        intensity: Fraction of the frame zoomed or travelled, 0.0-0.5.
        speed: Multiplies the distance covered over the clip (1.0 normal).
    """

    kind: str = "none"
    intensity: float = 0.0
    speed: float = 1.0


@dataclass(frozen=True, slots=True)
class VisualClip:
    """An image or video placed on the timeline, drawn full-canvas."""

    path: Path
    kind: Literal["image", "video"]
    start_ms: int
    duration_ms: int
    motion: Motion = Motion()
    fit: Literal["cover", "contain"] = "cover"
    crossfade_ms: int = 0
    """Blend from the previous visual into this one over its first `crossfade_ms`."""


@dataclass(frozen=True, slots=True)
class AudioClip:
    """An uploaded audio file (`path`) or a synthesized bed (`synth`) on the timeline."""

    path: Path | None
    synth: str | None
    start_ms: int
    duration_ms: int
    volume: float = 1.0
    fade_in_ms: int = 0
    fade_out_ms: int = 0


@dataclass(frozen=True, slots=True)
class TextClip:
    """A title drawn over the picture.

    Attributes:
        size: Font size in px on a 1080-pixel short side (scaled to the canvas).
        color: Text colour as an (r, g, b) tuple.
    """

    text: str
    start_ms: int
    duration_ms: int
    position: Literal["top", "center", "bottom"] = "center"
    fade_in_ms: int = 0
    fade_out_ms: int = 0
    size: int = 72
    color: tuple[int, int, int] = (255, 255, 255)


@dataclass(frozen=True, slots=True)
class RenderSpec:
    """Everything `render` needs: canvas, timeline clips and encoder quality.

    Fields after `height` are keyword-only (`fps` has a default but precedes `duration_ms`).
    """

    width: int
    height: int
    _: KW_ONLY
    fps: int = 30
    duration_ms: int
    visuals: tuple[VisualClip, ...] = ()
    audios: tuple[AudioClip, ...] = ()
    texts: tuple[TextClip, ...] = ()
    crf: int = 20
    preset: str = "veryfast"
    container: str = "mp4"
    """`mp4` (H.264/AAC), `webm` (VP9/Opus) or `gif` (palette, looping, no sound)."""

    @property
    def frame_count(self) -> int:
        """Number of video frames: the duration rounded to whole frames (at least one)."""
        return max(1, round(self.duration_ms * self.fps / 1000))


def _int(seg: Mapping[str, Any], key: str, default: int | None = None, *, low: int = 0) -> int:
    value = seg.get(key, default)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise RenderError(f"invalid draft: segment key {key!r} must be an integer >= {low}")
    return value


def _num(value: Any, default: float, low: float, high: float) -> float:
    if value is None:
        return default
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise RenderError("invalid draft: expected a number")
    return min(high, max(low, float(value)))


def _canvas(meta: Mapping[str, Any]) -> tuple[int, int]:
    width, height = meta.get("width"), meta.get("height")
    if isinstance(width, int) and isinstance(height, int) and width > 0 and height > 0:
        if max(width, height) > _MAX_SIDE or min(width, height) < 16:
            raise RenderError(f"invalid draft: canvas {width}x{height} out of range")
        return width - width % 2, height - height % 2  # yuv420p needs even sizes
    aspect = meta.get("aspect", "16:9")
    if aspect not in CANVAS:
        raise RenderError(f"invalid draft: unknown aspect {aspect!r}")
    return CANVAS[aspect]


def _resolve(asset_id: Any, resolve_asset: Callable[[str], Path]) -> Path:
    if not isinstance(asset_id, str) or not asset_id:
        raise RenderError("invalid draft: media segment without an asset id")
    try:
        path = Path(resolve_asset(asset_id))
    except (KeyError, LookupError, FileNotFoundError) as exc:
        raise RenderError(f"unknown asset {asset_id!r}") from exc
    if not path.is_file():
        raise RenderError(f"unknown asset {asset_id!r}")
    return path


def _motion(raw: Any) -> Motion:
    if raw is None:
        return Motion()
    if not isinstance(raw, Mapping) or raw.get("type", "none") not in MOTION_KINDS:
        raise RenderError("invalid draft: bad motion")
    return Motion(
        kind=str(raw.get("type", "none")),
        intensity=_num(raw.get("i"), 0.1, 0.0, 0.5),
        speed=_num(raw.get("sp"), 1.0, 0.1, 4.0),
    )


def _visual(seg: Mapping[str, Any], resolve_asset: Callable[[str], Path]) -> VisualClip:
    path = _resolve(seg.get("a"), resolve_asset)
    kind = seg.get("k")
    if kind is None:
        media = media_type_for(path.name)
        kind = media.kind if media else "image"
    fit = seg.get("fit", "cover")
    if kind not in ("image", "video") or fit not in ("cover", "contain"):
        raise RenderError("invalid draft: visual segment kind or fit")
    duration = _int(seg, "d", low=1)
    return VisualClip(
        path=path,
        kind=kind,
        start_ms=_int(seg, "s", 0),
        duration_ms=duration,
        motion=_motion(seg.get("mo")),
        fit=fit,
        crossfade_ms=min(_int(seg, "x", 0), duration),
    )


def _audio(seg: Mapping[str, Any], resolve_asset: Callable[[str], Path]) -> AudioClip:
    synth = seg.get("syn")
    if synth is not None and synth not in SYNTH_STYLES:
        raise RenderError(f"invalid draft: unknown music style {synth!r}")
    path = None if synth is not None else _resolve(seg.get("a"), resolve_asset)
    return AudioClip(
        path=path,
        synth=synth,
        start_ms=_int(seg, "s", 0),
        duration_ms=_int(seg, "d", low=1),
        volume=_num(seg.get("v"), 100.0, 0.0, 100.0) / 100.0,
        fade_in_ms=_int(seg, "fi", 0),
        fade_out_ms=_int(seg, "fo", 0),
    )


def _color(raw: Any) -> tuple[int, int, int]:
    if raw is None:
        return (255, 255, 255)
    text = raw.lstrip("#") if isinstance(raw, str) else ""
    try:
        if len(text) != 6:
            raise ValueError(text)
        return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))
    except ValueError as exc:
        raise RenderError(f"invalid draft: bad colour {raw!r}") from exc


def _text(seg: Mapping[str, Any]) -> TextClip | None:
    text = seg.get("n", "")
    if not isinstance(text, str):
        raise RenderError("invalid draft: title text must be a string")
    position = seg.get("pos", "center")
    if position not in ("top", "center", "bottom"):
        raise RenderError(f"invalid draft: bad title position {position!r}")
    if not text.strip():
        return None
    return TextClip(
        text=text,
        start_ms=_int(seg, "s", 0),
        duration_ms=_int(seg, "d", low=1),
        position=position,
        fade_in_ms=_int(seg, "fi", 0),
        fade_out_ms=_int(seg, "fo", 0),
        size=_int(seg, "sz", 72, low=4),
        color=_color(seg.get("c")),
    )


def _segments(track: Any) -> list[Mapping[str, Any]]:
    if not isinstance(track, Mapping) or not isinstance(track.get("sg", []), list):
        raise RenderError("invalid draft: a track must be an object with a segment list")
    segments = track.get("sg", [])
    if not all(isinstance(seg, Mapping) for seg in segments):
        raise RenderError("invalid draft: segments must be objects")
    return sorted(segments, key=lambda seg: seg.get("s", 0) if isinstance(seg.get("s"), int) else 0)


def _duration(draft: Mapping[str, Any], ends: list[int]) -> int:
    total = draft.get("d")
    if isinstance(total, int) and not isinstance(total, bool) and total > 0:
        return total
    if total is not None:
        raise RenderError("invalid draft: `d` must be a positive integer")
    return max(ends)


def spec_from_draft(
    draft: Mapping[str, Any],
    resolve_asset: Callable[[str], Path],
    *,
    quality: str = "high",
) -> RenderSpec:
    """Build a `RenderSpec` from a draft (docs/draft.md).

    Args:
        draft: The timeline object (`d`, `m`, `t`).
        resolve_asset: Maps an asset id (segment key `a`) to its file; may raise `KeyError`.
        quality: `high`, `medium` or `low` (CRF 20 / 23 / 28).

    Returns:
        The spec, with visuals in track-then-start order (later tracks paint above).

    Raises:
        RenderError: The draft is empty or invalid, names an unknown asset, or the quality is
            unknown.
    """
    if quality not in QUALITY_CRF:
        raise RenderError(f"unknown quality {quality!r}")
    if not isinstance(draft, Mapping):
        raise RenderError("invalid draft: not an object")
    tracks, meta = draft.get("t"), draft.get("m") or {}
    if not isinstance(tracks, list) or not isinstance(meta, Mapping):
        raise RenderError("invalid draft: no tracks")
    visuals: list[VisualClip] = []
    audios: list[AudioClip] = []
    texts: list[TextClip] = []
    for track in tracks:
        kind = track.get("tt") if isinstance(track, Mapping) else None
        for seg in _segments(track):
            if kind == VIDEO:
                visuals.append(_visual(seg, resolve_asset))
            elif kind == AUDIO:
                audios.append(_audio(seg, resolve_asset))
            elif kind == TEXT and (title := _text(seg)) is not None:
                texts.append(title)
    clips: list[VisualClip | AudioClip | TextClip] = [*visuals, *audios, *texts]
    ends = [c.start_ms + c.duration_ms for c in clips]
    if not ends:
        raise RenderError("empty draft: nothing to render")
    width, height = _canvas(meta)
    fps = meta.get("fps", 30)
    return RenderSpec(
        width=width,
        height=height,
        duration_ms=_duration(draft, ends),
        fps=fps if isinstance(fps, int) and 1 <= fps <= 60 else 30,
        visuals=tuple(visuals),
        audios=tuple(audios),
        texts=tuple(texts),
        crf=QUALITY_CRF[quality],
    )
