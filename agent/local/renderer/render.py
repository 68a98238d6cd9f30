"""The MP4 writer, and the only code that touches the encoder: spec -> H.264/AAC MP4 via PyAV.

Blocking and in-process (no ffmpeg subprocess): frames are composed straight in yuv420p, a few
ahead of the encoder on a helper thread (`agent.local.renderer.pipeline`), and streamed; the file
appears at `out_path` only when it is complete.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from agent.errors import RenderError
from agent.local.renderer.spec import RenderSpec

if TYPE_CHECKING:
    from agent.local.renderer.compose import Compositor
    from agent.local.renderer.pipeline import FramePipeline

__all__ = ["AUDIO_RATE", "RenderResult", "render"]

AUDIO_RATE = 48_000
_AUDIO_CHUNK = 1024  # samples per AAC frame
_FULL_HD_PIXELS = 1920 * 1080


@dataclass(frozen=True, slots=True)
class RenderResult:
    """What a finished render produced."""

    duration_s: float
    size_bytes: int
    width: int
    height: int
    frames: int


def _video_options(spec: RenderSpec) -> tuple[str, dict[str, str]]:
    if spec.container == "webm":
        # VP9 CRF runs ~10 above x264's for a similar look; realtime keeps it about as fast.
        crf = str(min(63, spec.crf + 11))
        return "libvpx-vp9", {"crf": crf, "b": "0", "deadline": "realtime", "cpu-used": "8"}
    # b-adapt=0: fixed B-frame placement; ~10% less encoder CPU at equal PSNR for slideshows.
    # subme=1 (veryfast has 2): ~35% less encoder CPU for -0.02 dB PSNR and a 6% larger file on
    # the 5 s 1080p zoom clip. Two frame threads (for 2 cores) and no sync look-ahead: same
    # CPU and PSNR, ~40 MB less peak RSS at 1080p (bench/README.md has the figures).
    params = "b-adapt=0:subme=1:sync-lookahead=0"
    if spec.width * spec.height > _FULL_HD_PIXELS:
        # Above 1080p every frame x264 holds costs 12+ MB (4K): fewer frames in flight keep a
        # 4K render under 600 MB peak RSS (~490 MB, from ~970 MB) for a little compression.
        params += ":rc-lookahead=2:bframes=1"
    options = {"crf": str(spec.crf), "preset": spec.preset, "x264-params": params, "threads": "2"}
    return "libx264", options


def _open_output(path: Path, spec: RenderSpec) -> tuple[Any, Any, Any]:
    import av

    from agent.local.renderer.colour import matrix_for, stream_tags

    options = {"movflags": "+faststart"} if spec.container == "mp4" else {}
    container: Any = av.open(str(path), "w", format=spec.container, options=options)
    codec, codec_options = _video_options(spec)
    video = container.add_stream(codec, rate=spec.fps)
    video.width, video.height, video.pix_fmt = spec.width, spec.height, "yuv420p"
    video.time_base = Fraction(1, spec.fps)
    video.options = codec_options
    video.codec_context.thread_type = "AUTO"
    # Frames are composed in the canvas's standard (agent.local.renderer.colour); tag the stream so.
    for name, value in stream_tags(matrix_for(spec.width, spec.height)).items():
        setattr(video.codec_context, name, value)
    audio_codec = "libopus" if spec.container == "webm" else "aac"
    audio = container.add_stream(audio_codec, rate=AUDIO_RATE, layout="stereo")
    audio.bit_rate = 160_000
    return container, video, audio


class _Encoder:
    """Feeds video frames and the matching audio to an open container, interleaved."""

    def __init__(self, container: Any, video: Any, audio: Any, samples: Any, fps: int) -> None:
        self._container, self._video, self._audio = container, video, audio
        self._samples, self._fps = samples, fps
        self._audio_done = 0

    def video_frame(self, index: int, frame: Any) -> None:
        frame.pts = index
        frame.time_base = Fraction(1, self._fps)
        self._container.mux(self._video.encode(frame))
        self._audio_until((index + 1) * AUDIO_RATE // self._fps)

    def _audio_until(self, sample: int) -> None:
        import av
        import numpy as np

        sample = min(sample, self._samples.shape[1])
        while self._audio_done < sample:
            end = min(self._audio_done + _AUDIO_CHUNK, self._samples.shape[1])
            chunk = np.ascontiguousarray(self._samples[:, self._audio_done : end])
            frame = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
            frame.sample_rate, frame.pts = AUDIO_RATE, self._audio_done
            frame.time_base = Fraction(1, AUDIO_RATE)
            self._container.mux(self._audio.encode(frame))
            self._audio_done = end

    def finish(self) -> None:
        self._audio_until(self._samples.shape[1])
        self._container.mux(self._video.encode(None))
        self._container.mux(self._audio.encode(None))


def _encode(
    spec: RenderSpec,
    path: Path,
    progress: Callable[[int, int], None] | None,
    cancel: threading.Event | None,
    clock: Callable[[], float],
) -> None:
    import cv2

    from agent.local.renderer.audio import mix_audio
    from agent.local.renderer.compose import Compositor
    from agent.local.renderer.pipeline import FramePipeline

    # One thread per warp: OpenCV's pool saves no wall time beside the encoder's threads on
    # 2 cores and costs CPU to hand work over (this process renders, nothing else uses cv2).
    cv2.setNumThreads(1)
    size = (spec.width, spec.height)
    with Compositor(spec) as compositor:
        frames = FramePipeline(
            lambda index: _compose(compositor, index, size),
            spec.frame_count,
            progress=progress,
            clock=clock,
            settle=compositor.opens_photo,
        )
        with frames:
            if spec.container == "gif":
                from agent.local.renderer.gif import GifWriter

                gif = GifWriter(path, spec.fps)
                _stream(gif, frames, spec.frame_count, cancel)
                gif.finish()
            else:
                samples = mix_audio(spec.audios, spec.duration_ms, AUDIO_RATE)
                container, video, audio = _open_output(path, spec)
                try:
                    encoder = _Encoder(container, video, audio, samples, spec.fps)
                    _stream(encoder, frames, spec.frame_count, cancel)
                    encoder.finish()
                finally:
                    container.close()
    if progress is not None:
        progress(spec.frame_count, spec.frame_count)


class _FrameSink(Protocol):
    def video_frame(self, index: int, frame: Any) -> None: ...


def _stream(
    encoder: _FrameSink, frames: FramePipeline, total: int, cancel: threading.Event | None
) -> None:
    """Encode frames 0..total-1 as the pipeline hands them out."""
    for index in range(total):
        frame = frames.next()
        if cancel is not None and cancel.is_set():
            raise RenderError("cancelled")
        encoder.video_frame(index, frame)
        del frame  # x264 holds its own copy: not one more 1080p frame while the next is awaited
        frames.encoded = index + 1


def _compose(compositor: Compositor, index: int, size: tuple[int, int]) -> Any:
    """Frame `index` as a new `av.VideoFrame`, composed straight into its planes (no copy)."""
    import av

    from agent.local.renderer.planes import frame_planes

    compositor.prepare(index)  # a photo is decoded before this frame's buffer exists
    frame = av.VideoFrame(size[0], size[1], "yuv420p")
    compositor.frame(index, frame_planes(frame))
    return frame


_PR_SET_THP_DISABLE, _PR_GET_THP_DISABLE = 41, 42  # <linux/prctl.h>


@contextlib.contextmanager
def small_pages() -> Iterator[bool]:
    """No transparent huge pages for this process while inside (Linux); yields whether it acted.

    x264 asks for huge pages for its frame buffers (`madvise`): each touched 2 MB region is then
    resident whole, and zeroed whole on its first touch. Without them a 1080p render's peak RSS
    is ~10 MB lower (bench/README.md, round 10). The setting is the process's: it is restored on
    the way out, unless it was already set (then left alone).
    """
    libc: Any = None
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
    if libc is None or libc.prctl(_PR_GET_THP_DISABLE, 0, 0, 0, 0) != 0:
        yield False  # not Linux, no prctl, or already disabled
        return
    acted = libc.prctl(_PR_SET_THP_DISABLE, 1, 0, 0, 0) == 0
    try:
        yield acted
    finally:
        if acted:
            libc.prctl(_PR_SET_THP_DISABLE, 0, 0, 0, 0)


def render(
    spec: RenderSpec,
    out_path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> RenderResult:
    """Render `spec` to an MP4 at `out_path` (H.264 yuv420p + AAC 48 kHz stereo, faststart).

    Blocking; call it from a worker thread. The MP4 is written to a temporary file beside
    `out_path` and renamed into place only on success.

    Args:
        spec: What to render.
        out_path: Where the finished MP4 goes (replaced if present).
        progress: Called as `progress(frames_done, frames_total)` at most every 250 ms of
            `clock` (from the composing thread, never the encoder's), and once at the end.
        cancel: When set, the render stops at the next frame.
        clock: Seconds, monotonic; paces the progress calls.

    Returns:
        The duration, size and frame count of the file.

    Raises:
        RenderError: Cancelled (message `cancelled`), undecodable media, or an encoder or
            file-system failure. No partial file is left behind.
    """
    import av

    out_path = Path(out_path)
    temp = out_path.with_name(f".{out_path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with small_pages():
            _encode(spec, temp, progress, cancel, clock)
        temp.replace(out_path)
    except av.FFmpegError as exc:
        raise RenderError(f"encoder failed: {exc}") from exc
    except OSError as exc:
        raise RenderError(f"cannot write {out_path.name}: {exc.strerror}") from exc
    finally:
        temp.unlink(missing_ok=True)
    return RenderResult(
        duration_s=spec.frame_count / spec.fps,
        size_bytes=out_path.stat().st_size,
        width=spec.width,
        height=spec.height,
        frames=spec.frame_count,
    )
