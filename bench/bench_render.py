"""Render speed and memory: the 5 s 1080p30 clip (photo + title + music), ours vs ffmpeg zoompan.

Budget: >= 2x realtime (<= 2.5 s wall) and <= 400 MB peak RSS at preset veryfast on 2 cores.
Each measurement runs in a fresh subprocess (peak RSS from `resource.getrusage`); the ffmpeg
recipes run `imageio_ffmpeg.get_ffmpeg_exe()` on the same photo (bench only, never the product).
`python bench/bench_render.py [runs]` (default 3). Wall time follows the machine's load, so each
run prints the 1-minute load average beside it; CPU seconds and page faults vary much less.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PHOTO = REPO / "fixtures" / "media" / "harbor.jpg"
TONE = REPO / "fixtures" / "media" / "tone.wav"
FONT = REPO / "agent" / "local" / "fonts" / "NotoSansCJKsc-GB1Subset.otf"
RUNS = 3
BUDGET_S, BUDGET_MB = 2.5, 400
DRAFT = {
    "d": 5000,
    "m": {"title": "Harbor Lights", "aspect": "16:9", "fps": 30},
    "t": [
        {"tt": 0, "sg": [{"id": "sg_1", "s": 0, "d": 5000, "a": "photo", "k": "image",
                          "mo": {"type": "zoom_in", "i": 0.15, "sp": 1.0}, "fit": "cover"}]},
        {"tt": 1, "sg": [{"id": "sg_2", "s": 0, "d": 5000, "syn": "ambient_pad", "v": 35,
                          "fi": 1000, "fo": 1500}]},
        {"tt": 7, "sg": [{"id": "sg_3", "s": 0, "d": 3000, "n": "Harbor Lights", "pos": "center",
                          "fi": 500, "fo": 500}]},
    ],
}  # fmt: skip
_ZOOM = (
    "z='min(zoom+0.0015,1.5)':d=150:x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':s=1920x1080:fps=30"
)
_TITLE = (
    f"drawtext=fontfile={FONT}:text='Harbor Lights':fontcolor=white:fontsize=72"
    ":x=(w-text_w)/2:y=(h-text_h)/2"
)
ZOOMPAN = {
    "zoompan": f"zoompan={_ZOOM},{_TITLE},format=yuv420p",
    "zoompan + 8000px pre-upscale": f"scale=8000:-1,zoompan={_ZOOM},{_TITLE},format=yuv420p",
}  # fmt: skip


def _child(out_dir: Path) -> None:
    """Runs in the subprocess: a cold and a warm render, figures as JSON on stdout."""
    start = time.perf_counter()
    from agent.local.renderer.render import render
    from agent.local.renderer.spec import spec_from_draft

    spec = spec_from_draft(DRAFT, lambda _id: PHOTO)
    begin = time.perf_counter()
    result = render(spec, out_dir / "ours.mp4")  # cold: imports av, cv2, numpy, Pillow
    end = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    render(spec, out_dir / "ours-warm.mp4")  # warm: as in a running local backend
    figures = {
        "warm_s": time.perf_counter() - end,
        "render_s": end - begin,
        "with_imports_s": end - start,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "page_faults": usage.ru_minflt,
        "size_mb": result.size_bytes / 1e6,
    }
    print(json.dumps(figures))


def _ours(out_dir: Path, count: int) -> list[dict[str, float]]:
    runs = []
    for _ in range(count):
        cmd = [sys.executable, __file__, "--child", str(out_dir)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=REPO)
        run = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"  run: render {run['render_s']:.2f} s, warm {run['warm_s']:.2f} s, "
            f"CPU {run['cpu_s']:.2f} s, {run['page_faults']} page faults, "
            f"load {os.getloadavg()[0]:.2f}"
        )
        runs.append(run)
    return runs


def _ffmpeg(out_dir: Path, video_filter: str) -> tuple[float, float]:
    import imageio_ffmpeg

    cmd = [
        imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error",
        "-loop", "1", "-framerate", "30", "-i", str(PHOTO),
        "-stream_loop", "-1", "-i", str(TONE),
        "-vf", video_filter, "-t", "5",
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "20",
        "-c:a", "aac", "-ar", "48000", "-ac", "2", "-movflags", "+faststart",
        str(out_dir / "zoompan.mp4"),
    ]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main(runs_wanted: int = RUNS) -> dict[str, float]:
    """Print and return our figures (median and best of fresh processes) and zoompan's."""
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp)
        print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores)")
        print(
            f"ours: 5 s 1080p30, photo + title + music, preset veryfast, "
            f"{runs_wanted} fresh processes"
        )
        runs = _ours(out_dir, runs_wanted)
        walls = [r["render_s"] for r in runs]
        median = statistics.median(walls)
        print(f"  render wall   median {median:.2f} s, best {min(walls):.2f} s "
              f"({5 / median:.2f}x / {5 / min(walls):.2f}x realtime)")  # fmt: skip
        print(
            f"  incl. imports median {statistics.median(r['with_imports_s'] for r in runs):.2f} s"
        )
        warm = statistics.median(r["warm_s"] for r in runs)
        print(f"  warm render   median {warm:.2f} s ({5 / warm:.2f}x realtime; second render)")
        print(f"  process CPU   median {statistics.median(r['cpu_s'] for r in runs):.2f} s (cold)")
        peak = max(r["peak_rss_mb"] for r in runs)
        print(f"  peak RSS      {peak:.0f} MB (cold render); file {runs[0]['size_mb']:.2f} MB")
        figures = {"render_s": median, "warm_s": warm, "peak_rss_mb": peak}
        for name, video_filter in ZOOMPAN.items():
            wall, cpu = _ffmpeg(out_dir, video_filter)
            figures[f"{name} wall_s"] = wall
            print(
                f"{name}: wall {wall:.2f} s, CPU {cpu:.2f} s -> ours is {wall / median:.1f}x faster"
            )
        verdict = "MEETS" if median <= BUDGET_S and peak <= BUDGET_MB else "MISSES"
        print(f"budget (<= {BUDGET_S} s wall, <= {BUDGET_MB} MB): {verdict}")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        figures["loadavg"] = os.getloadavg()[0]
    return figures


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _child(Path(sys.argv[2]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) == 2 else RUNS)
