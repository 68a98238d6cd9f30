"""Peak RSS of output-option renders: the 5 s clip (photo + title + music) in 4K and as a GIF.

Budget: <= 600 MB for the 4K render, <= 400 MB for the GIF export (480 px, 15 fps, palette).
Each render runs in a fresh subprocess; peak RSS is `resource.getrusage(...).ru_maxrss` there,
imports included. `python bench/bench_output_rss.py` prints one line per case and the load average.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_render import DRAFT, PHOTO

CASES = {
    "4k": ({"format": "mp4", "quality": "high", "resolution": "4k"}, 600),
    "1440p": ({"format": "mp4", "quality": "high", "resolution": "1440p"}, 400),
    "gif": ({"format": "gif", "quality": "high"}, 400),
    "webm": ({"format": "webm", "quality": "high"}, 400),
    "1080p60": ({"format": "mp4", "quality": "high", "fps": 60}, 400),
}


def _child(case: str, out_dir: Path) -> None:
    from agent.local.renderer.output import apply_output, parse_output
    from agent.local.renderer.render import render
    from agent.local.renderer.spec import spec_from_draft

    output = parse_output(CASES[case][0])
    spec = apply_output(spec_from_draft(DRAFT, lambda _id: PHOTO), output)
    begin = time.perf_counter()
    result = render(spec, out_dir / f"{case}.{output.extension}")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures = {
        "wall_s": time.perf_counter() - begin,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "size_mb": result.size_bytes / 1e6,
        "size": f"{result.width}x{result.height}@{spec.fps}",
    }
    print(json.dumps(figures))


def main() -> dict[str, float]:
    """Render every case in a fresh process; print and return each peak RSS in MB."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for case, (_output, budget) in CASES.items():
            cmd = [sys.executable, __file__, "--child", case, tmp]
            run = subprocess.run(cmd, capture_output=True, text=True, check=True)
            got = json.loads(run.stdout)
            verdict = "ok" if got["peak_rss_mb"] <= budget else "OVER BUDGET"
            print(
                f"{case:8} {got['size']:>16}  peak RSS {got['peak_rss_mb']:6.0f} MB "
                f"(budget {budget}) {verdict}; wall {got['wall_s']:5.1f} s, "
                f"CPU {got['cpu_s']:5.1f} s, {got['size_mb']:.1f} MB; "
                f"load {os.getloadavg()[0]:.1f}"
            )
            figures[case] = got["peak_rss_mb"]
    return figures


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        _child(sys.argv[2], Path(sys.argv[3]))
    else:
        main()
