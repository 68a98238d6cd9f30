"""HTTP 402 and 403 are told apart by body and endpoint, each with its own message (R8)."""

from __future__ import annotations

import pytest

from agent.errors import (
    ExportBlockedError,
    ForbiddenError,
    InsufficientCreditsError,
    PlanRequiredError,
    ScopeError,
    error_from_response,
)
from agent.messages import MessageContext, error_reply
from agent.templates import Templates

WEB = "https://nemovideo.com"
RENDER = "/api/render/proxy/lambda"


@pytest.mark.parametrize(
    ("status", "message", "endpoint", "expected"),
    [
        (402, "export blocked on the free plan", RENDER, ExportBlockedError),
        (402, "Payment required", RENDER, ExportBlockedError),
        (402, "Insufficient credits", RENDER, InsufficientCreditsError),
        (402, "Payment required", "/run_sse", InsufficientCreditsError),
        (402, "upgrade your subscription", "/run_sse", ExportBlockedError),
        (403, "token lacks required scope: render", RENDER, ScopeError),
        (403, "Starter plan required", RENDER, PlanRequiredError),
        (403, "not enough credits", "/run_sse", InsufficientCreditsError),
        (403, "Forbidden", "/api/upload-video/nemo_agent/me/1", ScopeError),
        (403, "denied", "/run_sse", ForbiddenError),
    ],
)
def test_402_and_403_by_body_then_endpoint(
    status: int, message: str, endpoint: str, expected: type
) -> None:
    error = error_from_response(status, {"message": message}, endpoint=endpoint)
    assert type(error) is expected
    assert error.status_code == status


def test_a_body_code_402_on_a_200_is_read_like_the_status() -> None:
    error = error_from_response(200, {"code": 402, "message": "credits exhausted"}, endpoint=RENDER)
    assert isinstance(error, InsufficientCreditsError)


def test_2001_stays_credits_whatever_the_status() -> None:
    error = error_from_response(402, {"code": 2001, "message": "x"}, endpoint=RENDER)
    assert isinstance(error, InsufficientCreditsError)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_refusal_has_its_own_message_and_next_step(lang: str) -> None:
    templates = Templates()
    anon = MessageContext(web_url=WEB, user_id="anon_abc")
    own = MessageContext(web_url=WEB, user_id="usr_1", own_token=True)
    scope = ScopeError("lacks scope render", status_code=403)
    texts = {
        "scope_anon": error_reply(scope, anon),
        "scope_own": error_reply(scope, own),
        "plan": error_reply(PlanRequiredError("plan required", status_code=403), own),
        "forbidden": error_reply(ForbiddenError("denied", status_code=403), own),
        "export": error_reply(ExportBlockedError("blocked", status_code=402), own),
    }
    rendered = {k: templates.render(r.template, lang, **r.context) for k, r in texts.items()}
    assert len(set(rendered.values())) == len(rendered)
    assert "/register?bind=anon_abc" in rendered["scope_anon"]
    assert "register" not in rendered["scope_own"]
    assert f"{WEB}/register?bind=anon_abc" in texts["scope_anon"].links
    assert texts["scope_own"].error is not None
    assert texts["scope_own"].error.code == 403
