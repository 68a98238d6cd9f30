"""AAC coders side by side: CPU of the encode and the decoded audio's error against the input PCM.

Signals (5 s, 48 kHz stereo): the bench clip's mix (ambient pad at volume 35, faded), the four
music beds at full level, a speech-like signal (a glottal pulse train through moving formants,
syllables, fricatives and pauses), pink noise and clicks (pre-echo). Each is encoded at our
160 kb/s by FFmpeg's native AAC encoder (PyAV) with each `aac_coder`, decoded back with PyAV and
aligned on the input. Figures: waveform SNR; band SNR (error energy against signal energy in
1/3-octave bands of 2048-sample frames, averaged in dB over the bands that carry signal, a
spectral-error figure that weighs the highs as the ear does more than the waveform SNR does);
log-spectral distance of the magnitudes (tolerant of noise substitution, which swaps a band's
waveform for noise of the same level); the bandwidth kept (highest 1/3-octave band within 30 dB
of the input's); the bit rate; the encode's thread CPU (median of `--repeat`, in this process
after one warm-up encode).
`python bench/bench_audio_quality.py [--repeat N] [--coders twoloop,fast]`
"""

from __future__ import annotations

import itertools
import statistics
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_render import DRAFT, PHOTO

RATE = 48_000
SECONDS = 5
BIT_RATE = 160_000
_FRAME = 2048


def _speech(n: int, rng: np.random.Generator) -> Any:
    """A deterministic speech-like signal: voiced syllables with formants, fricatives, pauses."""
    t = np.arange(n) / RATE
    f0 = 140 + 40 * np.sin(2 * np.pi * 0.7 * t) + 15 * np.sin(2 * np.pi * 3.1 * t)
    phase = np.cumsum(f0 / RATE)
    source = (phase % 1.0) ** 3 - 0.25  # glottal-ish pulse train, rich in harmonics
    voiced = np.zeros(n)
    spectrum = np.fft.rfft(source)
    freqs = np.fft.rfftfreq(n, 1 / RATE)
    for formant, width in ((650, 90), (1200, 120), (2600, 160), (3500, 200)):
        voiced += np.fft.irfft(spectrum / (1 + ((freqs - formant) / width) ** 2), n)
    syllable = np.clip(np.sin(2 * np.pi * 4.0 * t), 0, None) ** 0.6
    pauses = (np.floor(t / 1.1) % 3 != 2).astype(float)  # every third 1.1 s is a pause
    noise = np.fft.irfft(np.fft.rfft(rng.standard_normal(n)) * ((freqs > 4000) & (freqs < 9000)))
    fricative = noise * (np.sin(2 * np.pi * 2.0 * t + 1) > 0.8)
    mono = (voiced / np.abs(voiced).max() * syllable + 0.3 * fricative) * pauses
    mono *= 0.5 / np.abs(mono).max()
    return np.stack([mono, mono * 0.98])


def _pink(n: int, rng: np.random.Generator) -> Any:
    channels = []
    for _ in range(2):
        spectrum = np.fft.rfft(rng.standard_normal(n))
        freqs = np.fft.rfftfreq(n, 1 / RATE)
        pink = np.fft.irfft(spectrum / np.sqrt(np.maximum(freqs, 20)), n)
        channels.append(pink / np.sqrt(np.mean(pink**2)) * 10 ** (-18 / 20))
    return np.stack(channels)


def _clicks(n: int, rng: np.random.Generator) -> Any:
    out = np.zeros((2, n))
    decay = np.exp(-np.arange(2400) / 300)
    for start in range(RATE // 8, n - 2400, RATE // 4):
        burst = rng.standard_normal(2400) * decay * 0.5
        out[:, start : start + 2400] += burst
    return out


def signals() -> dict[str, Any]:
    """The test signals, planar float32 (2, n) in -1..1."""
    from agent.local.renderer.audio import mix_audio
    from agent.local.renderer.spec import spec_from_draft
    from agent.local.renderer.synth import STYLES, synthesize

    n = RATE * SECONDS
    rng = np.random.default_rng(8)
    spec = spec_from_draft(DRAFT, lambda _id: PHOTO)
    found: dict[str, Any] = {"bench mix (pad, vol 35)": mix_audio(spec.audios, 5000, RATE)}
    found.update({style: synthesize(style, n, RATE) for style in STYLES})
    found["speech-like"] = _speech(n, rng)
    found["pink noise -18 dBFS"] = _pink(n, rng)
    found["clicks"] = _clicks(n, rng)
    return {name: np.clip(s, -1, 1).astype(np.float32) for name, s in found.items()}


def encode(samples: Any, coder: str, path: Path) -> float:
    """Encode `samples` to an AAC MP4 at `path` as the renderer does; the thread CPU it took."""
    import av

    begin = time.thread_time()
    with av.open(str(path), "w", format="mp4") as container:
        stream = container.add_stream("aac", rate=RATE, layout="stereo")
        stream.bit_rate = BIT_RATE
        stream.options = {"aac_coder": coder}
        for start in range(0, samples.shape[1], 1024):
            chunk = np.ascontiguousarray(samples[:, start : start + 1024])
            frame = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
            frame.sample_rate, frame.pts, frame.time_base = RATE, start, Fraction(1, RATE)
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return time.thread_time() - begin


def decode(path: Path) -> tuple[Any, float]:
    """Planar float samples of the file's audio and its bit rate (b/s)."""
    import av

    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        chunks = [f.to_ndarray() for f in container.decode(stream)]
    with av.open(str(path)) as container:
        size = sum(p.size for p in container.demux(container.streams.audio[0]))
    decoded = np.concatenate(chunks, axis=1)
    return decoded, size * 8 / (decoded.shape[1] / RATE)


def _bands() -> list[tuple[int, int]]:
    freqs = np.fft.rfftfreq(_FRAME, 1 / RATE)
    edges = 25 * 2 ** (np.arange(0, 30) / 3)
    bands = []
    for low, high in itertools.pairwise(edges):
        if high > RATE / 2:
            break
        picked = np.nonzero((freqs >= low) & (freqs < high))[0]
        if picked.size:
            bands.append((int(picked[0]), int(picked[-1]) + 1))
    return bands


def _lag(want: Any, got: Any, most: int = 4096) -> int:
    """Where `want` starts in `got` (0..`most` samples in), by FFT cross-correlation."""
    size = 1 << int(np.ceil(np.log2(len(want) + len(got))))
    corr = np.fft.irfft(np.fft.rfft(got, size) * np.conj(np.fft.rfft(want, size)), size)
    return int(np.argmax(corr[: most + 1]))


def compare(reference: Any, decoded: Any) -> dict[str, float]:
    """Waveform SNR, band SNR, log-spectral distance and bandwidth of `decoded` vs `reference`."""
    n = reference.shape[1]
    lag = _lag(reference[0] + reference[1], decoded[0] + decoded[1])
    got = decoded[:, lag : lag + n].astype(np.float64)
    want = reference[:, : got.shape[1]].astype(np.float64)
    error = got - want
    snr = 10 * np.log10(np.sum(want**2) / max(np.sum(error**2), 1e-20))
    window = np.hanning(_FRAME)
    band_snrs, lsd, kept_in, kept_out = [], [], np.zeros(len(_bands())), np.zeros(len(_bands()))
    for c in range(2):
        for start in range(0, want.shape[1] - _FRAME, _FRAME // 2):
            w = np.fft.rfft(want[c, start : start + _FRAME] * window)
            g = np.fft.rfft(got[c, start : start + _FRAME] * window)
            for i, (a, b) in enumerate(_bands()):
                sig, err = np.sum(np.abs(w[a:b]) ** 2), np.sum(np.abs(g[a:b] - w[a:b]) ** 2)
                out = np.sum(np.abs(g[a:b]) ** 2)
                kept_in[i] += sig
                kept_out[i] += out
                if sig > 1e-7 * _FRAME:  # the band carries signal (above ~-70 dBFS)
                    band_snrs.append(10 * np.log10(sig / max(err, 1e-20)))
                    lsd.append(abs(10 * np.log10(max(out, 1e-20) / sig)))
    freqs = np.fft.rfftfreq(_FRAME, 1 / RATE)
    loud = [i for i in range(len(kept_in)) if kept_in[i] > 1e-6 * kept_in.max()]
    kept = [i for i in loud if kept_out[i] > kept_in[i] * 10 ** (-30 / 10)]
    top = freqs[_bands()[max(kept)][1] - 1] if kept else 0.0
    return {
        "snr_db": float(snr),
        "band_snr_db": float(np.mean(band_snrs)),
        "lsd_db": float(np.mean(lsd)),
        "bandwidth_khz": float(top / 1000),
    }


def main(repeat: int, coders: list[str]) -> None:
    """Print one row per signal and coder."""
    found = signals()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.mp4"
        encode(found["clicks"], coders[0], path)  # warm-up: the encoder's tables
        print(
            f"AAC {BIT_RATE // 1000} kb/s stereo, {SECONDS} s at {RATE} Hz; "
            f"encode CPU median of {repeat}"
        )
        header = "Signal | Coder | Encode CPU ms | SNR dB | Band SNR dB | LSD dB | kHz kept | kb/s"
        print(f"| {header} |")
        print("|---|---|---|---|---|---|---|---|")
        for name, samples in found.items():
            for coder in coders:
                cpu = statistics.median(encode(samples, coder, path) for _ in range(repeat))
                decoded, bit_rate = decode(path)
                q = compare(samples, decoded)
                print(
                    f"| {name} | {coder} | {cpu * 1000:.0f} | {q['snr_db']:.1f} | "
                    f"{q['band_snr_db']:.1f} | {q['lsd_db']:.2f} | {q['bandwidth_khz']:.1f} | "
                    f"{bit_rate / 1000:.0f} |"
                )


if __name__ == "__main__":
    args = sys.argv[1:]
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 3
    coders = (
        args[args.index("--coders") + 1].split(",") if "--coders" in args else ["twoloop", "fast"]
    )
    main(repeat, coders)
