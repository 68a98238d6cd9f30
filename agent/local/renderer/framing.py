"""Framing rules for a generation: which canvas a photo gets, and whether covering it crops.

Pure. With no aspect requested, the output follows the first photo's orientation: the closest of
16:9, 9:16, 1:1 and 4:5 (compared on a log scale, so 3:2 is nearer 16:9 than 1:1). A cover fit
that cuts off more than `CROP_TOLERANCE` of the photo counts as cropping, and the reply says
so (with "show the whole photo" to keep it whole).
"""

from __future__ import annotations

import math

__all__ = ["ASPECTS", "CROP_TOLERANCE", "aspect_for", "crop_share"]

ASPECTS: dict[str, float] = {"16:9": 16 / 9, "9:16": 9 / 16, "1:1": 1.0, "4:5": 4 / 5}
CROP_TOLERANCE = 0.2
"""A cover fit losing at most this share of the photo's area is not worth mentioning: a 3:2 photo
in 16:9 (16%) or a 3:4 one in 4:5 (6%) is trimmed at the edges; 4:3 in 16:9 (25%) is cropped."""
DEFAULT_ASPECT = "16:9"


def aspect_for(width: int | None, height: int | None) -> str:
    """The output aspect closest to a `width` x `height` photo's (16:9 when the size is unknown)."""
    if not width or not height or width <= 0 or height <= 0:
        return DEFAULT_ASPECT
    ratio = math.log(width / height)
    return min(ASPECTS, key=lambda name: abs(math.log(ASPECTS[name]) - ratio))


def crop_share(width: int | None, height: int | None, aspect: str) -> float:
    """Share of a photo's area a cover fit on `aspect` cuts off (0.0 when unknown or none)."""
    if not width or not height or width <= 0 or height <= 0 or aspect not in ASPECTS:
        return 0.0
    photo, canvas = width / height, ASPECTS[aspect]
    return 1.0 - min(photo, canvas) / max(photo, canvas)
