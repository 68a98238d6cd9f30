"""Pure draft edits (agent.local.edits, agent.local.interpreter.videotrack): examples and
properties."""

from __future__ import annotations

import copy
import itertools
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from agent.local import edits as ed
from agent.local.edits import IdSource, MusicSpec, TextSpec
from agent.local.interpreter.plan import Asset
from agent.local.interpreter.videotrack import (
    Motion,
    VideoSpec,
    generate,
    look_of,
    set_fit,
    set_motion,
)
from agent.local.interpreter.videotrack import slideshow_timing as timing
from tests.unit.test_interpreter_support import check_draft, fact

PHOTO = Asset("as_1", "harbor.jpg", "image", "http://127.0.0.1:9/media/as_1/harbor.jpg")
PHOTOS = tuple(
    Asset(f"as_{i}", f"p{i}.png", "image", f"http://127.0.0.1:9/m/{i}") for i in range(8)
)


def _video(duration_ms: int = 5000, count: int = 1, aspect: str = "16:9") -> dict[str, Any]:
    spec = VideoSpec(PHOTOS[:count], duration_ms, aspect, Motion("zoom_in", 0.1, 1.0))
    return generate({}, spec, IdSource(1))


@st.composite
def drafts(draw: st.DrawFn) -> dict[str, Any]:
    """Valid drafts: 1-8 photos, 1-60 s, random titles/captions and optionally music."""
    total = draw(st.integers(1000, 60_000))
    draft = _video(total, draw(st.integers(1, 8)), draw(st.sampled_from(sorted(ed.CANVAS))))
    ids = IdSource(2, ["sg_x"])
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, total - 100))
        end = draw(st.integers(start + 100, total))
        pos = draw(st.sampled_from(["top", "center", "bottom"]))
        draft = ed.add_text(
            draft, TextSpec(draw(st.text(min_size=1, max_size=8)), start, end, pos), ids
        )
    if draw(st.booleans()):
        draft = ed.add_music(draft, MusicSpec("Ambient pad", style="ambient_pad"), ids)
    return draft


def test_generate_builds_the_documented_draft() -> None:
    draft = generate({}, VideoSpec((PHOTO,), 5000, "9:16", title="Harbor"), IdSource(0))
    assert draft == {
        "t": [
            {
                "tt": 0,
                "sg": [
                    {
                        "id": draft["t"][0]["sg"][0]["id"],
                        "s": 0,
                        "d": 5000,
                        "n": "harbor.jpg",
                        "a": "as_1",
                        "u": "http://127.0.0.1:9/media/as_1/harbor.jpg",
                        "k": "image",
                        "mo": {"type": "zoom_in", "i": 0.12, "sp": 1.0},
                        "fit": "cover",
                        "x": 0,
                    }
                ],
            }
        ],
        "d": 5000,
        "m": {"title": "Harbor", "width": 1080, "height": 1920, "aspect": "9:16", "fps": 30},
    }


def test_slideshow_crossfades_are_half_to_one_second_by_default() -> None:
    assert timing(10_000, 3) == [(0, 3889, 0), (3056, 3888, 833), (6111, 3889, 833)]
    assert timing(30_000, 2) == [(0, 15_500, 0), (14_500, 15_500, 1000)]
    assert timing(4000, 2) == [(0, 2250, 0), (1750, 2250, 500)]


@given(st.integers(1000, 60_000), st.integers(1, 20))
def test_slideshow_segments_tile_the_whole_duration(total: int, count: int) -> None:
    slots = timing(total, count)
    assert len(slots) == count
    assert slots[0][0] == 0
    assert slots[-1][0] + slots[-1][1] == total
    for (start, length, _), (next_start, _, fade) in itertools.pairwise(slots):
        assert next_start == start + length - fade
        assert 0 < fade <= length // 2 + 1


def test_ids_are_deterministic_and_skip_taken_ones() -> None:
    first, second = IdSource(7), IdSource(7)
    ids = [first.next() for _ in range(3)]
    assert ids == [second.next() for _ in range(3)]
    assert len(set(ids)) == 3
    assert all(i.startswith("sg_") and len(i) == 11 for i in ids)
    assert IdSource(7, taken=[ids[0]]).next() == ids[1]
    assert IdSource(8).next() not in ids


def test_add_text_replaces_overlapping_text_at_the_same_position_only() -> None:
    ids = IdSource(3)
    draft = ed.add_text(_video(), TextSpec("A", 0, 3000), ids)
    draft = ed.add_text(draft, TextSpec("B", 2000, 4000, "bottom", 48), ids)
    draft = ed.add_text(draft, TextSpec("C", 1000, 2000), ids)
    assert fact(draft, "text.n") == ["C", "B"]
    assert [ed.text_kind(sg) for sg in ed.segments(draft, ed.TEXT)] == ["title", "caption"]


def test_replace_and_remove_text_pick_the_requested_kind() -> None:
    ids = IdSource(3)
    draft = ed.add_text(_video(), TextSpec("Title", 0, 3000), ids)
    draft = ed.add_text(draft, TextSpec("Caption", 0, 5000, "bottom", 48), ids)
    replaced, changed = ed.replace_text(draft, "caption", "New")
    assert changed is not None
    assert fact(replaced, "text.n") == ["Title", "New"]
    removed, count = ed.remove_text(draft, "title")
    assert (fact(removed, "text.n"), count) == (["Caption"], 1)
    cleared, count = ed.remove_text(draft, None)
    assert (fact(cleared, "text.count"), count) == (0, 2)
    assert ed.replace_text(_video(), "title", "x")[1] is None


def test_music_replaces_the_previous_bed_and_keeps_uploads_apart_from_styles() -> None:
    ids = IdSource(4)
    draft = ed.add_music(_video(), MusicSpec("Lo-fi pulse", 35, style="lofi_pulse"), ids)
    draft = ed.add_music(draft, MusicSpec("tone.wav", 120, asset_id="as_t", url="u"), ids)
    (music,) = ed.segments(draft, ed.AUDIO)
    assert {k: music[k] for k in ("s", "d", "n", "v", "a", "u")} == {
        "s": 0,
        "d": 5000,
        "n": "tone.wav",
        "v": 100,
        "a": "as_t",
        "u": "u",
    }
    assert "syn" not in music
    assert ed.segments(ed.set_volume(draft, -5), ed.AUDIO)[0]["v"] == 0
    assert ed.segments(ed.remove_music(draft), ed.AUDIO) == []


def test_duration_change_stretches_video_clamps_titles_and_music_follows() -> None:
    ids = IdSource(5)
    draft = ed.add_text(_video(9000, 2), TextSpec("Late", 6000, 9000), ids)
    draft = ed.add_music(draft, MusicSpec("Ambient pad", style="ambient_pad"), ids)
    short = ed.set_duration(draft, 4000)
    assert fact(short, "video.s") == [0, 1778]
    assert fact(short, "video.d") == [2222, 2222]
    assert (fact(short, "text.0.s"), fact(short, "text.0.d")) == (3500, 500)
    assert fact(short, "audio.0.d") == 4000
    assert fact(short, "audio.0.fo") <= 2000
    longer = ed.set_duration(draft, 12_000)
    assert (fact(longer, "audio.0.d"), fact(longer, "text.0.d")) == (12_000, 3000)


def test_motion_and_fit_edits_clamp_to_the_documented_ranges() -> None:
    draft = set_motion(_video(), "pan_left", speed=9.0, intensity_factor=10.0)
    assert fact(draft, "video.0.mo") == {"type": "pan_left", "i": 0.5, "sp": 4.0}
    assert fact(set_fit(draft, "contain"), "video.0.fit") == "contain"


def test_look_of_round_trips_a_generated_video() -> None:
    draft = _video(7000, 3, "4:5")
    look = look_of(draft)
    assert look is not None
    assert (look.duration_ms, look.aspect, len(look.visuals)) == (7000, "4:5", 3)
    assert generate(draft, look, IdSource(9))["t"][0]["sg"][1]["s"] == draft["t"][0]["sg"][1]["s"]
    assert look_of({}) is None


@given(drafts(), st.integers(1000, 60_000))
def test_set_duration_keeps_every_segment_inside_and_never_mutates(draft: Any, new: int) -> None:
    before = copy.deepcopy(draft)
    out = ed.set_duration(draft, new)
    assert draft == before
    assert out["d"] == new
    check_draft(out)


@given(drafts(), st.sampled_from(sorted(ed.CANVAS)), st.integers(1000, 60_000))
def test_regenerating_keeps_other_tracks_valid(draft: Any, aspect: str, new: int) -> None:
    before = copy.deepcopy(draft)
    spec = VideoSpec(PHOTOS[:2], new, aspect)
    out = generate(draft, spec, IdSource.for_draft(11, draft))
    assert draft == before
    check_draft(out)
    assert fact(out, "text.count") == fact(draft, "text.count")


@given(drafts(), st.integers(0, 20_000), st.integers(0, 20_000), st.booleans())
def test_fades_never_exceed_half_a_segment(
    draft: Any, fade_in: int, fade_out: int, only: bool
) -> None:
    before = copy.deepcopy(draft)
    out = ed.set_fades(draft, (ed.AUDIO, ed.TEXT), fade_in, None if only else fade_out)
    assert draft == before
    check_draft(out)
    for track_type in (ed.AUDIO, ed.TEXT):
        for sg in ed.segments(out, track_type):
            assert max(sg["fi"], sg["fo"]) <= sg["d"] // 2


@given(drafts(), st.floats(0.1, 5.0), st.sampled_from([None, "#ff3b30"]))
def test_text_restyle_stays_in_range(draft: Any, factor: float, colour: str | None) -> None:
    out = ed.style_text(draft, factor, colour)
    assert all(24 <= sg["sz"] <= 200 for sg in ed.segments(out, ed.TEXT))
    assert ed.segments(out, ed.VIDEO) == ed.segments(draft, ed.VIDEO)
