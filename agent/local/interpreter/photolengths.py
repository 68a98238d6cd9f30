"""Which photo lengths a message sets on a slideshow, read in a fixed order: several photos named
with their lengths ("the first 5 s, the rest 2 s", "the harbor pic 2 seconds and the beach one
4", 第二张加多2秒，第三张减1秒, "the lighthouse 5 seconds, the others 2", "add a second to the
beach photo and take one off the harbor"), then, after any photo edit, every photo's length
("3 seconds each", "a second more for each photo", 每张照片都减少一秒) and one photo's length.

Pure: the interpreter rebuilds the video track from the lengths returned.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent.local.interpreter.lengths import LengthOp
from agent.local.interpreter.photomix import mixed_lengths, take_rest
from agent.local.interpreter.photos import Subjects
from agent.local.interpreter.photosteps import (
    OneLength,
    delta_lengths,
    named_lengths,
    one_length,
)
from agent.local.interpreter.videotrack import VideoSpec

__all__ = ["PhotoLengths", "read_lengths"]


@dataclass(frozen=True, slots=True)
class PhotoLengths:
    """Each photo's new length (ms), the step's op, and whether one photo alone was named."""

    lengths: tuple[int, ...]
    op: str = "set_photo_lengths"
    single: bool = False


def read_lengths(
    said: str,
    current: VideoSpec,
    subjects: Subjects,
    *,
    named: bool,
    placed: bool,
    length: LengthOp | None,
) -> tuple[PhotoLengths | None, PhotoLengths | None]:
    """(lengths read before a photo edit, lengths read after one) from `said` (the folded message
    with kept clauses blanked out); `named` allows photos named with their lengths (not beside a
    title), `placed` says the message also edits titles, music or fades (one photo's length is
    then not read), `length` is the message's relative length."""
    visuals, now = current.visuals, list(current.lengths)
    rest_ms, alone = take_rest(said)
    one = None if placed else one_length(alone, visuals, subjects)
    early: list[int] | None = None
    if (mixed := mixed_lengths(said, len(visuals))) is not None:
        early = [ms if ms is not None else now[i] for i, ms in enumerate(mixed)]
    elif named and (by_name := named_lengths(said, visuals, subjects, current.lengths)) is not None:
        early = [ms if ms is not None else now[i] for i, ms in enumerate(by_name)]
    elif rest_ms and one is not None and one.ms:
        early = [one.ms if i == one.index else rest_ms for i in range(len(now))]
    elif (deltas := delta_lengths(said, visuals, subjects)) is not None:
        early = [n + d for n, d in zip(now, deltas, strict=True)]
    if early is not None:
        return PhotoLengths(tuple(early)), None
    return None, _late(now, length, one)


def _late(now: list[int], length: LengthOp | None, one: OneLength | None) -> PhotoLengths | None:
    """Every photo's length ("3 seconds each", 每张照片都减少一秒), else one photo's."""
    if length is not None and length.each_ms and len(now) > 1:
        return PhotoLengths((length.each_ms,) * len(now))
    if length is not None and length.delta_each_ms and len(now) > 1:
        return PhotoLengths(tuple(n + length.delta_each_ms for n in now))
    if one is None:
        return None
    new = list(now)
    new[one.index] = one.ms or now[one.index] + one.delta_ms
    return PhotoLengths(tuple(new), "set_photo_length", single=True)
