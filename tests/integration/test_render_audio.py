"""The soundtrack: synthesized beds, decoded uploads, placement, volume and fades at 48 kHz."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from agent.errors import RenderError
from agent.local.renderer.audio import SAMPLE_RATE, decode_audio, mix_audio
from agent.local.renderer.spec import SYNTH_STYLES, AudioClip
from agent.local.renderer.synth import STYLES, synthesize

pytestmark = pytest.mark.integration


def test_every_draft_music_style_has_a_synthesizer() -> None:
    assert set(STYLES) == SYNTH_STYLES


@pytest.mark.parametrize("style", sorted(SYNTH_STYLES))
def test_a_synthesized_bed_is_deterministic_stereo_and_normalised(style: str) -> None:
    first = synthesize(style, SAMPLE_RATE * 3, SAMPLE_RATE)
    again = synthesize(style, SAMPLE_RATE * 3, SAMPLE_RATE)

    assert first.shape == (2, SAMPLE_RATE * 3)
    assert first.dtype == np.float32
    assert np.array_equal(first, again)
    assert float(np.abs(first).max()) == pytest.approx(0.8, abs=1e-4)
    assert float(np.sqrt(np.mean(first**2))) > 0.05  # music throughout, not a blip
    assert not np.array_equal(first[0], first[1])  # voices are panned


def test_styles_sound_different() -> None:
    beds = [synthesize(style, SAMPLE_RATE, SAMPLE_RATE) for style in sorted(SYNTH_STYLES)]

    assert len({bed.tobytes() for bed in beds}) == len(beds)


def test_the_fixture_tone_decodes_to_48k_stereo(fixtures_dir: Path) -> None:
    samples = decode_audio(fixtures_dir / "media" / "tone.wav", 10 * SAMPLE_RATE)

    assert samples.shape == (2, 2 * SAMPLE_RATE)
    assert float(np.abs(samples).max()) > 0.1


def test_decoding_stops_at_max_samples(fixtures_dir: Path) -> None:
    samples = decode_audio(fixtures_dir / "media" / "tone.wav", 1000)

    assert samples.shape == (2, 1000)


def test_an_undecodable_audio_file_is_a_render_error(fixtures_dir: Path) -> None:
    with pytest.raises(RenderError):
        decode_audio(fixtures_dir / "media" / "not-an-image.jpg", 1000)


def test_a_clip_is_placed_scaled_faded_and_trimmed_on_the_timeline() -> None:
    clip = AudioClip(None, "ambient_pad", 500, 2000, volume=0.5, fade_in_ms=250, fade_out_ms=250)

    mix = mix_audio((clip,), 2000)

    start = SAMPLE_RATE // 2
    assert mix.shape == (2, 2 * SAMPLE_RATE)
    assert not mix[:, :start].any()  # silence before the clip starts
    assert mix[:, start] == pytest.approx(0.0, abs=1e-6)  # fade-in begins at zero
    assert float(np.abs(mix).max()) <= 0.4 + 1e-6  # volume 0.5 of a 0.8 peak
    assert float(np.abs(mix[:, -100:]).max()) > 0  # trimmed at the timeline end, not faded out


def test_no_clips_mix_to_silence_of_the_full_length() -> None:
    mix = mix_audio((), 1500)

    assert mix.shape == (2, int(1.5 * SAMPLE_RATE))
    assert not mix.any()


def test_a_short_upload_loops_to_fill_its_segment(fixtures_dir: Path) -> None:
    clip = AudioClip(fixtures_dir / "media" / "tone.wav", None, 0, 5000)

    mix = mix_audio((clip,), 5000)

    source = decode_audio(fixtures_dir / "media" / "tone.wav", 10 * SAMPLE_RATE)
    n = source.shape[1]
    assert np.allclose(mix[:, n : 2 * n], np.clip(source, -1, 1))
