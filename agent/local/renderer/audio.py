"""The soundtrack: decode uploads (PyAV), synthesize music beds (numpy), mix to 48 kHz stereo.

Imported lazily by the renderer. Audio is planar float32 `(2, samples)` in -1..1; the whole
mix is held in memory (about 23 MB per minute), unlike video frames, which are streamed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from agent.errors import RenderError
from agent.local.renderer.spec import AudioClip
from agent.local.renderer.synth import synthesize

__all__ = ["SAMPLE_RATE", "decode_audio", "mix_audio"]

SAMPLE_RATE = 48_000

Samples = NDArray[np.float32]


def _planar(frame: Any) -> Samples:
    return np.asarray(frame.to_ndarray(), dtype=np.float32)


def decode_audio(path: Path, max_samples: int, rate: int = SAMPLE_RATE) -> Samples:
    """Decode the first audio stream of `path`, resampled to `rate` Hz stereo float32.

    Args:
        path: An audio or video file.
        max_samples: Stop once this many samples per channel are decoded.
        rate: Output sample rate.

    Returns:
        Planar `(2, n)` samples, `n <= max_samples`.

    Raises:
        RenderError: The file has no decodable audio.
    """
    import av

    chunks: list[Samples] = []
    have = 0
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise RenderError(f"no audio stream in {path.name}")
            resampler = av.AudioResampler(format="fltp", layout="stereo", rate=rate)
            for frame in container.decode(container.streams.audio[0]):
                for out in resampler.resample(frame):
                    chunks.append(_planar(out))
                    have += chunks[-1].shape[1]
                if have >= max_samples:
                    break
            chunks.extend(_planar(out) for out in resampler.resample(None))
    except av.FFmpegError as exc:
        raise RenderError(f"cannot decode audio {path.name}: {exc}") from exc
    if not chunks:
        raise RenderError(f"no audio samples in {path.name}")
    return np.concatenate(chunks, axis=1)[:, :max_samples]


def _fit_length(source: Samples, n: int) -> Samples:
    """Loop or trim `source` to exactly `n` samples."""
    if source.shape[1] == 0:
        return np.zeros((2, n), dtype=np.float32)
    repeats = -(-n // source.shape[1])
    return np.tile(source, (1, repeats))[:, :n] if repeats > 1 else source[:, :n]


def _envelope(n: int, fade_in: int, fade_out: int) -> NDArray[np.float32]:
    env = np.ones(n, dtype=np.float32)
    if fade_in > 0:
        k = min(fade_in, n)
        env[:k] *= np.linspace(0.0, 1.0, k, endpoint=False, dtype=np.float32)
    if fade_out > 0:
        k = min(fade_out, n)
        env[n - k :] *= np.linspace(1.0, 0.0, k, dtype=np.float32)
    return env


def _clip_samples(clip: AudioClip, rate: int) -> Samples:
    n = round(clip.duration_ms * rate / 1000)
    if clip.synth is not None:
        source = synthesize(clip.synth, n, rate)
    elif clip.path is not None:
        source = decode_audio(clip.path, n, rate)
    else:
        raise ValueError("an AudioClip needs a path or a synth style")
    ms = rate / 1000
    env = _envelope(n, round(clip.fade_in_ms * ms), round(clip.fade_out_ms * ms))
    return _fit_length(source, n) * (env * np.float32(clip.volume))


def mix_audio(clips: tuple[AudioClip, ...], duration_ms: int, rate: int = SAMPLE_RATE) -> Samples:
    """Mix every clip onto a silent timeline of `duration_ms`.

    Args:
        clips: Audio clips (uploads or synthesized beds).
        duration_ms: Length of the output.
        rate: Sample rate.

    Returns:
        Planar `(2, n)` float32 samples, clipped to -1..1 (silence when there are no clips).

    Raises:
        RenderError: An uploaded file cannot be decoded.
    """
    total = round(duration_ms * rate / 1000)
    mix = np.zeros((2, total), dtype=np.float32)
    for clip in clips:
        start = round(clip.start_ms * rate / 1000)
        if start >= total:
            continue
        samples = _clip_samples(clip, rate)[:, : total - start]
        mix[:, start : start + samples.shape[1]] += samples
    np.clip(mix, -1.0, 1.0, out=mix)
    return mix
