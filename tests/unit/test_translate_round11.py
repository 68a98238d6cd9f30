"""The round-11 classes of an export said but not asked for (r10's wrong exports), EN/简/繁.

- permission: "You can export whenever you're ready" (你随时可以导出) leaves the export to the
  user: nothing runs and the sentence stays whole;
- a habit beside a hold: "you'd normally hit Export > Final Quality, but … I'll hold off";
- a choice among priced options: "… or choose 1080p (10 credits) from the Export menu" offers a
  choice, no command (the balance check it asks for still runs);
- another program's steps with the program named at the END of the clause ("saved via Share >
  Download > MP4 Video in Canva") run nothing of ours, while a "but here … just hit Export"
  after another program's steps comes back to this app.

Every output holds only input sentences and template lines (`tests.translate_support`).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from tests.translate_support import foreign_sentences

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


@pytest.mark.parametrize(
    "text",
    ["You can export whenever you're ready.", "You can always render it whenever you like.",
     "You could export at any point if you want.", "你随时可以导出。", "你隨時可以導出。",
     "For the final you'd normally hit Export > Final Quality, but you said to wait for the "
     "client, so I'll hold off.",
     "You'd usually click Render here, but I'll wait for your go-ahead."],
)  # fmt: skip
def test_permission_or_a_habit_beside_a_hold_exports_nothing(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions, result
    assert result.text == text


def test_a_choice_among_priced_options_is_no_export(tables: GuiTables) -> None:
    text = (
        "I've finished the edit. Before you render: the 4K option costs 30 credits and you have "
        "22. Check your balance under Account, or choose 1080p (10 credits) from the Export menu."
    )
    result = translate(text, tables)
    assert "export" not in result.actions, result
    assert not foreign_sentences(result.text, text, tables)


@pytest.mark.parametrize(
    "text",
    ["Your Canva design can be saved via Share > Download > MP4 Video in Canva; after that, "
     "send it over and I'll add the voiceover.",
     "The clip can be exported via File > Export > Media in Premiere; then upload it here."],
)  # fmt: skip
def test_another_programs_steps_named_at_the_clause_end_export_nothing(
    text: str, tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions, result
    assert not foreign_sentences(result.text, text, tables)


def test_but_here_after_another_programs_steps_exports(tables: GuiTables) -> None:
    text = (
        "Pro tip: in DaVinci Resolve you'd use Deliver > Render Queue for this, but here it's "
        "simpler — just hit Export."
    )
    assert "export" in translate(text, tables).actions


@pytest.mark.parametrize(
    "text",
    ["Click Export to render the final MP4.", "点击右上角的导出按钮。", "Export it now please."],
)
def test_a_plain_export_step_still_exports(text: str, tables: GuiTables) -> None:
    assert "export" in translate(text, tables).actions


@given(
    st.sampled_from(
        ["You can export whenever you're ready.", "You can render whenever you like.",
         "You may export whenever you are ready.",
         "You'd normally hit Export here, but I'll hold off for now.",
         "You'd usually click Render, but you said to wait for the client.",
         "The 4K file costs 30 credits, or choose 1080p (10 credits) from the Export menu.",
         "Check your balance, or pick 720p (5 credits) and hit Export.", "你随时可以导出。",
         "你隨時可以導出。"]
    ),
    st.sampled_from(["", "I've finished the edit. ", "All done! ", "剪辑好了。"]),
    st.sampled_from(["", " Let me know.", " 有问题告诉我。"]),
)  # fmt: skip
def test_permission_habit_or_choice_with_an_export_word_never_exports(
    sentence: str, lead: str, tail: str
) -> None:
    text = f"{lead}{sentence}{tail}"
    result = translate(text, _TABLES)
    assert "export" not in result.actions, result
    assert not foreign_sentences(result.text, text, _TABLES)
