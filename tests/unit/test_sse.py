"""SSE decoder and classifier: every transcript, split at any chunk size, gives the same events."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.errors import APIError, StreamError
from agent.models import (
    ErrorEvent,
    HeartbeatEvent,
    SseEvent,
    TextEvent,
    ToolCallEvent,
    ToolResultEvent,
)
from agent.sse import (
    EventParser,
    RawEvent,
    SseDecoder,
    check_content_type,
    classify,
    is_temporary_issue,
)

HB = HeartbeatEvent()
GENERATE_TEXT = (
    "Your 10-second city skyline clip is ready with lo-fi music at 35%. "
    "Preview it in the timeline, or click Export to save the MP4."
)
GEN_CALL = ToolCallEvent(
    "adk-0b1f",
    "generate_video_with_seedance",
    {"prompt": "city skyline at night, slow pan", "duration": 10},
)
GEN_RESULT = ToolResultEvent("adk-0b1f", "generate_video_with_seedance", {"status": "success"})
ZH_FINAL = "城市夜景视频已生成（10秒，竖屏）。可以在时间线中预览，或点击导出按钮下载。"

EXPECTED: dict[str, tuple[list[SseEvent], bool]] = {
    "adk-generate.txt": (
        [
            GEN_CALL,
            GEN_RESULT,
            ToolCallEvent(
                "adk-77aa", "edit_multitrack", {"op": "add_bgm", "style": "lo-fi", "volume": 35}
            ),
            ToolResultEvent("adk-77aa", "edit_multitrack", {"status": "success"}),
            TextEvent(GENERATE_TEXT),
        ],
        False,
    ),
    "silent-edit.txt": (
        [
            ToolCallEvent(
                "adk-t1", "edit_multitrack", {"op": "add_title", "text": "Harbor Lights"}
            ),
            ToolResultEvent("adk-t1", "edit_multitrack", {"status": "success"}),
        ],
        False,
    ),
    "adk-streaming-zh.txt": (
        [
            TextEvent("城市夜景视频", partial=True),
            TextEvent("已生成（10秒，竖屏）。", partial=True),
            TextEvent("可以在时间线中预览，或点击导出按钮下载。", partial=True),
            TextEvent(ZH_FINAL),
        ],
        False,
    ),
    "adk-error.txt": (
        [
            TextEvent("Let me look at your footage first."),
            ErrorEvent("RuntimeError: render backend unavailable"),
        ],
        False,
    ),
    "form-b.txt": (
        [
            TextEvent("I'll generate your video now..."),
            ToolCallEvent(
                "", "generate_video_with_seedance", {"prompt": "harbor at dusk", "duration": 5}
            ),
            HB,
            ToolResultEvent("", "generate_video_with_seedance", {"status": "success"}),
            TextEvent("✅ 视频已生成,5 秒。"),
            ErrorEvent("quota exceeded"),
        ],
        False,
    ),
    "heartbeats-crlf.txt": ([HB, HB, HB, HB, HB, HB, TextEvent("still here")], False),
    "cr-multiline.txt": (
        [TextEvent("multi"), ErrorEvent("session store unavailable")],
        False,
    ),
    "model-error.txt": (
        [TextEvent("Line one\u2028still one"), ErrorEvent("MALFORMED_FUNCTION_CALL: bad call")],
        False,
    ),
    "truncated.txt": ([GEN_CALL], True),
}


def _decode(data: bytes, size: int) -> tuple[list[SseEvent], bool]:
    parser = EventParser()
    events: list[SseEvent] = []
    for start in range(0, len(data), size):
        events.extend(parser.feed(data[start : start + size]))
    return events, parser.close()


def test_every_transcript_has_an_expectation(fixtures_dir: Path) -> None:
    names = {p.name for p in (fixtures_dir / "sse").glob("*.txt")}
    assert names == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_transcript_decodes_to_the_same_events_at_every_chunk_size(
    name: str, fixtures_dir: Path
) -> None:
    data = (fixtures_dir / "sse" / name).read_bytes()
    expected = EXPECTED[name]
    for size in range(1, len(data) + 1):
        assert _decode(data, size) == expected, f"chunk size {size}"


def test_crlf_split_between_cr_and_lf_is_one_line_end() -> None:
    decoder = SseDecoder()
    assert decoder.feed(b"data: a\r") == []
    assert decoder.feed(b"\ndata: b\r") == []
    assert decoder.feed(b"\n\r") == [RawEvent("a\nb")]
    assert decoder.feed(b"\n") == []
    assert decoder.close() is False


def test_field_lines_follow_the_spec_with_or_without_a_space_after_the_colon() -> None:
    decoder = SseDecoder()
    body = b"data:a\ndata\ndata:  b\nevent:error\nid: 7\n: note\n\nevent\ndata: c\n\n"
    assert decoder.feed(body) == [
        RawEvent("", "comment", comment=True),
        RawEvent("a\n\n b", "error"),
        RawEvent("c"),
    ]
    assert decoder.close() is False


def test_json_followed_by_more_text_is_not_json() -> None:
    assert classify(RawEvent('{"type":"heartbeat"} {"type":"text","content":"x"}')) == []
    assert classify(RawEvent('  {"type":"text","content":"x"}\t')) == [TextEvent("x")]


def test_multibyte_character_split_across_chunks_is_decoded_whole() -> None:
    payload = 'data: {"type":"text","content":"导出"}\n\n'.encode()
    decoder = EventParser()
    events = [e for i in range(len(payload)) for e in decoder.feed(payload[i : i + 1])]
    assert events == [TextEvent("导出")]


def test_thought_parts_are_never_shown() -> None:
    raw = RawEvent('{"content":{"parts":[{"text":"secret plan","thought":true},{"text":"Hi"}]}}')
    assert classify(raw) == [TextEvent("Hi")]


def test_every_heartbeat_form_is_a_heartbeat() -> None:
    forms = [
        RawEvent("", "comment", comment=True),
        RawEvent("anything", "heartbeat"),
        RawEvent(""),
        RawEvent("  \t "),
        RawEvent('{"type":"heartbeat"}'),
        RawEvent('{"type":"heartbeat","ts":12}'),
    ]
    assert [classify(raw) for raw in forms] == [[HB]] * len(forms)


def test_error_forms_become_error_events() -> None:
    assert classify(RawEvent('{"error":{"message":"boom"}}')) == [ErrorEvent("boom")]
    assert classify(RawEvent('{"errorMessage":"blocked"}')) == [ErrorEvent("blocked")]
    assert classify(RawEvent("plain failure", "error")) == [ErrorEvent("plain failure")]
    system_text = '{"author":"system","content":{"parts":[{"text":"Error: x failed"}]}}'
    assert classify(RawEvent(system_text)) == [ErrorEvent("x failed")]


def test_a_normal_author_saying_error_is_text() -> None:
    raw = RawEvent('{"author":"nemo_agent","content":{"parts":[{"text":"Error: none"}]}}')
    assert classify(raw) == [TextEvent("Error: none")]


def test_unknown_payloads_yield_nothing() -> None:
    assert classify(RawEvent('{"type":"usage","tokens":3}')) == []
    assert classify(RawEvent('"just a string"')) == []
    assert classify(RawEvent('{"actions":{"stateDelta":{}}}')) == []


def test_event_stream_content_type_is_required_and_its_absence_is_not_a_stream_error() -> None:
    check_content_type("text/event-stream; charset=utf-8")
    for content_type in ("application/json", "text/html; charset=utf-8", None):
        with pytest.raises(APIError) as caught:
            check_content_type(content_type)
        assert not isinstance(caught.value, StreamError)
        assert "NEMO_API_URL" in caught.value.message


def test_trailing_temporary_issue_text_is_recognised() -> None:
    assert is_temporary_issue("Sorry, I encountered a temporary issue. Please retry.")
    assert not is_temporary_issue("Your video is ready.")
