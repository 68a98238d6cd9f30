"""Media probing: kind, size, duration and frame rate of an uploaded file (Pillow, then PyAV).

Reads headers only where it can; never renders. Pillow and PyAV are imported when called.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from agent.errors import RenderError

__all__ = ["MediaInfo", "probe"]


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """What a media file is.

    Attributes:
        kind: `image`, `video` or `audio`.
        width: Pixel width (None for audio).
        height: Pixel height (None for audio).
        duration_ms: Length in ms (None for still images or when the container does not say).
        fps: Average frame rate of a video (None otherwise).
    """

    kind: Literal["image", "video", "audio"]
    width: int | None = None
    height: int | None = None
    duration_ms: int | None = None
    fps: float | None = None


def _probe_image(path: Path) -> MediaInfo | None:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            img.verify()
        with Image.open(path) as img:
            upright = ImageOps.exif_transpose(img)
            return MediaInfo("image", upright.width, upright.height)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def _duration_ms(container: Any, stream: Any) -> int | None:
    if stream.duration is not None and stream.time_base is not None:
        return round(float(stream.duration * stream.time_base) * 1000)
    if container.duration is not None:
        return round(int(container.duration) / 1000)  # av.time_base is microseconds
    return None


def _first_frame_decodes(container: Any, stream: Any) -> bool:
    """Container headers can lie (a text file named .jpg opens as MJPEG); one frame cannot."""
    return next(iter(container.decode(stream)), None) is not None


def _describe(container: Any) -> MediaInfo | None:
    videos = [s for s in container.streams.video if not _is_cover_art(s)]
    if videos and videos[0].width and _first_frame_decodes(container, videos[0]):
        stream = videos[0]
        rate = stream.average_rate or stream.guessed_rate
        duration = _duration_ms(container, stream)
        return MediaInfo(
            "video", stream.width, stream.height, duration, float(rate) if rate else None
        )
    audio = container.streams.audio
    if audio and _first_frame_decodes(container, audio[0]):
        return MediaInfo("audio", None, None, _duration_ms(container, audio[0]))
    return None


def _probe_av(path: Path) -> MediaInfo:
    import av

    try:
        with av.open(str(path)) as container:
            info = _describe(container)
    except av.FFmpegError as exc:
        raise RenderError(f"cannot decode {path.name}") from exc
    if info is None:
        raise RenderError(f"no picture or sound in {path.name}")
    return info


def _is_cover_art(stream: Any) -> bool:
    return bool(stream.disposition & 0x400)  # AV_DISPOSITION_ATTACHED_PIC: an MP3's album art


def probe(path: Path) -> MediaInfo:
    """Describe an image (via Pillow), or a video or audio file (via PyAV).

    Args:
        path: The file.

    Returns:
        Its kind and geometry; images report the EXIF-upright size.

    Raises:
        RenderError: The file is missing or cannot be decoded as any media.
    """
    path = Path(path)
    if not path.is_file():
        raise RenderError(f"no such file: {path.name}")
    return _probe_image(path) or _probe_av(path)
