"""Round 26, run nothing: a step waiting on work reported unfinished (影片尚未完成，等進度條跑完後
再到 My Projects 下載即可: the view of the file is for later too), and a step the past would have
needed had it gone otherwise ("Had you wanted 4K, you'd have needed to check your balance")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import translate
from agent.translate.asked import counterfactual
from agent.translate.tables import GuiTables, load_gui_tables

TABLES: GuiTables = load_gui_tables()

UNFINISHED = [
    "影片尚未完成，等進度條跑完後再到 My Projects 下載即可。",
    "视频还没好，等渲染完成后再去我的作品下载。",
    "The video isn't ready yet. Once the progress bar fills up, find it in My Projects and "
    "download it.",
    "It's not done yet — when the progress bar hits 100%, open My Projects and grab the file.",
    "片子还没做好，等进度条走完后再到作品页下载。",
]
COUNTERFACTUAL = [
    "I generated it at 1080p. Had you wanted 4K, you'd have needed to check your balance first, "
    "but this one was free.",
    "If you'd wanted the longer cut, you would have needed to check your credits first.",
    "Had you picked 4K, you'd have had to open the Usage page first.",
    "如果你当时要 4K，就得先到 Billing 查余额，不过这次是免费的。",
    "本来需要先到 Billing 充值，不过这次免费。",
]
# the same steps asked now still run
STILL_RUN = [
    ("If you want 4K, check your balance first.", "credits"),
    ("进度条走完后点击“导出”就能拿到MP4了。", "export"),
    ("Check My Projects to see the progress.", "state"),
]


@pytest.mark.parametrize("text", UNFINISHED + COUNTERFACTUAL)
def test_a_step_for_later_or_never_runs_nothing(text: str) -> None:
    result = translate(text, TABLES)
    assert result.actions == (), (text, result)
    assert result.text == text


@pytest.mark.parametrize(("text", "action"), STILL_RUN)
def test_the_step_asked_now_still_runs(text: str, action: str) -> None:
    assert action in translate(text, TABLES).actions


@given(
    st.sampled_from(["Had you wanted", "If you had wanted", "If you'd wanted"]),
    st.sampled_from(["4K", "the 60s version", "a vertical cut"]),
    st.sampled_from(["check your balance", "export it again", "open the Billing page"]),
)
def test_counterfactual_steps_never_run(lead: str, what: str, step: str) -> None:
    text = f"{lead} {what}, you'd have needed to {step} first, but this one was free."
    assert counterfactual(text)
    assert "export" not in translate(text, TABLES).actions
    assert "credits" not in translate(text, TABLES).actions
