"""Export output options (resolution, quality, frame rate, format) from flags or from chat text.

Pure: parses "export in 4K", "导出720p", "做成GIF", "60 fps", "low quality to save space" into
`OutputOptions`, and compares what was asked with what the delivered file turned out to be.
The render request carries them in `output` (protocol extensions the cloud may ignore).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields, replace
from typing import Any

__all__ = [
    "FORMATS",
    "FPS_CHOICES",
    "QUALITIES",
    "RESOLUTIONS",
    "MediaFacts",
    "OutputOptions",
    "options_from_text",
    "unmet",
]

RESOLUTIONS: dict[str, int] = {"720p": 720, "1080p": 1080, "1440p": 1440, "4k": 2160}
"""Resolution name -> the short side in pixels."""
QUALITIES = ("high", "medium", "low")
FPS_CHOICES = (24, 30, 60)
FORMATS = ("mp4", "gif", "webm")

_EDGE_L, _EDGE_R = r"(?<![a-z0-9])", r"(?![a-z0-9])"
_RESOLUTION_WORDS: tuple[tuple[str, str], ...] = (
    ("4k", r"4k|2160p?|uhd|ultra hd|超高清"),
    ("1440p", r"1440p?|2k|qhd"),
    ("1080p", r"1080p?|full hd|fhd|全高清"),
    ("720p", r"720p?"),
)
_FORMAT_WORDS = (("gif", r"gif|动图|动画图"), ("webm", r"webm"), ("mp4", r"mp4"))
_QUALITY_WORDS = (
    (
        "low",
        r"low quality|lower quality|smaller file|small file|save space|低质量|低画质|小文件|省空间",
    ),
    ("medium", r"medium quality|normal quality|中等质量|中画质"),
    ("high", r"high quality|best quality|highest quality|高质量|高画质|最高画质"),
)
_FPS = re.compile(r"(?<!\d)(24|30|60)\s*(?:fps|帧|frames? (?:per|a) second)|帧率\s*(24|30|60)")


@dataclass(frozen=True, slots=True)
class OutputOptions:
    """Output options for an export; None means "not asked" (the backend's default)."""

    resolution: str | None = None
    quality: str | None = None
    fps: int | None = None
    format: str | None = None

    def __post_init__(self) -> None:
        """Reject values outside the supported sets (a programming error: flags are choices)."""
        checks = (
            (self.resolution, RESOLUTIONS),
            (self.quality, QUALITIES),
            (self.fps, FPS_CHOICES),
            (self.format, FORMATS),
        )
        for value, allowed in checks:
            if value is not None and value not in allowed:
                raise ValueError(f"unsupported output option {value!r}")

    @property
    def extension(self) -> str:
        """The delivered file's extension, with the dot (`.mp4` unless a format was asked)."""
        return f".{self.format or 'mp4'}"

    @property
    def extensions(self) -> dict[str, Any]:
        """The options beyond the standard `format`/`quality` pair (protocol extensions)."""
        extra: dict[str, Any] = {"resolution": self.resolution, "fps": self.fps}
        if self.format not in (None, "mp4"):
            extra["format"] = self.format
        return {key: value for key, value in extra.items() if value is not None}

    def wire(self, *, standard_only: bool = False) -> dict[str, Any]:
        """The render request's `output` object (without the extensions if `standard_only`)."""
        body: dict[str, Any] = {"format": "mp4", "quality": self.quality or "high"}
        return body if standard_only else {**body, **self.extensions}

    def over(self, base: OutputOptions) -> OutputOptions:
        """These options, with `base`'s filling what these leave unset (flags over text)."""
        unset = {
            f.name: getattr(base, f.name) for f in fields(self) if getattr(self, f.name) is None
        }
        return replace(self, **unset)


def _find(text: str, table: tuple[tuple[str, str], ...], *, edges: bool) -> str | None:
    for value, pattern in table:
        wrapped = f"{_EDGE_L}(?:{pattern}){_EDGE_R}" if edges else f"(?:{pattern})"
        if re.search(wrapped, text):
            return value
    return None


def options_from_text(text: str) -> OutputOptions:
    """The output options a chat message asks for (EN and ZH; unknown wording asks for none)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    fps = _FPS.search(folded)
    return OutputOptions(
        resolution=_find(folded, _RESOLUTION_WORDS, edges=True),
        quality=_find(folded, _QUALITY_WORDS, edges=False),
        fps=int(fps.group(1) or fps.group(2)) if fps else None,
        format=_find(folded, _FORMAT_WORDS, edges=True),
    )


@dataclass(frozen=True, slots=True)
class MediaFacts:
    """What a delivered file actually is (read back from the file)."""

    format: str
    width: int
    height: int
    fps: float
    duration: float | None

    @property
    def resolution(self) -> str:
        """`1920x1080`."""
        return f"{self.width}x{self.height}"


def unmet(asked: OutputOptions, got: MediaFacts) -> tuple[str, ...]:
    """The options the delivered file does not honour (`resolution`, `fps`, `format`)."""
    missed = []
    if asked.resolution and min(got.width, got.height) != RESOLUTIONS[asked.resolution]:
        missed.append("resolution")
    if asked.fps and round(got.fps) != asked.fps and got.format != "gif":
        missed.append("fps")
    if asked.format and got.format != asked.format:
        missed.append("format")
    return tuple(missed)
