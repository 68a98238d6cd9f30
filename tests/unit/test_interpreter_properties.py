"""Property tests: any message, garbage or a mix of instructions, gives a valid plan and draft."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from agent.local.interpreter.interpret import interpret
from agent.local.interpreter.phrasebook import load_phrasebook
from agent.local.interpreter.plan import InterpretContext, TextStep, ToolStep
from tests.unit.test_interpreter_support import assets, check_plan, claim_errors, starts

BOOK = load_phrasebook()
STARTS = starts()
ASSETS = assets()
FRAGMENTS = [
    "animate this photo", "make a 7-second video", "十秒", "vertical", "横屏", "square", "4:5",
    "zoom out", "pan from left to right", "向左平移", "Ken Burns", "cinematic", "subtle", "fast",
    "slower", "把速度放慢一点", "0.5x", "don't crop", "add a title 'Sale'", "caption 'Hi' 1-9s",
    "把标题改成“新品”", "remove the title", "删除字幕", "add lo-fi music", "加一段背景音乐",
    "at 35%", "音量调到50%", "louder", "remove the music", "fade in", "淡入淡出",
    "make it 3 seconds",
    "改成10秒", "regenerate", "slideshow of all", "make the text bigger", "red text", "at the top",
    "for the last 2 seconds", "then export", "and", ",", "hi", "help", "remove the background",
    "use this Spotify song", "translate", "前3秒", "from 2s to 5s", "🙂", "???",
    "undo", "撤銷", "redo", "twice as long", "add two seconds", "3 seconds each", "每張兩秒",
    "remove the second photo", "刪咗第二張相", "put this photo first", "slow motion on the waves",
    "export in 4K", "move the title to the bottom", "標題改成紅色", "show the title for 4 seconds",
    "don't export", "唔好加字幕", "called 'Trip'", "add music from second 2", "show the history",
]  # fmt: skip
UPLOADS = [(), ("harbor",), ("harbor", "portrait"), ("clip",), ("harbor", "tone"), ("tone",)]


def _check(ctx: InterpretContext) -> None:
    before = copy.deepcopy(ctx.draft)
    plan = interpret(ctx, phrases=BOOK)
    check_plan(plan)
    assert ctx.draft == before
    assert plan.language in ("en", "zh")
    assert all(s.text.strip() for s in plan.steps if isinstance(s, TextStep))
    tools = [s for s in plan.steps if isinstance(s, ToolStep)]
    if not any(s.name == "generate_video_from_images" for s in tools):
        assert plan.credits <= 50
    assert claim_errors(plan, before) == (set(), set())


@settings(max_examples=150)
@given(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=5),
    st.sampled_from(sorted(STARTS)),
    st.sampled_from(UPLOADS),
    st.booleans(),
    st.sampled_from(["en", "zh"]),
)
def test_any_mix_of_instructions_gives_a_valid_plan(
    parts: list[str], start: str, uploads: tuple[str, ...], post: bool, lang: str
) -> None:
    ctx = InterpretContext(
        message=" ".join(parts),
        language=lang,  # type: ignore[arg-type]
        assets=tuple(ASSETS[name] for name in uploads),
        draft=STARTS[start],
        post_production=post,
        seed=len(parts),
    )
    _check(ctx)


@given(st.text(max_size=300), st.sampled_from(["empty", "full"]), st.integers())
def test_garbage_never_raises(message: str, start: str, seed: int) -> None:
    ctx = InterpretContext(message, "zh", (ASSETS["harbor"],), STARTS[start], seed=seed)
    _check(ctx)


def test_a_very_long_message_is_handled() -> None:
    message = "add a title 'x' " * 2000 + "make it 8 seconds"
    _check(InterpretContext(message, "en", (ASSETS["harbor"],), STARTS["video"]))
