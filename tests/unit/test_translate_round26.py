"""Round 26 (the round-38/39 hard sets' misses as general classes): an export permitted with its
alternative named is the default step and runs ("Otherwise, feel free to export as is"); an
export to weigh (可以考虑导出) runs nothing; a payment method to update is the balance; a file to
attach again is an upload."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import translate
from agent.translate.modality import defaults
from agent.translate.tables import GuiTables, load_gui_tables

TABLES: GuiTables = load_gui_tables()

DEFAULT_EXPORT = [
    "If you'd prefer a cleaner look, you can swap the font — otherwise, feel free to export as is.",
    "Done with the edits. Feel free to export whenever, unless you want me to try the alternate "
    "ending first.",
    "If the preview looks off, let me know. Otherwise you're good to export.",
    "I can brighten the intro if you like; otherwise, feel free to download it now.",
    "If not, you're all set to export.",
    "Feel free to download it now, unless you'd rather I trim the outro first.",
]
# a bare permission, or one whose "unless" is the user's own wish, stays the user's to take
STILL_LEFT = [
    "Feel free to export whenever.",
    "Feel free to export whenever, unless you'd like a different ending.",
    "You can export it anytime.",
    "Feel free to hit Export once you've had a look.",
]
WEIGHED_ZH = [
    "如果你觉得节奏还可以，可以考虑导出；不满意的话告诉我再改。",
    "可以考虑导出。",
    "你可以考虑把竖版导出。",
    "節奏可以的話，可以考慮匯出。",
    "你也可以考虑导出一个 720p 版本。",
]
CREDITS = [
    "Your subscription renewal failed, so generation is paused. Update your payment method "
    "under Billing to continue.",
    "Change your payment method in Billing and try again.",
    "Please update your payment details under Billing.",
    "Fix your card under Billing to keep going.",
]
UPLOAD = [
    "I can't see the second photo you mentioned — maybe it didn't come through? Try attaching "
    "it again.",
    "The clip didn't come through. Try attaching it again.",
    "Your logo didn't arrive — try choosing it again.",
    "The music track didn't come through. Please try attaching it again.",
]


@pytest.mark.parametrize("text", DEFAULT_EXPORT)
def test_a_permission_with_its_alternative_named_exports(text: str) -> None:
    result = translate(text, TABLES)
    assert "export" in result.actions, (text, result)
    assert result.text.startswith(text), result.text


@pytest.mark.parametrize("text", STILL_LEFT + WEIGHED_ZH)
def test_a_bare_permission_or_an_export_to_weigh_runs_nothing(text: str) -> None:
    result = translate(text, TABLES)
    assert "export" not in result.actions, (text, result)
    assert result.text == text


@pytest.mark.parametrize("text", CREDITS)
def test_a_payment_method_to_update_shows_the_balance(text: str) -> None:
    result = translate(text, TABLES)
    assert "credits" in result.actions, (text, result)
    assert "export" not in result.actions


@pytest.mark.parametrize("text", UPLOAD)
def test_a_file_to_attach_again_is_an_upload(text: str) -> None:
    result = translate(text, TABLES)
    assert "upload" in result.actions, (text, result)
    assert result.text.startswith(text.split("?")[0].split(". ")[0])


@given(st.sampled_from(["feel free to ", "you can "]), st.sampled_from(["export", "download"]))
def test_defaults_needs_the_alternative(frame: str, verb: str) -> None:
    assert not defaults(f"{frame}{verb} it whenever.")
    assert defaults(f"Otherwise, {frame}{verb} it.")
    assert defaults(f"{frame.capitalize()}{verb} it, unless you want me to redo the intro.")


@given(st.sampled_from(WEIGHED_ZH), st.sampled_from(["", "好了！", "改完了。"]))
def test_weighed_export_never_runs(text: str, lead: str) -> None:
    assert "export" not in translate(lead + text, TABLES).actions
