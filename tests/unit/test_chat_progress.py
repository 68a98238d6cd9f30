"""The chat REPL's rich progress: a byte-level upload bar that advances and goes away."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from agent.cli.chat import RichProgress


def test_the_upload_bar_shows_its_label_advances_and_stops_when_done() -> None:
    err_file = io.StringIO()
    err = Console(file=err_file, force_terminal=True, width=80)
    progress = RichProgress(Console(file=io.StringIO()), err)
    progress.bar("Uploading", 0, 6_000_000)
    progress.bar("Uploading", 3_000_000, 6_000_000)
    bars = progress._bars
    assert bars is not None
    assert bars.tasks[0].completed == 3_000_000
    assert bars.tasks[0].total == 6_000_000
    progress.bar_done("Uploading")
    assert progress._bars is None
    assert "Uploading" in err_file.getvalue()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", ["generating", "editing", "music", "working", "render_start"])
def test_local_work_shows_no_cloud_minute_estimates(name: str, lang: str) -> None:
    from agent.progress import Notifier, RecordingProgress
    from agent.templates import Templates

    cloud, local = RecordingProgress(), RecordingProgress()
    Notifier(cloud, Templates(), lang).status(name)  # type: ignore[arg-type]
    Notifier(local, Templates(), lang, local=True).status(name)  # type: ignore[arg-type]

    def estimates(text: str) -> bool:
        return any(ch.isdigit() for ch in text) or "minute" in text or "分钟" in text

    assert estimates(cloud.events[0][1])
    assert not estimates(local.events[0][1])
