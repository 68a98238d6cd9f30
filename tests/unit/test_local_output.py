"""Local output options: validation, stored form, and the spec of the file asked for."""

from __future__ import annotations

import pytest

from agent.local.renderer.output import OutputRequest, apply_output, parse_output
from agent.local.renderer.spec import RenderSpec

DRAFT_SPEC = RenderSpec(1920, 1080, duration_ms=20_000)
PORTRAIT = RenderSpec(1080, 1920, duration_ms=5_000)


def test_a_plain_request_is_an_h264_mp4_at_high_quality() -> None:
    assert parse_output({"format": "mp4", "quality": "high"}) == OutputRequest()
    assert OutputRequest().encode() == "high"
    assert OutputRequest.decode("low") == OutputRequest(quality="low")


def test_every_option_is_read_case_insensitively_and_survives_storage() -> None:
    raw = {"format": "GIF", "quality": "Low", "resolution": "4K", "fps": "60"}
    wanted = OutputRequest(quality="low", format="gif", resolution="4k", fps=60)

    assert parse_output(raw) == wanted
    assert OutputRequest.decode(wanted.encode()) == wanted


@pytest.mark.parametrize(
    "raw",
    [{"format": "avi"}, {"resolution": "8k"}, {"fps": 25}, {"fps": True}, {"quality": "ultra"}],
)
def test_unsupported_values_are_refused_by_name(raw: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=next(iter(raw))):
        parse_output(raw)


@pytest.mark.parametrize(
    ("resolution", "landscape", "portrait"),
    [
        ("720p", (1280, 720), (720, 1280)),
        ("1080p", (1920, 1080), (1080, 1920)),
        ("1440p", (2560, 1440), (1440, 2560)),
        ("4k", (3840, 2160), (2160, 3840)),
    ],
)
def test_a_resolution_sets_the_short_side_and_keeps_the_aspect(
    resolution: str, landscape: tuple[int, int], portrait: tuple[int, int]
) -> None:
    wide = apply_output(DRAFT_SPEC, OutputRequest(resolution=resolution))
    tall = apply_output(PORTRAIT, OutputRequest(resolution=resolution))

    assert (wide.width, wide.height) == landscape
    assert (tall.width, tall.height) == portrait


def test_a_gif_is_480_wide_15_fps_and_at_most_15_seconds() -> None:
    gif = apply_output(DRAFT_SPEC, OutputRequest(format="gif", quality="low"))

    assert (gif.width, gif.height, gif.fps, gif.duration_ms) == (480, 270, 15, 15_000)
    assert (gif.container, gif.crf) == ("gif", 28)


def test_frame_rate_is_the_one_asked_for_and_gif_caps_it_at_30() -> None:
    assert apply_output(DRAFT_SPEC, OutputRequest(fps=60)).fps == 60
    assert apply_output(DRAFT_SPEC, OutputRequest(format="gif", fps=60)).fps == 30
    assert apply_output(DRAFT_SPEC, OutputRequest(format="webm")).container == "webm"


def test_the_draft_spec_is_untouched_without_options() -> None:
    assert apply_output(DRAFT_SPEC, OutputRequest()) == DRAFT_SPEC
