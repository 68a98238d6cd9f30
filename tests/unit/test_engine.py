"""Pure parts of the turn engine: follow-up merging, recovery schedule, stream folding."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from agent.engine import TurnResult, merge_followups, session_language
from agent.errors import ServerError
from agent.handlers.base import ErrorInfo, human_duration, human_size
from agent.handlers.stream import (
    RECOVERY_DELAYS,
    Question,
    StreamReader,
    parse_question,
    recover,
    state_changed,
    tool_status,
)
from agent.models import (
    ErrorEvent,
    HeartbeatEvent,
    ProjectState,
    TextEvent,
    ToolCallEvent,
    ToolResultEvent,
)
from agent.progress import Notifier, RecordingProgress
from agent.templates import Templates


@dataclass(frozen=True)
class _Translation:
    text: str
    actions: tuple[str, ...] = ()


def _scripted_translate(rules: dict[str, tuple[str, tuple[str, ...]]]) -> Any:
    """A translator that rewrites the given texts and passes everything else through."""

    def translate(text: str) -> _Translation:
        out, actions = rules.get(text, (text, ()))
        return _Translation(out, actions)

    return translate


@dataclass
class FakeClock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class RecordingSleep:
    calls: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def _state(draft: dict[str, Any] | None = None, infos: int = 0) -> ProjectState:
    return ProjectState.model_validate(
        {"state": {"draft": draft or {}, "video_infos": [{"filename": "a.jpg"}] * infos}}
    )


def _reader(
    lang: str = "en", translate: Any = None, clock: FakeClock | None = None
) -> tuple[StreamReader, RecordingProgress]:
    progress = RecordingProgress()
    notify = Notifier(progress, Templates(), lang)  # type: ignore[arg-type]
    reader = StreamReader(notify, translate or _scripted_translate({}), clock or FakeClock())
    return reader, progress


# -- follow-up merging ---------------------------------------------------------------------


def test_an_explicit_export_plus_a_translator_export_is_one_export() -> None:
    assert merge_followups(["export"], ["state", "export"], ["sse"], allow_export=True) == (
        ["export", "state"],
        False,
    )


def test_translator_export_is_appended_when_auto_export_is_on() -> None:
    assert merge_followups([], ["export"], ["upload", "sse"], allow_export=True) == (
        ["export"],
        False,
    )


def test_translator_export_with_auto_export_off_is_dropped_and_flagged_for_a_hint() -> None:
    assert merge_followups([], ["state", "export"], ["sse"], allow_export=False) == (
        ["state"],
        True,
    )


def test_followups_never_repeat_an_action_already_done_this_turn() -> None:
    assert merge_followups([], ["state", "credits"], ["state"], allow_export=True) == (
        ["credits"],
        False,
    )


def test_sse_and_upload_hints_from_the_translator_are_not_run_as_followups() -> None:
    assert merge_followups([], ["sse", "upload"], ["sse"], allow_export=True) == ([], False)


def test_followups_keep_the_translators_order_after_the_remaining_plan() -> None:
    assert merge_followups(["credits"], ["export", "state"], ["sse"], allow_export=True) == (
        ["credits", "export", "state"],
        False,
    )


# -- disconnect recovery ---------------------------------------------------------------------


async def test_recovery_waits_30s_then_60s_and_gives_up_after_five_unchanged_reads() -> None:
    sleep = RecordingSleep()
    reads: list[int] = []
    before = _state({"t": []})

    async def read() -> ProjectState:
        reads.append(1)
        return _state({"t": []})

    assert await recover(read, before, sleep) is None
    assert sleep.calls == [30.0, 60.0, 60.0, 60.0, 60.0]
    assert sleep.calls == list(RECOVERY_DELAYS)
    assert len(reads) == 5


async def test_recovery_returns_the_first_changed_state_and_stops_polling() -> None:
    sleep = RecordingSleep()
    before = _state({})
    changed = _state({"t": [{"tt": 0, "sg": [{"s": 0, "d": 5000, "n": "harbor.jpg"}]}]})
    answers = iter([_state({}), _state({}), changed, changed])
    attempts: list[tuple[int, int]] = []

    async def read() -> ProjectState:
        return next(answers)

    got = await recover(read, before, sleep, on_attempt=lambda n, t: attempts.append((n, t)))
    assert got == changed
    assert sleep.calls == [30.0, 60.0, 60.0]
    assert attempts == [(1, 5), (2, 5), (3, 5)]


def test_a_new_upload_or_a_different_draft_counts_as_a_change() -> None:
    assert state_changed(_state({}), _state({}, infos=1))
    assert state_changed(_state({"d": 1}), _state({"d": 2}))
    assert not state_changed(_state({"d": 1, "m": {}}), _state({"m": {}, "d": 1}))


# -- stream folding ------------------------------------------------------------------------


def test_ask_question_is_relayed_with_its_options() -> None:
    reader, _ = _reader()
    args = {
        "questions": [
            {
                "id": "q1",
                "prompt": "Which photo should I animate?",
                "options": [
                    {"id": "a", "label": "harbor.jpg"},
                    {"id": "b", "label": "portrait.png"},
                ],
                "allow_multiple": False,
            }
        ]
    }
    reader.feed(ToolCallEvent("adk-1", "ask_question", args))
    assert reader.question == Question(
        "Which photo should I animate?", ("harbor.jpg", "portrait.png"), call_id="adk-1"
    )
    assert reader.texts == []


def test_text_after_an_ask_question_replaces_the_question() -> None:
    reader, _ = _reader()
    reader.feed(ToolCallEvent("adk-1", "ask_question", {"question": "Which one?"}))
    reader.feed(TextEvent("I picked the first photo."))
    assert reader.question is None
    assert reader.texts == ["I picked the first photo."]


def test_parse_question_accepts_plain_question_and_string_options() -> None:
    assert parse_question({"question": "Title text?", "options": ["A", "B"]}) == Question(
        "Title text?", ("A", "B")
    )


def test_tool_calls_are_hidden_but_say_what_is_happening_once() -> None:
    reader, progress = _reader()
    reader.feed(ToolCallEvent("adk-1", "generate_video_from_images", {"prompt": "x"}))
    reader.feed(HeartbeatEvent())
    reader.feed(ToolResultEvent("adk-1", "generate_video_from_images", {"status": "success"}))
    reader.feed(ToolCallEvent("adk-2", "generate_video_from_images", {}))
    assert progress.events == [("status", "Generating video — this can take 2-5 minutes")]
    assert reader.generated
    assert reader.texts == []


def test_partial_chunks_are_not_shown_only_the_aggregate_text_is() -> None:
    reader, progress = _reader()
    reader.feed(TextEvent("Your clip", partial=True))
    reader.feed(TextEvent("Your clip is ready.", partial=False))
    assert reader.texts == ["Your clip is ready."]
    assert progress.events == [("stream", "Your clip is ready.")]


def test_every_text_passes_through_the_translator_and_its_actions_become_followups() -> None:
    translate = _scripted_translate(
        {"Done! Click Export to save it.": ("Done!", ("export",)), "Preview it.": ("", ("state",))}
    )
    reader, _ = _reader(translate=translate)
    reader.feed(TextEvent("Done! Click Export to save it."))
    reader.feed(TextEvent("Preview it."))
    assert reader.texts == ["Done!"]
    assert reader.actions == ["export", "state"]


def test_a_trailing_temporary_issue_after_normal_output_is_ignored() -> None:
    reader, _ = _reader()
    reader.feed(TextEvent("Title added."))
    reader.feed(TextEvent("I encountered a temporary issue. Please try again."))
    reader.feed(ErrorEvent("temporary issue"))
    assert reader.texts == ["Title added."]


def test_an_error_before_any_output_fails_the_run() -> None:
    reader, _ = _reader()
    with pytest.raises(ServerError, match="quota exceeded"):
        reader.feed(ErrorEvent("quota exceeded"))


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("en", "⏳ Still working... (2 min)", "⏳ Still working... (4 min)"),
        ("zh", "⏳ 仍在处理中...（已 2 分钟）", "⏳ 仍在处理中...（已 4 分钟）"),
    ],
)
def test_heartbeats_say_still_working_every_two_minutes_in_the_users_language(
    lang: str, first: str, second: str
) -> None:
    clock = FakeClock()
    reader, progress = _reader(lang, clock=clock)
    for seconds in (15, 60, 119, 121, 150, 239, 241):
        clock.now = 1000.0 + seconds
        reader.feed(HeartbeatEvent())
    assert progress.events == [("status", first), ("status", second)]


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("generate_video_with_seedance", "generating"),
        ("add_background_music", "music"),
        ("edit_multitrack", "editing"),
        ("understand_video", "working"),
    ],
)
def test_tool_names_map_to_status_messages(name: str, status: str) -> None:
    assert tool_status(name) == status


# -- results ---------------------------------------------------------------------------------


def test_sessions_are_created_in_the_users_language() -> None:
    assert session_language("zh") == "zh-CN"
    assert session_language("en") == "en"


def test_turn_result_json_has_the_documented_shape() -> None:
    result = TurnResult(
        reply="x",
        language="zh",
        actions=("credits",),
        session_id="55",
        error=ErrorInfo(2001, "no credits"),
    )
    assert result.as_json() == {
        "status": "error",
        "reply": "x",
        "language": "zh",
        "actions": ["credits"],
        "files": [],
        "file_info": [],
        "links": [],
        "previews": [],
        "session_id": "55",
        "error": {"code": 2001, "message": "no credits"},
        "skill": None,
    }


@pytest.mark.parametrize(
    ("size", "text"),
    [(96, "96 B"), (22_733, "22.2 KB"), (1024 * 1024, "1 MB"), (3 * 1024**3, "3.0 GB")],
)
def test_sizes_are_shown_for_people(size: int, text: str) -> None:
    assert human_size(size) == text


@pytest.mark.parametrize(("seconds", "text"), [(5.0, "5"), (2.5, "2.5"), (65.0, "65"), (4.96, "5")])
def test_durations_are_shown_for_people(seconds: float, text: str) -> None:
    assert human_duration(seconds) == text
