"""Zoom smoothness: does a thin vertical line ever move against the zoom? Ours vs ffmpeg zoompan.

A 1920x1080 picture with a 4 px dark line right of centre is zoomed in over 3 s (1280x720, 30 fps)
by our renderer and by the usual zoompan recipe; both outputs are decoded with PyAV and the
line's sub-pixel x (darkness-weighted centroid) tracked per frame. Budget for ours: 0 frames
moving backwards (a step below -NOISE_PX counts; the codec alone moves it by less).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import av
import numpy as np
from PIL import Image

from agent.local.renderer.render import render
from agent.local.renderer.spec import Motion, RenderSpec, VisualClip

SIZE, SECONDS, FPS = (1280, 720), 3, 30
LINE_X = 1400
NOISE_PX = 0.02
ZOOM = 0.3


def _picture(path: Path) -> Path:
    pixels = np.full((1080, 1920, 3), 225, np.uint8)
    pixels[:, LINE_X - 2 : LINE_X + 2] = 20
    Image.fromarray(pixels).save(path)
    return path


def _ours(picture: Path, out: Path) -> Path:
    clip = VisualClip(picture, "image", 0, SECONDS * 1000, Motion("zoom_in", ZOOM, 1.0))
    render(RenderSpec(SIZE[0], SIZE[1], duration_ms=SECONDS * 1000, visuals=(clip,)), out)
    return out


def _zoompan(picture: Path, out: Path) -> Path:
    import imageio_ffmpeg

    frames = SECONDS * FPS
    step = ZOOM / frames
    zoompan = (
        f"zoompan=z='min(zoom+{step:.5f},{1 + ZOOM})':d={frames}:x='iw/2-(iw/zoom/2)'"
        f":y='ih/2-(ih/zoom/2)':s={SIZE[0]}x{SIZE[1]}:fps={FPS}"
    )
    cmd = [
        imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error", "-i", str(picture),
        "-vf", f"{zoompan},format=yuv420p", "-frames:v", str(frames),
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", str(out),
    ]  # fmt: skip
    subprocess.run(cmd, check=True)
    return out


def _line_positions(video: Path) -> list[float]:
    positions = []
    with av.open(str(video)) as container:
        for frame in container.decode(video=0):
            luma = frame.to_ndarray(format="gray").astype(np.float64)
            darkness = 255.0 - luma[SIZE[1] // 4 : 3 * SIZE[1] // 4].mean(axis=0)
            darkness[darkness < 60] = 0.0
            positions.append(float((darkness * np.arange(darkness.size)).sum() / darkness.sum()))
    return positions


def _report(name: str, positions: list[float]) -> int:
    steps = np.diff(positions)
    backwards = int((steps < -NOISE_PX).sum())
    still = int((np.abs(steps) <= NOISE_PX).sum())
    jerk = float(np.abs(np.diff(steps)).mean())
    print(
        f"{name:8s} frames {len(positions):3d}  backwards {backwards:3d}  stalled {still:3d}  "
        f"worst step {steps.min():+.3f} px  mean |change of step| {jerk:.3f} px"
    )
    return backwards


def main() -> dict[str, int]:
    """Render both, track the line, print the counts and the verdict; return the counts."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        picture = _picture(folder / "line.png")
        ours = _report("ours", _line_positions(_ours(picture, folder / "ours.mp4")))
        theirs = _report("zoompan", _line_positions(_zoompan(picture, folder / "zoompan.mp4")))
    print(f"budget (ours: 0 frames moving against the zoom): {'MEETS' if ours == 0 else 'MISSES'}")
    return {"ours_backwards": ours, "zoompan_backwards": theirs}


if __name__ == "__main__":
    main()
