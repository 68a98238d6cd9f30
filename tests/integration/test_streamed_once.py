"""Backend text streamed as it arrives is never shown again: chat REPL and plain `turn`."""

from __future__ import annotations

import io
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from agent.cli.chat import repl
from agent.cli.turn import run_turn
from agent.config import Settings
from agent.local.interpreter.plan import AskStep, InterpretContext, Plan, TextStep
from tests.engine_support import local_engine
from tests.local_support import local_deps, scripted_interpret

pytestmark = pytest.mark.integration

CHATTY = "Starting on your harbor video now."


def chatty_interpret(ctx: InterpretContext) -> Plan:
    """The scripted interpreter, but every run says something first; "style?" asks back."""
    if "style" in ctx.message:
        return Plan((TextStep(CHATTY), AskStep("Which style?", ("calm", "lively"))), ctx.language)
    plan = scripted_interpret(ctx)
    return Plan((TextStep(CHATTY), *plan.steps), plan.language)


class Log(io.StringIO):
    """A text stream that also appends each write, tagged, to a shared ordered log."""

    def __init__(self, tag: str, shared: list[tuple[str, str]]) -> None:
        super().__init__()
        self._tag = tag
        self._shared = shared

    def write(self, text: str) -> int:
        self._shared.append((self._tag, text))
        return super().write(text)


def _factory(tmp_path: Path, **config: Any) -> Any:
    @asynccontextmanager
    async def factory(
        settings: Settings, *, progress: Any, output_dir: Path | None = None
    ) -> AsyncIterator[Any]:
        deps = local_deps(interpret=chatty_interpret)
        async with local_engine(
            settings, tmp_path, deps=deps, progress=progress, **config
        ) as world:
            yield world.engine

    return factory


@pytest.fixture
def photo(fixtures_dir: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(fixtures_dir / "media" / "harbor-small.png", tmp_path / "harbor.png"))


async def _chat(settings: Settings, tmp_path: Path, script: str, **config: Any) -> str:
    out, err = io.StringIO(), io.StringIO()
    factory = _factory(tmp_path, **config)
    await repl(settings, stdin=io.StringIO(script), stdout=out, stderr=err, open_engine=factory)
    return out.getvalue()


async def test_a_relayed_question_does_not_repeat_the_text_streamed_before_it(
    settings: Settings, tmp_path: Path
) -> None:
    out = await _chat(settings, tmp_path, "which style should it have?\n")
    assert out.count(CHATTY) == 1
    assert out.count("Which style?") == 1
    assert "lively" in out
    assert out.index(CHATTY) < out.index("Which style?")


async def test_a_recovered_reply_does_not_repeat_the_text_streamed_before_the_drop(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    manual = settings.with_overrides(auto_export=False)
    out = await _chat(
        manual,
        tmp_path,
        f"{photo} turn this into a video\n",
        faults="sse_drop_after=2",
        wait_for_runs=True,
    )
    assert "nothing was sent twice" in out
    assert "✅ Video added: harbor.png" in out
    assert out.count(CHATTY) == 1


async def test_plain_turn_streams_backend_text_before_the_turn_goes_on(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    shared: list[tuple[str, str]] = []
    stdout = Log("out", shared)
    result = await run_turn(
        settings,
        "turn this into a 5-second video",
        (str(photo),),
        new=False,
        output=tmp_path / "out",
        stream_to=stdout,
        open_engine=_factory(tmp_path),
    )
    assert result.exit_code == 0, result.text
    # Written to stdout while the turn ran; the text printed at the end leaves it out.
    written = "".join(text for _, text in shared)
    assert written.startswith(CHATTY + "\n\n")
    assert "export the MP4 for you" in written
    assert CHATTY not in result.text
    assert "export the MP4 for you" not in result.text
    assert "✅ Video ready:" in result.text
    assert "Added 1 file" in result.text
    assert result.data["reply"].count(CHATTY) == 1


async def test_turn_without_a_stream_target_keeps_the_whole_reply_in_the_result(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    result = await run_turn(
        settings,
        "turn this into a 5-second video",
        (str(photo),),
        new=False,
        output=tmp_path / "out",
        open_engine=_factory(tmp_path),
    )
    assert result.text == result.data["reply"]
    assert result.text.count(CHATTY) == 1
