"""Music and fade steps of one message: add (over the whole video or a time range), move,
remove, re-level, fade. Used by `EditSteps`; pure. A range never changes the video's length.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from agent.local import edits as ed
from agent.local.edits import AUDIO, TEXT, MusicSpec, segments, total
from agent.local.interpreter.musicintents import FadeOp, MusicOp
from agent.local.interpreter.phrasebook import has_any
from agent.local.interpreter.quantity import seconds

if TYPE_CHECKING:
    from agent.local.interpreter.editsteps import EditSteps

__all__ = ["DEFAULT_VOLUME", "FADES", "apply_fade", "apply_music"]

FADES = {AUDIO: (1000, 1500), TEXT: (500, 500)}
DEFAULT_VOLUME = 35


def apply_music(steps: EditSteps, op: MusicOp) -> None:
    """Add, move, remove or re-level the background music."""
    has_music = bool(segments(steps.draft, AUDIO))
    op = _relevelled(steps, op, has_music)
    if op.action == "add" and has_music and steps.req.fade and not (op.style or op.volume):
        return  # "add a fade to the music": the fade edit handles it
    if op.action == "add" and has_music and op.vague and not (op.style or op.volume or op.span):
        name = segments(steps.draft, AUDIO)[0].get("n", "")
        steps.note(steps.say("music_exists", name=name), loud=True)
    elif op.action == "add":
        _add(steps, op)
    elif (
        not has_music
        and op.action == "volume"
        and op.volume is not None
        and not op.delta
        and _named(steps)
    ):
        _add(steps, replace(op, action="add"))  # "some music please, full volume", not "lower…"
    elif not has_music:
        key = "nothing_to_remove" if op.action == "remove" else "no_music"
        steps.note(steps.say(key, what=steps.name("music")), loud=True)
    elif op.action == "remove":
        steps.step({"op": "remove_music"}, ed.remove_music(steps.draft), loud=True)
        steps.note(steps.say("music_removed"), loud=True, claim="music")
    elif op.action == "move":
        _move(steps, op)
    else:
        current = segments(steps.draft, AUDIO)[0].get("v", DEFAULT_VOLUME)
        volume = max(
            0,
            min(100, op.volume if op.volume is not None else round(current * op.factor) + op.delta),
        )
        if volume == current:
            steps.note(steps.say("volume_same", volume=volume), loud=True)
            return
        steps.step(
            {"op": "set_volume", "volume": volume}, ed.set_volume(steps.draft, volume), loud=True
        )
        steps.note(steps.say("volume_set", volume=volume), loud=True, claim="music")


def _relevelled(steps: EditSteps, op: MusicOp, has_music: bool) -> MusicOp:
    """A level for music already there, with no style, time or file named ("音乐调到20%" beside
    加字幕), re-levels that music: the add word was the other clause's."""
    if op.action != "add" or not has_music or op.volume is None:
        return op
    if op.style or op.span or steps.uploads:
        return op
    return replace(op, action="volume")


def _span(steps: EditSteps, op: MusicOp) -> tuple[int, int]:
    length = total(steps.draft)
    if op.span is None:
        return 0, length
    start, end = op.span.resolve(length)
    return start, length if op.span.open_end else end


def _move(steps: EditSteps, op: MusicOp) -> None:
    start, end = _span(steps, op)
    music = segments(steps.draft, AUDIO)
    for sg in music:
        sg["s"], sg["d"] = start, max(100, end - start)
        sg["fi"], sg["fo"] = min(sg.get("fi", 0), sg["d"] // 2), min(sg.get("fo", 0), sg["d"] // 2)
    draft = ed.with_segments(steps.draft, AUDIO, music)
    args = {"op": "move_music", "start": seconds(start), "end": seconds(end)}
    steps.step(args, draft, loud=True)
    steps.note(
        steps.say("music_moved", start=args["start"], end=args["end"]), loud=True, claim="music"
    )


def _named(steps: EditSteps) -> bool:
    """Whether the message names the music itself (not only a volume)."""
    return has_any(steps.req.folded, steps.book.keywords.music)


def _add(steps: EditSteps, op: MusicOp) -> None:
    volume = max(0, min(100, op.volume if op.volume is not None else DEFAULT_VOLUME))
    start, end = _span(steps, op)
    values = {"start": seconds(start), "end": seconds(end), "volume": volume}
    if steps.uploads and op.style is None:
        audio = steps.uploads[-1]
        spec = MusicSpec(
            audio.filename, volume, asset_id=audio.asset_id, url=audio.url, start_ms=start,
            end_ms=end,
        )  # fmt: skip
        args = {"op": "add_music", "asset": audio.asset_id, "volume": volume}
        steps.step(args | values, ed.add_music(steps.draft, spec, steps.ids), loud=True)
        reply = steps.say("music_added_upload", name=audio.filename, **values)
        steps.note(reply, loud=True, claim="music")
        return
    style = op.style or "ambient_pad"
    spec = MusicSpec(steps.book.style_name(style), volume, style=style, start_ms=start, end_ms=end)
    steps.step(
        {"op": "add_music", "style": style} | values,
        ed.add_music(steps.draft, spec, steps.ids),
        loud=True,
    )
    name = steps.book.style_name(style, steps.req.language, hant=steps.req.hant)
    steps.note(steps.say("music_added_synth", name=name, **values), loud=True, claim="music")


def apply_fade(steps: EditSteps, op: FadeOp) -> None:
    """Set (or remove) fades on the music and/or the text."""
    wanted = {"music": (AUDIO,), "text": (TEXT,), "all": (AUDIO, TEXT)}[op.target]
    present = tuple(tt for tt in wanted if segments(steps.draft, tt))
    if not present:
        steps.note(steps.say("nothing_to_fade"), loud=True)
        return
    draft = steps.draft
    for tt in present:
        fade_in, fade_out = FADES[tt] if op.length_ms is None else (op.length_ms, op.length_ms)
        draft = ed.set_fades(
            draft, (tt,), fade_in if op.fade_in else None, fade_out if op.fade_out else None
        )
    what = steps.name(
        "music_and_text" if len(present) > 1 else "music" if AUDIO in present else "text"
    )
    kind = "fade_both" if op.fade_in and op.fade_out else "fade_in" if op.fade_in else "fade_out"
    if draft == steps.draft:
        steps.note(steps.say("fades_same", what=what, kind=steps.name(kind)), loud=True)
        return
    args = {"op": "set_fades", "target": op.target, "fade_in": op.fade_in, "fade_out": op.fade_out}
    length = seconds(op.length_ms) if op.length_ms is not None else None
    steps.step(args | {"length": length}, draft, loud=False)
    key = "fades_removed" if op.length_ms == 0 else "fades_set"
    claims = tuple(c for tt, c in ((AUDIO, "music"), (TEXT, "text")) if tt in present)
    steps.note(steps.say(key, what=what, kind=steps.name(kind)), loud=False, claim=claims)
