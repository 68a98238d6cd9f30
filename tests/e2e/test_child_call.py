"""agent.child_call: renders, probes and previews in real child processes.

Progress and cancellation cross the pipe, errors come back as RenderError, the caller never
imports PyAV, OpenCV or NumPy, and a child never outlives its parent (kill -9 included).
Every wait on a process is an event (a pidfd or a pipe), bounded only against a hang.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from agent.child_call import MEDIA_MODULES, SPARE_IDLE_S, ChildCalls
from agent.errors import RenderError
from agent.local.renderer.render import RenderResult
from agent.local.renderer.spec import RenderSpec, VisualClip

pytestmark = pytest.mark.e2e

HANG_S = 120.0
"""Only a hang guard: a child that has not exited after this is a failure, never a slow one."""


def _spec(tmp_path: Path, duration_ms: int = 1000) -> RenderSpec:
    photo = tmp_path / "photo.png"
    Image.new("RGB", (640, 360), (200, 40, 40)).save(photo)
    clip = VisualClip(photo, "image", 0, duration_ms)
    return RenderSpec(320, 180, duration_ms=duration_ms, visuals=(clip,))


def _exited(pid: int) -> bool:
    """Wait (event-driven, bounded by HANG_S) until `pid` exits; False if it is still running."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        ready, _, _ = select.select([fd], [], [], HANG_S)
        return bool(ready)
    finally:
        os.close(fd)


def test_a_render_in_a_child_reports_progress_and_returns_its_result(tmp_path: Path) -> None:
    children = ChildCalls()
    seen: list[tuple[int, int]] = []
    out = tmp_path / "out.mp4"
    try:
        result = children.call(
            "agent.local.renderer.render",
            "render",
            _spec(tmp_path),
            out,
            progress=lambda done, total: seen.append((done, total)),
            cancel=threading.Event(),
        )
        spare = children.spare_pid()
    finally:
        children.close()

    assert isinstance(result, RenderResult)
    assert (result.width, result.height, result.frames) == (320, 180, 30)
    assert out.stat().st_size == result.size_bytes > 0
    # progress is paced by the renderer's clock (at most every 250 ms) and always ends on the
    # last frame; the reports arrive in order
    assert seen[-1] == (30, 30)
    assert [done for done, _ in seen] == sorted({done for done, _ in seen})
    assert {total for _, total in seen} == {30}
    assert spare is not None  # a spare child was kept for the next call...
    assert _exited(spare)  # ...and close() ended it


def test_a_cancelled_render_stops_in_the_child_and_leaves_no_file(tmp_path: Path) -> None:
    cancel = threading.Event()
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def progress(done: int, total: int) -> None:
        if done < total:  # the first paced report of a 60 s render comes long before its end
            cancel.set()

    children = ChildCalls(keep_spare=False)
    with pytest.raises(RenderError, match="cancelled"):
        children.call(
            "agent.local.renderer.render",
            "render",
            _spec(tmp_path, duration_ms=60_000),
            out_dir / "cancelled.mp4",
            progress=progress,
            cancel=cancel,
        )
    assert list(out_dir.iterdir()) == []


def test_an_error_in_the_child_is_a_render_error_with_its_message(tmp_path: Path) -> None:
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"not an image at all")
    children = ChildCalls(preload=(), keep_spare=False)
    with pytest.raises(RenderError) as caught:
        children.call("agent.local.renderer.media_probe", "probe", junk)
    assert caught.value.message
    assert "Traceback" not in caught.value.message


def test_a_child_that_dies_without_an_answer_is_a_render_error() -> None:
    children = ChildCalls(preload=(), keep_spare=False)
    with pytest.raises(RenderError, match=r"ended without an answer \(exit code 3\)"):
        children.call("os", "_exit", 3)


def test_the_caller_never_imports_the_media_libraries(tmp_path: Path, fixtures_dir: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from agent.child_call import SPARE_IDLE_S, ChildCalls
        children = ChildCalls()
        info = children.call("agent.local.renderer.media_probe", "probe", Path(sys.argv[1]))
        children.close()
        loaded = sorted(m for m in ("av", "cv2", "numpy", "PIL") if m in sys.modules)
        print(info.kind, info.width, loaded)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(fixtures_dir / "media" / "harbor.jpg")],
        capture_output=True,
        text=True,
        check=True,
        timeout=HANG_S,
    )
    assert done.stdout.split() == ["image", "1600", "[]"]


def test_a_render_child_exits_when_its_parent_is_killed(tmp_path: Path) -> None:
    """kill -9 of the process that asked for a render (the worker) ends the render child too."""
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir()
    script = textwrap.dedent(
        """
        import sys, threading
        from pathlib import Path
        from agent.child_call import SPARE_IDLE_S, ChildCalls
        from agent.local.renderer.spec import RenderSpec, VisualClip
        photo, out = Path(sys.argv[1]), Path(sys.argv[2])
        clip = VisualClip(photo, "image", 0, 600_000)
        spec = RenderSpec(320, 180, duration_ms=600_000, visuals=(clip,))
        children = ChildCalls(keep_spare=False)
        children.warm()
        print(children.spare_pid(), flush=True)
        said = []
        def progress(done, total):  # paced reports: the first may come after any frame
            if not said:
                said.append(done)
                print("rendering", flush=True)
        children.call("agent.local.renderer.render", "render", spec, out, progress=progress,
                      cancel=threading.Event())
        """
    )
    photo = tmp_path / "photo.png"
    Image.new("RGB", (640, 360), (10, 90, 200)).save(photo)
    with subprocess.Popen(
        [sys.executable, "-c", script, str(photo), str(spec_dir / "long.mp4")],
        stdout=subprocess.PIPE,
        text=True,
    ) as parent:
        try:
            assert parent.stdout is not None
            child = int(parent.stdout.readline())
            assert parent.stdout.readline().strip() == "rendering"
            os.kill(parent.pid, signal.SIGKILL)
            parent.wait(HANG_S)
            assert _exited(child), f"render child {child} outlived its killed parent"
        finally:
            parent.kill()
    assert list(spec_dir.iterdir()) == []  # the child cancelled its render: no file, no .part


def test_a_kept_child_waiting_for_its_next_call_exits_when_its_parent_is_killed(
    fixtures_dir: Path,
) -> None:
    """The child a call left as the spare (idle, its libraries loaded) goes with its parent."""
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from agent.child_call import ChildCalls
        children = ChildCalls()
        children.call("agent.local.renderer.media_probe", "probe", Path(sys.argv[1]))
        print(children.spare_pid(), flush=True)
        sys.stdin.read()  # until the test kills this process
        """
    )
    with subprocess.Popen(
        [sys.executable, "-c", script, str(fixtures_dir / "media" / "harbor.jpg")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as parent:
        try:
            assert parent.stdout is not None
            child = int(parent.stdout.readline())
            os.kill(parent.pid, signal.SIGKILL)
            parent.wait(HANG_S)
            assert _exited(child), f"spare child {child} outlived its killed parent"
        finally:
            parent.kill()


def test_one_warm_child_probes_renders_and_reads_the_file_it_rendered(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    """The child that answered goes back to being the spare: a whole turn (probe, render,
    previews of the rendered file) runs in one child, and no other interpreter is started."""
    photo = fixtures_dir / "media" / "harbor.jpg"
    out = tmp_path / "o.mp4"
    children = ChildCalls(preload=MEDIA_MODULES)
    try:
        children.warm()
        first = children.spare_pid()
        infos = [
            children.call("agent.local.renderer.media_probe", "probe", photo) for _ in range(2)
        ]
        after_probes = children.spare_pid()
        result = children.call(
            "agent.local.renderer.render",
            "render",
            _spec(tmp_path),
            out,
            progress=lambda _done, _total: None,
            cancel=threading.Event(),
        )
        after_render = children.spare_pid()
        facts, previews = children.call("agent.preview", "look_at", out)
        after_previews = children.spare_pid()
    finally:
        children.close()
    assert [(info.kind, info.width) for info in infos] == [("image", 1600)] * 2
    assert result.frames == 30
    assert (facts.width, facts.height) == (320, 180)
    assert [p.name for p in previews] == ["o.jpg", "o.poster.jpg"]
    assert first is not None
    assert after_probes == after_render == after_previews == first
    assert _exited(first)


def test_a_cancelled_call_retires_its_child_and_a_fresh_spare_takes_its_place(
    tmp_path: Path,
) -> None:
    cancel = threading.Event()
    children = ChildCalls()
    try:
        children.warm()
        first = children.spare_pid()
        with pytest.raises(RenderError, match="cancelled"):
            children.call(
                "agent.local.renderer.render",
                "render",
                _spec(tmp_path, duration_ms=60_000),
                tmp_path / "cancelled.mp4",
                progress=lambda done, total: cancel.set() if done < total else None,
                cancel=cancel,
            )
        fresh = children.spare_pid()
    finally:
        children.close()
    assert first is not None
    assert _exited(first)  # retired once it answered the cancel
    assert fresh not in (None, first)
    assert fresh is not None
    assert _exited(fresh)


def test_a_spare_no_call_takes_in_time_is_ended() -> None:
    timers: list[tuple[float, Callable[[], None]]] = []
    children = ChildCalls(preload=(), later=lambda delay, fire: timers.append((delay, fire)))
    try:
        children.warm()
        spare = children.spare_pid()
        assert [delay for delay, _fire in timers] == [SPARE_IDLE_S]
        timers[0][1]()  # the idle time is up
        assert children.spare_pid() is None
        assert spare is not None
        assert _exited(spare)
        children.warm()  # a spare that a call took meanwhile is not ended by its old timer
        taken = children.spare_pid()
        assert children.call("os.path", "basename", "/a/b.mp4") == "b.mp4"
        timers[1][1]()
        assert children.spare_pid() == taken
    finally:
        children.close()
