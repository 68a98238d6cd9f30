"""Renderer CPU side by side: ours vs a bare x264 encode of the same frames vs ffmpeg zoompan.

The 5 s 1080p30 clip of `bench_render.py` (harbor.jpg zoomed in, title, music). In one run, each
round measures, in fresh processes and one after the other: our `render()` (CPU seconds of the
call, `os.times` around it, libraries imported first: av, cv2, numpy, Pillow and structlog, which
a running backend has loaded; the renderer's own modules are imported in the call), a bare
PyAV/x264 encode of the very frames our compositor made (read from a raw file, same encoder
options, no audio) and the ffmpeg zoompan recipe (CPU of the child process,
`resource.getrusage`). Ratios are taken per round, then the median over rounds. Quality: PSNR/SSIM
of our MP4 against the raw frames, and against a reference MP4 of an earlier build when
`--reference PATH` is given (`--keep DIR` keeps this run's MP4).
`python bench/bench_render_cpu.py [rounds] [--reference PATH] [--keep DIR]` (default 5 rounds).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_render import DRAFT, PHOTO, TONE, ZOOMPAN

ROUNDS = 5
BARE_BUDGET, ZOOMPAN_BUDGET = 1.15, 0.75


def _cpu() -> float:
    times = os.times()
    return times.user + times.system


def _spec() -> Any:
    from agent.local.renderer.spec import spec_from_draft

    return spec_from_draft(DRAFT, lambda _id: PHOTO)


def _child_ours(out: Path) -> dict[str, float]:
    import av  # noqa: F401  (imported before the clock starts, as in a running backend)
    import cv2  # noqa: F401
    import numpy  # noqa: F401
    import PIL.Image  # noqa: F401
    import structlog  # noqa: F401  (the backend's logging: 0.08-0.1 CPU-s to import, with rich)

    from agent.local.renderer.render import render

    spec = _spec()
    begin = _cpu()
    render(spec, out)
    return {"cpu_s": _cpu() - begin}


def _child_frames(raw: Path) -> dict[str, float]:
    """Compose every frame of the clip (our compositor) into a raw I420 file: the bare input."""
    import numpy as np

    from agent.local.renderer.compose import Compositor
    from agent.local.renderer.planes import blank

    spec = _spec()
    picture = blank(spec.width, spec.height)
    with Compositor(spec) as compositor, raw.open("wb") as file:
        for index in range(spec.frame_count):
            compositor.frame(index, picture)
            for plane in (picture.y, picture.u, picture.v):
                file.write(np.ascontiguousarray(plane).tobytes())
    return {"frames": spec.frame_count}


def _child_bare(raw: Path, out: Path) -> dict[str, float]:
    """Encode the raw frames with our encoder options (video only): x264's own cost."""
    import av
    import numpy as np

    from agent.local.renderer.planes import frame_planes, i420_buffer
    from agent.local.renderer.render import _video_options

    spec = _spec()
    w, h = spec.width, spec.height
    frames = np.memmap(raw, np.uint8, "r").reshape(-1, h * 3 // 2, w)
    begin = _cpu()
    with av.open(str(out), "w", format="mp4") as container:
        codec, options = _video_options(spec)
        video = container.add_stream(codec, rate=spec.fps)
        video.width, video.height, video.pix_fmt = w, h, "yuv420p"
        video.time_base, video.options = Fraction(1, spec.fps), options
        video.codec_context.thread_type = "AUTO"
        for index, buffer in enumerate(frames):
            frame = av.VideoFrame(w, h, "yuv420p")
            frame_planes(frame).copy_from(i420_buffer(np.asarray(buffer), w, h))
            frame.pts, frame.time_base = index, Fraction(1, spec.fps)
            container.mux(video.encode(frame))
        container.mux(video.encode(None))
    return {"cpu_s": _cpu() - begin}


def _run_child(*args: str) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _zoompan(out: Path) -> float:
    import imageio_ffmpeg

    cmd = [
        imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error",
        "-loop", "1", "-framerate", "30", "-i", str(PHOTO),
        "-stream_loop", "-1", "-i", str(TONE),
        "-vf", ZOOMPAN["zoompan"], "-t", "5",
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "20",
        "-c:a", "aac", "-ar", "48000", "-ac", "2", "-movflags", "+faststart", str(out),
    ]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def _decoded(video: Path, raw_size: tuple[int, int] | None) -> Iterator[Any]:
    """I420 frames as (h * 3 / 2, w) arrays, from an MP4 (PyAV) or a raw I420 file."""
    import av
    import numpy as np

    if raw_size is not None:
        w, h = raw_size
        yield from np.memmap(video, np.uint8, "r").reshape(-1, h * 3 // 2, w)
        return
    with av.open(str(video)) as container:
        for frame in container.decode(video=0):
            yield frame.to_ndarray(format="yuv420p")


def _ssim(a: Any, b: Any) -> float:
    """SSIM of two luma planes (Gaussian window 11x11, sigma 1.5, as Wang et al.)."""
    import cv2

    x, y = a.astype("float64"), b.astype("float64")
    blur = lambda img: cv2.GaussianBlur(img, (11, 11), 1.5)  # noqa: E731
    mx, my = blur(x), blur(y)
    vx, vy, cov = blur(x * x) - mx * mx, blur(y * y) - my * my, blur(x * y) - mx * my
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    num = (2 * mx * my + c1) * (2 * cov + c2)
    return float((num / ((mx * mx + my * my + c1) * (vx + vy + c2))).mean())


def quality(video: Path, reference: Path, raw_size: tuple[int, int] | None = None) -> str:
    """PSNR (all three planes, dB) and luma SSIM of `video` against `reference`, frame by frame.

    `reference` is an MP4, or a raw I420 file of `raw_size` (w, h). PyAV decodes both.
    """
    import numpy as np

    errors, ssims = [], []
    height = None
    for got, want in zip(_decoded(video, None), _decoded(reference, raw_size), strict=True):
        height = height or got.shape[0] * 2 // 3
        diff = got.astype(np.float64) - want
        errors.append(float((diff * diff).mean()))
        ssims.append(_ssim(got[:height], want[:height]))
    mse = float(np.mean(errors))
    psnr = 10 * np.log10(255**2 / mse) if mse else float("inf")
    return f"PSNR {psnr:.2f} dB, SSIM {np.mean(ssims):.4f} ({len(errors)} frames)"


def _round(folder: Path, raw: Path) -> dict[str, float]:
    ours = _run_child("ours", str(folder / "ours.mp4"))["cpu_s"]
    bare = _run_child("bare", str(raw), str(folder / "bare.mp4"))["cpu_s"]
    zoompan = _zoompan(folder / "zoompan.mp4")
    load = os.getloadavg()[0]
    print(
        f"  ours {ours:.2f} CPU-s, bare x264 {bare:.2f}, zoompan {zoompan:.2f}: "
        f"{ours / bare:.2f}x bare, {ours / zoompan:.2f}x zoompan; load {load:.2f}"
    )
    return {"ours": ours, "bare": bare, "zoompan": zoompan, "load": load}


def main(
    rounds: int = ROUNDS, reference: Path | None = None, keep: Path | None = None
) -> dict[str, Any]:
    """Run the rounds, print and return the medians, the ratios and the quality figures."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        raw = folder / "frames.yuv"
        _run_child("frames", str(raw))
        print(f"renderer CPU, 5 s 1080p30 zoom + title + music, {rounds} rounds (2 cores)")
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        runs = [_round(folder, raw) for _ in range(rounds)]
        figures: dict[str, Any] = {
            key: statistics.median(r[key] for r in runs) for key in ("ours", "bare", "zoompan")
        }
        figures["vs_bare"] = statistics.median(r["ours"] / r["bare"] for r in runs)
        figures["vs_zoompan"] = statistics.median(r["ours"] / r["zoompan"] for r in runs)
        figures["loadavg"] = os.getloadavg()
        figures["quality_vs_frames"] = quality(folder / "ours.mp4", raw, (1920, 1080))
        if reference is not None:
            figures["quality_vs_reference"] = quality(folder / "ours.mp4", reference)
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(folder / "ours.mp4", keep / "ours.mp4")
    _print(figures)
    return figures


def _print(figures: dict[str, Any]) -> None:
    print(
        f"median CPU-s: ours {figures['ours']:.2f}, bare x264 {figures['bare']:.2f}, "
        f"zoompan {figures['zoompan']:.2f}"
    )
    for key, budget, name in (
        ("vs_bare", BARE_BUDGET, "bare x264"),
        ("vs_zoompan", ZOOMPAN_BUDGET, "zoompan"),
    ):
        verdict = "MEETS" if figures[key] <= budget else "MISSES"
        print(f"ours / {name}: median {figures[key]:.2f}x (budget <= {budget}x) {verdict}")
    print(f"quality vs the composed frames: {figures['quality_vs_frames']}")
    if "quality_vs_reference" in figures:
        print(f"quality vs the reference MP4: {figures['quality_vs_reference']}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in figures['loadavg'])}")


def _cli(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        kind, args = argv[1], [Path(a) for a in argv[2:]]
        children = {"ours": _child_ours, "frames": _child_frames, "bare": _child_bare}
        print(json.dumps(children[kind](*args)))
        return
    options = {"--reference": None, "--keep": None}
    positional = []
    as_json = "--json" in argv
    argv = [a for a in argv if a != "--json"]
    if "--quick" in argv:
        argv = [a for a in argv if a != "--quick"] + ["--runs", "1"]
    while argv:
        arg = argv.pop(0)
        if arg == "--runs":
            positional = [argv.pop(0)]
        elif arg in options:
            options[arg] = argv.pop(0)
        elif arg.isdigit() and not positional:
            positional.append(arg)
        else:
            sys.exit(
                "usage: bench_render_cpu.py [rounds | --runs N | --quick] [--reference MP4] "
                f"[--keep DIR] [--json] (not {arg!r})"
            )
    figures = main(
        int(positional[0]) if positional else ROUNDS,
        Path(options["--reference"]) if options["--reference"] else None,
        Path(options["--keep"]) if options["--keep"] else None,
    )
    if as_json:  # bench/run_all.py reads the last line
        print(json.dumps(figures, default=str))


if __name__ == "__main__":
    _cli(sys.argv[1:])
