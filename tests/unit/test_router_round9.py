"""Round-9 classes (training set r9t, and the harmful classes of the previous held-out round).

1. An export put off until someone's word or an event, in any register ("等市场部那边ok了再渲染",
   "等阿Sir批咗先出片", "once legal signs off we'll export") never runs; the edit beside it still
   goes to the video agent. Our own work awaited ("等字幕加好了再导出") only orders the export.
2. A run-on with edits first and the export last ("I'd then like the MP4", "…mp4?") plans both.
3. An edit in a language the tables do not read ("bhai thoda fast kar do video, phir export kar
   dena") keeps its `sse` before the export: an extra `sse` costs nothing, a dropped edit is harm.
4. A later stage (the intent model, the LLM) never runs an export the rules found put off,
   declined or only named.

Property tests run under the project's hypothesis profile ("loaded-machine", tests/conftest.py).
"""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.router import Router, build_keyword_router
from agent.router.intents import load_intent_model
from tests.router_support import SaysExport, plan_of

MANY = settings(max_examples=150)

# Chinese and Cantonese: a wait for a party's word, then the export
PARTIES = [
    "老板", "客户", "市场部那边", "阿Sir", "法务", "甲方", "设计组", "上面", "财务那边", "佢哋",
    "Amy", "小王", "审核", "老細",
]  # fmt: skip
APPROVALS = [
    "批了", "ok了", "同意了", "点头", "确认了", "批咗", "过了", "回复了", "签字了", "話OK",
    "看完", "通过", "批下来", "拍板",
]  # fmt: skip
FOLLOWERS = ["再", "先", "才", "之后再", "以后才"]
ZH_EXPORTS = ["导出", "出片", "渲染", "匯出", "导出视频", "下载", "出成片"]
ZH_EDITS = [
    "",
    "，现在先把字幕调大",
    "，先帮我换个暖一点的色调",
    "。而家幫我剪短啲",
    "，先加个片尾",
]
# English: a subordinate clause whose subject is someone else, then the export
SUBORDINATORS = ["once", "after", "when", "as soon as", "only after"]
PEOPLE = ["legal", "the client", "my boss", "marketing", "the producer", "Sarah", "the team"]
VERDICTS = ["signs off", "approves", "okays it", "gives the green light", "is happy", "says go"]
EN_EXPORTS = ["we'll export", "render it", "export", "give me the mp4", "export the final"]
EN_EDITS = [
    "",
    ". for now make it warmer",
    ", meanwhile trim the intro",
    ". right now swap the song",
]


@MANY
@given(
    st.sampled_from(PARTIES),
    st.sampled_from(APPROVALS),
    st.sampled_from(FOLLOWERS),
    st.sampled_from(ZH_EXPORTS),
    st.sampled_from(ZH_EDITS),
)
def test_a_chinese_export_waiting_on_someones_word_never_runs(
    router: Router, party: str, approval: str, then: str, export: str, edit: str
) -> None:
    for text in (
        f"等{party}{approval}{then}{export}{edit}",
        f"{edit[1:]}，等{party}{approval}{then}{export}",
    ):
        plan = plan_of(router, text.lstrip("，"))
        assert "export" not in plan, text
        assert plan, text
        assert not edit or "sse" in plan, text


@MANY
@given(st.sampled_from(PARTIES), st.sampled_from(APPROVALS), st.sampled_from(ZH_EXPORTS))
def test_a_waited_export_with_a_file_uploads_and_edits_only(
    router: Router, party: str, approval: str, export: str
) -> None:
    text = f"等{party}{approval}再{export}，现在先把结尾那张图换成这张"
    route = asyncio.run(router.route(text, ("photo.png",)))
    assert route.actions == ("upload", "sse"), text
    sent = (
        f"等{party}{approval}再{export}发给我，现在先把结尾那张图换成这张"  # 发 is no upload here
    )
    assert "export" not in asyncio.run(router.route(sent, ("photo.png",))).actions, sent


@MANY
@given(
    st.sampled_from(SUBORDINATORS),
    st.sampled_from(PEOPLE),
    st.sampled_from(VERDICTS),
    st.sampled_from(EN_EXPORTS),
    st.sampled_from(EN_EDITS),
)
def test_an_english_export_waiting_on_someones_word_never_runs(
    router: Router, subordinator: str, person: str, verdict: str, export: str, edit: str
) -> None:
    text = f"{subordinator} {person} {verdict}, {export}{edit}"
    plan = plan_of(router, text)
    assert "export" not in plan, text
    assert not edit or "sse" in plan, text


@pytest.mark.parametrize(
    "text",
    [
        "waiting on the client's sign-off, then export. brighten it now",
        "assuming the client approves, export it",
        "once Sarah okays it, render it",
        "经理审完再出片，先把字幕调大",
        "marketing needs to approve first, then export, and fix the audio",
        "得老闆批准先可以匯出，而家先改字幕",
        "老板OK了就导出，先把logo调小",
        # a condition in a language the tables do not read
        "cuando el cliente apruebe, exporta el video",
        "sobald der Kunde zustimmt, export",
        "quand le client valide, export",
        "jab boss approve kare tab export karna, abhi color thoda warm kar do",
        "client ok bole to export kar dena",
    ],
)
def test_other_forms_of_waiting_on_someone_never_export(router: Router, text: str) -> None:
    plan = plan_of(router, text)
    assert "export" not in plan
    assert "sse" in plan


@pytest.mark.parametrize(
    "text",
    [
        "等字幕加好了再导出",
        "把开头剪短，等剪好了再导出",
        "先把音乐换了，等弄好再导出",
        "等你弄完再导出",
    ],
)
def test_our_own_work_awaited_only_orders_the_export(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("sse", "export")


@pytest.mark.parametrize(
    "text", ["等一下先导出一版给我看", "等不及了，先导出吧", "老板已经OK了就导出吧"]
)
def test_a_moment_waited_or_a_word_already_given_is_no_wait(text: str) -> None:
    assert not build_keyword_router().analyse(text).waits


# A run-on: the edits first, the export at the end
OPENERS = ["", "ok so ", "so yeah ", "alright so ", "hmm ", "um so basically "]
RUN_EDITS = [
    "can you put some music on it later", "make the intro shorter", "make the colors a bit warmer",
    "trim the ending a little", "add captions", "the logo needs to be smaller",
    "lets try a slower zoom on the first photo", "bump up the voice",
]  # fmt: skip
JOINS = [" and ", " and also ", ", ", " and maybe "]
FINISHES = [
    " and then once thats done just go ahead and export it",
    " and when youre done with all that just export it for me",
    " and after all that give me the final file",
    " and once its all set render it out",
    " and then export please",
    ", then give me the mp4?",
]  # fmt: skip


@MANY
@given(
    st.sampled_from(OPENERS),
    st.lists(st.sampled_from(RUN_EDITS), min_size=1, max_size=3, unique=True),
    st.sampled_from(JOINS),
    st.sampled_from(FINISHES),
)
def test_a_run_on_with_the_export_last_keeps_its_edits_first(
    router: Router, opener: str, edits: list[str], join: str, finish: str
) -> None:
    text = opener + join.join(edits) + finish
    assert plan_of(router, text) == ("sse", "export"), text


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("If you could brighten it a touch, I'd then like the MP4", ("sse", "export")),
        ("Add a title card that says Happy Birthday Mom, then give me the mp4?", ("sse", "export")),
        ("then export?", ("export",)),
        ("please make the video more slow and after you make the export", ("sse", "export")),
    ],
)
def test_a_wish_or_a_rising_tone_after_an_edit_still_asks_for_the_file(
    router: Router, text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(router, text) == plan


# An edit in a language the tables do not read, then an export
FOREIGN_EDITS = [
    "bhai thoda fast kar do video", "video ko thoda chhota karo", "haz el video mas rapido",
    "mach das video schneller", "pon la musica mas fuerte", "rends la video plus rapide",
    "sir please video length reduce karo",
]  # fmt: skip
FOREIGN_THENS = [", phir ", ", luego ", ", dann ", ", then ", " y luego ", ", puis "]
FOREIGN_EXPORTS = ["export kar dena", "export", "export karo", "exporta el video", "render"]
CHATTER = [
    "ngl this slaps", "yo this slaps", "fr fr this is fire", "alright alright",
    "omg the transitions are chef's kiss", "the logo looks crisp af",
]  # fmt: skip


@MANY
@given(
    st.sampled_from(FOREIGN_EDITS),
    st.sampled_from(FOREIGN_THENS),
    st.sampled_from(FOREIGN_EXPORTS),
)
def test_an_unread_edit_before_an_export_is_never_dropped(
    router: Router, edit: str, then: str, export: str
) -> None:
    text = f"{edit}{then}{export}"
    plan = plan_of(router, text)
    assert plan[:1] == ("sse",), text  # an unsure export may go to the agent, never alone
    assert plan in (("sse",), ("sse", "export")), text


@pytest.mark.parametrize(
    "text",
    [
        "bhai thoda fast kar do video, phir export kar dena",
        "video ko thoda chhota karo, phir export karna",
        "sir please video length reduce karo then export",
        "haz el video mas rapido, despues export",
        "mach das video schneller, dann export",
        "pon la musica mas fuerte y luego exporta el video",
    ],
)
def test_an_unread_edit_then_an_export_plans_both(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("sse", "export")


@pytest.mark.parametrize("chatter", CHATTER)
@pytest.mark.parametrize("export", ["ship it", "export it"])
def test_chatter_before_an_export_names_no_edit(router: Router, chatter: str, export: str) -> None:
    assert plan_of(router, f"{chatter}, {export}") == ("export",)


# "not (yet)", or done before, in a language the tables do not otherwise read
FOREIGN_NOTS = [
    "export mat karna abhi", "export nahi karna hai abhi", "ruko, export mat karo",
    "export abhi nahi", "no exportar aun", "pas encore d'export", "noch nicht exportieren",
    "baad mein export karna", "no exportes todavia", "export kar diya kya?", "export ho gaya?",
    "pichli baar export kiya tha wo blurry tha",
]  # fmt: skip


@MANY
@given(
    st.sampled_from(FOREIGN_NOTS), st.sampled_from(["", "pehle music add karo", "make it warmer"])
)
def test_an_export_negated_in_another_language_never_runs(
    router: Router, negated: str, edit: str
) -> None:
    for text in (negated, f"{edit}, {negated}", f"{negated}, {edit}"):
        route = asyncio.run(router.route(text.strip(", ")))
        assert "export" not in route.actions, text
        assert "export" in route.declined, text  # the automatic export waits too


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("bhai export kar do", ("export",)),
        ("music add karo phir export kar do", ("sse", "export")),
        ("bhai intro chhota kar do phir export", ("sse", "export")),
        ("yaar colour thoda warm kar do, uske baad download", ("sse", "export")),
    ],
)
def test_a_hinglish_request_is_read_in_its_own_order(
    router: Router, text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(router, text) == plan


@pytest.mark.parametrize(
    "text", ["i wanna export but not yet lol, first fix the colors", "export? nah not yet tho"]
)
def test_a_refusal_with_a_tone_word_still_takes_the_export_back(router: Router, text: str) -> None:
    assert "export" not in plan_of(router, text)


ABSTAINING = "the status of my credits, "  # two question intents: the keyword stage abstains
PUT_OFF = [
    "we'll export after the client approves", "once legal signs off we'll export",
    "等老板点头再导出", "等市场部那边ok了再渲染", "I already exported it yesterday",
    'she said "export it" lol', "my boss will render it later", "but don't export",
    *FOREIGN_NOTS,
]  # fmt: skip


@MANY
@given(st.sampled_from(PUT_OFF), st.booleans())
def test_the_llm_cannot_run_an_export_the_rules_found_put_off_or_named(
    text: str, with_model: bool
) -> None:
    model = SaysExport()
    keywords = build_keyword_router()
    router = Router(
        keywords,
        model=load_intent_model() if with_model else None,
        completer=model,  # type: ignore[arg-type]
    )
    route = asyncio.run(router.route(ABSTAINING + text))
    assert "export" not in route.actions, text


def test_the_llm_still_plans_an_export_the_rules_let_through() -> None:
    """An export word in a language the rules do not read is the evidence the model places."""
    model = SaysExport()
    router = Router(build_keyword_router(), completer=model)  # type: ignore[arg-type]
    # round 17: the rules read Spanish export verbs now (`agent.router.romance`); round 19:
    # German, French, Malay and more (`agent.router.abroad`); Russian not
    route = asyncio.run(router.route("сделай красивее и потом экспортируй"))
    assert model.prompts
    assert route.actions == ("sse", "export")
    assert route.source == "llm"


def test_the_llm_never_plans_an_export_with_no_export_word() -> None:
    """Round 13: an export needs positive evidence of a command; the model's word is none."""
    model = SaysExport()
    router = Router(build_keyword_router(), completer=model)  # type: ignore[arg-type]
    route = asyncio.run(router.route("the status of my credits"))
    assert model.prompts
    assert route.actions == ("sse",)
    assert route.source == "llm"
