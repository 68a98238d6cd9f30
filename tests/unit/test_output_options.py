"""Output options from chat text and flags, and what a delivered file fails to honour."""

from __future__ import annotations

import pytest

from agent.output_options import MediaFacts, OutputOptions, options_from_text, unmet


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("export in 4K", OutputOptions(resolution="4k")),
        ("导出720p", OutputOptions(resolution="720p")),
        ("做成GIF", OutputOptions(format="gif")),
        ("60 fps", OutputOptions(fps=60)),
        ("low quality to save space", OutputOptions(quality="low")),
        ("export in high quality", OutputOptions(quality="high")),
        ("export 1080p MP4", OutputOptions(resolution="1080p", format="mp4")),
        ("导出4K视频，60帧", OutputOptions(resolution="4k", fps=60)),
        ("make it 30fps webm", OutputOptions(fps=30, format="webm")),
        ("turn this photo into a 5-second video", OutputOptions()),
        ("export the 2 photos", OutputOptions()),
    ],
)
def test_chat_wording_asks_for_output_options(text: str, expected: OutputOptions) -> None:
    assert options_from_text(text) == expected


def test_flags_win_over_the_message_and_the_message_fills_the_rest() -> None:
    flags = OutputOptions(resolution="720p")
    text = OutputOptions(resolution="4k", format="gif")

    assert flags.over(text) == OutputOptions(resolution="720p", format="gif")


def test_only_options_beyond_format_and_quality_are_extensions() -> None:
    plain = OutputOptions(quality="low", format="mp4")
    rich = OutputOptions(resolution="4k", fps=60, format="webm")

    assert plain.extensions == {}
    assert plain.wire() == {"format": "mp4", "quality": "low"}
    assert rich.wire() == {"format": "webm", "quality": "high", "resolution": "4k", "fps": 60}
    assert rich.wire(standard_only=True) == {"format": "mp4", "quality": "high"}
    assert (rich.extension, plain.extension, OutputOptions().extension) == (".webm", ".mp4", ".mp4")


def test_a_file_that_ignores_options_is_told_apart() -> None:
    asked = OutputOptions(resolution="4k", fps=60, format="gif")
    standard = MediaFacts("mp4", 1920, 1080, 30.0, 5.0)
    honoured = MediaFacts("gif", 3840, 2160, 30.0, 5.0)

    assert unmet(asked, standard) == ("resolution", "fps", "format")
    assert unmet(asked, honoured) == ()  # GIF frame rates are capped, not ignored
    assert unmet(OutputOptions(), standard) == ()


def test_unsupported_values_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="8k"):
        OutputOptions(resolution="8k")
