"""I420 plane views: composing straight into encoder frames (padded rows); still pictures;
scale + shift resampling placed exactly, and never moving against the motion."""

from __future__ import annotations

from pathlib import Path

import av
import cv2
import numpy as np
import pytest
from PIL import Image

from agent.local.renderer.compose import Compositor
from agent.local.renderer.motion import Affine
from agent.local.renderer.planes import (
    Planes,
    _chroma_matrix,
    blank,
    frame_planes,
    i420_buffer,
    warp_planes,
)
from agent.local.renderer.render import render
from agent.local.renderer.spec import Motion, RenderSpec, VisualClip

pytestmark = pytest.mark.integration


def _gradient(path: Path, size: tuple[int, int] = (400, 260)) -> Path:
    x = np.linspace(0, 255, size[0], dtype=np.float32)[None, :, None]
    y = np.linspace(0, 255, size[1], dtype=np.float32)[:, None, None]
    pixels = np.concatenate([x + 0 * y, y + 0 * x, (x + y) / 2], axis=2).astype(np.uint8)
    Image.fromarray(pixels).save(path)
    return path


def test_frame_planes_are_writable_views_of_the_frame_even_when_rows_are_padded() -> None:
    frame = av.VideoFrame(1080, 64, "yuv420p")  # 1080 is not a multiple of the row alignment
    assert frame.planes[0].line_size > frame.planes[0].width
    planes = frame_planes(frame)
    assert planes.size == (1080, 64)
    assert planes.u.shape == planes.v.shape == (32, 540)
    planes.y.fill(200)
    planes.u.fill(90)
    planes.v.fill(170)
    picture = frame.to_ndarray(format="yuv420p")
    assert (picture[:64] == 200).all()
    assert (picture[64:].reshape(2, 32, 540)[0] == 90).all()
    assert (picture[64:].reshape(2, 32, 540)[1] == 170).all()


def test_composing_into_a_padded_frame_matches_composing_into_a_packed_buffer(
    tmp_path: Path,
) -> None:
    clip = VisualClip(_gradient(tmp_path / "g.png"), "image", 0, 1000, Motion("ken_burns", 0.3))
    spec = RenderSpec(360, 200, duration_ms=1000, visuals=(clip,))
    packed = blank(360, 200)
    frame = av.VideoFrame(360, 200, "yuv420p")
    assert frame.planes[0].line_size != 360
    with Compositor(spec) as compositor:
        compositor.frame(17, packed)
        compositor.frame(17, frame_planes(frame))
    packed_picture = np.concatenate([packed.y.ravel(), packed.u.ravel(), packed.v.ravel()])
    assert np.array_equal(frame.to_ndarray(format="yuv420p").ravel(), packed_picture)


def test_a_render_at_a_padded_width_keeps_the_picture_aligned(tmp_path: Path) -> None:
    left_dark = np.zeros((200, 360, 3), np.uint8)
    left_dark[:, 180:] = 230
    Image.fromarray(left_dark).save(tmp_path / "split.png")
    clip = VisualClip(tmp_path / "split.png", "image", 0, 200, Motion("none"))
    out = tmp_path / "split.mp4"
    render(RenderSpec(360, 200, duration_ms=200, visuals=(clip,)), out)
    with av.open(str(out)) as container:
        luma = next(container.decode(video=0)).to_ndarray(format="gray")
    assert luma.shape == (200, 360)
    # Row padding leaking in would shear the edge from row to row; it stays one straight column.
    edges = np.argmax(luma > 128, axis=1)
    assert abs(int(edges.min()) - 180) <= 2
    assert abs(int(edges.max()) - 180) <= 2


def test_i420_buffer_views_share_the_packed_buffer() -> None:
    buffer = np.zeros((6, 4), np.uint8)
    planes = i420_buffer(buffer, 4, 4)
    planes.v.fill(7)
    assert (buffer.ravel()[20:] == 7).all()
    assert (buffer.ravel()[:20] == 0).all()


def _composed(spec: RenderSpec, *indices: int) -> list[np.ndarray]:
    pictures = []
    with Compositor(spec) as compositor:
        for index in indices:
            planes = blank(spec.width, spec.height)
            compositor.frame(index, planes)
            pictures.append(np.concatenate([planes.y.ravel(), planes.u.ravel(), planes.v.ravel()]))
    return pictures


@pytest.mark.parametrize("fit", ["cover", "contain"])
def test_a_still_picture_is_the_same_warp_on_every_frame(tmp_path: Path, fit: str) -> None:
    photo = _gradient(tmp_path / "g.png")
    still = VisualClip(photo, "image", 0, 1000, Motion("none"), fit=fit)  # type: ignore[arg-type]
    first, middle, last = _composed(
        RenderSpec(240, 160, duration_ms=1000, visuals=(still,)), 0, 13, 29
    )
    assert np.array_equal(first, middle)
    assert np.array_equal(first, last)
    # A zoom too slow to move a pixel takes the per-frame warp path and draws the same.
    zero = VisualClip(photo, "image", 0, 1000, Motion("zoom_in", 0.2, 1e-9), fit=fit)  # type: ignore[arg-type]
    (warped,) = _composed(RenderSpec(240, 160, duration_ms=1000, visuals=(zero,)), 13)
    assert np.array_equal(middle, warped)


def test_a_ken_burns_drift_without_zoom_still_moves(tmp_path: Path) -> None:
    wide = _gradient(tmp_path / "wide.png", (800, 200))  # wider than the canvas: room to drift
    clip = VisualClip(wide, "image", 0, 1000, Motion("ken_burns", 0.0))
    first, last = _composed(RenderSpec(240, 160, duration_ms=1000, visuals=(clip,)), 0, 29)
    assert not np.array_equal(first, last)


def test_a_gap_between_visuals_composes_black(tmp_path: Path) -> None:
    photo = _gradient(tmp_path / "g.png")
    clip = VisualClip(photo, "image", 500, 500, Motion("none"))
    gap, shown = _composed(RenderSpec(240, 160, duration_ms=1000, visuals=(clip,)), 3, 20)
    luma = 240 * 160
    assert (gap[:luma] == 16).all()
    assert (gap[luma:] == 128).all()
    assert not (shown[:luma] == 16).all()


def _smooth_planes(width: int, height: int, seed: int) -> Planes:
    rng = np.random.default_rng(seed)
    picture = blank(width, height)
    for plane in (picture.y, picture.u, picture.v):
        coarse = rng.integers(16, 235, (plane.shape[0] // 8, plane.shape[1] // 8), np.uint8)
        size = (plane.shape[1], plane.shape[0])
        plane[:] = cv2.resize(coarse, size, interpolation=cv2.INTER_CUBIC)
    return picture


@pytest.mark.parametrize(
    "matrix",
    [
        ((0.87, 0.0, -37.3), (0.0, 0.8702, -11.6)),
        ((0.93, 0.0, -150.77), (0.0, 0.93, -60.2)),
        ((0.99995, 0.0, -3.4), (0.0, 1.0, -7.9)),  # near-identity: cv2.resize would just copy
    ],
)
def test_a_scale_and_shift_lands_where_the_bilinear_warp_puts_it(matrix: Affine) -> None:
    source = _smooth_planes(1200, 700, seed=3)
    frame = av.VideoFrame(960, 540, "yuv420p")  # padded rows: written in place all the same
    warp_planes(source, matrix, frame_planes(frame), transparent=False)
    got = frame_planes(frame)
    for plane, out, m in (
        (source.y, got.y, np.array(matrix)),
        (source.u, got.u, _chroma_matrix(matrix)),
    ):
        size = (out.shape[1], out.shape[0])
        want = cv2.warpAffine(plane, m, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
        shift = cv2.phaseCorrelate(out.astype(np.float64), want.astype(np.float64))[0]
        assert max(abs(shift[0]), abs(shift[1])) < 0.03
        assert float(np.abs(out.astype(np.float64) - want).mean()) < 1.5


def test_a_thin_line_never_moves_against_a_zoom(tmp_path: Path) -> None:
    pixels = np.full((360, 640, 3), 225, np.uint8)
    pixels[:, 466:468] = 20  # right of centre: a zoom in moves it steadily right
    Image.fromarray(pixels).save(tmp_path / "line.png")
    clip = VisualClip(tmp_path / "line.png", "image", 0, 2000, Motion("zoom_in", 0.3))
    spec = RenderSpec(640, 360, duration_ms=2000, visuals=(clip,))
    picture = blank(640, 360)
    positions = []
    with Compositor(spec) as compositor:
        for index in range(spec.frame_count):
            compositor.frame(index, picture)
            darkness = 255.0 - picture.y[90:270].astype(np.float64).mean(axis=0)
            darkness[darkness < 60] = 0.0
            positions.append(float((darkness * np.arange(darkness.size)).sum() / darkness.sum()))
    steps = np.diff(positions)
    assert positions[-1] - positions[0] > 20
    assert steps.min() > -0.005  # sub-pixel exact: never backwards, however slow the ease


def test_prepare_opens_a_crossfades_photos_and_frame_then_draws_the_same(tmp_path: Path) -> None:
    first = VisualClip(_gradient(tmp_path / "a.png"), "image", 0, 600, Motion("zoom_in", 0.2))
    second = VisualClip(_gradient(tmp_path / "b.png", (300, 200)), "image", 400, 600,
                        Motion("pan_left", 0.2), crossfade_ms=200)  # fmt: skip
    spec = RenderSpec(240, 160, duration_ms=1000, visuals=(first, second))
    fading = 15  # 500 ms: both photos are drawn
    with Compositor(spec) as compositor:
        assert compositor.opens_photo(0)
        compositor.prepare(0)
        assert not compositor.opens_photo(0)  # open already
        assert compositor.opens_photo(fading)  # the second photo is not open yet
        compositor.prepare(fading)
        assert not compositor.opens_photo(fading)
        prepared = blank(240, 160)
        compositor.frame(fading, prepared)
    (direct,) = _composed(spec, fading)

    assert np.array_equal(
        np.concatenate([prepared.y.ravel(), prepared.u.ravel(), prepared.v.ravel()]), direct
    )


def test_the_crossfade_buffer_is_dropped_once_the_crossfade_is_over(tmp_path: Path) -> None:
    first = VisualClip(_gradient(tmp_path / "a.png"), "image", 0, 600, Motion("none"))
    second = VisualClip(_gradient(tmp_path / "b.png"), "image", 400, 600, Motion("none"),
                        crossfade_ms=200)  # fmt: skip
    spec = RenderSpec(240, 160, duration_ms=1000, visuals=(first, second))
    with Compositor(spec) as compositor:
        picture = blank(240, 160)
        compositor.frame(15, picture)
        assert compositor._scratch is not None
        compositor.frame(20, picture)  # 667 ms: the second photo alone
        assert compositor._scratch is None


def test_freed_memory_is_handed_back_when_a_photo_is_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import agent.local.renderer.compose as compose

    calls: list[int] = []
    monkeypatch.setattr(compose, "return_freed_memory", lambda: calls.append(1))
    first = VisualClip(_gradient(tmp_path / "a.png"), "image", 0, 500, Motion("none"))
    second = VisualClip(_gradient(tmp_path / "b.png"), "image", 500, 500, Motion("none"))
    spec = RenderSpec(240, 160, duration_ms=1000, visuals=(first, second))
    with Compositor(spec) as compositor:
        picture = blank(240, 160)
        compositor.frame(5, picture)
        assert calls == []
        compositor.frame(20, picture)  # the first photo is past: closed, memory handed back
        assert calls == [1]
        compositor.frame(21, picture)
        assert calls == [1]


@pytest.mark.parametrize(("hand_back", "calls"), [(True, 2), (False, 0)])
def test_a_photo_hands_freed_memory_back_around_its_decode_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hand_back: bool, calls: int
) -> None:
    import agent.local.renderer.source as source

    made: list[int] = []
    monkeypatch.setattr(source, "return_freed_memory", lambda: made.append(1))
    clip = VisualClip(_gradient(tmp_path / "a.png"), "image", 0, 500, Motion("none"))

    source.open_source(clip, (240, 160), hand_back=hand_back).close()

    assert len(made) == calls
