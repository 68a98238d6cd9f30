"""The per-frame resample of the CPU bench clip, kernel by kernel, in-process.

Records the 150 warps of the `bench_render.py` clip (source planes and luma matrices, as the
compositor makes them), then times each path on them single-threaded, best of 3 passes (CPU
time of the process): the native kernel (SIMD and portable) and the OpenCV path (bicubic
`cv2.resize` of a whole-pixel crop + `cv2.getRectSubPix`). Quality: PSNR of each plane
against a Lanczos `warpAffine` of the same source (every 10th frame). Last, the picture the
clip's source draws (pre-scale included, no title) against a Lanczos warp of the decoded photo
itself, every 5th frame: the end-to-end figure, comparable across builds.
`python bench/bench_resample.py`
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_render import DRAFT, PHOTO

from agent.local.renderer import source as source_module
from agent.local.renderer.colour import matrix_for
from agent.local.renderer.compose import Compositor
from agent.local.renderer.motion import Affine
from agent.local.renderer.planes import (
    Planes,
    _chroma_matrix,
    blank,
    planes_from_rgb,
    warp_planes,
)
from agent.local.renderer.resample import ResampleKernel, load_kernel
from agent.local.renderer.spec import spec_from_draft

Warp = tuple[Planes, Affine]
Path_ = Callable[[Planes, Affine, Planes], None]


def record() -> list[Warp]:
    """The clip's warps, captured as the compositor makes them (it draws them too)."""
    spec = spec_from_draft(DRAFT, lambda _id: PHOTO)
    warps: list[Warp] = []
    real = source_module.warp_planes

    def spy(src: Planes, matrix: Affine, dst: Planes, *, transparent: bool) -> None:
        warps.append((src, matrix))
        real(src, matrix, dst, transparent=transparent)

    source_module.warp_planes = spy  # type: ignore[assignment]
    picture = blank(spec.width, spec.height)
    try:
        with Compositor(spec) as compositor:
            for index in range(spec.frame_count):
                compositor.frame(index, picture)
    finally:
        source_module.warp_planes = real
    return warps


def _with(kernel: ResampleKernel) -> Path_:
    def draw(src: Planes, matrix: Affine, dst: Planes) -> None:
        for plane, out, m in (
            (src.y, dst.y, np.array(matrix)),
            (src.u, dst.u, _chroma_matrix(matrix)),
            (src.v, dst.v, _chroma_matrix(matrix)),
        ):
            (sx, _, tx), (_, sy, ty) = m
            kernel(plane, out, (1 / sx, -tx / sx), (1 / sy, -ty / sy))

    return draw


def _opencv(src: Planes, matrix: Affine, dst: Planes) -> None:
    warp_planes(src, matrix, dst, transparent=False, native=False)


def best_ms(draw: Path_, warps: list[Warp], picture: Planes) -> float:
    """Best of 3 passes over every warp: CPU ms a frame."""
    passes = []
    for _ in range(3):
        begin = time.process_time()
        for src, matrix in warps:
            draw(src, matrix, picture)
        passes.append((time.process_time() - begin) / len(warps) * 1000)
    return min(passes)


def psnr(draw: Path_, warps: list[Warp], picture: Planes) -> list[tuple[float, float, float]]:
    """Per sampled frame, PSNR (dB) of Y, U, V against a Lanczos warp of the same source."""
    rows = []
    for src, matrix in warps[::10]:
        draw(src, matrix, picture)
        row = []
        for plane, out, m in (
            (src.y, picture.y, np.array(matrix)),
            (src.u, picture.u, _chroma_matrix(matrix)),
            (src.v, picture.v, _chroma_matrix(matrix)),
        ):
            size = (out.shape[1], out.shape[0])
            ideal = cv2.warpAffine(
                plane, m, size, flags=cv2.INTER_LANCZOS4, borderMode=cv2.BORDER_REPLICATE
            )
            mse = float(np.mean((out.astype(np.float64) - ideal) ** 2))
            row.append(10 * np.log10(255**2 / mse))
        rows.append((row[0], row[1], row[2]))
    return rows


def _psnr(got: np.ndarray[Any, Any], want: np.ndarray[Any, Any]) -> float:
    mse = float(np.mean((got.astype(np.float64) - want) ** 2))
    return float(10 * np.log10(255**2 / mse))


def photo_quality() -> tuple[tuple[int, int], np.ndarray[Any, Any]]:
    """(source planes size, per sampled frame PSNR Y/U/V) against a Lanczos warp of the photo."""
    spec = spec_from_draft(DRAFT, lambda _id: PHOTO)
    clip, canvas = spec.visuals[0], (spec.width, spec.height)
    source = source_module.ImageSource(clip, canvas)
    photo = planes_from_rgb(source_module._load_image(clip, canvas), matrix_for(*canvas))
    out, rows = blank(*canvas), []
    for index in range(0, spec.frame_count, 5):
        t_ms = index * 1000 / spec.fps
        source.draw(t_ms, out)
        matrix = source._framing.matrix(t_ms / clip.duration_ms, photo.size)
        row = []
        for plane, got, m in (
            (photo.y, out.y, np.array(matrix)),
            (photo.u, out.u, _chroma_matrix(matrix)),
            (photo.v, out.v, _chroma_matrix(matrix)),
        ):
            size = (got.shape[1], got.shape[0])
            flags, border = cv2.INTER_LANCZOS4, cv2.BORDER_REPLICATE
            row.append(_psnr(got, cv2.warpAffine(plane, m, size, flags=flags, borderMode=border)))
        rows.append(row)
    return source._planes.size, np.array(rows)


def main() -> dict[str, Any]:
    """Print (and return) ms a frame and PSNR for each available path."""
    cv2.setNumThreads(1)
    warps = record()
    src, _ = warps[0]
    picture = blank(1920, 1080)
    paths: dict[str, Path_] = {"opencv resize + getRectSubPix": _opencv}
    for name, portable, wide in (
        ("native kernel, AVX-512 if here", False, True),
        ("native kernel, AVX2", False, False),
        ("native kernel, portable C", True, False),
    ):
        kernel = load_kernel(portable=portable, wide=wide)
        if kernel is not None:
            paths[name] = _with(kernel)
    print(f"{len(warps)} warps of a {src.size[0]}x{src.size[1]} source to 1920x1080")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    figures: dict[str, Any] = {}
    for name, draw in paths.items():
        ms = best_ms(draw, warps, picture)
        quality = np.array(psnr(draw, warps, picture))
        mean = quality.mean(axis=0)
        figures[name] = {"ms": ms, "psnr": mean.tolist(), "psnr_y_min": quality[:, 0].min()}
        print(
            f"{name:32s} {ms:5.2f} ms/frame; PSNR Y/U/V vs Lanczos {mean[0]:.2f} "
            f"(min {quality[:, 0].min():.2f}) / {mean[1]:.2f} / {mean[2]:.2f}"
        )
    size, rows = photo_quality()
    mean = rows.mean(axis=0)
    print(
        f"the clip's pictures (source planes {size[0]}x{size[1]}) vs a Lanczos warp of the photo: "
        f"PSNR Y {mean[0]:.2f} (min {rows[:, 0].min():.2f}) / U {mean[1]:.2f} / V {mean[2]:.2f}"
    )
    return figures


if __name__ == "__main__":
    main()
