"""The native resample kernel: the same mapping as a plain numpy bicubic to within 1 LSB, borders
replicated, any size; the AVX-512, AVX2 and portable paths agree; warps through it match the
OpenCV path and never move against a zoom."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from numpy.typing import NDArray

from agent.local.renderer.planes import Planes, blank, warp_planes
from agent.local.renderer.resample import ResampleKernel, load_kernel

Plane = NDArray[np.uint8]
Axis = tuple[float, float]


def _kernel(*, portable: bool, wide: bool = True) -> ResampleKernel:
    kernel = load_kernel(portable=portable, wide=wide)
    if kernel is None:
        pytest.skip("the native kernel is not built here (no C compiler, or no AVX2)")
    return kernel


@pytest.fixture(
    params=[(False, True), (False, False), (True, False)], ids=["wide", "avx2", "portable"]
)
def kernel(request: pytest.FixtureRequest) -> ResampleKernel:
    portable, wide = request.param
    return _kernel(portable=portable, wide=wide)


def _taps(count: int, size: int, axis: Axis) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
    u = axis[0] * np.arange(count) + axis[1]
    i = np.floor(u)
    f = (u - i)[:, None]
    a = -0.75
    d = np.abs(f - np.arange(-1, 3)[None, :])  # distance to each tap, 0 <= d < 3
    near = ((a + 2) * d - (a + 3)) * d * d + 1
    far = ((a * d - 5 * a) * d + 8 * a) * d - 4 * a
    weights = np.where(d <= 1, near, far)
    index = np.clip(i[:, None].astype(np.intp) - 1 + np.arange(4), 0, size - 1)
    return index, weights


def _reference(plane: Plane, shape: tuple[int, int], axis_x: Axis, axis_y: Axis) -> Plane:
    """Bicubic (A = -0.75) of the same mapping in float64, borders replicated."""
    rows, wy = _taps(shape[0], plane.shape[0], axis_y)
    cols, wx = _taps(shape[1], plane.shape[1], axis_x)
    vertical = (plane[rows].astype(np.float64) * wy[:, :, None]).sum(axis=1)
    both = (vertical[:, cols] * wx[None, :, :]).sum(axis=2)
    clipped: Plane = np.clip(np.rint(both), 0, 255).astype(np.uint8)
    return clipped


def _random_case(rng: np.random.Generator) -> tuple[Plane, tuple[int, int], Axis, Axis]:
    height, width = (int(n) for n in rng.integers(3, 90, 2))
    plane = rng.integers(0, 256, (height, width), np.uint8)
    shape = (int(rng.integers(1, 70)), int(rng.integers(1, 110)))
    scale_x, scale_y = rng.uniform(0.4, 2.5, 2)
    shift = rng.uniform(-6, 6, 2)
    return plane, shape, (1 / scale_x, shift[0]), (1 / scale_y, shift[1])


@pytest.mark.parametrize("seed", range(12))
def test_the_kernel_matches_a_numpy_bicubic_within_one_level(
    kernel: ResampleKernel, seed: int
) -> None:
    plane, shape, axis_x, axis_y = _random_case(np.random.default_rng(seed))
    out = np.zeros(shape, np.uint8)
    kernel(plane, out, axis_x, axis_y)
    want = _reference(plane, shape, axis_x, axis_y)
    assert int(np.abs(out.astype(np.int16) - want).max()) <= 1


@pytest.mark.parametrize(
    ("width", "axis_x", "axis_y", "shape"),
    [
        (517, (1 / 0.83, 3.7), (1 / 0.8301, -1.2), (249, 429)),
        (517, (1 / 1.7, -0.3), (1 / 1.7, 0.45), (300, 803)),  # upscale, tails past 16 and 64
        (517, (1.0, 0.0), (1.0, 0.0), (301, 517)),  # identity
        (517, (4.6, -20.0), (1.0, 0.0), (301, 110)),  # 16 outputs span more than 64 bytes
        (517, (1 / 1.3, -30.0), (1 / 1.3, 8.0), (290, 700)),  # both edges replicated
        (63, (1 / 1.25, 0.2), (1 / 1.25, 0.2), (301, 80)),  # a source narrower than 64 bytes
    ],
    ids=["down", "up", "identity", "wide-span", "edges", "narrow-source"],
)
def test_the_avx512_avx2_and_portable_paths_agree_to_the_bit(
    width: int, axis_x: Axis, axis_y: Axis, shape: tuple[int, int]
) -> None:
    paths = [
        _kernel(portable=False, wide=True),
        _kernel(portable=False, wide=False),
        _kernel(portable=True),
    ]
    plane = np.random.default_rng(7).integers(0, 256, (301, width), np.uint8)
    outs = [np.zeros(shape, np.uint8) for _ in paths]
    for path, out in zip(paths, outs, strict=True):
        path(plane, out, axis_x, axis_y)
    assert np.array_equal(outs[0], outs[2])
    assert np.array_equal(outs[1], outs[2])


def test_the_identity_mapping_copies_the_plane(kernel: ResampleKernel) -> None:
    plane = np.random.default_rng(1).integers(0, 256, (45, 77), np.uint8)
    out = np.zeros_like(plane)
    kernel(plane, out, (1.0, 0.0), (1.0, 0.0))
    assert np.array_equal(out, plane)


def test_samples_beyond_the_source_repeat_its_edge(kernel: ResampleKernel) -> None:
    plane = np.random.default_rng(2).integers(0, 256, (40, 60), np.uint8)
    out = np.zeros((40, 30), np.uint8)
    kernel(plane, out, (1.0, -20.0), (1.0, 0.0))  # columns 0..17 sample left of column 0
    assert np.array_equal(out[:, :18], np.repeat(plane[:, :1], 18, axis=1))
    kernel(plane, out, (1.0, 50.0), (1.0, 0.0))  # columns 12.. sample right of column 59
    assert np.array_equal(out[:, 12:], np.repeat(plane[:, -1:], 18, axis=1))


def test_strided_planes_are_read_and_written_in_place(kernel: ResampleKernel) -> None:
    rng = np.random.default_rng(4)
    backing = rng.integers(0, 256, (80, 128), np.uint8)
    plane = backing[5:70, 3:101]  # a view with a longer row stride
    padded = np.full((50, 96), 7, np.uint8)
    out = padded[:, :70]
    kernel(plane, out, (1 / 0.7, 0.4), (1 / 0.75, -0.6))
    assert np.array_equal(out, _packed(kernel, plane, (50, 70)))
    assert (padded[:, 70:] == 7).all()


def _packed(kernel: ResampleKernel, plane: Plane, shape: tuple[int, int]) -> Plane:
    out = np.zeros(shape, np.uint8)
    kernel(np.ascontiguousarray(plane), out, (1 / 0.7, 0.4), (1 / 0.75, -0.6))
    return out


def _read_only(plane: Plane) -> Plane:
    plane.flags.writeable = False
    return plane


@pytest.mark.parametrize(
    ("plane", "out"),
    [
        (np.zeros((4, 4), np.float32), np.zeros((4, 4), np.uint8)),
        (np.zeros((0, 4), np.uint8), np.zeros((4, 4), np.uint8)),
        (np.zeros((4, 8), np.uint8)[:, ::2], np.zeros((4, 4), np.uint8)),
        (np.zeros((4, 4), np.uint8), _read_only(np.zeros((4, 4), np.uint8))),
    ],
    ids=["float", "empty", "strided-columns", "read-only"],
)
def test_planes_the_kernel_cannot_take_are_refused(
    kernel: ResampleKernel, plane: Plane, out: Plane
) -> None:
    with pytest.raises(ValueError, match="plane"):
        kernel(plane, out, (1, 0), (1, 0))


def test_a_missing_library_means_no_kernel(tmp_path: Path) -> None:
    assert load_kernel(tmp_path / "missing.so") is None


def _smooth_planes(width: int, height: int) -> Planes:
    rng = np.random.default_rng(5)
    picture = blank(width, height)
    for plane in (picture.y, picture.u, picture.v):
        coarse = rng.integers(16, 235, (plane.shape[0] // 8, plane.shape[1] // 8), np.uint8)
        size = (plane.shape[1], plane.shape[0])
        plane[:] = cv2.resize(coarse, size, interpolation=cv2.INTER_CUBIC)
    return picture


def test_the_kernel_and_opencv_paths_draw_the_same_frame() -> None:
    _kernel(portable=False)
    source = _smooth_planes(700, 420)
    matrix = ((0.83, 0.0, -41.37), (0.0, 0.8302, -20.71))
    native, opencv = blank(480, 270), blank(480, 270)
    warp_planes(source, matrix, native, transparent=False)
    warp_planes(source, matrix, opencv, transparent=False, native=False)
    # OpenCV's second, bilinear step softens a little: about a level apart, never far.
    for a, b in ((native.y, opencv.y), (native.u, opencv.u), (native.v, opencv.v)):
        difference = np.abs(a.astype(np.int16) - b)
        assert float(difference.mean()) < 1.5
        assert int(difference.max()) <= 8


@pytest.mark.parametrize("native", [True, False], ids=["kernel", "opencv"])
def test_a_slow_zoom_never_moves_a_line_backwards(native: bool) -> None:
    if native:
        _kernel(portable=False)
    source = blank(400, 240)
    source.y.fill(225)
    source.y[:, 300:302] = 20  # right of centre: zooming in moves it steadily right
    picture = blank(320, 180)
    positions = []
    for step in range(40):
        zoom = 0.7 + 0.2 * (1 - np.cos(np.pi * step / 39)) / 2  # eased, down to tiny steps
        matrix = ((zoom, 0.0, 160 - 200 * zoom), (0.0, zoom, 90 - 120 * zoom))
        warp_planes(source, matrix, picture, transparent=False, native=native)
        darkness = 255.0 - picture.y[40:140].astype(np.float64).mean(axis=0)
        darkness[darkness < 60] = 0.0
        positions.append(float((darkness * np.arange(darkness.size)).sum() / darkness.sum()))
    steps = np.diff(positions)
    assert positions[-1] - positions[0] > 15
    assert steps.min() > -0.005
