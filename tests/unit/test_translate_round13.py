"""The round-13 classes: an export's mood, other programs by shape, and content never lost.

- modality (`agent.translate.modality`): an export given as a permission or option ("Feel free
  to export anytime", "You can download it whenever you like", 你随时可以导出) runs nothing and
  keeps its sentence; a plain imperative, a "to download, click Export" purpose and a how-to
  that names its GUI means ("You can download it by clicking Export") still export;
- other programs (`agent.translate.elsewhere`, the structure tables' `services`): a step located
  in a file or messaging service or in any capitalised product that is not this app's GUI ("In
  Google Drive, right-click the file and choose Download", "Open WeTransfer and hit Download",
  在微信里点下载) runs nothing, whatever its verb; this app's own places ("In Settings", "Open My
  Work", "on Mac") are no product;
- content never lost: a reply of report sentences with random quoted titles, numbers,
  percentages and file names, beside GUI steps and mixed sentences, keeps every span, and each
  output sentence is an input sentence or a whole template line.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import GuiTables, Translation, load_gui_tables, translate
from tests.translate_support import foreign_sentences

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


PERMISSIONS = [
    "Feel free to export anytime.",
    "You can download it whenever you like.",
    "You may export it at any time from the top bar.",
    "You can go ahead and download it whenever you want.",
    "You can export your video anytime from the top toolbar.",
    "You can now export it.",
    "Export it any time you like.",
    "Feel free to hit Export once you've had a look.",
    "You can tap Export whenever you like.",
    "When you're ready, you can grab it from the export menu.",
    "你随时可以导出视频。",
    "可以随时下载成片。",
    "隨時都可以匯出喔。",
]


@pytest.mark.parametrize("text", PERMISSIONS)
def test_an_export_given_as_a_permission_runs_nothing_and_stays_whole(
    text: str, tables: GuiTables
) -> None:
    assert translate(text, tables) == Translation(text, ())


@pytest.mark.parametrize(
    "text",
    ["Click Export to download.", "To download, click Export.",
     "You can download the finished video by clicking **Export**.",
     "Export whenever you're ready.", "Tap Export whenever you want the file.",
     "想下载的话点导出就行。", "点击右上角的导出按钮即可下载。"],
)  # fmt: skip
def test_a_command_still_exports(text: str, tables: GuiTables) -> None:
    assert translate(text, tables).actions == ("export",)


@pytest.mark.parametrize(
    "text",
    ["In Google Drive, right-click the file and choose Download to save it locally.",
     "In Dropbox, click Download to get the original file.",
     "Save it from WhatsApp by tapping Download.",
     "Open WeTransfer and hit Download to get the raw footage.",
     "Once it's in the Photos app, tap Share > Save Video.",
     "In the TikTok app, tap Save video.",
     "Open it in whatsapp and tap Save.",
     "在微信里点下载保存到手机。"],
)  # fmt: skip
def test_a_step_in_another_program_or_service_runs_nothing(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert result.actions == ()
    assert result.text == text


@pytest.mark.parametrize(
    ("text", "actions"),
    [("In Settings, tap Export.", ("export",)),
     ("Open My Work and click Download.", ("export",)),
     ("Press Ctrl+E (or ⌘E on Mac) to export.", ("export",)),
     ("Go to Share → Save to Files to keep a copy on your iPhone.", ("export",)),
     ("Import your clips from Google Drive using the Import button.", ("upload",)),
     ("Instagram users: click Export and pick 4:5.", ("export",))],
)  # fmt: skip
def test_this_apps_own_places_devices_and_sources_are_no_other_program(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions


_WORDS = (
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ ", min_size=2, max_size=14)
    .map(str.strip)
    .filter(bool)
)
_SPAN = st.one_of(
    _WORDS.map(lambda w: f'"{w}"'),
    _WORDS.map(lambda w: f"「{w}」"),
    st.integers(1, 99).map(lambda n: f"{n}%"),
    st.integers(2, 59).map(lambda n: f"0:{n:02d}"),
    _WORDS.map(lambda w: w.replace(" ", "_") + ".mp4"),
)
_REPORTS = [
    "I added the title {} at the start.",
    "The music now plays at {} volume.",
    "I trimmed the clip to end at {}.",
    "已把标题改成 {}。",
    "Everything in {} is on the timeline now, and the ending is softer.",
]
_STEPS = [
    "Click Export to download.",
    "Open the Timeline to check it.",
    "Feel free to export anytime.",
    "In Google Drive, click Download.",
    "点击右上角的导出按钮即可下载。",
    "You can check your balance under Account > Wallet.",
]
_MIXED = [
    "I set the fade to {}, then click Export to download.",
    "The title {} is in place — open the timeline to check it.",
    "字幕 {} 已加好，点击导出即可下载。",
]


@given(
    st.lists(
        st.one_of(
            st.tuples(st.sampled_from(_REPORTS), _SPAN),
            st.tuples(st.sampled_from(_MIXED), _SPAN),
            st.tuples(st.sampled_from(_STEPS), st.just("")),
        ),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from([" ", "\n", "\n\n"]),
)
def test_every_protected_span_survives_and_every_sentence_is_whole(
    pieces: list[tuple[str, str]], gap: str
) -> None:
    text = gap.join(template.format(span) for template, span in pieces)
    result = translate(text, _TABLES)
    for _template, span in pieces:
        assert span in result.text, (text, result.text)
    assert not foreign_sentences(result.text, text, _TABLES), (text, result.text)


@pytest.mark.parametrize(
    "text",
    ["The export failed, try again later.", "Export failed (error 502). Try again tomorrow.",
     "导出失败了，请稍后再试。", "Last time you exported this, it took 3 minutes.",
     "Earlier you clicked Export but the render was cancelled.",
     "You already downloaded the 720p version yesterday."],
)  # fmt: skip
def test_a_failure_put_off_or_a_past_export_runs_nothing(text: str, tables: GuiTables) -> None:
    assert translate(text, tables) == Translation(text, ())


# r13t classes (a stranger's training set): a Cantonese press written 㩒, a menu path marked "▸",
# a readiness clause before a modal, a place that introduces its steps with a colon or is named
# in a possessive, a swipe on the way to a step, a file to choose, and a service as a destination
@pytest.mark.parametrize(
    ("text", "actions"),
    [("條片整好喇，㩒右上角「匯出」就得。", ("export",)),
     ("我要你嘅相先可以做。㩒「上載」揀返張相就得。", ("upload",)),
     ("Tap your avatar ▸ Billing to see how many coins are left.", ("credits",)),
     ("Go to File ▸ Export ▸ Video.", ("export",)),
     ("When you're ready, you can grab it from the export menu.", ()),
     ("After that you can send it from Google Photos: open the clip, tap Share, pick a chat.", ()),
     ("In your partner's Dropbox app, tap the file and choose Export.", ()),
     ("Scroll down on the preview and tap Download to keep a copy.", ("export",)),
     ("The cover photo is missing. Please choose an image (JPG works) so I can add it.",
      ("upload",)),
     ("完成啦！点 Share 就能把成片发到微信。", ("export",))],
)  # fmt: skip
def test_the_r13t_classes_read_as_their_steps(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == actions, result
    assert not foreign_sentences(result.text, text, tables)


@pytest.mark.parametrize(
    ("text", "expected", "actions"),
    [("I trimmed it to 0:45 — click Export to download.",
      "I trimmed it to 0:45 — click Export to download. I'll export the MP4 for you.",
      ("export",)),
     ("配乐已换成《晴天》，满意的话点击导出即可。",
      "配乐已换成《晴天》，满意的话点击导出即可。我会直接把 MP4 文件发给你。", ("export",)),
     ("The logo.png you sent is too small; please upload a bigger one via the Upload button.",
      "The logo.png you sent is too small; please upload a bigger one via the Upload button. "
      "Send the file in chat or give me a URL.", ("upload",)),
     # a view says nothing after it: its output speaks (the step alone goes, as before)
     ("The title reads \"Day 1\". Open the timeline to check it.",
      "The title reads \"Day 1\".", ("state",))],
)  # fmt: skip
def test_a_sentence_kept_for_its_content_is_followed_by_its_actions_line(
    text: str, expected: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result == Translation(expected, actions)
    assert translate(result.text, tables).text == result.text  # said once, even read again
