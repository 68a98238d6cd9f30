"""Output options of a render request (`output` on the wire): format, quality, resolution, fps.

Pure: validates the request's `output` object and turns a spec built from the draft into the
spec of the file that was asked for (canvas scaled to the resolution, frame rate, GIF limits).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

from agent.local.renderer.spec import QUALITY_CRF, RenderSpec

__all__ = [
    "FORMATS",
    "FPS_CHOICES",
    "GIF_MAX_MS",
    "GIF_WIDTH",
    "RESOLUTIONS",
    "OutputRequest",
    "apply_output",
    "parse_output",
]

RESOLUTIONS: dict[str, int] = {"720p": 720, "1080p": 1080, "1440p": 1440, "4k": 2160}
"""Resolution name -> the canvas's short side in pixels."""
FPS_CHOICES = (24, 30, 60)
FORMATS: dict[str, str] = {"mp4": "video/mp4", "gif": "image/gif", "webm": "video/webm"}
GIF_WIDTH = 480
GIF_MAX_MS = 15_000
_GIF_FPS = 15  # default; GIF delays are in 1/100 s and browsers slow anything under 2/100 s
_GIF_FPS_CAP = 30


@dataclass(frozen=True, slots=True)
class OutputRequest:
    """What file a render job produces. None leaves a value to the draft (canvas, 30 fps)."""

    quality: str = "high"
    format: str = "mp4"
    resolution: str | None = None
    fps: int | None = None

    @property
    def extension(self) -> str:
        """The output file's extension, without the dot."""
        return self.format

    @property
    def media_type(self) -> str:
        """The output file's MIME type."""
        return FORMATS[self.format]

    def frame_rate(self, draft_fps: int = 30) -> int:
        """The frame rate rendered: the one asked for, else the draft's; GIF 15, at most 30."""
        if self.format == "gif":
            return min(self.fps or _GIF_FPS, _GIF_FPS_CAP)
        return self.fps or draft_fps

    def encode(self) -> str:
        """The stored form: the bare quality for a plain MP4 (as older rows hold), else JSON."""
        if self == OutputRequest(quality=self.quality):
            return self.quality
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def decode(cls, text: str) -> OutputRequest:
        """Read `encode`'s form back (a bare quality, or JSON)."""
        if not text.startswith("{"):
            return cls(quality=text)
        return parse_output(json.loads(text))


def _choice(raw: Mapping[str, Any], key: str, allowed: Any, default: Any) -> Any:
    value = raw.get(key)
    if value is None:
        return default
    if isinstance(value, str):
        value = value.strip().casefold()
        if key == "fps" and value.isdigit():
            value = int(value)
    if isinstance(value, bool) or value not in allowed:
        names = ", ".join(str(a) for a in allowed)
        raise ValueError(f"output {key} must be one of {names}, got {raw.get(key)!r}")
    return value


def parse_output(raw: Mapping[str, Any]) -> OutputRequest:
    """Validate a render request's `output` object.

    Raises:
        ValueError: A value is not one of the supported ones (the message names it).
    """
    if not isinstance(raw, Mapping):
        raise ValueError("output must be an object")
    resolution = _choice(raw, "resolution", tuple(RESOLUTIONS), None)
    return OutputRequest(
        quality=_choice(raw, "quality", tuple(QUALITY_CRF), "high"),
        format=_choice(raw, "format", tuple(FORMATS), "mp4"),
        resolution=resolution,
        fps=_choice(raw, "fps", FPS_CHOICES, None),
    )


def _even(value: float) -> int:
    return max(2, 2 * round(value / 2))


def _scaled(width: int, height: int, short_side: int) -> tuple[int, int]:
    scale = short_side / min(width, height)
    return _even(width * scale), _even(height * scale)


def apply_output(spec: RenderSpec, out: OutputRequest) -> RenderSpec:
    """The spec of the file `out` asks for, from the spec of the draft.

    A resolution sets the canvas's short side (the aspect is kept); a GIF is 480 px wide unless
    a resolution is given, at most 15 s long and 15 fps unless asked (capped at 30).
    """
    width, height, fps = spec.width, spec.height, out.frame_rate(spec.fps)
    duration = spec.duration_ms
    if out.resolution is not None:
        width, height = _scaled(width, height, RESOLUTIONS[out.resolution])
    if out.format == "gif":
        if out.resolution is None:
            width, height = GIF_WIDTH, _even(GIF_WIDTH * spec.height / spec.width)
        duration = min(duration, GIF_MAX_MS)
    return replace(
        spec,
        width=width,
        height=height,
        fps=fps,
        duration_ms=duration,
        crf=QUALITY_CRF[out.quality],
        container=out.format,
    )
