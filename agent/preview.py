"""Previews of a delivered video: what the file really is, a contact sheet and a poster.

Beside `NAME.mp4` (or `.gif`, `.webm`) it writes `NAME.jpg`, six frames in a 3x2 grid with their
times (about 1280 px wide) that an agent host can show or look at, and `NAME.poster.jpg`, one
frame at full width (at most 1280 px). Needs the `local` extra (PyAV, Pillow); without it there
is nothing to read the file with and no previews are made. Imported lazily.
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from pathlib import Path
from typing import Any

from agent.output_options import MediaFacts

__all__ = ["SHEET_WIDTH", "available", "look_at", "probe", "write_previews"]

SHEET_WIDTH = 1280
_COLUMNS, _ROWS = 3, 2
_GAP = 8
_THREADED_PIXELS = 1920 * 1080
"""Up to 1080p two decoder threads read the file (the same CPU, about half the wait on two
cores); a 4K frame is 12 MB, so above that one thread keeps fewer in flight."""
_FORMATS = {"gif": "gif", "matroska,webm": "webm", "mov,mp4,m4a,3gp,3g2,mj2": "mp4"}


def available() -> bool:
    """Whether PyAV and Pillow are installed (the `local` extra)."""
    return all(importlib.util.find_spec(name) is not None for name in ("av", "PIL"))


def probe(path: Path) -> MediaFacts | None:
    """Format, size, frame rate and duration of a video file; None if it cannot be read."""
    if not available():
        return None
    import av

    try:
        with av.open(str(path)) as container:
            video = container.streams.video[0]
            rate = float(video.average_rate or video.guessed_rate or 0)
            duration = container.duration / 1_000_000 if container.duration else None
            fmt = _FORMATS.get(container.format.name, container.format.name)
            if fmt == "gif" and duration:
                rate = (video.frames or 0) / duration or rate
            return MediaFacts(fmt, video.width, video.height, float(rate), duration)
    except (av.FFmpegError, IndexError):
        return None


def look_at(path: Path) -> tuple[MediaFacts | None, tuple[Path, ...]]:
    """`probe(path)` and, when the file can be read, `write_previews(path, facts)`."""
    facts = probe(path)
    return facts, write_previews(path, facts) if facts else ()


def _frames_at(path: Path, times: list[float]) -> list[tuple[float, Any]]:
    """The first decoded frame at or after each time (seconds), as PIL images."""
    import av

    picked: list[tuple[float, Any]] = []
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        if stream.width * stream.height <= _THREADED_PIXELS:  # above, frames in flight are big
            stream.thread_type, stream.thread_count = "FRAME", 2
        if stream.codec_context.name == "h264":
            # Frames nothing refers to are not decoded (about half of ours, B-frames): a picked
            # frame is the next reference frame, a frame or two later; the decode costs half.
            stream.codec_context.skip_frame = "NONREF"
        scale = min(1.0, SHEET_WIDTH / stream.width)
        size = (max(2, round(stream.width * scale)), max(2, round(stream.height * scale)))
        for frame in container.decode(stream):
            t = float(frame.time or 0.0)
            while len(picked) < len(times) and t + 1e-3 >= times[len(picked)]:
                image = frame.to_image(width=size[0], height=size[1])  # type: ignore[no-untyped-call]
                picked.append((t, image))
            if len(picked) == len(times):
                break
    return picked


def _label(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)}:{rest:04.1f}"


def _sheet(frames: list[tuple[float, Any]]) -> Any:
    from PIL import Image, ImageDraw, ImageFont

    cell_w = (SHEET_WIDTH - _GAP * (_COLUMNS + 1)) // _COLUMNS
    first = frames[0][1]
    cell_h = max(2, round(cell_w * first.height / first.width))
    sheet = Image.new("RGB", (SHEET_WIDTH, _GAP + _ROWS * (cell_h + _GAP)), (24, 24, 27))
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=max(12, cell_h // 12))
    for i, (t, image) in enumerate(frames[: _COLUMNS * _ROWS]):
        x = _GAP + (i % _COLUMNS) * (cell_w + _GAP)
        y = _GAP + (i // _COLUMNS) * (cell_h + _GAP)
        sheet.paste(image.convert("RGB").resize((cell_w, cell_h)), (x, y))
        text = _label(t)
        box = draw.textbbox((x + 6, y + 6), text, font=font)
        draw.rectangle((box[0] - 4, box[1] - 3, box[2] + 4, box[3] + 3), fill=(0, 0, 0))
        draw.text((x + 6, y + 6), text, font=font, fill=(255, 255, 255))
    return sheet


def write_previews(path: Path, facts: MediaFacts | None = None) -> tuple[Path, ...]:
    """Write `NAME.jpg` (contact sheet) and `NAME.poster.jpg` beside `path`; their paths.

    Returns an empty tuple when the file cannot be read (no partial files are left). Each image is
    written whole through a temporary file; it replaces the preview of an earlier export with the
    same name (a GIF after the MP4 of the same project state).
    """
    facts = facts or probe(path)
    if facts is None:
        return ()
    import av

    length = facts.duration or 0.0
    count = _COLUMNS * _ROWS
    times = [length * (i + 0.5) / count for i in range(count)]
    try:
        frames = _frames_at(path, times)
    except av.FFmpegError:
        return ()
    if not frames:
        return ()
    while len(frames) < count:
        frames.append(frames[-1])
    sheet, poster = path.with_suffix(".jpg"), path.with_suffix(".poster.jpg")
    images = ((sheet, _sheet(frames), 85), (poster, frames[count // 2 - 1][1].convert("RGB"), 88))
    return tuple(dest.resolve() for dest, image, quality in images if _save(image, dest, quality))


def _save(image: Any, dest: Path, quality: int) -> bool:
    """Write a JPEG whole: through a temporary file beside `dest`, then renamed over it."""
    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex}.part")
    try:
        image.save(tmp, "JPEG", quality=quality)
        os.replace(tmp, dest)
    except OSError:
        return False
    finally:
        tmp.unlink(missing_ok=True)
    return True
