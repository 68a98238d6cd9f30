"""The background worker: `turn --wait 0` latency with a warm worker, a warm `--local` photo -> MP4
turn, and the idle worker's RSS. Prints the load average with the figures.

Runs in a temporary NEMO_AGENT_HOME with the real console script, the real detached worker and
its embedded local backend; the worker is stopped at the end.

    python bench/bench_worker.py [runs] [--runs N] [--turns N] [--quick] [--json] [--checkout DIR]

--checkout DIR (A/B runs): a directory holding another `agent` package (and `prompts/`), e.g. from
`git archive BASE agent prompts | tar -x -C /tmp/base`, imported instead of this one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PHOTO = REPO / "fixtures" / "media" / "harbor.jpg"
BUDGET_SUBMIT_MS = 300
BUDGET_TURN_S = 4.0
BUDGET_RSS_MB = 120
_SETTLE_S = 1.5


def _exe() -> str:
    return shutil.which("nemo-agent") or str(Path(sys.executable).with_name("nemo-agent"))


def _run(env: dict[str, str], cwd: Path, *args: str) -> tuple[float, dict[str, object]]:
    start = time.perf_counter()
    done = subprocess.run(
        [_exe(), *args], env=env, cwd=cwd, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    data = json.loads(done.stdout) if done.stdout.strip().startswith("{") else {}
    return elapsed, data


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _children_rss_mb(pid: int) -> list[float]:
    """RSS of the direct children of `pid` (the spare media child, when one is kept)."""
    tasks = Path(f"/proc/{pid}/task").glob("*/children")
    return [_rss_mb(int(c)) for task in tasks for c in task.read_text().split()]


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int, *, reaped: bool) -> float:
    """CPU seconds of `pid` (user + system), with its reaped children's when `reaped`."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    ticks = fields[11:15] if reaped else fields[11:13]  # utime stime [cutime cstime]
    return sum(int(t) for t in ticks) / _TICK


def _tree_cpu_s(pid: int) -> float:
    """CPU seconds of the worker, its reaped children and its living ones (the spare)."""
    tasks = Path(f"/proc/{pid}/task").glob("*/children")
    alive = [int(c) for task in tasks for c in task.read_text().split()]
    total = _cpu_s(pid, reaped=True)
    for child in alive:
        try:
            total += _cpu_s(child, reaped=True)
        except OSError:
            continue  # it exited meanwhile (and is counted once reaped)
    return total


def _worker_pid(home: Path) -> int:
    return int((home / "state" / "worker" / "worker.pid").read_text().split()[0])


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs_pos", nargs="?", type=int, metavar="runs", help="Same as --runs.")
    parser.add_argument("--runs", type=int, default=10, help="Submits timed.")
    parser.add_argument("--turns", type=int, default=5, help="Warm photo -> MP4 turns timed.")
    parser.add_argument("--quick", action="store_true", help="One of each.")
    parser.add_argument("--json", action="store_true", help="End with one JSON line of figures.")
    parser.add_argument("--checkout", type=Path, help="A/B: import `agent` from this directory.")
    args = parser.parse_args()
    runs = 1 if args.quick else (args.runs_pos or args.runs)
    with tempfile.TemporaryDirectory(prefix="bench-worker-") as tmp:
        root = Path(tmp)
        home = root / "home"
        out = root / "out"
        out.mkdir()
        env = {
            "HOME": str(root),
            "NEMO_AGENT_HOME": str(home),
            "LC_ALL": "C.UTF-8",
        }
        if args.checkout:  # A/B: the `agent` package of another checkout
            env["PYTHONPATH"] = str(args.checkout.resolve())
        try:
            figures = _bench(env, home, out, runs, 1 if args.quick else args.turns)
        finally:
            subprocess.run([_exe(), "worker", "stop"], env=env, capture_output=True, check=False)
    if args.json:
        print(json.dumps(figures))


def _bench(
    env: dict[str, str], home: Path, out: Path, runs: int, turns_timed: int
) -> dict[str, object]:
    cold, _ = _run(env, out, "credits", "--local", "--json")
    print(f"cold start (worker + embedded backend + credits): {cold:.2f} s   load {_load()}")
    rss_start = _rss_mb(_worker_pid(home))
    # Warm the render path once (first render pays PyAV and font loading).
    _run(env, out, "turn", "--local", "--json", "--attach", str(PHOTO), "make a 3-second video")
    time.sleep(_SETTLE_S)  # idle: the worker gives freed memory back 0.5 s after its queue drains
    rss_idle = _rss_mb(_worker_pid(home))
    submits = []
    for _ in range(runs):
        elapsed, data = _run(env, out, "state", "--local", "--json", "--detach")
        submits.append(elapsed)
        job = data.get("job_id")
        if job:
            _run(env, out, "wait", str(job), "--json")
    turn_wait0 = []
    for _ in range(runs):
        elapsed, data = _run(env, out, "turn", "--local", "--json", "--wait", "0", "show the state")
        turn_wait0.append(elapsed)
        if data.get("status") == "running":
            _run(env, out, "wait", str(data["job_id"]), "--json")
    print(
        f"turn --wait 0 (warm worker): median {statistics.median(turn_wait0) * 1000:.0f} ms "
        f"(min {min(turn_wait0) * 1000:.0f}, max {max(turn_wait0) * 1000:.0f}, {runs} runs; "
        f"state --detach median {statistics.median(submits) * 1000:.0f} ms)   load {_load()}   "
        f"budget <= {BUDGET_SUBMIT_MS} ms"
    )
    turns, cpus = [], []
    for n in range(turns_timed):
        cpu_before = _tree_cpu_s(_worker_pid(home))
        elapsed, data = _run(
            env,
            out,
            "turn",
            "--local",
            "--json",
            "--new",
            "--attach",
            str(PHOTO),
            "turn this photo into a 5-second video",
        )
        if data.get("status") != "ok" or not data.get("files"):
            raise SystemExit(f"the turn failed: {data}")
        turns.append(elapsed)
        cpus.append(_tree_cpu_s(_worker_pid(home)) - cpu_before)
        print(
            f"  warm photo -> MP4 turn {n + 1}: {elapsed:.2f} s, worker + children "
            f"{cpus[-1]:.2f} CPU-s   load {_load()}"
        )
    print(
        f"warm --local photo -> MP4 turn: median {statistics.median(turns):.2f} s "
        f"(min {min(turns):.2f}), worker + children median {statistics.median(cpus):.2f} CPU-s   "
        f"budget <= {BUDGET_TURN_S} s"
    )
    _run(env, out, "credits", "--local", "--json")
    time.sleep(_SETTLE_S)
    rss_after = _rss_mb(_worker_pid(home))
    children = _children_rss_mb(_worker_pid(home))
    print(
        f"idle worker RSS: {rss_start:.0f} MB after start, {rss_idle:.0f} MB after one render, "
        f"{rss_after:.0f} MB after {len(turns) + 1} renders ({len(turns) + 2 * runs + 3} jobs); "
        f"with its children {rss_after + sum(children):.0f} MB (children: "
        f"{', '.join(f'{c:.0f}' for c in children) or 'none'} MB)   budget <= {BUDGET_RSS_MB} MB"
    )
    return {
        "worker_cold_start_s": round(cold, 2),
        "turn_wait0_ms": round(statistics.median(turn_wait0) * 1000),
        "warm_local_photo_to_mp4_s": round(statistics.median(turns), 2),
        "worker_rss_mb_after_start": round(rss_start),
        "worker_rss_mb_after_one_render": round(rss_idle),
        "worker_rss_mb_after_jobs": round(rss_after),
        "children_rss_mb": [round(c) for c in children],
        "warm_local_photo_to_mp4_min_s": round(min(turns), 2),
        "warm_turn_cpu_s": round(statistics.median(cpus), 2),
        "runs": runs,
        "turns": len(turns),
        "load": _load(),
    }


if __name__ == "__main__":
    main()
