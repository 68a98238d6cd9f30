"""Turn a parsed request's edits into `edit_multitrack` tool steps, reply notes and questions.

Owned by the interpreter; each step carries the whole draft after it. Edits are charged once per
message (the first edit step). Title/caption edits and fades are silent; the rest are loud.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from agent.local import edits as ed
from agent.local.edits import IdSource, MusicSpec, TextSpec, segments, total
from agent.local.interpreter.intents import Request
from agent.local.interpreter.lengths import new_length
from agent.local.interpreter.musicsteps import DEFAULT_VOLUME, apply_fade, apply_music
from agent.local.interpreter.phrasebook import Phrasebook
from agent.local.interpreter.plan import AskStep, Asset, ToolStep
from agent.local.interpreter.quantity import seconds
from agent.local.interpreter.textsteps import TITLE_MS, apply_style, apply_text, edits_existing
from agent.local.interpreter.videotrack import generate, look_of, set_fit, set_motion

__all__ = ["DEFAULT_VOLUME", "EDIT_TOOL", "MAX_MS", "MIN_MS", "MUSIC_TOOL", "EditSteps"]

EDIT_TOOL = "edit_multitrack"
MUSIC_TOOL = "add_background_music"
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
        self.claims: list[str] = []
        """What the notes say changed (`length`, `text`, `music`, ...), to check against the
        draft diff."""
        self.loud = False
        self.ask: AskStep | None = None
        self._charged = False

    def say(self, key: str, **values: Any) -> str:
        """A reply sentence in the request's language and script."""
        return self.book.say(self.req.language, key, hant=self.req.hant, **values)

    def name(self, key: str) -> str:
        """A value's display name in the request's language and script."""
        return self.book.name(self.req.language, key, hant=self.req.hant)

    def topic(self, key: str) -> str:
        """A topic's display name in the request's language and script."""
        return self.book.topic(self.req.language, key, hant=self.req.hant)

    def note(self, text: str, *, loud: bool, claim: str | tuple[str, ...] = ()) -> None:
        """Add a sentence to the final reply; a loud note forces the reply to be sent; `claim`
        names what it says was changed."""
        self.notes.append(text)
        self.loud = self.loud or loud
        for kind in (claim,) if isinstance(claim, str) else claim:
            if kind not in self.claims:
                self.claims.append(kind)

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
        if op is None or op.action != "ask" or edits_existing(self, op):
            return None
        return AskStep(self.say("ask_title_text", what=self.topic(op.kind)))

    def apply(self, *, look_done: bool) -> None:
        """Apply every edit of the request in a fixed order; `look_done` if generation did."""
        if not look_done:
            self._look()
        asked = self.question()
        if self.req.text:
            apply_text(self, self.req.text)
        if self.req.style:
            apply_style(self, self.req.style)
        if self.req.music:
            apply_music(self, self.req.music)
        if self.req.fade:
            apply_fade(self, self.req.fade)
        if self.req.project_name:
            self._rename(self.req.project_name)
        self.ask = asked

    def _rename(self, title: str) -> None:
        meta = self.draft.get("m")
        if not isinstance(meta, dict) or meta.get("title") == title:
            return
        draft = {**self.draft, "m": {**meta, "title": title}}
        self.step({"op": "rename", "title": title}, draft, loud=True)
        self.note(self.say("renamed", title=title), loud=True, claim="name")

    def _look(self) -> None:
        look = self.req.look
        wanted = self.wanted_length(total(self.draft))
        if wanted is not None:
            self._length(wanted)
        if (
            look.motion
            or look.intensity
            or look.intensity_factor
            or look.speed
            or look.speed_factor
        ):
            self._motion()
        if look.fit:
            framed = set_fit(self.draft, look.fit)
            if framed == self.draft:
                self.note(self.say("fit_same", fit=self.name(look.fit)), loud=True)
            else:
                self.step({"op": "set_fit", "fit": look.fit}, framed, loud=True)
                self.note(self.say("fit_set", fit=self.name(look.fit)), loud=True, claim="framing")
        if look.aspect:
            self._aspect(look.aspect)

    def _aspect(self, aspect: str) -> None:
        """ "Remove the second photo and make it 9:16": the video is remade in the new shape."""
        base = look_of(self.draft)
        if base is None or base.aspect == aspect:
            self.note(self.say("already_aspect", aspect=self.name(aspect)), loud=True)
            return
        draft = generate(self.draft, replace(base, aspect=aspect), self.ids)
        self.step({"op": "set_aspect", "aspect": aspect}, draft, loud=True)
        kept = segments(draft, ed.AUDIO) or segments(draft, ed.TEXT)
        text = self.say(
            "aspect_remade",
            aspect=self.name(aspect),
            width=draft["m"]["width"],
            height=draft["m"]["height"],
            duration=seconds(total(draft)),
            motion=self.name(base.motion.kind),
            kept=self.say("kept_tracks") if kept else "",
        )
        self.note(text, loud=True, claim="video")

    def wanted_length(self, current_ms: int) -> int | None:
        """The length the message asks for (absolute, relative, x N or per photo), unclamped."""
        items = len(segments(self.draft, ed.VIDEO))
        req = self.req
        return new_length(req.length, req.look.duration_ms, current_ms, items, req.length_after)

    def _length(self, wanted: int) -> None:
        new_ms = max(MIN_MS, min(MAX_MS, wanted))
        if new_ms == total(self.draft):
            self.note(self.say("duration_same", duration=seconds(new_ms)), loud=True)
            return
        self.step(
            {"op": "set_duration", "duration": seconds(new_ms)},
            ed.set_duration(self.draft, new_ms),
            loud=True,
        )
        key = "duration_set" if new_ms == wanted else "duration_clamped"
        self.note(
            self.say(key, duration=seconds(new_ms), wanted=seconds(max(0, wanted))),
            loud=True,
            claim="length",
        )

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
        if draft == self.draft:
            motion = self.name(str(mo.get("type")))
            self.note(self.say("motion_same", motion=motion, speed=mo.get("sp")), loud=True)
            return
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
            self.say(
                "motion_set",
                motion=self.name(str(mo.get("type"))),
                speed=mo.get("sp"),
                travel=round(float(mo.get("i", 0)) * 100),
            ),
            loud=True,
            claim="motion",
        )

    def auto_music(self, style: str) -> str:
        """Post-production: add a synthesized bed (free); returns its display name."""
        spec = MusicSpec(self.book.style_name(style), DEFAULT_VOLUME, style=style)
        args = {"style": style, "volume": DEFAULT_VOLUME}
        self.step(args, ed.add_music(self.draft, spec, self.ids), loud=True, tool=MUSIC_TOOL)
        return self.book.style_name(style, self.req.language, hant=self.req.hant)

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
