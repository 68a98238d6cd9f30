"""Chinese scripts: Traditional folded for matching, and Traditional answers to Traditional."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.errors import ConfigError
from agent.router.script import Script, load_script
from agent.translate import GuiTables, Translation, Translator, load_gui_tables, translate
from agent.turns import TurnResult, in_script


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


def test_pairs_fold_one_character_to_one_and_write_back_all_but_shared_ones() -> None:
    script = Script.from_pairs("導导 發发 髮发 瞭了")
    assert script.simplified("導出髮") == "导出发"
    assert script.to_traditional("导出了发") == "導出了發"  # 了 stays; 发 takes its first form
    assert script.traditional("導出")
    assert not script.traditional("导出")


def test_a_malformed_pair_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        Script.from_pairs("導导 xyz")


def test_the_bundled_pairs_cover_the_everyday_traditional_words() -> None:
    script = load_script()
    assert script.simplified("匯出影片、點數餘額、時間軸") == "汇出影片、点数余额、时间轴"
    assert script.to_traditional("我会为你列出当前轨道") == "我會為你列出當前軌道"


def test_traditional_backend_text_gets_a_traditional_answer(tables: GuiTables) -> None:
    result = translate("影片已完成！請點擊「匯出」下載 MP4 檔案。", tables)
    assert result.actions == ("export",)
    assert result.text.startswith("影片已完成！")
    assert "会" not in result.text
    assert "會" in result.text


def test_traditional_text_without_steps_comes_back_byte_for_byte(tables: GuiTables) -> None:
    text = "背景音樂已替換為鋼琴版，標題「新春快樂」在 0:02 出現。"
    assert translate(text, tables) == Translation(text, ())


_TRAD_CONTENT = ["背景音樂已替換。", "標題「點擊匯出」已加好。", "影片長度為 12 秒。", "進度 45%。"]
_TRAD_STEPS = ["請點擊「匯出」下載。", "請打開時間軸查看。", "如需加值請前往「帳戶」。"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_TRAD_CONTENT + _TRAD_STEPS), min_size=1, max_size=5))
def test_traditional_content_sentences_survive_every_mix(
    tables: GuiTables, sentences: list[str]
) -> None:
    result = translate("".join(sentences), tables)
    for sentence in sentences:
        if sentence in _TRAD_CONTENT:
            assert sentence in result.text


def test_a_traditional_user_gets_backend_text_in_traditional_quotes_untouched(
    tables: GuiTables,
) -> None:
    translator = Translator(tables)
    assert translator.answering("导出视频") is translator
    answering = translator.answering("匯出影片")
    assert answering("视频已生成，标题“春日”已添加。") == Translation(
        "視頻已生成，標題“春日”已添加。", ()
    )


def test_a_turn_reply_is_written_in_traditional_except_files_and_links() -> None:
    result = TurnResult(
        reply="✅ 视频已完成：/tmp/视频-1.mp4\n在浏览器中打开：http://x/视频",
        language="zh",
        files=("/tmp/视频-1.mp4",),
        links=("http://x/视频",),
        parts=("✅ 视频已完成：/tmp/视频-1.mp4",),
    )
    converted = in_script(result, load_script())
    assert converted.reply == "✅ 視頻已完成：/tmp/视频-1.mp4\n在瀏覽器中打開：http://x/视频"
    assert converted.parts == ("✅ 視頻已完成：/tmp/视频-1.mp4",)
    assert converted.files == result.files
    english = TurnResult(reply="视频", language="en")
    assert in_script(english, load_script()) == english
