"""Motion transforms: continuous, monotonic, and (for cover fit) always covering the canvas."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.local.renderer.motion import Affine, ease, plan_framing
from agent.local.renderer.spec import MOTION_KINDS, Motion

CANVAS = (1920, 1080)
STEPS = [i / 60 for i in range(61)]


def _apply(m: Affine, x: float, y: float) -> tuple[float, float]:
    return (m[0][0] * x + m[0][1] * y + m[0][2], m[1][0] * x + m[1][1] * y + m[1][2])


def test_ease_is_monotonic_and_pinned_at_the_ends() -> None:
    values = [ease(t) for t in STEPS]

    assert values[0] == 0.0
    assert values[-1] == pytest.approx(1.0)
    assert all(b >= a for a, b in pairwise(values))
    assert ease(-1.0) == 0.0
    assert ease(2.0) == pytest.approx(1.0)


def test_no_motion_is_a_centred_cover_fit() -> None:
    framing = plan_framing(Motion(), (1600, 1066), CANVAS, "cover")

    m0, m1 = framing.matrix(0.0, (1600, 1066)), framing.matrix(1.0, (1600, 1066))

    assert m0 == m1
    assert m0[0][0] == pytest.approx(1.2)
    centre = _apply(m0, (1600 - 1) / 2, (1066 - 1) / 2)
    assert centre == pytest.approx(((1920 - 1) / 2, (1080 - 1) / 2))


def test_zoom_in_moves_a_point_right_of_centre_steadily_right() -> None:
    framing = plan_framing(Motion("zoom_in", 0.2, 1.0), (1600, 900), CANVAS, "cover")

    xs = [_apply(framing.matrix(t, (1600, 900)), 1200.0, 450.0)[0] for t in STEPS]

    assert all(b > a for a, b in pairwise(xs))
    assert framing.max_zoom == pytest.approx(1.2)


def test_zoom_out_moves_the_same_point_steadily_left() -> None:
    framing = plan_framing(Motion("zoom_out", 0.2, 1.0), (1600, 900), CANVAS, "cover")

    xs = [_apply(framing.matrix(t, (1600, 900)), 1200.0, 450.0)[0] for t in STEPS]

    assert all(b < a for a, b in pairwise(xs))


@pytest.mark.parametrize(
    ("kind", "axis", "sign"),
    [("pan_left", 0, 1), ("pan_right", 0, -1), ("pan_up", 1, 1), ("pan_down", 1, -1)],
)
def test_pans_slide_the_picture_opposite_to_the_camera(kind: str, axis: int, sign: int) -> None:
    framing = plan_framing(Motion(kind, 0.1, 1.0), (1920, 1080), CANVAS, "cover")

    positions = [_apply(framing.matrix(t, (1920, 1080)), 960.0, 540.0)[axis] for t in STEPS]
    steps = [sign * (b - a) for a, b in pairwise(positions)]

    assert all(step >= 0 for step in steps)
    assert sign * (positions[-1] - positions[0]) == pytest.approx(0.1 * CANVAS[axis])


def test_speed_scales_the_distance_travelled() -> None:
    slow = plan_framing(Motion("zoom_in", 0.1, 1.0), (1920, 1080), CANVAS, "cover")
    fast = plan_framing(Motion("zoom_in", 0.1, 2.0), (1920, 1080), CANVAS, "cover")

    assert slow.max_zoom == pytest.approx(1.1)
    assert fast.max_zoom == pytest.approx(1.2)


def test_the_matrix_does_not_depend_on_the_pre_scaled_copy_used() -> None:
    framing = plan_framing(Motion("ken_burns", 0.3, 1.0), (1600, 1066), CANVAS, "cover")

    big = framing.matrix(0.4, (3200, 2132))
    corner_from_big = _apply(big, 3200 - 0.5, 2132 - 0.5)
    corner_from_small = _apply(framing.matrix(0.4, (1600, 1066)), 1600 - 0.5, 1066 - 0.5)

    assert corner_from_big == pytest.approx(corner_from_small, abs=1e-6)


def test_contain_fit_shows_the_whole_picture() -> None:
    framing = plan_framing(Motion(), (720, 1280), CANVAS, "contain")
    m = framing.matrix(0.5, (720, 1280))

    top_left, bottom_right = _apply(m, -0.5, -0.5), _apply(m, 719.5, 1279.5)

    assert top_left[1] == pytest.approx(-0.5)
    assert bottom_right[1] == pytest.approx(1079.5)
    assert 0 < top_left[0] < bottom_right[0] < 1920


@given(
    kind=st.sampled_from(sorted(MOTION_KINDS)),
    intensity=st.floats(0.0, 0.5),
    speed=st.floats(0.1, 4.0),
    width=st.integers(200, 4000),
    height=st.integers(200, 4000),
    t=st.floats(0.0, 1.0),
)
def test_cover_fit_always_covers_the_canvas(
    kind: str, intensity: float, speed: float, width: int, height: int, t: float
) -> None:
    framing = plan_framing(Motion(kind, intensity, speed), (width, height), CANVAS, "cover")
    m = framing.matrix(t, (width, height))

    left, top = _apply(m, -0.5, -0.5)
    right, bottom = _apply(m, width - 0.5, height - 0.5)

    eps = 1e-6
    assert left <= -0.5 + eps
    assert top <= -0.5 + eps
    assert right >= CANVAS[0] - 0.5 - eps
    assert bottom >= CANVAS[1] - 0.5 - eps


@given(
    kind=st.sampled_from(sorted(MOTION_KINDS)),
    intensity=st.floats(0.0, 0.5),
    width=st.integers(200, 4000),
    height=st.integers(200, 4000),
    t=st.floats(0.0, 1.0),
)
def test_contain_fit_keeps_the_whole_picture_inside_the_canvas_whatever_the_motion(
    kind: str, intensity: float, width: int, height: int, t: float
) -> None:
    framing = plan_framing(Motion(kind, intensity, 1.0), (width, height), CANVAS, "contain")
    m = framing.matrix(t, (width, height))

    left, top = _apply(m, -0.5, -0.5)
    right, bottom = _apply(m, width - 0.5, height - 0.5)

    eps = 1e-6
    assert left >= -0.5 - eps
    assert top >= -0.5 - eps
    assert right <= CANVAS[0] - 0.5 + eps
    assert bottom <= CANVAS[1] - 0.5 + eps
    assert framing.max_zoom == pytest.approx(1.0)


def test_a_contained_portrait_pans_across_the_free_band() -> None:
    framing = plan_framing(Motion("pan_left", 0.2, 1.0), (720, 1280), CANVAS, "contain")

    xs = [_apply(framing.matrix(t, (720, 1280)), 360.0, 640.0)[0] for t in STEPS]

    assert xs[-1] - xs[0] == pytest.approx(0.2 * CANVAS[0])
    assert all(b >= a for a, b in pairwise(xs))
