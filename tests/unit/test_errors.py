"""The exception tree and `error_from_response` (agent.errors)."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

import agent
from agent import errors
from agent.errors import (
    AgentError,
    APIError,
    BadRequestError,
    ExportBlockedError,
    FileTooLargeError,
    InsufficientCreditsError,
    InvalidTokenError,
    JobFailedError,
    NotFoundError,
    RateLimitError,
    ServerError,
    SessionNotFoundError,
    UnsupportedFileError,
    error_from_response,
)


def _fields(exc: APIError) -> tuple[type[APIError], str, int | None, int | None]:
    return type(exc), exc.message, exc.code, exc.status_code


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        (1001, InvalidTokenError),
        (1010, InvalidTokenError),
        (1011, InvalidTokenError),
        (1002, SessionNotFoundError),
        (2001, InsufficientCreditsError),
        (4001, UnsupportedFileError),
        (4002, FileTooLargeError),
    ],
)
def test_each_body_code_maps_to_its_error(code: int, cls: type[APIError]) -> None:
    body = {"code": code, "message": "nope"}
    assert _fields(error_from_response(200, body)) == (cls, "nope", code, 200)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, InvalidTokenError),
        (402, ExportBlockedError),
        (404, NotFoundError),
        (422, BadRequestError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (418, APIError),
    ],
)
def test_each_http_status_maps_to_its_error_when_the_body_has_no_code(
    status: int, cls: type[APIError]
) -> None:
    assert _fields(error_from_response(status, None)) == (cls, f"HTTP {status}", None, status)


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (402, 2001, InsufficientCreditsError),  # never show 2001 as the export block
        (404, 1002, SessionNotFoundError),
        (401, 1001, InvalidTokenError),
        (500, 4002, FileTooLargeError),
        (429, 2001, InsufficientCreditsError),
    ],
)
def test_body_code_wins_over_http_status(status: int, code: int, cls: type[APIError]) -> None:
    assert type(error_from_response(status, {"code": code})) is cls


@pytest.mark.parametrize(("status", "cls"), [(402, ExportBlockedError), (500, ServerError)])
def test_code_zero_is_success_so_the_status_decides(status: int, cls: type[APIError]) -> None:
    error = error_from_response(status, {"code": 0, "data": {}})
    assert (type(error), error.code) == (cls, 0)


def test_a_numeric_string_code_is_read_as_a_code() -> None:
    assert type(error_from_response(200, {"code": "2001"})) is InsufficientCreditsError


@pytest.mark.parametrize("code", [True, "abc", None, 1.5, -1, 9999])
def test_unusable_or_unknown_codes_fall_back_to_the_status(code: Any) -> None:
    assert type(error_from_response(404, {"code": code})) is NotFoundError


def test_fastapi_session_not_found_is_a_session_error() -> None:
    error = error_from_response(404, {"detail": "Session not found"})
    assert _fields(error) == (SessionNotFoundError, "Session not found", None, 404)


def test_fastapi_plain_detail_is_the_message() -> None:
    assert _fields(error_from_response(404, {"detail": "Not Found"})) == (
        NotFoundError,
        "Not Found",
        None,
        404,
    )


def test_fastapi_validation_detail_names_the_field() -> None:
    body = {
        "detail": [
            {"type": "missing", "loc": ["body", "user_id"], "msg": "Field required", "input": {}}
        ]
    }
    error = error_from_response(422, body)
    assert _fields(error) == (BadRequestError, "Field required: body.user_id", None, 422)
    assert error.body == body


def test_validation_detail_without_a_location_is_just_the_message() -> None:
    assert error_from_response(422, {"detail": [{"msg": "bad"}]}).message == "bad"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"message": "m", "error": "e"}, "m"),
        ({"error": "free plan export blocked"}, "free plan export blocked"),
        ({"msg": "x"}, "x"),
        ({"success": False, "error": ""}, "HTTP 500"),
        ({"detail": []}, "HTTP 500"),
        ({"detail": [{"loc": ["a"]}]}, "HTTP 500"),
        (["not", "a", "dict"], "HTTP 500"),
        ("<html>Bad Gateway</html>", "HTTP 500"),
    ],
)
def test_the_message_comes_from_the_body_else_the_status(body: Any, message: str) -> None:
    assert error_from_response(500, body).message == message


def test_retry_after_is_carried_on_rate_limits() -> None:
    error = error_from_response(429, {"code": 429, "message": "slow down"}, retry_after=30.0)
    assert isinstance(error, RateLimitError)
    assert (error.retry_after, error.status_code, error.message) == (30.0, 429, "slow down")


def test_rate_limit_without_retry_after_has_none() -> None:
    error = error_from_response(429, None)
    assert isinstance(error, RateLimitError)
    assert error.retry_after is None


def test_api_error_repr_shows_code_and_status_but_not_the_body() -> None:
    error = InvalidTokenError("bad token", code=1001, status_code=401, body={"token": "nmv_usr_x"})
    assert repr(error) == "InvalidTokenError('bad token', code=1001, status_code=401)"


def test_job_failed_error_carries_job_id_and_reason() -> None:
    error = JobFailedError("render failed", job_id="render_1", reason="encoder crashed")
    assert (error.message, error.job_id, error.reason, str(error)) == (
        "render failed",
        "render_1",
        "encoder crashed",
        "render failed",
    )


def test_every_error_class_has_its_own_docstring_and_descends_from_agent_error() -> None:
    classes = [
        getattr(errors, name) for name in errors.__all__ if inspect.isclass(getattr(errors, name))
    ]
    assert len(classes) == 24
    for cls in classes:
        assert issubclass(cls, AgentError)
        assert (cls.__dict__.get("__doc__") or "").strip(), cls.__name__


def test_errors_module_exports_exactly_its_public_names() -> None:
    public = {
        name
        for name, value in vars(errors).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == "agent.errors"
    }
    assert set(errors.__all__) == public
    assert "error_from_response" in errors.__all__


def test_package_exports_the_error_roots_and_version() -> None:
    assert sorted(agent.__all__) == [
        "APIError",
        "AgentError",
        "AuthError",
        "ConfigError",
        "DISTRIBUTION",
        "JobFailedError",
        "RenderError",
        "StreamError",
        "TransportError",
        "UserInputError",
        "__version__",
    ]
    constants = {"__version__": agent.__version__, "DISTRIBUTION": "nemovideo-agent"}
    for name in agent.__all__:
        assert getattr(agent, name) == constants.get(name, getattr(errors, name, None))
