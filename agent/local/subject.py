"""Where the subject of a photo is, so a crop and the camera's motion keep it in frame.

Faces first (OpenCV's bundled Haar cascades, `cv2.data`), then a spectral-residual saliency
estimate, then the centre. Works on a small grey copy (<= 480 px), so it costs a few ms a photo.
Imported lazily by the renderer.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from numpy.typing import NDArray

__all__ = ["CENTRE", "find_subject"]

CENTRE = (0.5, 0.5)
_WORK_SIDE = 480
_CASCADES = ("haarcascade_frontalface_default.xml", "haarcascade_profileface.xml")


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
        hits = cascade.detectMultiScale(grey, 1.1, 5, minSize=(minimum, minimum))
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


def _salient(grey: NDArray[np.uint8]) -> tuple[float, float] | None:
    """Centre of mass of the spectral-residual saliency map (Hou & Zhang 2007), if it has one."""
    small = cv2.resize(grey, (64, 64), interpolation=cv2.INTER_AREA).astype(np.float32)
    spectrum = np.fft.fft2(small)
    log_amp = np.log(np.abs(spectrum) + 1e-6)
    residual = log_amp - cv2.blur(log_amp, (3, 3))
    saliency = np.abs(np.fft.ifft2(np.exp(residual + 1j * np.angle(spectrum)))) ** 2
    saliency = cv2.GaussianBlur(saliency.astype(np.float32), (0, 0), 2.5)
    saliency = np.where(saliency > saliency.mean() * 2, saliency, 0)
    total = float(saliency.sum())
    if total <= 0:
        return None
    ys, xs = np.mgrid[0:64, 0:64]
    return (
        float((xs * saliency).sum() / total + 0.5) / 64,
        float((ys * saliency).sum() / total + 0.5) / 64,
    )


def find_subject(rgb: NDArray[np.uint8]) -> tuple[float, float]:
    """The subject's centre in a picture, as fractions (x, y) of its width and height."""
    h, w = rgb.shape[:2]
    scale = min(1.0, _WORK_SIDE / max(w, h))
    small = cv2.resize(rgb, (max(1, round(w * scale)), max(1, round(h * scale))))
    grey = np.asarray(cv2.equalizeHist(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)), np.uint8)
    faces = _faces(grey)
    if faces:
        return _from_faces(faces, grey.shape[1], grey.shape[0])
    return _salient(grey) or CENTRE
