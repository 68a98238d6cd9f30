"""A step for someone else or in another program runs nothing.

A doer named only by a pronoun or by their side; Final Cut named without "Pro".

Found by the round-26 held-out set at first sight: "Send this link to your editor; they can open
it and hit Download on their side" ran an export for the chat user.
"""

from __future__ import annotations

import pytest

from agent.translate import GuiTables, load_gui_tables, translate


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


@pytest.mark.parametrize(
    "reply",
    [
        "Send this link to your editor; they can open it and hit Download on their side: "
        "nemo.video/s/8fK2q",
        "Forward the draft to Priya, she can click Export once she's reviewed it.",
        "Share the project with your partner and he'll press Export when ready.",
        "Give the link to the agency. They could hit Download from their account.",
    ],
)
def test_a_step_for_someone_else_runs_nothing_and_keeps_the_text(
    reply: str, tables: GuiTables
) -> None:
    out = translate(reply, tables)
    assert out.actions == ()
    assert out.text == reply


@pytest.mark.parametrize(
    ("reply", "actions"),
    [
        ("Your video is ready. Click Download to save the MP4.", ("export",)),
        ("Your clips are in place; open the Timeline panel to check them.", ("state",)),
    ],
)
def test_the_user_as_doer_still_runs(
    reply: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(reply, tables).actions == actions


@pytest.mark.parametrize(
    "reply",
    [
        "請喺 Final Cut 入面揀 File > Share > Master File，呢邊唔使做嘢。",
        "In Final Cut, choose File > Share.",
    ],
)
def test_a_step_in_final_cut_runs_nothing(reply: str, tables: GuiTables) -> None:
    out = translate(reply, tables)
    assert out.actions == ()
    assert out.text == reply


def test_the_final_cut_in_lower_case_is_this_apps_video(tables: GuiTables) -> None:
    assert translate("Click Export to download the final cut.", tables).actions == ("export",)
