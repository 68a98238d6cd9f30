"""Masking and splitting used by the translator: lossless and quote-aware."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate.prose import Sentence, clause_bounds, mask, split_lines, split_sentences


def test_quotes_code_and_urls_are_masked_and_restored() -> None:
    text = 'Title "Tap to shop", code `drag`, see https://x.test/a. And 标题“点击下载”。'
    masked = mask(text)
    assert "Tap" not in masked.text
    assert "drag" not in masked.text
    assert "x.test" not in masked.text
    assert "点击" not in masked.text
    assert masked.text.endswith("。")
    assert "/a." not in masked.text  # the sentence's full stop is not part of the URL
    assert masked.restore(masked.text) == text


def test_apostrophes_in_words_are_not_quotes() -> None:
    text = "When you're happy with it, it's done and the clip's 'intro' stays."
    masked = mask(text)
    assert "you're happy" in masked.text
    assert "intro" not in masked.text


def test_sentences_split_at_terminators_but_not_inside_numbers() -> None:
    assert split_sentences("Zoom 0.5x done. Next! 好的。完成") == [
        Sentence("Zoom 0.5x done", ".", " "),
        Sentence("Next", "!", " "),
        Sentence("好的", "。", ""),
        Sentence("完成", "", ""),
    ]


def test_clauses_split_at_commas_but_not_in_times_or_protected_spans() -> None:
    content = "Music at 0:02, then click A, B"
    assert clause_bounds(content, []) == [(0, 13), (15, 27), (29, 30)]
    assert clause_bounds(content, [(20, 30)]) == [(0, 13), (15, 30)]


def test_markdown_list_markers_are_split_off_lines() -> None:
    assert split_lines("- one\n2. two\n") == [("- ", "one", "\n"), ("2. ", "two", "\n")]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Co"))))
def test_splitting_is_lossless(text: str) -> None:
    masked = mask(text)
    assert masked.restore(masked.text) == text
    rebuilt = ""
    for prefix, body, newline in split_lines(masked.text):
        joined = "".join(s.content + s.term + s.ws for s in split_sentences(body))
        assert joined == body
        rebuilt += prefix + body + newline
    assert rebuilt == masked.text


def test_commas_inside_parentheses_do_not_split_clauses() -> None:
    text = "Choose a ratio (16:9, 9:16, 1:1), then continue"
    assert clause_bounds(text, []) == [(0, 32), (34, len(text))]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\x1e", "\x0c", "\u2028", "\x85"])
def test_every_line_end_splitlines_knows_stays_out_of_the_body(end: str) -> None:
    # a "\x1e" left in the body went with the sentence a template line replaced: two lines ran
    # into one ("Just tell me what you'd like0")
    assert [(body, newline) for _, body, newline in split_lines(f"CLICK <{end}0")] == [
        ("CLICK <", end),
        ("0", ""),
    ]
