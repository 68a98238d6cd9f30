"""Loose wire scalars are normalised once (agent.scalars) and render statuses read by meaning."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agent import scalars
from agent.models import AnonymousToken, Credits, ProjectState, SessionInfo, status_meaning


def test_ids_are_text_whatever_type_carries_them() -> None:
    assert scalars.optional_text(5529798706024415232) == "5529798706024415232"
    assert scalars.optional_text(12.0) == "12"
    assert scalars.optional_text("") is None
    assert scalars.optional_text(None) is None
    with pytest.raises(ValueError, match="boolean"):
        scalars.optional_text(True)
    with pytest.raises(ValueError, match="dict"):
        scalars.optional_text({"id": 1})


def test_numbers_accept_text_and_keep_fractions() -> None:
    assert scalars.number("99.5") == 99.5
    assert scalars.number(100.0) == 100
    assert isinstance(scalars.number(100.0), int)
    assert scalars.optional_number("n/a") is None
    assert scalars.optional_number(float("nan")) is None
    with pytest.raises(ValueError, match="number"):
        scalars.number(None)


def test_dates_read_iso_text_epoch_seconds_and_milliseconds() -> None:
    moment = datetime(2026, 3, 18, tzinfo=UTC)
    assert scalars.timestamp("2026-03-18T00:00:00Z") == moment
    assert scalars.timestamp("2026-03-18T00:00:00") == moment  # naive means UTC
    assert scalars.timestamp(moment.timestamp()) == moment
    assert scalars.timestamp(moment.timestamp() * 1000) == moment
    assert scalars.timestamp(str(int(moment.timestamp() * 1000))) == moment
    assert scalars.timestamp("") is None
    assert scalars.timestamp("next tuesday") is None
    assert scalars.epoch_ms("2026-03-18T00:00:00Z") == moment.timestamp() * 1000


def test_error_text_takes_the_message_of_an_error_object() -> None:
    assert scalars.error_text({"code": 5001, "message": "codec crashed"}) == "codec crashed"
    assert scalars.error_text("boom") == "boom"
    assert scalars.error_text({"code": 7}) == '{"code": 7}'
    assert scalars.error_text(None) is None


def test_state_containers_of_the_wrong_type_are_empty_and_a_json_draft_is_decoded() -> None:
    assert scalars.as_draft('{"t": []}') == {"t": []}
    assert scalars.as_draft("<draft/>") == {}
    assert scalars.as_list({"a.jpg": {"cdn_url": "u"}}) == [{"filename": "a.jpg", "cdn_url": "u"}]
    assert scalars.as_list(None) == []
    assert scalars.as_dict([1]) == {}


def test_models_accept_the_cloud_shapes_of_r1_and_r9() -> None:
    token = AnonymousToken.model_validate(
        {"token": "nmv_usr_FAKE", "expires_at": "", "credits": 99.5}
    )
    assert (token.expires_at, token.credits) == (None, 99.5)
    session = SessionInfo.model_validate({"task_id": 7, "session_id": 5529798706024415232})
    assert (session.task_id, session.session_id) == ("7", "5529798706024415232")
    credits = Credits.model_validate({"available": "99.5", "frozen": None})
    assert credits.total_credits == 99.5
    state = ProjectState.model_validate({"state": None})
    assert (state.state.draft, state.exportable) == ({}, False)


@pytest.mark.parametrize(
    ("raw", "meaning"),
    [
        ("completed", "completed"),
        ("SUCCESS", "completed"),
        ("done", "completed"),
        ("Cancelled", "failed"),
        ("error", "failed"),
        ("queued", "pending"),
        ("in-progress", "processing"),
        (None, "pending"),
        ("awaiting_moderation", "unknown"),
    ],
)
def test_render_status_by_meaning(raw: str | None, meaning: str) -> None:
    assert status_meaning(raw) == meaning
