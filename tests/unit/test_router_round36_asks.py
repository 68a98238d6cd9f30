"""Rounds 36-37 (router round 25): the non-harmful classes the stranger sets found, each checked
on the full router with variations of our own (the harmful ones are elsewhere).

1. A file handed over and described only by its kind, its name or where it was made
   ("uploading the footage from yesterday", "upload ~/Desktop/clip final v2.mov", 传一下这个音频):
   the upload alone.
2. A file with a permission to render ("here's the logo, now you can render it"): the export
   runs, after the work the file is for.
3. A readiness question then a plain request for the file ("video ready? send it over",
   剪完了吧？那就发我): the export alone, no state beside it.
4. Progress in slang ("still spinning over here... any movement?") and the contents asked as
   what the user put in ("what media did i put in"): the state alone.
5. A negative balance question ("i don't have enough credits to export, do i?"): the balance.
6. A phone typo of 导出 (导粗) and "where is my video" in Spanish or Portuguese.
7. A status word that is content: the status of something in the video, a Status element in
   it, a status waved off, the status of something outside the app: never the state answer.
8. Feedback on the result ("hmm not quite what I had in mind", 唔係我想要嘅): the agent's.
9. A judgement asked beside a look at the timeline ("check the timeline and tell me if the
   pacing is off"): the agent looks too.
10. The export left to the agent's own judgement ("u can go ahead n export unless u think the
    audio's off"): the export alone, never an edit beside it.
"""

from __future__ import annotations

import asyncio
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router
from agent.router.paraphrase import plain
from tests.router_support import plan_of

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FILE = ("GX010233.MP4",)


@pytest.mark.parametrize(
    "text",
    [
        "uploading the clips from the wedding",
        "upload the recording from last night",
        "here's the audio from the shoot",
        "upload the final draft",
        "上传一下昨天拍的片段",
        "传下这个录音",
        "傳一下呢個音頻",
    ],
)
def test_a_file_described_only_is_the_upload_alone(router: Router, text: str) -> None:
    assert plan_of(router, text, FILE) == ("upload",)


@pytest.mark.parametrize(
    "text", ["upload ~/Movies/beach trip final.mov", "upload ~/Desktop/my clip v3.mov"]
)
def test_a_file_name_with_spaces_is_the_upload_alone(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("upload",)


def test_a_file_with_work_asked_still_goes_to_the_agent(router: Router) -> None:
    assert plan_of(router, "upload this from the intro and cut it", FILE) == ("upload", "sse")
    assert plan_of(router, "上传昨天拍的片段，帮我剪短一点", FILE) == ("upload", "sse")


@pytest.mark.parametrize(
    "text",
    [
        "here's the thumbnail, you can export it now",
        "ok here's the track, feel free to render",
        "the new intro is attached, you're good to export",
        "呢个系logo，你可以导出了",
        "附件是字幕文件，可以导出了",
    ],
)
def test_a_file_with_a_permission_to_render_exports_after_the_work(
    router: Router, text: str
) -> None:
    assert plan_of(router, text, ("logo_v2.svg",)) == ("upload", "sse", "export")


@pytest.mark.parametrize(
    "text",
    [
        "is the video done? send it to me",
        "edit finished? ok download it",
        "is it ready yet? just send it over",
        "做好了吗？那就发我",
        "弄完了吧？就发给我",
    ],
)
def test_a_readiness_question_then_a_plain_request_is_the_export(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("export",)


@pytest.mark.parametrize(
    "text",
    [
        "still spinning on my end... anything moving?",
        "any movement on the video?",
        "还在转圈，好了没",
        "仲喺度轉緊，點呀",
        "what files did i upload? what's in there",
        "who's in the project rn? like what clips did we add",
        "我放了哪些素材进去？",
    ],
)
def test_progress_in_slang_and_the_contents_asked_are_the_state(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("state",)


@pytest.mark.parametrize(
    "text",
    [
        "i don't have enough points to render this, do i?",
        "we don't have enough credits for another export, do we?",
        "i dont have enough credits left, do i",
        "I do not have enough balance to export, do I?",
        "我应该没有足够积分导出了吧？",
    ],
)
def test_a_negative_balance_question_is_the_balance(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("credits",)


@pytest.mark.parametrize("text", ["导粗", "導粗吧", "帮我导粗", "好了，导粗"])
def test_the_phone_typo_of_the_export_word_exports(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("export",)


@pytest.mark.parametrize(
    "text",
    ["¿dónde está mi video?", "onde está o meu vídeo", "donde esta el video", "où est ma vidéo"],
)
def test_where_is_my_video_abroad_is_the_state(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("state",)


@pytest.mark.parametrize(
    "text",
    [
        "what's the status of the cat in the last scene, still visible?",
        "the status of the logo at the end, is it still blurry? fix it",
        "change the status bar text to white",
        "把Status欄嘅字體改大啲",
        "status栏的颜色改成蓝色",
        "status 不用看了，直接帮我加字幕",
        "no need to check the status, just add a fade in",
        "progress唔使睇，幫我剪短片頭",
        "what's the status of my insurance claim?",
    ],
)
def test_a_status_word_that_is_content_is_the_agents(routers: list[Router], text: str) -> None:
    for router in routers:
        assert plan_of(router, text) == ("sse",)


@pytest.mark.parametrize(
    "text", ["what's the status of my video", "whats the status of the export", "status?"]
)
def test_the_status_of_the_work_is_still_the_state(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("state",)


@pytest.mark.parametrize(
    "text",
    [
        "this is not really what i wanted",
        "not what I pictured at all tbh",
        "hmm, not exactly what we were going for",
        "这个不是我想要的",
        "唔係我想要嘅",
    ],
)
def test_feedback_on_the_result_is_the_agents(routers: list[Router], text: str) -> None:
    for router in routers:
        assert plan_of(router, text) == ("sse",)


@pytest.mark.parametrize(
    "text",
    [
        "look at the timeline and tell me if the music is too loud",
        "check the timeline, tell me whether the intro feels slow",
        "show me the timeline and let me know if the cuts look off",
        "wanna see what I've got? check the timeline and tell me if the pacing drags",
    ],
)
def test_a_judgement_asked_beside_the_timeline_reaches_the_agent(router: Router, text: str) -> None:
    assert "sse" in plan_of(router, text)
    assert "export" not in plan_of(router, text)


@pytest.mark.parametrize(
    "text",
    [
        "you can go ahead and render unless you think the colours are off",
        "go ahead and export it unless you feel the intro is too long",
        "u can go ahead n download it unless u reckon the audio is bad",
        "you can go ahead and export",
    ],
)
def test_the_export_left_to_the_agents_judgement_is_the_export_alone(
    router: Router, text: str
) -> None:
    assert plan_of(router, text) == ("export",)


@pytest.mark.parametrize("text", ["is it ready? if so, render", "video done? then send it over"])
def test_a_readiness_question_answered_as_a_condition_keeps_the_state(
    router: Router, text: str
) -> None:
    assert plan_of(router, text) == ("state", "export")


def test_an_unsettled_condition_of_the_users_own_still_holds_the_export(router: Router) -> None:
    assert "export" not in plan_of(router, "export it unless the audio is still clipping")


_EXPORTISH = re.compile(r"export|render|download|send|导出|渲染|出片|下载|发")
PIECES = [
    "video ready?", "status of the dog", "status bar", "not quite what I had in mind",
    "tell me if the pacing is off", "what media did i put in", "still spinning",
    "i don't have enough credits, do i?", "donde esta mi video", "剪完了吧？", "status 唔使睇",
    "unless you think it's off", "make it brighter", "hello", "字幕改红色",
]  # fmt: skip


@ROBUST
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4))
def test_the_plain_form_never_adds_an_export_word(pieces: list[str]) -> None:
    text = " ".join(pieces)
    said = plain(text)
    assert len(_EXPORTISH.findall(said)) <= len(_EXPORTISH.findall(text.casefold()))
    assert plain(said) == said  # read once is read for good


NON_REQUESTS = [
    "tell me if the export is working", "tell me if the render looks off", "not what I wanted",
    "is the download done?", "status of the export", "unless you think it's off",
    "status 唔使睇，", "is it ready?", "what media did i put in", "still spinning",
    "i don't have enough credits to export, do i?", "the status bar of the render", "剪完了吧？",
]  # fmt: skip


@ROBUST
@given(st.lists(st.sampled_from(NON_REQUESTS), min_size=1, max_size=3))
def test_no_plain_form_of_words_that_ask_no_export_exports(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for router in _routers():
        assert "export" not in asyncio.run(router.route(text)).actions, text


def _routers() -> list[Router]:
    if not _ROUTERS:
        from agent.router import build_router
        from tests.router_support import SaysExport

        _ROUTERS.extend([build_router(), build_router(completer=SaysExport())])
    return _ROUTERS


_ROUTERS: list[Router] = []
