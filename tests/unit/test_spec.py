"""spec_from_draft: the draft (docs/draft.md) becomes a typed RenderSpec, or a RenderError."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from agent.errors import RenderError
from agent.local.renderer.spec import (
    AudioClip,
    Motion,
    RenderSpec,
    TextClip,
    VisualClip,
    spec_from_draft,
)


@pytest.fixture
def assets(fixtures_dir: Path) -> dict[str, Path]:
    media = fixtures_dir / "media"
    return {"as_img": media / "harbor.jpg", "as_wav": media / "tone.wav"}


def _draft(**meta: Any) -> dict[str, Any]:
    return {
        "d": 5000,
        "m": {"title": "Harbor Lights", **meta},
        "t": [
            {
                "tt": 0,
                "sg": [
                    {"id": "sg_1", "s": 0, "d": 5000, "n": "harbor.jpg", "a": "as_img",
                     "k": "image", "mo": {"type": "zoom_in", "i": 0.15, "sp": 1.0},
                     "fit": "cover", "x": 0},
                ],
            },
            {"tt": 1, "sg": [{"id": "sg_2", "s": 0, "d": 5000, "n": "Ambient pad",
                              "syn": "ambient_pad", "v": 35, "fi": 1000, "fo": 1500}]},
            {"tt": 7, "sg": [{"id": "sg_3", "s": 0, "d": 3000, "n": "Harbor Lights",
                              "pos": "center", "fi": 500, "fo": 500}]},
        ],
    }  # fmt: skip


def test_the_documented_example_draft_becomes_a_full_spec(assets: dict[str, Path]) -> None:
    spec = spec_from_draft(_draft(aspect="16:9"), assets.__getitem__)

    assert spec == RenderSpec(
        width=1920,
        height=1080,
        duration_ms=5000,
        fps=30,
        visuals=(VisualClip(assets["as_img"], "image", 0, 5000, Motion("zoom_in", 0.15, 1.0)),),
        audios=(AudioClip(None, "ambient_pad", 0, 5000, 0.35, 1000, 1500),),
        texts=(TextClip("Harbor Lights", 0, 3000, "center", 500, 500, 72, (255, 255, 255)),),
        crf=20,
        preset="veryfast",
    )
    assert spec.frame_count == 150


@pytest.mark.parametrize(
    ("aspect", "size"),
    [("16:9", (1920, 1080)), ("9:16", (1080, 1920)), ("1:1", (1080, 1080)), ("4:5", (1080, 1350))],
)
def test_canvas_size_follows_the_aspect(
    assets: dict[str, Path], aspect: str, size: tuple[int, int]
) -> None:
    spec = spec_from_draft(_draft(aspect=aspect), assets.__getitem__)

    assert (spec.width, spec.height) == size


def test_explicit_width_and_height_win_and_are_made_even(assets: dict[str, Path]) -> None:
    spec = spec_from_draft(_draft(width=321, height=181, aspect="9:16"), assets.__getitem__)

    assert (spec.width, spec.height) == (320, 180)


@pytest.mark.parametrize(("quality", "crf"), [("high", 20), ("medium", 23), ("low", 28)])
def test_quality_picks_the_crf(assets: dict[str, Path], quality: str, crf: int) -> None:
    assert spec_from_draft(_draft(), assets.__getitem__, quality=quality).crf == crf


def test_unknown_quality_is_a_render_error(assets: dict[str, Path]) -> None:
    with pytest.raises(RenderError):
        spec_from_draft(_draft(), assets.__getitem__, quality="ultra")


def test_unknown_asset_is_a_render_error() -> None:
    def resolve(asset_id: str) -> Path:
        raise KeyError(asset_id)

    with pytest.raises(RenderError) as info:
        spec_from_draft(_draft(), resolve)
    assert isinstance(info.value.__cause__, KeyError)


def test_an_asset_resolving_to_a_missing_file_is_a_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError):
        spec_from_draft(_draft(), lambda _id: tmp_path / "gone.jpg")


@pytest.mark.parametrize(
    "draft",
    [
        {},
        {"t": []},
        {"d": 1000, "t": [{"tt": 0, "sg": []}]},
        {"t": [{"tt": 7, "sg": [{"n": " "}]}]},
    ],
    ids=["no-tracks", "empty-tracks", "empty-segments", "blank-title"],
)
def test_an_empty_draft_is_a_render_error(draft: dict[str, Any]) -> None:
    with pytest.raises(RenderError):
        spec_from_draft(draft, lambda _id: Path("/nonexistent"))


@pytest.mark.parametrize(
    "segment",
    [
        {"tt": 0, "sg": [{"s": 0, "d": -5, "a": "as_img"}]},
        {"tt": 0, "sg": [{"s": 0, "d": 1000, "a": "as_img", "mo": {"type": "spin"}}]},
        {"tt": 0, "sg": [{"s": 0, "d": 1000, "a": "as_img", "fit": "stretch"}]},
        {"tt": 1, "sg": [{"s": 0, "d": 1000, "syn": "polka"}]},
        {"tt": 7, "sg": [{"s": 0, "d": 1000, "n": "Hi", "c": "red"}]},
        {"tt": 7, "sg": [{"s": 0, "d": 1000, "n": "Hi", "pos": "left"}]},
        {"tt": 0, "sg": "not-a-list"},
    ],
    ids=["negative-duration", "bad-motion", "bad-fit", "bad-synth", "bad-colour", "bad-pos", "sg"],
)
def test_an_invalid_segment_is_a_render_error(
    assets: dict[str, Path], segment: dict[str, Any]
) -> None:
    with pytest.raises(RenderError):
        spec_from_draft({"d": 1000, "t": [segment]}, assets.__getitem__)


def test_duration_defaults_to_the_last_segment_end(assets: dict[str, Path]) -> None:
    draft = _draft()
    del draft["d"]
    draft["t"][0]["sg"].append({"s": 5000, "d": 2500, "a": "as_img", "x": 9000})

    spec = spec_from_draft(draft, assets.__getitem__)

    assert spec.duration_ms == 7500
    assert spec.visuals[1].crossfade_ms == 2500  # clamped to the segment length


def test_uploaded_audio_titles_and_motion_keys_are_read(assets: dict[str, Path]) -> None:
    draft = {
        "t": [
            {"tt": 0, "sg": [{"s": 0, "d": 1000, "a": "as_img", "fit": "contain",
                              "mo": {"type": "ken_burns", "i": 0.9, "sp": 2}}]},
            {"tt": 1, "sg": [{"s": 200, "d": 800, "a": "as_wav", "v": 50}]},
            {"tt": 7, "sg": [{"s": 0, "d": 1000, "n": "城市之梦", "pos": "top", "sz": 40,
                              "c": "#FF8000"}]},
        ]
    }  # fmt: skip

    spec = spec_from_draft(draft, assets.__getitem__, quality="low")

    assert spec.visuals[0].fit == "contain"
    assert spec.visuals[0].motion == Motion("ken_burns", 0.5, 2.0)  # intensity capped at 0.5
    assert spec.audios == (AudioClip(assets["as_wav"], None, 200, 800, 0.5, 0, 0),)
    assert spec.texts == (TextClip("城市之梦", 0, 1000, "top", 0, 0, 40, (255, 128, 0)),)
    assert spec.duration_ms == 1000
