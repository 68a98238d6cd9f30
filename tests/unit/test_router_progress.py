"""Round 19: progress and contents asked without the usual keywords, in other registers and
languages, get the state answer alone (the balance so asked, the credits answer); the romaji
particle "no" is no negator."""

from __future__ import annotations

import pytest

from agent.router import build_router
from tests.router_support import plan_of

PROGRESS = [
    "what's actually been put together so far?",
    "are we there yet with the edit? like what's actually been put together so far",
    "okay remind me what's actually in the video at this point, I lost track",
    "sudah sampai mana videonya?",
    "¿cómo va el video?",
    "ima no timeline dou natteru? chotto kakunin shitai",
    "把现在的轨道结构列一下，我要截图发给同事",
    "wo stehen wir mit dem video?",
    "dah siap ke belum video tu?",
]


@pytest.mark.parametrize("text", PROGRESS)
def test_progress_asked_in_other_words_is_the_state_answer(text: str) -> None:
    assert plan_of(build_router(), text) == ("state",)


@pytest.mark.parametrize("text", ["zan'daka wa ikura?", "Berapa baki kredit saya sekarang?"])
def test_the_balance_asked_in_other_languages_is_the_credits_answer(text: str) -> None:
    assert plan_of(build_router(), text) == ("credits",)
