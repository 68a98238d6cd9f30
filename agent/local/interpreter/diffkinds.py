"""What a plan changed in the draft, kind by kind, and the values a request's numbers may name.

Kinds: "length" (the video's), "photo_lengths" (one photo's share against the others'),
"photos" (which photos, in which order), "aspect", "motion", "music" (present, which, how loud,
its fades), "text" (titles: wording, place, look; their times when the length stayed). Titles and
music stretched along with a new length are not a change of their own. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from agent.local.edits import AUDIO, TEXT, VIDEO, segments

__all__ = ["Values", "changed_kinds", "shares", "values_of"]

_TIMES = ("id", "s", "d", "fi", "fo")


def shares(draft: dict[str, Any]) -> list[float]:
    """Each photo's share of the timeline in ms (its segment less half of each crossfade)."""
    video = segments(draft, VIDEO)
    fades = [float(s.get("x", 0)) for s in video] + [0.0]
    return [float(s["d"]) - fades[i] / 2 - fades[i + 1] / 2 for i, s in enumerate(video)]


def _by_photo(draft: dict[str, Any]) -> dict[str, tuple[float, Any]]:
    """Each photo's (share, motion) by its asset id."""
    video = segments(draft, VIDEO)
    return {str(s.get("a")): (ms, s.get("mo")) for s, ms in zip(video, shares(draft), strict=True)}


def _proportions(photos: dict[str, tuple[float, Any]], common: list[str]) -> list[float]:
    whole = sum(photos[a][0] for a in common) or 1.0
    return [photos[a][0] / whole for a in common]


def _bare(segs: list[dict[str, Any]], keep_times: bool) -> list[dict[str, Any]]:
    drop = ("id",) if keep_times else _TIMES
    return [{k: v for k, v in s.items() if k not in drop} for s in segs]


def changed_kinds(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """The kinds of change from `before` to `after`."""
    kinds: set[str] = set()
    same_length = before.get("d") == after.get("d")
    if not same_length:
        kinds.add("length")
    if before.get("m", {}).get("aspect") != after.get("m", {}).get("aspect"):
        kinds.add("aspect")
    v0, v1 = segments(before, VIDEO), segments(after, VIDEO)
    if [s.get("a") for s in v0] != [s.get("a") for s in v1]:
        kinds.add("photos")
    p0, p1 = _by_photo(before), _by_photo(after)
    common = [a for a in p0 if a in p1]
    if any(
        abs(x - y) > 0.02
        for x, y in zip(_proportions(p0, common), _proportions(p1, common), strict=True)
    ):
        kinds.add("photo_lengths")
    if any(p0[a][1] != p1[a][1] for a in common):
        kinds.add("motion")
    ratio = after.get("d", 0) / (before.get("d") or 1)
    for kind, track in (("music", AUDIO), ("text", TEXT)):
        olds, news = segments(before, track), segments(after, track)
        if _bare(olds, same_length) != _bare(news, same_length) or not all(
            _carried(a, b, ratio, (before.get("d", 0), after.get("d", 0)))
            for a, b in zip(olds, news, strict=False)
        ):
            kinds.add(kind)
    return kinds


def _carried(old: dict[str, Any], new: dict[str, Any], ratio: float, ends: tuple[int, int]) -> bool:
    """Whether `new` holds `old`'s times as they were (cut at the new end), scaled with the
    video, or stretched to its end."""
    was_end, end = ends
    s0, e0 = old.get("s", 0), old.get("s", 0) + old.get("d", 0)
    s1, e1 = new.get("s", 0), new.get("s", 0) + new.get("d", 0)

    def near(a: float, b: float) -> bool:
        return abs(a - b) <= 60

    kept = near(s1, min(s0, end)) and near(e1, min(e0, end))
    scaled = near(s1, s0 * ratio) and near(e1, e0 * ratio)
    held = e0 > end and near(e1, end)  # a title past the new end is held inside it
    return kept or scaled or held or (near(s1, s0) and near(e0, was_end) and near(e1, end))


@dataclass(frozen=True, slots=True)
class Values:
    """What a request's numbers may name in the new draft: values as they now are (`seconds`,
    `percents`) and how much each changed (`seconds_by`, `percents_by`: a volume's change in
    points and as a share of the level it was)."""

    seconds: list[float] = field(default_factory=list)
    seconds_by: list[float] = field(default_factory=list)
    percents: list[float] = field(default_factory=list)
    percents_by: list[float] = field(default_factory=list)


def values_of(before: dict[str, Any], after: dict[str, Any]) -> Values:
    """The new draft's length, photo shares, titles' and music's times and volumes, and how much
    each of them changed."""
    out = Values()
    out.seconds.append(after.get("d", 0) / 1000)
    out.seconds_by.append(abs(after.get("d", 0) - before.get("d", 0)) / 1000)
    new, old = shares(after), shares(before)
    out.seconds.extend([s / 1000 for s in new] + [s["d"] / 1000 for s in segments(after, VIDEO)])
    out.seconds_by.extend([abs(a - b) / 1000 for a, b in zip(new, old, strict=False)])
    for track in (TEXT, AUDIO):
        olds = segments(before, track)
        for i, seg in enumerate(segments(after, track)):
            start, length = seg.get("s", 0) / 1000, seg.get("d", 0) / 1000
            out.seconds.extend([start, start + length, length])
            out.seconds.extend([seg.get("fi", 0) / 1000, seg.get("fo", 0) / 1000])
            was = olds[i] if i < len(olds) else None
            if was is not None:
                out.seconds_by.append(abs(start - was.get("s", 0) / 1000))
                out.seconds_by.append(abs(length - was.get("d", 0) / 1000))
            if track == AUDIO and "v" in seg:
                out.percents.append(float(seg["v"]))
                if was is not None and "v" in was:
                    moved = abs(float(seg["v"]) - float(was["v"]))
                    # "20% quieter": the change as a share of the level it was
                    share = [100 * moved / float(was["v"])] if float(was["v"]) > 0 else []
                    out.percents_by.extend([moved, *share])
    return out
