"""The translator's export gates and procedure rule (issue 10, rule 5 and the harm rules).

Over generated replies: a reply that reports a finished export with its link never plans an
export; a reply that says the balance is short never plans one (it looks the balance up); a
list procedure of GUI steps never leaves a numbered step fragment alone, its numbering runs
on without a gap, and every output still holds only input sentences and template lines
(`tests.translate_support.foreign_sentences`).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from tests.translate_support import foreign_sentences


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


_REPORTS = st.sampled_from(
    [
        "Your video is ready.",
        "I've added the music and trimmed the intro.",
        "视频已经生成好了。",
        "字幕已經加好。",
        "Captions are in, 42 lines in total.",
        "",
    ]
)
_STEPS = st.sampled_from(
    [
        "Click Export to download it.",
        "Hit **Download** to save the file.",
        "点击右上角的「导出」按钮即可下载。",
        "撳「匯出」就得。",
        "Open the timeline to check the cuts.",
        "",
    ]
)
_URL = st.from_regex(
    r"https://files\.example\.com/d/[A-Za-z0-9]{3,6}/[a-z_]{3,10}\.mp4", fullmatch=True
)
_DONE = st.sampled_from(
    [
        "Your video has been exported. Download link: {url}",
        "Export complete! Get it here: {url}",
        "All set — the reel was exported successfully: {url}",
        "视频已经导出完成，下载链接：{url}",
        "你條片已經匯出咗喇 🎬 下載連結：{url}",
        "影片匯出完成 ✅ {url}",
    ]
)


@given(before=_REPORTS, done=_DONE, url=_URL, after=_STEPS)
def test_a_finished_export_with_its_link_never_exports(
    tables: GuiTables, before: str, done: str, url: str, after: str
) -> None:
    text = " ".join(x for x in (before, done.format(url=url), after) if x)
    result = translate(text, tables)
    assert "export" not in result.actions
    assert url in result.text
    assert not foreign_sentences(result.text, text, tables)


_SHORT = st.sampled_from(
    [
        "Export couldn't start: this render needs {need} credits and your balance is {have}.",
        "Not enough credits ({have} left, {need} needed).",
        "You're out of credits.",
        "Rendering stopped: 4K needs {need} credits but you only have {have}.",
        "导出失败：积分不足（需要 {need} 积分，剩余 {have} 积分）。",
        "当前账户剩余 {have} 积分，导出 4K 视频需要 {need} 积分。",
        "點數唔夠：匯出要 {need} 點，你而家得返 {have} 點。",
    ]
)
_RETRY = st.sampled_from(
    [
        "Top up under **Account > Billing**, then hit Export again.",
        "Buy a pack on the Pricing page and click Export once more.",
        "请前往「账户 > 充值」充值后，再点击「导出」重试。",
        "去「帳戶 > 增值」增值完再撳匯出就得。",
        "Then click Export.",
        "",
    ]
)


@given(
    short=_SHORT, retry=_RETRY, before=_REPORTS, need=st.integers(20, 90), have=st.integers(0, 19)
)
def test_a_short_balance_never_exports(
    tables: GuiTables, short: str, retry: str, before: str, need: int, have: int
) -> None:
    text = " ".join(x for x in (before, short.format(need=need, have=have), retry) if x)
    result = translate(text, tables)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, tables)


_LEADS = st.sampled_from(
    ["On mobile:", "手机端操作：", "在手機上操作：", "To get the file:", "Next steps:", ""]
)
_ITEMS = st.sampled_from(
    [
        "Swipe up on the preview to open the timeline.",
        "Tap the **⋯** icon in the top-right.",
        "Choose **Export video**.",
        "Click **Export** in the top-right corner.",
        "Pick **720p**.",
        "Hit **Download** when it reaches 100%.",
        "上滑打开时间轴，检查每段转场；",
        "点右上角「⋯」；",
        "选择「导出视频」。",
        "點選右上角 ⋯ 圖示；",
        "揀「匯出影片」。",
        "Trimmed the intro to 2.5 seconds",
        "Open the **Audio** panel to check the levels.",
    ]
)
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s*(.*)$")


@given(
    report=_REPORTS,
    lead=_LEADS,
    items=st.lists(_ITEMS, min_size=2, max_size=5),
    bullet=st.sampled_from(["{n}. ", "{n}) ", "- "]),
)
# a report item kept whole says the export its step item gives too: that item goes, no gap
@example(
    report="Your video is ready.",
    lead="On mobile:",
    items=["Hit **Download** when it reaches 100%.", "Choose **Export video**.", "Pick **720p**."],
    bullet="{n}. ",
)
def test_a_procedure_leaves_no_numbered_fragment(
    tables: GuiTables, report: str, lead: str, items: list[str], bullet: str
) -> None:
    body = "\n".join(bullet.format(n=n) + item for n, item in enumerate(items, 1))
    text = "\n\n".join(x for x in (report, (lead + "\n" if lead else "") + body) if x)
    result = translate(text, tables)
    assert not foreign_sentences(result.text, text, tables)
    numbers = []
    for line in result.text.splitlines():
        numbered = _NUMBERED.match(line)
        if numbered:
            assert numbered.group(2).strip(), line  # never a lone "3."
            numbers.append(int(numbered.group(1)))
        assert line.strip() not in {"-", "*", "•"}
    if numbers:
        assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # no gap
    if lead:
        assert lead in result.text  # the lead-in stays


def test_the_mobile_procedure_reads_as_its_actions(tables: GuiTables) -> None:
    text = (
        "Your clip has been color-corrected and stabilized.\n\nOn mobile:\n"
        "1. Swipe up on the preview to open the timeline and check the result.\n"
        "2. Tap the **⋯** icon in the top-right.\n"
        "3. Choose **Export video** and wait for the progress ring to fill."
    )
    result = translate(text, tables)
    assert result.actions == ("state", "export")
    assert result.text == text + "\n\nI'll export the MP4 for you."  # the list stays whole


@pytest.mark.parametrize(
    "text",
    [
        "I couldn't fetch the image (403 Forbidden). Could you download it and upload the file "
        "directly using the **+ Add media** button?",
        "If you want them in the video, convert them to JPG first (in Lightroom that's "
        "File > Export > JPEG) and send them again.",
        "我没法直接读取那个网盘链接。你能先把文件下载下来，再通过「+ 添加素材」上传给我吗？",
    ],
)
def test_a_download_for_an_upload_or_another_programs_export_never_exports(
    tables: GuiTables, text: str
) -> None:
    assert "export" not in translate(text, tables).actions


@pytest.mark.parametrize(
    "text",
    [
        "Your export is complete. Click the download link below to save video_final.mp4.",
        "Click Export to download it. 积分不足时请前往账户充值。",
        "If you need another photo, tap Upload; if not, tap Export.",
    ],
)
def test_a_link_to_click_a_conditional_balance_and_a_named_export_still_export(
    tables: GuiTables, text: str
) -> None:
    assert "export" in translate(text, tables).actions
