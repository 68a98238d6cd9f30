"""Cold start of `nemo-agent --help`: median wall time of 10 subprocess runs.

python bench/bench_cli_start.py [--runs N] [--quick] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help="Fresh processes to time.")
    parser.add_argument("--quick", action="store_true", help="Three runs.")
    parser.add_argument("--json", action="store_true", help="End with one JSON line of figures.")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    exe = shutil.which("nemo-agent") or str(Path(sys.executable).with_name("nemo-agent"))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([exe, "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    median_ms = statistics.median(times) * 1000
    print(
        f"nemo-agent --help: median {median_ms:.0f} ms "
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {runs} runs)   load {load}"
    )
    if args.json:
        print(json.dumps({"cli_help_ms": round(median_ms), "runs": runs, "load": load}))


if __name__ == "__main__":
    main()
