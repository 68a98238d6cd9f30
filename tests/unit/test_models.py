"""Wire models: tolerant parsing, alias handling, both render shapes, secrets out of repr."""

from __future__ import annotations

from datetime import UTC, datetime

from agent.client import unwrap
from agent.models import (
    AnonymousToken,
    ClaimToken,
    Credits,
    ProjectState,
    RenderJob,
    SessionInfo,
    UploadedFile,
    UploadResult,
)
from tests.fakes import api_json


def test_anonymous_token_parses_and_hides_the_token_from_repr() -> None:
    token = AnonymousToken.model_validate(unwrap(api_json("anonymous-token")))
    assert token == AnonymousToken(
        token="nmv_usr_FAKE_anon0",
        user_id="anon_abc123def4567890",
        expires_at=datetime(2026, 12, 1, tzinfo=UTC),
        credits=100,
    )
    assert "nmv_usr_" not in repr(token)
    assert "nmv_usr_" not in str(token)


def test_abbreviated_anonymous_token_leaves_optional_fields_empty() -> None:
    token = AnonymousToken.model_validate(unwrap(api_json("anonymous-token-short")))
    assert (token.user_id, token.expires_at, token.credits) == (None, None, 100)


def test_claim_token_hides_the_claim_from_repr() -> None:
    claim = ClaimToken.model_validate(unwrap(api_json("claim-token")))
    assert claim == ClaimToken(claim_token="clm_fixture42", expires_in=604800)
    assert "clm_" not in repr(claim)


def test_session_ignores_unknown_fields_and_the_message_key() -> None:
    info = SessionInfo.model_validate(unwrap(api_json("session-2")))
    assert info == SessionInfo(
        task_id="task_8b41", session_id="5529798706024419999", user_id="anon_abc123def4567890"
    )


def test_upload_reads_files_with_cdn_url() -> None:
    result = UploadResult.model_validate(unwrap(api_json("upload-files")))
    assert result == UploadResult(
        files=(
            UploadedFile(
                filename="harbor.jpg",
                file_type="image",
                url="https://cdn.example.com/u/harbor.jpg",
                width=1600,
                height=1066,
            ),
            UploadedFile(
                filename="tone.wav",
                file_type="audio",
                url="https://cdn.example.com/u/tone.wav",
                duration=2.0,
            ),
        ),
        session_state_applied=True,
    )


def test_upload_reads_uploaded_files_with_url() -> None:
    result = UploadResult.model_validate(unwrap(api_json("upload-uploaded-files")))
    assert result == UploadResult(
        files=(
            UploadedFile(
                filename="clip.mp4",
                url="https://cdn.example.com/u/clip.mp4",
                duration=30.5,
                width=1920,
                height=1080,
            ),
        )
    )


def test_credits_parse() -> None:
    assert Credits.model_validate(unwrap(api_json("credits"))) == Credits(
        available=25000, frozen=40, total=25040
    )


def test_state_exposes_draft_and_exportability() -> None:
    state = ProjectState.model_validate(unwrap(api_json("state")))
    assert state.task_name == "project"
    assert state.user_id == "anon_abc123def4567890"
    assert state.state.draft["m"]["title"] == "Harbor Lights"
    assert state.state.canvas_config == {"width": 1920, "height": 1080}
    assert state.exportable is True


def test_empty_state_is_not_exportable() -> None:
    state = ProjectState.model_validate(unwrap(api_json("state-empty")))
    assert (state.state.video_infos, state.state.draft, state.exportable) == ([], {}, False)


def test_render_shape_a_is_read_from_data() -> None:
    assert RenderJob.from_body(api_json("render-a-completed")) == RenderJob(
        id="render_1773423613616",
        status="completed",
        raw_status="completed",
        progress=100,
        url="https://static1.nemovideo.ai/render-result/render_1773423613616.mp4",
        created_at=1773423613616,
        completed_at=1773423641222,
    )


def test_render_shape_b_is_read_from_the_top_level() -> None:
    assert RenderJob.from_body(api_json("render-b-completed")) == RenderJob(
        id="render_1773423613616",
        status="completed",
        raw_status="completed",
        progress=100,
        url="https://static1.nemovideo.ai/render-result/output.mp4",
        duration=30.5,
        size=15728640,
    )


def test_render_with_both_shapes_prefers_data_output_url() -> None:
    job = RenderJob.from_body(api_json("render-compat-completed"))
    assert (job.status, job.url) == (
        "completed",
        "https://static1.nemovideo.ai/render-result/a.mp4",
    )


def test_failed_render_carries_the_reason() -> None:
    job = RenderJob.from_body(api_json("render-failed"))
    assert (job.status, job.progress, job.error) == ("failed", 40, "lambda worker crashed")


def test_render_statuses_are_read_by_meaning_and_the_rest_is_unknown() -> None:
    assert RenderJob.from_body({"status": "queued"}).status == "pending"
    assert RenderJob.from_body({"status": "Rendering"}).status == "processing"
    assert RenderJob.from_body({"status": "SUCCESS"}).status == "completed"
    cancelled = RenderJob.from_body({"data": {"status": "cancelled"}})
    assert (cancelled.status, cancelled.error) == ("failed", "cancelled")
    odd = RenderJob.from_body({"status": "awaiting_moderation"})
    assert (odd.status, odd.raw_status) == ("unknown", "awaiting_moderation")
    assert RenderJob.from_body(None) == RenderJob()


def test_unwrap_handles_each_envelope() -> None:
    assert unwrap({"code": 0, "data": {"a": 1}}) == {"a": 1}
    assert unwrap({"success": True, "data": {"b": 2}}) == {"b": 2}
    assert unwrap({"success": True, "id": "x"}) == {"success": True, "id": "x"}
    assert unwrap({"taskId": "r"}) == {"taskId": "r"}


def test_the_credit_total_is_the_reported_one_else_available_plus_frozen() -> None:
    assert Credits.model_validate({"available": 3, "frozen": 2}).total_credits == 5
    assert Credits.model_validate({"available": 3, "frozen": 2, "total": 9}).total_credits == 9
