"""Rounds 34-35 (router round 24): the non-harmful classes the stranger sets found, each checked
on the full router (the harmful ones, retractions and conditional exports, are elsewhere).

1. What the project holds, asked from memory or as a list ("could you remind me which clips I
   have already added?", 我們剛剛加了哪些素材): state; an upload told as done with no file ("i
   have uploaded the photos can you see them"): state, no upload.
2. The balance asked politely or in German ("may I kindly ask for my current balance?", "Wie viel
   Guthaben habe ich noch?"), and two read-only asks in one line: both.
3. A plain export beside a closing remark ("I think we're done here, can you just go ahead and
   export", 搞掂喇，幫我export吖, "…downloaded? No changes needed.", an edit put off to a later
   version): the export alone.
4. An order relayed after a speech verb and a colon, said now ("My boss just said: 'export it
   now'"): the user's own; a bare label, another time or a quote laughed at stays a report.
5. A German edit then the export ("… leiser machen und dann exportieren?"): both.
6. Where a control of the app is (下載鍵喺邊度), thanks for an earlier export (頭先出嗰條片好正),
   whether to export now (要唔要而家出片, "can export already or not ah"): the agent's.
7. Enough of the balance just asked about ("how many credits left? if enough export"), or enough
   with the go-ahead given (积分够的话就直接导出): the balance, then the export; the balance
   unsaid, "才" or no "直接" (round 5: the user decides after the check) stays the check alone.
8. A file handed over with only "up this pls" / 傳咗張相上去先: the upload alone.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router, build_router
from agent.router.relayed import relayed_line
from tests.router_support import plan_of

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    "text",
    [
        "Could you remind me which clips I have already added?",
        "I forgot what music we put, can you check the project",
        "我們剛剛加了哪些素材？列出來給我看看",
        "到目前为止加了几段素材？",
        "我哋加咗啲咩素材？",
        "到而家加咗幾多段片？",
        "remind me what transitions we used",
        "我上傳咗張相未？",
        "hi good morning i have uploaded the photos can you see them",
        "I've uploaded the photos. can you see them?",
    ],
)
def test_what_the_project_holds_asked_from_memory_is_state(text: str) -> None:
    assert plan_of(build_router(), text) == ("state",), text


def test_an_upload_told_as_done_with_a_file_still_uploads() -> None:
    assert plan_of(build_router(), "i have uploaded the photos", ("a.jpg",))[0] == "upload"


@pytest.mark.parametrize(
    ("text", "plans"),
    [
        ("Dear support, may I kindly ask for my current balance?", {("credits",)}),
        ("Wie viel Guthaben habe ich noch?", {("credits",)}),
        ("lmk my balance n what's on the tl", {("credits", "state"), ("state", "credits")}),
        (
            "睇下而家有咩軌，再話我知仲有幾多 credit",
            {("credits", "state"), ("state", "credits")},
        ),
    ],
)
def test_a_polite_or_foreign_balance_and_two_read_only_asks(
    text: str, plans: set[tuple[str, ...]]
) -> None:
    assert plan_of(build_router(), text) in plans, text


@pytest.mark.parametrize(
    "text",
    [
        "ok so I think were done here can you just go ahead and export the whole thing as an mp4"
        " thanks",
        "搞掂喇，幫我export吖",
        "Would it be possible to get the finished video downloaded? No changes needed.",
        "export now please, we'll add the logo in a later version",
        "导出吧，下个版本再加字幕",
    ],
)
def test_a_plain_export_beside_a_closing_remark_is_the_export_alone(text: str) -> None:
    assert plan_of(build_router(), text) == ("export",), text


@pytest.mark.parametrize(
    "text",
    [
        "add the logo in the next version",
        "would it be possible to get the video exported in 8k?",
        "export it? no.",
        "export? no rush",
    ],
)
def test_the_closing_readings_never_add_an_export(text: str) -> None:
    assert "export" not in plan_of(build_router(), text), text


@pytest.mark.parametrize(
    ("text", "plans"),
    [
        ("My boss just said: 'export it now, we're out of time'", {("export",)}),
        (
            "Client says: please render the final with the updated end card",
            {("export",), ("sse", "export")},
        ),
        ("老板刚说：直接出片", {("export",)}),
    ],
)
def test_an_order_relayed_after_a_speech_verb_runs(text: str, plans: set[tuple[str, ...]]) -> None:
    assert plan_of(build_router(), text) in plans, text


SPEAKERS = st.sampled_from(["My boss", "Client", "Sarah", "老板"])
ORDERS = st.sampled_from(["export it", "render the final", "'export it now'", "直接出片"])
VERBS = st.sampled_from(["said last week", "said yesterday", "", "said", "said:"])


@ROBUST
@given(SPEAKERS, ORDERS, VERBS)
def test_a_relayed_order_elsewhen_or_labelled_never_exports(
    router: Router, who: str, order: str, verb: str
) -> None:
    if verb == "said":  # a quote laughed at: the user's own words around it
        text = f'{who} said: "{order}" lol'
    elif verb == "said:":  # a plain past, a transcript (round 24 of the labels)
        text = f"{who} said: {order}"
    elif verb:
        text = f"{who} {verb}: {order}"
    else:  # a bare label: a transcript, not passed on
        text = f"{who}: {order}"
    assert "export" not in plan_of(router, text), text


def test_relayed_line_reads_only_a_speech_verb_and_a_colon() -> None:
    assert relayed_line("My boss just said: 'export it now'") == "export it now"
    assert relayed_line("Boss: export it") is None
    assert relayed_line("The tooltip says: export in 4k") is None
    assert relayed_line("my boss said last week: export it") is None
    assert relayed_line("Client said: export the final cut now") is None
    assert relayed_line("老板说：直接出片") is None
    assert relayed_line("Mei says: can you render it?") is None  # asked of the user


@pytest.mark.parametrize(
    ("text", "plans"),
    [
        ("Kannst du die Musik etwas leiser machen und dann exportieren?", {("sse", "export")}),
        ("can you trim the intro and then export?", {("sse", "export")}),
        ("下載鍵喺邊度？", {("sse",)}),
        ("下载这个功能在哪", {("sse",)}),
        ("where can I find the export option?", {("sse",)}),
        ("唔該晒，頭先出嗰條片好正", {("sse",)}),
        ("要唔要而家出片？你覺得呢", {("sse",)}),
        ("can export already or not ah", {("sse",)}),
    ],
)
def test_an_edit_chain_or_a_question_for_the_agent(text: str, plans: set[tuple[str, ...]]) -> None:
    assert plan_of(build_router(), text) in plans, text


def test_a_past_export_asked_whether_is_still_state() -> None:
    assert plan_of(build_router(), "exported already or not?") == ("state",)
    assert plan_of(build_router(), "现在在渲染吗") == ("state",)


def test_could_you_tell_me_what_happens_then_export_asks_nothing() -> None:
    text = "could you tell me what happens if i trim and then export?"
    assert "export" not in plan_of(build_router(), text)


@pytest.mark.parametrize(
    "text",
    [
        "how many credits left? if enough export",
        "how many credits left? if it's enough, render it",
        "积分够的话就直接导出",
        "只要积分够就直接导出",
    ],
)
def test_enough_of_the_balance_asked_checks_then_exports(text: str) -> None:
    assert plan_of(build_router(), text) == ("credits", "export"), text


@pytest.mark.parametrize(
    "text",
    [
        "if enough export",
        "积分够才导出",
        "如果积分够的话就导出吧",
        "积分不够的话就别导出",
        "what's my balance? only if enough export",
    ],
)
def test_enough_unsaid_only_or_not_enough_is_the_check_alone(text: str) -> None:
    assert plan_of(build_router(), text) == ("credits",), text


@pytest.mark.parametrize("text", ["up this pls", "傳咗張相上去先", "呢张相先"])
def test_a_file_handed_over_in_few_words_is_the_upload_alone(text: str) -> None:
    assert plan_of(build_router(), text, ("photo.jpg",)) == ("upload",), text


def test_a_file_with_an_edit_still_goes_to_the_agent() -> None:
    assert plan_of(build_router(), "up this and add music", ("photo.jpg",)) == ("upload", "sse")


ZH_ENOUGH = st.sampled_from(["积分够的话", "只要余额够", "如果积分够的话", "如果積分夠的話"])


@ROBUST
@given(ZH_ENOUGH, st.sampled_from(["就直接导出", "就直接帮我导出", "，就直接匯出"]))
def test_enough_credits_with_the_go_ahead_checks_then_exports(
    router: Router, condition: str, export: str
) -> None:
    assert plan_of(router, condition + export) == ("credits", "export")


@ROBUST
@given(
    st.sampled_from(["积分不够的话", "积分够才", "要是积分超过20", "如果积分够的话"]),
    st.sampled_from(["就导出吧", "帮我导出", "导出"]),
)
def test_not_enough_only_then_or_a_price_never_exports(
    router: Router, condition: str, export: str
) -> None:
    assert "export" not in plan_of(router, condition + export)
