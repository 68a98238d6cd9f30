"""Turn a parsed request's edits into `edit_multitrack` tool steps, reply notes and questions.

Owned by the interpreter; each step carries the whole draft after it. Edits are charged once per
message (the first edit step). Title/caption edits and fades are silent; the rest are loud.
"""

from __future__ import annotations

from typing import Any

from agent.local import edits as ed
from agent.local.edits import AUDIO, TEXT, IdSource, MusicSpec, TextSpec, segments, total
from agent.local.intents import FadeOp, MusicOp, Request, TextOp
from agent.local.phrasebook import Phrasebook
from agent.local.plan import AskStep, Asset, ToolStep
from agent.local.quantity import seconds
from agent.local.videotrack import set_fit, set_motion

__all__ = ["DEFAULT_VOLUME", "EDIT_TOOL", "MAX_MS", "MIN_MS", "MUSIC_TOOL", "EditSteps"]

EDIT_TOOL = "edit_multitrack"
MUSIC_TOOL = "add_background_music"
TITLE_MS = 3000
FADES = {AUDIO: (1000, 1500), TEXT: (500, 500)}
DEFAULT_VOLUME = 35
MIN_MS, MAX_MS = 1000, 60_000
"""The shortest and longest video a request may ask for."""


class EditSteps:
    """Collects the edit steps of one message over a working copy of the draft."""

    def __init__(
        self,
        req: Request,
        book: Phrasebook,
        ids: IdSource,
        draft: dict[str, Any],
        cost: int,
        uploads: tuple[Asset, ...] = (),
    ) -> None:
        self.req, self.book, self.ids, self.draft, self.cost = req, book, ids, draft, cost
        self.uploads = uploads
        """Uploaded audio files, in upload order."""
        self.steps: list[ToolStep] = []
        self.notes: list[str] = []
        self.loud = False
        self.ask: AskStep | None = None
        self._charged = False

    def say(self, key: str, **values: Any) -> str:
        return self.book.say(self.req.language, key, **values)

    def name(self, key: str) -> str:
        return self.book.name(self.req.language, key)

    def note(self, text: str, *, loud: bool) -> None:
        """Add a sentence to the final reply; a loud note forces the reply to be sent."""
        self.notes.append(text)
        self.loud = self.loud or loud

    def step(
        self, args: dict[str, Any], draft: dict[str, Any], *, loud: bool, tool: str = EDIT_TOOL
    ) -> None:
        """Record a tool step (charged if it is the message's first paid edit)."""
        credits = 0 if self._charged or tool != EDIT_TOOL else self.cost
        self._charged = self._charged or tool == EDIT_TOOL
        self.steps.append(ToolStep(tool, args, draft, credits))
        self.draft = draft
        self.loud = self.loud or loud

    def question(self) -> AskStep | None:
        """The clarifying question the request needs (the title text), if any."""
        op = self.req.text
        if op is None or op.action != "ask":
            return None
        return AskStep(self.say("ask_title_text", what=self.book.topic(self.req.language, op.kind)))

    def apply(self, *, look_done: bool) -> None:
        """Apply every edit of the request in a fixed order; `look_done` if generation did."""
        if not look_done:
            self._look()
        if self.req.text:
            self._text(self.req.text)
        if self.req.style:
            self._style(self.req.style.size_factor, self.req.style.colour)
        if self.req.music:
            self._music(self.req.music)
        if self.req.fade:
            self._fade(self.req.fade)
        self.ask = self.question()

    def _look(self) -> None:
        look = self.req.look
        if look.duration_ms:
            new_ms = max(MIN_MS, min(MAX_MS, look.duration_ms))
            self.step(
                {"op": "set_duration", "duration": seconds(new_ms)},
                ed.set_duration(self.draft, new_ms),
                loud=True,
            )
            self.note(self.say("duration_set", duration=seconds(new_ms)), loud=True)
        if (
            look.motion
            or look.intensity
            or look.intensity_factor
            or look.speed
            or look.speed_factor
        ):
            self._motion()
        if look.fit:
            self.step({"op": "set_fit", "fit": look.fit}, set_fit(self.draft, look.fit), loud=True)
            self.note(self.say("fit_set", fit=self.name(look.fit)), loud=True)
        if look.aspect:
            self.note(self.say("already_aspect", aspect=self.name(look.aspect)), loud=True)

    def _motion(self) -> None:
        look = self.req.look
        draft = set_motion(
            self.draft,
            look.motion,
            look.intensity,
            look.speed,
            intensity_factor=look.intensity_factor or 1.0,
            speed_factor=look.speed_factor or 1.0,
        )
        mo = segments(draft, ed.VIDEO)[0]["mo"] if segments(draft, ed.VIDEO) else {}
        self.step(
            {
                "op": "set_motion",
                "motion": mo.get("type"),
                "intensity": mo.get("i"),
                "speed": mo.get("sp"),
            },
            draft,
            loud=True,
        )
        self.note(
            self.say("motion_set", motion=self.name(str(mo.get("type"))), speed=mo.get("sp")),
            loud=True,
        )

    def _text(self, op: TextOp) -> None:
        kind_name = self.book.topic(self.req.language, op.kind)
        if op.action == "remove":
            draft, count = ed.remove_text(self.draft, op.kind)
            if not count:
                self.note(self.say("nothing_to_remove", what=kind_name), loud=True)
                return
            self.step({"op": f"remove_{op.kind}", "count": count}, draft, loud=False)
            self.note(self.say("text_removed", count=count), loud=False)
        elif op.action == "replace" and op.span is None and self._replace(op):
            return
        elif op.action in ("add", "replace"):
            self._add_text(op)

    def _replace(self, op: TextOp) -> bool:
        draft, changed = ed.replace_text(self.draft, op.kind, op.text)
        if changed is None:
            return False
        self.step({"op": f"replace_{op.kind}", "text": op.text}, draft, loud=False)
        start, end = seconds(changed["s"]), seconds(changed["s"] + changed["d"])
        self.note(self.say("title_replaced", text=op.text, start=start, end=end), loud=False)
        return True

    def _add_text(self, op: TextOp) -> None:
        length = total(self.draft)
        title = op.kind == "title"
        if op.span is not None:
            start, end = op.span.resolve(length)
        else:
            start, end = 0, min(TITLE_MS, length) if title else length
        position = op.position or ("center" if title else "bottom")
        spec = TextSpec(op.text, start, end, position, 72 if title else 48)
        args = {
            "op": f"add_{op.kind}",
            "text": op.text,
            "start": seconds(start),
            "end": seconds(end),
            "position": position,
        }
        self.step(args, ed.add_text(self.draft, spec, self.ids), loud=False)
        self.note(
            self.say(
                "title_added",
                text=op.text,
                start=seconds(start),
                end=seconds(end),
                position=self.name(position),
            ),
            loud=False,
        )

    def _style(self, size_factor: float, colour: str | None) -> None:
        if not segments(self.draft, TEXT):
            self.note(self.say("no_text"), loud=True)
            return
        draft = ed.style_text(self.draft, size_factor, colour)
        first = segments(draft, TEXT)[0]
        self.step(
            {"op": "style_text", "size": first["sz"], "colour": first["c"]}, draft, loud=False
        )
        self.note(self.say("text_styled", size=first["sz"], colour=first["c"]), loud=False)

    def _music(self, op: MusicOp) -> None:
        has_music = bool(segments(self.draft, AUDIO))
        if op.action == "add" and has_music and self.req.fade and not (op.style or op.volume):
            return  # "add a fade to the music": the fade edit handles it
        if op.action == "add":
            self._add_music(op)
        elif not has_music:
            key = "nothing_to_remove" if op.action == "remove" else "no_music"
            self.note(self.say(key, what=self.name("music")), loud=True)
        elif op.action == "remove":
            self.step({"op": "remove_music"}, ed.remove_music(self.draft), loud=True)
            self.note(self.say("music_removed"), loud=True)
        else:
            current = segments(self.draft, AUDIO)[0].get("v", DEFAULT_VOLUME)
            volume = max(0, min(100, op.volume if op.volume is not None else current + op.delta))
            self.step(
                {"op": "set_volume", "volume": volume}, ed.set_volume(self.draft, volume), loud=True
            )
            self.note(self.say("volume_set", volume=volume), loud=True)

    def _add_music(self, op: MusicOp) -> None:
        volume = max(0, min(100, op.volume if op.volume is not None else DEFAULT_VOLUME))
        end = seconds(total(self.draft))
        if self.uploads and op.style is None:
            audio = self.uploads[-1]
            spec = MusicSpec(audio.filename, volume, asset_id=audio.asset_id, url=audio.url)
            self.step(
                {"op": "add_music", "asset": audio.asset_id, "volume": volume},
                ed.add_music(self.draft, spec, self.ids),
                loud=True,
            )
            self.note(
                self.say(
                    "music_added_upload", name=audio.filename, start=0, end=end, volume=volume
                ),
                loud=True,
            )
            return
        style = op.style or "ambient_pad"
        spec = MusicSpec(self.book.style_name(style), volume, style=style)
        self.step(
            {"op": "add_music", "style": style, "volume": volume},
            ed.add_music(self.draft, spec, self.ids),
            loud=True,
        )
        name = self.book.style_name(style, self.req.language)
        self.note(
            self.say("music_added_synth", name=name, start=0, end=end, volume=volume), loud=True
        )

    def _fade(self, op: FadeOp) -> None:
        wanted = {"music": (AUDIO,), "text": (TEXT,), "all": (AUDIO, TEXT)}[op.target]
        present = tuple(tt for tt in wanted if segments(self.draft, tt))
        if not present:
            self.note(self.say("nothing_to_fade"), loud=True)
            return
        draft = self.draft
        for tt in present:
            fade_in, fade_out = FADES[tt] if op.length_ms is None else (op.length_ms, op.length_ms)
            draft = ed.set_fades(
                draft, (tt,), fade_in if op.fade_in else None, fade_out if op.fade_out else None
            )
        what = self.name(
            "music_and_text" if len(present) > 1 else "music" if AUDIO in present else "text"
        )
        kind = (
            "fade_both" if op.fade_in and op.fade_out else "fade_in" if op.fade_in else "fade_out"
        )
        args = {
            "op": "set_fades",
            "target": op.target,
            "fade_in": op.fade_in,
            "fade_out": op.fade_out,
        }
        self.step(
            args | {"length": seconds(op.length_ms) if op.length_ms is not None else None},
            draft,
            loud=False,
        )
        key = "fades_removed" if op.length_ms == 0 else "fades_set"
        self.note(self.say(key, what=what, kind=self.name(kind)), loud=False)

    def auto_music(self, style: str) -> str:
        """Post-production: add a synthesized bed (free); returns its display name."""
        spec = MusicSpec(self.book.style_name(style), DEFAULT_VOLUME, style=style)
        args = {"style": style, "volume": DEFAULT_VOLUME}
        self.step(args, ed.add_music(self.draft, spec, self.ids), loud=True, tool=MUSIC_TOOL)
        return self.book.style_name(style, self.req.language)

    def auto_title(self, text: str) -> int:
        """Post-production: add the title for the opening seconds (free); returns its end, ms."""
        end = min(TITLE_MS, total(self.draft))
        args = {
            "op": "add_title",
            "text": text,
            "start": 0,
            "end": seconds(end),
            "position": "center",
            "auto": True,
        }
        self.steps.append(
            ToolStep(EDIT_TOOL, args, ed.add_text(self.draft, TextSpec(text, 0, end), self.ids), 0)
        )
        self.draft = self.steps[-1].draft
        return end
