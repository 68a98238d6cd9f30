"""Rounds 22-23: the three classes of harmful route in the stranger sets, each as a property.

1. Files attached with an export and any other words: the words are work the files are for, so
   the export runs after `sse` ("stitch em, sunset last, then export pls").
2. A quoted or forwarded request is a mention: it exports only when the user's own words adopt
   it, and the user's own clauses are read too ("…: “今晚之前必须导出”。你先帮我看看进度").
3. A question put indirectly ("I'd like to understand what rendering in 4K would set us back")
   is a question: it never exports.
Each holds for the full router and behind a fallback model that always says export.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Route, Router, build_router
from agent.router.adopted import joined
from agent.router.attached import files_for_work, work_before_export
from tests.router_support import plan_of

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HANDOVERS = [
    "here u go",
    "here you go",
    "here are 3 pics",
    "upload these",
    "attached",
    "这是照片",
    "",
]
WORK = [
    "slideshow", "stitch em", "sunset last", "15 sec", "music from this one", "logo top right",
    "cover with this", "b&w", "slow zoom", "音乐用这个", "封面用这张", "卡点", "做成十秒的",
    "this one goes first", "make it vertical",
]  # fmt: skip
SEQUENCES = [", then", ", then just", " then", ", and", "，然后", "，搞完直接", ". after that"]
EXPORTS = ["export pls", "send me the file", "render it", "export", "出片", "导出"]
REPORTERS = [
    "my boss just sent this:", "老板微信发我：", "客户刚发来：", "fwd from Jake:", "client says:",
    "老板说：",
]  # fmt: skip
QUOTED_EXPORTS = [
    "“今晚之前必须导出”", '"Export the final cut and send it over by 5."',
    "“今天下班前把视频导出给我”", '"please render the 4k version asap"',
]  # fmt: skip
OWN_QUESTIONS = [
    "你先帮我看看现在进度到哪了", "what's on the timeline right now?",
    "how many credits do I have?",
    "先看看还剩多少积分", "where are we at with it?",
]  # fmt: skip
OWN_EDITS = [
    ("can you add the logo in the corner first, then do what she asked", False),
    ("first make the title bigger, then do what they asked", False),
    ("你先把logo换成这个新的再导", True),
    ("你先把字幕改大一点再导", False),
]
LEADS = [
    "I'd like to understand", "I want to know", "I'm wondering", "just curious",
    "could you confirm", "we need to find out", "I'm trying to figure out",
]  # fmt: skip
COSTS = [
    "what rendering in 4K would set us back on our plan", "how much exporting in 4K costs",
    "how much a 4k render would cost us", "whether exporting twice costs more",
    "how many credits one export at 1080p takes",
]  # fmt: skip


@ROBUST
@given(
    st.sampled_from(HANDOVERS),
    st.lists(st.sampled_from(WORK), min_size=1, max_size=3),
    st.sampled_from(SEQUENCES),
    st.sampled_from(EXPORTS),
)
def test_files_with_work_words_and_an_export_never_skip_the_edit(
    routers: list[Router], handover: str, work: list[str], sequence: str, export: str
) -> None:
    text = ", ".join(p for p in (handover, *work) if p) + f"{sequence} {export}"
    for router in routers:
        actions = plan_of(router, text, ("a.jpg", "b.jpg"))
        assert "export" not in actions or "sse" in actions[: actions.index("export")], (
            text,
            actions,
        )


@pytest.mark.parametrize(
    "text", ["upload and export", "upload this and export it", "here you go, export it"]
)
def test_files_handed_over_with_the_export_alone_stay_an_upload_and_an_export(text: str) -> None:
    assert plan_of(build_router(), text, ("v.mp4",)) == ("upload", "export")


def test_work_runs_just_before_the_export_only_with_files_and_other_words() -> None:
    planned = Route(("upload", "export"), "keyword", "en")
    said = "stitch em, sunset last, then export pls"
    assert work_before_export(planned, True, said) == Route(
        ("upload", "sse", "export"), "keyword", "en"
    )
    assert work_before_export(planned, False, said) == planned
    assert work_before_export(planned, True, "here you go, export it") == planned
    assert files_for_work("音乐用这个,封面用这张,搞完直接出片") is True
    assert files_for_work("这是照片,导出") is False


@ROBUST
@given(st.sampled_from(REPORTERS), st.sampled_from(QUOTED_EXPORTS), st.sampled_from(OWN_QUESTIONS))
def test_a_quoted_export_the_user_does_not_adopt_never_runs(
    routers: list[Router], reporter: str, quoted: str, own: str
) -> None:
    text = f"{reporter}{quoted}。{own}"
    for router in routers:
        assert "export" not in plan_of(router, text), text


@ROBUST
@given(st.sampled_from(REPORTERS), st.sampled_from(QUOTED_EXPORTS), st.sampled_from(OWN_EDITS))
def test_an_adopted_quoted_export_keeps_the_users_own_edit_first(
    routers: list[Router], reporter: str, quoted: str, own: tuple[str, bool]
) -> None:
    text = f"{reporter}{quoted} — {own[0]}"
    for router in routers:
        actions = plan_of(router, text)
        assert "export" not in actions or "sse" in actions[: actions.index("export")], text
        assert "sse" in actions, text


def test_the_adopted_quote_takes_the_users_edit_and_files_but_not_their_chatter() -> None:
    quoted = Route(("export",), "keyword", "en")
    mine = Route(("upload", "sse", "credits"), "keyword", "en")
    assert joined(mine, quoted) == Route(("upload", "sse", "export"), "keyword", "en")


@pytest.mark.parametrize(
    ("text", "attachments", "plan"),
    [
        ("老板微信发我：“今晚之前必须导出”。你先帮我看看现在进度到哪了", (), ("state",)),
        ("老板刚发来：“今天下班前把视频导出给我”。你先把logo换成这个新的再导", ("logo.png",),
         ("upload", "sse", "export")),
    ],
)  # fmt: skip
def test_the_users_own_clauses_beside_a_quote_are_read(
    text: str, attachments: tuple[str, ...], plan: tuple[str, ...]
) -> None:
    assert plan_of(build_router(), text, attachments) == plan


@ROBUST
@given(
    st.sampled_from(LEADS), st.sampled_from(COSTS), st.sampled_from(["", "Hello. ", "Hi team, "])
)
def test_a_cost_question_put_indirectly_never_exports(
    routers: list[Router], lead: str, cost: str, greeting: str
) -> None:
    text = f"{greeting}{lead} {cost}, compared with 1080p. Many thanks, Priya"
    for router in routers:
        assert "export" not in plan_of(router, text), text


@pytest.mark.parametrize(
    ("text", "attachments", "plan"),
    [
        ("can u expert the vid now pls", (), ("export",)),
        ("帮我到处视频", (), ("export",)),
        ("we got enough juice left for a 4k one? 👀", (), ("credits",)),
        ("Please confirm remaining budget in platform units.", (), ("credits",)),
        ("cuanto cuesta hacer el export?", (), ("credits",)),
        ("cuando el cliente apruebe, exporta el video", (), ("sse",)),
        ("please go ahead and generate the final video file for us.", (), ("export",)),
        ("📸➡️🎬 pls", ("a.jpg",), ("upload", "sse")),
        ("pics -> reel", ("a.jpg",), ("upload", "sse")),
        ("📸 pls", ("a.jpg",), ("upload",)),
    ],
)
def test_the_rounds_other_classes_read_as_the_user_meant(
    text: str, attachments: tuple[str, ...], plan: tuple[str, ...]
) -> None:
    assert plan_of(build_router(), text, attachments) == plan
