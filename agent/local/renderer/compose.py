"""Frame composition: which visual shows at each instant, crossfades between them, titles on top.

Streams: sources open when first needed and close once past, so memory stays flat whatever the
length. Imported lazily by `agent.local.renderer.render`.
"""

from __future__ import annotations

from agent.local.renderer.planes import Planes, blank
from agent.local.renderer.source import Source, open_source, return_freed_memory
from agent.local.renderer.spec import RenderSpec, VisualClip
from agent.local.renderer.subject import FaceCascades
from agent.local.renderer.text import TitleLayer, draw_title, opacity_at

__all__ = ["Compositor"]


def _needed_until(visuals: tuple[VisualClip, ...]) -> list[int]:
    """Per visual, the last timeline ms it is drawn: its end, or the next clip's crossfade end."""
    until = [v.start_ms + v.duration_ms for v in visuals]
    for i in range(1, len(visuals)):
        fade = visuals[i]
        if fade.crossfade_ms and visuals[i - 1].start_ms < fade.start_ms:
            until[i - 1] = max(until[i - 1], fade.start_ms + fade.crossfade_ms)
    return until


class Compositor:
    """Composes the I420 frames of a spec one at a time, into buffers the caller provides.

    Use as a context manager, or call `close`, to release decoders.
    """

    def __init__(self, spec: RenderSpec) -> None:
        self._spec = spec
        self._canvas = (spec.width, spec.height)
        self._black: Planes | None = None  # allocated on first use: fresh memory is not free
        self._scratch: Planes | None = None
        self._sources: dict[int, Source] = {}
        self._until = _needed_until(spec.visuals)
        self._titles: dict[int, TitleLayer] = {}
        self._cascades = FaceCascades()  # every photo of the render searches with the same ones
        self._t_ms = 0.0  # the frame being prepared or composed

    def __enter__(self) -> Compositor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close every open source."""
        for source in self._sources.values():
            source.close()
        self._sources.clear()

    def _source(self, index: int) -> Source:
        if index not in self._sources:
            clip = self._spec.visuals[index]
            # The first frame's photos are decoded before the encoder holds anything.
            self._sources[index] = open_source(
                clip, self._canvas, self._cascades, hand_back=self._t_ms > 0
            )
        return self._sources[index]

    def _release(self, t_ms: float) -> None:
        done = [i for i in self._sources if self._until[i] <= t_ms]
        for index in done:
            self._sources.pop(index).close()
        if done:
            # The photo's planes go back to the system, not into malloc's arenas, where the
            # frames' churn grew RSS ~10 MB over the rest of a slideshow.
            return_freed_memory()

    def _top_visual(self, t_ms: float) -> int | None:
        active = [
            i
            for i, v in enumerate(self._spec.visuals)
            if v.start_ms <= t_ms < v.start_ms + v.duration_ms
        ]
        return active[-1] if active else None

    def _draw_visual(self, index: int, t_ms: float, out: Planes) -> None:
        self._source(index).draw(t_ms - self._spec.visuals[index].start_ms, out)

    def _crossfade_from(self, index: int, t_ms: float) -> tuple[int, float] | None:
        clip = self._spec.visuals[index]
        into = t_ms - clip.start_ms
        if index == 0 or not clip.crossfade_ms or into >= clip.crossfade_ms:
            return None
        if self._spec.visuals[index - 1].start_ms >= clip.start_ms:
            return None
        return index - 1, into / clip.crossfade_ms

    def _draw_titles(self, t_ms: float, out: Planes) -> None:
        for i, clip in enumerate(self._spec.texts):
            opacity = opacity_at(clip, t_ms)
            if opacity <= 0:
                self._titles.pop(i, None)
                continue
            if i not in self._titles:
                self._titles[i] = draw_title(clip, self._canvas)
            self._titles[i].blend(out, opacity)

    def _needed(self, t_ms: float) -> tuple[int, ...]:
        """The visuals drawn at `t_ms`: the outgoing one of a crossfade first, then the top."""
        top = self._top_visual(t_ms)
        if top is None:
            return ()
        fade = self._crossfade_from(top, t_ms)
        return ((fade[0],) if fade else ()) + (top,)

    def opens_photo(self, index: int) -> bool:
        """Whether frame `index` opens a photo (decoded then: the render's memory peak)."""
        t_ms = index * 1000 / self._spec.fps
        visuals = self._spec.visuals
        return any(
            i not in self._sources and visuals[i].kind == "image" for i in self._needed(t_ms)
        )

    def prepare(self, index: int) -> None:
        """Close the sources frame `index` no longer needs and open the ones it does.

        `frame` does this itself; calling it first, before the frame's buffer is allocated,
        keeps that buffer out of a photo's decode peak (the caller's choice).

        Raises:
            RenderError: A source cannot be decoded.
        """
        t_ms = self._t_ms = index * 1000 / self._spec.fps
        self._release(t_ms)
        for needed in self._needed(t_ms):
            self._source(needed)

    def frame(self, index: int, out: Planes) -> None:
        """Compose frame `index` into `out` (a picture of the spec's size), overwriting it all.

        Raises:
            RenderError: A source cannot be decoded.
        """
        t_ms = self._t_ms = index * 1000 / self._spec.fps
        self._release(t_ms)
        top = self._top_visual(t_ms)
        if top is None:
            self._black = self._black or blank(*self._canvas)
            out.copy_from(self._black)
        else:
            self._draw_visual(top, t_ms, out)
            fade = self._crossfade_from(top, t_ms)
            if fade is not None:
                previous, weight = fade
                self._scratch = self._scratch or blank(*self._canvas)
                self._draw_visual(previous, t_ms, self._scratch)
                out.blend_from(self._scratch, weight)
            else:
                self._scratch = None  # not held until the next crossfade's photo is decoded
        self._draw_titles(t_ms, out)
