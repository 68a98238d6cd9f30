"""render(): real MP4s from small specs, probed and decoded back with PyAV."""

from __future__ import annotations

import struct
import threading
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from agent.errors import RenderError
from agent.local.renderer.render import RenderResult, render
from agent.local.renderer.spec import AudioClip, Motion, RenderSpec, TextClip, VisualClip

pytestmark = pytest.mark.integration

SMALL = (320, 180)


def _solid(path: Path, color: tuple[int, int, int], size: tuple[int, int] = (640, 360)) -> Path:
    Image.new("RGB", size, color).save(path)
    return path


def _spec(*visuals: VisualClip, duration_ms: int = 1000, **kw: object) -> RenderSpec:
    return RenderSpec(SMALL[0], SMALL[1], duration_ms=duration_ms, visuals=visuals, **kw)  # type: ignore[arg-type]


def _near(pixel: np.ndarray, rgb: tuple[int, int, int], tolerance: int = 40) -> bool:
    return bool(np.all(np.abs(pixel.astype(int) - np.asarray(rgb)) < tolerance))


def _frames(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]


def _top_level_boxes(path: Path) -> list[str]:
    boxes, data, offset = [], path.read_bytes(), 0
    while offset + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        boxes.append(kind.decode("ascii"))
        if size == 1:
            size = struct.unpack(">Q", data[offset + 8 : offset + 16])[0]
        offset += size if size else len(data)
    return boxes


def test_a_photo_with_music_renders_an_h264_aac_faststart_mp4(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    photo = VisualClip(
        fixtures_dir / "media" / "harbor.jpg", "image", 0, 1000, Motion("zoom_in", 0.1)
    )
    spec = _spec(photo, audios=(AudioClip(None, "soft_piano", 0, 1000, 0.5, 200, 200),))
    out = tmp_path / "out" / "clip.mp4"
    out.parent.mkdir()
    seen: list[tuple[int, int]] = []

    # A clock that never moves: no progress is due before the end, which is always reported.
    result = render(spec, out, progress=lambda *done: seen.append(done), clock=lambda: 0.0)

    assert result == RenderResult(1.0, out.stat().st_size, 320, 180, 30)
    assert seen == [(30, 30)]
    with av.open(str(out)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        assert (video.codec_context.name, video.format.name) == ("h264", "yuv420p")
        assert (video.width, video.height) == SMALL
        assert float(video.average_rate) == 30.0
        assert (audio.codec_context.name, audio.sample_rate, audio.channels) == ("aac", 48000, 2)
        assert abs(container.duration / 1_000_000 - 1.0) <= 1 / 30
        samples = np.concatenate([f.to_ndarray() for f in container.decode(audio=0)], axis=1)
    assert np.abs(samples).max() > 0.05
    boxes = _top_level_boxes(out)
    assert boxes.index("moov") < boxes.index("mdat")
    assert sorted(p.name for p in out.parent.iterdir()) == ["clip.mp4"]


def test_a_draft_without_audio_still_gets_a_silent_audio_track(tmp_path: Path) -> None:
    spec = _spec(
        VisualClip(_solid(tmp_path / "red.png", (200, 30, 30)), "image", 0, 500), duration_ms=500
    )
    out = tmp_path / "silent.mp4"

    render(spec, out)

    with av.open(str(out)) as container:
        assert len(container.streams.audio) == 1
        samples = np.concatenate([f.to_ndarray() for f in container.decode(audio=0)], axis=1)
    assert samples.shape[1] >= 0.5 * 48000
    assert np.abs(samples).max() < 1e-3


def test_uploaded_audio_is_decoded_looped_and_mixed(tmp_path: Path, fixtures_dir: Path) -> None:
    visual = VisualClip(_solid(tmp_path / "grey.png", (90, 90, 90)), "image", 0, 3000)
    tone = AudioClip(fixtures_dir / "media" / "tone.wav", None, 0, 3000, 1.0)
    out = tmp_path / "tone.mp4"

    render(_spec(visual, duration_ms=3000, audios=(tone,)), out)

    with av.open(str(out)) as container:
        samples = np.concatenate([f.to_ndarray() for f in container.decode(audio=0)], axis=1)
    late = samples[:, int(2.3 * 48000) : int(2.8 * 48000)]  # past the 2 s file: looped
    assert np.sqrt(np.mean(late**2)) > 0.01


def test_crossfade_frames_blend_the_two_pictures(tmp_path: Path) -> None:
    red = VisualClip(_solid(tmp_path / "r.png", (220, 0, 0)), "image", 0, 1000)
    blue = VisualClip(
        _solid(tmp_path / "b.png", (0, 0, 220)), "image", 1000, 1000, crossfade_ms=500
    )
    out = tmp_path / "fade.mp4"

    render(_spec(red, blue, duration_ms=2000), out)

    frames = _frames(out)
    before, middle, after = (frames[i][90, 160].astype(int) for i in (25, 37, 55))
    assert _near(before, (220, 0, 0))
    assert _near(middle, (110, 0, 110), tolerance=50)
    assert _near(after, (0, 0, 220))


def test_contain_fit_keeps_the_whole_picture_over_a_blurred_fill(tmp_path: Path) -> None:
    picture = np.full((400, 300, 3), 40, np.uint8)
    picture[:8, :], picture[-8:, :] = (250, 250, 0), (0, 250, 250)  # yellow top, cyan bottom
    Image.fromarray(picture).save(tmp_path / "tall.png")
    clip = VisualClip(tmp_path / "tall.png", "image", 0, 200, fit="contain")
    out = tmp_path / "contain.mp4"

    render(_spec(clip, duration_ms=200), out)

    frame = _frames(out)[0].astype(int)
    assert _near(frame[1, 160], (250, 250, 0), tolerance=60)  # yellow row at the very top
    assert _near(frame[-2, 160], (0, 250, 250), tolerance=60)  # cyan row at the very bottom
    assert frame[90, 5].sum() > 30  # the side bands are the blurred fill, not black


def test_zoom_frames_move_a_thin_line_smoothly_outwards(tmp_path: Path) -> None:
    picture = np.full((720, 1280, 3), 230, np.uint8)
    picture[:, 958:964] = 0  # a thin dark line right of centre
    Image.fromarray(picture).save(tmp_path / "line.png")
    clip = VisualClip(tmp_path / "line.png", "image", 0, 1000, Motion("zoom_in", 0.3))
    out = tmp_path / "zoom.mp4"

    render(_spec(clip), out)

    xs = [_line_x(frame) for frame in _frames(out)]
    steps = np.diff(xs)
    assert xs[-1] - xs[0] > 15
    assert steps.min() > -0.1  # never moves back against the zoom (beyond codec noise)


def _line_x(frame: np.ndarray) -> float:
    darkness = 255.0 - frame[40:140, :, :].mean(axis=(0, 2))
    darkness[darkness < 40] = 0
    return float((darkness * np.arange(darkness.size)).sum() / darkness.sum())


def test_a_video_input_plays_scaled_to_the_canvas(tmp_path: Path) -> None:
    source = tmp_path / "source.mp4"
    render(
        RenderSpec(
            160,
            120,
            duration_ms=500,
            visuals=(VisualClip(_solid(tmp_path / "g.png", (0, 200, 0)), "image", 0, 500),),
        ),
        source,
    )
    out = tmp_path / "from-video.mp4"

    render(_spec(VisualClip(source, "video", 0, 1000), texts=(TextClip("Hi", 0, 1000),)), out)

    frames = _frames(out)
    assert len(frames) == 30
    assert _near(frames[-1][170, 5], (0, 200, 0))  # past the 0.5 s source: looped, still green


class _SteppingClock:
    """Moves one second at every reading: every progress report is due."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_progress_is_reported_off_the_encoders_thread_in_order_then_at_the_end(
    tmp_path: Path,
) -> None:
    clip = VisualClip(_solid(tmp_path / "c.png", (1, 2, 3)), "image", 0, 1000)
    calls: list[tuple[int, int, bool]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total, threading.current_thread() is threading.main_thread()))

    render(_spec(clip), tmp_path / "p.mp4", progress=progress, clock=_SteppingClock())

    assert calls[-1] == (30, 30, True)
    during = calls[:-1]
    assert during, "no progress while encoding"
    assert [on_main for *_, on_main in during] == [False] * len(during)
    done = [d for d, *_ in during]
    assert done == sorted(set(done))
    assert 1 <= done[0] <= done[-1] <= 30


def test_cancelling_raises_and_leaves_no_file(tmp_path: Path) -> None:
    cancel = threading.Event()
    clip = VisualClip(_solid(tmp_path / "c.png", (1, 2, 3)), "image", 0, 1000)
    out = tmp_path / "out" / "cancelled.mp4"
    out.parent.mkdir()

    def progress(done: int, total: int) -> None:
        cancel.set()

    with pytest.raises(RenderError, match="cancelled"):
        render(_spec(clip), out, progress=progress, cancel=cancel, clock=_SteppingClock())

    assert list(out.parent.iterdir()) == []


def test_an_undecodable_image_is_a_render_error(tmp_path: Path, fixtures_dir: Path) -> None:
    clip = VisualClip(fixtures_dir / "media" / "not-an-image.jpg", "image", 0, 500)
    (tmp_path / "out").mkdir()

    with pytest.raises(RenderError):
        render(_spec(clip, duration_ms=500), tmp_path / "out" / "bad.mp4")

    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.slow
def test_full_size_1080p_render_has_the_canvas_size_and_duration(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    photo = VisualClip(
        fixtures_dir / "media" / "harbor.jpg", "image", 0, 500, Motion("ken_burns", 0.15)
    )
    spec = RenderSpec(
        1920, 1080, duration_ms=500, visuals=(photo,), texts=(TextClip("Harbor Lights", 0, 500),)
    )
    out = tmp_path / "full.mp4"

    result = render(spec, out)

    assert (result.width, result.height, result.frames) == (1920, 1080, 15)
    with av.open(str(out)) as container:
        video = container.streams.video[0]
        assert (video.width, video.height, video.format.name) == (1920, 1080, "yuv420p")
        assert abs(container.duration / 1_000_000 - 0.5) <= 1 / 30


def test_a_portrait_video_contained_on_a_landscape_canvas_keeps_its_full_height(
    tmp_path: Path,
) -> None:
    picture = np.full((320, 240, 3), (200, 40, 40), np.uint8)
    picture[:10, :] = (250, 250, 0)  # yellow top rows
    Image.fromarray(picture).save(tmp_path / "tall.png")
    source = tmp_path / "tall.mp4"
    still = VisualClip(tmp_path / "tall.png", "image", 0, 300)
    render(RenderSpec(240, 320, duration_ms=300, visuals=(still,)), source)
    out = tmp_path / "contained.mp4"

    render(_spec(VisualClip(source, "video", 0, 300, fit="contain"), duration_ms=300), out)

    frame = _frames(out)[0]
    assert _near(frame[2, 160], (250, 250, 0), tolerance=60)  # the top is not cropped
    assert _near(frame[120, 160], (200, 40, 40))
    assert frame[90, 4].sum() > 30  # side bands: the blurred, darkened fill
    assert frame[90, 4][0] < 190  # darker than the picture itself
