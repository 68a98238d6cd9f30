"""Where the subject of a photo is, so a crop and the camera's motion keep it in frame.

Faces first (OpenCV's bundled Haar cascades, `cv2.data`), then the most salient region (colour
contrast), then the centre. Works on a small grey copy (<= 480 px): ~0.1 CPU-s a photo,
most of it the two cascades. Imported lazily by the renderer.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from numpy.typing import NDArray

__all__ = ["CENTRE", "find_subject"]

CENTRE = (0.5, 0.5)
_WORK_SIDE = 480
_SALIENCY_SIDE = 240
_FLAT = 8.0  # Lab distance below which nothing stands out
_CASCADES = ("haarcascade_frontalface_default.xml", "haarcascade_profileface.xml")
# Window growth between the cascade's scales: 1.2 (not 1.1) halves the search (0.14 -> 0.08
# CPU-s a photo with no face, where both cascades run) and still finds a face at every size.
_SCALE_STEP = 1.2


def _faces(grey: NDArray[np.uint8]) -> list[tuple[int, int, int, int]]:
    found: list[tuple[int, int, int, int]] = []
    if not hasattr(cv2, "CascadeClassifier"):  # OpenCV 5 builds without the cascades
        return found
    minimum = max(12, min(grey.shape) // 20)
    for name in _CASCADES:
        folder = Path(cv2.data.haarcascades)  # type: ignore[attr-defined]
        cascade = cv2.CascadeClassifier(str(folder / name))
        if cascade.empty():
            continue
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


def _salient(rgb: NDArray[np.uint8]) -> tuple[float, float] | None:
    """Centre of the most salient region: colour distance from the picture's mean in Lab
    (frequency-tuned saliency, Achanta et al. 2009), strongest blob clear of the borders; None
    when nothing stands out."""
    # Float Lab, rescaled to the 8-bit one's units (L x 255/100): OpenCV's 8-bit RGB -> Lab
    # builds lookup tables on its first call, ~65 ms of CPU in every fresh render process.
    blurred = cv2.GaussianBlur(rgb, (5, 5), 0).astype(np.float32) * np.float32(1 / 255)
    lab = np.asarray(cv2.cvtColor(blurred, cv2.COLOR_RGB2LAB), np.float32)
    lab[:, :, 0] *= np.float32(255 / 100)
    saliency = np.linalg.norm(lab - lab.reshape(-1, 3).mean(axis=0), axis=2)
    threshold = max(float(np.percentile(saliency, 97)), 2 * float(saliency.mean()), _FLAT)
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


def find_subject(rgb: NDArray[np.uint8]) -> tuple[float, float]:
    """The subject's centre in a picture, as fractions (x, y) of its width and height."""
    h, w = rgb.shape[:2]
    scale = min(1.0, _WORK_SIDE / max(w, h))
    small = cv2.resize(rgb, (max(1, round(w * scale)), max(1, round(h * scale))))
    grey = np.asarray(cv2.equalizeHist(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)), np.uint8)
    faces = _faces(grey)
    if faces:
        return _from_faces(faces, grey.shape[1], grey.shape[0])
    tiny = min(1.0, _SALIENCY_SIDE / max(w, h))
    size = (max(1, round(w * tiny)), max(1, round(h * tiny)))
    thumb = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
    return _salient(np.asarray(thumb, np.uint8)) or CENTRE
