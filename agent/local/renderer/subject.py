"""Where the subject of a photo is, so a crop and the camera's motion keep it in frame.

Faces first (OpenCV's bundled Haar cascades, `cv2.data`), then the most salient region (colour
contrast), then the centre. Works on a small grey copy (<= 480 px): ~0.1 CPU-s a photo,
most of it the two cascades. Imported lazily by the renderer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

__all__ = ["CENTRE", "FaceCascades", "find_subject"]

CENTRE = (0.5, 0.5)
_WORK_SIDE = 480
_SALIENCY_SIDE = 240
_FLAT = 8.0  # Lab distance below which nothing stands out
_CASCADES = ("haarcascade_frontalface_default.xml", "haarcascade_profileface.xml")
# sRGB (D65) to CIE XYZ, each row divided by the white point's component: OpenCV's RGB -> Lab.
_RGB_TO_XYZ = np.array(
    [
        [0.412453 / 0.950456, 0.357580 / 0.950456, 0.180423 / 0.950456],
        [0.212671, 0.715160, 0.072169],
        [0.019334 / 1.088754, 0.119193 / 1.088754, 0.950227 / 1.088754],
    ],
    np.float32,
)
_LAB_EPSILON = 0.008856
# Window growth between the cascade's scales: 1.2 (not 1.1) halves the search (0.14 -> 0.08
# CPU-s a photo with no face, where both cascades run) and still finds a face at every size.
_SCALE_STEP = 1.2
# Smallest face searched, as a share of the short side, per cascade. The frontal one's 24 px
# window already starts at 7.5% of a 3:2 photo's 320 px; the profile one's 20 px window would
# start at 6%, and its two smallest scales cost a quarter of its search (10-26 ms a photo without
# a face) without finding a face the larger scales miss (bench/README.md, Round 8).
_SMALLEST = {_CASCADES[0]: 0.05, _CASCADES[1]: 0.08}


def _load_cascade(name: str) -> Any:
    folder = Path(cv2.data.haarcascades)  # type: ignore[attr-defined]
    return cv2.CascadeClassifier(str(folder / name))


class FaceCascades:
    """The frontal and profile face cascades, each loaded on its first use and then kept.

    One per compositor, so a slideshow loads them once, not once per photo (~7 ms of XML each).
    Not for two threads at once: a classifier holds the image it searches.
    """

    def __init__(self, load: Callable[[str], Any] = _load_cascade) -> None:
        self._load = load
        self._loaded: dict[str, Any] = {}

    def get(self, name: str) -> Any:
        """The cascade in `cv2.data.haarcascades`' file `name`, loaded once."""
        if name not in self._loaded:
            self._loaded[name] = self._load(name)
        return self._loaded[name]


def _faces(grey: NDArray[np.uint8], cascades: FaceCascades) -> list[tuple[int, int, int, int]]:
    found: list[tuple[int, int, int, int]] = []
    if not hasattr(cv2, "CascadeClassifier"):  # OpenCV 5 builds without the cascades
        return found
    for name in _CASCADES:
        cascade = cascades.get(name)
        if cascade.empty():
            continue
        minimum = max(12, int(min(grey.shape) * _SMALLEST[name]))
        hits = cascade.detectMultiScale(grey, _SCALE_STEP, 5, minSize=(minimum, minimum))
        found.extend(tuple(int(v) for v in hit) for hit in hits)  # type: ignore[misc]
        if found:
            break
    return found


def _from_faces(faces: list[tuple[int, int, int, int]], w: int, h: int) -> tuple[float, float]:
    """The centre of the box around every face (weighted towards the largest)."""
    x0 = min(x for x, _, _, _ in faces)
    y0 = min(y for _, y, _, _ in faces)
    x1 = max(x + fw for x, _, fw, _ in faces)
    y1 = max(y + fh for _, y, _, fh in faces)
    return ((x0 + x1) / 2 / w, (y0 + y1) / 2 / h)


def _lab(rgb: NDArray[np.uint8]) -> NDArray[np.float32]:
    """CIE Lab of an sRGB picture, L scaled to 0..255 (the 8-bit convention), a and b as is.

    In numpy, within 0.2 of OpenCV's float conversion: OpenCV's RGB -> Lab (8-bit or float)
    builds its lookup tables on its first call, ~55-65 ms of CPU in every fresh render process.
    """
    levels = np.arange(256, dtype=np.float64) / 255
    linear = np.where(levels <= 0.04045, levels / 12.92, ((levels + 0.055) / 1.055) ** 2.4)
    xyz = linear.astype(np.float32)[rgb] @ _RGB_TO_XYZ.T
    f = np.where(xyz > _LAB_EPSILON, np.cbrt(xyz), np.float32(7.787) * xyz + np.float32(16 / 116))
    y = xyz[..., 1]
    lab = np.empty_like(xyz)
    lab[..., 0] = np.where(y > _LAB_EPSILON, 116 * f[..., 1] - 16, 903.3 * y) * (255 / 100)
    lab[..., 1] = 500 * (f[..., 0] - f[..., 1])
    lab[..., 2] = 200 * (f[..., 1] - f[..., 2])
    return lab


def _percentile(values: NDArray[np.float32], q: float) -> float:
    """`np.percentile(values, q)` (linear), by partition: the numpy call costs ~9 ms the first
    time in a process."""
    flat = values.reshape(-1)
    position = q / 100 * (flat.size - 1)
    low = int(position)
    high = min(low + 1, flat.size - 1)
    part = np.partition(flat, (low, high))
    return float(part[low] + (position - low) * (part[high] - part[low]))


def _salient(rgb: NDArray[np.uint8]) -> tuple[float, float] | None:
    """Centre of the most salient region: colour distance from the picture's mean in Lab
    (frequency-tuned saliency, Achanta et al. 2009), strongest blob clear of the borders; None
    when nothing stands out."""
    lab = _lab(np.asarray(cv2.GaussianBlur(rgb, (5, 5), 0), np.uint8))
    saliency = np.linalg.norm(lab - lab.reshape(-1, 3).mean(axis=0), axis=2)
    threshold = max(_percentile(saliency, 97), 2 * float(saliency.mean()), _FLAT)
    mask = (saliency > threshold).astype(np.uint8)
    count, labels, stats, centres = cv2.connectedComponentsWithStats(mask)
    weights = np.bincount(labels.reshape(-1), weights=saliency.reshape(-1), minlength=count)
    h, w = mask.shape
    # A region touching the picture's border is background (a sky, a gradient), not a subject.
    inside = [
        i
        for i in range(1, count)
        if stats[i][0] > 0
        and stats[i][1] > 0
        and stats[i][0] + stats[i][2] < w
        and stats[i][1] + stats[i][3] < h
    ]
    if not inside:
        return None
    best = max(inside, key=lambda i: weights[i])
    return float(centres[best][0]) / w, float(centres[best][1]) / h


def find_subject(
    rgb: NDArray[np.uint8], cascades: FaceCascades | None = None
) -> tuple[float, float]:
    """The subject's centre in a picture, as fractions (x, y) of its width and height.

    `cascades`: the face cascades to search with (a fresh set, loaded as needed, if None).
    """
    h, w = rgb.shape[:2]
    scale = min(1.0, _WORK_SIDE / max(w, h))
    small = cv2.resize(rgb, (max(1, round(w * scale)), max(1, round(h * scale))))
    grey = np.asarray(cv2.equalizeHist(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)), np.uint8)
    faces = _faces(grey, cascades or FaceCascades())
    if faces:
        return _from_faces(faces, grey.shape[1], grey.shape[0])
    tiny = min(1.0, _SALIENCY_SIDE / max(w, h))
    size = (max(1, round(w * tiny)), max(1, round(h * tiny)))
    thumb = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
    return _salient(np.asarray(thumb, np.uint8)) or CENTRE
