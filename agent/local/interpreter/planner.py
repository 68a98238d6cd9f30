"""The planner behind `interpret`: one request and the session state into a plan (generate,
edit, photo edits, limits and the closing text), under the silent-completion rule `interpret`
documents. Pure."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Any

from agent.local.edits import AUDIO, TEXT, VIDEO, IdSource, segments, total
from agent.local.interpreter.editsteps import DEFAULT_VOLUME, MAX_MS, MIN_MS, EditSteps
from agent.local.interpreter.historysteps import history_plan
from agent.local.interpreter.intents import Look, Request
from agent.local.interpreter.lengths import new_length
from agent.local.interpreter.photolengths import read_lengths
from agent.local.interpreter.photos import photo_edit
from agent.local.interpreter.photosteps import (
    apply_lengths,
    apply_photos,
    length_reading,
    wants_total,
)
from agent.local.interpreter.phrasebook import Phrasebook, find_key
from agent.local.interpreter.plan import (
    AskStep,
    Asset,
    InterpretContext,
    Plan,
    RevisionNote,
    Step,
    TextStep,
    ToolStep,
)
from agent.local.interpreter.quantity import seconds
from agent.local.interpreter.shapes import shape_of
from agent.local.interpreter.unclear import not_understood
from agent.local.interpreter.videotrack import (
    Motion,
    VideoSpec,
    default_motion,
    default_ms,
    generate,
    look_of,
    orientation,
)
from agent.local.renderer.framing import CROP_TOLERANCE, crop_share

__all__ = ["DEFAULT_COSTS", "GENERATE_TOOL", "Costs", "Planner"]

GENERATE_TOOL = "generate_video_from_images"
MAX_VISUALS = 20


@dataclass(frozen=True, slots=True)
class Costs:
    """Credits per kind of step; edits are charged once per message."""

    generate: int = 100
    edit: int = 50


DEFAULT_COSTS = Costs()


class Planner:
    """Builds the plan for one parsed request; `interpret` wraps it (retractions, state questions,
    undo and redo, coverage and capability checks)."""

    def __init__(self, ctx: InterpretContext, req: Request, book: Phrasebook, costs: Costs):
        self.ctx, self.req, self.book, self.costs = ctx, req, book, costs
        draft = copy.deepcopy(ctx.draft) if isinstance(ctx.draft, dict) else {}
        ids = IdSource.for_draft(ctx.seed, draft)
        audio = tuple(a for a in ctx.assets if a.kind == "audio")
        self.edits = EditSteps(req, book, ids, draft, costs.edit, audio)
        self.head: list[Step] = []
        self.labels: list[str] = []

    def say(self, key: str, **values: Any) -> str:
        return self.book.say(self.req.language, key, hant=self.req.hant, **values)

    def name(self, key: str) -> str:
        return self.book.name(self.req.language, key, hant=self.req.hant)

    def build(self) -> Plan:
        req = self.req
        if req.unsupported:
            key = {
                "music_link": "unsupported_music_link",
                "photo_editing": "retouch",
                "named_song": "unsupported_named_song",
            }.get(req.unsupported, "unsupported")
            what = self.book.topic(req.language, req.unsupported, hant=req.hant)
            return self._plan([TextStep(self.say(key, what=what))])
        if req.history is not None:
            return history_plan(req, req.history, self.ctx.history, self.book)
        if req.style is not None and {"font", "effects"} & set(req.limits):
            # "a gold-outlined 3D glowing title": the colour alone is not the look asked for
            limits = [self._limit(limit) for limit in req.limits]
            return self._plan([TextStep(self._join([*limits, self.say("style_whole")]))])
        if "aspect" in req.limits and req.look.aspect is None:
            # "4:3 and a title": the other edits were meant for a frame that cannot be made
            return self._plan([TextStep(self._limit("aspect"))])
        had_video = bool(segments(self.edits.draft, VIDEO))
        for limit in req.limits:
            self.edits.note(self._limit(limit), loud=True)
        if had_video and not (req.generate or req.regenerate) and self._photo_edit():
            return self._finish(False)
        if not (req.generate or req.regenerate or req.video_noun or req.edits):
            if req.export and "resolution" not in req.limits:
                self.edits.note(self._export_hint(), loud=True)
            if req.limits or req.export:
                return self._finish(False)
            return self._plan([TextStep(self._nothing_understood())])
        return self._edit_plan(had_video)

    def _edit_plan(self, had_video: bool) -> Plan:
        generated = self._needs_generation(had_video)
        if generated:
            spec = self._video_spec(had_video)
            if spec is None:
                return self._plan([AskStep(self.say("ask_upload"))])
            self._generate(spec, had_video)
        elif not had_video:
            key = "no_video_with_photo" if self._visuals() else "no_video"
            return self._plan([self.edits.question() or TextStep(self.say(key))])
        self.edits.apply(look_done=generated)
        if generated and not had_video and self.ctx.post_production:
            self._post_production()
        return self._finish(generated)

    def _photo_edit(self) -> bool:
        """Apply a photo edit ("remove the second photo", "make the second photo 5 seconds",
        "3 seconds each") and the message's other edits."""
        current = look_of(self.edits.draft)
        if current is None:
            return False
        req, visuals, subjects = self.req, current.visuals, self.book.keywords.photo_subject
        placed = any((req.text, req.music, req.fade, req.style))
        others = placed or req.look.motion is not None
        photos = (
            None  # "generate a picture of fireworks, put it at the end": "it" is not a photo
            if "footage" in req.limits
            else photo_edit(
                req.folded, visuals, tuple(self._visuals()), others=others, subjects=subjects
            )
        )
        moves = tuple(w for words in self.book.keywords.motion.values() for w in words)
        early, late = read_lengths(
            length_reading(req.folded, moves),  # "leave the rest alone", "全部 pan up"
            current,
            subjects,
            named=req.text is None,
            placed=placed,
            length=req.length,
        )
        if early is not None:
            apply_lengths(self.edits, list(early.lengths), early.op)
            self._drop_length()
        elif photos is not None and not (late and late.single and photos.visuals == visuals):
            # a photo edit that would change nothing ("最后嗰张相放耐啲，俾佢6秒") gives way
            new_ms = None
            if photos.op in ("missing", "not_uploaded"):
                self._drop_length()  # "insert pier.jpg for 3 seconds": not the video's length
            elif photos.op == "insert" and req.look.duration_ms and not wants_total(req.folded):
                new_ms = req.look.duration_ms  # "insert pier.jpg, also 3 seconds"
                self._drop_length()
            apply_photos(self.edits, photos, new_ms)
        elif late is not None:
            apply_lengths(self.edits, list(late.lengths), late.op)
            self._drop_length()
        else:
            return False
        self.edits.apply(look_done=False)
        return True

    def _drop_length(self) -> None:
        """The message's length was a photo's own: the other edits leave the total alone."""
        req = self.req
        self.edits.req = replace(req, look=replace(req.look, duration_ms=None), length=None)

    def _nothing_understood(self) -> str:
        """A greeting, help or off-topic reply, else one naming what the message was about."""
        if self.req.social:
            return self.say(self.req.social)
        key, values = not_understood(
            self.req.folded, self.book, self.req.language, hant=self.req.hant
        )
        return self.say(key, **values)

    def _plan(self, steps: list[Step]) -> Plan:
        return Plan(tuple(steps), self.req.language)

    def _export_hint(self) -> str:
        draft = self.edits.draft
        if not segments(draft, VIDEO):
            return self.say("export_nothing")
        meta = draft.get("m", {})
        width, height = meta.get("width", 1920), meta.get("height", 1080)
        return self.say("export_hint", width=width, height=height, duration=seconds(total(draft)))

    def _limit(self, limit: str) -> str:
        if limit == "resolution":
            meta = self.edits.draft.get("m", {})
            return self.say(
                "limit_resolution", width=meta.get("width", 1920), height=meta.get("height", 1080)
            )
        if limit == "aspect":  # the rest of the message is declined with the shape
            rest = self.req.edits or self.req.generate or len(self.req.limits) > 1
            return self.say("limit_aspect" + "_rest" * rest, ratio=shape_of(self.ctx.message))
        return self.say("limit_" + limit)

    def _join(self, sentences: list[str]) -> str:
        return (" " if self.req.language == "en" else "").join(sentences)

    def _needs_generation(self, had_video: bool) -> bool:
        req = self.req
        if not had_video:
            return req.generate or req.regenerate or req.video_noun or self._additive()
        if req.regenerate:
            return True
        if req.limits and not (req.video_noun or self._fresh_visuals() or req.look != Look()):
            return False  # "做成4K的": nothing to remake, the limit is answered
        others = any((req.text, req.music, req.fade, req.style))
        # "整成X" with X unread: no remake of the same video
        anew = req.video_noun or bool(self._fresh_visuals()) or (not others and req.look != Look())
        if req.generate and anew:
            return True
        aspect = self.edits.draft.get("m", {}).get("aspect")
        return req.look.aspect is not None and req.look.aspect != aspect

    def _additive(self) -> bool:
        req = self.req
        text = req.text is not None and req.text.action in ("add", "replace")
        music = req.music is not None and req.music.action == "add"
        return text or music or req.look != Look()

    def _visuals(self) -> list[Asset]:
        return [a for a in self.ctx.assets if a.kind in ("image", "video")]

    def _fresh_visuals(self) -> list[Asset]:
        used = {sg.get("a") for sg in segments(self.edits.draft, VIDEO)}
        return [a for a in self._visuals() if a.asset_id not in used]

    def _choose_visuals(self, base: VideoSpec | None) -> tuple[Asset, ...]:
        req, fresh = self.req, self._fresh_visuals()
        if req.all_images and self._visuals():
            chosen = self._visuals()
        elif fresh and (base is None or req.generate):
            chosen = fresh[-1:] if req.single_image and not req.all_images else fresh
        else:
            chosen = list(base.visuals) if base else []
        return tuple(chosen[-MAX_VISUALS:])

    def _video_spec(self, had_video: bool) -> VideoSpec | None:
        base = look_of(self.edits.draft) if had_video else None
        visuals = self._choose_visuals(base)
        if not visuals:
            return None
        look = self.req.look
        motion = base.motion if base else default_motion(visuals)
        current = base.duration_ms if base else default_ms(visuals)
        req = self.req
        duration = new_length(req.length, look.duration_ms, current, len(visuals), req.length_after)
        duration = duration or current
        return VideoSpec(
            visuals=visuals,
            duration_ms=max(MIN_MS, min(MAX_MS, duration)),
            aspect=look.aspect or (base.aspect if base else orientation(visuals)),
            motion=Motion(
                look.motion or motion.kind,
                look.intensity or motion.intensity * (look.intensity_factor or 1.0),
                look.speed or motion.speed * (look.speed_factor or 1.0),
            ),
            fit=look.fit or (base.fit if base else "cover"),
            title=(base.title if base and not self.req.generate else "") or self._title(visuals),
        )

    def _title(self, visuals: tuple[Asset, ...]) -> str:
        """An explicit project name, else the title the message puts on the video, else the
        first photo's name (never other words of the request)."""
        text = self.req.text
        if self.req.project_name:
            return self.req.project_name
        if text is not None and text.kind == "title" and text.action in ("add", "replace"):
            return text.text
        stem = PurePosixPath(visuals[0].filename).stem
        if len(re.findall(r"\d", stem)) >= 3:
            return ""  # camera names like IMG_1234 make poor titles
        return " ".join(re.split(r"[\s_\-.]+", stem)).strip().title()

    def _generate(self, spec: VideoSpec, had_video: bool) -> None:
        draft = generate(self.edits.draft, spec, self.edits.ids)
        args = {
            "prompt": " ".join(self.ctx.message.split())[:500],
            "duration": seconds(spec.duration_ms),
            "aspect_ratio": spec.aspect,
            "motion": spec.motion.kind,
            "images": [a.asset_id for a in spec.visuals],
        }
        step = ToolStep(GENERATE_TOOL, args, draft, self.costs.generate, "generate")
        text = self._generated_text(spec, draft, had_video)
        self.head += [step, TextStep(text)]
        self.labels.append(text)
        self.edits.draft = draft

    def _generated_text(self, spec: VideoSpec, draft: dict[str, Any], had_video: bool) -> str:
        lang = self.req.language
        values: dict[str, Any] = {
            "duration": seconds(spec.duration_ms),
            "aspect": self.name(spec.aspect),
            "motion": self.name(spec.motion.kind),
            "count": len(spec.visuals),
        }
        if had_video:
            kept = segments(draft, AUDIO) or segments(draft, TEXT)
            width, height = draft["m"]["width"], draft["m"]["height"]
            kept_text = self.say("kept_tracks") if kept else ""
            text = self.say("regenerated", width=width, height=height, kept=kept_text, **values)
            return self._join([text, *self._crop_note(spec)])
        subject = self.req.subject
        values["subject"] = f"{subject} " if subject and lang == "en" else subject
        key = "generated_slideshow" if len(spec.visuals) > 1 else "generated"
        return self._join([self.say(key, **values), *self._crop_note(spec)])

    def _crop_note(self, spec: VideoSpec) -> list[str]:
        """Say so when covering the canvas cuts off part of the first photo."""
        first = spec.visuals[0]  # from the draft it has no size: take the upload's
        known = next((a for a in self.ctx.assets if a.asset_id == first.asset_id), first)
        cut = crop_share(known.width, known.height, spec.aspect)
        if spec.fit != "cover" or first.kind != "image" or cut <= CROP_TOLERANCE:
            return []
        return [self.say("cropped", aspect=self.book.name(self.req.language, spec.aspect))]

    def _post_production(self) -> None:
        edits = self.edits
        items = []
        if not segments(edits.draft, AUDIO):
            style = find_key(self.ctx.message.casefold(), self.book.keywords.music_style)
            name = edits.auto_music(style or "ambient_pad")
            end = seconds(total(edits.draft))
            items.append(self.say("auto_music", name=name, end=end, volume=DEFAULT_VOLUME))
        title = edits.draft.get("m", {}).get("title", "")
        if title and not segments(edits.draft, TEXT):
            end_ms = edits.auto_title(title)
            items.append(
                self.say(
                    "auto_title",
                    text=title,
                    end=seconds(end_ms),
                    position=self.name("center"),
                )
            )
        if items:
            joined = self.say("joiner").join(items)
            edits.note(self.say("auto_added", items=joined), loud=True, claim=("music", "text"))

    def _finish(self, generated: bool) -> Plan:
        edits = self.edits
        steps: list[Step] = [*self.head, *edits.steps]
        if edits.notes and (edits.loud or generated):
            preview = [self.say("preview")] if edits.steps and not generated else []
            steps.append(TextStep(self._join([*edits.notes, *preview])))
        if edits.ask:
            steps.append(edits.ask)
        if not steps:
            steps.append(TextStep(self._nothing_understood()))
        claims = (*(["video"] if generated else []), *edits.claims)
        tools = any(isinstance(s, ToolStep) for s in steps)
        label = self._join([*self.labels, *(n for n in edits.notes if n)])[:160]
        note = RevisionNote(label) if tools else None
        return Plan(tuple(steps), self.req.language, tuple(claims), note)
