"""A file kind written as its bare extension ("as .mov") is a kind of file, not a full stop: a
format asked about with one exports nothing, a format asked for still exports (issue #10)."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.router import build_router
from agent.router.text import normalize

_ROUTER = build_router()


def _plan(text: str) -> tuple[str, ...]:
    return asyncio.run(_ROUTER.route(text, [])).actions


def test_a_bare_extension_loses_its_dot_and_a_file_name_keeps_it() -> None:
    assert (
        normalize("can I export it as .mov or only mp4?") == "can i export it as mov or only mp4?"
    )
    assert normalize("send me clip.mov") == "send me clip.mov"
    assert normalize("Done. Now add music") == "done. now add music"


@pytest.mark.parametrize(
    "text",
    [
        "can I export it as .mov or only mp4?",
        "could I download it as .gif or only mp4?",
        "can I export it as .webm?",
        "导出成 .mov 可以吗？",
    ],
)
def test_a_format_asked_about_by_its_extension_exports_nothing(text: str) -> None:
    assert "export" not in _plan(text)


@pytest.mark.parametrize("text", ["export it as .mov please", "export as .webm"])
def test_a_format_asked_for_by_its_extension_still_exports(text: str) -> None:
    assert _plan(text) == ("export",)


@given(
    verb=st.sampled_from(["export", "download", "render"]),
    kind=st.sampled_from(["mov", "webm", "gif", "mkv", "avi"]),
    tail=st.sampled_from(["?", " or only mp4?", " or just mp4?", " instead?"]),
)
def test_can_i_have_it_as_an_extension_never_exports(verb: str, kind: str, tail: str) -> None:
    assert "export" not in _plan(f"can I {verb} it as .{kind}{tail}")
