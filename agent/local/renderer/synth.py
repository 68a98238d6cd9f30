"""Synthesized music beds: simple deterministic numpy additive synthesis (no samples, no RNG).

Four styles share one I-vi-IV-V progression in C; each is a list of note events rendered with
soft envelopes. Same style and length give the same samples, bit for bit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["STYLES", "synthesize"]

Samples = NDArray[np.float32]

# MIDI notes: Cmaj7, Am7, Fmaj7, G6 (voiced around middle C) and their bass roots.
_CHORDS = ((60, 64, 67, 71), (57, 60, 64, 67), (53, 57, 60, 64), (55, 59, 62, 64))
_ROOTS = (36, 33, 29, 31)


@dataclass(frozen=True, slots=True)
class _Note:
    start: float
    """Seconds from the start of the bed."""
    midi: int
    length: float
    gain: float
    pan: float = 0.0
    """-1 left .. 1 right."""
    attack: float = 0.01
    decay: float = 0.0
    """Exponential decay time constant in seconds; 0 sustains until the release."""
    partials: tuple[float, ...] = (1.0,)


def _freq(midi: int) -> float:
    return float(440.0 * 2.0 ** ((midi - 69) / 12))


def _render(note: _Note, out: Samples, rate: int) -> None:
    start = round(note.start * rate)
    n = min(round(note.length * rate), out.shape[1] - start)
    if n <= 0:
        return
    t = np.arange(n, dtype=np.float32) / rate
    wave = np.zeros(n, dtype=np.float32)
    for k, amp in enumerate(note.partials, start=1):
        wave += amp * np.sin(np.float32(2 * np.pi * _freq(note.midi) * k) * t)
    env = np.minimum(1.0, t / max(note.attack, 1e-3))
    release = min(0.3, note.length / 3)
    env *= np.clip((note.length - t) / release, 0.0, 1.0)
    if note.decay > 0:
        env *= np.exp(-t / note.decay)
    wave *= env * note.gain
    out[0, start : start + n] += wave * np.float32((1 - note.pan) / 2)
    out[1, start : start + n] += wave * np.float32((1 + note.pan) / 2)


def _bars(seconds: float, bar: float) -> Iterator[tuple[float, int]]:
    """(bar start, chord index) for every bar that starts before `seconds`."""
    index = 0
    while index * bar < seconds:
        yield index * bar, index % len(_CHORDS)
        index += 1


def _ambient_pad(seconds: float) -> Iterator[_Note]:
    for start, c in _bars(seconds, 4.0):
        for i, midi in enumerate(_CHORDS[c]):
            pan = -0.6 + 0.4 * i
            yield _Note(start, midi, 4.6, 0.10, pan, attack=1.2, partials=(1.0, 0.25, 0.08))
            yield _Note(start, midi + 12, 4.6, 0.03, -pan, attack=1.6)
        yield _Note(start, _ROOTS[c] + 12, 4.6, 0.10, attack=1.0, partials=(1.0, 0.3))


def _soft_piano(seconds: float) -> Iterator[_Note]:
    beat = 60 / 72
    piano = (1.0, 0.45, 0.2, 0.08)
    for start, c in _bars(seconds, 4 * beat):
        yield _Note(start, _ROOTS[c] + 12, 4 * beat, 0.16, attack=0.005, decay=1.5, partials=piano)
        pattern = (*_CHORDS[c], _CHORDS[c][2], _CHORDS[c][1], _CHORDS[c][2], _CHORDS[c][3])
        for step, midi in enumerate(pattern):
            pan = -0.3 + 0.6 * step / len(pattern)
            yield _Note(start + step * beat / 2, midi, 1.6, 0.09, pan, 0.005, 0.7, piano)


def _lofi_pulse(seconds: float) -> Iterator[_Note]:
    beat = 60 / 80
    warm = (1.0, 0.3, 0.12, 0.05)
    for start, c in _bars(seconds, 4 * beat):
        yield _Note(start, _ROOTS[c] + 12, 4 * beat, 0.14, attack=0.02, decay=2.0, partials=warm)
        for b in range(4):
            at = start + b * beat
            yield _Note(at, 28, 0.35, 0.35 if b % 2 == 0 else 0.2, attack=0.003, decay=0.09)
            for i, midi in enumerate(_CHORDS[c]):
                gain = 0.05 if b % 2 == 0 else 0.035
                yield _Note(at + beat / 2, midi, beat / 2, gain, -0.4 + 0.25 * i, 0.01, 0.3, warm)


def _upbeat_pluck(seconds: float) -> Iterator[_Note]:
    beat = 60 / 120
    pluck = (1.0, 0.6, 0.35, 0.2, 0.1)
    for start, c in _bars(seconds, 4 * beat):
        for b in range(4):
            yield _Note(start + b * beat, _ROOTS[c] + 12, beat, 0.16, attack=0.004, decay=0.25)
        tones = _CHORDS[c]
        for step in range(8):
            midi = tones[(step * 3) % len(tones)] + (12 if step % 4 == 3 else 0)
            pan = -0.5 if step % 2 == 0 else 0.5
            yield _Note(start + step * beat / 2, midi, 0.4, 0.09, pan, 0.002, 0.12, pluck)


STYLES: dict[str, Callable[[float], Iterator[_Note]]] = {
    "ambient_pad": _ambient_pad,
    "soft_piano": _soft_piano,
    "lofi_pulse": _lofi_pulse,
    "upbeat_pluck": _upbeat_pluck,
}


def synthesize(style: str, samples: int, rate: int) -> Samples:
    """Render `samples` frames of a music bed.

    Args:
        style: One of `STYLES` (`ambient_pad`, `soft_piano`, `lofi_pulse`, `upbeat_pluck`).
        samples: Length per channel.
        rate: Sample rate in Hz.

    Returns:
        Planar `(2, samples)` float32, peak-normalised to 0.8.
    """
    if style not in STYLES:
        raise ValueError(f"unknown music style {style!r}")
    out = np.zeros((2, samples), dtype=np.float32)
    for note in STYLES[style](samples / rate):
        _render(note, out, rate)
    peak = float(np.abs(out).max()) if samples else 0.0
    if peak > 0:
        out *= np.float32(0.8 / peak)
    return out
