"""Round-32 router classes (rt32).

1. An export ordered before new work making another deliverable keeps its order (export, sse).
2. A link to a media file (its last path segment names one: what `agent.attachments` fetches)
   beside an edit uploads, then goes to the agent.
3. Credits named as a reason (a saving, the go-ahead to spend them) is no balance question.
4. The file asked again after a failed delivery is an export.
5. A correction putting an edit before the export just asked; an idea taken back before it.
6. Feelings, musings and feedback questions are chatter for the agent, no balance or state.
7. An export hung on our work being finished checks the state first.

Property tests run under the project's hypothesis profile ("loaded-machine", tests/conftest.py).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.router import Router
from agent.router.another import another_after_export
from agent.router.text import prepare
from tests.router_support import plan_of

MANY = settings(max_examples=120)


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("render it, and after that cut me a 10-second teaser", ("export", "sse")),
        ("download this one, then make a vertical copy for reels", ("export", "sse")),
        ("export it and afterwards do a shorter version too", ("export", "sse")),
        ("export the video, and once that's done make a square version", ("export", "sse")),
        ("導出之後再幫我剪一個15秒的預告", ("export", "sse")),
        ("导出，然后再做一个竖版给抖音", ("export", "sse")),
        ("出片之后帮我整多个15秒嘅版本", ("export", "sse")),
        # the existing rule: an edit of this video goes into the render
        ("export it, then add the music", ("sse", "export")),
        ("export it, then make the edit punchier", ("sse", "export")),
        # a wait or condition before the export: the edit first, or nothing
        ("once the music is in, render it, then make a teaser", ("sse", "export")),
        ("等加完字幕导出，然后做一个预告", ("sse", "export")),
    ],
)
def test_another_deliverable_after_an_ordered_export(
    router: Router, text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(router, text) == plan


THENS = [", then", " and after that", ", and afterwards", ". after that", " then"]
MAKES = ["make a 15s teaser", "cut a vertical copy", "do a shorter version", "make another edit"]
HOLDS = ["if it's ok ", "don't ", "once it's approved ", "before the client sees it "]


@MANY
@given(st.sampled_from(HOLDS), st.sampled_from(THENS), st.sampled_from(MAKES))
def test_another_deliverable_never_frees_a_held_export(
    router: Router, hold: str, then: str, make: str
) -> None:
    text = f"{hold}export it{then} {make}"
    said = prepare(text).text
    if hold.startswith(("if", "don", "once")):
        assert not another_after_export(said), text
    plan = plan_of(router, text)
    if "export" in plan:
        assert plan.index("sse") < plan.index("export") or hold.startswith("before"), text


@pytest.mark.parametrize(
    "text",
    [
        "logo here https://x.example/brand/mark.png pop it bottom left",
        "here's the logo https://www.dropbox.com/scl/fi/xyz/logo.png?dl=0 put it top right",
        "把这个 https://www.dropbox.com/s/abc/bgm.mp3 当背景音乐",
    ],
)
def test_a_linked_asset_beside_an_edit_is_uploaded(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("upload", "sse")


@pytest.mark.parametrize(
    "text",
    [
        "https://shop.example.com/download trim this to 15 s",
        # a sharing page names no media file: `agent.attachments` cannot fetch it, so the router
        # plans no upload it could not run (the agent sees the link in the message)
        "https://drive.google.com/file/d/abc/view trim this to 15 s",
        "https://we.tl/t-abc123 these are the clips, cut them together",
        "用呢個 https://x.com/a/logo.svg 放喺右上角",
    ],
)
def test_a_page_link_uploads_nothing(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("sse",)


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("export it in 720p to save credits", ("export",)),
        ("render at 1080p so we can save some credits", ("export",)),
        ("用720p导出，省点积分", ("export",)),
        ("用720p匯出好慳啲點", ("export",)),
        ("spend the credits, the colours are finally right", ("export",)),
        ("使啲點啦，顏色終於啱晒", ("export",)),
        ("花积分吧，颜色终于对了", ("export",)),
        # asked, not given as a reason: the balance's
        ("spend the credits?", ("credits",)),
        ("导出4K的话要多少点？", ("credits",)),
        ("the client wants to know what the render will cost before we go ahead", ("credits",)),
        ("don't spend the credits yet", ("sse",)),
        ("is it worth going 720p to save credits?", ("credits",)),
        ("should I export in 720p to save credits", ("credits",)),
        ("用720p导出会不会省点积分？", ("credits",)),
        ("ok the colours are finally right. spend the credits", ("export",)),
        ("the colours are finally right, spend the credits tomorrow", ("credits",)),
        ("my client wants to know the price before we render", ("credits",)),
        ("we need to know the cost before rendering", ("credits",)),
        ("导出4K的话贵多少？", ("credits",)),
        ("the price on the screen is wrong, fix it", ("sse",)),
    ],
)
def test_credits_named_as_a_reason(router: Router, text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(router, text) == plan


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("the link you sent expired, can I get it again?", ("export",)),
        ("the link expired. could you send me a new link please?", ("export",)),
        ("可唔可以send個file俾我", ("export",)),
        ("可以再傳一次檔案給我嗎", ("export",)),
        ("條link失效咗，可唔可以再send一次俾我", ("export",)),
        # no failed delivery: "it" is not the file
        ("can I get it again?", ("sse",)),
        ("can you get it again? the colours are off", ("sse",)),
        ("would you resend the file if it fails?", ("sse",)),
    ],
)
def test_the_file_asked_again(router: Router, text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(router, text) == plan


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("render it. wait, before that, swap the font", ("sse", "export")),
        ("export it — actually, before you do, fix the typo in the title", ("sse", "export")),
        ("导出吧。等等，导出之前先把字体换了", ("sse", "export")),
        ("出片啦，唔係，出之前幫我換咗個字體先", ("sse", "export")),
        ("maybe an outro... nah, forget it. export", ("export",)),
        ("add a logo? no, never mind. render it", ("export",)),
        ("加个片尾？算了，不要了，直接导出", ("export",)),
        # a hold of the user's own, or the export before the taking back
        ("export it. wait, before that, let me check with my boss", ("sse",)),
        ("render it. wait, don't", ("sse",)),
        ("export it? nah. add a logo", ("sse",)),
    ],
)
def test_second_thoughts_around_an_export(router: Router, text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(router, text) == plan


@pytest.mark.parametrize(
    "text",
    [
        "this is the best thing I've made 🥹",
        "I'm so proud of this one",
        "what if we tried it in sepia? just thinking",
        "my boss just said 'meh', now what?",
        "这是我做过最好的视频🥹",
        "如果试试复古色调会怎样？只是想想",
        "老板说一般般，那现在怎么办？",
        "我好自豪呀呢條片",
    ],
)
def test_chatter_is_for_the_agent(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("sse",)


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("how many credits do I have left?", ("credits",)),
        ("just thinking, how many credits do I have left?", ("credits",)),
        ("what's the status of the render?", ("state",)),
    ],
)
def test_a_named_balance_or_state_is_still_asked(
    router: Router, text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(router, text) == plan


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("if you're done with the captions, go ahead and export", ("state", "export")),
        ("if you've finished the colour grade, export it", ("state", "export")),
        ("如果字幕弄好了就直接导出吧", ("state", "export")),
        ("如果你搞掂咗啲字幕就出片啦", ("state", "export")),
        ("if the client is done reviewing, export", ("sse",)),
        ("if you're done with the captions, don't export yet", ("sse",)),
    ],
)
def test_our_work_finished_before_the_export(
    router: Router, text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(router, text) == plan


NEGATED = ["don't", "do not", "never", "不要", "别"]
ASKS = ["spend the credits", "send me the file again", "export it", "导出"]


@MANY
@given(st.sampled_from(NEGATED), st.sampled_from(ASKS), st.sampled_from(["", "?", " yet"]))
def test_the_new_readings_never_export_a_negated_ask(
    router: Router, negation: str, ask: str, tail: str
) -> None:
    text = f"{negation} {ask}{tail}"
    assert "export" not in plan_of(router, text), text


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("export this, after that I want a square version for insta", ("export", "sse")),
        ("bounce it out and then put together a 30 sec trailer", ("export", "sse")),
        ("匯出嚟，之後再整一個直版俾IG", ("export", "sse")),
        ("go ahead and render in 480p, I'm trying to conserve credits", ("export",)),
        ("could you resend the file?", ("export",)),
        ("我收唔到個file，可唔可以再send過嚟", ("export",)),
        ("连结失效了，能不能再发一次连结给我？", ("export",)),
        ("render it — oh wait, before rendering, fix the caption typo", ("sse", "export")),
        ("加個字幕？算啦。出片", ("export",)),
        ("客户话唔钟意，点算？", ("sse",)),
        ("if the subtitles are done then render it", ("state", "export")),
    ],
)
def test_other_wordings_of_the_classes(router: Router, text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(router, text) == plan


@pytest.mark.parametrize(
    "text",
    [
        "render it tomorrow. wait, before that, swap the font",
        "明天导出吧。等等，导出之前先把字体换了",
        "could you resend the file tomorrow?",
        "can I get it again if the link expires?",
        "to save credits, should I export in 720p?",
        "spend the credits. wait, not yet",
        "if it looks good, spend the credits",
        "my editor will export it, then make a teaser",
        "I exported it and then made a shorter version",
        "add a logo, no wait, don't export",
    ],
)
def test_the_new_readings_never_free_a_held_export(router: Router, text: str) -> None:
    assert "export" not in plan_of(router, text)


WAITS = ["tomorrow", "later", "after lunch", "if it looks ok", "next week"]


@MANY
@given(
    st.sampled_from(
        [
            "could you resend the file {w}?",
            "the link expired, can I get it again {w}?",
            "render it {w}. wait, before that, swap the font",
            "spend the credits {w}",
            "export it {w}, then make a teaser",
        ]
    ),
    st.sampled_from(WAITS),
)
def test_a_wait_beside_the_new_readings_holds_the_export(
    router: Router, template: str, wait: str
) -> None:
    text = template.format(w=wait)
    plan = plan_of(router, text)
    assert "export" not in plan, text


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("the logo is too small. before exporting, make it bigger", ("sse", "export")),
        ("字幕太小了，导出之前先把字幕放大", ("sse", "export")),
        # a wait or condition in the clause before: nothing exports
        ("等客户确认，导出前帮我扶正一下", ("sse",)),
        ("如果客户同意，导出前帮我把标题放大", ("sse",)),
        ("once legal signs off, before you render, fix the title", ("sse",)),
    ],
)
def test_an_edit_before_the_export_after_a_fault_named(
    router: Router, text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(router, text) == plan
