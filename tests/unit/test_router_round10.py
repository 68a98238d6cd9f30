"""Round-10 classes (training set r9).

1. A refusal right before an export word, as an emoji (❌ 🚫 ⛔ ✋ 🙅, with any skin tone or
   gender sign) or a casual word ("nah export", "nope render"), never exports; an emoji right
   after the export word ("export ❌") refuses it too. The edit beside it still runs.
2. An edit in a language the tables do not read keeps its `sse` before the export even with
   accents ("ponle música y exporta"): an extra `sse` costs nothing, a dropped edit is harm.
3. The last export's settings named beside the export ("same as last time, just export", "redo
   the export from before but in 720p") are no edit: export only. With an edit of its own, or a
   "then" ordering a repeat of the last edit first, the `sse` stays.
4. A cost question about the plan's allowance without the word "credits" asks for credits.
5. The business register's imperative ("please proceed with the final render", "generate the
   final asset") asks for the
   export, only as its clause's command: after a subordinator ("before we proceed with the
   export, fix the audio") or someone's approval awaited it runs nothing.
6. A question beside an export put off still gets its read-only answer ("please confirm the
   current timeline composition before we sign off" = state), never an export.

Property tests run under the project's hypothesis profile ("loaded-machine", tests/conftest.py).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.router import Router
from tests.router_support import plan_of

MANY = settings(max_examples=150)

REFUSALS = [
    "❌", "❌️", "🚫", "⛔", "⛔️", "✋", "✋🏽", "🙅", "🙅‍♀️", "🙅🏻‍♂️", "🛑", "✖️", "❎",
    "no", "nah", "nope", "naw", "dont", "don't", "do not", "never", "not",
]  # fmt: skip
OPENERS = ["", "ok ", "hmm ", "wait ", "Hey, ", "pls "]
EXPORTS = ["export", "render", "download", "export it", "render the video", "exporting", "导出"]
TAILS = [
    "",
    " 🙏",
    ", just fix the typo 🙏",
    ", only trim the intro",
    " yet, make it brighter",
    " pls",
    "!! change the font instead",
]


@MANY
@given(
    st.sampled_from(OPENERS),
    st.sampled_from(REFUSALS),
    st.sampled_from(EXPORTS),
    st.sampled_from(TAILS),
)
def test_a_refusal_right_before_an_export_word_never_exports(
    router: Router, opener: str, refusal: str, export: str, tail: str
) -> None:
    text = f"{opener}{refusal} {export}{tail}"
    plan = plan_of(router, text)
    assert "export" not in plan, text
    assert plan, text


@MANY
@given(st.sampled_from(REFUSALS[:13]), st.sampled_from(EXPORTS), st.sampled_from(TAILS))
def test_a_refusing_emoji_right_after_an_export_word_never_exports(
    router: Router, refusal: str, export: str, tail: str
) -> None:
    text = f"{export} {refusal}{tail}"
    assert "export" not in plan_of(router, text), text


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("❌ export, just fix the typo 🙏", ("sse",)),
        ("🚫 render, swap the song", ("sse",)),
        # the emoji is no word: what is asked without one still runs
        ("✅ trim the intro, then export", ("sse", "export")),
        ("nah, just export it", ("export",)),
        ("export it 🙏", ("export",)),
    ],
)
def test_refusing_emoji_examples(router: Router, text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(router, text) == plan


@pytest.mark.parametrize(
    "text",
    [
        "ponle música y exporta",
        "ponle música y luego exporta",
        "pon la música más fuerte y luego exporta",
        "hazlo más rápido y exporta",
        "mets la musique plus forte et exporte",
    ],
)
def test_an_accented_edit_before_an_export_keeps_its_sse(router: Router, text: str) -> None:
    plan = plan_of(router, text)
    assert "sse" in plan
    assert "export" not in plan or plan.index("sse") < plan.index("export")


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("same as before, just render it", ("export",)),
        ("ok same as last time, export please", ("export",)),
        ("export it like last time", ("export",)),
        ("redo the export but in 1080p", ("export",)),
        ("pls redo the export from earlier but as a gif", ("export",)),
        # a "then" orders a repeat of the last edit; an edit of its own stays
        ("same as last time, then export", ("sse", "export")),
        ("same as last time but with the new song, then export", ("sse", "export")),
        ("same as before, add music and export", ("sse", "export")),
        ("redo the render with the new song", ("sse", "export")),
        ("same as last time", ("sse",)),
        ("don't redo the export", ("sse",)),
    ],
)
def test_the_last_exports_settings_are_no_edit(
    router: Router, text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(router, text) == plan


@pytest.mark.parametrize(
    "text",
    [
        "would a 4k render eat a lot of my plan?",
        "does this eat up my plan?",
        "how much of my plan is left?",
    ],
)
def test_the_plans_allowance_asked_is_credits(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("credits",)


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("please proceed with the export", ("export",)),
        ("kindly produce the final deliverable for the client", ("export",)),
        ("don't generate the final file yet", ("sse",)),
        ("did you generate the final asset?", ("sse",)),
        ("ok, kindly go ahead with the final render", ("export",)),
        ("move the logo to the top left, then proceed with the render", ("sse", "export")),
    ],
)
def test_the_business_imperative_asks_for_the_export(
    router: Router, text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(router, text) == plan


@MANY
@given(
    st.sampled_from(["before we", "once the client lets us", "after legal signs off we", "if we"]),
    st.sampled_from(["proceed with", "go ahead with", "move forward with", "carry on with"]),
    st.sampled_from(["the export", "the final render", "the download", "the render"]),
    st.sampled_from([", fix the audio", ", swap the song", ". make it warmer"]),
)
def test_the_business_imperative_under_a_subordinator_never_exports(
    router: Router, lead: str, proceed: str, export: str, edit: str
) -> None:
    text = f"{lead} {proceed} {export}{edit}"
    plan = plan_of(router, text)
    assert "export" not in plan, text
    assert "sse" in plan, text


@pytest.mark.parametrize(
    "text",
    [
        "Please confirm the current timeline composition before we sign off.",
        "please show the current timeline before we sign off",
    ],
)
def test_a_question_beside_a_wait_gets_a_read_only_answer(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("state",)
