"""Round 26, views named indirectly: the progress named as where the work is ("see how far along
it is under Creations → Recent", "glance at where the project's at"), a casual way to go ("pop
over to the Works tab"), a view said to show it ("The project page shows live progress", 作品页面
会显示实时进度): the state runs, the sentence is kept whole, an export's page runs nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import translate
from agent.translate.tables import GuiTables, load_gui_tables

TABLES: GuiTables = load_gui_tables()

VIEWS = [
    "You can see how far along it is under Creations → Recent.",
    "Why not pop over to the Works tab and see it come together? It's at 30% right now.",
    "Curious how far along it is? The project page shows live progress.",
    "Looks great! Want to see how all the layers stack up before we finalize? The tracks view "
    "lays it out nicely.",
    "It might be worth glancing at where the project's at — rendering seemed slower than usual.",
    "Hop over to the Layers panel to see how it stacks up.",
    "It's worth peeking at where things are at in My Projects.",
    "The Recent tab shows where it's at.",
    "作品页面会显示实时进度。",
    "項目頁面會顯示實時進度。",
    "作品页上显示进度。",
]
NOT_A_VIEW = [
    "The export page shows the file size.",
    "作品页面会显示导出按钮。",
]


@pytest.mark.parametrize("text", VIEWS)
def test_a_view_named_indirectly_shows_the_state(text: str) -> None:
    result = translate(text, TABLES)
    assert result.actions == ("state",), (text, result)
    assert result.text == text


@pytest.mark.parametrize("text", NOT_A_VIEW)
def test_an_exports_page_described_runs_nothing(text: str) -> None:
    assert "export" not in translate(text, TABLES).actions


@given(
    st.sampled_from(["export", "download", "render"]),
    st.sampled_from(["page", "tab", "panel", "view"]),
)
def test_a_described_export_view_never_exports(word: str, view: str) -> None:
    text = f"The {word} {view} shows the file size."
    assert "export" not in translate(text, TABLES).actions


# the balance named as what is left, or an account page said to tell it
BALANCE = [
    "We could do the 60s version, though it'd eat into your quota — your usage page would give "
    "you a sense of whether that's OK.",
    "Would you mind taking a peek at what you've got left this month?",
    "Take a look at how much you have left before the 4K render.",
    "The billing page will show you whether that fits.",
]


@pytest.mark.parametrize("text", BALANCE)
def test_the_balance_named_indirectly_is_looked_up(text: str) -> None:
    result = translate(text, TABLES)
    assert "credits" in result.actions, (text, result)
    assert "export" not in result.actions
    assert result.text.startswith(text)
