"""Framing keeps the subject: a face near a photo's edge stays in every frame of a cropped render.

The face is drawn (a shaded oval with eyes, brows, nose and mouth) so that OpenCV's bundled
frontal-face Haar cascade finds it; every decoded frame is searched with the same cascade.
"""

from __future__ import annotations

from pathlib import Path

import av
import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from agent.local.renderer.motion import plan_framing
from agent.local.renderer.render import render
from agent.local.renderer.spec import Motion, RenderSpec, VisualClip
from agent.local.renderer.subject import CENTRE, FaceCascades, find_subject

pytestmark = pytest.mark.integration

CANVAS = (640, 360)
PHOTO = (1200, 1600)
FACE_BOX = (500, 40, 200)  # x, y, size: near the top edge of the portrait photo


def _face(size: int) -> Image.Image:
    img = Image.new("L", (size, size), 90)
    d = ImageDraw.Draw(img)

    def box(*fractions: float) -> tuple[float, ...]:
        return tuple(f * size for f in fractions)

    d.ellipse(box(0.15, 0.05, 0.85, 0.98), fill=200)
    d.ellipse(box(0.28, 0.36, 0.44, 0.46), fill=40)
    d.ellipse(box(0.56, 0.36, 0.72, 0.46), fill=40)
    d.rectangle(box(0.26, 0.29, 0.46, 0.32), fill=60)
    d.rectangle(box(0.54, 0.29, 0.74, 0.32), fill=60)
    d.polygon([box(0.5, 0.45), box(0.44, 0.66), box(0.56, 0.66)], fill=170)
    d.ellipse(box(0.36, 0.74, 0.64, 0.82), fill=70)
    return img.filter(ImageFilter.GaussianBlur(size / 60))


def _portrait_with_face_at_top(path: Path) -> Path:
    x, y, size = FACE_BOX
    photo = Image.new("RGB", PHOTO, (70, 110, 150))
    ImageDraw.Draw(photo).rectangle((0, 900, PHOTO[0], PHOTO[1]), fill=(60, 90, 50))
    photo.paste(_face(size).convert("RGB"), (x, y))
    photo.save(path)
    return path


def _faces(rgb: np.ndarray) -> int:
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    return len(cascade.detectMultiScale(grey, 1.1, 5, minSize=(30, 30)))


def test_the_face_is_found_as_the_subject(tmp_path: Path) -> None:
    rgb = np.asarray(Image.open(_portrait_with_face_at_top(tmp_path / "p.png")))
    x, y, size = FACE_BOX

    fx, fy = find_subject(rgb)

    assert fx == pytest.approx((x + size / 2) / PHOTO[0], abs=0.03)
    assert fy == pytest.approx((y + size / 2) / PHOTO[1], abs=0.03)


def test_a_centred_crop_would_cut_the_face_off() -> None:
    framing = plan_framing(Motion("zoom_in", 0.1), PHOTO, CANVAS, "cover", CENTRE)
    (_, _, _), (_, sy, ty) = framing.matrix(0.0, PHOTO)
    _x, y, size = FACE_BOX
    assert sy * (y + size) + ty < 0  # the face's bottom edge lies above the frame


@pytest.mark.parametrize("motion", ["zoom_in", "ken_burns", "zoom_out"])
def test_a_face_near_the_top_edge_stays_in_every_frame(tmp_path: Path, motion: str) -> None:
    photo = _portrait_with_face_at_top(tmp_path / "portrait.png")
    clip = VisualClip(photo, "image", 0, 1000, Motion(motion, 0.15))
    out = tmp_path / f"{motion}.mp4"

    render(RenderSpec(*CANVAS, duration_ms=1000, fps=10, visuals=(clip,)), out)

    with av.open(str(out)) as container:
        found = [_faces(frame.to_ndarray(format="rgb24")) for frame in container.decode(video=0)]
    assert len(found) == 10
    assert all(count >= 1 for count in found), found


def test_without_a_face_the_salient_object_is_the_subject() -> None:
    rgb = np.full((600, 800, 3), (90, 120, 140), np.uint8)
    cv2.circle(rgb, (700, 300), 40, (250, 240, 60), -1)

    fx, fy = find_subject(rgb)

    assert fx > 0.75
    assert 0.35 < fy < 0.65


def test_a_flat_picture_is_framed_on_its_centre() -> None:
    assert find_subject(np.full((300, 400, 3), 128, np.uint8)) == CENTRE


def test_the_moon_over_the_harbor_is_the_subject_of_a_vertical_crop(fixtures_dir: Path) -> None:
    rgb = np.asarray(Image.open(fixtures_dir / "media" / "harbor.jpg").convert("RGB"))

    fx, fy = find_subject(rgb)

    assert fx > 0.7  # the moon sits top right; a centred 9:16 crop would cut it out
    assert fy < 0.3


def _photo_with_disc_and_face(share: float | None) -> tuple[np.ndarray, tuple[float, float]]:
    """A 3:2 photo with a bright disc (what saliency picks) and, if `share`, a drawn face of that
    share of the short side on the other side; returns it and the face's centre (fractions)."""
    photo = Image.new("RGB", (1500, 1000), (70, 110, 150))
    ImageDraw.Draw(photo).rectangle((0, 640, 1500, 1000), fill=(60, 90, 50))
    ImageDraw.Draw(photo).ellipse((1170, 100, 1410, 340), fill=(255, 230, 0))
    size = round((share or 0.0) * 1000)
    x, y = 350 - size // 2, 480 - size // 2
    if share is not None:
        photo.paste(_face(size).convert("RGB"), (x, y))
    return np.asarray(photo), ((x + size / 2) / 1500, (y + size / 2) / 1000)


@pytest.mark.parametrize("share", [0.08, 0.12, 0.2, 0.3])
def test_a_face_of_8_to_30_percent_of_the_short_side_wins_over_a_brighter_object(
    share: float,
) -> None:
    rgb, (cx, cy) = _photo_with_disc_and_face(share)

    fx, fy = find_subject(rgb)

    assert fx == pytest.approx(cx, abs=0.02)
    assert fy == pytest.approx(cy, abs=0.02)


def test_without_the_face_the_same_photo_is_framed_on_the_bright_object() -> None:
    rgb, _ = _photo_with_disc_and_face(None)

    fx, fy = find_subject(rgb)

    assert fx == pytest.approx(1290 / 1500, abs=0.02)
    assert fy == pytest.approx(220 / 1000, abs=0.02)


class _CountingLoads:
    """A cascade loader that loads the real file and counts the loads per name."""

    def __init__(self) -> None:
        self.loads: dict[str, int] = {}

    def __call__(self, name: str) -> cv2.CascadeClassifier:
        self.loads[name] = self.loads.get(name, 0) + 1
        return cv2.CascadeClassifier(cv2.data.haarcascades + name)


def test_shared_cascades_are_loaded_once_and_find_the_same_subjects() -> None:
    loads = _CountingLoads()
    cascades = FaceCascades(load=loads)
    photos = [_photo_with_disc_and_face(share)[0] for share in (None, 0.2, None, 0.12)]

    shared = [find_subject(rgb, cascades) for rgb in photos]

    assert shared == [find_subject(rgb) for rgb in photos]
    assert loads.loads == {
        "haarcascade_frontalface_default.xml": 1,
        "haarcascade_profileface.xml": 1,
    }


def test_a_frontal_face_never_loads_the_profile_cascade() -> None:
    loads = _CountingLoads()
    rgb, _ = _photo_with_disc_and_face(0.2)

    find_subject(rgb, FaceCascades(load=loads))

    assert loads.loads == {"haarcascade_frontalface_default.xml": 1}
