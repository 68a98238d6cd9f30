"""Peak RSS of photo renders from big camera JPEGs: one 24 MP photo, and a 4-photo slideshow.

Budget: <= 350 MB each (1080p30 MP4 with music; the slideshow's photos crossfade). The 24 MP
JPEGs (6000x4000, q 90, detailed enough to weigh ~10 MB each) are made once per run. Each render
runs in a fresh subprocess; peak RSS is its `ru_maxrss`, imports included.
`python bench/bench_render_rss.py` prints one line per case and the load average.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BUDGET_MB = 350
PHOTO_SIZE = (6000, 4000)
MOTIONS = ("zoom_in", "pan_left", "ken_burns", "zoom_out")


def _photos(folder: Path, count: int) -> list[Path]:
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(7)
    w, h = PHOTO_SIZE
    ramp = np.linspace(40, 215, w, dtype=np.float32)
    paths = []
    for index in range(count):
        noise = rng.normal(0, 18, (h // 4, w // 4, 3)).astype(np.float32)
        detail = np.repeat(np.repeat(noise, 4, axis=0), 4, axis=1)
        base = ramp[None, :, None] + detail + 10 * index
        pixels = np.clip(base, 0, 255).astype(np.uint8)
        path = folder / f"photo{index}.jpg"
        Image.fromarray(pixels).save(path, quality=90)
        paths.append(path)
    return paths


def _spec(photos: list[Path]) -> Any:
    from agent.local.renderer.spec import AudioClip, Motion, RenderSpec, VisualClip

    each, fade = 2500, 500
    visuals = tuple(
        VisualClip(
            path, "image", max(0, i * each - fade), each + (fade if i else 0),
            Motion(MOTIONS[i % len(MOTIONS)], 0.15), crossfade_ms=fade if i else 0,
        )
        for i, path in enumerate(photos)
    )  # fmt: skip
    if len(photos) == 1:
        visuals = (VisualClip(photos[0], "image", 0, 5000, Motion("zoom_in", 0.15)),)
    duration = visuals[-1].start_ms + visuals[-1].duration_ms
    music = AudioClip(None, "ambient_pad", 0, duration, 0.35, 1000, 1500)
    return RenderSpec(1920, 1080, duration_ms=duration, visuals=visuals, audios=(music,))


def _child(out: Path, photos: list[Path]) -> dict[str, float]:
    from agent.local.renderer.render import render

    begin = time.perf_counter()
    render(_spec(photos), out)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "wall_s": time.perf_counter() - begin,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,
    }


def main() -> dict[str, float]:
    """Render both cases in fresh processes; print and return their peak RSS in MB."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Made in a child: a fork inherits the parent's RSS into the child's ru_maxrss.
        subprocess.run([sys.executable, __file__, "--photos", str(folder)], check=True)
        photos = sorted(folder.glob("photo*.jpg"))
        size_mb = sum(p.stat().st_size for p in photos) / len(photos) / 1e6
        print(f"24 MP JPEGs ({PHOTO_SIZE[0]}x{PHOTO_SIZE[1]}, {size_mb:.1f} MB each)")
        for case, used in (("24 MP photo", photos[:1]), ("4-photo slideshow", photos)):
            cmd = [sys.executable, __file__, "--child", str(folder / "out.mp4")]
            run = subprocess.run(
                [*cmd, *map(str, used)], capture_output=True, text=True, check=True
            )
            got = json.loads(run.stdout.strip().splitlines()[-1])
            verdict = "ok" if got["peak_rss_mb"] <= BUDGET_MB else "OVER BUDGET"
            print(
                f"{case:18} peak RSS {got['peak_rss_mb']:5.0f} MB (budget {BUDGET_MB}) {verdict}; "
                f"wall {got['wall_s']:.1f} s, CPU {got['cpu_s']:.1f} s; "
                f"load {os.getloadavg()[0]:.2f}"
            )
            figures[case] = got["peak_rss_mb"]
    return figures


if __name__ == "__main__":
    if sys.argv[1:2] == ["--photos"]:
        _photos(Path(sys.argv[2]), len(MOTIONS))
    elif len(sys.argv) >= 4 and sys.argv[1] == "--child":
        print(json.dumps(_child(Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])))
    else:
        figures = main()
        if "--json" in sys.argv:  # bench/run_all.py reads the last line
            print(json.dumps(figures))
