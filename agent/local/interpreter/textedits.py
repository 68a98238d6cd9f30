"""Edits of titles and captions already on the timeline, picked by what they are: "the title",
"the second caption" (第二条字幕), "the last caption". Pure; every function returns a new draft.

A text segment's kind is its `kd` key (`title`/`caption`, written since issue 14); older
segments fall back to the size/position guess of `edits.text_kind`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from agent.local.edits import TEXT, segments, text_kind, total, with_segments

__all__ = ["TextChange", "change_texts", "pick"]

Draft = dict[str, Any]
MIN_MS = 500


@dataclass(frozen=True, slots=True)
class TextChange:
    """What to change on the picked segments (None keeps a value)."""

    position: str | None = None
    start_ms: int | None = None
    end_ms: int | None = None
    hold_ms: int | None = None
    shift_ms: int = 0
    at_ms: int | None = None
    """A new start with the same length (clamped into the video)."""
    size_factor: float = 1.0
    colour: str | None = None
    text: str | None = None


def pick(draft: Draft, kind: str | None, ordinal: int | None) -> list[str]:
    """Ids of the text segments of `kind` (None: any), in time order; `ordinal` picks one
    (0-based, -1 the last). Empty when there is no such segment."""
    texts = sorted(segments(draft, TEXT), key=lambda sg: (sg.get("s", 0), sg.get("id", "")))
    if kind is not None:
        texts = [sg for sg in texts if text_kind(sg) == kind]
    if ordinal is None:
        return [sg["id"] for sg in texts]
    if ordinal == -1 and texts:
        return [texts[-1]["id"]]
    return [texts[ordinal]["id"]] if 0 <= ordinal < len(texts) else []


def change_texts(draft: Draft, ids: list[str], change: TextChange) -> Draft:
    """Apply `change` to the segments `ids`, clamped into the video; the kind is kept."""
    length = total(draft)
    texts = segments(draft, TEXT)
    for sg in texts:
        if sg["id"] not in ids:
            continue
        sg["kd"] = text_kind(sg)
        _retime(sg, change, length)
        if change.position:
            sg["pos"] = change.position
        if change.size_factor != 1.0:
            sg["sz"] = max(24, min(200, round(sg.get("sz", 72) * change.size_factor)))
        if change.colour:
            sg["c"] = change.colour
        if change.text is not None:
            sg["n"] = change.text
    return with_segments(draft, TEXT, texts)


def _retime(sg: dict[str, Any], change: TextChange, length: int) -> None:
    start, end = sg["s"], sg["s"] + sg["d"]
    if change.start_ms is not None:
        start = change.start_ms
        if change.end_ms is None and end <= start:
            end = min(length, start + sg["d"])
    if change.end_ms is not None:
        end = change.end_ms
    if change.hold_ms is not None:
        end = start + change.hold_ms
    wanted = change.shift_ms + (change.at_ms - start if change.at_ms is not None else 0)
    if wanted:
        shift = max(-start, min(wanted, length - end))  # kept whole inside the video
        start, end = start + shift, end + shift
    end = max(min(end, length), min(length, MIN_MS))
    start = max(0, min(start, end - MIN_MS))
    sg["s"], sg["d"] = start, end - start
    sg["fi"], sg["fo"] = min(sg.get("fi", 0), sg["d"] // 2), min(sg.get("fo", 0), sg["d"] // 2)
