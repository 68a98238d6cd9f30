"""Ctrl-C races, by hand: how often an interrupted command prints a traceback, hangs, exits with
another code than 130 or leaves a `.part` file.

Each run starts a plain-mode `--local` command in its own session (as a terminal's foreground
job), waits for its first progress line on stderr (or the line with `--after TEXT`), waits a
random 0-`--spread` seconds more (to land the signal in every phase: start-up, upload, render,
download, shutdown), then sends SIGINT
to the whole process group, as a terminal's Ctrl-C does (render children included); `--twice`
sends a second SIGINT 0-`--gap` seconds later. A run that has not ended `--hang` seconds after
the last signal counts as a hang (and is killed).

    python bench/interrupt_race.py --runs 20 turn
    python bench/interrupt_race.py --runs 20 --twice export
    python bench/interrupt_race.py --runs 10 --after "Rendering: " --spread 1 turn

Report the figures with `uptime`'s load average: the races need a busy machine to show. To
measure another tree (an older commit), run from outside the checkout with PYTHONPATH set to it:
`python -m agent` in the checkout would import the checkout's own `agent` first.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

PHOTO = Path(__file__).resolve().parents[1] / "fixtures" / "media" / "harbor-small.png"
GENERATE = "turn this photo into a 5-second video"


def _env(home: Path) -> dict[str, str]:
    # A script's own environment, passed on to the commands it starts (no settings read here).
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEMO_")}  # noqa: TID251
    env.update(HOME=str(home), NEMO_AGENT_HOME=str(home / ".nemo-agent"), NEMO_WORKER="false")
    return env


def _command(kind: str, out: Path) -> list[str]:
    base = [sys.executable, "-m", "agent"]
    if kind == "turn":
        return [*base, "turn", "--local", "-o", str(out), "--attach", str(PHOTO), GENERATE]
    return [*base, "export", "--local", "-o", str(out / "video.mp4")]


def _prepare(kind: str, home: Path, out: Path) -> None:
    """`export` needs a project with a clip: one turn first (its files go elsewhere)."""
    if kind != "export":
        return
    setup = home / "setup-out"
    subprocess.run(
        [
            *(sys.executable, "-m", "agent", "turn", "--local", "-o", str(setup)),
            *("--attach", str(PHOTO), "turn this photo into a 5-second clip, do not export"),
        ],
        env=_env(home),
        capture_output=True,
        check=True,
        timeout=300,
    )


def _children_after(session: int, seconds: float) -> list[int]:
    """Processes of the run's session still alive `seconds` after it ended (killed then)."""
    deadline = time.monotonic() + seconds
    while True:
        found = subprocess.run(["pgrep", "-s", str(session)], capture_output=True, text=True)
        pids = [int(pid) for pid in found.stdout.split()]
        if not pids or time.monotonic() > deadline:
            break
        threading.Event().wait(0.2)
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return pids


def one_run(kind: str, twice: bool, spread: float, hang: float, gap: float, after: str) -> str:
    """One interrupted run; returns its verdict."""
    with tempfile.TemporaryDirectory() as tmp:
        home, out = Path(tmp) / "home", Path(tmp) / "out"
        home.mkdir()
        out.mkdir()
        _prepare(kind, home, out)
        proc = subprocess.Popen(
            _command(kind, out),
            env=_env(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        assert proc.stderr is not None
        assert proc.stdout is not None
        first = proc.stderr.readline()
        while after.encode() not in first:
            line = proc.stderr.readline()
            if not line:
                break
            first += line
        err_rest: list[bytes] = []
        reader = threading.Thread(target=lambda: err_rest.append(proc.stderr.read()))  # type: ignore[union-attr]
        reader.start()
        out_rest: list[bytes] = []
        out_reader = threading.Thread(target=lambda: out_rest.append(proc.stdout.read()))  # type: ignore[union-attr]
        out_reader.start()
        threading.Event().wait(random.uniform(0, spread))
        try:
            os.killpg(proc.pid, signal.SIGINT)
            if twice:
                threading.Event().wait(random.uniform(0, gap))
                os.killpg(proc.pid, signal.SIGINT)
        except ProcessLookupError:
            pass
        try:
            code = proc.wait(timeout=hang)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            reader.join()
            out_reader.join()
            return "hang"
        reader.join()
        out_reader.join()
        children = _children_after(proc.pid, hang)
        err = (first + b"".join(err_rest)).decode("utf-8", "replace")
        parts = [p.name for p in out.rglob("*.part*")]
        verdict = _verdict(err, code, children, parts and not twice)
        if verdict not in ("ok", "finished first"):  # kept for a look: /tmp/interrupt-race-*.log
            log = Path(tempfile.gettempdir(), f"interrupt-race-{proc.pid}.log")
            log.write_text(f"{verdict}\n{err}", encoding="utf-8")
        return verdict


def _verdict(err: str, code: int, children: list[int], parts: bool) -> str:
    if "Traceback" in err or "Task exception" in err or "destroyed but" in err:
        return "traceback"
    if children:
        return "child left"
    if parts:  # after a second Ctrl-C the next run sweeps them
        return "part left"
    if code == 0:
        return "finished first"
    return "ok" if code == 130 else f"exit {code}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["turn", "export"])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--twice", action="store_true", help="A second SIGINT 0-GAP s later.")
    parser.add_argument(
        "--after", default="", help="Wait for this text on stderr first (e.g. 'Rendering: ')."
    )
    parser.add_argument("--gap", type=float, default=0.02, help="Bound between the two (s).")
    parser.add_argument("--spread", type=float, default=3.0, help="Random delay bound (s).")
    parser.add_argument("--hang", type=float, default=30.0, help="Seconds before a hang.")
    args = parser.parse_args()
    verdicts: Counter[str] = Counter()
    for _ in range(args.runs):
        verdict = one_run(args.kind, args.twice, args.spread, args.hang, args.gap, args.after)
        verdicts[verdict] += 1
        print(verdict, flush=True)
    print(dict(verdicts))
    print(os.getloadavg())


if __name__ == "__main__":
    main()
