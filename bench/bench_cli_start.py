"""Cold start of `nemo-agent --help`: median wall time of 10 subprocess runs."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 10


def main() -> None:
    exe = shutil.which("nemo-agent") or str(Path(sys.executable).with_name("nemo-agent"))
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([exe, "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    print(
        f"nemo-agent --help: median {statistics.median(times) * 1000:.0f} ms "
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {RUNS} runs)"
    )


if __name__ == "__main__":
    main()
