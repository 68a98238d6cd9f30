"""Property tests: perturbed versions of the documented bodies (`fixtures/api/*.json`) are
either parsed into a usable model or refused with a clean `APIError`, never a traceback.

Perturbations are what the sources allow or leave open: a field removed, set to null or empty,
retyped (a number as text, text as a number, an object where text was), or any JSON value in its
place, plus unknown extra fields. The hypothesis profile in tests/conftest.py has no deadline.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from agent.envelope import envelope_error, unwrap
from agent.errors import APIError, error_from_response
from agent.models import (
    AnonymousToken,
    ClaimToken,
    Credits,
    ProjectState,
    RenderJob,
    SessionInfo,
    UploadResult,
    parse_model,
)
from agent.sse import EventParser
from agent.timeline import diff_timelines, parse_timeline
from tests.conftest import FIXTURES

_DROP = object()
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["", "0", "1.5", "2026-03-18T00:00:00Z", "1773423613616", "null", "SUCCESS"])
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _retyped(value: Any) -> st.SearchStrategy[Any]:
    """The same value in another type the sources do not rule out."""
    if isinstance(value, bool):
        return st.sampled_from([str(value).lower(), int(value)])
    if isinstance(value, int | float):
        return st.sampled_from([str(value), float(value), {"value": value}])
    if isinstance(value, str):
        digits = [int(value)] if value.isdigit() else []
        return st.sampled_from([*digits, {"message": value}, [value], value.upper(), " " + value])
    return st.just(value)


def perturbed(value: Any) -> st.SearchStrategy[Any]:
    """`value`, with any part of it kept, dropped, nulled, retyped or replaced."""
    if isinstance(value, dict):
        members = {k: st.one_of(perturbed(v), st.just(_DROP)) for k, v in value.items()}
        extra = st.dictionaries(st.text(min_size=1, max_size=6), _JSON, max_size=2)
        inner = st.builds(
            lambda kept, more: {**more, **{k: v for k, v in kept.items() if v is not _DROP}},
            st.fixed_dictionaries(members),
            extra,
        )
        return st.one_of(inner, inner, st.just(None), _JSON)
    if isinstance(value, list):
        items = st.lists(st.one_of(*(perturbed(v) for v in value)), max_size=3) if value else _JSON
        return st.one_of(items, st.just(None), _JSON)
    return st.one_of(st.just(value), st.just(None), _retyped(value), _JSON)


_CODE_MODELS: dict[str, type[BaseModel]] = {
    "anonymous-token": AnonymousToken,
    "anonymous-token-2": AnonymousToken,
    "anonymous-token-short": AnonymousToken,
    "session": SessionInfo,
    "session-2": SessionInfo,
    "claim-token": ClaimToken,
    "credits": Credits,
    "state": ProjectState,
    "state-empty": ProjectState,
    "upload-files": UploadResult,
    "upload-uploaded-files": UploadResult,
}
_RENDER = sorted(p.stem for p in (FIXTURES / "api").glob("render-*.json"))
_ERRORS = sorted(p.stem for p in (FIXTURES / "api").glob("error-*.json"))


def _body(name: str) -> Any:
    return json.loads(Path(FIXTURES / "api" / f"{name}.json").read_text(encoding="utf-8"))


def _check(model: BaseModel) -> None:
    """What the code inside relies on once a body was accepted."""
    if isinstance(model, ProjectState):
        assert isinstance(model.state.draft, dict)
        assert isinstance(model.state.video_infos, list)
        assert isinstance(model.state.canvas_config, dict)
        assert isinstance(model.exportable, bool)
        timeline = parse_timeline(model.state.draft)  # what the state and diff replies show
        assert list(diff_timelines(timeline, timeline)) == []
    if isinstance(model, Credits):
        assert math.isfinite(model.available)
        assert math.isfinite(model.total_credits)
    if isinstance(model, SessionInfo):
        assert model.session_id
        assert isinstance(model.session_id, str)
    if isinstance(model, AnonymousToken):
        assert isinstance(model.token, str)
        assert model.expires_at is None or model.expires_at.tzinfo is not None
    if isinstance(model, UploadResult):
        assert all(f.url is None or isinstance(f.url, str) for f in model.files)


def _parsed(name: str, body: Any) -> BaseModel | APIError:
    """What the client does with a 200 body: envelope check, then the model."""
    try:
        error = envelope_error(200, body, endpoint=f"/{name}")
        if error is not None:
            return error
        return parse_model(_CODE_MODELS[name], unwrap(body), f"GET /{name}")
    except APIError as exc:
        return exc


def _job(body: Any) -> RenderJob | APIError:
    try:
        return RenderJob.from_body(body, "GET /api/render/proxy/lambda/x")
    except APIError as exc:
        return exc


@pytest.mark.parametrize("name", sorted(_CODE_MODELS))
@given(data=st.data())
def test_a_perturbed_code_envelope_body_is_parsed_or_a_clean_api_error(
    name: str, data: st.DataObject
) -> None:
    body = data.draw(perturbed(_body(name)))
    outcome = _parsed(name, body)
    if isinstance(outcome, APIError):
        assert outcome.message
    else:
        _check(outcome)


@pytest.mark.parametrize("name", _RENDER)
@given(data=st.data())
def test_a_perturbed_render_body_is_a_job_or_a_clean_api_error(
    name: str, data: st.DataObject
) -> None:
    body = data.draw(perturbed(_body(name)))
    job = _job(body)
    if isinstance(job, APIError):
        assert "/api/render/proxy/lambda/x" in job.message
        return
    assert job.status in ("pending", "processing", "completed", "failed", "unknown")
    assert job.url is None or isinstance(job.url, str)
    assert job.error is None or isinstance(job.error, str)
    assert not job.ready or job.status == "completed"


@pytest.mark.parametrize("name", _ERRORS)
@given(data=st.data(), status=st.sampled_from([200, 400, 401, 402, 403, 404, 409, 422, 429, 500]))
def test_a_perturbed_error_body_always_maps_to_an_api_error(
    name: str, data: st.DataObject, status: int
) -> None:
    body = data.draw(perturbed(_body(name)))
    error = error_from_response(status, body, endpoint="/run_sse")
    assert isinstance(error, APIError)
    assert error.message


@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda t: f"data: {t}\n\n".encode()))
def test_any_bytes_on_the_event_stream_are_events_or_nothing(chunk: bytes) -> None:
    parser = EventParser()
    events = parser.feed(chunk)
    parser.close()
    assert isinstance(events, list)
