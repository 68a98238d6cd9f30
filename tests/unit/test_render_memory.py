"""Render memory helpers: huge pages off during a render and restored after (Linux only)."""

from __future__ import annotations

import ctypes
import sys

import pytest

from agent.local.renderer.render import small_pages

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")


def _thp_disabled() -> int:
    return int(ctypes.CDLL(None).prctl(42, 0, 0, 0, 0))  # PR_GET_THP_DISABLE


@linux_only
def test_huge_pages_are_off_inside_and_restored_after() -> None:
    assert _thp_disabled() == 0

    with small_pages() as acted:
        assert acted
        assert _thp_disabled() == 1

    assert _thp_disabled() == 0


@linux_only
def test_an_inner_render_leaves_the_outer_setting_alone() -> None:
    with small_pages():
        with small_pages() as inner:
            assert not inner
        assert _thp_disabled() == 1  # the inner one did not turn them back on

    assert _thp_disabled() == 0


@linux_only
def test_the_setting_is_restored_when_the_render_fails() -> None:
    with pytest.raises(RuntimeError), small_pages():
        raise RuntimeError("encoder failed")

    assert _thp_disabled() == 0
