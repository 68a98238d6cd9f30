"""Question-only words and the Traditional variants the router reads: cost and progress asked in
any register route to credits or state inside a question and are content in a statement; a
question never exports."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import KeywordRouter, build_keyword_router
from agent.router.rules import load_tables, parse_tables
from agent.router.script import load_script

ROBUST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COST_QUESTIONS = [
    "can I afford {} more videos?", "what's the burn rate per video?",
    "how much will {} more run me", "is {} more renders gonna eat into my allowance?",
    "am I running low?", "what does each of the {} videos cost?", "还能免费做{}次吗",
    "每次导出扣多少", "做{}个要扣几个点",
]  # fmt: skip
PROGRESS_QUESTIONS = [
    "where does the edit stand?", "how far did you get?", "is it cooking?", "how's it shaping up",
    "剪到哪了", "现在做到什么程度了", "條片整好未", "而家剪成點",
]  # fmt: skip


@pytest.fixture(scope="module")
def keywords() -> KeywordRouter:
    return build_keyword_router()


@ROBUST
@given(st.sampled_from(COST_QUESTIONS), st.integers(min_value=2, max_value=9))
def test_a_cost_question_in_any_register_asks_for_credits_and_never_exports(
    keywords: KeywordRouter, frame: str, count: int
) -> None:
    route = keywords.route(frame.format(count))
    assert route is not None
    assert route.actions == ("credits",)


@pytest.mark.parametrize("text", PROGRESS_QUESTIONS)
def test_a_progress_question_without_the_obvious_words_asks_for_state(
    keywords: KeywordRouter, text: str
) -> None:
    route = keywords.route(text)
    assert route is not None
    assert route.actions == ("state",)


@pytest.mark.parametrize(
    "text",
    [
        "add a price tag in the corner",
        "make the logo stand out",
        "剪到10秒",
        "cut it when it's done",
    ],
)
def test_a_question_only_word_in_a_statement_is_content(keywords: KeywordRouter, text: str) -> None:
    route = keywords.route(text)
    assert route is not None
    assert route.actions == ("sse",)


def test_a_request_in_question_form_is_not_a_question(keywords: KeywordRouter) -> None:
    route = keywords.route("could you make it look finished and cinematic?")
    assert route is not None
    assert route.actions == ("sse",)


_GRAMMAR = (
    "negators", "negation_exceptions", "deferrals", "content_markers", "marker_exceptions",
    "connectors", "edit_verbs", "topic_nouns", "first_markers", "after_markers", "fillers",
    "not_typos",
)  # fmt: skip


def test_the_tables_accept_question_only_words_as_their_own_kind() -> None:
    grammar = "\n".join(f"{name} = []" for name in _GRAMMAR)
    document = (
        '[intents.credits]\nkeywords = ["credits"]\nasked = ["afford"]\n'
        f'[intents.export]\nkeywords = ["export"]\n[grammar]\n{grammar}\n'
    )
    tables = parse_tables([document])
    assert tables.words("credits", "asked") == ["afford"]
    assert tables.words("credits", "keyword") == ["credits"]


def test_every_traditional_variant_is_read_by_the_router_but_never_written_back() -> None:
    tables, script = load_tables(), load_script()
    assert tables.fold[ord("鑽")] == "钻"  # a variant pair: read by the router's matching
    assert ord("鑽") not in script.fold  # never written back nor a sign of Traditional text
    assert not script.traditional("鑽石")
    assert len(tables.fold) > 2000
    assert all(ord(target) not in tables.fold for target in tables.fold.values())  # no chains


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("Please advise on the budget impact of two more exports.", ("credits",)),
        ("Requesting an update on turnaround time for the edit.", ("state",)),
        ("👀 timeline", ("state",)),
        ("🔥🔥 export 🔥🔥", ("export",)),
    ],
)
def test_business_inquiries_and_emoji_wrapped_words_are_read(
    keywords: KeywordRouter, text: str, plan: tuple[str, ...]
) -> None:
    route = keywords.route(text)
    assert route is not None
    assert route.actions == plan
