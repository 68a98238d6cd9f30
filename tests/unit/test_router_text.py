"""Text preparation for routing: normalisation, media and quote masking, language detection."""

from __future__ import annotations

import pytest

from agent.router.text import MASK, MEDIA, Prepared, normalize, prepare


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＥＸＰＯＲＴ  It！", "export it!"),
        ("Don’t  download", "dont download"),
        ("先别导出，加字幕。", "先别导出,加字幕."),
        ("gimme the file pls", "give me the file please"),
        ("dl teh vid", "download the video"),
        ("现在啥样了", "现在什么样了"),
        ("咋样了", "怎么样了"),
        ("看看时间轴", "看看时间线"),
    ],
)
def test_normalize_folds_width_case_punctuation_and_apostrophes(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("upload ~/Pictures/dog.jpg", Prepared(f"upload {MEDIA}", 1, "en")),
        (
            "animate https://example.org/pic.png, please",
            Prepared(f"animate {MEDIA} , please", 1, "en"),
        ),
        (r"use C:\x.png and ./clip.mp4", Prepared(f"use {MEDIA} and {MEDIA}", 2, "en")),
        ("把./pic.png做成视频", Prepared(f"把 {MEDIA} 做成视频", 1, "zh")),
        ("cover.webp", Prepared(MEDIA, 1, "en")),
        ("把 ~/图片/花.jpg 做成视频", Prepared(f"把 {MEDIA} 做成视频", 1, "zh")),
        ("把~/图片/花.jpg做成视频", Prepared(f"把 {MEDIA} 做成视频", 1, "zh")),
        (r"upload C:\用户\狗.jpg", Prepared(f"upload {MEDIA}", 1, "en")),
        ("and/or a video", Prepared("and/or a video", 0, "en")),
        ("trim 0:05 to 1:45 at 50%", Prepared("trim 0:05 to 1:45 at 50%", 0, "en")),
    ],
)
def test_media_references_are_counted_and_masked(raw: str, expected: Prepared) -> None:
    assert prepare(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("add a caption saying 'export ready'", f"add a caption saying {MASK}"),
        ('add a title "Download now"', f"add a title {MASK}"),
        ("标题改成“余额宝”", f"标题改成 {MASK}"),
        ("标题写「导出成功」吧", f"标题写 {MASK} 吧"),
        ("don't download it's not ready", "dont download its not ready"),
    ],
)
def test_quoted_content_is_masked_but_apostrophes_are_not_quotes(raw: str, expected: str) -> None:
    assert prepare(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "language"),
    [
        ("帮我export一下", "zh"),
        ("check一下credits", "zh"),
        ("export it", "en"),
        ("add a title “你好”", "en"),
        ("“你好”", "zh"),
        ("", "en"),
    ],
)
def test_language_is_zh_when_cjk_carries_the_request(raw: str, language: str) -> None:
    assert prepare(raw).language == language
